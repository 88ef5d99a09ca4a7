"""Which circular a plan may cite for its school year: an error where it cannot be right, a
warning where a transition is possible, and no level 4 or Mức 3 under Thông tư 57/2026."""

from __future__ import annotations

from pathlib import Path

from congkhai.core.loader import load_corpus

SCHOOL = 'ten: "Trường THCS Thử"\ncap_hoc: thcs\n'


def _plan(tmp_path: Path, year: str, circular: str, rows: str) -> tuple[Path, list]:
    folder = tmp_path / "plans" / "thcs-thu"
    folder.mkdir(parents=True)
    (folder / "truong.yml").write_text(SCHOOL, "utf-8")
    path = folder / f"{year}.md"
    path.write_text(f'---\nnam_hoc: "{year}"\nthong_tu: "{circular}"\ncai_tien:\n{rows}---\n', "utf-8")
    corpus, problems = load_corpus(tmp_path / "plans")
    return path, problems


ROW = '  - tieu_chi: "1.1"\n    giai_phap: "Rà soát kế hoạch."\n'


def test_a_2020_2021_plan_under_tt57_is_an_error_at_the_circulars_line(tmp_path):
    path, problems = _plan(tmp_path, "2020-2021", "57/2026", ROW)
    [error] = problems.errors
    assert error.path == path and error.line == 3
    assert "Thông tư 57/2026 áp dụng từ năm học 2026-2027" in error.message
    assert "18/2018" in error.message
    assert error.format().startswith(f"{path.as_posix()}:3: lỗi:")


def test_a_2026_2027_plan_still_under_tt18_warns_without_failing(tmp_path):
    path, problems = _plan(tmp_path, "2026-2027", "18/2018", ROW)
    assert not problems.errors
    [warning] = problems
    assert warning.level == "warning" and warning.line == 3
    assert "2025-2026" in warning.message and "57/2026" in warning.message
    assert warning.format().startswith(f"{path.as_posix()}:3: cảnh báo:")


def test_a_2026_2027_plan_under_tt57_is_valid(tmp_path):
    _, problems = _plan(tmp_path, "2026-2027", "57/2026", ROW)
    assert list(problems) == []


def test_a_level_4_row_under_tt57_says_the_circular_has_no_level_4(tmp_path):
    rows = ROW + '  - tieu_chi: "M4.1"\n    giai_phap: "Tham khảo chương trình tiên tiến."\n'
    _, problems = _plan(tmp_path, "2026-2027", "57/2026", rows)
    [error] = problems.errors
    assert error.line == 7 and "không có tiêu chí mức 4" in error.message


def test_a_criterion_outside_the_fifteen_is_an_error(tmp_path):
    rows = '  - tieu_chi: "3.6"\n    giai_phap: "Thư viện."\n'
    _, problems = _plan(tmp_path, "2026-2027", "57/2026", rows)
    [error] = problems.errors
    assert "«3.6» không có trong Thông tư 57/2026" in error.message and "3.1, 3.2, 3.3, 3.4, 3.5" in error.message


def test_a_self_assessed_level_3_under_tt57_is_an_error(tmp_path):
    rows = ROW + '    muc_tu_danh_gia: "Đạt mức 3"\n'
    _, problems = _plan(tmp_path, "2026-2027", "57/2026", rows)
    [error] = problems.errors
    assert error.line == 7 and "Mức 1 đến Mức 2" in error.message
