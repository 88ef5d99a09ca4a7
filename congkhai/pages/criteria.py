"""Criterion indexes: which schools work on which criterion of Thông tư 17, 18 and 19/2018.

/tieu-chi/ (docs/tieu-chi/index.md) lists the circulars; /tieu-chi/<tt>/ lists a circular's
standards and criteria with how many plans address each; /tieu-chi/<tt>/<id>/ lists every
row that addresses one criterion, across schools and years, split into pages of ROWS_PER_PAGE.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from congkhai.core import catalog
from congkhai.core.catalog import Circular, Criterion, Standard
from congkhai.core.model import Corpus, Plan, Row
from congkhai.core.text import vn_key
from congkhai.facts import progress
from congkhai.facts.context import BuildContext
from congkhai.pages.paging import paginate
from congkhai.pages.row_brief import RowBrief
from congkhai.pages.spec import PageSpec

ROWS_PER_PAGE = 50


@dataclass(frozen=True)
class Mention(RowBrief):
    """One plan row that addresses a criterion."""

    plan: Plan
    row: Row

    @property
    def url(self) -> str:
        return f"{self.plan.url}#{self.row.anchor}"

    @property
    def evidence(self) -> list[str]:
        """Evidence of the result (the last checkpoint's), then the self-assessment codes of the row."""
        point = progress.latest(self.row)
        return list(dict.fromkeys((point.minh_chung if point else []) + [f"[{c}]" for c in self.row.minh_chung]))


@dataclass(frozen=True)
class CriterionCount:
    criterion: Criterion
    plans: int
    url: str


@dataclass(frozen=True)
class StandardCounts:
    standard: Standard
    criteria: tuple[CriterionCount, ...]


@dataclass(frozen=True)
class CircularSummary:
    circular: Circular
    url: str
    plans: int  # plans written under this circular
    schools: int
    addressed: int  # criteria that at least one plan addresses


def mentions(corpus: Corpus) -> dict[tuple[str, str], list[Mention]]:
    """(catalog key, criterion id) -> rows addressing it: completed first (how other schools fixed
    it), then in progress, not completed and not tracked; newest year first, then by school."""
    found: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    for plan in corpus.plans:
        for row in plan.rows:
            found[(catalog.of(plan).key, row.tieu_chi)].append(Mention(plan, row))
    for rows in found.values():
        rows.sort(key=lambda m: (progress.status_rank(m.row), -m.plan.first_year, vn_key(m.plan.school.name)))
    return found


def standard_counts(circ: Circular, index: dict[tuple[str, str], list[Mention]]) -> list[StandardCounts]:
    """Each standard of the circular with, for each criterion, how many plans address it."""
    return [
        StandardCounts(
            std,
            tuple(
                CriterionCount(c, len({id(m.plan) for m in index.get((circ.key, c.id), [])}), c.url)
                for c in std.criteria
            ),
        )
        for std in circ.standards
    ]


def circular_summaries(corpus: Corpus) -> list[CircularSummary]:
    index = mentions(corpus)
    out = []
    for circ in catalog.circulars().values():
        plans = [p for p in corpus.plans if catalog.of(p) is circ]
        out.append(
            CircularSummary(
                circular=circ,
                url=circ.url,
                plans=len(plans),
                schools=len({p.school.slug for p in plans}),
                addressed=sum(1 for c in circ.criteria if index.get((circ.key, c))),
            )
        )
    return out


def circulars_view(corpus: Corpus) -> dict:
    """Data of /tieu-chi/ (a hand-written page with template circulars.html)."""
    return {"circulars": circular_summaries(corpus)}


def criterion_pages(ctx: BuildContext) -> Iterator[PageSpec]:
    index = mentions(ctx.corpus)
    for circ in catalog.circulars().values():
        yield PageSpec(
            f"{circ.url}index.md",
            f"Tiêu chí đánh giá theo {circ.name} ({circ.applies_to})",
            "circular.html",
            {"circular": circ, "standards": standard_counts(circ, index)},
            kind="criterion",
            hide=("navigation", "toc"),
        )
        for crit in circ.criteria.values():
            rows = index.get((circ.key, crit.id), [])
            base = crit.url
            standard = next(s for s in circ.standards if s.id == crit.standard)
            for pager, chunk in paginate(rows, base, ROWS_PER_PAGE):
                suffix = f" – trang {pager.number}" if pager.number > 1 else ""
                yield PageSpec(
                    pager.src_uri(),
                    f"{crit.label}: {crit.title} ({circ.name}){suffix}",
                    "criterion.html",
                    {
                        "circular": circ,
                        "standard": standard,
                        "criterion": crit,
                        "mentions": list(chunk),
                        "pager": pager,
                        "plans": len({id(m.plan) for m in rows}),
                        "schools": len({m.plan.school.slug for m in rows}),
                    },
                    kind="criterion",
                    hide=("navigation", "toc"),
                )
