"""The improvement plan inside a self-assessment report (Báo cáo tự đánh giá, Thông tư 17/18/19/2018).

Under each criterion the report has the sections «1. Mô tả hiện trạng», «2. Điểm mạnh»,
«3. Điểm yếu», «4. Kế hoạch cải tiến chất lượng» and «5. Tự đánh giá: Đạt mức N»; the level-4
items follow under «TỰ ĐÁNH GIÁ TIÊU CHÍ MỨC 4» as «Tiêu chí 1» … «Tiêu chí 6». The plan is the
set of sections 4: one row per criterion that has one, with its weakness, its measures (one per
paragraph), the level the school gave itself and the evidence codes it cites («[H1-1.2-01]»).
Reports differ in numbering, spacing and punctuation, so headings are matched on the folded text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import glyphs
from .document import Para
from .reflow import SECTION
from .vn import fold, squash

_CRITERION = re.compile(r"^\W*tieu\s*chi\s+(\d{1,2})\s*[.,]\s*(\d{1,2})(?!\d)(?!\s*[.,]\s*\d)")
_LEVEL4_ITEM = re.compile(
    r"^\W*tieu\s*chi\s*(?:\(\s*(?:khoan|so)?\s*0?([1-9])\s*\)|(?:khoan\s*|so\s*)?0?([1-9])(?!\s*[.,]\s*\d))(?:\s*[:.)\-–]|\s*$)"
)
_LEVEL4_PART = re.compile(r"tu danh gia (?:cac )?tieu chi muc 4|danh gia (?:cac )?tieu chi muc 4\b")
_TITLE_REST = re.compile(
    r"^\W*tiêu\s*chí\s*\(?\s*(?:khoản\s*|số\s*)?\d{1,2}(?:\s*[.,]\s*\d{1,2})?\s*\)?\s*(?:[:.)\-–]\s*|$)", re.IGNORECASE
)
# What ends a criterion when its section 5 is missing: the next standard, a conclusion, a part.
_END = re.compile(
    r"^\W*(?:Tiêu\s+chuẩn\s+\d|TIÊU\s+CHUẨN\s+\d|Kết\s+luận|KẾT\s+LUẬN|Mở\s+đầu|MỞ\s+ĐẦU|Phần\s+[IVX]+\b|PHẦN\s+[IVX]+\b"
    r"|[IVX]{1,4}\s*[.:)]\s)"
)
_HEADING_WORDS = re.compile(
    r"^\W*(?:\d\s*[.)/]?\s*)?(?:mô\s+tả\s+hiện\s+trạng|điểm\s+mạnh|điểm\s+yếu|kế\s+hoạch\s+cải\s+tiến(?:\s+chất\s+lượng)?"
    r"(?:\s+giáo\s+dục)?|tự\s+đánh\s+giá)\s*[:.\-–]?\s*",
    re.IGNORECASE,
)
_SECTION_NUMBER = {"mo ta hien trang": 1, "diem manh": 2, "diem yeu": 3, "ke hoach cai tien": 4, "tu danh gia": 5}
# The same headings numbered by Word's automatic list numbering: the number is not in the text.
_UNNUMBERED = re.compile(
    r"^\W*(mo ta hien trang|diem manh|diem yeu|ke hoach cai tien)(?: chat luong)?(?: giao duc)?\W*$"
    r"|^\W*(tu danh gia)\s*:?\s*(?:dat|khong dat|chua dat|muc\s*\d)\b"
)
EVIDENCE = re.compile(r"\[\s*(H\s*\d{1,2}\s*(?:[-.]\s*\d{1,2}\s*){1,3}[-.]\s*\d{1,3}\s*[a-z]?)\s*\]")
_BULLET = re.compile(r"^[-+•·∙◦▪*–]\s*")
# Labelled lines inside a plan section: «Thời gian: …», «Người thực hiện: …».
_LABELS = [
    (re.compile(r"^(?:thoi gian(?: thuc hien)?(?: va hoan thanh)?|thoi han)\s*:"), "thoi_gian"),
    (re.compile(r"^(?:nguoi|bo phan|don vi|ca nhan)(?: chiu trach nhiem| thuc hien| phu trach)+\s*:|^chu tri(?: thuc hien)?\s*:"), "chu_tri"),
    (re.compile(r"^phoi hop(?: thuc hien)?\s*:"), "phoi_hop"),
]


@dataclass
class Item:
    """One criterion (or level-4 item) of the report and the paragraphs of its sections."""

    cid: str
    title: str | None
    line: int
    sections: dict[int, list[Para]] = field(default_factory=dict)
    evidence: list[str] = field(default_factory=list)
    level_para: Para | None = None


def is_report(text: str) -> bool:
    """A self-assessment report: several criteria with both a weakness and an improvement section."""
    text, _ = glyphs.repair(text, strays=False)  # «Tự ðánh giá» is still the heading
    numbers = [section_number(line) for line in text.splitlines() if len(line) < 400]
    return numbers.count(4) >= 2 and numbers.count(3) >= 2


def section_number(text: str) -> int | None:
    """1 to 5 for the heading of a criterion's section («3. Điểm yếu», or «Điểm yếu» numbered by Word)."""
    f = fold(text)
    m = SECTION.match(f) or _UNNUMBERED.match(f)
    return _SECTION_NUMBER[m.group(1) or m.group(2)] if m else None


def heading_rest(text: str) -> str:
    """What follows a section heading on its own line: «4. Kế hoạch cải tiến: Tiếp tục …»."""
    m = _HEADING_WORDS.match(text)
    return squash(text[m.end() :]) if m else ""


def items(paras: list[Para]) -> list[Item]:
    """The criteria in document order (table-of-contents entries come out with no sections)."""
    found: list[Item] = []
    current: Item | None = None
    section: int | None = None
    level4 = False
    for p in paras:
        f = fold(p.text)
        if _LEVEL4_PART.search(f) and len(p.text) < 120 and not _CRITERION.match(f):
            level4, current, section = True, None, None
            continue
        m = _CRITERION.match(f)
        m4 = None if m else (_LEVEL4_ITEM.match(f) if level4 else None)
        if m or m4:
            cid = f"{int(m.group(1))}.{int(m.group(2))}" if m else f"M4.{m4.group(1) or m4.group(2)}"
            rest = _TITLE_REST.sub("", p.text, count=1).strip()
            current, section = Item(cid, rest.rstrip(" .;") or None, p.line), None
            found.append(current)
            continue
        if current is None:
            continue
        number = section_number(p.text) if len(p.text) < 200 or heading_rest(p.text) else None
        if number is not None:
            section = number
            current.sections.setdefault(number, [])
            rest = heading_rest(p.text)
            if rest:
                current.sections[number].append(Para(rest, p.line))
                current.evidence.extend(evidence_codes(rest))
            if number == 5 and rest:
                current.level_para, section = Para(rest, p.line), None
            continue
        if section is None:
            if current.level_para is not None or _END.match(p.text):
                current = None
            continue
        if section == 5:
            if current.level_para is None:
                current.level_para = p
                current.sections[5].append(p)
            section = None
            continue
        if _END.match(p.text) and section >= 3 and len(p.text) < 150 and not current.sections.get(section) == []:
            current, section = None, None
            continue
        current.sections[section].append(p)
        current.evidence.extend(evidence_codes(p.text))
    return found


def evidence_codes(text: str) -> list[str]:
    return ["".join(m.group(1).split()) for m in EVIDENCE.finditer(text)]


def level(text: str) -> str | None:
    """«Đạt mức 2.» -> "Đạt mức 2"; «Không đạt» -> "Không đạt"; «Đạt» -> "Đạt"."""
    f = fold(text)
    m = re.match(r"^\W*(?:dat\s+)?muc\s*([1-4])\b", f)
    if m:
        return f"Đạt mức {m.group(1)}"
    if re.match(r"^\W*(?:khong|chua)\s+dat\b", f):
        return "Không đạt"
    if re.match(r"^\W*dat\b\W*$", f):
        return "Đạt"
    return None


def measures(paras: list[Para]) -> tuple[list[str], dict[str, str]]:
    """Measures, one per paragraph (bullets taken off), and the labelled times and people."""
    out: list[str] = []
    labelled: dict[str, str] = {}
    for p in paras:
        text = squash(_BULLET.sub("", p.text))
        if not text:
            continue
        f = fold(text)
        for pattern, name in _LABELS:
            m = pattern.match(f)
            if m:
                value = text[m.end() :].strip()
                if value:
                    labelled[name] = f"{labelled[name]}\n{value}" if name in labelled else value
                break
        else:
            out.append(text)
    return out, labelled


def row(item: Item) -> tuple[dict, list[str]]:
    """The plan row of a criterion, and notes for the editor."""
    notes: list[str] = []
    out: dict = {"tieu_chi": item.cid}
    if item.title:
        out["ten_tieu_chi"] = item.title
    weak = [squash(_BULLET.sub("", p.text)) for p in item.sections.get(3, [])]
    if weak:
        out["diem_yeu"] = "\n".join(w for w in weak if w)
    solutions, labelled = measures(item.sections.get(4, []))
    if solutions:
        out["giai_phap"] = solutions
    out.update(labelled)
    if item.level_para is not None:
        value = level(item.level_para.text)
        if value:
            out["muc_tu_danh_gia"] = value
        else:
            notes.append(f"mức tự đánh giá «{item.level_para.text}» không đọc được (cần dạng «Đạt mức 2», «Đạt», «Không đạt»)")
    if item.evidence:
        out["minh_chung"] = list(dict.fromkeys(item.evidence))
    return out, notes
