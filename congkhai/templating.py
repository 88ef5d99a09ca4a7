"""Jinja filters and globals the templates in overrides/ use: Vietnamese dates, amounts, labels.

Formatting lives here, as small pure functions, so templates stay declarative and every page
type formats a date or an amount the same way.
"""

from __future__ import annotations

import datetime as dt

from . import catalog
from .model import Corpus


def vn_date(value: dt.date | None) -> str:
    """ngày 04 tháng 9 năm 2024 (Nghị định 30/2020: leading zero for days < 10 and months 1, 2)."""
    if value is None:
        return ""
    month = f"{value.month:02d}" if value.month < 3 else str(value.month)
    return f"ngày {value.day:02d} tháng {month} năm {value.year}"


def vnd(amount: int | None) -> str:
    """294.157.000 đ"""
    if amount is None:
        return ""
    return f"{amount:,}".replace(",", ".") + " đ"


def install(env, corpus: Corpus, config) -> None:
    env.filters["vn_date"] = vn_date
    env.filters["vnd"] = vnd
    env.globals["corpus"] = corpus
    env.globals["circulars"] = catalog.circulars()
    env.globals["circular"] = catalog.circular
