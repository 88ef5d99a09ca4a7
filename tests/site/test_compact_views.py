"""Views that repeat the plans elsewhere stay small: each row's full text lives on its plan page,
and the embed and criterion pages link to it instead of copying it (GitHub Pages' 1 GB limit)."""

from __future__ import annotations

import pytest
from conftest import build_or_fail
from support.trees import PLAN, make_tree

MEASURES = """    giai_phap:
      - Tạo điều kiện cho tổng phụ trách đi bồi dưỡng.
      - Dự giờ, rút kinh nghiệm hoạt động trải nghiệm mỗi tháng.
      - Mời báo cáo viên tập huấn kỹ năng.
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("compact")
    plan = PLAN.replace("""    giai_phap:
      - Tạo điều kiện cho tổng phụ trách đi bồi dưỡng.
""", MEASURES)
    assert plan != PLAN
    return build_or_fail(make_tree(root, plan=plan), root / "site")


def test_the_embed_lists_the_newest_plans_criteria_linking_to_their_rows_without_their_text(site):
    html = (site / "nhung/thcs-thu-nghiem/index.html").read_text("utf-8")
    assert "Kỹ năng tổ chức hoạt động còn hạn chế." not in html  # weakness
    assert "Tạo điều kiện cho tổng phụ trách đi bồi dưỡng." not in html  # measure
    for anchor in ("tieu-chi-1-3", "tieu-chi-5-3"):
        assert f'2024-2025/#{anchor}"' in html
    assert "Tiêu chí 1.3" in html and "Tiêu chí 5.3" in html


def test_a_criterion_page_shows_each_rows_first_measure_and_links_to_the_others(site):
    html = (site / "tieu-chi/tt18/1-3/index.html").read_text("utf-8")
    assert "Kỹ năng tổ chức hoạt động còn hạn chế." in html  # the weakness stays
    assert "Tạo điều kiện cho tổng phụ trách đi bồi dưỡng." in html  # the first measure
    assert "Dự giờ, rút kinh nghiệm" not in html and "Mời báo cáo viên" not in html
    assert '2024-2025/#tieu-chi-1-3">và 2 giải pháp khác</a>' in html
    one = (site / "tieu-chi/tt18/5-3/index.html").read_text("utf-8")
    assert "Tổ chức tham quan thực tế." in one and "giải pháp khác" not in one
