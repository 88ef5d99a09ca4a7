"""Follow-through pages in Chromium, on a phone (360 px) and a desktop: the school's story across
years, completed rows first on the criterion page, the oversight page's «chưa công khai» schools
and charts whose bars carry the numbers of the table beside them. Fixture: tests/data/follow-through
(described in tests/unit/facts/test_follow_through.py), current school year 2026-2027."""

from __future__ import annotations

import pytest
from conftest import AXE, build_or_fail
from conftest import DATA as TEST_DATA

FIXTURE = TEST_DATA / "follow-through"


@pytest.fixture(scope="module")
def base(tmp_path_factory, serve) -> str:
    site = build_or_fail(FIXTURE, tmp_path_factory.mktemp("follow-browser") / "site", env={"CONGKHAI_NAM_HOC": "2026-2027"})
    return serve(site)


@pytest.mark.parametrize("width", [360, 1280])
def test_the_school_page_shows_the_recurring_criterion_and_completion_counts(page, base, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(base + "truong/thcs-da-kao/")
    first = page.locator("table.ck-history tbody tr").first
    assert "ck-recurring" in first.get_attribute("class") and "lặp lại 3 năm" in first.inner_text()
    done = page.locator("table.ck-completion tbody td[data-done]").evaluate_all("cells => cells.map(c => c.textContent)")
    assert done == ["0", "1", "1"]
    marks = first.locator("a.ck-dot").evaluate_all("links => links.map(a => a.getAttribute('aria-label'))")
    assert marks == ["Năm học 2026-2027: đang thực hiện", "Năm học 2025-2026: hoàn thành", "Năm học 2024-2025: chưa hoàn thành"]
    assert page.locator("#lap-lai ~ section.ck-story h3").first.inner_text().startswith("Tiêu chí 5.3")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    if width == 360:  # a list, not a wide grid: the row's cells stack under its criterion
        box = first.locator("th").bounding_box()
        cell = first.locator("td").first.bounding_box()
        assert cell["y"] >= box["y"] + box["height"] - 1


def test_the_criterion_page_lists_completed_rows_of_other_schools_first(page, base):
    page.goto(base + "tieu-chi/tt18/5-3/")
    items = page.locator("li.ck-mention")
    heads = items.locator("h2").evaluate_all("hs => hs.map(h => h.innerText)")
    assert [h.split(",")[0] for h in heads] == [
        "Trường THCS An Bình", "Trường THCS Đa Kao", "Trường THCS Đa Kao", "Trường THCS Đa Kao", "Trường THCS Ăng Sơn",
    ]
    assert "Hoàn thành" in heads[0] and "Hoàn thành" in heads[1] and "Đang thực hiện" in heads[2]
    evidence = items.nth(1).locator(".ck-evidence a")
    assert evidence.get_attribute("href") == "https://example.edu.vn/bien-ban-nghiem-thu-phong-doc.pdf"


@pytest.mark.parametrize("width", [360, 1280])
def test_the_oversight_page_lists_schools_without_a_plan_and_its_charts_match_its_tables(page, base, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(base + "giam-sat/dong-thap/")
    missing = page.locator("table.ck-oversight__schools tbody tr", has=page.locator(".ck-missing"))
    assert missing.locator("th").all_inner_texts() == ["Trường THCS Ân Thi"]
    assert page.locator("table.ck-oversight__schools tbody tr").count() == 3
    charts = page.locator(".ck-chart")
    assert charts.count() == 5
    for i in range(charts.count()):
        chart = charts.nth(i)
        bars = chart.locator("svg rect.ck-chart__bar").evaluate_all("rs => rs.map(r => r.dataset.value)")
        cells = chart.locator("table td[data-value]").evaluate_all("cs => cs.map(c => c.dataset.value)")
        assert bars == cells and bars
        assert chart.locator("svg[role=img] title").count() == 1
    publication = page.locator("#bieu-do-cong-khai table td").all_inner_texts()
    assert publication == ["2", "1"]
    widths = page.locator("#bieu-do-cong-khai rect.ck-chart__bar").evaluate_all("rs => rs.map(r => r.getBBox().width)")
    assert widths[0] == pytest.approx(2 * widths[1])
    assert page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize("url", ["giam-sat/", "giam-sat/dong-thap/cho-gao/", "truong/thcs-da-kao/", "tieu-chi/tt18/5-3/"])
def test_follow_through_pages_pass_axe_at_360_px(page, base, url):
    if not AXE.is_file():
        pytest.skip("cần axe-core (scripts/setup --test)")
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(base + url)
    page.evaluate(AXE.read_text("utf-8"))  # not add_script_tag: the pages' CSP refuses inline scripts
    found = page.evaluate(
        """async () => (await axe.run(document)).violations.map(v =>
             v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))"""
    )
    assert found == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
