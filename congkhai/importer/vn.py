"""Small Vietnamese text helpers shared by the importer: spacing, casing, tokens, slugs of names."""

from __future__ import annotations

import re
import unicodedata

from congkhai.core.text import fold, slugify  # noqa: F401 - fold: the importer's modules take it from here

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u3000]+")
_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>")
WORD = re.compile(r"\w+")
_THOUSANDS = re.compile(r"(?<=\d)[.,](?=\d{3}(?!\d))")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def squash(text: str) -> str:
    """Collapse whitespace runs to one space (PDF and Word leave many)."""
    return _SPACES.sub(" ", text).strip()


def strip_tags(text: str) -> str:
    """Remove inline HTML tags (<b>, <p>, <span …>): layout, not content."""
    return _TAG.sub(" ", text)


def tokens(text: str) -> list[str]:
    """Word tokens of a text (tags removed), casefolded: the unit of the 'nothing lost' audit."""
    text = _THOUSANDS.sub("", nfc(strip_tags(text)))  # 294.157.000 is written 294157000
    return [t.casefold() for t in WORD.findall(text)]


def name_slug(text: str) -> str:
    """ASCII slug; 'T/p Hồ Chí Minh' -> 'tp-ho-chi-minh' (abbreviation marks are not separators)."""
    return slugify(re.sub(r"[/.'’]", "", text))


# Words kept upper case when a printed name in capitals is turned into a profile name.
_ABBREVIATIONS = {
    "TH", "THCS", "THPT", "MN", "MG", "PT", "PTCS", "PTTH", "PTDTNT", "PTDTBT", "GDTX", "GDNN",
    "UBND", "GDĐT", "GD&ĐT", "TP", "TP.", "HCM", "TH&THCS", "THCS&THPT", "TH-THCS", "THCS-THPT",
}
_UNITS = {"xã", "phường", "thị trấn", "quận", "huyện", "tỉnh", "thành phố", "thị xã"}
_PHRASES = {
    "mầm non": "Mầm non", "tiểu học": "Tiểu học", "trung học cơ sở": "Trung học cơ sở",
    "trung học phổ thông": "Trung học phổ thông", "mẫu giáo": "Mẫu giáo", "phổ thông": "Phổ thông",
}


def title_case(text: str) -> str:
    """'TRƯỜNG TH XÃ THANH AN' -> 'Trường TH xã Thanh An' (how names are written in running text)."""
    out: list[str] = []
    for word in text.split():
        upper = word.upper()
        if upper in _ABBREVIATIONS or (word == upper and any(c.isdigit() for c in word)):
            out.append(upper)
        else:
            low = word.lower()
            out.append(low[:1].upper() + low[1:])
    result = " ".join(out)
    for phrase, written in _PHRASES.items():
        result = re.sub(rf"(?<!\S){phrase}(?!\S)", written, result, flags=re.IGNORECASE)
    for unit in sorted(_UNITS, key=len, reverse=True):
        # A unit word before a name is written in lower case ("xã Thanh An"), not at the start,
        # and not before a number ("Quận 12" is the district's name).
        result = re.sub(rf"(?<=\S )({unit})(?= [^\s\d])", unit, result, flags=re.IGNORECASE)
    return result
