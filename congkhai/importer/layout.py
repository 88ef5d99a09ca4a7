"""Map a plan table to rows: columns by their header text, criterion ids, continued rows.

Schools use the 9-column template of Công văn 5932, a 5-column "Mặt yếu / Biện pháp" table or a
10-column table with supervision and report dates; the same column is worded many ways, so columns
are recognised by their (folded) header text, never by position.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from congkhai.core.fields import ROW_FIELDS
from congkhai.core.model import TableLayout
from .vn import fold, squash

# (column, pattern on the folded header text); the first match wins, so order matters. Row
# fields bring their own header words (core/fields.py); the columns here are the importer's own.
_OWN: list[tuple[int, str, str]] = [
    (0, "tt", r"^(?:s\.?\s?tt|tt|so tt|thu tu)\.?$"),
    (1, "tieu_chi", r"^tieu chuan\s*[,/;-]?\s*(?:va\s+)?tieu chi|^(?:ten\s+|ma\s+)?tieu chi\b|^tc$"),
    (2, "tieu_chuan", r"^tieu chuan$|^tc\s*chuan$"),
    (45, "chu_tri_thoi_gian", r"phan cong.*thoi gian|nhiem vu.*thoi gian"),
]
COLUMNS: list[tuple[str, re.Pattern]] = [
    (name, re.compile(pattern))
    for _, name, pattern in sorted(
        _OWN + [(f.header_rank, f.key, f.header) for f in ROW_FIELDS if f.header], key=lambda c: c[0]
    )
]

BAND = re.compile(r"^muc\s*(\d)(?:\s*[,;-]\s*\d)*\s*[:.]?$")
STANDARD = re.compile(r"^tiêu\s*chuẩn\s*(\d+)\s*(?:[:.\-–]\s*)?(.*)$", re.IGNORECASE | re.DOTALL)
CRITERION = re.compile(
    r"^(?:(?:tiêu\s*chí|tc)\s*(?:số\s*)?)?(\d{1,2})(?:\s*[.,]\s*(\d{1,2}))?(?=$|[\s.:\-–,)])\s*[.:\-–]?\s*(.*)$",
    re.IGNORECASE | re.DOTALL,
)
LABELLED = re.compile(r"^(?:tiêu\s*chí|tc)\b", re.IGNORECASE)


def column_of(header: str) -> str | None:
    text = squash(fold(header)).strip(" :.")
    if not text:
        return None
    for name, pattern in COLUMNS:
        if pattern.search(text):
            return name
    return None


def is_header_row(cells: list[str]) -> bool:
    """A header row (first or repeated after a page break): most filled cells name a column."""
    filled = [c for c in cells if c.strip()]
    if len(filled) < 3:
        return False
    # Header cells are short labels without criterion numbers; long cells are content.
    named = [column_of(c) if len(c) <= 80 and not re.search(r"\d[.,]\d", c) else None for c in filled]
    hits = sum(1 for n in named if n)
    # Biểu 2 (Thông tư 57/2026) has no criterion column: the criterion is named in «Nội dung cải tiến».
    has_criterion = any(n in {"tieu_chi", "tieu_chuan"} for n in named) or BIEU_2_COLUMNS <= set(named)
    return hits >= max(3, (len(filled) * 2 + 2) // 3) and has_criterion


def is_numbering_row(cells: list[str]) -> bool:
    """The row '(1) (2) (3) …' printed under the header of many official tables."""
    filled = [c.strip() for c in cells if c.strip()]
    return len(filled) >= 3 and all(re.fullmatch(r"\(?\d{1,2}\)?", c) for c in filled)


BIEU_2_COLUMNS = {"noi_dung", "muc_tieu", "chi_so"}
"""Columns only Biểu 2 of Thông tư 57/2026 has (with «Nội dung cải tiến»)."""
CRITERION_IN_TEXT = re.compile(r"\b(?:tiêu\s*chí|tc)\s*(\d\.\d{1,2})\b", re.IGNORECASE)


def layout_of(columns: list[str | None]) -> TableLayout:
    names = set(columns)
    if BIEU_2_COLUMNS <= names and "tieu_chi" not in names:
        return TableLayout.BIEU_2
    if "diem_yeu" in names:
        return TableLayout.MAT_YEU_5_COT
    if names & {"giam_sat", "thoi_diem_bao_cao", "noi_dung"}:
        return TableLayout.GIAM_SAT_10_COT
    return TableLayout.MAU_9_COT


@dataclass
class RowDraft:
    """One criterion's row while the table is read: cell paragraphs by field."""

    tieu_chi: str
    line: int
    ten_tieu_chi: str | None = None
    cells: dict[str, list[str]] = field(default_factory=dict)
    extra: list[tuple[str, str]] = field(default_factory=list)  # (column header, text) not placed

    def add(self, name: str, paras: list[str], continued: bool) -> None:
        paras = [p for p in (squash(p) for p in paras) if p]
        if not paras:
            return
        have = self.cells.setdefault(name, [])
        if continued and have and (not have[-1].endswith((".", "!", "?", ";", ":")) or paras[0][:1].islower()):
            # A cell split by a page break: the first piece continues the last paragraph.
            have[-1] = f"{have[-1]} {paras[0]}"
            have.extend(paras[1:])
        else:
            have.extend(paras)


@dataclass
class TableResult:
    layout: TableLayout
    rows: list[RowDraft]
    standards: dict[str, str]
    unplaced: list[tuple[int, str]]  # (source line, text)
    structural: list[str]  # text consumed as structure (headers, bands, numbering)


def parse_criterion(
    text: str, standard: str | None, band: str | None, valid: Callable[[str], bool]
) -> tuple[str, str | None] | None:
    """'Tiêu chí 1.1 Phương hướng…' -> ('1.1', 'Phương hướng…'); '53' next to standard 5 -> '5.3'.

    `valid` tells whether an id exists in the circular; it settles the ambiguous bare numbers
    ("10" under standard 1 is 1.10, "11" is 1.1 with the dot lost).
    """
    text = squash(text)
    m = CRITERION.match(text)
    if not m:
        return None
    major, minor, rest = m.group(1), m.group(2), m.group(3).strip()
    labelled = bool(LABELLED.match(text))
    if minor is not None:
        cid = f"{int(major)}.{int(minor)}"
    elif rest and not labelled:
        return None  # "12 học sinh": a number, not a criterion
    elif band == "M4":
        cid = f"M4.{int(major)}"
    elif standard:
        candidates = [f"{standard}.{int(major)}"]
        if len(major) > len(standard) and major.startswith(standard):
            candidates.insert(0, f"{standard}.{int(major[len(standard):])}")
        cid = next((c for c in candidates if valid(c)), candidates[-1] if labelled else None)
        if cid is None:
            return None
    else:
        return None
    return cid, (rest or None)


class TableReader:
    """Reads one plan table (possibly continued over several Word tables) row by row."""

    def __init__(self, header: list[str], valid: Callable[[str], bool]):
        self.valid = valid
        self.columns = [column_of(h) for h in header]
        self.header = [squash(h) for h in header]
        self.layout = layout_of(self.columns)
        self.rows: list[RowDraft] = []
        self.standards: dict[str, str] = {}
        self.unplaced: list[tuple[int, str]] = []
        self.structural: list[str] = [h for h in self.header if h]
        self.band: str | None = None
        self.standard: str | None = None
        self.last_tt: str | None = None

    def _index(self, name: str) -> int | None:
        return self.columns.index(name) if name in self.columns else None

    def feed(self, cells: list[list[str]], line: int) -> None:
        texts = [squash(" ".join(c)) for c in cells]
        if not any(texts):
            return
        if is_header_row(texts) or is_numbering_row(texts):
            self.structural.extend(t for t in texts if t)
            return
        filled = [(i, t) for i, t in enumerate(texts) if t]
        tt_i = self._index("tt")
        tt = texts[tt_i] if tt_i is not None and tt_i < len(texts) else ""
        content = [(i, t) for i, t in filled if i != tt_i]
        # Band rows "MỨC 1, 2, 3" / "MỨC 4" (sometimes written in the TT column).
        if len(filled) == 1 or len(content) == 1:
            band_text = content[0][1] if len(content) == 1 else filled[0][1]
            m = BAND.match(fold(band_text))
            if m:
                self.band = "M4" if m.group(1) == "4" and "," not in band_text else None
                self.structural.extend(t for _, t in filled)
                return
        # Standard heading rows "1 | Tiêu chuẩn 1: Tổ chức và quản lý nhà trường".
        for i, t in content:
            m = STANDARD.match(t)
            if m and len(content) == 1:
                self.standard = m.group(1)
                self.band = None if self.band == "M4" else self.band
                title = squash(m.group(2))
                if title:
                    self.standards[m.group(1)] = title
                self.structural.append(f"Tiêu chuẩn {m.group(1)}")
                if tt:
                    self.structural.append(tt)
                return
        std_i = self._index("tieu_chuan")
        crit_i = self._index("tieu_chi")
        in_text = crit_i is None and self.layout == TableLayout.BIEU_2
        if in_text:  # Biểu 2: «Tiêu chí 1.4: …» opens the «Nội dung cải tiến» cell
            crit_i = self._index("noi_dung")
        std_text = texts[std_i] if std_i is not None and std_i < len(texts) else ""
        std_num = std_text if re.fullmatch(r"\d{1,2}", std_text) else None
        if std_num:
            self.standard = std_num
        found = None
        if crit_i is not None and crit_i < len(texts) and texts[crit_i]:
            found = parse_criterion(texts[crit_i], std_num or self.standard, self.band, self.valid)
            if in_text and found is None and (m := CRITERION_IN_TEXT.search(texts[crit_i])) and self.valid(m[1]):
                found = (m[1], None)  # named inside the text, which stays whole
        new_row = found is not None
        if not new_row and tt and tt != self.last_tt and crit_i is not None and crit_i < len(texts) and texts[crit_i]:
            # A numbered row whose criterion cannot be read: keep every cell for the editor.
            self.unplaced.append((line, " | ".join(t for _, t in filled)))
            self.last_tt = tt
            return
        if new_row:
            cid, title = found
            if cid[0].isdigit():
                self.standard = cid.split(".")[0]
            row = RowDraft(cid, line, None if in_text else title)
            self.rows.append(row)
            if in_text:
                row.add("noi_dung", [title] if title else cells[crit_i], False)
            label = LABELLED.match(squash(texts[crit_i]))
            if label and label.group(0) not in self.structural:
                self.structural.append(label.group(0))  # "Tiêu chí", "TC": the id's label
            if tt:
                self.structural.append(tt)
                self.last_tt = tt
            if std_text:
                self.structural.append(std_text)
            continued = False
        else:
            if not self.rows:
                self.unplaced.append((line, " | ".join(t for _, t in filled)))
                return
            row = self.rows[-1]
            continued = True
            if tt and tt != self.last_tt:
                continued = False
        for i, cell in enumerate(cells):
            if i >= len(self.columns):
                extra = squash(" ".join(cell))
                if extra:
                    row.extra.append(("", extra))
                continue
            name = self.columns[i]
            if in_text and new_row and i == crit_i:
                continue
            if name in {"tt"} or (name == "tieu_chi" and new_row) or (name == "tieu_chuan"):
                if name == "tieu_chuan" and texts[i] and not std_num:
                    row.extra.append((self.header[i], texts[i]))
                continue
            if name == "tieu_chi":  # continuation of the criterion cell: its title went on
                if texts[i]:
                    row.ten_tieu_chi = squash(f"{row.ten_tieu_chi or ''} {texts[i]}")
                continue
            if name is None:
                if texts[i]:
                    row.extra.append((self.header[i], texts[i]))
                continue
            row.add(name, cell, continued)

    def result(self) -> TableResult:
        return TableResult(self.layout, self.rows, self.standards, self.unplaced, self.structural)
