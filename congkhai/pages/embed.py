"""The compact, chrome-free view of a school that schools paste into their own website.

The law asks each school to publish its plan on its own site, usually a hosted portal it cannot
program; an <iframe> of /nhung/<slug>/ (with assets/javascripts/embed-resize.js sizing it to its
content) keeps that copy current without anyone touching the portal again. The snippet itself is
rendered on the school page by overrides/partials/ck-embed-box.html.
"""

from __future__ import annotations

from collections.abc import Iterator

from congkhai.facts import progress
from congkhai.facts.context import BuildContext
from congkhai.pages.spec import PageSpec


def embed_pages(ctx: BuildContext) -> Iterator[PageSpec]:
    """/nhung/<slug>/ for every school: its current plan's criteria (each linking to its row on
    the plan page, with its current status), then the earlier years."""
    for school in ctx.corpus.schools.values():
        plan = school.plans[0] if school.plans else None
        yield PageSpec(
            src_uri=f"{school.embed_url}index.md",
            title=f"Kế hoạch cải tiến chất lượng giáo dục – {school.name}",
            template="embed.html",
            context={"school": school, "plan": plan,
                     "statuses": [progress.status(row) for row in plan.rows] if plan else [],
                     # site-root-relative PDF of each plan that has one under the build's PDF policy
                     "pdf_urls": {p.url: p.pdf_url for p in school.plans if p.url in ctx.pdf_plans}},
            kind="embed",
        )
