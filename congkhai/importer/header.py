"""The document's header and closing: governing body, school, number, place and date, title,
school year, circular, Nơi nhận, signer. Recognised by pattern, wherever the layout put them
(text from Word puts the two header columns one after the other, OCR puts them on one line).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from congkhai.core import catalog
from congkhai.core.model import Level
from . import ocr
from .document import Para
from .vn import fold, squash

_NUMBER = re.compile(r"^s\S{0,2}\s*:\s*(.*)$|^số\s+(\S*/\S.*)$", re.IGNORECASE)
_PLACE_DATE = re.compile(
    r"^(?P<place>[^,]{2,60}?)\s*,\s*ngay\s+(?P<d>\d{1,2}|[._…\s]*)\s*thang\s+(?P<m>\d{1,2}|[._…\s]*)\s*nam\s+(?P<y>\d{4})\s*\.?$"
)
_YEAR = re.compile(r"^\W*n\w{0,2}m\s+h\w{0,2}c\s*:?\s*(\d{4})\s*[-–—/]\s*(\d{4})\W*$")
_YEAR_TAIL = re.compile(r"\s*[-–,(]?\s*n\w{0,2}m\s+h\w{0,2}c\s*:?\s*(\d{4})\s*[-–—/]\s*(\d{4})\W*$")
_PLAN = re.compile(r"^\W*ke\s+hoach\b\W*")
_NOI_NHAN = re.compile(r"^\W*n\w{1,2}i\s+nh\w{1,2}n\s*:?\W*$")
_SCHOOL = re.compile(r"^tr\w{1,3}ng\s+\S")
_GOVERNING = re.compile(r"^(?:ubnd|uy ban|sd |so |phong |bo |s\s+giao)")
_SIGNER = re.compile(
    r"(?:hi\w{1,2}u\s+tr\w{1,3}ng|t/m\b|kt\.|q\.|giam doc|thu truong|chu tich|pho hieu|lanh dao)"
)
_NAME_WORD = re.compile(r"^[A-ZĐÀ-Ỹ][a-zà-ỹđ]+$")
_CIRCULAR = re.compile(r"(?:thong\s*tu|tt)\D{0,25}?(\d{1,3})\s*/\s*(20\d\d)", re.IGNORECASE)


def is_motto(text: str) -> bool:
    f = fold(text)
    return ("cong hoa" in f and "chu nghia" in f) or ("doc lap" in f and "hanh phuc" in f) or (
        ocr.similar(text, ocr.MOTTO_NATION) > 0.8 or ocr.similar(text, ocr.MOTTO_FREEDOM) > 0.8
    )


@dataclass
class Header:
    co_quan_chu_quan: str | None = None
    ten_truong: str | None = None
    so_hieu: str | None = None
    dia_danh: str | None = None
    ngay_ban_hanh: dt.date | None = None
    tieu_de: str | None = None
    nam_hoc: str | None = None
    nguoi_ky: str | None = None
    chuc_vu_nguoi_ky: str | None = None
    noi_nhan: list[str] = field(default_factory=list)
    body_start: int = 0  # index of the first block after the header
    footer_start: int | None = None  # index of the first block of the closing
    used: set[int] = field(default_factory=set)  # indexes of blocks consumed here
    unplaced: list[tuple[int, str]] = field(default_factory=list)
    structural: list[str] = field(default_factory=list)
    corrections: list[tuple[str, str, str]] = field(default_factory=list)  # (field, as read, as written)
    warnings: list[str] = field(default_factory=list)


def _date(d: str, m: str, y: str) -> dt.date | None:
    try:
        return dt.date(int(y), int(m), int(d))
    except ValueError:
        return None


def read_header(blocks: list, is_ocr: bool) -> Header:
    """Scan the blocks up to the school-year line that closes the title."""
    h = Header()
    first_table = next((i for i, b in enumerate(blocks) if not isinstance(b, Para)), len(blocks))
    paras = [(i, b) for i, b in enumerate(blocks[:first_table]) if isinstance(b, Para)]
    # The header ends with the school year under KẾ HOẠCH; without one, at the first heading.
    end = None
    seen_plan = False
    for i, p in paras[:60]:
        f = fold(p.text)
        if _PLAN.match(f):
            seen_plan = True
        if seen_plan and (_YEAR.match(f) or _YEAR_TAIL.search(f)):
            end = i  # "Năm học 2024-2025" on its own line, or at the end of the title
            break
    if end is None:
        for i, p in paras[:60]:
            if _YEAR.match(fold(p.text)):
                end = i
                break
    if end is None:
        end = next((i for i, p in paras if p.heading or re.match(r"^[IVX]+\.\s", p.text)), -1)
        if end == -1:
            return h
        end -= 1
    h.body_start = end + 1
    # The title is what lies between the last "KẾ HOẠCH" and the school year.
    plan_line = max((i for i, p in paras if i <= end and _PLAN.match(fold(p.text))), default=None)
    title_lines: list[str] = []
    for i, p in paras:
        if i > end:
            break
        text = p.text
        pieces = [text]
        if is_ocr:
            left, motto = ocr.split_motto(text)
            if motto:
                h.structural.append(motto)
                pieces = [left] if left.strip() else []
        for piece in pieces:
            _header_piece(h, i, piece, title_lines, plan_line is not None and plan_line < i, i == plan_line)
        h.used.add(i)
    if title_lines:
        h.tieu_de = squash(" ".join(title_lines))
        m = _YEAR_TAIL.search(fold(h.tieu_de))
        if h.nam_hoc is None and m and int(m.group(2)) == int(m.group(1)) + 1:
            h.nam_hoc = f"{m.group(1)}-{m.group(2)}"
            h.structural.append(h.tieu_de[m.start() :].strip())
            h.tieu_de = h.tieu_de[: m.start()].strip() or None
        if is_ocr:
            fixed = ocr.best_phrase(h.tieu_de, ocr.TITLES)
            if fixed and fixed != h.tieu_de:
                h.corrections.append(("tieu_de", h.tieu_de, fixed))
                h.tieu_de = fixed
    return h


def _header_piece(h: Header, i: int, text: str, title_lines: list[str], in_title: bool, is_plan: bool) -> None:
    f = fold(text)
    if is_motto(text):
        h.structural.append(text)
        return
    m = _YEAR.match(f)
    if m and int(m.group(2)) == int(m.group(1)) + 1:
        h.nam_hoc = f"{m.group(1)}-{m.group(2)}"
        h.structural.append(text)
        return
    m = _NUMBER.match(text) if re.match(r"^s\S{0,2}\s*:|^số\s", text, re.IGNORECASE) else None
    if m and not in_title:
        rest = squash(m.group(1) or m.group(2))
        # OCR may put "Số: …" and "Place, ngày …" on one line.
        pd = re.search(r"\s(\S[^,]{1,40},\s*ng\w{1,2}y\s.*)$", rest)
        if pd and _PLACE_DATE.match(fold(pd.group(1))):
            _place_date(h, pd.group(1))
            rest = rest[: pd.start()].strip()
        h.so_hieu = rest or None
        h.structural.append(text.split(":")[0] if ":" in text else "Số")
        return
    if _PLACE_DATE.match(f):
        _place_date(h, text)
        return
    if is_plan:
        rest = text[len(re.match(r"^\W*\S+\s+\S+\W*", text).group(0)) :].strip() if len(text.split()) > 2 else ""
        h.structural.append(text if not rest else text[: len(text) - len(rest)])
        if rest:
            title_lines.append(rest)
        return
    if in_title:
        title_lines.append(text)
        return
    if _SCHOOL.match(f) and (text.upper() == text or len(text) <= 80) and h.ten_truong is None:
        h.ten_truong = text
        return
    if _GOVERNING.match(f) and text.upper() == text and h.co_quan_chu_quan is None and h.ten_truong is None:
        # Both lines of the left block in one cell, split by a line break: «UBND XÃ … TRƯỜNG THCS …».
        school = re.search(r"\sTR[ƯU]ỜNG\s+\S", text)
        h.co_quan_chu_quan = text[: school.start()].strip() if school else text
        if school:
            h.ten_truong = text[school.start():].strip()
            h.warnings.append(f"dòng đầu «{text}» gồm cơ quan chủ quản và tên trường; đã tách thành hai mục")
        return
    h.unplaced.append((i, text))


def _place_date(h: Header, text: str) -> None:
    m = _PLACE_DATE.match(fold(text))
    place = squash(text[: len(m.group("place"))]).rstrip(",")
    h.dia_danh = place
    if m.group("d").strip(" ._…") and m.group("m").strip(" ._…"):
        h.ngay_ban_hanh = _date(m.group("d"), m.group("m"), m.group("y"))
        if h.ngay_ban_hanh is None:
            h.warnings.append(f"ngày ban hành «{text}» không phải ngày có thật; chưa ghi vào kế hoạch")
    h.structural.append(text[len(place) :])


# ------------------------------------------------------------------ closing
def read_footer(blocks: list, h: Header, is_ocr: bool) -> None:
    """Nơi nhận and the signer: the last lines of the document, in whichever order."""
    last_table = max((i for i, b in enumerate(blocks) if not isinstance(b, Para)), default=-1)
    start = max(h.body_start, last_table + 1)
    paras = [(i, b) for i, b in enumerate(blocks) if isinstance(b, Para) and i >= start and i not in h.used]
    tail = paras[-30:]
    recipients = next((k for k in range(len(tail) - 1, -1, -1) if _NOI_NHAN.match(fold(tail[k][1].text))), None)
    signer = None
    for k in range(len(tail) - 1, -1, -1):
        text = tail[k][1].text
        if text.upper() == text and len(text) <= 80 and _SIGNER.search(fold(text)) and not _NOI_NHAN.match(fold(text)):
            signer = k
            break
    found = [k for k in (recipients, signer) if k is not None]
    if not found:
        return
    first = min(found)
    h.footer_start = tail[first][0]
    k = first
    while k < len(tail):
        i, p = tail[k]
        h.used.add(i)
        if k == recipients:
            h.structural.append(p.text)
            k += 1
            while k < len(tail) and k != signer and re.match(r"^\s*[-+•·*]\s*", tail[k][1].text):
                h.noi_nhan.append(squash(re.sub(r"^\s*[-+•·*]\s*", "", tail[k][1].text)))
                h.used.add(tail[k][0])
                k += 1
            continue
        if k == signer:
            h.chuc_vu_nguoi_ky = p.text
            if k + 1 < len(tail) and k + 1 != recipients:
                words = tail[k + 1][1].text.split()
                if 2 <= len(words) <= 6 and all(_NAME_WORD.match(w) for w in words):
                    h.nguoi_ky = tail[k + 1][1].text
                    h.used.add(tail[k + 1][0])
                    k += 1
            k += 1
            continue
        h.unplaced.append((i, p.text))
        k += 1
    if is_ocr and h.chuc_vu_nguoi_ky:
        fixed = ocr.best_phrase(h.chuc_vu_nguoi_ky, ocr.SIGNER_TITLES)
        if fixed and fixed != h.chuc_vu_nguoi_ky:
            h.corrections.append(("chuc_vu_nguoi_ky", h.chuc_vu_nguoi_ky, fixed))
            h.chuc_vu_nguoi_ky = fixed


# ------------------------------------------------------------------ circular and level
def level_of(name: str | None) -> Level | None:
    if not name:
        return None
    f = fold(name)
    if re.search(r"mam non|mau giao|nha tre|\bmn\b|\bmg\b", f):
        return Level.MAM_NON
    if re.search(r"\b(?:th|tieu hoc)\s*(?:&|va|-)\s*(?:thcs)|thcs\s*(?:&|va|-)\s*thpt|nhieu cap|lien cap|pho thong co nhieu", f):
        return Level.NHIEU_CAP
    if re.search(r"\bthpt\b|trung hoc pho thong|\bptth\b", f):
        return Level.THPT
    if re.search(r"\bthcs\b|trung hoc co so|\bptcs\b", f):
        return Level.THCS
    if re.search(r"\bth\b|tieu hoc", f):
        return Level.TIEU_HOC
    return None


def circular_in(text: str) -> str | None:
    """The first circular with a catalog the document cites ('Căn cứ Thông tư số 18/2018/TT-BGDĐT …');
    a scan's misread year still names a 2018 circular."""
    known = catalog.codes()
    for m in _CIRCULAR.finditer(fold(text)):
        code = f"{int(m[1])}/{m[2]}"
        if code in known:
            return code
        if m[1] in ("17", "18", "19"):
            return f"{m[1]}/2018"
    return None


SCHOOL_IN_TEXT = re.compile(
    r"\b[Tt]rường\s+((?:THCS|THPT|TH|MN|Tiểu học|Mầm non|Mẫu giáo|Trung học cơ sở|Trung học phổ thông|PTDTBT|PTDTNT)"
    r"(?:[ \t]+(?:xã|phường|thị trấn))?(?:[ \t]+(?:[A-ZĐÂĂÊÔƠƯÀ-Ỹ][\wÀ-ỹ]*|\d+))+)"
)


def school_in_body(text: str) -> str | None:
    """'… của Trường THCS Tân Sơn năm học …' -> 'Trường THCS Tân Sơn' (when the header has none)."""
    m = SCHOOL_IN_TEXT.search(text)
    return f"Trường {m.group(1)}" if m else None
