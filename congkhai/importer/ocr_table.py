"""The plan table of a scan: OCR reads it with its columns scrambled, so it is cut into rows (one
segment per criterion, by the criterion ids or by a marker word repeated on each row) and its
header tells the layout. The cells stay as the OCR gave them, for the editor to place."""

from __future__ import annotations

import re
from dataclasses import dataclass

from congkhai.core.model import TableLayout
from congkhai.core.text import fold
from congkhai.importer.document import OcrTable
from congkhai.importer.ocr import skeleton

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
    f = skeleton(header_text)
    if "giam" in f and ("diem" in f or "bao" in f or "bdo" in f):
        return TableLayout.GIAM_SAT_10_COT
    if "mat yeu" in f or "diem yeu" in f:
        return TableLayout.MAT_YEU_5_COT
    return TableLayout.MAU_9_COT
