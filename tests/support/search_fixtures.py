"""Fixtures and helpers shared by the search tests of several tiers."""

from __future__ import annotations

import pytest
from conftest import PLANS

from congkhai.core.loader import load_corpus
from congkhai.core.model import Corpus

QUERY_CASES = [
    ("5.3", "", "5.3"),
    ("tiêu chí 5.3", "", "5.3"),
    ("Tiêu Chí 5.3", "", "5.3"),
    ("TIÊU CHÍ 5.3", "", "5.3"),
    ("tieu chi 5.3", "", "5.3"),
    ("TC 5.3", "", "5.3"),
    ("tc5.3", "", "5.3"),
    ("tc5-3", "", "5.3"),
    ("tiêu chí 1.10", "", "1.10"),
    ("M4.1", "", "M4.1"),
    ("tiêu chí m4.2 thư viện", "thư viện", "M4.2"),
    ("5.3 đội ngũ", "dội ngũ", "5.3"),
    ("đội ngũ", "dội ngũ", None),
    ("ĐÁNH GIÁ", "DÁNH GIÁ", None),
    ("thu vien", "thu vien", None),
    ("2.5m2", "2.5m2", None),  # an area, not a criterion
    ("294.157.000", "294.157.000", None),  # an amount
    ("tháng 11/2022", "tháng 11/2022", None),
    ("9.9", "9.9", None),  # shaped like an id, but no such criterion
    ("tiêu chí", "tiêu chí", None),
    ("  5.3.  ", "", "5.3"),
    ("", "", None),
]


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    corpus, problems = load_corpus(PLANS)
    if not corpus.plans:
        pytest.skip("plans/ chưa có kế hoạch nào")
    assert not problems.errors
    return corpus

