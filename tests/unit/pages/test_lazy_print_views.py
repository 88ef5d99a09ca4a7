"""Print views make their document data only when MkDocs renders them, like plan pages: a build
holds one at a time, and a preview that rebuilds one school makes only that school's."""

from __future__ import annotations

from congkhai import PROJECT_ROOT
from congkhai.core.loader import load_corpus
from congkhai.devtools import corpusgen
from congkhai.facts.context import BuildContext
from congkhai.pages import printview


def test_print_views_make_no_document_until_rendered(tmp_path, monkeypatch):
    corpusgen.generate(tmp_path / "plans", 3, seed=2)
    corpus, problems = load_corpus(tmp_path / "plans")
    assert not problems.errors
    calls = []
    real = printview.print_doc
    monkeypatch.setattr(printview, "print_doc", lambda plan, *a: calls.append(plan) or real(plan, *a))
    specs = printview.print_pages(BuildContext(corpus, PROJECT_ROOT, tmp_path / "site"))
    assert len(specs) == len(corpus.plans) and calls == []
    assert all("doc" not in s.context for s in specs)
    doc = specs[1].resolve()["doc"]
    assert calls == [specs[1].context["plan"]] and doc.title
    specs[1].resolve()
    assert len(calls) == 1
