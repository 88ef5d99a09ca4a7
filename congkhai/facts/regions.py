"""Where a school is today: the province (and commune) after the reform of 1 July 2025.

Since that date there are 34 provinces and no district level. Profiles keep the address as
written (often the old xã, huyện, tỉnh) and plans keep the place names they were signed with;
grouping and browsing use the current province, found by the maintained `vietnamadminunits`
dataset (old address -> new units; "Bình Phục Nhứt, Chợ Gạo, Tiền Giang" -> Đồng Tháp), never by
a hand-written table. An address the dataset does not know keeps its province as written.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from congkhai.core.model import SchoolRecord


@dataclass(frozen=True)
class Region:
    """A school's current province and commune, next to its address as written."""

    province: str | None
    """"Đồng Tháp", "TP. Hồ Chí Minh"; None when the profile names no province."""
    commune: str | None
    """"Xã An Thạnh Thủy" where the dataset knows it, else None."""
    mapped: bool
    """Whether the dataset recognised the address (False: the province is the one written)."""


def _label(province: str) -> str:
    """"Tỉnh Đồng Tháp" -> "Đồng Tháp", "Thành phố Hồ Chí Minh" -> "TP. Hồ Chí Minh"."""
    if province.startswith("Tỉnh "):
        return province[5:]
    if province.startswith("Thành phố "):
        return "TP. " + province[10:]
    return province


def _converted(ward: str | None, district: str | None, province: str):
    """The unit after 2025 of an address written before it (a district is named) or after it."""
    from vietnamadminunits import (  # loads its dataset: only when asked
        ParseMode,
        convert_address,
        parse_address,
    )

    address = ", ".join(x for x in (ward, district, province) if x)
    attempts = [lambda: convert_address(address)]
    if not district:  # a new-style address (xã, tỉnh) is parsed as such first
        attempts.insert(0, lambda: parse_address(address, mode=ParseMode.FROM_2025))
    for attempt in attempts:
        try:
            unit = attempt()
        except Exception:  # the dataset raises on names it cannot place; the next try or the written name
            continue
        if unit is not None and unit.province:
            return unit
    return None


@lru_cache(maxsize=16384)
def region_of_address(ward: str | None, district: str | None, province: str | None) -> Region:
    """The current province and commune of an address; cached, as schools share districts."""
    if not province:
        return Region(None, None, False)
    unit = _converted(ward, district, province)
    if unit is None:
        return Region(province, None, False)
    return Region(_label(unit.province), unit.ward or None, True)


def region(school: SchoolRecord) -> Region:
    p = school.profile
    return region_of_address(p.phuong_xa, p.quan_huyen, p.tinh_thanh)
