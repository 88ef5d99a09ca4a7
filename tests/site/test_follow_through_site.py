"""The follow-through pages of a built fixture (tests/data/follow-through, described in
tests/unit/facts/test_follow_through.py), current school year 2026-2027."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from conftest import DATA as TEST_DATA
from conftest import build_or_fail

FIXTURE = TEST_DATA / "follow-through"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return build_or_fail(FIXTURE, tmp_path_factory.mktemp("follow") / "site", env={"CONGKHAI_NAM_HOC": "2026-2027"})


def page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text("utf-8")


def rows_of(site: Path, path: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO((site / path).read_text("utf-8-sig"))))


def test_the_oversight_page_of_a_province_lists_the_school_without_a_plan(site):
    html = page(site, "giam-sat/dong-thap")
    assert "năm học 2026-2027" in html
    for name in ("Trường THCS Đa Kao", "Trường THCS Ăng Sơn", "Trường THCS Ân Thi"):
        assert name in html
    missing = re.findall(r'<tr>\s*<th scope="row"><a href="[^"]*">([^<]+)</a></th>\s*<td>.*?</td>\s*<td><strong class="ck-missing">Chưa công khai', html)
    assert missing == ["Trường THCS Ân Thi"]
    assert "<svg" in html and "Dương Xá" not in html  # another province's school


def test_the_oversight_csv_files_hold_the_page_numbers(site):
    schools = {r["truong"]: r for r in rows_of(site, "giam-sat/dong-thap/truong.csv")}
    assert schools["Trường THCS Ân Thi"]["cong_khai"] == "Chưa công khai"
    assert (schools["Trường THCS Đa Kao"]["tinh_thanh"], schools["Trường THCS Đa Kao"]["tinh_hien_nay"]) == ("Tiền Giang", "Đồng Tháp")
    assert (schools["Trường THCS Đa Kao"]["so_tieu_chi"], schools["Trường THCS Đa Kao"]["hoan_thanh"]) == ("2", "0")
    numbers = {(r["bang"], r["muc"]): int(r["so"]) for r in rows_of(site, "giam-sat/dong-thap/so-lieu.csv")}
    assert numbers[("Công khai kế hoạch năm học 2026-2027", "Chưa công khai")] == 1
    assert numbers[("Kinh phí dự kiến theo nguồn", "Ngân sách nhà nước")] == 30000000
    country = rows_of(site, "giam-sat/truong.csv")
    assert sorted(r["truong"] for r in country if r["cong_khai"] == "Chưa công khai") == [
        "Trường THCS An Bình", "Trường THCS Dương Xá", "Trường THCS Ân Thi",
    ]


def test_old_map_and_new_map_plans_land_in_the_same_current_province(site):
    """Đa Kao (Chợ Gạo, Tiền Giang; a 2024-2025 plan) and Ăng Sơn (Mỹ Tịnh An, Đồng Tháp; 2026-2027)."""
    browse = page(site, "duyet/dia-phuong/dong-thap")
    assert "Chợ Gạo" in browse
    listed = page(site, "duyet/dia-phuong/dong-thap/cho-gao") + page(site, "duyet/dia-phuong/dong-thap/xa-my-tinh-an")
    assert "Trường THCS Đa Kao" in listed and "Trường THCS Ăng Sơn" in listed
    assert not (site / "duyet/dia-phuong/tien-giang").exists()
    oversight = page(site, "giam-sat/dong-thap")
    assert "Trường THCS Đa Kao" in oversight and "Trường THCS Ăng Sơn" in oversight
    plan = page(site, "truong/thcs-da-kao/2024-2025")
    assert "Tiền Giang" in page(site, "truong/thcs-da-kao") and "Chợ Gạo" in plan


def test_the_plan_page_and_the_feed_show_statuses(site):
    plan = page(site, "truong/thcs-da-kao/2025-2026")
    assert re.search(r'Cuối năm học: <span class="ck-status ck-status--hoan-thanh">Hoàn thành</span> \(22/05/2026\)', plan)
    assert "[H5-5.3-02]" in plan and 'href="https://example.edu.vn/bien-ban-nghiem-thu-phong-doc.pdf"' in plan
    feed = (site / "truong/thcs-da-kao/feed.xml").read_text("utf-8")
    assert "Cuối năm học: Tiêu chí 5.3: hoàn thành (trước đó: đang thực hiện)." in feed


def test_the_school_list_is_in_vietnamese_order(site):
    html = page(site, "truong")
    names = re.findall(r"Trường THCS ([^<]+)</a>", html)
    assert names == ["An Bình", "Ăng Sơn", "Ân Thi", "Dương Xá", "Đa Kao"]
