"""The print view of a plan: the administrative document as Nghị định 30/2020 lays it out.

One page per plan at truong/<slug>/<year>/in/, rendered by overrides/print.html with
overrides/assets/stylesheets/print.css, and printed to PDF by congkhai/printing/pdf.py. Plans keep the table
layout of their source document (`mau_bang`); the layouts are data here: each printed column
names the row fields it shows. A field that a layout has no column for is printed, with a short
label, inside the closest column, so switching layouts never hides what a school wrote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from congkhai.core import catalog
from congkhai.core.model import Plan, Row, SourceKind, TableLayout
from congkhai.facts.context import BuildContext
from congkhai.pages.spec import PageSpec

# Columns computed from the row's position rather than copied from one field.
TT = "#tt"  # running number
STANDARD = "#tieu_chuan"  # the standard a criterion belongs to
CRITERION = "#tieu_chi"  # criterion id (and title where the layout shows it)

# Labels for fields printed in a column that is not their own (Vietnamese, shown in the PDF).
FIELD_LABELS = {
    "diem_yeu": "Điểm yếu",
    "noi_dung": "Nội dung",
    "ket_qua_can_dat": "Kết quả cần đạt",
    "giai_phap": "Giải pháp",
    "chu_tri": "Chủ trì",
    "phoi_hop": "Phối hợp",
    "thoi_gian": "Thời gian",
    "kinh_phi": "Kinh phí",
    "kinh_phi_ghi_chu": "Kinh phí",
    "nguon_kinh_phi": "Nguồn kinh phí",
    "dieu_kien_ho_tro": "Điều kiện hỗ trợ",
    "giam_sat": "Giám sát",
    "thoi_diem_bao_cao": "Thời điểm báo cáo",
    "ghi_chu": "Ghi chú",
}


@dataclass(frozen=True)
class Column:
    """One printed column: its header, the fields shown as they are, the fields shown labelled."""

    label: str
    fields: tuple[str, ...]
    extras: tuple[str, ...] = ()
    min_width: float = 5  # per cent of the table; never narrower: the header's longest word fits
    narrow: bool = False  # short values (numbers, dates): centred


@dataclass(frozen=True)
class Layout:
    key: TableLayout
    columns: tuple[Column, ...]
    landscape: bool  # the table gets its own landscape pages
    groups: bool  # heading rows per standard and the "MỨC 1, 2, 3" / "MỨC 4" bands
    criterion_titles: bool  # the criterion column shows the title, not just the id

    @property
    def fields(self) -> set[str]:
        return {f for c in self.columns for f in (*c.fields, *c.extras)}


LAYOUTS: dict[TableLayout, Layout] = {
    # Appendix template of Công văn 5932/BGDĐT-QLCL.
    TableLayout.MAU_9_COT: Layout(
        TableLayout.MAU_9_COT,
        (
            Column("TT", (TT,), min_width=3.5, narrow=True),
            Column("Tiêu chuẩn, tiêu chí", (CRITERION,), min_width=10),
            Column(
                "Kết quả cần đạt (so với hiện trạng)", ("ket_qua_can_dat",), ("diem_yeu", "noi_dung"), min_width=9
            ),
            Column("Công việc/giải pháp cần thực hiện", ("giai_phap",), min_width=12),
            Column("Chủ trì và phối hợp thực hiện", ("chu_tri",), ("phoi_hop", "giam_sat"), min_width=8),
            Column("Thời gian thực hiện và hoàn thành", ("thoi_gian",), ("thoi_diem_bao_cao",), min_width=7),
            Column("Dự kiến kinh phí", ("kinh_phi", "kinh_phi_ghi_chu", "nguon_kinh_phi"), min_width=9),
            Column("Điều kiện hỗ trợ khác", ("dieu_kien_ho_tro",), min_width=6),
            Column("Ghi chú", ("ghi_chu",), min_width=4.5),
        ),
        landscape=True,
        groups=True,
        criterion_titles=True,
    ),
    # "Mặt yếu / Biện pháp" table (THCS Tân Sơn): fits a portrait page.
    TableLayout.MAT_YEU_5_COT: Layout(
        TableLayout.MAT_YEU_5_COT,
        (
            Column("Tiêu chuẩn", (STANDARD,), min_width=9.5, narrow=True),
            Column("Tiêu chí", (CRITERION,), min_width=8, narrow=True),
            Column("Mặt yếu", ("diem_yeu",), ("ket_qua_can_dat", "noi_dung"), min_width=15),
            Column(
                "Biện pháp cải tiến chất lượng",
                ("giai_phap",),
                ("kinh_phi", "kinh_phi_ghi_chu", "nguon_kinh_phi", "dieu_kien_ho_tro", "ghi_chu"),
                min_width=25,
            ),
            Column(
                "Phân công nhiệm vụ/Thời gian thực hiện",
                ("chu_tri", "phoi_hop", "thoi_gian"),
                ("giam_sat", "thoi_diem_bao_cao"),
                min_width=14,
            ),
        ),
        landscape=False,
        groups=False,
        criterion_titles=False,
    ),
    # Table with supervision and reporting dates (THPT Bình Phục Nhứt).
    TableLayout.GIAM_SAT_10_COT: Layout(
        TableLayout.GIAM_SAT_10_COT,
        (
            Column("TT", (TT,), min_width=3.5, narrow=True),
            Column("Tiêu chuẩn", (STANDARD,), min_width=6, narrow=True),
            Column("Tiêu chí", (CRITERION,), min_width=5, narrow=True),
            Column("Nội dung kế hoạch", ("noi_dung",), ("diem_yeu", "ket_qua_can_dat"), min_width=9),
            Column("Giải pháp thực hiện", ("giai_phap",), ("dieu_kien_ho_tro", "ghi_chu"), min_width=12),
            Column("Phân công thực hiện", ("chu_tri",), ("phoi_hop",), min_width=8),
            Column("Thời gian thực hiện", ("thoi_gian",), min_width=7, narrow=True),
            Column("Kinh phí", ("kinh_phi", "kinh_phi_ghi_chu", "nguon_kinh_phi"), min_width=9),
            Column("Phân công giám sát", ("giam_sat",), min_width=7),
            Column("Thời điểm báo cáo", ("thoi_diem_bao_cao",), min_width=7, narrow=True),
        ),
        landscape=True,
        groups=False,
        criterion_titles=False,
    ),
}


@dataclass(frozen=True)
class Part:
    """One piece of a cell: a text (kept with its line breaks), with a label when out of place."""

    text: str
    label: str | None = None
    strong: bool = False
    nowrap: bool = False  # amounts: never broken inside the number


@dataclass
class Line:
    """One line of the printed table: a band, a standard's heading row, or a criterion row."""

    kind: str  # "band" | "standard" | "row"
    text: str = ""
    number: str = ""
    cells: list[list[Part]] = field(default_factory=list)
    anchor: str = ""


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


@dataclass
class PrintDoc:
    """Everything the print template shows besides the Markdown body, computed once."""

    governing_body: str | None
    school_name: str
    title: str
    number: str
    place: str
    year_line: str | None
    layout: Layout
    lines: list[Line]
    widths: list[float]
    recipients: list[str]
    signer_titles: list[str]
    signer: str | None
    ocr_note: str | None
    pdf_name: str | None  # None: the build's PDF policy gives this plan no PDF (congkhai.pdf)


def _texts(row: Row, name: str) -> list[str]:
    """A field as printed: one text per solution; an amount as the template prints it."""
    value = getattr(row, name)
    if name == "kinh_phi":  # the column header says what it is: the number alone, 294.157.000
        return [f"{value:,}".replace(",", ".")] if value else []
    if isinstance(value, list):
        return [v for v in value if v]
    return [value] if value else []


def _criterion_text(row: Row, circ: catalog.Circular, with_title: bool) -> tuple[str, str | None]:
    """("Tiêu chí 5.3", "title") as the 9-column template words it; level-4 items by number."""
    number = row.tieu_chi[3:] if row.standard == "M4" else row.tieu_chi
    if not with_title:
        return (f"Tiêu chí {number}" if row.standard == "M4" else row.tieu_chi), row.ten_tieu_chi
    known = circ.criterion(row.tieu_chi)
    return f"Tiêu chí {number}", row.ten_tieu_chi or (known.title if known else None)


def _cell(row: Row, column: Column, layout: Layout, circ: catalog.Circular, number: str) -> list[Part]:
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
            parts += [Part(text, nowrap=name == "kinh_phi") for text in _texts(row, name)]
    for name in column.extras:
        parts += [Part(text, FIELD_LABELS[name], nowrap=name == "kinh_phi") for text in _texts(row, name)]
    return parts


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
    layout = LAYOUTS[plan.meta.mau_bang]
    circ = catalog.circular(plan.meta.thong_tu)
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
        lines.append(Line("row", cells=cells, anchor=row.anchor))
    return lines


def _number(plan: Plan) -> str:
    """"Số: 258/KH-TnS"; a missing number stays a visible gap, as drafts print it."""
    gap = "\u00a0" * 6
    so_hieu = (plan.meta.so_hieu or "").strip()
    if not so_hieu:
        abbr = plan.school.profile.ten_viet_tat
        so_hieu = f"/KH-{abbr}" if abbr else "/KH"
    if so_hieu.startswith("/"):
        so_hieu = gap + so_hieu
    return f"Số: {so_hieu}"


_AUTHORITY = re.compile(r"^(KT|Q|TM|TL|TUQ)\.\s*", re.IGNORECASE)


def _signer_titles(text: str | None) -> list[str]:
    """"KT. HIỆU TRƯỞNG / PHÓ HIỆU TRƯỞNG" on two lines, upper case, "Q.HIỆU" spaced as "Q. HIỆU"."""
    if not text:
        return []
    parts = [p.strip() for p in re.split(r"\s+/\s+|\n", text) if p.strip()]
    return [_AUTHORITY.sub(lambda m: m[1].upper() + ". ", p).upper() for p in parts]


def _recipients(items: list[str]) -> list[str]:
    """Each on its own line, "- ...;" and the last "- ...." (Nghị định 30/2020, Phụ lục I)."""
    clean = []
    for item in items:
        text = re.sub(r"^[-–—•+*]\s*", "", item.strip()).rstrip(" ;.,")
        text = re.sub(r"^Lưu\s*:?\s*VT\b", "Lưu: VT", text, flags=re.IGNORECASE)
        if text:
            clean.append(text)
    return [f"- {t}{'.' if i == len(clean) - 1 else ';'}" for i, t in enumerate(clean)]


_UNIT = re.compile(r"^(?:huyện|quận|thị xã|thành phố|tp\.|tỉnh|xã|phường|thị trấn)\s+(?=\D)", re.IGNORECASE)
_DOC_TYPE = re.compile(r"^\s*(?:kế hoạch|ke hoach)\b\s*[:\-–]?\s*", re.IGNORECASE)


def _place(plan: Plan) -> str:
    """The plan's own place name, else the district without its unit word ("Quận 12" stays)."""
    if plan.meta.dia_danh:
        return plan.meta.dia_danh
    profile = plan.school.profile
    for name in (profile.quan_huyen, profile.tinh_thanh):
        if name:
            return _UNIT.sub("", name.strip())
    return ""


def _title(text: str) -> str:
    """The summary under «KẾ HOẠCH», without a second «Kế hoạch» when the source repeats it."""
    rest = _DOC_TYPE.sub("", text)
    return rest if rest.strip() else text


def print_doc(plan: Plan, with_pdf: bool = True) -> PrintDoc:
    meta, profile = plan.meta, plan.school.profile
    governing = meta.co_quan_chu_quan or profile.co_quan_chu_quan
    year_in_title = plan.year in meta.tieu_de or plan.year.replace("-", " - ") in meta.tieu_de
    ocr_note = None
    if meta.nguon_van_ban == SourceKind.OCR:
        ocr_note = (
            "Văn bản này được nhận dạng tự động từ bản quét (OCR), có thể sai chữ hoặc thiếu dấu; "
            "khi cần đối chiếu, xem bản gốc có chữ ký và dấu của nhà trường."
        )
        if meta.ghi_chu_nguon:
            ocr_note += " " + meta.ghi_chu_nguon
    lines = table_lines(plan)
    layout = LAYOUTS[meta.mau_bang]
    return PrintDoc(
        governing_body=governing.upper() if governing else None,
        school_name=(meta.ten_truong or profile.ten).upper(),
        title=_title(meta.tieu_de),
        number=_number(plan),
        place=_place(plan),
        year_line=None if year_in_title else f"Năm học {plan.year}",
        layout=layout,
        lines=lines,
        widths=column_widths(layout, lines),
        recipients=_recipients(meta.noi_nhan),
        signer_titles=_signer_titles(meta.chuc_vu_nguoi_ky),
        signer=meta.nguoi_ky,
        ocr_note=ocr_note,
        pdf_name=plan.pdf_name if with_pdf else None,
    )


_TRAILING_HEADING = re.compile(r"(?s)^(.*?)(<h([1-6])\b[^>]*>(?:(?!<h[1-6]\b|<p\b).)*?</h\3>)\s*$")


def split_trailing_heading(html: str) -> tuple[str, str]:
    """Split off a heading that ends the text before the table, so it moves with the table.

    A landscape table starts on a new page; its section heading ("III. NỘI DUNG KẾ HOẠCH ...")
    must start that page too rather than stay alone at the foot of the previous one.
    """
    m = _TRAILING_HEADING.match(html)
    return (m[1], m[2]) if m else (html, "")


def print_pages(ctx: BuildContext) -> list[PageSpec]:
    return [
        PageSpec(
            src_uri=f"{plan.print_url.rstrip('/')}.md",
            title=f"{plan.title} (bản in)",
            template="print.html",
            context={"plan": plan, "doc": print_doc(plan, plan.url in ctx.pdf_plans), "split_trailing_heading": split_trailing_heading},
            body=plan.body,
            kind="print",
        )
        for plan in ctx.corpus.plans
    ]
