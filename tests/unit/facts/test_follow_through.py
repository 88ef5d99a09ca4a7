"""Follow-through facts without a build: statuses, recurring criteria, current places after the
2025 reform, Vietnamese order, oversight numbers and the Atom entries of status changes.

The fixture tests/data/follow-through has five schools (current school year 2026-2027):
Đa Kao (address before the reform: Bình Phục Nhứt, Chợ Gạo, Tiền Giang; plans 2024-2025,
2025-2026, 2026-2027 with statuses; 5.3 in all three), Ăng Sơn (address after the reform: Mỹ Tịnh
An, Đồng Tháp; plan 2026-2027), Ân Thi (profile only, Chợ Gạo, Tiền Giang), An Bình (Gò Vấp;
plan 2025-2026, 5.3 completed) and Dương Xá (profile only, TP. Hồ Chí Minh).
"""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import DATA as TEST_DATA

from congkhai.core.loader import load_corpus
from congkhai.core.model import Progress
from congkhai.core.text import vn_key
from congkhai.facts import progress
from congkhai.facts.oversight import areas
from congkhai.facts.places import current_province
from congkhai.facts.regions import region_of_address
from congkhai.outputs import feeds
from congkhai.pages.browse import provinces, schools_by_name
from congkhai.pages.criteria import mentions
from congkhai.pages.schools import school_view

FIXTURE = TEST_DATA / "follow-through"
YEAR = "2026-2027"


@pytest.fixture(scope="module")
def corpus():
    loaded, problems = load_corpus(FIXTURE)
    assert not problems.errors, [p.format(FIXTURE) for p in problems.errors]
    return loaded


def test_names_sort_in_vietnamese_alphabetical_order_not_by_folded_text():
    names = ["Đa Kao", "Dương Xá", "Ân Thi", "Ăng Sơn", "An Bình", "Ê Đê", "E Ca"]
    assert sorted(names, key=vn_key) == ["An Bình", "Ăng Sơn", "Ân Thi", "Dương Xá", "Đa Kao", "E Ca", "Ê Đê"]


def test_school_lists_use_vietnamese_order(corpus):
    ordered = [s.name.removeprefix("Trường THCS ") for s in schools_by_name(list(corpus.schools.values()))]
    assert ordered == ["An Bình", "Ăng Sơn", "Ân Thi", "Dương Xá", "Đa Kao"]


def test_an_old_address_maps_to_its_current_province_and_a_new_one_stays():
    old = region_of_address("Bình Phục Nhứt", "Chợ Gạo", "Tiền Giang")
    assert (old.province, old.mapped) == ("Đồng Tháp", True)
    new = region_of_address("Mỹ Tịnh An", None, "Đồng Tháp")
    assert new.province == "Đồng Tháp" and new.commune == "Xã Mỹ Tịnh An"
    assert region_of_address(None, "Gò Vấp", "TP. Hồ Chí Minh").province == "TP. Hồ Chí Minh"
    unknown = region_of_address(None, None, "Vùng Không Có")
    assert (unknown.province, unknown.mapped) == ("Vùng Không Có", False)


def test_old_and_new_map_schools_land_in_one_current_province(corpus):
    da_kao, ang_son = corpus.schools["thcs-da-kao"], corpus.schools["thcs-ang-son"]
    assert da_kao.profile.tinh_thanh == "Tiền Giang"  # the profile keeps the address as written
    assert current_province(da_kao) == current_province(ang_son) == "Đồng Tháp"
    dong_thap = next(p for p in provinces(corpus) if p.name == "Đồng Tháp")
    assert {s.slug for d in dong_thap.districts for s in d.schools} == {"thcs-da-kao", "thcs-ang-son", "thcs-an-thi"}
    assert [d.name for d in dong_thap.districts] == ["Chợ Gạo", "Xã Mỹ Tịnh An"]  # old district as written; new commune


def test_a_rows_status_is_its_last_checkpoint(corpus):
    first, second = corpus.schools["thcs-da-kao"].plans[2].rows  # 2024-2025
    assert progress.status(first) == Progress.CHUA_HOAN_THANH
    assert progress.status(second) == Progress.HOAN_THANH
    assert progress.status(corpus.schools["thcs-da-kao"].plans[0].rows[1]) is None


def test_current_school_year_turns_in_august_and_a_bad_setting_is_refused():
    assert progress.current_school_year(today=dt.date(2026, 12, 5)) == "2026-2027"
    assert progress.current_school_year(today=dt.date(2027, 3, 1)) == "2026-2027"
    assert progress.current_school_year(today=dt.date(2026, 8, 1)) == "2026-2027"
    assert progress.current_school_year("2025-2026") == "2025-2026"
    with pytest.raises(ValueError, match="NĂM-NĂM\\+1"):
        progress.current_school_year("2025-2027")


def test_school_view_flags_the_criterion_weak_in_consecutive_plans_and_counts_completions(corpus):
    view = school_view(corpus.schools["thcs-da-kao"])
    assert [h.criterion_id for h in view.recurring] == ["5.3"]
    assert view.history[0].criterion_id == "5.3" and view.history[0].count == 3
    assert [(c.year, c.rows, c.done, c.tracked) for c in view.completion] == [
        ("2026-2027", 2, 0, 1), ("2025-2026", 2, 1, 2), ("2024-2025", 2, 1, 2),
    ]
    assert school_view(corpus.schools["thcs-an-binh"]).recurring == []


def test_criterion_rows_list_completed_ones_first(corpus):
    rows = mentions(corpus)[("tt18", "5.3")]
    order = [(m.plan.school.slug, m.plan.year, m.status) for m in rows]
    assert order == [
        ("thcs-an-binh", "2025-2026", Progress.HOAN_THANH),
        ("thcs-da-kao", "2025-2026", Progress.HOAN_THANH),
        ("thcs-da-kao", "2026-2027", Progress.DANG_THUC_HIEN),
        ("thcs-da-kao", "2024-2025", Progress.CHUA_HOAN_THANH),
        ("thcs-ang-son", "2026-2027", None),
    ]
    assert rows[1].evidence == ["[H5-5.3-02]", "https://example.edu.vn/bien-ban-nghiem-thu-phong-doc.pdf"]


def test_oversight_areas_list_schools_without_a_plan_for_the_current_year(corpus):
    by_url = {a.url: a for a in areas(list(corpus.schools.values()), YEAR)}
    assert set(by_url) == {
        "giam-sat/", "giam-sat/dong-thap/", "giam-sat/dong-thap/cho-gao/",
        "giam-sat/tp-ho-chi-minh/", "giam-sat/tp-ho-chi-minh/go-vap/",
    }
    country = by_url["giam-sat/"]
    assert sorted(line.school.slug for line in country.missing) == ["thcs-an-binh", "thcs-an-thi", "thcs-duong-xa"]
    dong_thap = by_url["giam-sat/dong-thap/"]
    assert [line.school.slug for line in dong_thap.missing] == ["thcs-an-thi"]
    assert [(b.label, b.value) for b in dong_thap.publication_chart().bars] == [("Đã công khai", 2), ("Chưa công khai", 1)]
    assert [(c.label, c.count) for c in progress.level_counts(dong_thap.rows)] == [
        ("Hoàn thành", 0), ("Đang thực hiện", 1), ("Chưa hoàn thành", 0), ("Chưa theo dõi", 2),
    ]
    assert [(b.label, b.value) for b in dong_thap.budget_chart().bars] == [("Ngân sách nhà nước", 30000000), ("Xã hội hóa", 15000000)]
    assert [(b.label, b.value) for b in dong_thap.weak_chart().bars][0] == ("Tiêu chí 5.3 (TT 18/2018)", 2)
    cho_gao = by_url["giam-sat/dong-thap/cho-gao/"]
    assert sorted(line.school.slug for line in cho_gao.lines) == ["thcs-an-thi", "thcs-da-kao"]


def test_status_changes_are_an_atom_entry_per_checkpoint_dated_by_it(corpus):
    plan = corpus.schools["thcs-da-kao"].plans[1]  # 2025-2026
    changes = progress.changes(plan)
    assert [(c.row.tieu_chi, c.before, c.point.muc_do) for c in changes] == [
        ("5.3", None, Progress.DANG_THUC_HIEN), ("5.3", Progress.DANG_THUC_HIEN, Progress.HOAN_THANH),
        ("2.1", None, Progress.DANG_THUC_HIEN),
    ]
    mid, end = feeds.status_entries(plan, None)
    assert (mid.updated.date(), end.updated.date()) == (dt.date(2026, 1, 16), dt.date(2026, 5, 22))
    assert end.link == plan.url and mid.path != end.path != end.link
    assert end.title.startswith("Kết quả thực hiện cuối năm học – Trường THCS Đa Kao")
    assert end.summary == "Cuối năm học: Tiêu chí 5.3: hoàn thành (trước đó: đang thực hiện)."
    assert "Tiêu chí 5.3: đang thực hiện; Tiêu chí 2.1: đang thực hiện" in mid.summary


def test_a_malformed_evidence_code_or_link_in_a_checkpoint_is_an_error_with_its_line(tmp_path):
    import shutil

    plans = tmp_path / "plans"
    shutil.copytree(FIXTURE, plans)
    path = plans / "thcs-an-binh" / "2025-2026.md"
    path.write_text(path.read_text("utf-8").replace('["[H5-5.3-01]"]', '["[Biên bản]", "https:/x"]'), "utf-8")
    _, problems = load_corpus(plans)
    messages = [p.format(plans) for p in problems.errors]
    assert len(messages) == 1 and "thcs-an-binh/2025-2026.md:16" in messages[0] and "«[Biên bản]» không phải mã minh chứng" in messages[0]
