"""The printed table of a plan: its lines (bands, standard headings, rows) and column widths.

Plans keep the table layout of their source document (`mau_bang`, core/layouts.yml); each printed
column names the row fields it shows, and a field a layout has no column for is printed, with its
short label, inside the closest column, so switching layouts never hides what a school wrote.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from congkhai.core import catalog
from congkhai.core.fields import AMOUNT, CHECKPOINTS, row_field, texts
from congkhai.core.layouts import CRITERION, STANDARD, TT, Layout, PrintColumn
from congkhai.core.model import Checkpoint, Plan, Row
from congkhai.core.text import vn_number


@dataclass(frozen=True)
class Part:
    """One piece of a cell: a text (kept with its line breaks), with a label when out of place."""

    text: str
    label: str | None = None
    strong: bool = False
    nowrap: bool = False  # amounts: never broken inside the number
    point: Checkpoint | None = None
    """A checkpoint of the row's follow-up (text is its line): the page shows its level as a
    badge and its evidence as links."""


@dataclass
class Line:
    """One line of the printed table: a band, a standard's heading row, or a criterion row."""

    kind: str  # "band" | "standard" | "row"
    text: str = ""
    number: str = ""
    cells: list[list[Part]] = field(default_factory=list)
    anchor: str = ""
    criterion_url: str = ""
    """The criterion's page (site-root relative): the screen links the criterion cell to it."""
    unverified: bool = False
    """The criterion's wording comes from a second-hand source (the page says so; print does not)."""
    screen_title: str = ""
    """The criterion's official title, for the screen when the printed cell gives only its number."""


# Measured on 60 generated plans: 517 pages with widths by (average text length) ** 0.8,
# 526 with ** 0.6, 530 with ** 1.0, 640 with the template's fixed proportions.
WIDTH_EXPONENT = 0.8


def column_widths(layout: Layout, lines: list[Line]) -> list[float]:
    """Per-cent widths fitted to this plan's text, so that rows (and pages) are fewer.

    A cell's height is about its text length over its width: columns get shares in proportion
    to their average text length (dampened, since the tallest cell of a row sets its height and
    short texts still wrap at word ends), and never less than their minimum.
    """
    n = len(layout.columns)
    rows = [line.cells for line in lines if line.kind == "row"]
    if not rows:
        return [round(100.0 / n, 2)] * n
    lengths = [sum(len(p.text) + len(p.label or "") for cells in rows for p in cells[i]) / len(rows) for i in range(n)]
    weights = [max(length, 1.0) ** WIDTH_EXPONENT for length in lengths]
    mins = [float(c.min_width) for c in layout.columns]
    pinned: set[int] = set()  # columns held at their minimum
    while True:
        free = [i for i in range(n) if i not in pinned]
        room = 100.0 - sum(mins[i] for i in pinned)
        total = sum(weights[i] for i in free)
        widths = [mins[i] if i in pinned else room * weights[i] / total for i in range(n)]
        short = [i for i in free if widths[i] < mins[i]]
        if not short or len(short) == len(free):
            return [round(w, 2) for w in widths]
        pinned.update(short)


def _texts(row: Row, name: str) -> list[str]:
    """A field as printed: one text per solution; an amount as the number alone, 294.157.000
    (the column header says what it is)."""
    f = row_field(name)
    if f.kind == AMOUNT:
        value = getattr(row, name)
        return [vn_number(value)] if value else []
    return texts(row, f)


def _criterion_text(row: Row, circ: catalog.Circular, with_title: bool) -> tuple[str, str | None]:
    """("Tiêu chí 5.3", "title") as the 9-column template words it; level-4 items by number."""
    number = row.tieu_chi[3:] if row.standard == "M4" else row.tieu_chi
    if not with_title:
        return (f"Tiêu chí {number}" if row.standard == "M4" else row.tieu_chi), row.ten_tieu_chi
    known = circ.criterion(row.tieu_chi)
    return f"Tiêu chí {number}", row.ten_tieu_chi or (known.title if known else None)


def _cell(row: Row, column: PrintColumn, layout: Layout, circ: catalog.Circular, number: str) -> list[Part]:
    parts: list[Part] = []
    for name in column.fields:
        if name == TT:
            parts.append(Part(number))
        elif name == STANDARD:
            parts.append(Part("Mức 4" if row.standard == "M4" else row.standard))
        elif name == CRITERION:
            head, title = _criterion_text(row, circ, layout.criterion_titles)
            if layout.criterion_titles:
                parts.append(Part(f"{head}: {title}" if title else head))
            else:
                parts.append(Part(head, strong=True))
                if title:
                    parts.append(Part(title))
        else:
            parts += _parts(row, name)
    for name in column.extras:
        parts += _parts(row, name, row_field(name).short_label)
    return parts


def _parts(row: Row, name: str, label: str | None = None) -> list[Part]:
    f = row_field(name)
    found = _texts(row, name)
    points = getattr(row, name) if f.kind == CHECKPOINTS else [None] * len(found)
    return [Part(text, label, nowrap=f.kind == AMOUNT, point=p) for text, p in zip(found, points)]


def _standard_title(plan: Plan, circ: catalog.Circular, std: str) -> str:
    own = plan.meta.ten_tieu_chuan.get(std)
    if own:
        return own
    for s in circ.standards:
        if s.id == std:
            return s.title
    return ""


def table_lines(plan: Plan) -> list[Line]:
    """The printed table's lines in order: bands and standard headings only where the layout has them."""
    layout = catalog.plan_layout(plan)
    circ = catalog.of(plan)
    rows = list(plan.rows)
    lines: list[Line] = []
    if layout.groups:
        first_seen: dict[str, int] = {}
        for i, row in enumerate(rows):
            first_seen.setdefault(row.standard, i)
        rows.sort(key=lambda r: (r.standard == "M4", first_seen[r.standard]))
    current_std = None
    band = None
    headings = 0
    for i, row in enumerate(rows, start=1):
        number = str(i)
        if layout.groups:
            level4 = row.standard == "M4"
            wanted_band = "MỨC 4" if level4 else "MỨC 1, 2, 3"
            if wanted_band != band:
                band = wanted_band
                lines.append(Line("band", wanted_band))
            if not level4 and row.standard != current_std:
                headings += 1
                title = _standard_title(plan, circ, row.standard)
                lines.append(
                    Line("standard", f"Tiêu chuẩn {row.standard}" + (f": {title}" if title else ""), str(headings))
                )
            current_std = row.standard
            number = ""
        cells = [_cell(row, column, layout, circ, number) for column in layout.columns]
        known = circ.criterion(row.tieu_chi)
        untitled = not layout.criterion_titles and not row.ten_tieu_chi
        lines.append(Line("row", cells=cells, anchor=row.anchor, criterion_url=circ.criterion_url(row.tieu_chi),
                          unverified=bool(known and not known.verified and circ.second_hand),
                          screen_title=known.title if known and untitled else ""))
    return lines
