"""Vietnamese text as the search index holds it: đ folded, boilerplate out, queries normalised.

Pagefind folds tone and vowel marks itself in both directions (`thu vien` finds *thư viện*), but
`đ` is a letter of its own, not a combining mark, so `doi ngu` would miss *đội ngũ*. Each text (a
record's, a row's) therefore ends, after `FOLD_MARK`, with its words containing `đ` spelled with
`d`; the browser side maps `đ` to `d` in queries as well (normalise_query here, normaliseQuery in
search-engine.js: the same rules, tested against each other). The result lists cut that tail off
before showing excerpts.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from congkhai.core.model import CRITERION_ID
from congkhai.core.text import fold

# Separates a record's text from the folded copies of its đ-words. The asterism is punctuation
# to Pagefind (never a word, never matched) but, unlike whitespace, survives in the stored text,
# where the search page cuts the copies off; it does not occur in plan text.
FOLD_MARK = "\u2042"

# --- Vietnamese folding ------------------------------------------------------------------------

_D = str.maketrans({"đ": "d", "Đ": "D"})
WORD = re.compile(r"\w+")


def fold_d(text: str) -> str:
    """đ -> d and Đ -> D, nothing else (Pagefind folds the other marks itself)."""
    return text.translate(_D)


def d_words(text: str) -> list[str]:
    """Every word that contains đ, lowercased, with đ spelled d (in text order, repeats kept so
    that term frequency, and with it the ranking, is the same for `doi ngu` as for `đội ngũ`)."""
    return [fold_d(w) for w in WORD.findall(unicodedata.normalize("NFC", text).lower()) if "đ" in w]


def dd_words(text: str) -> list[str]:
    """For text written without diacritics (OCR): its d-words spelled with đ, so that a query
    typed with đ (`đội ngũ`, which Pagefind does not fold to d) also finds `doi ngu`."""
    return [w.replace("d", "đ") for w in WORD.findall(text.lower()) if "d" in w]


_LETTER = re.compile(r"[^\W\d_]")
_NON_ASCII_LETTER = re.compile(r"(?![\x00-\x7f])[^\W\d_]")


def looks_unaccented(text: str) -> bool:
    """True for Vietnamese written without marks: almost every letter is plain ASCII."""
    letters = len(_LETTER.findall(text))
    return letters >= 20 and len(_NON_ASCII_LETTER.findall(text)) < 0.02 * letters


def indexed_content(text: str, unaccented: bool = False) -> str:
    """The text as indexed: the text itself, then after FOLD_MARK the đ-free copies of its
    đ-words (and, for text without marks, the đ spellings of its d-words)."""
    text = unicodedata.normalize("NFC", text)
    extra = d_words(text)
    if unaccented or looks_unaccented(text):
        extra += dd_words(text)
    return f"{text} {FOLD_MARK} {' '.join(extra)}" if extra else text


# The national motto and the tagline head every administrative document; in a plan's text they
# are noise that matches `xã hội hóa` (and `hóa` extends to `hoạch`) on every plan.
_BOILERPLATE = re.compile(
    r"cong\W+hoa\W+xa\W+hoi\W+chu\W+nghia(?:\W+viet\W+nam)?|doc\W+lap\W+tu\W+do\W+hanh\W+phuc"
)


@functools.lru_cache(maxsize=4096)
def _fold_char(c: str) -> str:
    return (fold(c) or c)[0]


def _fold_each(text: str) -> str:
    """fold() applied character by character, so positions in the result match the input."""
    return "".join(map(_fold_char, text))


def strip_boilerplate(text: str) -> str:
    """The text without the motto and tagline, however they are accented (OCR has none)."""
    text = unicodedata.normalize("NFC", text)
    spans = [m.span() for m in _BOILERPLATE.finditer(_fold_each(text))]
    for start, end in reversed(spans):
        text = text[:start] + " " + text[end:]
    return text


# --- Queries -------------------------------------------------------------------------------------

# `tiêu chí 5.3`, `TC 5.3`, `tc5-3`: a prefix allows - or _ between the numbers; a bare id
# must be exactly n.m (so `2.5m2`, `294.157.000` or `11/2022` are not criteria). The three
# circulars have standards 1 to 5 and the level-4 list M4.
_PREFIXED_ID = re.compile(r"(?<!\w)(?:ti[eê]u[\s_-]*ch[ií]|tc)[\s_-]*(m4|[1-5])[._-]([1-9][0-9]?)(?![\w.])", re.I)
_BARE_ID = re.compile(r"(?<![\w.,/])(m4|[1-5])\.([1-9][0-9]?)(?![\w/]|[.,]\d)", re.I)


@dataclass(frozen=True)
class Query:
    text: str
    """Words to give Pagefind, đ folded ("" when the query was only a criterion id)"""
    criterion: str | None = None
    """"5.3" or "M4.1": applied as the tieu_chi filter."""


def normalise_query(raw: str) -> Query:
    """What the search box sends: `tiêu chí 5.3`, `TC 5.3`, `tc5-3` and `5.3` all become the
    criterion filter 5.3 (exact, where a word search for `5.3` would also match `5.30` or
    `530.000`); the remaining words are NFC-normalised and đ-folded.

    Mirrored by `normaliseQuery` in overrides/assets/javascripts/search.js (tests compare both)."""
    text = unicodedata.normalize("NFC", raw or "")
    criterion = None
    m = _PREFIXED_ID.search(text) or _BARE_ID.search(text)
    if m and CRITERION_ID.match(cid := f"{m[1].upper()}.{m[2]}"):
        criterion = cid
        text = text[: m.start()] + " " + text[m.end() :]
    text = " ".join(w for w in fold_d(text).split() if WORD.search(w))
    return Query(text, criterion)
