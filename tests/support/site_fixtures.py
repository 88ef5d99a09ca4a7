"""Fixtures and helpers shared by the site tests of several tiers."""

from __future__ import annotations

import re

import pytest
from conftest import PLANS, build_or_fail

from congkhai.core.loader import load_corpus
from congkhai.core.model import Corpus
from congkhai.devtools import corpusgen


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    corpus, problems = load_corpus(PLANS)
    assert not problems.errors
    return corpus


PAGING = 7  # small pages so that the generated corpus needs several of each


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    base = tmp_path_factory.mktemp("generated")
    corpusgen.generate(base / "plans", 60, seed=11, rows=(25, 25))
    corpus, problems = load_corpus(base / "plans")
    assert not problems.errors
    prelude = (
        "import congkhai.pages.criteria as _c, congkhai.pages.browse as _b, congkhai.pages.schools as _v\n"
        f"_c.ROWS_PER_PAGE = _b.PER_PAGE = _v.SCHOOLS_PER_PAGE = {PAGING}\n"
    )
    site = build_or_fail(base / "plans", base / "site", prelude=prelude)
    return site, corpus

