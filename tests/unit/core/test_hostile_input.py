"""Hostile and careless input: every resource limit refused fast with a Vietnamese file:line message,
nothing under plans/ skipped in silence, and PyYAML's and pydantic's English translated."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT

from congkhai.core import limits, walk
from congkhai.core.loader import load_corpus
from congkhai.importer import source
from congkhai.importer.document import ImportFailure

PROFILE = "ten: Trường THCS Thử Nghiệm\ncap_hoc: thcs\n"
HEAD = 'nam_hoc: "2024-2025"\nthong_tu: "18/2018"\n'
ROW = '  - tieu_chi: "{cid}"\n    diem_yeu: "Còn hạn chế."\n    giai_phap:\n      - "Bồi dưỡng."\n'
PLAN = "---\n" + HEAD + "cai_tien:\n" + ROW.format(cid="1.3") + "---\nNội dung.\n"
# Nine aliases of the one before, ten levels deep: 9^10 strings once expanded.
BOMB = 'a0: &a0 ["x","x","x","x","x","x","x","x","x"]\n' + "".join(
    f"a{i}: &a{i} [{', '.join(['*a%d' % (i - 1)] * 9)}]\n" for i in range(1, 10)
)


def tree(tmp_path: Path, plan: str | None = PLAN, profile: str = PROFILE, extra: dict[str, str] | None = None) -> Path:
    school = tmp_path / "plans" / "thcs-thu-nghiem"
    school.mkdir(parents=True)
    (school / "truong.yml").write_text(profile, "utf-8")
    if plan is not None:
        (school / "2024-2025.md").write_text(plan, "utf-8")
    for rel, text in (extra or {}).items():
        target = tmp_path / "plans" / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, "utf-8")
    return tmp_path / "plans"


def problems(tmp_path: Path, **kw):
    start = time.perf_counter()
    _, found = load_corpus(tree(tmp_path, **kw))
    assert time.perf_counter() - start < 5, "a limit was not enforced before the expensive part"
    return found


def only_error(found, needle: str):
    hits = [p for p in found.errors if needle in p.message]
    assert hits, [p.message for p in found]
    return hits[0]


def test_an_alias_bomb_is_refused_at_its_line_by_scripts_validate(tmp_path):
    plans = tree(tmp_path, plan=PLAN.replace("---\n", "---\n" + BOMB, 1))
    result = subprocess.run(
        [sys.executable, "-m", "congkhai", "validate", str(plans)], cwd=ROOT, capture_output=True, text=True, timeout=60,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert "2024-2025.md:2: lỗi: không dùng neo và bí danh YAML" in result.stdout


def test_an_anchor_alone_and_a_merge_key_are_refused(tmp_path):
    anchored = PLAN.replace('nam_hoc: "2024-2025"', 'nam_hoc: &nam "2024-2025"')
    assert only_error(problems(tmp_path / "a", plan=anchored), "neo và bí danh").line == 2
    merged = PLAN.replace('    diem_yeu: "Còn hạn chế."\n', '    <<: {diem_yeu: "x"}\n')
    assert only_error(problems(tmp_path / "b", plan=merged), "khóa gộp YAML «<<»").line == 6


def test_an_ampersand_or_asterisk_in_text_is_still_text(tmp_path):
    plan = PLAN.replace("Còn hạn chế.", "Phòng học & thư viện * còn thiếu")
    assert not problems(tmp_path, plan=plan).errors


def test_nesting_deeper_than_the_limit_is_refused(tmp_path):
    deep = "[" * (limits.DEPTH + 2) + "]" * (limits.DEPTH + 2)
    plan = PLAN.replace('    diem_yeu: "Còn hạn chế."', f"    diem_yeu: {deep}")
    assert only_error(problems(tmp_path / "a", plan=plan), "lồng nhau quá sâu").line == 6
    very_deep = "[" * 5000 + "]" * 5000  # libyaml's own limit (1000) is also translated
    plan = PLAN.replace('    diem_yeu: "Còn hạn chế."', f"    diem_yeu: {very_deep}")
    assert only_error(problems(tmp_path / "b", plan=plan), "lồng nhau quá sâu").line == 6


def test_too_many_rows_is_refused_at_the_table(tmp_path):
    rows = "".join(ROW.format(cid="1.3") for _ in range(limits.ROWS + 1))
    plan = "---\n" + HEAD + "cai_tien:\n" + rows + "---\n"
    hit = only_error(problems(tmp_path, plan=plan), f"tối đa {limits.ROWS} dòng")
    assert hit.line == 4


def test_a_too_long_cell_and_a_too_long_list_are_refused_at_their_line(tmp_path):
    plan = PLAN.replace("Còn hạn chế.", "x" * (limits.CELL_CHARS + 1))
    assert only_error(problems(tmp_path / "a", plan=plan), "ô quá dài").line == 6
    items = "".join('      - "Bồi dưỡng."\n' for _ in range(limits.LIST_ITEMS + 1))
    plan = PLAN.replace('      - "Bồi dưỡng."\n', items)
    assert only_error(problems(tmp_path / "b", plan=plan), "danh sách quá dài").line == 7


def test_a_file_over_the_size_limit_is_refused_without_being_read(tmp_path):
    plan = PLAN + "x" * limits.FILE_BYTES
    hit = only_error(problems(tmp_path, plan=plan), "tệp quá lớn")
    assert (hit.path.name, hit.line) == ("2024-2025.md", 1)


def test_too_many_files_in_a_school_folder_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "FILES_PER_SCHOOL", 5)
    extra = {f"thcs-thu-nghiem/ghi-chu-{i}.txt": "x" for i in range(6)}
    hit = only_error(problems(tmp_path, extra=extra), "quá nhiều tệp")
    assert hit.path.name == "thcs-thu-nghiem"


def test_too_many_files_under_plans_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "FILES", 3)
    extra = {f"truong-{i}/truong.yml": PROFILE for i in range(4)}
    hit = only_error(problems(tmp_path, extra=extra), "quá nhiều tệp")
    assert hit.path.name == "plans"


@pytest.mark.parametrize(
    "rel, needle",
    [
        (".nhap/truong.yml", "thư mục «.nhap» bị bỏ qua"),
        ("thcs-thu-nghiem/.2023-2024.md", "tệp «.2023-2024.md» bị bỏ qua"),
        ("ke-hoach-goc.docx", "scripts/import"),
        ("thcs-thu-nghiem/bao-cao.txt", "scripts/import"),
        ("thcs-thu-nghiem/2024-2025.markdown", "tệp «2024-2025.markdown» bị bỏ qua"),
        ("thcs-thu-nghiem/cu/2022-2023.md", "thư mục con bị bỏ qua"),
        ("thcs-thu-nghiem/truong.yaml", "phải tên là truong.yml"),
    ],
)
def test_nothing_under_plans_is_skipped_in_silence(tmp_path, rel, needle):
    found = problems(tmp_path, extra={rel: "x"})
    warned = [p for p in found if p.level == "warning" and needle in p.message]
    assert warned, [p.message for p in found]
    assert rel.split("/")[0] in warned[0].path.as_posix()


def test_an_unclosed_quote_is_reported_where_it_opens(tmp_path):
    plan = PLAN.replace('diem_yeu: "Còn hạn chế."', 'diem_yeu: "Còn hạn chế.') + ""
    plan = plan.replace('      - "Bồi dưỡng."\n', '      - "Bồi dưỡng."\n  - tieu_chi: "1.4"\n    diem_yeu: "Thiếu."\n')
    hit = only_error(problems(tmp_path, plan=plan), "dấu ngoặc kép mở ở dòng này chưa được đóng")
    assert hit.line == 6


def test_a_tab_is_named_in_vietnamese(tmp_path):
    plan = PLAN.replace('    diem_yeu: "Còn hạn chế."', '\tdiem_yeu: "Còn hạn chế."')
    hit = only_error(problems(tmp_path, plan=plan), "ký tự Tab")
    assert hit.line == 6
    assert "token" not in hit.message


def test_every_yaml_syntax_message_is_vietnamese(tmp_path):
    broken = ["a: @x\n", "a: b: c\n", "a: [1, 2\n", "a: {b: 1\n", 'a: "\\q"\n', "- a\nb: 1\n", "a: !x y\n", "a: 1\n---\nb: 2\n"]
    for i, text in enumerate(broken):
        found = problems(tmp_path / str(i), plan="---\n" + text + "---\n")
        for p in found.errors:
            assert not any(w in p.message for w in ("found", "expected", "while", "token", "mapping")), p.message


def test_choices_are_listed_in_vietnamese(tmp_path):
    hit = only_error(problems(tmp_path, profile=PROFILE.replace("thcs", "dai-hoc")), "cap_hoc")
    assert "«thpt» hoặc «nhieu-cap»" in hit.message
    assert "'" not in hit.message and " or " not in hit.message


def test_a_criterion_of_a_standard_that_does_not_exist_lists_criteria_not_standards(tmp_path):
    hit = only_error(problems(tmp_path, plan=PLAN.replace('"1.3"', '"9.9"')), "9.9")
    assert "không có tiêu chuẩn 9" in hit.message
    assert "1.1 đến 1.10" in hit.message and "(tiêu chuẩn)" not in hit.message


def test_a_broken_profile_does_not_hide_the_plans_own_problems(tmp_path):
    found = problems(tmp_path, profile=PROFILE.replace("thcs", "dai-hoc"), plan=PLAN.replace('"1.3"', '"9.9"'))
    files = {p.path.name for p in found.errors}
    assert files == {"truong.yml", "2024-2025.md"}


def _docx(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return path


def test_a_docx_zip_bomb_is_refused_before_it_is_unpacked(tmp_path):
    bomb = _docx(tmp_path / "bom.docx", {"word/document.xml": b"<w/>", "word/media/x.bin": b"\0" * (50 * 1024 * 1024)})
    start = time.perf_counter()
    with pytest.raises(ImportFailure, match="bom nén"):
        source.read(bomb)
    assert time.perf_counter() - start < 2


def test_a_docx_with_too_many_members_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "DOCX_MEMBERS", 3)
    many = _docx(tmp_path / "nhieu.docx", {"word/document.xml": b"<w/>", **{f"x/{i}": b"x" for i in range(4)}})
    with pytest.raises(ImportFailure, match="tệp bên trong"):
        source.read(many)


def test_a_text_report_over_its_limit_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "TXT_BYTES", 1000)
    big = tmp_path / "bao-cao.txt"
    big.write_text("Kế hoạch\n" * 200, "utf-8")
    with pytest.raises(ImportFailure, match="quá lớn"):
        source.read(big)


def test_the_real_report_passes_the_zip_checks():
    docx = ROOT / "tests" / "data" / "reports" / "thpt-nguyenbinhkhiem-angiang-tdg-2021.docx"
    assert source.read(docx).text.strip()


def test_limits_have_one_home():
    text = "\n".join(p.read_text("utf-8") for p in (ROOT / "congkhai").rglob("*.py") if p.name != "limits.py")
    assert "1_000_000" not in text.replace("/ 1_000_000", "").replace("// 1_000_000", "")
    assert "200 * 1024 * 1024" not in text
    assert walk.SCHOOL_FILE == "truong.yml"


def test_a_body_paragraph_with_too_many_brackets_is_refused_at_its_first_line(tmp_path):
    plan = PLAN + "\nĐoạn đầu.\n\n" + "[" * (limits.BODY_BRACKETS + 1) + "\n"
    hit = only_error(problems(tmp_path, plan=plan), "quá nhiều dấu «[»")
    assert hit.line == PLAN.count("\n") + 4  # after a blank line, «Đoạn đầu.» and a blank line


def test_a_body_nested_deeper_than_the_limit_is_refused(tmp_path):
    nested = "".join("  " * i + "- x\n" for i in range(limits.BODY_INDENT))
    hit = only_error(problems(tmp_path, plan=PLAN + nested), "thụt lề quá sâu")
    assert hit.line == PLAN.count("\n") + 1 + limits.BODY_INDENT // 2 + 1
