"""Addresses that moved still answer: each plan's former print view (truong/<slug>/<year>/in/,
a page of its own until the plan page became the printable document) is a tiny page sending the
reader to the document on the plan page. Written as plain files after the pages: a MkDocs page
each would cost the build a page per plan again."""

from __future__ import annotations

from congkhai.core.model import PRINT_ANCHOR
from congkhai.facts.context import BuildContext
from congkhai.outputs.templates import template

TEMPLATE = "redirect.html"


def write_redirects(ctx: BuildContext) -> None:
    page = template(TEMPLATE)
    for plan in ctx.corpus.plans:
        target = ctx.site_dir / plan.old_print_url / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.render(page="../", anchor=PRINT_ANCHOR, title=plan.title), encoding="utf-8")
