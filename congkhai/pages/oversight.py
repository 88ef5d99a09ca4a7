"""Oversight pages for the Sở and the Phòng: /giam-sat/, /giam-sat/<tỉnh>/, /giam-sat/<tỉnh>/<huyện>/.

Each reports on the current school year (BuildContext.current_year): schools that have published
a plan and those that have not («chưa công khai»), completion by checkpoint, the criteria most
often weak and budgets by source, each as a table with a bar chart drawn at build time and a CSV
(outputs/oversight_csv.py) beside it.
"""

from __future__ import annotations

from collections.abc import Iterator

from congkhai.facts.context import BuildContext
from congkhai.pages.spec import PageSpec

LISTED = 300
"""Schools listed by name on one page; a larger area lists its sub-areas and links to them."""


def oversight_pages(ctx: BuildContext) -> Iterator[PageSpec]:
    for area in ctx.oversight_areas:
        yield PageSpec(
            f"{area.url}index.md",
            f"Giám sát kế hoạch cải tiến năm học {area.year} – {area.name}",
            "oversight.html",
            {"area": area, "charts": area.charts(), "checkpoints": area.checkpoints(), "listed": LISTED},
            kind="oversight",
            hide=("navigation", "toc"),
        )
