"""Text recognised from a scan (OCR): no diacritics, wrapped lines, table columns scrambled.

Cell and body text are kept as the OCR gives it (an editor corrects it against the paper). What
can be restored reliably is restored: the officialese of the header (governing body, title,
signer's title) from a list of fixed phrases, and place names from the national list of
administrative units (package `vietnam-provinces`), so that the school's folder, profile and
header are right from the start.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
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


def _skeleton(text: str) -> str:
    """Folded letters only; OCR reads Đ as P, so both become d."""
    s = re.sub(r"[^a-z0-9/ ]", "", fold(text).replace("p", "d"))
    return re.sub(r" +", " ", s).strip()


def similar(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, _skeleton(a), _skeleton(b)).ratio()


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


# ---------------------------------------------------------------- the scrambled table
_ID = re.compile(r"^\d\.\d{1,2}$")
_DATE = re.compile(r"\d{1,2}/\d{4}")


@dataclass
class Segment:
    """The lines of one table row as the OCR gave them."""

    cid: str | None
    line: int
    lines: list[tuple[int, str]]
    inferred: bool = False

    @property
    def words(self) -> list[str]:
        return [t for _, raw in self.lines for t in re.split(r"[\s|\[\]{}]+", raw) if t]


def _row_head(raw: str, prev: str | None) -> bool:
    """The first line of a row in the 'one line per row' parts: many column rules, unlike the line before."""
    return raw.count("|") >= 3 and (prev is None or prev.count("|") < 3)


def _skeleton_word(word: str) -> str:
    """Consonants only: OCR garbles vowels and tone marks ('Ngan', 'Ngén', 'Ngéan' are one word)."""
    f = fold(word.replace("&", "o").replace("¢", "o"))
    return re.sub(r"[^a-z]|[aeiouy]", "", f)


def _marker(segments: list[Segment]) -> str | None:
    """A word every row has exactly once (the budget cell, usually): counts rows inside a segment."""
    counts = [{} for _ in segments]
    for seg, c in zip(segments, counts):
        for w in seg.words:
            k = _skeleton_word(w)
            if len(k) >= 3:
                c[k] = c.get(k, 0) + 1
    keys = {k for c in counts for k in c}
    best = max(keys, key=lambda k: sum(1 for c in counts if c.get(k) == 1), default=None)
    if best is None or len(segments) < 4:
        return None
    once = sum(1 for c in counts if c.get(best) == 1)
    return best if once >= 0.75 * len(segments) and all(c.get(best, 0) >= 1 for c in counts) else None


def _split_by_marker(seg: Segment, marker: str) -> list[Segment]:
    """A segment holding k markers holds k rows: each of the first k-1 ends at the first date after its marker."""
    def marks(raw: str) -> int:
        return sum(1 for w in re.split(r"[\s|\[\]{}]+", raw) if _skeleton_word(w) == marker)

    left = sum(marks(raw) for _, raw in seg.lines) - 1
    if left < 1:
        return [seg]
    pieces = [Segment(seg.cid, seg.line, [], seg.inferred)]
    seen_marker = False
    for n, raw in seg.lines:
        pieces[-1].lines.append((n, raw))
        if left and marks(raw):
            seen_marker = True
        elif seen_marker and _DATE.search(raw):
            seen_marker = False
            left -= 1
            pieces.append(Segment(None, n + 1, []))
    return [p for p in pieces if p.lines]


def table_rows(table: OcrTable, valid, order, ids: list[str]) -> tuple[list[Segment], str, list[str]]:
    """Rows of a scrambled table with their criterion ids; (rows, header text, notes).

    An id is written with its dot ('1.3') or, at the start of a row, with the dot lost and next to
    the row number ('10 31 |…' is row 10, criterion 3.1); ids must increase, which throws out
    dates and counts that look alike. A row the scan left without an id is found by its first line
    (column rules) or by a word every row has once; it gets the id between its neighbours when the
    circular leaves exactly that many, and the report says so.
    """
    segments: list[Segment] = []
    header: list[str] = []
    last = -1
    prev_alone_number = False
    prev_raw: str | None = None
    for line_no, raw in table.lines:
        tokens = [t for t in re.split(r"[\s|\[\]{}]+", raw) if t]
        cid = None
        for tok in tokens[:3]:
            if _ID.match(tok) and valid(tok) and order(tok) > last:
                cid = tok
                break
        if cid is None and len(tokens) >= 2 and re.fullmatch(r"\S{1,2}", tokens[0]):
            # "10 31 |…", "14 |3 35 |…": row number, [standard], criterion without its dot
            rest = tokens[1:3]
            std = rest[0] if len(rest) == 2 and re.fullmatch(r"\d", rest[0]) else None
            cand = rest[1] if std else rest[0]
            if re.fullmatch(r"\d{2,3}", cand):
                guess = f"{std or cand[0]}.{int(cand[len(std or cand[0]):])}"
                if valid(guess) and order(guess) > last and (std is None or cand.startswith(std)):
                    cid = guess
        if cid is None and len(tokens) == 1 and re.fullmatch(r"\d{2}", tokens[0]) and prev_alone_number:
            guess = f"{tokens[0][0]}.{int(tokens[0][1:])}"
            if valid(guess) and order(guess) > last:
                cid = guess
        prev_alone_number = len(tokens) == 1 and bool(re.fullmatch(r"\d{1,2}", tokens[0]))
        if cid:
            last = order(cid)
            segments.append(Segment(cid, line_no, [(line_no, raw)]))
        elif segments and _row_head(raw, prev_raw):
            segments.append(Segment(None, line_no, [(line_no, raw)]))
        elif segments:
            segments[-1].lines.append((line_no, raw))
        else:
            header.append(raw)
        prev_raw = raw
    marker = _marker(segments)
    if marker:
        segments = [piece for seg in segments for piece in _split_by_marker(seg, marker)]
    notes: list[str] = []
    out: list[Segment] = []
    k = 0
    while k < len(segments):
        seg = segments[k]
        if seg.cid or not out:
            out.append(seg)
            k += 1
            continue
        run = []
        while k < len(segments) and segments[k].cid is None:
            run.append(segments[k])
            k += 1
        before = out[-1].cid
        after = segments[k].cid if k < len(segments) else None
        lo = ids.index(before)
        hi = ids.index(after) if after else len(ids)
        gap = [c for c in ids[lo + 1 : hi] if after or c.split(".")[0] == before.split(".")[0]]
        if len(gap) == len(run):
            for cid, piece in zip(gap, run):
                piece.cid, piece.inferred = cid, True
                out.append(piece)
            notes.append(
                "bản quét không ghi mã tiêu chí của " + ", ".join(f"dòng {p.line}" for p in run)
                + f"; đã ghi {', '.join(gap)} theo thứ tự các dòng (giữa {before} và {after or 'cuối bảng'}), cần kiểm tra"
            )
        else:
            for piece in run:
                out[-1].lines.extend(piece.lines)
    return out, " ".join(" ".join(raw.split()) for raw in header), notes


def layout_of(header_text: str):
    """Which layout a scrambled table header names: supervision and report columns mean 10 columns."""
    from congkhai.core.model import TableLayout

    f = _skeleton(header_text)
    if "giam" in f and ("diem" in f or "bao" in f or "bdo" in f):
        return TableLayout.GIAM_SAT_10_COT
    if "mat yeu" in f or "diem yeu" in f:
        return TableLayout.MAT_YEU_5_COT
    return TableLayout.MAU_9_COT
