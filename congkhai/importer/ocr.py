"""Text recognised from a scan (OCR): no diacritics, wrapped lines, table columns scrambled.

Cell and body text are kept as the OCR gives it (an editor corrects it against the paper). What
can be restored reliably is restored: the officialese of the header (governing body, title,
signer's title) from a list of fixed phrases, and place names from the national list of
administrative units (package `vietnam-provinces`), so that the school's folder, profile and
header are right from the start. The plan table of a scan is read in ocr_table.py.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from functools import cache

from .document import Block, OcrTable, Para
from .vn import fold, squash


def _vietnamese_only() -> re.Pattern:
    """Letters only Vietnamese writes: ă â đ ê ô ơ ư, and vowels with a tilde, hook or dot below."""
    marks = ("\u0303", "\u0309", "\u0323", "\u031b", "\u0306", "\u0302")
    chars = {chr(c) for c in range(0xC0, 0x1F00) if chr(c).isalpha()
             and (chr(c) in "đĐ" or any(m in unicodedata.normalize("NFD", chr(c)) for m in marks))}
    return re.compile("[" + re.escape("".join(sorted(chars))) + "]")


_VIETNAMESE = _vietnamese_only()
_WORDS = re.compile(r"[^\W\d_]{2,}")


def is_ocr(text: str) -> bool:
    """Hardly any word carries a Vietnamese-only letter or tone mark: text without diacritics."""
    words = _WORDS.findall(text[:200_000])
    if len(words) < 40:
        return False
    return sum(1 for w in words if _VIETNAMESE.search(w)) / len(words) < 0.15


# ---------------------------------------------------------------- fixed phrases of the header
MOTTO_NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO_FREEDOM = "Độc lập - Tự do - Hạnh phúc"
GOVERNING = [
    "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", "ỦY BAN NHÂN DÂN", "UBND",
    "BỘ GIÁO DỤC VÀ ĐÀO TẠO", "SỞ GD&ĐT", "PHÒNG GD&ĐT",
]
TITLES = ["CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC", "KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC"]
SIGNER_TITLES = [
    "HIỆU TRƯỞNG", "PHÓ HIỆU TRƯỞNG", "KT. HIỆU TRƯỞNG", "Q. HIỆU TRƯỞNG", "Q.HIỆU TRƯỞNG",
    "T/M LÃNH ĐẠO ĐƠN VỊ", "T/M BAN GIÁM HIỆU", "T/M HỘI ĐỒNG TRƯỜNG", "THỦ TRƯỞNG ĐƠN VỊ",
    "GIÁM ĐỐC", "CHỦ TỊCH HỘI ĐỒNG TỰ ĐÁNH GIÁ",
]

# Words of the "Nơi nhận" list, to restore a scanned list word by word.
RECIPIENT_WORDS = """Sở Phòng Bộ GDĐT GD&ĐT UBND Lưu VT Văn thư để báo cáo b/c thực hiện Hội đồng trường Chi bộ ủy
Ban giám hiệu BGH Công đoàn Đội Liên tịch Tổ chuyên môn Hiệu trưởng phó các CB GV NV đại diện cha mẹ học sinh
quận huyện xã phường Website trang thông tin điện tử niêm yết công khai phối hợp biết chỉ đạo Như trên""".split()


def _word_key(word: str) -> str:
    return re.sub(r"[^a-z/]", "", fold(word.replace("&", "o").replace("¢", "o")))


@cache
def _recipient_lexicon() -> dict[str, str]:
    by_key: dict[str, set[str]] = {}
    for w in RECIPIENT_WORDS:
        by_key.setdefault(_word_key(w), set()).add(w.lower() if not w.isupper() else w)
    return {k: next(iter(v)) for k, v in by_key.items() if len(v) == 1}


def restore_words(text: str) -> str:
    """'S& GDDT (Phong KTQLCLGD);' -> 'Sở GDĐT (Phòng KTQLCLGD);': known words only, others kept."""
    lexicon = _recipient_lexicon()
    consonants = {}
    for key, word in lexicon.items():
        consonants.setdefault((re.sub(r"[aeiouy]", "", key), len(key)), []).append(word)

    def one(m: re.Match) -> str:
        token = m.group(0)
        key = _word_key(token)
        word = lexicon.get(key)
        if word is None and len(key) >= 3:
            near = consonants.get((re.sub(r"[aeiouy]", "", key), len(key)), [])
            word = near[0] if len(near) == 1 else None
        if word is None:
            return token
        if word.isupper():
            return word
        return word[:1].upper() + word[1:] if token[:1].isupper() else word

    return re.sub(r"[^\s()\[\];:,.]+", one, text)


def skeleton(text: str) -> str:
    """Folded letters only; OCR reads Đ as P, so both become d."""
    s = re.sub(r"[^a-z0-9/ ]", "", fold(text).replace("p", "d"))
    return re.sub(r" +", " ", s).strip()


def similar(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, skeleton(a), skeleton(b)).ratio()


def best_phrase(text: str, phrases: list[str], cutoff: float = 0.8) -> str | None:
    scored = [(similar(text, p), p) for p in phrases]
    score, phrase = max(scored) if scored else (0.0, None)
    return phrase if score >= cutoff else None


def split_motto(line: str) -> tuple[str, str | None]:
    """An OCR line often holds both header columns: 'S GIAO DUC … CONG HOA XA HOI …'."""
    words = line.split()
    for motto in (MOTTO_NATION, MOTTO_FREEDOM):
        n = len(motto.split())
        scored = [(similar(" ".join(words[start:]), motto), start) for start in range(max(0, len(words) - n - 2), len(words))]
        if scored:
            score, start = max(scored)
            if score >= 0.8:
                return " ".join(words[:start]), " ".join(words[start:])
    return line, None


# ---------------------------------------------------------------- reading the OCR text
_HEADING = re.compile(r"^\s*(\d{1,2}(?:\.\d{1,2})*)\.\s+([A-ZĐ].{1,70})$")
_LIST = re.compile(r"^\s*[-+•·*]\s+")
_TABLE_STEMS = ("tieu", "giai", "phap", "thoi", "kinh", "phan", "cong", "noi dung", "ghi chu")


def _table_start(line: str) -> bool:
    if line.count("|") < 2:
        return False
    f = fold(line)
    return sum(1 for s in _TABLE_STEMS if s in f) >= 3


def parse(lines: list[str]) -> list[Block]:
    """Lines to paragraphs (wrapped lines joined) and the scrambled table kept as raw lines."""
    blocks: list[Block] = []
    para: Para | None = None
    gap = False
    in_header = True
    table_section: int | None = None
    i = 0
    while i < len(lines):
        raw = lines[i]
        text = squash(raw)
        if not text:
            gap = True
            i += 1
            continue
        if _table_start(raw):
            start = i
            rows: list[tuple[int, str]] = []
            while i < len(lines):
                m = _HEADING.match(lines[i])
                if i > start and m and "|" not in lines[i] and (table_section is None or int(m.group(1).split(".")[0]) > table_section):
                    break
                if squash(lines[i]):
                    rows.append((i + 1, lines[i]))
                i += 1
            blocks.append(OcrTable(rows, start + 1))
            para, gap = None, True
            continue
        heading = _HEADING.match(text)
        if heading:
            table_section = int(heading.group(1).split(".")[0])
        starts_new = (
            in_header or para is None or heading or _LIST.match(text)
            or (gap and (para.text[-1:] in ".;:!?" or not text[:1].islower()))
            or (para and (_HEADING.match(para.text) or para.text.isupper() and not text.isupper()))
        )
        if starts_new:
            para = Para(text, i + 1, gap=gap)
            blocks.append(para)
        else:
            para.text = f"{para.text} {text}"
        if in_header and re.search(r"\b(?:n\w{0,2}m\s+h\w{0,2}c)\b\s*:?\s*\d{4}", fold(text)):
            in_header = False  # the school-year line closes the header
        gap = False
        i += 1
    return blocks
