"""Table layouts of improvement plans, as data: which columns the web page and the printed
document show, and which row fields each column holds.

A circular names its layouts in its catalog file (shared ones from layouts.yml, or its own written
the same way). Every field of the fields table is placed in every layout: a field a layout does not
name gets a web column of its own and is printed, labelled, in the column of its `near` field, so
a new field or a new layout never hides what a school wrote.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources

import yaml

from congkhai.core.fields import ROW_FIELDS, row_field

TT, STANDARD, CRITERION = "#tt", "#tieu_chuan", "#tieu_chi"
"""Printed columns computed from the row's position: running number, standard, criterion."""
SHARED_FILE = "layouts.yml"


@dataclass(frozen=True)
class WebColumn:
    key: str
    """Names the column's CSS class (ck-col-<key>)."""
    label: str
    fields: tuple[str, ...]

    @cached_property
    def captions(self) -> tuple[str, ...]:
        """One per field, shown when a cell holds more than one of them (asked for every cell:
        computed once per column)."""
        return tuple(row_field(f).cell_caption for f in self.fields)


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


@dataclass(frozen=True)
class Layout:
    key: str
    title: str
    web: tuple[WebColumn, ...]
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


def _web(items: list) -> tuple[WebColumn, ...]:
    columns = []
    for item in items:
        if isinstance(item, str):
            columns.append(WebColumn(item, row_field(item).label, (item,)))
        else:
            columns.append(WebColumn(item["ma"], item["ten"], tuple(item["truong"])))
    placed = {f for c in columns for f in c.fields}
    columns += [WebColumn(f.key, f.label, (f.key,)) for f in ROW_FIELDS if f.key not in placed and f.key != "ten_tieu_chi"]
    return tuple(columns)


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
        web=_web(raw["web"]),
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
