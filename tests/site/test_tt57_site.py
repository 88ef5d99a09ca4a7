"""Plans of both generations in one site: the Thông tư 57/2026 plans of tests/data/tt57 (a THCS and a
mầm non, written for the tests) beside a real Thông tư 18/2018 plan, built once without PDFs."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import DATA as TEST_DATA
from conftest import PLANS, build_or_fail

from congkhai.core import catalog
from congkhai.core.loader import load_corpus
from congkhai.outputs.search.records import row_section

DATA = TEST_DATA / "tt57" / "plans"
COLUMNS = [
    "TT", "Nội dung cải tiến", "Mục tiêu cải tiến", "Hoạt động/giải pháp", "Chỉ số đánh giá kết quả",
    "Thời gian thực hiện", "Đơn vị/cá nhân phụ trách", "Nguồn lực bảo đảm",
    "Thông tin, dữ liệu hoặc minh chứng dự kiến", "Mức độ thực hiện",
]
OLD = "thcs-tan-son-go-vap"  # a real TT18 plan: criterion 3.6 there is «Thư viện»


@pytest.fixture(scope="module")
def plans(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("tt57") / "plans"
    shutil.copytree(DATA, root)
    shutil.copytree(PLANS / OLD, root / OLD)
    return root


@pytest.fixture(scope="module")
def site(plans, tmp_path_factory) -> Path:
    return build_or_fail(plans, tmp_path_factory.mktemp("tt57-site") / "site")


def _text(path: Path) -> str:
    html = re.sub(r"<style.*?</style>|<script.*?</script>", " ", path.read_text("utf-8"), flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace("&amp;", "&")


def test_both_tt57_plans_validate_without_any_problem(plans):
    corpus, problems = load_corpus(plans)
    assert [p.format() for p in problems] == []
    kinds = {p.school.slug: catalog.of(p).key for p in corpus.plans}
    assert kinds == {"thcs-hoa-lac": "tt57-pho-thong", "mn-hoa-sen": "tt57-mam-non", OLD: "tt18"}


def test_the_thcs_plan_page_shows_the_ten_columns_unverified_titles_and_the_monitoring_table(site):
    text = _text(site / "truong" / "thcs-hoa-lac" / "2026-2027" / "index.html")
    for label in COLUMNS[1:]:
        assert label in text
    assert "Thông tư 57/2026 (phổ thông)" in text
    assert "chưa đối chiếu văn bản gốc" in text
    # The plan writes the other wording of 1.4 that sources give: the page shows that one.
    assert "Tự đánh giá, cải tiến chất lượng, công khai và trách nhiệm giải trình" in text
    monitor = text[text.index("Theo dõi và đánh giá thực hiện kế hoạch"):]
    assert monitor.index("Cuối học kỳ I") < monitor.index("1. Tiêu chí 1.4") < monitor.index("Cuối năm học")
    assert "3. Tiêu chí 4.1 Hoàn thành: Đã bàn giao 10 máy tính." in monitor
    assert text.index("VI. THEO DÕI") < text.index("Theo dõi và đánh giá thực hiện kế hoạch") < text.index("VII. TỔ CHỨC")


def test_the_mam_non_plan_uses_its_own_catalog_and_leaves_unreported_points_empty(site):
    text = _text(site / "truong" / "mn-hoa-sen" / "2026-2027" / "index.html")
    assert "Thông tư 57/2026 (mầm non)" in text
    assert "Kết quả phát triển và sự tiến bộ của trẻ" in text
    assert text.count("Chưa có kết quả theo dõi.") == 2


def test_plan_pages_print_on_a4_landscape_with_the_ten_numbered_columns_parts_and_signature(site):
    for slug in ("thcs-hoa-lac", "mn-hoa-sen"):
        html = (site / "truong" / slug / "2026-2027" / "index.html").read_text("utf-8")
        assert re.search(r'<div id="ban-in" class="ck-print ck-print--bieu-2[^"]*\bck-print--landscape\b', html)
        start = html.index('<table class="ck-print__table"')
        head = html[start:html.index("</thead>", start)]
        assert re.findall(r'<th scope="col">([^<]+)</th>', head) == COLUMNS + [f"({n})" for n in range(1, 11)]
        assert 'class="ck-print__table ck-print__monitoring' in html and "Cuối học kỳ I" in html and "Cuối năm học" in html
        assert "HIỆU TRƯỞNG" in html
    text = _text(site / "truong" / "thcs-hoa-lac" / "2026-2027" / "index.html")
    parts = ["I. THÔNG TIN CHUNG", "II. CĂN CỨ", "III. MỤC ĐÍCH", "IV. TÓM TẮT", "V. KẾ HOẠCH", "VI. THEO DÕI",
             "VII. TỔ CHỨC", "VIII. CƠ CHẾ"]
    assert [text.index(p) for p in parts] == sorted(text.index(p) for p in parts)
    assert "Nguyễn Văn Bình" in text and "Sở GDĐT (để b/c)" in text
    css = (site / "assets" / "stylesheets" / "print.css").read_text("utf-8")
    assert ".ck-print--landscape { page: wide; }" in css and "size: A4 landscape" in css


def test_criterion_pages_keep_the_generations_apart(site):
    tt18 = _text(site / "tieu-chi" / "tt18" / "3-6" / "index.html")
    tt57 = _text(site / "tieu-chi" / "tt57-pho-thong" / "3-2" / "index.html")
    mn = _text(site / "tieu-chi" / "tt57-mam-non" / "3-5" / "index.html")
    assert "Trường THCS Tân Sơn" in tt18 and "Hòa Lạc" not in tt18
    assert "Trường THCS Hòa Lạc" in tt57 and "Tân Sơn" not in tt57 and "Hoa Sen" not in tt57
    assert "Trường Mầm non Hoa Sen" in mn and "Hòa Lạc" not in mn
    assert "chưa đối chiếu văn bản gốc" in tt57 and "Tiêu chí bắt buộc" in tt57
    assert not (site / "tieu-chi" / "tt57-pho-thong" / "m4-1").exists()
    index = _text(site / "tieu-chi" / "index.html")
    assert "Thông tư 18/2018" in index and "Thông tư 57/2026 (phổ thông)" in index and "Thông tư 57/2026 (mầm non)" in index
    listing = _text(site / "tieu-chi" / "tt57-pho-thong" / "index.html")
    assert "từ năm học 2026-2027" in listing and "Nguồn khác ghi" in listing


def test_open_data_and_search_carry_the_new_fields(site, plans):
    rows = list(csv.DictReader(io.StringIO((site / "du-lieu" / "cai-tien.csv").read_text("utf-8-sig"))))
    mine = {r["tieu_chi"]: r for r in rows if r["ma_truong"] == "thcs-hoa-lac"}
    assert mine["3.2"]["chi_so"] == "4 chuyên đề trong năm học."
    assert mine["4.1"]["nguon_luc"] == "Ngân sách xã" and mine["4.1"]["muc_do_thuc_hien"] == "Hoàn thành"
    assert mine["1.4"]["minh_chung_du_kien"] == "Biên bản rà soát; sổ theo dõi cải tiến"
    school = json.loads((site / "truong" / "thcs-hoa-lac" / "truong.json").read_text("utf-8"))
    record = next(p for p in school["ke_hoach"] if p["nam_hoc"] == "2026-2027")
    row = record["ke_hoach"]["cai_tien"][0]
    assert row["muc_tieu"] == "Cập nhật hồ sơ cải tiến sau mỗi học kỳ."
    assert row["thuc_hien"][0]["nguoi_danh_gia"] == "Hội đồng tự đánh giá"
    assert record["tieu_chi"][0]["trang_tieu_chi"] == "tieu-chi/tt57-pho-thong/1-4/"
    corpus, _ = load_corpus(plans)
    plan = next(p for p in corpus.plans if p.school.slug == "thcs-hoa-lac")
    assert "4 chuyên đề trong năm học" in row_section(plan, plan.rows[1]).text
