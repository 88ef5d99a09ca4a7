"""Read a Word .docx (python-docx) into paragraphs and tables, in document order.

Merged cells: python-docx yields a merged cell once per grid column (horizontal span) and per row
(vertical span), as the same underlying <w:tc>; its text is kept once, at its first position.
Text in nested tables and text boxes inside a cell is kept with the cell. Tables that only lay out
the header or the signature (two columns: school | motto) are flattened to paragraphs, column by
column, so the header reader sees them as lines.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from congkhai.core import limits

from .document import Block, ImportFailure, Para, Table
from .layout import is_header_row
from .vn import nfc, squash

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _check_zip(path: Path) -> None:
    """Refuse a zip bomb before anything is unpacked: too many members, too much in total, or one
    member packed far tighter than any Word XML (sizes as the archive declares them; zipfile
    itself stops reading a member at its declared size)."""
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
            names = {i.filename for i in infos}
            too_big = f"tệp «{path.name}» khi giải nén quá lớn"
            if len(infos) > limits.DOCX_MEMBERS:
                raise ImportFailure(f"{too_big} ({len(infos)} tệp bên trong; tối đa {limits.DOCX_MEMBERS}); không đọc tiếp")
            if sum(i.file_size for i in infos) > limits.DOCX_UNPACKED_BYTES:
                raise ImportFailure(f"{too_big} (trên {limits.DOCX_UNPACKED_BYTES // 1024 // 1024} MB); không đọc tiếp")
            for i in infos:
                if i.file_size > 1024 * 1024 and i.file_size > limits.DOCX_RATIO * max(i.compress_size, 1):
                    raise ImportFailure(
                        f"{too_big}: «{i.filename}» nén {i.file_size // max(i.compress_size, 1)} lần, "
                        f"văn bản Word thật không quá {limits.DOCX_RATIO} lần (có thể là tệp «bom nén»); không đọc tiếp"
                    )
            if "word/document.xml" not in names:
                raise ImportFailure(
                    f"tệp «{path.name}» không phải văn bản Word (.docx) (có thể là tệp Excel hoặc PowerPoint đổi tên); "
                    "hãy mở bằng Word rồi lưu lại dạng .docx"
                )
    except zipfile.BadZipFile:
        raise ImportFailure(
            f"tệp «{path.name}» bị hỏng hoặc không phải văn bản Word (.docx); hãy mở bằng Word và lưu lại dạng .docx"
        ) from None


def _para_text(p) -> str:
    """Text of a <w:p>, tabs and line breaks as spaces (a manual line break is not a paragraph)."""
    parts: list[str] = []
    for node in p.iter(f"{W}t", f"{W}tab", f"{W}br", f"{W}cr", f"{W}noBreakHyphen", f"{W}sym"):
        tag = node.tag
        if tag == f"{W}t":
            parts.append(node.text or "")
        elif tag == f"{W}noBreakHyphen":
            parts.append("-")
        elif tag == f"{W}sym":
            continue
        else:
            parts.append(" ")
    return nfc("".join(parts))


def _cell_paras(tc) -> list[str]:
    """Every paragraph inside a cell, nested tables and text boxes included, in order."""
    out = []
    for p in tc.iter(f"{W}p"):
        text = squash(_para_text(p))
        if text:
            out.append(text)
    return out


def _is_bold(p) -> bool:
    runs = [r for r in p.iter(f"{W}r") if "".join(t.text or "" for t in r.iter(f"{W}t")).strip()]
    if not runs:
        return False
    for r in runs:
        rpr = r.find(f"{W}rPr")
        b = rpr.find(f"{W}b") if rpr is not None else None
        if b is None or b.get(f"{W}val") in {"0", "false"}:
            return False
    return True


def read(path: Path) -> tuple[list[Block], str]:
    _check_zip(path)
    try:
        import docx  # python-docx
        from docx.table import Table as DocxTable

        document = docx.Document(str(path))
    except ImportFailure:
        raise
    except Exception:
        raise ImportFailure(
            f"tệp «{path.name}» bị hỏng hoặc không phải văn bản Word (.docx); hãy mở bằng Word và lưu lại dạng .docx"
        ) from None
    styles = {}
    blocks: list[Block] = []
    texts: list[str] = []
    number = 0
    body = document.element.body
    for child in body.iterchildren():
        if child.tag == f"{W}p":
            number += 1
            raw = _para_text(child)
            texts.append(raw)
            text = squash(raw)
            if not text:
                continue
            style_id = None
            ppr = child.find(f"{W}pPr")
            if ppr is not None:
                ps = ppr.find(f"{W}pStyle")
                style_id = ps.get(f"{W}val") if ps is not None else None
                listed = ppr.find(f"{W}numPr") is not None
            else:
                listed = False
            name = styles.get(style_id)
            if name is None and style_id:
                try:
                    name = document.styles.get_by_id(style_id, 1).name or ""
                except Exception:
                    name = ""
                styles[style_id] = name
            name = (name or "").lower()
            heading = 0
            if name.startswith("heading ") and name[8:].isdigit():
                heading = min(int(name[8:]) + 1, 4)  # Word's Heading 1 is our "##"
            listed = listed or name.startswith("list")
            blocks.append(Para(text, number, bold=_is_bold(child), heading=heading, list_item=listed))
        elif child.tag == f"{W}tbl":
            number += 1
            table = DocxTable(child, document)
            rows = _table_rows(table)
            texts.extend(t for row in rows for cell in row for t in cell)
            if _is_plan_table(rows):
                blocks.append(Table(rows, number, [number] * len(rows)))
            else:
                blocks.extend(_flatten(rows, number))
    return blocks, "\n".join(texts)


def _table_rows(table) -> list[list[list[str]]]:
    """Rows of cell paragraphs on the table grid; a merged cell's text only at its first position."""
    seen: set = set()  # the <w:tc> elements themselves (kept alive, so identity is stable)
    rows = []
    for row in table.rows:
        cells: list[list[str]] = []
        try:
            before = row.grid_cols_before
        except Exception:
            before = 0
        cells.extend([] for _ in range(before))
        for cell in row.cells:
            key = cell._tc
            if key in seen:
                cells.append([])  # the same <w:tc> again: a merged cell, its text is already kept
                continue
            seen.add(key)
            cells.append(_cell_paras(cell._tc))
        rows.append(cells)
    return rows


def _is_plan_table(rows: list[list[list[str]]]) -> bool:
    return any(is_header_row([" ".join(c) for c in row]) for row in rows[:4])


def _flatten(rows: list[list[list[str]]], number: int) -> list[Para]:
    """A layout table (header, signature): its text column by column, as paragraphs."""
    width = max((len(r) for r in rows), default=0)
    out: list[Para] = []
    for col in range(width):
        for row in rows:
            if col < len(row):
                out.extend(Para(t, number) for t in row[col])
    return out
