"""A build converts each plan's Markdown body once: the print view reuses its plan page's HTML
(glue.SameBodyPage) and pages without a body skip Markdown (glue.PlainPage)."""

from __future__ import annotations

from conftest import PLANS, ROOT, build_site

COUNT = """
import atexit, markdown
calls = []
_convert = markdown.Markdown.convert
def convert(self, source):
    calls.append(source[:40])
    return _convert(self, source)
markdown.Markdown.convert = convert
atexit.register(lambda: print("MARKDOWN-CONVERSIONS", len(calls)))
"""


def _conversions(out: str) -> int:
    return int(next(line for line in out.splitlines() if line.startswith("MARKDOWN-CONVERSIONS")).split()[1])


def test_each_plan_body_is_converted_once_and_its_print_view_shows_the_same_html(tmp_path):
    site = tmp_path / "site"
    result = build_site(PLANS, site, prelude=COUNT)
    assert result.returncode == 0, result.stderr[-3000:]
    plans = sorted(PLANS.glob("*/*.md"))
    docs = sorted((ROOT / "docs").rglob("*.md"))
    # one conversion per plan and per hand-written page (the docs/ pages); none for print views,
    # school, criterion or browse pages
    assert _conversions(result.stdout + result.stderr) <= len(plans) + len(docs) + 2
    for plan in plans:
        page = (site / "truong" / plan.parent.name / plan.stem / "index.html").read_text("utf-8")
        printed = (site / "truong" / plan.parent.name / plan.stem / "in" / "index.html").read_text("utf-8")
        first_heading = page.split('<div class="ck-narrative">', 1)[1].split("</h2>", 1)[0]
        assert first_heading and first_heading.split(">")[-1] in printed
