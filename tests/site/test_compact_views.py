"""Views that repeat the plans elsewhere stay small: each row's full text lives on its plan page,
and the embed, criterion and school pages link to it instead of copying it (GitHub Pages' 1 GB
limit)."""

from __future__ import annotations

import pytest
from conftest import build_or_fail
from support.trees import PLAN, make_tree

MEASURES = """    giai_phap:
      - Tạo điều kiện cho tổng phụ trách đi bồi dưỡng.
      - Dự giờ, rút kinh nghiệm hoạt động trải nghiệm mỗi tháng.
      - Mời báo cáo viên tập huấn kỹ năng.
"""


LONG_MEASURE = ("Tổ chức tham quan thực tế tại các di tích lịch sử của địa phương cho học sinh khối 6 và khối 7 "
                "mỗi học kỳ một lần, giao giáo viên bộ môn Lịch sử và Địa lí chuẩn bị phiếu học tập, "
                "sau mỗi chuyến đi học sinh trình bày sản phẩm nhóm trước lớp")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("compact")
    plan = PLAN.replace("""    giai_phap:
      - Tạo điều kiện cho tổng phụ trách đi bồi dưỡng.
""", MEASURES)
    plan = plan.replace("giai_phap: Tổ chức tham quan thực tế.", f"giai_phap: {LONG_MEASURE}")
    assert plan != PLAN and LONG_MEASURE in plan
    plans = make_tree(root, plan=plan)
    # The next year's plan comes back to criterion 1.3: the school page tells its story.
    (plans / "thcs-thu-nghiem/2025-2026.md").write_text(
        plan.replace("2024-2025", "2025-2026").replace("12/KH-TN", "20/KH-TN").replace("2024-09-04", "2025-09-05"), "utf-8")
    return build_or_fail(plans, root / "site")


def test_the_embed_lists_the_newest_plans_criteria_linking_to_their_rows_without_their_text(site):
    html = (site / "nhung/thcs-thu-nghiem/index.html").read_text("utf-8")
    assert "Kỹ năng tổ chức hoạt động còn hạn chế." not in html  # weakness
    assert "Tạo điều kiện cho tổng phụ trách đi bồi dưỡng." not in html  # measure
    for anchor in ("tieu-chi-1-3", "tieu-chi-5-3"):
        assert f'2025-2026/#{anchor}"' in html  # the newest plan's rows
    assert "Tiêu chí 1.3" in html and "Tiêu chí 5.3" in html


def test_a_criterion_page_shows_each_rows_first_measure_and_links_to_the_others(site):
    html = (site / "tieu-chi/tt18/1-3/index.html").read_text("utf-8")
    assert "Kỹ năng tổ chức hoạt động còn hạn chế." in html  # the weakness stays
    assert "Tạo điều kiện cho tổng phụ trách đi bồi dưỡng." in html  # the first measure
    assert "Dự giờ, rút kinh nghiệm" not in html and "Mời báo cáo viên" not in html
    assert '2024-2025/#tieu-chi-1-3">và 2 giải pháp khác</a>' in html
    one = (site / "tieu-chi/tt18/5-3/index.html").read_text("utf-8")
    assert "giải pháp khác" not in one
    # One long measure: its beginning, cut at a word, and a link to the whole row.
    assert "Tổ chức tham quan thực tế tại các di tích" in one and LONG_MEASURE not in one
    assert '2024-2025/#tieu-chi-5-3">xem đủ</a>' in one


def test_a_schools_recurring_criterion_shows_each_years_row_briefly(site):
    html = (site / "truong/thcs-thu-nghiem/index.html").read_text("utf-8")
    story = html[html.index('id="lap-lai"'):]
    assert story.count("Kỹ năng tổ chức hoạt động còn hạn chế.") == 2  # the weakness of each year
    assert story.count("Tạo điều kiện cho tổng phụ trách đi bồi dưỡng.") == 2  # each first measure
    assert "Mời báo cáo viên" not in story
    for year in ("2024-2025", "2025-2026"):
        assert f'{year}/#tieu-chi-1-3">và 2 giải pháp khác</a>' in story
    assert LONG_MEASURE not in html
