"""Open data from the model: CSV rows Excel reads right, JSON records that link back to the site."""

from __future__ import annotations

import csv
import io
import zipfile

import pytest
from support.trees import PLAN, make_tree

from congkhai.core.loader import load_corpus
from congkhai.facts.places import place_slug as province_slug
from congkhai.outputs import exports

SITE = "https://vi-du.github.io/congkhai/"


@pytest.fixture
def corpus(tmp_path):
    tricky = PLAN.replace("chu_tri: Hiệu trưởng", "chu_tri: \"- Hiệu trưởng\"\n    nguon_kinh_phi: NSNN")
    corpus, problems = load_corpus(make_tree(tmp_path, plan=tricky))
    assert not problems
    return corpus


def test_every_row_field_has_a_csv_column_and_each_row_links_to_its_anchor(corpus):
    rows = list(exports.improvement_rows(corpus, SITE))
    assert [r["tieu_chi"] for r in rows] == ["1.3", "5.3"]
    names = [name for name, _ in exports.IMPROVEMENT_COLUMNS]
    assert all(set(names) <= set(r) for r in rows)
    assert rows[0]["url"] == SITE + "truong/thcs-thu-nghiem/2024-2025/#tieu-chi-1-3"
    assert rows[0]["kinh_phi"] == 1_500_000 and rows[1]["kinh_phi"] == ""
    assert rows[0]["nhom_nguon_kinh_phi"] == "Ngân sách nhà nước"


def test_csv_opens_in_excel_with_diacritics_and_without_formulas(corpus):
    data = exports.to_csv(exports.IMPROVEMENT_COLUMNS, exports.improvement_rows(corpus))
    assert data.startswith("\ufeff".encode()) and b"\r\n" in data
    table = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert table[0]["chu_tri"] == "'- Hiệu trưởng"  # not read as a formula
    assert table[0]["ten_truong"] == "Trường THCS Thử Nghiệm"
    assert table[0]["kinh_phi"] == "1500000"


def test_plan_record_keeps_the_front_matter_and_adds_links_and_official_titles(corpus):
    [plan] = corpus.plans
    record = exports.plan_record(plan, SITE, pdf_policy="khong")
    assert record["ke_hoach"]["so_hieu"] == "12/KH-TN"
    assert record["pdf"] is None and record["url"] == SITE + plan.url
    first = record["tieu_chi"][0]
    assert first["ma"] == "1.3" and first["ten"].startswith("Tổ chức Đảng")
    assert first["trang_tieu_chi"].startswith(SITE + "tieu-chi/")
    assert record["kinh_phi_theo_nguon"] == [{"nguon": "Ngân sách nhà nước", "so_tien": 1_500_000, "ty_le": 1.0, "so_tieu_chi": 1}]


def test_the_index_lists_where_each_plan_lives_not_the_plans_again(corpus):
    index = exports.all_plans(corpus, SITE)
    assert index["so_ke_hoach"] == 1
    assert index["ke_hoach"] == [{"ma_truong": "thcs-thu-nghiem", "nam_hoc": "2024-2025", "json": SITE + corpus.plans[0].json_url}]
    assert corpus.plans[0].json_url == "truong/thcs-thu-nghiem/truong.json#2024-2025"
    assert b"diem_yeu" not in exports.to_json(index)


def test_a_school_file_holds_its_plans_and_each_province_has_its_rows_file(corpus):
    [school] = corpus.schools.values()
    record = exports.school_record(school, SITE)
    [plan] = record["ke_hoach"]
    assert plan["nam_hoc"] == "2024-2025" and plan["van_ban"] == school.plans[0].body
    assert plan["ke_hoach"]["cai_tien"][0]["tieu_chi"] == "1.3"
    assert "noi_dung" not in plan["ke_hoach"]["cai_tien"][0]  # empty optional fields left out
    [(path, (province, plans))] = exports.province_files(corpus).items()
    assert path == "du-lieu/tinh/" + province_slug(province) + ".csv.zip" and plans == corpus.plans
    index = exports.all_plans(corpus, SITE, national_csv=False)
    assert index["cai_tien_csv"] is None
    assert index["cai_tien_theo_tinh"] == [{"tinh": province, "csv": SITE + path, "so_ke_hoach": 1}]


def test_the_national_rows_file_is_left_out_when_it_would_be_large(corpus, tmp_path, monkeypatch):
    (tmp_path / "du-lieu" / "tinh").mkdir(parents=True)
    assert exports.write_improvement_csvs(corpus, tmp_path, SITE)
    assert (tmp_path / "du-lieu" / "cai-tien.csv").is_file()
    monkeypatch.setattr(exports, "NATIONAL_CSV_MAX_BYTES", 10)
    assert not exports.write_improvement_csvs(corpus, tmp_path, SITE)
    assert not (tmp_path / "du-lieu" / "cai-tien.csv").exists()
    [archive] = (tmp_path / "du-lieu" / "tinh").glob("*.csv.zip")
    with zipfile.ZipFile(archive) as z:
        [name] = z.namelist()
        assert name == archive.name.removesuffix(".zip")
        assert z.read(name) == exports.to_csv(exports.IMPROVEMENT_COLUMNS, exports.improvement_rows(corpus, SITE))
    first = archive.read_bytes()
    exports.write_improvement_csvs(corpus, tmp_path, SITE)
    assert archive.read_bytes() == first  # same input, same bytes
