"""Limits on a plan's Markdown body, checked before MkDocs renders it.

Python-Markdown takes time quadratic in the unclosed brackets of a paragraph and recurses once per
level of list nesting (about 600 levels end in RecursionError), so a body could stall or crash
the build; real plans stay far below both limits (congkhai.core.limits).
"""

from __future__ import annotations

import re

from congkhai.core import limits

_INDENT = re.compile(r"^[ \t]+", re.MULTILINE)


def problems(body: str) -> list[tuple[int, str]]:
    """(0-based line in the body, Vietnamese message) for each limit the body passes."""
    found = []
    for m in _INDENT.finditer(body):
        if len(m.group(0).expandtabs(4)) > limits.BODY_INDENT:
            found.append((body.count("\n", 0, m.start()), f"dòng thụt lề quá sâu (tối đa {limits.BODY_INDENT} dấu cách, "
                          "khoảng 20 cấp danh sách lồng nhau)"))
            break
    brackets, first = 0, 0
    for i, line in enumerate(body.split("\n")):
        if not line.strip():  # a blank line ends the paragraph
            brackets, first = 0, i + 1
            continue
        brackets += line.count("[")
        if brackets > limits.BODY_BRACKETS:
            found.append((first, f"đoạn văn có quá nhiều dấu «[» (tối đa {limits.BODY_BRACKETS} trong một đoạn); "
                          "hãy tách đoạn hoặc bỏ bớt"))
            break
    return found
