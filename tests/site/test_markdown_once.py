"""A build converts each plan's Markdown body once, and publishes it once: the plan page is also
the printable document (no second page per plan), and pages without a body skip Markdown
(glue.PlainPage). A plan's former print view address is a redirect to the document."""

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


def test_each_plan_body_is_converted_once_and_published_once(tmp_path):
    site = tmp_path / "site"
    result = build_site(PLANS, site, prelude=COUNT)
    assert result.returncode == 0, result.stderr[-3000:]
    plans = sorted(PLANS.glob("*/*.md"))
    docs = sorted((ROOT / "docs").rglob("*.md"))
    # one conversion per plan and per hand-written page (the docs/ pages); none for school,
    # criterion or browse pages
    assert _conversions(result.stdout + result.stderr) <= len(plans) + len(docs) + 2
    for plan in plans:
        folder = site / "truong" / plan.parent.name / plan.stem
        page = (folder / "index.html").read_text("utf-8")
        narrative = page.split('<div class="ck-print__body">', 1)[1].split("</div>", 1)[0]
        opening = narrative.strip()[:120]
        assert len(opening) > 40 and page.count(opening) == 1
        moved = (folder / "in" / "index.html").read_text("utf-8")
        assert 'content="0; url=../#ban-in"' in moved and 'id="ban-in"' in page
