"""The Thông tư 57/2026 test plans' pages in Chromium, on a phone and on a wide screen: no sideways
scrolling, no axe-core violations, and on a phone every Biểu 2 column named on each row's card."""

from __future__ import annotations

import pytest
from conftest import AXE, build_or_fail
from conftest import DATA as TEST_DATA

DATA = TEST_DATA / "tt57" / "plans"
PAGES = [
    "truong/thcs-hoa-lac/2026-2027/", "truong/mn-hoa-sen/2026-2027/", "tieu-chi/tt57-pho-thong/",
    "tieu-chi/tt57-pho-thong/1-4/", "tieu-chi/tt57-mam-non/3-5/",
]


@pytest.fixture(scope="module")
def url(tmp_path_factory, serve) -> str:
    return serve(build_or_fail(DATA, tmp_path_factory.mktemp("tt57-pages") / "site"))


def _axe(page) -> list[str]:
    page.evaluate(AXE.read_text("utf-8"))  # not add_script_tag: the pages' CSP refuses inline scripts
    return page.evaluate(
        """async () => (await axe.run(document)).violations.map(v =>
             v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))"""
    )


@pytest.mark.parametrize("width", [360, 1280])
def test_tt57_pages_fit_the_screen_without_accessibility_violations(url, page, width):
    if not AXE.is_file():
        pytest.skip("cần axe-core (scripts/setup --test)")
    page.set_viewport_size({"width": width, "height": 800})
    problems = []
    for address in PAGES:
        page.goto(url + address)
        extra = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        if extra > 0:
            problems.append(f"{address}: {extra} px sideways at {width} px")
        problems += [f"{address}: {v}" for v in _axe(page)]
    assert problems == []


def test_on_a_phone_each_row_card_names_the_biểu_2_columns(url, page):
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(url + "truong/thcs-hoa-lac/2026-2027/")
    labels = page.locator("#tieu-chi-3-2 td").evaluate_all(
        "cells => cells.map(c => getComputedStyle(c, '::before').content)")
    for name in ("Mục tiêu cải tiến", "Chỉ số đánh giá kết quả", "Nguồn lực bảo đảm", "Mức độ thực hiện"):
        assert f'"{name}"' in labels
