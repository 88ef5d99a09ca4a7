"""Distribution without a build: budget totals, open-data rows and records, feeds and embed snippets
as functions of the model read from plans/."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from support.distribution_fixtures import (
    HOA_MI,
    PLANS,
    corpus,  # noqa: F401 - fixtures
    run_cli,
)

from congkhai.core.model import Row
from congkhai.facts import budgets as budget
from congkhai.facts import places
from congkhai.outputs import exports


def front_matter(path: Path) -> dict:
    """The YAML front matter of a plan file, read without congkhai (an independent reading)."""
    text = path.read_text("utf-8")
    return yaml.safe_load(text.split("\n---", 1)[0].removeprefix("---\n"))


def test_hoa_mi_budget_totals_match_the_plan_file(corpus):
    raw = front_matter(HOA_MI)
    by_source: dict[str, int] = {}
    for row in raw["cai_tien"]:
        if row.get("kinh_phi"):
            by_source[row["nguon_kinh_phi"]] = by_source.get(row["nguon_kinh_phi"], 0) + int(row["kinh_phi"])
    # The seed's two funded rows, as the school wrote them, and their canonical names.
    assert set(by_source) == {"Nguồn điều tiết", "Nguồn xã hội hóa"}
    canonical = {"Nguồn điều tiết": "Nguồn điều tiết", "Nguồn xã hội hóa": "Xã hội hóa"}
    plan = next(p for p in corpus.plans if p.path.resolve() == HOA_MI.resolve())
    totals = {t.source: t for t in budget.plan_totals(plan)}
    for written, amount in by_source.items():
        assert totals[canonical[written]].amount == amount
    grand = sum(by_source.values())
    assert budget.total_amount(totals.values()) == grand
    assert totals["Nguồn điều tiết"].share == pytest.approx(by_source["Nguồn điều tiết"] / grand)
    # The row naming "Nguồn hoạt động của nhà trường" without an amount is counted, at 0 đ.
    unpriced = [r for r in raw["cai_tien"] if r.get("nguon_kinh_phi") and not r.get("kinh_phi")]
    for r in unpriced:
        t = totals[budget.normalise_source(r["nguon_kinh_phi"])]
        assert t.unpriced >= 1 and t.rows >= 1


def test_source_names_are_folded_to_one_name_per_source():
    cases = {
        "Ngân sách": budget.STATE,
        "Kinh phí từ ngân sách nhà nước": budget.STATE,
        "Ngan sach": budget.STATE,
        "Ngén séch": budget.STATE,  # OCR
        "Nguồn xã hội hóa": budget.SOCIAL,
        "Kinh phí xã hội hoá": budget.SOCIAL,
        "Nguồn điều tiết": budget.REGULATED,
        "tự túc": budget.SELF_FUNDED,
        "Nguồn hoạt động của nhà trường": budget.SCHOOL_OPERATIONS,
        "Quỹ khuyến học của phường.": "Quỹ khuyến học của phường",
    }
    for written, expected in cases.items():
        assert budget.normalise_source(written) == expected, written
    assert budget.normalise_source("Không") is None
    assert budget.normalise_source("  ") is None


def test_rows_with_an_amount_and_no_source_are_shown_as_such():
    rows = [Row(tieu_chi="1.1", kinh_phi=1000), Row(tieu_chi="1.2", kinh_phi=3000, nguon_kinh_phi="Ngân sách"),
            Row(tieu_chi="1.3", kinh_phi_ghi_chu="Không có")]
    totals = budget.totals(rows)
    assert [(t.source, t.amount, t.rows) for t in totals] == [(budget.STATE, 3000, 1), (budget.NO_SOURCE, 1000, 1)]
    assert sum(t.share for t in totals) == pytest.approx(1.0)


def test_ocr_plan_sources_all_count_as_state_budget(corpus):
    path = PLANS / "thpt-binh-phuc-nhut-cho-gao" / "2022-2023.md"
    if not path.exists():
        pytest.skip("seed 004 not in plans/")
    raw = front_matter(path)
    named = [r for r in raw["cai_tien"] if r.get("nguon_kinh_phi") or r.get("kinh_phi")]
    plan = next(p for p in corpus.plans if p.path.resolve() == path.resolve())
    totals = budget.plan_totals(plan)
    assert [t.source for t in totals] == [budget.STATE]
    assert totals[0].rows == len(named)
    assert totals[0].amount == sum(int(r.get("kinh_phi") or 0) for r in named)


def test_district_totals_add_up_the_plans_of_the_district(corpus):
    for district in places.districts(corpus):
        expected = sum(int(r.kinh_phi or 0) for p in district.plans for r in p.rows)
        assert budget.total_amount(district.totals) == expected
        assert sum(budget.total_amount(y.totals) for y in district.years) == expected


def test_single_school_build_names_an_unknown_school(tmp_path):
    result = run_cli("build-school", "khong-co-truong-nay", "-o", str(tmp_path / "out"), "--no-pdf")
    assert result.returncode != 0
    assert "khong-co-truong-nay" in result.stderr and "Traceback" not in result.stderr


def test_single_school_build_never_empties_a_folder_of_other_files(corpus, tmp_path):
    keep = tmp_path / "tai-lieu"
    keep.mkdir()
    (keep / "quan-trong.docx").write_bytes(b"x")
    result = run_cli("build-school", next(iter(corpus.schools)), "-o", str(keep), "--no-pdf")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert (keep / "quan-trong.docx").exists()


def test_improvement_csv_has_a_column_for_every_row_field():
    """The open data must not drop any field an editor can write in a row."""
    from congkhai.core.model import Row

    columns = {name for name, _ in exports.IMPROVEMENT_COLUMNS}
    assert set(Row.model_fields) <= columns, set(Row.model_fields) - columns

