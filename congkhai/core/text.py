"""Text facts every phase shares: folding Vietnamese, slugs, amounts, dates, the table marker.

Each is defined once here so that a slug in a URL, a sort key and a search key never disagree.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from functools import lru_cache

TABLE_MARKER = "<!-- bang-ke-hoach -->"
"""Where a plan's body places the improvement table (the line editors write in the Markdown)."""
MONITOR_MARKER = "<!-- bang-theo-doi -->"
"""Where a plan's body places the monitoring table (Biểu 2, mục VI); without it the table follows
the improvement table's section."""

_D = str.maketrans({"đ": "d", "Đ": "D"})


@lru_cache(maxsize=65536)  # a corpus repeats a few thousand names and words over and over
def strip_marks(text: str) -> str:
    """Text without tone or vowel marks, đ spelled d, case and length kept ("Đội" -> "Doi")."""
    decomposed = unicodedata.normalize("NFD", text.translate(_D))
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def fold(text: str) -> str:
    """Lower case without marks ("Xã hội hóa" -> "xa hoi hoa"): what a keyboard without
    Vietnamese types; the key for matching, sorting and slugs, never for display."""
    return strip_marks(text).lower()


def slugify(text: str) -> str:
    """URL segment ("TP. Hồ Chí Minh" -> "tp-ho-chi-minh"); empty when nothing is left."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


def vn_date(value: dt.date | None) -> str:
    """ngày 04 tháng 9 năm 2024 (Nghị định 30/2020: leading zero for days < 10 and months 1, 2)."""
    if value is None:
        return ""
    month = f"{value.month:02d}" if value.month < 3 else str(value.month)
    return f"ngày {value.day:02d} tháng {month} năm {value.year}"


BRIEF_CHARS = 160
"""How much of a long text a list shows (criterion pages): about two lines on a phone."""


def brief(text: str, limit: int = BRIEF_CHARS) -> str:
    """The text's first sentence, or its first `limit` characters cut at a word and ended with «…»,
    whichever is shorter; a short text whole. Lists across many plans show rows briefly and link
    to the plan, where the whole text is: the same text repeated on every list would be most of
    the site's bytes."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    for end in re.finditer(r"(\w)[.!?](?=\s)", text[: limit + 1]):
        if not end[1].isupper():  # "TP. Hồ Chí Minh" goes on
            if end.end() >= limit // 3:
                return text[: end.end()]
            break
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit].rstrip(" ,;:-–") + "…"


def vn_number(value: int) -> str:
    """12.345"""
    return f"{value:,}".replace(",", ".")


def vnd(amount: int | None) -> str:
    """294.157.000 đ"""
    if amount is None:
        return ""
    return vn_number(amount) + " đ"


@lru_cache(maxsize=1)
def _collator():
    """ICU's Vietnamese collation (A Ă Â B C D Đ E Ê …); None where PyICU is missing."""
    try:
        import icu
    except ImportError:  # the folded key below still groups letters, only Ă/Â/Đ order is lost
        return None
    return icu.Collator.createInstance(icu.Locale("vi"))


@lru_cache(maxsize=65536)  # school and place names repeat across lists
def vn_key(text: str) -> bytes | str:
    """Sort key of a name in Vietnamese alphabetical order: Anh < Ăn < Âu < Dương < Đông < Êm."""
    collator = _collator()
    return collator.getSortKey(text) if collator else fold(text)
