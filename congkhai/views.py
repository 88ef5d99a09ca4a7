"""View data for plan and school pages: what each page shows, computed from the model alone.

Templates only place these values; every decision (which columns a plan's table needs, how a
merged cell reads, which criteria a school keeps coming back to) is made here, in plain functions
that tests can call without MkDocs.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from . import budget, catalog, gitlog, pages, pdf, printview
from .catalog import Circular, Criterion
from .model import Corpus, Plan, Row, SchoolRecord, SourceKind, TableLayout
from .pages import PageSpec
from .paging import paginate
from .templating import vn_date

# -----------------------------------------------------------------------------
# The improvement table
# -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    """One column of the web table: which Row fields it shows and what each is called there."""

    key: str
    label: str
    fields: tuple[str, ...]
    captions: tuple[str, ...] = ()  # one per field, shown when a cell holds more than one field


# Field order and captions follow the official 9-column template (Công văn 5932); fields the
# template has no column for (weakness, plan content, supervision) get their own, so every field
# of every row is on the page.
_WEAKNESS = Column("diem_yeu", "Điểm yếu", ("diem_yeu",))
_CONTENT = Column("noi_dung", "Nội dung kế hoạch", ("noi_dung",))
_TARGET = Column("ket_qua", "Kết quả cần đạt (so với hiện trạng)", ("ket_qua_can_dat",))
_SOLUTIONS = Column("giai_phap", "Công việc/giải pháp cần thực hiện", ("giai_phap",))
_WHO = Column("chu_tri", "Chủ trì và phối hợp thực hiện", ("chu_tri", "phoi_hop"), ("Chủ trì", "Phối hợp"))
_WHEN = Column("thoi_gian", "Thời gian thực hiện và hoàn thành", ("thoi_gian",))
_BUDGET = Column(
    "kinh_phi", "Dự kiến kinh phí", ("kinh_phi", "kinh_phi_ghi_chu", "nguon_kinh_phi"), ("Số tiền", "Ghi chú", "Nguồn")
)
_SUPPORT = Column("dieu_kien", "Điều kiện hỗ trợ khác", ("dieu_kien_ho_tro",))
_SUPERVISION = Column("giam_sat", "Giám sát", ("giam_sat",))
_REPORT = Column("bao_cao", "Thời điểm báo cáo", ("thoi_diem_bao_cao",))
_NOTE = Column("ghi_chu", "Ghi chú", ("ghi_chu",))

LAYOUT_COLUMNS: dict[TableLayout, tuple[Column, ...]] = {
    TableLayout.MAU_9_COT: (
        _WEAKNESS, _CONTENT, _TARGET, _SOLUTIONS, _WHO, _WHEN, _BUDGET, _SUPPORT, _SUPERVISION, _REPORT, _NOTE,
    ),
    TableLayout.MAT_YEU_5_COT: (
        Column("diem_yeu", "Mặt yếu", ("diem_yeu",)),
        _CONTENT,
        _TARGET,
        Column("giai_phap", "Biện pháp cải tiến chất lượng", ("giai_phap",)),
        Column(
            "phan_cong", "Phân công nhiệm vụ/Thời gian thực hiện", ("chu_tri", "phoi_hop", "thoi_gian"),
            ("Chủ trì", "Phối hợp", "Thời gian"),
        ),
        _BUDGET, _SUPPORT, _SUPERVISION, _REPORT, _NOTE,
    ),
    TableLayout.GIAM_SAT_10_COT: (
        _WEAKNESS,
        _CONTENT,
        _TARGET,
        Column("giai_phap", "Giải pháp thực hiện", ("giai_phap",)),
        Column("chu_tri", "Phân công thực hiện", ("chu_tri", "phoi_hop"), ("Chủ trì", "Phối hợp")),
        Column("thoi_gian", "Thời gian thực hiện", ("thoi_gian",)),
        Column("kinh_phi", "Kinh phí", _BUDGET.fields, _BUDGET.captions),
        _SUPPORT,
        Column("giam_sat", "Phân công giám sát", ("giam_sat",)),
        _REPORT,
        _NOTE,
    ),
}
ALWAYS_SHOWN = {"giai_phap"}  # the heart of a plan: its column stays even when empty


@dataclass(frozen=True)
class Entry:
    """One field inside a cell: a caption when the cell merges fields, then text or a list."""

    caption: str | None
    text: str = ""
    items: tuple[str, ...] = ()
    amount: int | None = None


@dataclass(frozen=True)
class Cell:
    column: Column
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
    value = getattr(row, name)
    return value not in (None, "", [])


def table_columns(layout: TableLayout, rows: list[Row]) -> list[Column]:
    """The layout's columns that some row fills (plus the solutions column)."""
    return [c for c in LAYOUT_COLUMNS[layout] if c.key in ALWAYS_SHOWN or any(_has(r, f) for r in rows for f in c.fields)]


def _entry(row: Row, name: str, caption: str | None) -> Entry:
    value = getattr(row, name)
    if name == "giai_phap":
        return Entry(caption, items=tuple(value))
    if name == "kinh_phi":
        return Entry(caption, amount=value)
    return Entry(caption, text=value)


def cell(column: Column, row: Row) -> Cell:
    present = [(name, cap) for name, cap in zip(column.fields, column.captions or (None,) * len(column.fields)) if _has(row, name)]
    merged = len(present) > 1
    return Cell(column, tuple(_entry(row, name, cap if merged else None) for name, cap in present))


def criterion_url(circ: Circular, cid: str) -> str:
    return f"tieu-chi/{circ.key}/{cid.lower().replace('.', '-')}/"


def row_view(number: int, row: Row, circ: Circular, columns: list[Column]) -> RowView:
    crit = circ.criterion(row.tieu_chi)
    official = crit.title if crit else (row.ten_tieu_chi or "")
    own = row.ten_tieu_chi if row.ten_tieu_chi and _norm(row.ten_tieu_chi) != _norm(official) else None
    return RowView(
        number=number,
        row=row,
        criterion=crit,
        label=crit.label if crit else f"Tiêu chí {row.tieu_chi}",
        title=official,
        own_title=own,
        url=criterion_url(circ, row.tieu_chi),
        cells=tuple(cell(c, row) for c in columns),
    )


def _norm(text: str) -> str:
    """Compare wordings without case, spacing or punctuation ("Thư viện." == "thư viện")."""
    return re.sub(r"[\W_]+", " ", text).casefold().strip()


def standard_groups(plan: Plan, circ: Circular, columns: list[Column]) -> list[StandardGroup]:
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


# -----------------------------------------------------------------------------
# Plan page
# -----------------------------------------------------------------------------


@dataclass
class PlanView:
    plan: Plan
    circular: Circular
    governing_body: str
    school_name: str
    number: str  # "258/KH-TnS", or "   /KH-TnS" for a draft without number
    place_date: str
    columns: list[Column]
    groups: list[StandardGroup]
    totals: list[budget.SourceTotal]
    signer_title: list[str]
    recipients: list[str]
    ocr: bool
    pdf_name: str | None  # None: the build's PDF policy gives this plan no PDF (congkhai.pdf)
    last_change: dt.date | None = None
    row_count: int = 0

    @property
    def school(self) -> SchoolRecord:
        return self.plan.school


def plan_view(plan: Plan, last_change: dt.date | None = None, with_pdf: bool = True) -> PlanView:
    meta = plan.meta
    profile = plan.school.profile
    circ = catalog.circular(meta.thong_tu)
    columns = table_columns(meta.mau_bang, plan.rows)
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
        totals=budget.plan_totals(plan),
        signer_title=[line.strip() for line in (meta.chuc_vu_nguoi_ky or "").replace("/", "\n").splitlines() if line.strip()],
        recipients=list(meta.noi_nhan),
        ocr=meta.nguon_van_ban == SourceKind.OCR,
        pdf_name=printview.pdf_name(plan) if with_pdf else None,
        last_change=last_change,
        row_count=len(plan.rows),
    )


# -----------------------------------------------------------------------------
# School page
# -----------------------------------------------------------------------------


@dataclass(frozen=True)
class CriterionHistory:
    """One criterion a school has planned to improve, and in which years."""

    circular: Circular
    criterion_id: str
    label: str
    title: str
    url: str
    years: dict[str, str]  # school year -> plan row URL (site-root relative)

    @property
    def count(self) -> int:
        return len(self.years)


@dataclass
class SchoolView:
    school: SchoolRecord
    profile: list[tuple[str, str, str | None]]  # label, value, link
    place: str
    years: list[str]
    history: list[CriterionHistory]
    totals: list[budget.SourceTotal]

    @property
    def repeated(self) -> list[CriterionHistory]:
        return [h for h in self.history if h.count > 1]


def place_of(school: SchoolRecord) -> str:
    p = school.profile
    return ", ".join(x for x in (p.phuong_xa, p.quan_huyen, p.tinh_thanh) if x)


def _profile_items(school: SchoolRecord) -> list[tuple[str, str, str | None]]:
    p = school.profile
    items: list[tuple[str, str, str | None]] = [("Cấp học", p.cap_hoc.label, None)]
    if p.co_quan_chu_quan:
        items.append(("Cơ quan chủ quản", p.co_quan_chu_quan, None))
    place = place_of(school)
    address = p.dia_chi or place
    if p.dia_chi and place and place.lower() not in p.dia_chi.lower():
        address = f"{p.dia_chi}, {place}"
    if address:
        items.append(("Địa chỉ", address, None))
    if p.dien_thoai:
        items.append(("Điện thoại", p.dien_thoai, "tel:" + "".join(ch for ch in p.dien_thoai if ch.isdigit() or ch == "+")))
    if p.email:
        items.append(("Thư điện tử", p.email, "mailto:" + p.email))
    if p.website:
        items.append(("Trang web", p.website, p.website))
    return items


def criteria_history(school: SchoolRecord) -> list[CriterionHistory]:
    """Every criterion in the school's plans with the years it appears, most repeated first."""
    seen: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)
    for plan in school.plans:
        for row in plan.rows:
            seen[(plan.meta.thong_tu, row.tieu_chi)][plan.year] = f"{plan.url}#{row.anchor}"
    out = []
    for (code, cid), years in seen.items():
        circ = catalog.circular(code)
        crit = circ.criterion(cid)
        out.append(
            CriterionHistory(
                circular=circ,
                criterion_id=cid,
                label=crit.label if crit else f"Tiêu chí {cid}",
                title=crit.title if crit else "",
                url=criterion_url(circ, cid),
                years=dict(sorted(years.items(), reverse=True)),
            )
        )
    return sorted(out, key=lambda h: (-h.count, h.circular.code, criterion_order(h.criterion_id)))


def criterion_order(cid: str) -> tuple:
    """1.2 < 1.10 < M4.1: numeric within a standard, level-4 items last."""
    head, _, tail = cid.partition(".")
    return (head == "M4", int(head) if head.isdigit() else 0, int(tail) if tail.isdigit() else 0)


def school_view(school: SchoolRecord) -> SchoolView:
    return SchoolView(
        school=school,
        profile=_profile_items(school),
        place=place_of(school),
        years=[p.year for p in school.plans],
        history=criteria_history(school),
        totals=budget.school_totals(school),
    )


# -----------------------------------------------------------------------------
# Pages
# -----------------------------------------------------------------------------

SCHOOLS_PER_PAGE = 100


def plan_title(plan: Plan) -> str:
    return f"Kế hoạch cải tiến chất lượng giáo dục năm học {plan.year} – {plan.school.name}"


@pages.register
def plan_pages(corpus: Corpus) -> Iterator[PageSpec]:
    """/truong/<slug>/<year>/: one page per plan (git is asked once for every plan's date)."""
    changed = gitlog.plan_dates(corpus)
    pdfs = pdf.pdf_plans(corpus)
    for plan in corpus.plans:
        yield PageSpec(
            src_uri=f"truong/{plan.school.slug}/{plan.year}.md",
            title=plan_title(plan),
            template="plan.html",
            context={"plan": plan, "view": plan_view(plan, changed.get(plan.path.resolve()), plan.url in pdfs)},
            body=plan.body,
            kind="plan",
            hide=("navigation", "toc"),
        )


@pages.register
def school_pages(corpus: Corpus) -> Iterator[PageSpec]:
    """/truong/<slug>/ for each school, and /truong/ (paged) listing them all by name."""
    for school in corpus.schools.values():
        yield PageSpec(
            src_uri=f"truong/{school.slug}/index.md",
            title=school.name,
            template="school.html",
            context={"school": school, "view": school_view(school)},
            kind="school",
            hide=("navigation", "toc"),
        )
    ordered = sorted(corpus.schools.values(), key=lambda s: (budget.fold(s.name), s.slug))
    for pager, chunk in paginate(ordered, "truong/", SCHOOLS_PER_PAGE):
        title = "Các trường" if pager.number == 1 else f"Các trường – trang {pager.number}"
        yield PageSpec(
            pager.src_uri(), title, "schools.html", {"schools": list(chunk), "pager": pager}, kind="browse", hide=("navigation", "toc")
        )
