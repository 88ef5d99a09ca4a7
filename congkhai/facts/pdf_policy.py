"""Which plans get a PDF (`scripts/build --pdf ...`): one decision read by pages, data and printing.

A PDF weighs ~70 KB and a GitHub Pages site at most 1 GB: past ALL_PDFS_UP_TO plans only each
school's newest plan gets one (every plan page prints as the same document from the browser).
"""

from __future__ import annotations

from congkhai.core.model import Corpus, Plan

POLICIES = ("tat-ca", "moi-nhat", "khong")
"""every plan, each school's newest plan, none"""
ALL_PDFS_UP_TO = 2000


def policy(plan_count: int, chosen: str | None = None) -> str:
    """The policy of a build: the one chosen on the command line, else by the number of plans."""
    if chosen in POLICIES:
        return chosen
    return "tat-ca" if plan_count <= ALL_PDFS_UP_TO else "moi-nhat"


def has_pdf(plan: Plan, chosen: str) -> bool:
    """Whether `plan` gets a PDF under the policy `chosen`."""
    if chosen == "tat-ca":
        return True
    if chosen == "moi-nhat":
        return plan.school.plans[0] is plan  # SchoolRecord.plans is newest first
    return False


def pdf_plans(corpus: Corpus, chosen: str) -> set[str]:
    """Site-root-relative folders (Plan.url) of the plans that get a PDF under `chosen`."""
    return {plan.url for plan in corpus.plans if has_pdf(plan, chosen)}
