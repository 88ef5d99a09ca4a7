"""Repair the glyph faults that Vietnamese PDFs made by common converters carry.

Old Vietnamese fonts (VNI, TCVN3 and their Unicode conversions) map some letters to look-alike
code points, so the text layer reads «trƣờng» for «trường» or «ðến» for «đến»; a few converters
also lose the dot below of «ậ, ệ, ộ» and put a stray «ê» after the syllable («hiê êu» for
«hiệu», «tâ pê» for «tập»). Every repair is counted so the import report can list it: the editor
sees what was changed and can check it against the original.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .vn import nfc

# One code point for another: the faults seen in Vietnamese PDFs, and typographic forms that are
# the same letters (ligatures, soft and non-breaking hyphens).
SUBSTITUTES = {
    "ƣ": "ư",  # U+01A3 LATIN SMALL LETTER OI, drawn like ư by VNI-converted fonts
    "Ƣ": "Ư",
    "ð": "đ",  # U+00F0 eth, drawn like đ
    "Ð": "Đ",  # U+00D0 capital eth, drawn like Đ
    "ﬀ": "ff",
    "ﬁ": "fi",
    "ﬂ": "fl",
    "ﬃ": "ffi",
    "ﬄ": "ffl",
    "\u2011": "-",  # non-breaking hyphen
    "\u00ad": "",  # soft hyphen: only a hint where a word may break
}
_SUBSTITUTE = re.compile("[" + "".join(SUBSTITUTES) + "]")

# The dot below lost from a circumflex vowel and written as a separate «ê»: «hiê êu», «đô êng»
# (the rest of the syllable follows the «ê») or «tâ pê», «đô nê g» (one consonant moved before it).
_DOT_BELOW = {"â": "ậ", "ê": "ệ", "ô": "ộ", "Â": "Ậ", "Ê": "Ệ", "Ô": "Ộ"}
_STRAY_AFTER = re.compile(r"\b(\w+)([âêôÂÊÔ]) ê([a-zđ]{0,2})(?!\w)")
_STRAY_MOVED = re.compile(r"\b(\w+)([âêôÂÊÔ]) ([cmnpt]|ch|nh)ê(?: (g|h)(?!\w))?(?!\w)")
_MIN_STRAY = 3  # the fault is trusted only when the document shows it this often


@dataclass
class Repairs:
    """What was changed: (as read, as written) -> how many times, with one example each."""

    counts: Counter = field(default_factory=Counter)
    examples: dict[tuple[str, str], str] = field(default_factory=dict)

    def add(self, old: str, new: str, context: str) -> None:
        self.counts[(old, new)] += 1
        self.examples.setdefault((old, new), context)

    def lines(self) -> list[str]:
        """The report's lines, most frequent first (Vietnamese)."""
        out = []
        for (old, new), n in self.counts.most_common():
            shown_new = new if new else "(bỏ)"
            out.append(f"«{old}» → «{shown_new}»: {n} lần, ví dụ «{self.examples[(old, new)]}»")
        return out

    def __bool__(self) -> bool:
        return bool(self.counts)


def _context(text: str, start: int, end: int) -> str:
    left = text.rfind(" ", 0, max(0, start - 12))
    right = text.find(" ", min(len(text), end + 12))
    return " ".join(text[left + 1 : right if right != -1 else len(text)].split())


def has_strays(text: str) -> bool:
    """Whether the document shows the lost-dot-below fault often enough to be trusted."""
    return len(_STRAY_AFTER.findall(text)) >= _MIN_STRAY


def repair(text: str, repairs: Repairs | None = None, strays: bool | None = None) -> tuple[str, Repairs]:
    """The text with glyph faults repaired, and what was repaired.

    `strays`: repair the lost dot below; None decides from the text itself (only when the fault
    occurs often enough to be the document's, not a rare real «cô êm»).
    """
    repairs = repairs if repairs is not None else Repairs()
    text = nfc(text)

    def sub(m: re.Match) -> str:
        old = m.group(0)
        repairs.add(old, SUBSTITUTES[old], _context(text, m.start(), m.end()))
        return SUBSTITUTES[old]

    text = _SUBSTITUTE.sub(sub, text)
    if strays is None:
        strays = has_strays(text)
    if strays:
        for pattern in (_STRAY_AFTER, _STRAY_MOVED):
            def dot(m: re.Match, pattern: re.Pattern = pattern) -> str:
                tail = "".join(g or "" for g in m.groups()[2:])
                new = m.group(1) + _DOT_BELOW[m.group(2)] + tail
                repairs.add(m.group(0), new, _context(text, m.start(), m.end()))
                return new

            text = pattern.sub(dot, text)
    return text, repairs
