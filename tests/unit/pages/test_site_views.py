"""View data of the site pages, without MkDocs: history, paging, git dates."""

from __future__ import annotations

import datetime as dt
import subprocess

import pytest
import yaml

from congkhai import PROJECT_ROOT
from congkhai.core.loader import load_corpus
from congkhai.devtools import corpusgen
from congkhai.facts import dates as gitlog
from congkhai.facts import progress
from congkhai.facts.context import BuildContext
from congkhai.pages import plans as views
from congkhai.pages import schools
from congkhai.pages.criteria import mentions
from congkhai.pages.paging import paginate
from congkhai.pages.spec import PageSpec
from congkhai.pages.templating import edit_base


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    root = tmp_path_factory.mktemp("views") / "plans"
    corpusgen.generate(root, 40, seed=3)
    corpus, problems = load_corpus(root)
    assert not problems.errors
    return corpus


def test_school_history_counts_years_and_puts_repeats_first(generated):
    school = max(generated.schools.values(), key=lambda s: len(s.plans))
    history = schools.school_view(school).history
    for h in history:
        expected = {p.year for p in school.plans if any(r.tieu_chi == h.criterion_id for r in p.rows)}
        assert set(h.years) == expected
        assert all(c.url.endswith("#tieu-chi-" + h.criterion_id.lower().replace(".", "-")) for c in h.years.values())
    # Criteria weak in consecutive plans first, then by how many years they appear.
    order = [(not h.recurring, -h.count) for h in history]
    assert order == sorted(order) and history[0].recurring


def test_criterion_mentions_cover_every_row_completed_first_then_newest_year(generated):
    index = mentions(generated)
    assert sum(len(v) for v in index.values()) == sum(len(p.rows) for p in generated.plans)
    for found in index.values():
        keys = [(progress.status_rank(m.row), -m.plan.first_year) for m in found]
        assert keys == sorted(keys)


def test_paginate_splits_and_links_pages():
    pages = list(paginate(list(range(23)), "tieu-chi/tt18/5-3/", 10))
    assert [len(chunk) for _, chunk in pages] == [10, 10, 3]
    first, second, last = (p for p, _ in pages)
    assert first.src_uri() == "tieu-chi/tt18/5-3/index.md" and second.src_uri() == "tieu-chi/tt18/5-3/trang-2/index.md"
    assert (first.previous, first.next) == (None, "tieu-chi/tt18/5-3/trang-2/")
    assert (last.first, last.last, last.next) == (21, 23, None)
    assert list(paginate([], "x/", 10))[0][0].count == 1
    middle = list(paginate(list(range(200)), "x/", 10))[9][0]
    assert middle.numbers == [1, None, 9, 10, 11, None, 20]


def test_page_title_is_escaped_and_valid_front_matter():
    title = 'Trường "A" <script>alert(1)</script> & B: c'
    text = PageSpec("x.md", title, "plan.html", hide=("toc",)).markdown
    front = yaml.safe_load(text.split("---")[1])
    assert front == {"template": "plan.html", "title": "Trường &quot;A&quot; &lt;script&gt;alert(1)&lt;/script&gt; &amp; B: c", "hide": ["toc"]}


def test_edit_links_point_at_the_repository_root():
    repo = "https://github.com/o/r"
    assert edit_base(repo, "edit/main/", "/x/docs") == "https://github.com/o/r/edit/main/"
    assert edit_base(repo + "/", "edit/main/docs/", "/x/docs") == "https://github.com/o/r/edit/main/"
    assert edit_base(None, "edit/main/", "/x/docs") is None
    assert edit_base(repo, "?path=", "/x/docs") is None


def test_git_log_is_parsed_newest_date_first(tmp_path):
    out = "\x1f2025-01-20\n\na/2024-2025.md\n\x1f2024-03-05\n\na/2024-2025.md\nb/2023-2024.md\n"
    assert gitlog.parse_log(out, tmp_path) == {
        tmp_path / "a/2024-2025.md": dt.date(2025, 1, 20), tmp_path / "b/2023-2024.md": dt.date(2024, 3, 5),
    }
    assert gitlog.last_changes(tmp_path) == {}  # not a repository: no dates, no error


def test_plan_pages_ask_git_once_per_build(generated, monkeypatch):
    calls = []
    real = subprocess.run

    def counting(cmd, *args, **kwargs):
        calls.append(cmd)
        return real(cmd, *args, **kwargs)

    monkeypatch.setattr(gitlog.subprocess, "run", counting)
    specs = list(views.plan_pages(BuildContext(generated, PROJECT_ROOT, PROJECT_ROOT / "site")))
    assert len(specs) == len(generated.plans) > 1
    assert len(calls) == 1 and "log" in calls[0]


