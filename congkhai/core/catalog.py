"""The circulars as data: each catalogs/*.yml file is one catalog of a circular (its standards,
criteria, levels, the school levels it applies to, its table layouts and the school years it
governs). A circular with one appendix per kind of school (Thông tư 57/2026: mầm non, phổ thông)
has one file per appendix: they share the code plans write and differ in school levels and key.

Adding a circular is adding a file: nothing in Python or JavaScript names a circular. Extra
folders of catalog files can be given in CONGKHAI_CATALOGS (os.pathsep-separated), for a
deployment's own circular or a test's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
import os
import re
from functools import cache
from importlib import resources
from pathlib import Path

import yaml

from congkhai.core.layouts import Layout, layout_from, shared_layouts
from congkhai.core.model import Level, Plan, Row


@dataclass(frozen=True)
class Criterion:
    id: str  # "5.3" or "M4.1"
    title: str
    standard: str  # "5" or "M4"
    circular: str  # "18/2018"
    verified: bool = True
    """Whether the title was checked against the circular's official text."""
    circular_key: str = ""  # "tt18"
    mandatory: bool = False
    """A criterion the school's level requires (tiêu chí bắt buộc, Thông tư 57/2026)."""
    alternatives: tuple[str, ...] = ()
    """Other wordings sources give for the title while the official text is unconfirmed."""

    def wording(self, own: str | None) -> str:
        """The title a plan uses: one of the alternatives when it names it, else the catalog's."""
        if own:
            for text in self.alternatives:
                if _fold(text) == _fold(own):
                    return text
        return self.title

    @property
    def slug(self) -> str:
        return criterion_slug(self.id)

    @property
    def url(self) -> str:
        """Its index page: every plan row that addresses it."""
        return f"tieu-chi/{self.circular_key}/{self.slug}/"

    @property
    def label(self) -> str:
        if self.standard == "M4":
            return f"Tiêu chí mức 4, mục {self.id[3:]}"
        return f"Tiêu chí {self.id}"


@dataclass(frozen=True)
class Standard:
    id: str
    title: str
    criteria: tuple[Criterion, ...]
    verified: bool = True
    alternatives: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return "Mức 4" if self.id == "M4" else f"Tiêu chuẩn {self.id}"


@dataclass(frozen=True)
class Circular:
    code: str
    """"18/2018": what plans write in `thong_tu`."""
    key: str
    """"tt18": its URL segment."""
    title: str
    short: str
    applies_to: str
    levels: tuple[Level, ...]
    standards: tuple[Standard, ...]
    criteria: dict[str, Criterion] = field(hash=False, compare=False)
    layouts: dict[str, Layout] = field(default_factory=dict, hash=False, compare=False)
    """Table layouts plans under it may use; the first is the default."""
    first_year: int | None = None
    """The first school year it governs (2026 for 2026-2027); None: from the start."""
    last_year: int | None = None
    """The last school year it governs; None: still in force."""
    name: str = ""
    """How the site names this catalog: "Thông tư 18/2018", "Thông tư 57/2026 (phổ thông)"."""
    top_level: int = 4
    """The highest level a school can reach (Mức 4 in 2018, Mức 2 in Thông tư 57/2026)."""
    checkpoints: tuple[str, ...] = ()
    """The form's monitoring points (Cuối học kỳ I, Cuối năm học): the monitoring table's rows."""
    note: str = ""
    """Shown with the catalog: where its facts come from and how far they are confirmed."""
    second_hand: bool = False
    """Compiled without the official text: plan pages flag its unverified titles on every row."""

    def criterion(self, cid: str) -> Criterion | None:
        return self.criteria.get(cid)

    @property
    def url(self) -> str:
        return f"tieu-chi/{self.key}/"

    def criterion_url(self, cid: str) -> str:
        """The index page of a criterion id, whether or not the catalog knows it."""
        return f"{self.url}{criterion_slug(cid)}/"

    @property
    def level_criteria(self) -> list[Criterion]:
        """Criteria of levels 1 to 3 (without the level-4 items)."""
        return [c for c in self.criteria.values() if c.standard != "M4"]

    @property
    def default_layout(self) -> str:
        return next(iter(self.layouts))

    def governs(self, first_year: int) -> bool:
        """Whether a plan of the school year starting in `first_year` is written under it."""
        return (self.first_year is None or first_year >= self.first_year) and (
            self.last_year is None or first_year <= self.last_year
        )


def criterion_slug(cid: str) -> str:
    """"5.3" -> "5-3", "M4.1" -> "m4-1": the criterion's URL segment and row anchor."""
    return cid.lower().replace(".", "-")


def _fold(text: str) -> str:
    return re.sub(r"[\W_]+", " ", text).casefold().strip()


def _alternatives(item: dict) -> tuple[str, ...]:
    return tuple(alt["ten"] if isinstance(alt, dict) else str(alt) for alt in item.get("ten_khac") or ())


def _criteria(items: list, standard: str, code: str, key: str) -> tuple[Criterion, ...]:
    return tuple(
        Criterion(
            c["ma"], c["ten"], standard, code, not c.get("chua_xac_minh", False), key,
            bool(c.get("bat_buoc", False)), _alternatives(c),
        )
        for c in items
    )


def _layouts(raw: list) -> dict[str, Layout]:
    shared = shared_layouts()
    found = [shared[item] if isinstance(item, str) else layout_from(item) for item in raw]
    return {layout.key: layout for layout in found}


def _year(value: object) -> int | None:
    """"2026-2027" -> 2026 (a catalog names school years as plans do)."""
    return int(str(value)[:4]) if value else None


def load_file(path: Path) -> Circular:
    raw = yaml.safe_load(path.read_text("utf-8"))
    code, key = raw["ma"], raw["ky_hieu"]
    standards = [
        Standard(s["ma"], s["ten"], _criteria(s["tieu_chi"], s["ma"], code, key), not s.get("chua_xac_minh", False), _alternatives(s))
        for s in raw["tieu_chuan"]
    ]
    if raw.get("muc_4"):
        standards.append(Standard("M4", "Tiêu chí mức 4", _criteria(raw["muc_4"], "M4", code, key)))
    return Circular(
        code=code,
        key=key,
        title=raw["ten"],
        short=raw["ten_ngan"],
        applies_to=raw["ap_dung"],
        levels=tuple(Level(x) for x in raw["cap_hoc"]),
        standards=tuple(standards),
        criteria={c.id: c for s in standards for c in s.criteria},
        layouts=_layouts(raw.get("mau_bang") or ["9-cot", "5-cot", "10-cot"]),
        first_year=_year(raw.get("tu_nam_hoc")),
        last_year=_year(raw.get("den_nam_hoc")),
        name=raw.get("nhan") or f"Thông tư {code}",
        top_level=int(raw.get("muc_cao_nhat", 4)),
        checkpoints=tuple(raw.get("moc_theo_doi") or ()),
        note=raw.get("ghi_chu", ""),
        second_hand=bool(raw.get("nguon_thu_cap", False)),
    )


def catalog_files() -> list[Path]:
    """The package's catalogs, then those of the folders in CONGKHAI_CATALOGS."""
    folders = [Path(str(resources.files(__package__).joinpath("catalogs")))]
    folders += [Path(p) for p in os.environ.get("CONGKHAI_CATALOGS", "").split(os.pathsep) if p]
    return [f for folder in folders for f in sorted(folder.glob("*.yml"))]


@cache
def circulars() -> dict[str, Circular]:
    """All catalogs by key ("tt17", ..., "tt57-pho-thong"), oldest first, loaded once."""
    found = [load_file(path) for path in catalog_files()]
    return {c.key: c for c in sorted(found, key=lambda c: (c.first_year or 0, c.code, c.key))}


def codes() -> list[str]:
    """The circular numbers plans may write in `thong_tu`, oldest first."""
    return list(dict.fromkeys(c.code for c in circulars().values()))


def find(code: str, level: Level | None = None) -> Circular | None:
    """The catalog of a circular for a school level (a circular may have one per kind of school)."""
    same = [c for c in circulars().values() if c.code == code]
    mine = [c for c in same if level is None or level in c.levels]
    return (mine or same or [None])[0]


def circular(code: str, level: Level | None = None) -> Circular:
    """The catalog of a circular code ("18/2018") or key ("tt57-pho-thong"), for a school level."""
    found = circulars().get(code) or find(code, level)
    if found is None:
        raise KeyError(code)
    return found


def of(plan: Plan) -> Circular:
    """The catalog a plan is written under: its circular, for its school's level."""
    return circular(plan.meta.thong_tu, plan.school.profile.cap_hoc)


def normalise_code(text: str) -> str | None:
    """"Thông tư 18/2018/TT-BGDĐT" -> "18/2018"; None when the text names no circular number."""
    m = re.search(r"(\d{1,3})\s*/\s*(\d{4})", text)
    return f"{int(m[1])}/{m[2]}" if m else None


def circulars_for(level: Level, first_year: int | None = None) -> list[Circular]:
    """The circulars for a school level, those governing the year first (newest first)."""
    mine = [c for c in circulars().values() if level in c.levels]
    if first_year is None:
        return mine
    return sorted(mine, key=lambda c: (not c.governs(first_year), -(c.first_year or 0)))


def circular_for_level(level: Level, first_year: int | None = None) -> Circular:
    """The circular a new plan of this level (and school year, when known) follows."""
    found = circulars_for(level, first_year)
    if not found:
        raise KeyError(level)
    return found[0]


def row_criterion(plan: Plan, row: Row) -> Criterion | None:
    return of(plan).criterion(row.tieu_chi)


def row_title(plan: Plan, row: Row) -> str:
    """The official title from the circular's catalog (the alternative the plan uses, where the
    sources disagree); the school's wording if not in it."""
    crit = row_criterion(plan, row)
    return crit.wording(row.ten_tieu_chi) if crit else (row.ten_tieu_chi or "")


def plan_layout(plan: Plan) -> Layout:
    """The table layout a plan is shown and printed in (the loader checked it is its circular's)."""
    circ = of(plan)
    return circ.layouts.get(plan.meta.mau_bang or "") or circ.layouts[circ.default_layout]
