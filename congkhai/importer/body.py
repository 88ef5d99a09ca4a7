"""The narrative sections as Markdown: headings, paragraphs, lists, and the table's place.

Top-level sections are numbered I., II., … (or 1., 2., … when a document has no Roman numerals);
a numbered line is a sub-section heading when every numbered line of its section introduces
content of its own ("1. Hiệu trưởng…" followed by duties), otherwise it is an item of a numbered
list and what follows it is nested under it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from congkhai.core.text import TABLE_MARKER

from .document import Para

UNPLACED_HEADING = "Nội dung chưa xếp được (cần biên tập viên kiểm tra)"

_ROMAN = re.compile(r"^([IVXL]+)\s*[.:)]\s*(\S.*)$")
_ARABIC = re.compile(r"^(\d{1,2})\s*[.)]\s+(\S.*)$")
_ARABIC2 = re.compile(r"^(\d{1,2}\.\d{1,2})\.?\s+(\S.*)$")
_BULLET = re.compile(r"^[-+•·∙◦▪*–]\s*(\S.*)$")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]#|])")


@dataclass
class Item:
    kind: str
    """Heading, para, bullet, number, table."""
    text: str = ""
    level: int = 0
    number: str = ""
    gap: bool = False


def escape(text: str) -> str:
    """Escape what Markdown would read as markup in text that is not ours (OCR noise, stray *)."""
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return text.replace("<", "&lt;").replace(">", "&gt;")


def _inline(text: str) -> str:
    """Body text from the source: keep it, but never let it start a heading, quote or table."""
    text = re.sub(r"^([#>|])", r"\\\1", text)
    return text.replace("<", "&lt;") if re.search(r"<\s*[a-zA-Z!/]", text) else text


def classify(paras: list[Para | str]) -> list[Item]:
    """Paragraphs (and the table mark) to typed items, joining lines that only continue a sentence."""
    joined: list[Para | str] = []
    for p in paras:
        prev = joined[-1] if joined else None
        if (
            isinstance(p, Para) and isinstance(prev, Para) and not p.gap and not p.heading and not prev.heading
            and p.text[:1].islower() and not _BULLET.match(p.text)
        ):
            prev.text = f"{prev.text} {p.text}"
            continue
        joined.append(Para(p.text, p.line, p.bold, p.heading, p.list_item, p.gap) if isinstance(p, Para) else p)
    roman = any(isinstance(p, Para) and _ROMAN.match(p.text) and len(p.text) < 200 for p in joined)
    items: list[Item] = []
    for p in joined:
        if isinstance(p, str):
            items.append(Item("table"))
            continue
        text = p.text
        if p.heading:
            items.append(Item("heading", text, max(2, min(p.heading, 4)), gap=p.gap))
        elif _ROMAN.match(text) and len(text) < 200 and (text.upper() == text or p.bold):
            items.append(Item("heading", text, 2, gap=p.gap))
        elif not roman and _ARABIC2.match(text) and len(text) < 90 and not text.endswith((".", ";")):
            items.append(Item("heading", text, 3, gap=p.gap))
        elif not roman and _ARABIC.match(text) and len(text) < 90 and not text.endswith((".", ";", ",")):
            items.append(Item("heading", text, 2, gap=p.gap))  # documents numbered 1., 2., … at the top
        elif _BULLET.match(text) and not text.startswith("**"):
            items.append(Item("bullet", _BULLET.match(text).group(1), gap=p.gap))
        elif p.list_item:
            items.append(Item("bullet", text, gap=p.gap))
        elif _ARABIC.match(text):
            m = _ARABIC.match(text)
            items.append(Item("number", m.group(2), number=m.group(1), gap=p.gap))
        else:
            items.append(Item("para", text, gap=p.gap))
    _promote_subsections(items)
    return items


def _promote_subsections(items: list[Item]) -> None:
    """In each section, numbered lines that each introduce their own content become ### headings."""
    start = 0
    bounds = [i for i, it in enumerate(items) if it.kind == "heading" and it.level <= 2] + [len(items)]
    for end in bounds:
        section = range(start, end)
        numbered = [i for i in section if items[i].kind == "number"]
        start = end + 1
        if len(numbered) < 2 or any(len(items[i].text) > 200 for i in numbered):
            continue
        if items[numbered[0]].number != "1":
            continue
        stops = numbered[1:] + [end]
        if all(stop - i > 1 and items[i + 1].kind in {"para", "bullet", "table"} for i, stop in zip(numbered, stops)):
            for i in numbered:
                it = items[i]
                it.kind, it.level, it.text = "heading", 3, f"{it.number}. {it.text}"


def render(items: list[Item]) -> str:
    out: list[str] = []  # blocks; a block is joined to the previous with a blank line unless tight
    tight: list[bool] = []
    in_number = False
    for it in items:
        if it.kind == "heading":
            in_number = False
            out.append("#" * it.level + " " + _inline(it.text))
            tight.append(False)
        elif it.kind == "table":
            in_number = False
            out.append(TABLE_MARKER)
            tight.append(False)
        elif it.kind == "number":
            out.append(f"{it.number}. {_inline(it.text)}")
            tight.append(bool(out[:-1]) and in_number and not it.gap and not _nested(out[-2]))
            in_number = True
        elif it.kind == "bullet":
            text = "- " + _inline(it.text)
            if in_number:
                text = "    " + text
            prev = out[-1] if out else ""
            tight.append(bool(out) and prev.lstrip().startswith("- ") and (prev.startswith("    ") == text.startswith("    ")))
            out.append(text)
        else:
            text = _inline(it.text)
            out.append(("    " + text) if in_number else text)
            tight.append(False)
    lines: list[str] = []
    for block, is_tight in zip(out, tight):
        if lines and not is_tight:
            lines.append("")
        lines.append(block)
    return "\n".join(lines) + "\n" if lines else ""


def _nested(block: str) -> bool:
    return block.startswith("    ")


def unplaced_section(entries: list[str]) -> str:
    lines = [f"## {UNPLACED_HEADING}", ""]
    lines.append(
        "Phần này do công cụ chuyển đổi thêm vào: những đoạn dưới đây chưa xếp được vào kế hoạch. "
        "Hãy chuyển từng đoạn vào đúng chỗ rồi xóa cả mục này."
    )
    lines.append("")
    lines.extend(f"- {escape(e)}" for e in entries)
    return "\n".join(lines) + "\n"
