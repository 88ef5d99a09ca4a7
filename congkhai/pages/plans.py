"""Plan pages: what each shows, computed from the model alone.

Templates only place these values; every decision (which columns a plan's table needs, how a
merged cell reads) is made here, in plain functions that tests can call without MkDocs.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from congkhai.core import catalog
from congkhai.core.catalog import Circular, Criterion
from congkhai.core.fields import AMOUNT, CHECKPOINTS, LIST, is_filled, row_field, texts
from congkhai.core.layouts import Layout, WebColumn
from congkhai.core.model import Plan, Row, SchoolRecord
from congkhai.core.text import vn_date
from congkhai.facts import budgets
from congkhai.facts.context import BuildContext
from congkhai.pages.monitoring import monitoring
from congkhai.pages.spec import PageSpec

# --- The improvement table --------------------------------------------------------------------


ALWAYS_SHOWN = {"giai_phap"}  # the heart of a plan: its column stays even when empty


@dataclass(frozen=True)
class Entry:
    """One field inside a cell: a caption when the cell merges fields, then text or a list."""

    caption: str | None
    text: str = ""
    items: tuple[str, ...] = ()
    amount: int | None = None
    points: tuple = ()
    """Checkpoints (model.Checkpoint) of the row's follow-up, shown with their level."""


@dataclass(frozen=True)
class Cell:
    column: WebColumn
    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class RowView:
    number: int
    row: Row
    criterion: Criterion | None
    label: str  # "Tiêu chí 5.3"
    title: str  # the official title
    own_title: str | None  # the school's wording, when it differs from the official title
    url: str  # criterion index page, relative to the site root
    cells: tuple[Cell, ...]

    @property
    def anchor(self) -> str:
        return self.row.anchor


@dataclass(frozen=True)
class StandardGroup:
    """Consecutive rows under one standard, as the official table bands them."""

    id: str
    label: str  # "Tiêu chuẩn 5" / "Mức 4"
    title: str
    rows: tuple[RowView, ...]


def _has(row: Row, name: str) -> bool:
    return is_filled(getattr(row, name))


def table_columns(layout: Layout, rows: list[Row]) -> list[WebColumn]:
    """The layout's web columns that some row fills (plus the solutions column)."""
    return [c for c in layout.web if c.key in ALWAYS_SHOWN or any(_has(r, f) for r in rows for f in c.fields)]


def _entry(row: Row, name: str, caption: str | None) -> Entry:
    value = getattr(row, name)
    f = row_field(name)
    if f.kind == CHECKPOINTS:
        return Entry(caption, points=tuple(value))
    if f.kind == LIST:
        return Entry(caption, items=tuple(texts(row, f)))
    if f.kind == AMOUNT:
        return Entry(caption, amount=value)
    return Entry(caption, text=value)


def cell(column: WebColumn, row: Row) -> Cell:
    present = [(name, cap) for name, cap in zip(column.fields, column.captions or (None,) * len(column.fields)) if _has(row, name)]
    merged = len(present) > 1
    return Cell(column, tuple(_entry(row, name, cap if merged else None) for name, cap in present))


def row_view(number: int, row: Row, circ: Circular, columns: list[WebColumn]) -> RowView:
    crit = circ.criterion(row.tieu_chi)
    official = crit.wording(row.ten_tieu_chi) if crit else (row.ten_tieu_chi or "")
    own = row.ten_tieu_chi if row.ten_tieu_chi and _norm(row.ten_tieu_chi) != _norm(official) else None
    return RowView(
        number=number,
        row=row,
        criterion=crit,
        label=crit.label if crit else f"Tiêu chí {row.tieu_chi}",
        title=official,
        own_title=own,
        url=circ.criterion_url(row.tieu_chi),
        cells=tuple(cell(c, row) for c in columns),
    )


def _norm(text: str) -> str:
    """Compare wordings without case, spacing or punctuation ("Thư viện." == "thư viện")."""
    return re.sub(r"[\W_]+", " ", text).casefold().strip()


def standard_groups(plan: Plan, circ: Circular, columns: list[WebColumn]) -> list[StandardGroup]:
    """Rows in document order, banded by standard whenever the standard changes."""
    standards = {s.id: s for s in circ.standards}
    groups: list[StandardGroup] = []
    current: list[RowView] = []
    for number, row in enumerate(plan.rows, start=1):
        if current and current[-1].row.standard != row.standard:
            groups.append(_group(current, standards, plan))
            current = []
        current.append(row_view(number, row, circ, columns))
    if current:
        groups.append(_group(current, standards, plan))
    return groups


def _group(rows: list[RowView], standards: dict, plan: Plan) -> StandardGroup:
    sid = rows[0].row.standard
    std = standards.get(sid)
    title = plan.meta.ten_tieu_chuan.get(sid) or (std.title if std else "")
    label = std.label if std else f"Tiêu chuẩn {sid}"
    if sid == "M4":  # the band is "Tiêu chí mức 4", not "Mức 4: Tiêu chí mức 4"
        label, title = (std.title if std else "Tiêu chí mức 4"), plan.meta.ten_tieu_chuan.get(sid, "")
    return StandardGroup(sid, label, title, tuple(rows))


# --- Plan page --------------------------------------------------------------------------------


@dataclass
class PlanView:
    plan: Plan
    circular: Circular
    governing_body: str
    school_name: str
    number: str  # "258/KH-TnS", or "   /KH-TnS" for a draft without number
    place_date: str
    columns: list[WebColumn]
    groups: list[StandardGroup]
    totals: list[budgets.SourceTotal]
    signer_title: list[str]
    recipients: list[str]
    pdf_name: str | None  # None: the build's PDF policy gives this plan no PDF
    last_change: dt.date | None = None
    row_count: int = 0
    monitoring: list = field(default_factory=list)
    """The monitoring table's points (pages.monitoring), when the plan's form has one."""

    @property
    def school(self) -> SchoolRecord:
        return self.plan.school


def plan_view(plan: Plan, last_change: dt.date | None = None, with_pdf: bool = True) -> PlanView:
    meta = plan.meta
    profile = plan.school.profile
    circ = catalog.of(plan)
    columns = table_columns(catalog.plan_layout(plan), plan.rows)
    date = vn_date(meta.ngay_ban_hanh)
    place_date = ", ".join(x for x in (meta.dia_danh, date) if x)
    if place_date and not meta.dia_danh:
        place_date = place_date[:1].upper() + place_date[1:]
    return PlanView(
        plan=plan,
        circular=circ,
        governing_body=meta.co_quan_chu_quan or profile.co_quan_chu_quan or "",
        school_name=meta.ten_truong or profile.ten,
        number=meta.so_hieu or "",
        place_date=place_date,
        columns=columns,
        groups=standard_groups(plan, circ, columns),
        totals=budgets.plan_totals(plan),
        signer_title=[line.strip() for line in (meta.chuc_vu_nguoi_ky or "").replace("/", "\n").splitlines() if line.strip()],
        recipients=list(meta.noi_nhan),
        pdf_name=plan.pdf_name if with_pdf else None,
        last_change=last_change,
        row_count=len(plan.rows),
        monitoring=monitoring(plan),
    )


def plan_pages(ctx: BuildContext) -> Iterator[PageSpec]:
    """/truong/<slug>/<year>/: one page per plan."""
    for plan in ctx.corpus.plans:
        yield PageSpec(
            src_uri=plan.src_uri,
            title=plan.title,
            template="plan.html",
            context={"plan": plan},
            lazy={"view": functools.partial(plan_view, plan, ctx.last_updated(plan), plan.url in ctx.pdf_plans)},
            body=plan.body,
            kind="plan",
            hide=("navigation", "toc"),
        )
