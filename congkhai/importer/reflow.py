"""Lines laid out on pages back into paragraphs: the text of a PDF, or text copied out of one.

A PDF keeps no paragraphs, only lines: a paragraph breaks wherever the page was full, the page
number and running header land in the middle of a paragraph that continues on the next page.
Page numbers and lines repeated at the top or bottom of many pages are taken out (and listed);
then a line continues the paragraph above it unless something says it starts a new one: a
numbered or bulleted start, a section heading, a first-line indent, a blank line, or the line
above ending a sentence, or being too short to have been broken by the page width.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .document import Para
from .vn import fold

PAGE_NUMBER = re.compile(r"^\s*[-–—]?\s*(?:trang\s+)?(\d{1,3})(?:\s*/\s*\d{1,3})?\s*[-–—]?\s*$", re.IGNORECASE)
# Lines that always start a paragraph, and section headings that nothing continues.
_START = re.compile(
    r"^(?:[-+•·∙◦▪*–]\s|[a-zđ]\)\s|\d{1,2}\s*[.)]\s+\S|[IVX]{1,5}\s*[.:)]\s|phần\s+[IVX]+\b"
    r"|tiêu\s+chí\s+\d|tiêu\s+chuẩn\s+\d|mức\s+\d\s*:?\s*$)",
    re.IGNORECASE,
)
SECTION = re.compile(
    r"^\W*\d\s*[.)/]?\s*(mo ta hien trang|diem manh|diem yeu|ke hoach cai tien|tu danh gia)\b"
)
_TERMINAL = re.compile(r"[.;:!?…]['\"”»)]*\s*(?:\./\.)?$")


@dataclass
class Line:
    text: str
    """Without the indentation."""
    number: int
    """The line of a text file, or the page of a PDF."""
    indent: int = 0
    gap: bool = False
    """A blank line comes before it (not counting page breaks)"""


@dataclass
class Reflowed:
    paras: list[Para]
    page_numbers: list[str] = field(default_factory=list)
    running: Counter = field(default_factory=Counter)
    """Repeated header/footer lines -> times removed."""


def _key(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.split()).casefold())


def clean_pages(pages: list[list[Line]]) -> tuple[list[Line], list[str], Counter]:
    """All lines in order without page numbers and running headers or footers.

    A line holding only a number is a page number when it is among the first or last two lines
    of a page, when it follows the last page number found, or when it splits a sentence (the
    line before does not end one, the line after starts in lower case): a page number that ended
    up mid-page once the document was copied or re-printed. Other numbers (table cells) stay.
    """
    edges: Counter = Counter()
    for lines in pages:
        body = [ln for ln in lines if not PAGE_NUMBER.match(ln.text)]
        edges.update({_key(ln.text) for ln in body[:2] + body[-2:] if _may_repeat(ln.text)})
    repeated = {k for k, n in edges.items() if n >= 3 and n >= 0.4 * len(pages)}
    flat: list[tuple[Line, bool, bool]] = []  # line, starts a page, at a page's edge
    running: Counter = Counter()
    for lines in pages:
        body = [ln for ln in lines if not PAGE_NUMBER.match(ln.text)]
        edge_ids = {id(ln) for ln in body[:2] + body[-2:]}
        for k, ln in enumerate(lines):
            if id(ln) in edge_ids and _key(ln.text) in repeated:
                running[" ".join(ln.text.split())] += 1
                continue
            flat.append((ln, k == 0 or not flat, k < 2 or k >= len(lines) - 2))
    texts = [i for i, (ln, _, _) in enumerate(flat) if not PAGE_NUMBER.match(ln.text)]
    numbers: list[str] = []
    out: list[Line] = []
    last, page_start, t = 0, False, 0
    for i, (ln, starts, edge) in enumerate(flat):
        page_start = page_start or starts
        m = PAGE_NUMBER.match(ln.text)
        if m:
            while t < len(texts) and texts[t] < i:
                t += 1
            before = flat[texts[t - 1]][0].text if t else ""
            after = flat[texts[t]][0].text if t < len(texts) else ""
            splits = bool(before) and not _TERMINAL.search(before) and after[:1].islower()
            if edge or splits or last < int(m.group(1)) <= last + 3:
                numbers.append(ln.text.strip())
                last = int(m.group(1))
                continue
        if page_start and out:
            ln.gap = False  # a page break is not a paragraph break
        page_start = False
        out.append(ln)
    return out, numbers, running


def _may_repeat(text: str) -> bool:
    """Headings («Tiêu chí 1.2: …», «3. Điểm yếu») often open a page, a sentence may end on one: neither
    is a running header, nor is a line that continues a sentence (lower case first)."""
    if len(text) < 4 or text[:1].islower() or _TERMINAL.search(text):
        return False
    return not _START.match(text) and not is_section(text)


def is_section(text: str) -> bool:
    return bool(SECTION.match(fold(text)))


def _full_width(lines: list[Line]) -> float:
    widths = sorted(len(ln.text) + ln.indent for ln in lines if len(ln.text) >= 20)
    return widths[int(len(widths) * 0.9)] if widths else 80.0


def _indents_mark_paragraphs(lines: list[Line]) -> bool:
    """Whether the text marks its paragraphs by a first-line indent (text laid out from Word):
    then a line that is not indented continues its paragraph even after a full stop."""
    after_stop = [cur.indent for prev, cur in zip(lines, lines[1:]) if _TERMINAL.search(prev.text) and not _START.match(cur.text)]
    return len(after_stop) >= 10 and sum(1 for i in after_stop if i >= 2) >= 0.6 * len(after_stop)


def join(lines: list[Line]) -> list[Para]:
    """Paragraphs from layout lines (see the module's docstring for the rules)."""
    full = _full_width(lines)
    indented = _indents_mark_paragraphs(lines)
    paras: list[Para] = []
    prev: Line | None = None
    for k, ln in enumerate(lines):
        nxt = lines[k + 1] if k + 1 < len(lines) else None
        if prev is None or _starts_paragraph(prev, ln, nxt, full, paras[-1].text, indented):
            paras.append(Para(ln.text, ln.number, gap=ln.gap))
        else:
            last = paras[-1]
            sep = "" if last.text.endswith("-") and re.search(r"\w-$", last.text) and ln.text[:1].isdigit() else " "
            last.text = f"{last.text}{sep}{ln.text}"
        prev = ln
    return paras


def _starts_paragraph(prev: Line, cur: Line, nxt: Line | None, full: float, para: str, indented: bool) -> bool:
    text = cur.text
    if _START.match(text) or is_section(text):
        return True
    if is_section(prev.text) or is_section(para):
        return True  # a section heading stands alone
    continues = text[:1].islower() or text[:1] in "([" or (text[:1].isdigit() and not re.match(r"^\d{1,2}\s*[.)]\s", text))
    if cur.gap and not (continues and not _TERMINAL.search(prev.text)):
        return True
    if cur.indent >= 2 and (cur.indent - prev.indent >= 2 or (nxt is not None and cur.indent - nxt.indent >= 2)):
        if not (continues and not _TERMINAL.search(prev.text) and cur.indent <= prev.indent):
            return True  # a first-line indent
    if continues or (indented and cur.indent < 2):
        return False
    if _TERMINAL.search(prev.text):
        return True
    return len(prev.text) + prev.indent < 0.8 * full  # a short line ended its paragraph


def lines_of_text(text: str, first_line: int = 1) -> list[list[Line]]:
    """A text file's lines, split into pages at form feeds, with indentation and blank lines."""
    pages: list[list[Line]] = [[]]
    gap = False
    for n, raw in enumerate(text.split("\n"), first_line):
        parts = raw.split("\f")
        for i, part in enumerate(parts):
            if i:
                pages.append([])
            stripped = part.strip()
            if not stripped:
                gap = True
                continue
            expanded = part.replace("\t", "    ")
            pages[-1].append(Line(" ".join(stripped.split()), n, len(expanded) - len(expanded.lstrip()), gap))
            gap = False
    return [p for p in pages if p]


def lines_of_pdf(pages: list[str]) -> list[list[Line]]:
    """A PDF's page texts as lines numbered by page (PDF text has no indentation to read)."""
    out = []
    for number, text in enumerate(pages, 1):
        lines = [Line(" ".join(t.split()), number) for t in text.split("\n") if t.strip()]
        if lines:
            out.append(lines)
    return out


def reflow(pages: list[list[Line]]) -> Reflowed:
    lines, numbers, running = clean_pages(pages)
    return Reflowed(join(lines), numbers, running)
