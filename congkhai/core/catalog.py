"""The official criteria catalogs of Thông tư 17, 18 and 19/2018 (data in catalogs/*.yml)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import yaml

from congkhai.core.model import Level, Plan, Row


@dataclass(frozen=True)
class Criterion:
    id: str  # "5.3" or "M4.1"
    title: str
    standard: str  # "5" or "M4"
    circular: str  # "18/2018"
    verified: bool = True
    circular_key: str = ""  # "tt18"

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

    @property
    def label(self) -> str:
        return "Mức 4" if self.id == "M4" else f"Tiêu chuẩn {self.id}"


@dataclass(frozen=True)
class Circular:
    code: str  # "18/2018"
    key: str  # "tt18", used in URLs
    title: str
    short: str
    applies_to: str
    levels: tuple[Level, ...]
    standards: tuple[Standard, ...]
    criteria: dict[str, Criterion] = field(hash=False, compare=False)

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


def criterion_slug(cid: str) -> str:
    """"5.3" -> "5-3", "M4.1" -> "m4-1": the criterion's URL segment and row anchor."""
    return cid.lower().replace(".", "-")


def row_criterion(plan: Plan, row: Row) -> Criterion | None:
    return circular(plan.meta.thong_tu).criterion(row.tieu_chi)


def row_title(plan: Plan, row: Row) -> str:
    """The official title from the circular's catalog; the school's wording if not in it."""
    crit = row_criterion(plan, row)
    return crit.title if crit else (row.ten_tieu_chi or "")


def _load(key: str) -> Circular:
    raw = yaml.safe_load(resources.files(__package__).joinpath(f"catalogs/{key}.yml").read_text("utf-8"))
    code = raw["ma"]
    standards = []
    for s in raw["tieu_chuan"]:
        crit = tuple(
            Criterion(c["ma"], c["ten"], s["ma"], code, not c.get("chua_xac_minh", False), raw["ky_hieu"]) for c in s["tieu_chi"]
        )
        standards.append(Standard(s["ma"], s["ten"], crit))
    level4 = tuple(Criterion(c["ma"], c["ten"], "M4", code, not c.get("chua_xac_minh", False), raw["ky_hieu"]) for c in raw["muc_4"])
    standards.append(Standard("M4", "Tiêu chí mức 4", level4))
    criteria = {c.id: c for s in standards for c in s.criteria}
    return Circular(
        code=code,
        key=raw["ky_hieu"],
        title=raw["ten"],
        short=raw["ten_ngan"],
        applies_to=raw["ap_dung"],
        levels=tuple(Level(x) for x in raw["cap_hoc"]),
        standards=tuple(standards),
        criteria=criteria,
    )


@cache
def circulars() -> dict[str, Circular]:
    """All catalogs by code ("17/2018", ...), loaded once."""
    return {c.code: c for c in (_load(k) for k in ("tt17", "tt18", "tt19"))}


def circular(code: str) -> Circular:
    return circulars()[code]


def circular_for_level(level: Level) -> Circular:
    for c in circulars().values():
        if level in c.levels:
            return c
    raise KeyError(level)
