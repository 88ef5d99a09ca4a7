"""Plan and school pages make their views only when MkDocs renders them: a build holds one page's
view at a time, and a preview that rebuilds one school makes only that school's views."""

from __future__ import annotations

from congkhai import PROJECT_ROOT
from congkhai.core.loader import load_corpus
from congkhai.devtools import corpusgen
from congkhai.facts.context import BuildContext
from congkhai.pages import plans, schools
from congkhai.pages.spec import PageSpec


def test_a_lazy_entry_is_made_once_when_the_page_is_resolved():
    made = []
    spec = PageSpec("a.md", "A", "plan.html", {"plan": 1}, lazy={"view": lambda: made.append(1) or "view"})
    assert "view" not in spec.context and not made
    assert spec.resolve() == {"plan": 1, "view": "view"}
    assert spec.resolve()["view"] == "view" and made == [1]


def test_plan_and_school_pages_make_no_view_until_rendered(tmp_path, monkeypatch):
    corpusgen.generate(tmp_path / "plans", 3, seed=2)
    corpus, problems = load_corpus(tmp_path / "plans")
    assert not problems.errors
    calls = []
    for module, name in ((plans, "plan_view"), (schools, "school_view")):
        real = getattr(module, name)
        monkeypatch.setattr(module, name, lambda *a, _real=real, _name=name, **k: calls.append(_name) or _real(*a, **k))
    ctx = BuildContext(corpus, PROJECT_ROOT, tmp_path / "site")
    specs = [*plans.plan_pages(ctx), *(s for s in schools.school_pages(ctx) if s.kind == "school")]
    assert calls == [] and all("plan" in s.context or "school" in s.context for s in specs)
    view = specs[0].resolve()["view"]
    assert calls == ["plan_view"] and view.plan is specs[0].context["plan"]
    assert specs[-1].resolve()["view"].school is specs[-1].context["school"]
