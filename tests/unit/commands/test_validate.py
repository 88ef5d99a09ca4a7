"""The validator: every kind of bad input gives a Vietnamese message at the right file and line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT
from support.trees import PLAN, PROFILE, make_tree

from congkhai.core.loader import load_corpus


def problems_of(tmp_path: Path, **kw) -> list:
    corpus, problems = load_corpus(make_tree(tmp_path, **kw))
    return problems.errors


def line_of(text: str, needle: str, last: bool = False) -> int:
    lines = [i for i, line in enumerate(text.splitlines(), 1) if needle in line]
    return lines[-1] if last else lines[0]


def test_valid_plan_loads_into_the_model(tmp_path):
    corpus, problems = load_corpus(make_tree(tmp_path))
    assert not problems
    plan = corpus.schools["thcs-thu-nghiem"].plans[0]
    assert plan.year == "2024-2025"
    assert [r.tieu_chi for r in plan.rows] == ["1.3", "5.3"]
    assert plan.rows[1].giai_phap == ["Tổ chức tham quan thực tế."]
    assert plan.rows[0].kinh_phi == 1500000
    assert plan.meta.ngay_ban_hanh.isoformat() == "2024-09-04"
    assert "<!-- bang-ke-hoach -->" in plan.body


# (description, edit of the valid plan, text expected in the message, line marker)
CASES = [
    ("unknown criterion", ('"5.3"', '"9.9"'), "tiêu chí «9.9» không có trong Thông tư 18/2018", '"9.9"'),
    ("criterion of another circular", ('"5.3"', '"5.7"'), "tiêu chí «5.7» không có", '"5.7"'),
    ("malformed criterion", ('"5.3"', '"năm"'), "không phải mã tiêu chí", '"năm"'),
    ("date that is not a date", ("2024-09-04", "2024-13-45"), "«ngay_ban_hanh» không phải ngày hợp lệ", "2024-13-45"),
    ("impossible Vietnamese date", ("2024-09-04", "31/02/2024"), "ngày «31/02/2024» không tồn tại", "31/02/2024"),
    ("school year not consecutive", ("nam_hoc: 2024-2025", "nam_hoc: 2024-2026"), "năm học «2024-2026» phải có dạng", "nam_hoc"),
    ("school year with slash", ("nam_hoc: 2024-2025", "nam_hoc: 2024/2025"), "phải có dạng NĂM-NĂM+1", "nam_hoc"),
    ("unknown key with hint", ("    chu_tri: Hiệu trưởng", "    chu_tr: Hiệu trưởng"), "có phải ý bạn là «chu_tri»", "chu_tr:"),
    ("unknown top-level key", ("so_hieu:", "so_hieeu:"), "có phải ý bạn là «so_hieu»", "so_hieeu"),
    ("missing required field", ("thong_tu: 18/2018\n", ""), "thiếu mục bắt buộc «thong_tu»", "nam_hoc"),
    ("duplicate criterion row", ('"5.3"', '"1.3"'), "tiêu chí 1.3 đã có ở dòng", 'tieu_chi: "1.3"'),
    ("duplicate key", ("dia_danh: Gò Vấp", "dia_danh: Gò Vấp\ndia_danh: Quận 1"), "khóa «dia_danh» xuất hiện hai lần", "Quận 1"),
    ("broken YAML", ("nguoi_ky: Nguyễn Văn A", "nguoi_ky: [Nguyễn Văn A"), "lỗi cú pháp YAML", "chuc_vu"),
    ("tab indentation", ("    chu_tri: Hiệu trưởng", "\tchu_tri: Hiệu trưởng"), "Tab", "\tchu_tri"),
    ("script in a cell", ("Giáo dục địa phương còn nặng lý thuyết.", "<script>alert(1)</script>"), "chứa mã HTML «<script>»", "<script>"),
    ("event handler in a cell", ("Hiệu trưởng", '<img src=x onerror="alert(1)">'), "chứa mã HTML", "onerror"),
    ("script in the body", ("Nâng cao chất lượng.", "<script>alert(1)</script>"), "mã có thể chạy được", "<script>"),
    ("javascript link in the body", ("Nâng cao chất lượng.", "[bấm](javascript:alert(1))"), "mã có thể chạy được", "javascript"),
    ("amount with a comma", ("kinh_phi: 1500000", "kinh_phi: 1,5 triệu"), "phải là số đồng", "kinh_phi"),
    ("negative amount", ("kinh_phi: 1500000", "kinh_phi: -5"), "«kinh_phi» không được âm", "kinh_phi"),
    ("solutions not a list", ("    giai_phap: Tổ chức tham quan thực tế.", "    giai_phap: {a: b}"), "«giai_phap» phải là một danh sách", "{a: b}"),
    ("empty table", (PLAN[PLAN.index("cai_tien:") : PLAN.index("nguoi_ky")], "cai_tien: []\n"), "«cai_tien» không được để trống", "cai_tien"),
    ("unknown circular", ("thong_tu: 18/2018", "thong_tu: 28/2020"), "chưa có danh mục tiêu chí của Thông tư 28/2020", "thong_tu"),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_bad_plan_is_reported_at_its_line(tmp_path, case):
    _, (old, new), expected, marker = case
    assert old in PLAN
    text = PLAN.replace(old, new, 1)
    errors = problems_of(tmp_path, plan=text)
    assert errors, "the bad plan was accepted"
    messages = [p.message for p in errors]
    hit = [p for p in errors if expected in p.message]
    assert hit, messages
    assert hit[0].path.name == "2024-2025.md"
    assert hit[0].line == line_of(text, marker, last="đã có" in expected), (hit[0].line, text)


def test_missing_school_profile(tmp_path):
    errors = problems_of(tmp_path, profile=None)
    assert errors[0].path.name == "2024-2025.md"
    assert "thiếu hồ sơ trường thcs-thu-nghiem/truong.yml" in errors[0].message


def test_level_that_does_not_match_the_circular(tmp_path):
    errors = problems_of(tmp_path, profile=PROFILE.replace("cap_hoc: thcs", "cap_hoc: mam-non"))
    assert any("áp dụng cho" in p.message and "Mầm non" in p.message for p in errors)
    assert errors[0].line == line_of(PLAN, "thong_tu")


def test_bad_profile(tmp_path):
    errors = problems_of(tmp_path, profile=PROFILE.replace("cap_hoc: thcs", "cap_hoc: dai-hoc") + "web: x\n")
    messages = " | ".join(p.message for p in errors)
    assert "«cap_hoc» phải là một trong" in messages
    assert "có phải ý bạn là «website»" in messages
    assert all(p.path.name == "truong.yml" for p in errors)


def test_year_in_file_name_must_match(tmp_path):
    errors = problems_of(tmp_path, name="2023-2024.md")
    assert "khác tên tệp «2023-2024.md»" in errors[0].message


def test_file_name_must_be_a_school_year(tmp_path):
    errors = problems_of(tmp_path, name="ke-hoach.md")
    assert "phải là năm học" in errors[0].message


def test_non_utf8_file_is_reported_with_its_line(tmp_path):
    raw = PLAN.encode("utf-8").replace("dia_danh: Gò Vấp".encode(), b"dia_danh: G\xf2 V\xe2p")
    errors = problems_of(tmp_path, plan=raw)
    assert "không phải mã UTF-8" in errors[0].message
    assert errors[0].line == line_of(PLAN, "dia_danh")


def test_bom_and_crlf_are_accepted(tmp_path):
    raw = ("\ufeff" + PLAN).replace("\n", "\r\n").encode("utf-8")
    corpus, problems = load_corpus(make_tree(tmp_path, plan=raw))
    assert not problems
    assert corpus.plans[0].rows[0].chu_tri == "Hiệu trưởng"


def test_huge_file_is_refused(tmp_path):
    errors = problems_of(tmp_path, plan=PLAN + "x" * 1_200_000)
    assert "tệp quá lớn" in errors[0].message


def test_vietnamese_amount_and_date_forms_are_understood(tmp_path):
    text = PLAN.replace("kinh_phi: 1500000", 'kinh_phi: "1.500.000 đ"').replace("2024-09-04", "04/09/2024")
    corpus, problems = load_corpus(make_tree(tmp_path, plan=text))
    assert not problems
    assert corpus.plans[0].rows[0].kinh_phi == 1500000
    assert corpus.plans[0].meta.ngay_ban_hanh.isoformat() == "2024-09-04"


def test_criterion_ids_stay_text(tmp_path):
    """YAML would read 1.10 as the number 1.1: our reader keeps it as written."""
    text = PLAN.replace('"5.3"', "1.10")
    corpus, problems = load_corpus(make_tree(tmp_path, plan=text))
    assert not problems
    assert corpus.plans[0].rows[1].tieu_chi == "1.10"


def test_all_errors_are_collected(tmp_path):
    text = PLAN.replace('"5.3"', '"9.9"').replace("2024-09-04", "2024-13-45").replace("chu_tri:", "chu_tr:")
    errors = problems_of(tmp_path, plan=text)
    assert len(errors) >= 3


def run_validate(plans: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(ROOT / "scripts" / "validate"), str(plans), *args],
        capture_output=True, text=True, cwd=plans.parent, env={**os.environ, "GITHUB_ACTIONS": "", **(env or {})},
    )


def test_validate_command_exit_codes_and_messages(tmp_path):
    good = run_validate(make_tree(tmp_path / "a"))
    assert good.returncode == 0, good.stderr
    assert good.stdout.strip().splitlines()[-1].startswith("Hợp lệ: 1 kế hoạch của 1 trường, 2 dòng cải tiến")

    text = PLAN.replace('"5.3"', '"9.9"')
    bad = run_validate(make_tree(tmp_path / "b", plan=text))
    assert bad.returncode == 1
    assert "Traceback" not in bad.stdout + bad.stderr
    expected = f"plans/thcs-thu-nghiem/2024-2025.md:{line_of(text, '9.9')}: lỗi: tiêu chí «9.9»"
    assert expected in bad.stdout


def test_validate_prints_github_annotations(tmp_path):
    text = PLAN.replace("2024-09-04", "2024-13-45")
    out = run_validate(make_tree(tmp_path, plan=text), env={"GITHUB_ACTIONS": "true"})
    assert out.returncode == 1
    line = line_of(text, "2024-13-45")
    assert f"::error file=plans/thcs-thu-nghiem/2024-2025.md,line={line}," in out.stdout
    assert "không phải ngày hợp lệ" in out.stdout


def test_binary_garbage_gives_a_message_not_a_traceback(tmp_path):
    out = run_validate(make_tree(tmp_path, plan=bytes(range(256)) * 50))
    assert out.returncode == 1
    assert "Traceback" not in out.stdout + out.stderr
    assert "2024-2025.md:" in out.stdout


def test_real_plans_validate():
    corpus, problems = load_corpus(ROOT / "plans")
    assert not problems.errors, [p.format(ROOT) for p in problems.errors]


def test_schema_files_match_the_model():
    out = subprocess.run([sys.executable, "-m", "congkhai", "schema", "--check", "--out", str(ROOT / "schema")], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr


def test_the_documented_example_is_a_valid_plan(tmp_path):
    """The editors' guide must never show a file the validator would refuse."""
    import re

    guide = (ROOT / "docs" / "mau-ke-hoach.md").read_text("utf-8")
    profile = re.search(r"```yaml\n(.*?)```", guide, re.S).group(1)
    plan = re.search(r"```markdown\n(.*?)```", guide, re.S).group(1)
    corpus, problems = load_corpus(make_tree(tmp_path, plan=plan, profile=profile))
    assert not problems, [p.format() for p in problems]
    rows = corpus.plans[0].rows
    assert rows[1].kinh_phi == 150000000 and rows[0].giai_phap[1].startswith("Tạo điều kiện")

