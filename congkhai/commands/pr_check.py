"""`python -m congkhai pr-check --base <ref>`: what a pull request changes, and whether it may.

Run by the pull-request workflow after `scripts/validate`. It compares the plans of the working
tree (the pull request) with those of the base commit (extracted with `git archive` into a
temporary folder, both read through congkhai.loader) and writes a Markdown summary for the run's
page (`$GITHUB_STEP_SUMMARY`, else standard output): every validation problem (GitHub shows only
ten annotations per step), the plans added, changed or removed, and the rows added, removed or
changed per criterion.

It also applies the one rule the reviewers cannot see at a glance: a school editor (listed in
some truong.yml `bien_tap_vien` of the base commit, and not a maintainer) may change the plans
of one school per pull request and nothing outside plans/. Who is an editor or a maintainer is
always read from the base commit, so a pull request cannot promote its own author.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from congkhai.core import catalog
from congkhai.commands.codeowners import MAINTAINERS_FILE, read_maintainers
from congkhai.core.loader import SCHOOL_FILE, YEAR_FILE, load_corpus, load_plan, load_school
from congkhai.core.model import Corpus, Plan, SchoolRecord
from congkhai.core.problems import Problem, ProblemList

PLANS = "plans"
MAX_LISTED_PROBLEMS = 500


class GitError(Exception):
    pass


def _git(root: Path, *args: str, binary: bool = False) -> str | bytes:
    try:
        done = subprocess.run(["git", *args], cwd=root, capture_output=True, check=False)
    except FileNotFoundError:
        raise GitError("không tìm thấy lệnh git") from None
    if done.returncode != 0:
        raise GitError(done.stderr.decode("utf-8", "replace").strip() or f"git {args[0]} thất bại")
    return done.stdout if binary else done.stdout.decode("utf-8", "replace")


@dataclass(frozen=True)
class Change:
    status: str  # "A" added, "M" modified, "D" deleted
    path: str  # repository-relative, forward slashes

    @property
    def school(self) -> str | None:
        parts = self.path.split("/")
        return parts[1] if len(parts) >= 3 and parts[0] == PLANS else None

    @property
    def is_plan(self) -> bool:
        return self.school is not None and self.path.count("/") == 2 and bool(YEAR_FILE.match(self.path.rsplit("/", 1)[1]))


def changed_files(root: Path, base: str) -> list[Change]:
    """Files that differ between the base commit and the working tree, untracked ones included."""
    _git(root, "rev-parse", "--verify", "--quiet", f"{base}^{{commit}}")
    out = _git(root, "diff", "--name-status", "--no-renames", "-z", base, "--")
    fields = out.split("\0")
    changes: dict[str, Change] = {}
    i = 0
    while i + 1 < len(fields):
        status, path = fields[i][:1], fields[i + 1]
        changes[path] = Change("A" if status == "A" else "D" if status == "D" else "M", path)
        i += 2
    for path in _git(root, "ls-files", "--others", "--exclude-standard", "-z").split("\0"):
        if path:
            changes[path] = Change("A", path)
    return sorted(changes.values(), key=lambda c: c.path)


def extract_base(root: Path, base: str, dest: Path) -> None:
    """plans/ and the maintainers file of the base commit, written under dest."""
    wanted = [PLANS, MAINTAINERS_FILE.as_posix()]
    present = [p for p in wanted if _git(root, "ls-tree", "--name-only", base, "--", p).strip()]
    if not present:
        return
    data = _git(root, "archive", "--format=tar", base, "--", *present, binary=True)
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        if hasattr(tarfile, "data_filter"):
            tar.extractall(dest, filter="data")
        else:  # pragma: no cover - Python without extraction filters
            tar.extractall(dest)


# ---------------------------------------------------------------- what changed in the plans


@dataclass
class PlanDiff:
    path: str
    status: str  # "A", "M", "D"
    school: str
    year: str
    valid: bool = True  # the pull request's version loaded without errors
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    header: list[str] = field(default_factory=list)  # front-matter keys changed (not cai_tien)
    body_changed: bool = False
    circular: str | None = None


def _rows(plan: Plan | None) -> dict[str, dict]:
    return {r.tieu_chi: r.model_dump(mode="json") for r in plan.rows} if plan else {}


def _find_plan(corpus: Corpus, school: str, year: str) -> Plan | None:
    record = corpus.schools.get(school)
    return next((p for p in record.plans if p.year == year), None) if record else None


def _load_base_plan(base_plans: Path, school: str, year: str) -> Plan | None:
    folder = base_plans / school
    path = folder / f"{year}.md"
    if not path.exists():
        return None
    quiet = ProblemList()
    record = load_school(folder, quiet)
    return load_plan(path, record, quiet) if record else None


def diff_plan(change: Change, head: Corpus, base_plans: Path) -> PlanDiff:
    school, name = change.path.split("/")[1:3]
    year = name.removesuffix(".md")
    new = None if change.status == "D" else _find_plan(head, school, year)
    old = None if change.status == "A" else _load_base_plan(base_plans, school, year)
    d = PlanDiff(change.path, change.status, school, year, valid=change.status == "D" or new is not None)
    if change.status != "D" and new is None:
        return d
    before, after = _rows(old), _rows(new)
    d.added = [c for c in after if c not in before]
    d.removed = [c for c in before if c not in after]
    d.changed = [c for c in after if c in before and after[c] != before[c]]
    if old and new:
        a = old.meta.model_dump(mode="json", exclude={"cai_tien"})
        b = new.meta.model_dump(mode="json", exclude={"cai_tien"})
        d.header = [k for k in b if a.get(k) != b.get(k)]
        d.body_changed = old.body.strip() != new.body.strip()
    d.circular = (new or old).meta.thong_tu if (new or old) else None
    return d


# ---------------------------------------------------------------- who may change what


@dataclass
class Finding:
    level: str  # "error", "warning", "notice"
    message: str
    file: str | None = None

    def annotation(self) -> str:
        """A GitHub workflow command; on a file when the finding is about one."""
        props = f"file={_prop(self.file)},title=Phạm vi pull request" if self.file else "title=Phạm vi pull request"
        return f"::{self.level} {props}::" + self.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A").replace(":", "%3A").replace(",", "%2C")


def _editors(base_plans: Path) -> dict[str, list[str]]:
    """School slug -> its editors, from the base commit's profiles."""
    out: dict[str, list[str]] = {}
    if not base_plans.is_dir():
        return out
    for folder in sorted(p for p in base_plans.iterdir() if p.is_dir()):
        if (folder / SCHOOL_FILE).exists():
            record = load_school(folder, ProblemList())
            if record is not None:
                out[record.slug] = list(record.profile.bien_tap_vien)
    return out


def _head_editors(head: Corpus, root: Path, slug: str) -> list[str] | None:
    record: SchoolRecord | None = head.schools.get(slug)
    if record is None:
        record = load_school(root / PLANS / slug, ProblemList()) if (root / PLANS / slug / SCHOOL_FILE).exists() else None
    return list(record.profile.bien_tap_vien) if record else None


def scope_findings(
    author: str | None, changes: list[Change], base_editors: dict[str, list[str]], maintainers: list[str],
    head_editors: dict[str, list[str] | None],
) -> list[Finding]:
    """The pull request's scope judged against the author's role in the base commit."""
    findings: list[Finding] = []
    lower = lambda names: {n.lower() for n in names}  # noqa: E731 - GitHub logins ignore case
    # A changed list of editors changes who reviews that school: always a maintainer's call.
    for slug, new in head_editors.items():
        old = base_editors.get(slug, [])
        if new is not None and lower(new) != lower(old):
            findings.append(Finding(
                "warning",
                f"Pull request này đổi danh sách biên tập viên (bien_tap_vien) của trường {slug}; "
                "người quản trị sẽ duyệt thay đổi này và cập nhật .github/CODEOWNERS sau khi gộp.",
                f"{PLANS}/{slug}/{SCHOOL_FILE}",
            ))
    if not author:
        return findings
    who = author.lstrip("@").lower()
    if who in lower(maintainers):
        return findings
    own = sorted(slug for slug, names in base_editors.items() if who in lower(names))
    if not own:
        findings.append(Finding(
            "notice",
            f"Tài khoản @{author} chưa là biên tập viên của trường nào; người quản trị sẽ duyệt pull request này.",
        ))
        return findings
    schools = sorted({c.school for c in changes if c.school})
    outside = [c.path for c in changes if not c.path.startswith(PLANS + "/")]
    own_text = ", ".join(own)
    if len(schools) > 1:
        findings.append(Finding(
            "error",
            f"Pull request của biên tập viên chỉ được sửa kế hoạch của một trường, nhưng pull request này sửa "
            f"{len(schools)} trường: {', '.join(schools)}. Hãy tách thành mỗi trường một pull request.",
        ))
    for path in outside:
        findings.append(Finding(
            "error",
            f"Biên tập viên (@{author}, trường {own_text}) chỉ được sửa tệp trong thư mục plans/; "
            f"tệp {path} nằm ngoài plans/. Hãy bỏ thay đổi ở tệp này hoặc nhờ người quản trị.",
            path,
        ))
    for slug in schools:
        if slug not in own:
            first = next(c.path for c in changes if c.school == slug)
            findings.append(Finding(
                "warning",
                f"@{author} là biên tập viên của {own_text}, không phải của trường {slug}; "
                "biên tập viên của trường đó hoặc người quản trị sẽ duyệt.",
                first,
            ))
    return findings


# ---------------------------------------------------------------- the summary


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _blob_link(path: str, line: int) -> str:
    server, repo, sha = (os.environ.get(k) for k in ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_SHA"))
    label = f"{path}:{line}"
    if server and repo and sha:
        return f"[{label}]({server}/{repo}/blob/{sha}/{path}#L{line})"
    return f"`{label}`"


def _criterion_label(cid: str, circular: str | None) -> str:
    try:
        crit = catalog.circular(circular).criterion(cid) if circular else None
    except KeyError:
        crit = None
    return f"{cid} ({crit.title})" if crit else cid


def summary(problems: list[Problem], root: Path, diffs: list[PlanDiff], other: list[Change], findings: list[Finding]) -> str:
    out: list[str] = ["## Kết quả kiểm tra kế hoạch", ""]
    errors = [p for p in problems if p.level == "error"]
    warnings = [p for p in problems if p.level != "error"]
    if not problems:
        out.append("✅ Mọi kế hoạch đều hợp lệ.")
    else:
        head = f"❌ Có {len(errors)} lỗi" if errors else "✅ Không có lỗi"
        if warnings:
            head += f" và {len(warnings)} cảnh báo"
        out += [head + ". Danh sách đầy đủ (trên trang «Files changed» GitHub chỉ hiện 10 lỗi đầu):", ""]
        out += ["| Vị trí | Loại | Nội dung |", "|---|---|---|"]
        for p in problems[:MAX_LISTED_PROBLEMS]:
            file, line = p.where(root).rsplit(":", 1)
            kind = "lỗi" if p.level == "error" else "cảnh báo"
            out.append(f"| {_blob_link(file, int(line))} | {kind} | {_cell(p.message)} |")
        if len(problems) > MAX_LISTED_PROBLEMS:
            out.append(f"\n… và {len(problems) - MAX_LISTED_PROBLEMS} mục nữa: chạy `scripts/validate` để xem hết.")
    out.append("")

    if findings:
        out += ["## Phạm vi pull request", ""]
        icon = {"error": "❌", "warning": "⚠️", "notice": "ℹ️"}
        out += [f"- {icon[f.level]} {f.message}" for f in findings]
        out.append("")

    out += ["## Kế hoạch thay đổi", ""]
    if not diffs:
        out.append("Pull request này không thêm, sửa hay xóa kế hoạch nào.")
    else:
        word = {"A": "thêm mới", "M": "sửa", "D": "xóa"}
        out += ["| Kế hoạch | Thay đổi | Dòng thêm | Dòng bớt | Dòng sửa | Khác |", "|---|---|---|---|---|---|"]
        for d in diffs:
            if not d.valid:
                out.append(f"| `{d.path}` | {word[d.status]} | — | — | — | chưa hợp lệ, xem lỗi ở trên |")
                continue
            extra = []
            if d.header:
                extra.append("phần đầu: " + ", ".join(f"`{k}`" for k in d.header))
            if d.body_changed:
                extra.append("phần thân")
            ids = lambda xs: ", ".join(xs) if xs else "—"  # noqa: E731
            out.append(
                f"| `{d.path}` | {word[d.status]} | {ids(d.added)} | {ids(d.removed)} | {ids(d.changed)} | "
                f"{'; '.join(extra) or '—'} |"
            )
        per: dict[tuple[str | None, str], list[int]] = {}
        for d in diffs:
            for kind, ids_ in enumerate((d.added, d.removed, d.changed)):
                for cid in ids_:
                    per.setdefault((d.circular, cid), [0, 0, 0])[kind] += 1
        if per:
            out += ["", "### Dòng cải tiến theo tiêu chí", "", "| Thông tư | Tiêu chí | Thêm | Bớt | Sửa |", "|---|---|---|---|---|"]
            order = lambda k: (k[0] or "", [int(x) if x.isdigit() else -1 for x in re.split(r"\D+", k[1]) if x], k[1])  # noqa: E731
            for (circ, cid), (a, r, c) in sorted(per.items(), key=lambda kv: order(kv[0])):
                out.append(f"| {circ or '—'} | {_cell(_criterion_label(cid, circ))} | {a} | {r} | {c} |")
    if other:
        out += ["", "### Tệp khác", ""]
        word = {"A": "thêm", "M": "sửa", "D": "xóa"}
        out += [f"- `{c.path}` ({word[c.status]})" for c in other[:200]]
        if len(other) > 200:
            out.append(f"- … và {len(other) - 200} tệp nữa")
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- entry point


@dataclass
class Report:
    problems: ProblemList
    diffs: list[PlanDiff]
    other: list[Change]
    findings: list[Finding]
    text: str

    @property
    def ok(self) -> bool:
        return not any(f.level == "error" for f in self.findings)


def check(root: Path, base: str, author: str | None) -> Report:
    root = root.resolve()
    changes = changed_files(root, base)
    head, problems = load_corpus(root / PLANS)
    with tempfile.TemporaryDirectory(prefix="congkhai-base-") as tmp:
        base_root = Path(tmp)
        extract_base(root, base, base_root)
        base_plans = base_root / PLANS
        diffs = [diff_plan(c, head, base_plans) for c in changes if c.is_plan]
        base_editors = _editors(base_plans)
        maintainers = read_maintainers(base_root / MAINTAINERS_FILE, ProblemList())
    touched_profiles = sorted({c.school for c in changes if c.school and c.path.endswith("/" + SCHOOL_FILE)})
    head_editors = {slug: _head_editors(head, root, slug) for slug in touched_profiles}
    findings = scope_findings(author, changes, base_editors, maintainers, head_editors)
    other = [c for c in changes if not c.is_plan]
    return Report(problems, diffs, other, findings, summary(problems, root, diffs, other, findings))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="pr-check",
        description="Tóm tắt thay đổi của một pull request so với nhánh gốc và kiểm tra phạm vi sửa của biên tập viên.",
    )
    parser.add_argument("--base", required=True, help="commit hoặc nhánh gốc để so sánh, ví dụ origin/main hoặc HEAD^1")
    parser.add_argument("--author", default=None, help="tài khoản GitHub của người mở pull request")
    parser.add_argument("--root", default=".", help="thư mục gốc của kho (mặc định: thư mục hiện tại)")
    parser.add_argument(
        "--summary", default=os.environ.get("GITHUB_STEP_SUMMARY"),
        help="tệp ghi tóm tắt Markdown (mặc định: $GITHUB_STEP_SUMMARY, nếu không có thì in ra màn hình)",
    )
    args = parser.parse_args(argv)
    try:
        report = check(Path(args.root), args.base, args.author)
    except GitError as e:
        print(f"Không so sánh được với «{args.base}»: {e}", file=sys.stderr)
        return 2
    for f in report.findings:
        print(f.annotation())
    if args.summary:
        with open(args.summary, "a", encoding="utf-8") as fh:
            fh.write(report.text)
        print(f"Đã ghi tóm tắt vào {args.summary}.")
    else:
        print(report.text)
    return 0 if report.ok else 1
