"""Every family of generated pages, and the data of the hand-written pages, in one explicit list.

A family is a pure function of the build's context to page specs; nothing registers itself on
import, so what the site contains is read here, top to bottom.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from congkhai.facts.context import BuildContext
from congkhai.pages import browse, budgets, criteria, embed, oversight, plans, schools
from congkhai.pages.spec import PageSpec

Family = Callable[[BuildContext], Iterable[PageSpec]]

FAMILIES: tuple[Family, ...] = (
    plans.plan_pages,
    schools.school_pages,
    criteria.criterion_pages,
    browse.browse_pages,
    budgets.budget_pages,
    oversight.oversight_pages,
    embed.embed_pages,
)

VIEWS: dict[str, Callable] = {
    "home": browse.home_view,
    "browse": browse.browse_view,
    "circulars": criteria.circulars_view,
}
"""Data of hand-written pages (home, /duyet/, /tieu-chi/): their templates call `view("home")`."""


def site_pages(ctx: BuildContext) -> list[PageSpec]:
    return [spec for family in FAMILIES for spec in family(ctx)]
