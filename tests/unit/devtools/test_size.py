"""What keeps the site small, without a build: the minifier keeps preformatted text and inline
spaces; the PDF policy prints each school's newest plan past its limit."""

from __future__ import annotations

from congkhai.core.loader import load_corpus
from congkhai.devtools import corpusgen
from congkhai.facts import pdf_policy
from congkhai.pages import minify


def test_minify_keeps_preformatted_text_and_inline_spaces():
    html = "<p>a <b>b</b>\n   <i>c</i></p>\n\n   <pre>  x\n\n  y</pre>  <textarea>\n  z  </textarea>\n <script>if(a)\n  b()</script>"
    out = minify.html(html)
    assert "<pre>  x\n\n  y</pre>" in out and "<textarea>\n  z  </textarea>" in out and "if(a)\n  b()" in out
    assert "<b>b</b>\n<i>c</i>" in out  # the space between words survives as one character
    assert "</p>\n<pre>" in out


def test_pdf_policy_names_each_schools_newest_plan_past_the_limit(tmp_path, monkeypatch):
    corpusgen.generate(tmp_path, 12, seed=2, rows=(2, 3))
    corpus, _ = load_corpus(tmp_path)
    assert pdf_policy.policy(pdf_policy.ALL_PDFS_UP_TO) == "tat-ca"
    assert pdf_policy.policy(pdf_policy.ALL_PDFS_UP_TO + 1) == "moi-nhat"
    assert pdf_policy.policy(pdf_policy.ALL_PDFS_UP_TO + 1, "tat-ca") == "tat-ca"
    assert pdf_policy.pdf_plans(corpus, "moi-nhat") == {s.plans[0].url for s in corpus.schools.values() if s.plans}
    assert pdf_policy.pdf_plans(corpus, "khong") == set()
    assert pdf_policy.pdf_plans(corpus, "tat-ca") == {p.url for p in corpus.plans}

