"""A plan as an administrative document, laid out as Nghị định 30/2020 wants it: its header,
number, place and date, title, recipients and signer (PrintDoc).

The plan page is that document (overrides/partials/ck-document.html): on screen with the site's
links around it, printed through overrides/assets/stylesheets/print.css on A4, which is how
congkhai/printing/pdf.py makes the PDF. The table itself is pages/print_table.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from congkhai.core import catalog
from congkhai.core.layouts import Layout
from congkhai.core.model import Plan
from congkhai.pages.notices import ocr_notice
from congkhai.pages.monitoring import monitoring
from congkhai.pages.print_table import Line, column_widths, table_lines


@dataclass
class PrintDoc:
    """Everything the print template shows besides the Markdown body, computed once."""

    governing_body: str | None
    school_name: str
    governing_parts: list[str]  # the header's lines break only between these (header_parts)
    school_parts: list[str]
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
    monitoring: list = field(default_factory=list)
    """The monitoring table (Biểu 2, mục VI), when the plan's form has one."""



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


# Words that say what kind of body it is; the words after them are its proper name.
_BODY_WORDS = set("SỞ PHÒNG GIÁO DỤC VÀ ĐÀO TẠO GD ĐT GDĐT GD&ĐT & UBND ỦY UỶ BAN NHÂN DÂN".split())
_SCHOOL_WORDS = set(
    "TRƯỜNG MẦM NON MẪU GIÁO NHÀ TRẺ TIỂU TRUNG HỌC CƠ SỞ PHỔ THÔNG VÀ LIÊN CẤP TH THCS THPT MN MG PT "
    "PTCS PTTH PTDTBT PTDTNT PTDTBT-THCS TH&THCS THCS&THPT DÂN TỘC BÁN TRÚ NỘI".split()
)
_LONGEST_UNBROKEN = 24  # characters that fit on one line of the header's left column in 12.5 pt capitals


def header_parts(name: str, kind_words: set[str] = _SCHOOL_WORDS) -> list[str]:
    """«SỞ GIÁO DỤC VÀ ĐÀO TẠO» and «TIỀN GIANG»: the kind of body, then its proper name, each
    kept on one line when it fits, so a narrow header column never splits «TIỀN / GIANG».
    A part too long for one line is left to break between its words."""
    words = name.split()
    cut = 0
    while cut < len(words) - 1 and words[cut].upper() in kind_words:
        cut += 1
    parts = [" ".join(words[:cut]), " ".join(words[cut:])]
    out: list[str] = []
    for part in filter(None, parts):
        out.extend([part] if len(part) <= _LONGEST_UNBROKEN else part.split())
    return out


def print_doc(plan: Plan, with_pdf: bool = True) -> PrintDoc:
    meta, profile = plan.meta, plan.school.profile
    governing = meta.co_quan_chu_quan or profile.co_quan_chu_quan
    year_in_title = plan.year in meta.tieu_de or plan.year.replace("-", " - ") in meta.tieu_de
    notice = ocr_notice(plan)
    lines = table_lines(plan)
    layout = catalog.plan_layout(plan)
    school_name = (meta.ten_truong or profile.ten).upper()
    return PrintDoc(
        governing_body=governing.upper() if governing else None,
        school_name=school_name,
        governing_parts=header_parts(governing.upper(), _BODY_WORDS) if governing else [],
        school_parts=header_parts(school_name),
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
        ocr_note=notice.sentence if notice else None,
        pdf_name=plan.pdf_name if with_pdf else None,
        monitoring=monitoring(plan),
    )


_TRAILING_HEADING = re.compile(r"(?s)^(.*?)(<h([1-6])\b[^>]*>(?:(?!<h[1-6]\b|<p\b).)*?</h\3>)\s*$")


def split_trailing_heading(html: str) -> tuple[str, str]:
    """Split off a heading that ends the text before the table, so it moves with the table.

    A landscape table starts on a new page; its section heading ("III. NỘI DUNG KẾ HOẠCH ...")
    must start that page too rather than stay alone at the foot of the previous one.
    """
    m = _TRAILING_HEADING.match(html)
    return (m[1], m[2]) if m else (html, "")
