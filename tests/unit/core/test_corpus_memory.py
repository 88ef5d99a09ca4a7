"""A build holds every plan in memory from start to end (twice while the search index is made
beside the pages), so a loaded plan must stay small: a memory budget per plan, counted by
tracemalloc (allocations, not a timing: the same on any machine)."""

from __future__ import annotations

import tracemalloc

from congkhai.core.loader import load_corpus
from congkhai.devtools import corpusgen

PLANS = 60
# Measured 69 KB a plan at 1,000 generated plans and 60 (the pydantic models and their text);
# 112 KB when each plan also kept the YAML line of every value (only loading messages need them).
BUDGET_PER_PLAN = 85_000


def test_a_loaded_plan_stays_within_its_memory_budget(tmp_path):
    corpusgen.generate(tmp_path / "plans", PLANS, seed=1)
    tracemalloc.start()
    try:
        corpus, problems = load_corpus(tmp_path / "plans")
        held = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    assert not problems.errors and len(corpus.plans) == PLANS
    assert held / PLANS <= BUDGET_PER_PLAN, f"{held / PLANS:,.0f} byte/kế hoạch > {BUDGET_PER_PLAN:,}"
