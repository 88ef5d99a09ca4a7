"""Values as editors write them in YAML, read the way Vietnamese documents write them: dates
dd/mm/yyyy, amounts 294.157.000 đ, levels «đạt mức 2», one solution as a plain string."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated

from pydantic import BeforeValidator


def parse_vn_date(value: object) -> object:
    """Accept ISO dates and the Vietnamese habit dd/mm/yyyy (or dd-mm-yyyy)."""
    if isinstance(value, str):
        m = re.fullmatch(r"\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*", value)
        if m:
            day, month, year = (int(x) for x in m.groups())
            try:
                return dt.date(year, month, day)
            except ValueError:
                raise ValueError(f"ngày «{value.strip()}» không tồn tại") from None
    return value


def strip(value: object) -> object:
    return value.strip() if isinstance(value, str) else value


def parse_amount(value: object) -> object:
    """Amounts as Vietnamese write them: 294.157.000, 294 157 000 đ, 294157000."""
    if isinstance(value, str):
        text = re.sub(r"\s*(?:đồng|đ|vnđ|vnd)\.?\s*$", "", value.strip(), flags=re.IGNORECASE)
        if re.fullmatch(r"\d{1,3}(?:[. ]\d{3})+|\d+", text):
            return int(re.sub(r"[. ]", "", text))
        raise ValueError(f"kinh phí «{value}» phải là số đồng, ví dụ 294157000 hoặc \"294.157.000\"")
    return value


def self_level(value: object) -> object:
    """«đạt mức 2», «Đạt Mức 2» or 2 -> "Đạt mức 2"; the wording a report uses, in one spelling."""
    if isinstance(value, int) and not isinstance(value, bool):
        return f"Đạt mức {value}"
    if isinstance(value, str):
        text = " ".join(value.split()).rstrip(".")
        m = re.fullmatch(r"(?:đạt\s+)?mức\s*([1-4])", text, re.IGNORECASE)
        if m:
            return f"Đạt mức {m.group(1)}"
        for word in ("Đạt", "Không đạt"):
            if text.casefold() == word.casefold():
                return word
        raise ValueError(f"mức tự đánh giá «{value}» phải là «Đạt mức 1», «Đạt mức 2», «Đạt mức 3», «Đạt» hoặc «Không đạt»")
    return value


def as_list(value: object) -> object:
    """One solution written as a plain string is a list of one."""
    if isinstance(value, str):
        return [value]
    return value


Text = Annotated[str, BeforeValidator(strip)]
VnDate = Annotated[dt.date, BeforeValidator(parse_vn_date)]
