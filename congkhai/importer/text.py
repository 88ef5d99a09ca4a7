"""Read plain text (.txt, .md) into paragraphs and tables.

Text copied out of Word or a PDF writes a table in one of two ways: one row per line with cells
separated by tabs, or one cell per line, each line starting with a tab (rows then run over many
lines, with blank lines between paragraphs of a cell). Headers are repeated after page breaks and
cells may be split over two rows; layout.py joins those. Text recognised from a scan (OCR, no
diacritics) is handled by ocr.py.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from . import ocr
from .document import Block, ImportFailure, Para, Table
from .layout import is_header_row
from .vn import nfc, squash, strip_tags

_P_SPLIT = re.compile(r"</?p(?:\s[^<>]*)?>|<br\s*/?>", re.IGNORECASE)
_SEPARATOR = re.compile(r"^[\s|:\-–—=+]*$")
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_BOLD = re.compile(r"^\*\*(.+?)\*\*$|^__(.+?)__$")
_TOP_HEADING = re.compile(r"^[IVXL]+\s*[.:)]\s+\S")


def decode(raw: bytes, name: str) -> tuple[str, list[str]]:
    """Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1258 with a warning."""
    warnings: list[str] = []
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError:
            raise ImportFailure(f"tệp «{name}» ghi dấu UTF-16 nhưng nội dung bị hỏng; hãy lưu lại với bảng mã UTF-8") from None
    else:
        if b"\x00" in raw:
            raise ImportFailure(f"tệp «{name}» không phải văn bản (có dữ liệu nhị phân); hãy dùng tệp .docx hoặc .txt")
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as e:
            line = raw[: e.start].count(b"\n") + 1
            try:
                text = raw.decode("cp1258")
            except UnicodeDecodeError:
                raise ImportFailure(
                    f"tệp «{name}» không phải văn bản UTF-8 (byte lạ ở dòng {line}); "
                    "hãy mở bằng Notepad hoặc Word rồi lưu lại với bảng mã UTF-8"
                ) from None
            warnings.append(
                f"tệp không phải UTF-8 (từ dòng {line}); đã đọc theo bảng mã Windows-1258. "
                "Hãy kiểm tra dấu tiếng Việt trong kết quả, hoặc lưu tệp gốc với bảng mã UTF-8 rồi chuyển lại"
            )
    text = nfc(text).replace("\r\n", "\n").replace("\r", "\n")
    controls = sum(1 for c in text if unicodedata.category(c) == "Cc" and c not in "\n\t\f\v")
    if controls > max(8, len(text) // 200):
        raise ImportFailure(f"tệp «{name}» không phải văn bản (có nhiều ký tự điều khiển); hãy dùng tệp .docx hoặc .txt")
    # Form feeds stay: they are the page breaks of text copied out of a PDF (reflow.py reads them).
    text = "".join(" " if unicodedata.category(c) == "Cc" and c not in "\n\t\f" else c for c in text)
    return text, warnings


def cell_paragraphs(text: str) -> list[str]:
    """A cell of a tab table: <p>…</p> and <br> separate paragraphs, other tags are dropped."""
    parts = [squash(strip_tags(p)) for p in _P_SPLIT.split(text)]
    return [p for p in parts if p]


def _clean_line(raw: str, number: int, gap: bool) -> Para | None:
    """A text line as a paragraph: Markdown heading marks and whole-line bold become attributes."""
    text = squash(raw)
    if not text:
        return None
    heading = 0
    m = _MD_HEADING.match(text)
    if m:
        heading, text = len(m.group(1)), m.group(2)
    bold = False
    m = _BOLD.match(text)
    if m:
        bold, text = True, (m.group(1) or m.group(2))
    if "<" in text:
        text = squash(strip_tags(text))
    if not text:
        return None
    return Para(text, number, bold=bold, heading=heading, gap=gap)


def _header_cells(cells: list[str]) -> bool:
    return is_header_row([squash(strip_tags(c)) for c in cells])


def parse(text: str, is_ocr: bool = False) -> list[Block]:
    lines = text.replace("\f", " ").split("\n")
    blocks: list[Block] = []
    if is_ocr:
        return ocr.parse(lines)
    i, gap = 0, False
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            gap = True
            i += 1
            continue
        if "\t" in line.strip() and _header_cells(line.split("\t")):
            table, i = _row_per_line(lines, i)
            blocks.append(table)
            gap = True
            continue
        if line.lstrip().startswith("|") and _header_cells(_pipe_cells(line)):
            table, i = _pipe_table(lines, i)
            blocks.append(table)
            gap = True
            continue
        if line.lstrip(" ").startswith("\t"):
            run = _tab_run(lines, i)
            if run and _header_cells(run):
                table, i = _cell_per_line(lines, i, len(run))
                blocks.append(table)
                gap = True
                continue
        for piece in line.split("\t") if "\t" in line.strip() else [line]:
            para = _clean_line(piece, i + 1, gap)
            if para:
                blocks.append(para)
                gap = False
        i += 1
    return blocks


def _row_per_line(lines: list[str], start: int) -> tuple[Table, int]:
    """Tab-separated rows, one per line; blank lines between rows are page breaks."""
    table = Table([], start + 1)
    i = start
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        if "\t" not in line:
            break
        cells = line.split("\t")
        if not all(_SEPARATOR.match(c) for c in cells):  # Markdown '--|--' rules carry no text
            table.rows.append([cell_paragraphs(c) for c in cells])
            table.row_lines.append(i + 1)
        i += 1
    return table, i


def _pipe_cells(line: str) -> list[str]:
    """A Markdown table row '| a | b |' (a '\\|' inside a cell is a literal bar)."""
    inner = line.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") and not inner.endswith("\\|") else inner
    return [c.replace("\\|", "|") for c in re.split(r"(?<!\\)\|", inner)]


def _pipe_table(lines: list[str], start: int) -> tuple[Table, int]:
    """A Markdown pipe table; '<br>' inside a cell separates its paragraphs."""
    table = Table([], start + 1)
    i = start
    while i < len(lines) and lines[i].lstrip().startswith("|"):
        cells = _pipe_cells(lines[i])
        if not all(_SEPARATOR.match(c) for c in cells):
            table.rows.append([cell_paragraphs(c) for c in cells])
            table.row_lines.append(i + 1)
        i += 1
    return table, i


def _tab_run(lines: list[str], start: int) -> list[str]:
    run = []
    i = start
    while i < len(lines) and lines[i].lstrip(" ").startswith("\t"):
        run.append(lines[i].lstrip(" ")[1:])
        i += 1
    return run


def _is_heading_row(cells: list[list[str]]) -> bool:
    """A band ('MỨC 4') or standard ('Tiêu chuẩn 2: …') row, which has fewer cells than the header."""
    texts = [" ".join(c) for c in cells if c]
    texts = [t for t in texts if not re.fullmatch(r"\d{1,2}\.?", t.strip())]
    if len(texts) != 1:
        return False
    t = texts[0].strip()
    return bool(re.match(r"^(?:MỨC|Mức|mức)\s*\d", t) or re.match(r"^tiêu\s*chuẩn\s*\d", t, re.IGNORECASE))


def _cell_per_line(lines: list[str], start: int, ncols: int) -> tuple[Table, int]:
    """One cell per line (each starting with a tab); text lines without a tab continue a cell."""
    header = [[squash(c)] for c in _tab_run(lines, start)]
    table = Table([header], start + 1, [start + 1])
    i = start + ncols
    row: list[list[str]] = []
    row_line = 0
    blank = False

    def flush() -> None:
        nonlocal row
        if row:
            table.rows.append(row)
            table.row_lines.append(row_line)
        row = []

    while i < len(lines):
        line = lines[i]
        if not line.strip(" \u00a0"):  # a lone tab is an empty cell, not a blank line
            blank = True
            i += 1
            continue
        stripped = line.lstrip(" ")
        if stripped.startswith("\t"):
            if len(row) >= ncols or (blank and _is_heading_row(row)):
                flush()
            if not row:
                row_line = i + 1
            for piece in stripped[1:].split("\t"):
                row.append(cell_paragraphs(piece))
            blank = False
            i += 1
            continue
        text = squash(strip_tags(line))
        if not row or len(row) >= ncols or (blank and _TOP_HEADING.match(text)):
            break  # the table is over: body text again
        cell = row[-1]
        if blank or not cell:
            cell.append(text)
        else:
            cell[-1] = f"{cell[-1]} {text}"
        blank = False
        i += 1
    flush()
    return table, i

