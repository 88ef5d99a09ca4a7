"""Shrink the generated HTML without changing what it renders: 10,000 plans must fit in the
1 GB a GitHub Pages site may hold, and Jinja's indentation is a tenth of every page.

Only layout whitespace is touched: a run lying wholly between two tags becomes one character (a
newline if it held one, else a space), and the indentation around a line break inside text is
dropped (the break itself stays). Both render the same under `white-space: normal` and
`pre-line` (the plan table's cells). Text, attribute values and the inside of <pre>, <textarea>,
<script> and <style> are left byte for byte.
"""

from __future__ import annotations

import re

_KEEP = re.compile(r"<(pre|textarea|script|style)\b.*?</\1\s*>", re.S | re.I)
_SLOT = re.compile(r"<\x00(\d+)>")
# A run between tags holding a newline becomes one, any other run one space: two passes with
# fixed replacements (a Python callback per match cost a twentieth of the page build).
_BETWEEN_TAGS_NEWLINE = re.compile(r">[^\S\n]*\n\s*<")
_BETWEEN_TAGS = re.compile(r">[^\S\n]+<")
_INDENT = re.compile(r"[ \t]*\n[ \t]*")


def html(text: str) -> str:
    kept: list[str] = []

    def park(m: re.Match) -> str:
        kept.append(m.group(0))
        return f"<\x00{len(kept) - 1}>"  # looks like a tag, so the whitespace around it collapses too

    out = _KEEP.sub(park, text)
    out = _BETWEEN_TAGS.sub("> <", _BETWEEN_TAGS_NEWLINE.sub(">\n<", out))
    out = _INDENT.sub("\n", out)
    return _SLOT.sub(lambda m: kept[int(m.group(1))], out).strip() + "\n"
