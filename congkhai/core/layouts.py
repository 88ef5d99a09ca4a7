"""Table layouts of improvement plans, as data: which columns a plan's table has (on its page
and printed alike: the table of the plan's source document), and which row fields each holds.

A circular names its layouts in its catalog file (shared ones from layouts.yml, or its own written
the same way). Every field of the fields table is placed in every layout: a field a layout does not
name is shown, labelled, in the column of its `near` field, so a new field or a new layout never
hides what a school wrote.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from congkhai.core.fields import ROW_FIELDS, row_field

TT, STANDARD, CRITERION = "#tt", "#tieu_chuan", "#tieu_chi"
"""Printed columns computed from the row's position: running number, standard, criterion."""
SHARED_FILE = "layouts.yml"


@dataclass(frozen=True)
class PrintColumn:
    label: str
    fields: tuple[str, ...]
    """Printed as they are."""
    extras: tuple[str, ...] = ()
    """Printed with their short label: fields that have no column of their own in this layout."""
    min_width: float = 5
    """Per cent of the table; never narrower, so the header's longest word fits."""
    narrow: bool = False
    """Short values (numbers, dates): centred."""

    @property
    def role(self) -> str:
        """"tt", "tieu_chuan" or "tieu_chi" for the columns that name a row (a phone shows them as
        its card's title), "" for the others."""
        first = self.fields[0] if self.fields else ""
        return first[1:] if first in (TT, STANDARD, CRITERION) else ""


@dataclass(frozen=True)
class Layout:
    key: str
    title: str
    columns: tuple[PrintColumn, ...]
    landscape: bool = False
    """The printed table gets its own landscape pages."""
    groups: bool = False
    """Printed heading rows per standard and the "MỨC 1, 2, 3" / "MỨC 4" bands."""
    criterion_titles: bool = False
    """The printed criterion column shows the title, not just the id."""
    numbered: bool = False
    """A row (1), (2), … under the printed header, as official forms number their columns."""
    landscape_document: bool = False
    """The whole document, not only its table, is printed on A4 landscape (Biểu 2 of Thông tư 57/2026)."""

    @property
    def fields(self) -> set[str]:
        return {f for c in self.columns for f in (*c.fields, *c.extras)}


def _print(items: list) -> tuple[PrintColumn, ...]:
    columns = [
        PrintColumn(c["ten"], tuple(c["truong"]), tuple(c.get("phu", ())), c.get("rong", 5), c.get("hep", False))
        for c in items
    ]
    placed = {f for c in columns for f in (*c.fields, *c.extras)}
    for f in ROW_FIELDS:
        if f.key in placed or f.key == "ten_tieu_chi":
            continue
        home = next((i for i, c in enumerate(columns) if f.near in (*c.fields, *c.extras)), len(columns) - 1)
        c = columns[home]
        columns[home] = PrintColumn(c.label, c.fields, (*c.extras, f.key), c.min_width, c.narrow)
    return tuple(columns)


def layout_from(raw: dict) -> Layout:
    """A layout as written in YAML (see layouts.yml for the keys)."""
    return Layout(
        key=str(raw["ma"]),
        title=raw.get("ten", str(raw["ma"])),
        columns=_print(raw["in"]),
        landscape=raw.get("ngang", False),
        groups=raw.get("nhom_tieu_chuan", False),
        criterion_titles=raw.get("ten_tieu_chi", False),
        numbered=raw.get("danh_so_cot", False),
        landscape_document=raw.get("ca_van_ban_ngang", False),
    )


@cache
def shared_layouts() -> dict[str, Layout]:
    """The layouts several circulars share, by key."""
    raw = yaml.safe_load(resources.files(__package__).joinpath(SHARED_FILE).read_text("utf-8"))
    return {str(item["ma"]): layout_from(item) for item in raw}
