"""The Thông tư 57/2026 catalogs: one per kind of school, Mức 1-2 only, every item marked as not yet
checked against the official text, and the plan's school year choosing the circular."""

from __future__ import annotations

import pytest

from congkhai.core import catalog
from congkhai.core.model import Level

KEYS = ("tt57-mam-non", "tt57-pho-thong")
MANDATORY = ["1.3", "1.4", "2.1", "2.2", "3.1", "3.2", "4.1", "4.2"]


@pytest.mark.parametrize("key", KEYS)
def test_each_catalog_has_four_standards_fifteen_criteria_and_eight_mandatory_ones(key):
    circ = catalog.circular(key)
    assert circ.code == "57/2026"
    assert [s.id for s in circ.standards] == ["1", "2", "3", "4"]
    assert [len(s.criteria) for s in circ.standards] == [4, 3, 5, 3]
    assert [c.id for c in circ.criteria.values() if c.mandatory] == MANDATORY


@pytest.mark.parametrize("key", KEYS)
def test_there_is_no_level_4_and_the_top_level_is_2(key):
    circ = catalog.circular(key)
    assert circ.top_level == 2
    assert circ.criteria and not any(cid.startswith("M4") for cid in circ.criteria)


@pytest.mark.parametrize("key", KEYS)
def test_every_item_says_it_is_not_checked_against_the_official_text(key):
    circ = catalog.circular(key)
    assert not any(c.verified for c in circ.criteria.values())
    assert not any(s.verified for s in circ.standards)


def test_conflicting_titles_keep_their_alternative_and_a_plan_shows_the_one_it_uses():
    circ = catalog.circular("tt57-pho-thong")
    crit = circ.criterion("1.4")
    assert crit.title == "Tự đánh giá, cải tiến, công khai và trách nhiệm giải trình"
    assert crit.alternatives == ("Tự đánh giá, cải tiến chất lượng, công khai và trách nhiệm giải trình",)
    assert crit.wording("tự đánh giá, cải tiến chất lượng, công khai và trách nhiệm giải trình.") == crit.alternatives[0]
    assert crit.wording(None) == crit.title
    assert crit.wording("Một cách ghi khác hẳn") == crit.title
    standard3 = circ.standards[2]
    assert standard3.alternatives and "người học" in standard3.alternatives[0]


def test_the_kinds_of_school_have_their_own_wording():
    assert "trẻ" in catalog.circular("tt57-mam-non").criterion("3.5").title
    assert "học sinh" in catalog.circular("tt57-pho-thong").criterion("3.5").title


@pytest.mark.parametrize(
    ("level", "key"),
    [(Level.MAM_NON, "tt57-mam-non"), (Level.TIEU_HOC, "tt57-pho-thong"), (Level.THCS, "tt57-pho-thong"),
     (Level.THPT, "tt57-pho-thong"), (Level.NHIEU_CAP, "tt57-pho-thong")],
)
def test_the_school_level_picks_the_catalog_of_57_2026(level, key):
    assert catalog.find("57/2026", level).key == key
    assert catalog.circular("57/2026", level).key == key


@pytest.mark.parametrize(
    ("level", "year", "key"),
    [(Level.THCS, 2026, "tt57-pho-thong"), (Level.THCS, 2025, "tt18"), (Level.MAM_NON, 2026, "tt57-mam-non"),
     (Level.MAM_NON, 2022, "tt19"), (Level.TIEU_HOC, 2027, "tt57-pho-thong"), (Level.TIEU_HOC, 2023, "tt17")],
)
def test_the_school_year_decides_the_circular_of_a_new_plan(level, year, key):
    assert catalog.circular_for_level(level, year).key == key


def test_the_form_is_bieu_2_printed_landscape_with_ten_numbered_columns_and_two_monitoring_points():
    circ = catalog.circular("tt57-pho-thong")
    layout = circ.layouts[circ.default_layout]
    assert layout.key == "bieu-2" and list(circ.layouts) == ["bieu-2"]
    assert layout.landscape and layout.landscape_document and layout.numbered
    assert [c.label for c in layout.columns] == [
        "TT", "Nội dung cải tiến", "Mục tiêu cải tiến", "Hoạt động/giải pháp", "Chỉ số đánh giá kết quả",
        "Thời gian thực hiện", "Đơn vị/cá nhân phụ trách", "Nguồn lực bảo đảm",
        "Thông tin, dữ liệu hoặc minh chứng dự kiến", "Mức độ thực hiện",
    ]
    fields = [c.fields for c in layout.columns]
    for key in ("muc_tieu", "chi_so", "nguon_luc", "minh_chung_du_kien", "muc_do_thuc_hien"):
        assert any(key in f for f in fields)
    assert circ.checkpoints == ("Cuối học kỳ I", "Cuối năm học")
