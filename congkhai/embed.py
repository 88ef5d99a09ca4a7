"""The compact, chrome-free view of a school that schools paste into their own website.

The law asks each school to publish its plan on its own site, usually a hosted portal it cannot
program; an <iframe> of /nhung/<slug>/ (with assets/javascripts/embed-resize.js sizing it to its
content) keeps that copy current without anyone touching the portal again. The snippet itself is
rendered on the school page by overrides/partials/ck-embed-box.html.
"""

from __future__ import annotations

from collections.abc import Iterator

from . import pages, pdf, printview
from .model import Corpus, SchoolRecord
from .pages import PageSpec

EMBED_ROOT = "nhung"
RESIZE_SCRIPT = "assets/javascripts/embed-resize.js"


def embed_url(school: SchoolRecord) -> str:
    return f"{EMBED_ROOT}/{school.slug}/"


@pages.register
def embed_pages(corpus: Corpus) -> Iterator[PageSpec]:
    """/nhung/<slug>/ for every school: its current plan compactly, then the earlier years."""
    pdfs = pdf.pdf_plans(corpus)
    for school in corpus.schools.values():
        yield PageSpec(
            src_uri=f"{EMBED_ROOT}/{school.slug}/index.md",
            title=f"Kế hoạch cải tiến chất lượng giáo dục – {school.name}",
            template="embed.html",
            context={"school": school, "plan": school.plans[0] if school.plans else None,
                     # site-root-relative PDF of each plan that has one under the build's PDF policy
                     "pdf_urls": {p.url: printview.pdf_url(p) for p in school.plans if p.url in pdfs}},
            kind="embed",
        )
