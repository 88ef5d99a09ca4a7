"""Where the money comes from: totals by funding source per plan, per school (per district: facts/places.py).

Schools name the same source in many ways ("Ngân sách", "Kinh phí từ ngân sách nhà nước", OCR's
"Ngan sach"), so sources are folded to a few canonical names before they are added up; a source
we do not recognise is kept as the school wrote it. The templates receive plain lists of
`SourceTotal` (see overrides/partials/ck-budget.html for the shape they rely on).
"""

from __future__ import annotations

import re
from functools import lru_cache
from collections.abc import Iterable
from dataclasses import dataclass

from congkhai.core.model import Plan, Row, SchoolRecord
from congkhai.core.text import fold

STATE = "Ngân sách nhà nước"
SOCIAL = "Xã hội hóa"
REGULATED = "Nguồn điều tiết"
SELF_FUNDED = "Tự túc"
SCHOOL_OPERATIONS = "Nguồn hoạt động của nhà trường"
RECURRENT = "Kinh phí chi thường xuyên"
NO_SOURCE = "Chưa ghi nguồn"

# Folded (no diacritics, lower case) patterns -> canonical source, first match wins per pattern.
_CANONICAL: list[tuple[re.Pattern, str]] = [
    # "ngân sách" and what OCR makes of it: "Ngén séch", "Ngéan sach", "Ngan sich".
    (re.compile(r"\bng[ae][a-z]?n\s*s[aeio][a-z]?ch\b|\bnsnn\b"), STATE),
    (re.compile(r"\bxa\s*hoi\s*hoa\b|\bxhh\b"), SOCIAL),
    (re.compile(r"\bdieu\s*tiet\b"), REGULATED),
    (re.compile(r"\btu\s*tuc\b"), SELF_FUNDED),
    (re.compile(r"\bhoat\s*dong\s*(?:cua\s*)?(?:nha\s*)?truong\b"), SCHOOL_OPERATIONS),
    (re.compile(r"\bchi\s*thuong\s*xuyen\b"), RECURRENT),
]
# What editors write when a row has no source at all.
_NOTHING = re.compile(r"^(?:khong(?:\s*co)?|khong\s*can|0|-+|\.+|x)$")


@lru_cache(maxsize=8192)  # a corpus repeats a few hundred spellings over and over
def normalise_source(text: str | None) -> str | None:
    """The canonical name of a funding source, the cleaned text if unknown, None if empty."""
    if text is None:
        return None
    cleaned = re.sub(r"\s+", " ", text).strip(" \t.;,:")
    folded = fold(cleaned)
    if not folded or _NOTHING.match(folded):
        return None
    found = []
    for pattern, name in _CANONICAL:
        if pattern.search(folded) and name not in found:
            found.append(name)
    if found:
        return " + ".join(found)
    return cleaned[:1].upper() + cleaned[1:]


def row_source(row: Row) -> str | None:
    """The source a row's money is counted under; None when the row names no money at all."""
    source = normalise_source(row.nguon_kinh_phi)
    if source is None and row.kinh_phi:
        return NO_SOURCE
    return source


@dataclass(frozen=True)
class SourceTotal:
    """One line of a budget table: a source, its amount, its share of the total and its rows."""

    source: str
    amount: int
    share: float
    """0..1 of the table's total amount."""
    rows: int
    """Rows funded from this source."""
    unpriced: int = 0
    """Of those rows, how many name the source but no amount."""


def totals(rows: Iterable[Row]) -> list[SourceTotal]:
    """Totals by source, largest amount first; rows without money or source are left out."""
    amounts: dict[str, int] = {}
    counts: dict[str, int] = {}
    unpriced: dict[str, int] = {}
    for row in rows:
        source = row_source(row)
        if source is None:
            continue
        amounts[source] = amounts.get(source, 0) + (row.kinh_phi or 0)
        counts[source] = counts.get(source, 0) + 1
        if not row.kinh_phi:
            unpriced[source] = unpriced.get(source, 0) + 1
    grand = sum(amounts.values())
    order = sorted(amounts, key=lambda s: (s == NO_SOURCE, -amounts[s], -counts[s], s))
    return [
        SourceTotal(s, amounts[s], amounts[s] / grand if grand else 0.0, counts[s], unpriced.get(s, 0)) for s in order
    ]


def plan_totals(plan: Plan) -> list[SourceTotal]:
    return totals(plan.rows)


def school_totals(school: SchoolRecord) -> list[SourceTotal]:
    """All of a school's plans together (every school year)."""
    return totals(row for plan in school.plans for row in plan.rows)


def total_amount(items: Iterable[SourceTotal]) -> int:
    return sum(t.amount for t in items)
