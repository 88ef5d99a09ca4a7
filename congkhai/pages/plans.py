"""Plan pages: what each shows, computed from the model alone.

A plan page is the plan as the school signed it (pages/printview.py: header, title, the table in
the layout of its source document, signature), with the site's facts and links around it; the
same page printed is the official document and the PDF. Templates only place these values.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator
from dataclasses import dataclass

from congkhai.core import catalog
from congkhai.core.catalog import Circular
from congkhai.core.model import Plan, SchoolRecord
from congkhai.facts import budgets
from congkhai.facts.context import BuildContext
from congkhai.pages.printview import PrintDoc, print_doc
from congkhai.pages.spec import PageSpec


@dataclass
class PlanView:
    plan: Plan
    circular: Circular
    doc: PrintDoc
    """The document itself: header, title, table lines, signature (pages/printview.py)."""
    totals: list[budgets.SourceTotal]
    last_change: dt.date | None = None

    @property
    def school(self) -> SchoolRecord:
        return self.plan.school

    @property
    def row_count(self) -> int:
        return len(self.plan.rows)


def plan_view(plan: Plan, last_change: dt.date | None = None, with_pdf: bool = True) -> PlanView:
    return PlanView(
        plan=plan,
        circular=catalog.of(plan),
        doc=print_doc(plan, with_pdf),
        totals=budgets.plan_totals(plan),
        last_change=last_change,
    )


def plan_pages(ctx: BuildContext) -> Iterator[PageSpec]:
    """/truong/<slug>/<year>/: one page per plan."""
    for plan in ctx.corpus.plans:
        yield PageSpec(
            src_uri=plan.src_uri,
            title=plan.title,
            template="plan.html",
            context={"plan": plan},
            lazy={"view": functools.partial(plan_view, plan, ctx.last_updated(plan), plan.url in ctx.pdf_plans)},
            body=plan.body,
            kind="plan",
            hide=("navigation", "toc"),
        )
