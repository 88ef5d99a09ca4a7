"""Budget pages: /duyet/kinh-phi/ (every district) and one page per district."""

from __future__ import annotations

from collections.abc import Iterator

from congkhai.facts.budgets import totals
from congkhai.facts.context import BuildContext
from congkhai.facts.places import districts
from congkhai.pages.spec import PageSpec


def budget_pages(ctx: BuildContext) -> Iterator[PageSpec]:
    """/duyet/kinh-phi/ (every district) and /duyet/kinh-phi/<tỉnh>/<huyện>/ (one district)."""
    corpus = ctx.corpus
    all_districts = districts(corpus)
    yield PageSpec(
        "duyet/kinh-phi/index.md",
        "Kinh phí cải tiến theo địa phương",
        "ck-kinh-phi.html",
        {"districts": all_districts, "totals": totals(r for p in corpus.plans for r in p.rows)},
        kind="budget",
    )
    for district in all_districts:
        yield PageSpec(
            f"duyet/kinh-phi/{district.slug}/index.md",
            f"Kinh phí cải tiến – {district.name}, {district.province}",
            "ck-kinh-phi.html",
            {"district": district, "totals": district.totals},
            kind="budget",
        )
