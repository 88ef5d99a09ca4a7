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
import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from congkhai.commands.codeowners import MAINTAINERS_FILE, read_maintainers
from congkhai.commands.pr_changes import PLANS, Change, GitError, PlanDiff, changed_files, diff_plan, extract_base
from congkhai.commands.pr_scope import Finding, base_editors, head_editors, scope_findings
from congkhai.commands.pr_summary import summary
from congkhai.core.loader import SCHOOL_FILE, load_corpus
from congkhai.core.problems import ProblemList


@dataclass
class Report:
    """Everything pr-check found; ok unless a scope finding is an error."""

    problems: ProblemList
    diffs: list[PlanDiff]
    other: list[Change]
    findings: list[Finding]
    text: str

    @property
    def ok(self) -> bool:
        return not any(f.level == "error" for f in self.findings)


def check(root: Path, base: str, author: str | None) -> Report:
    """Compare the working tree with base and judge the scope of author's changes."""
    root = root.resolve()
    changes = changed_files(root, base)
    head, problems = load_corpus(root / PLANS)
    with tempfile.TemporaryDirectory(prefix="congkhai-base-") as tmp:
        base_root = Path(tmp)
        extract_base(root, base, base_root)
        base_plans = base_root / PLANS
        diffs = [diff_plan(c, head, base_plans) for c in changes if c.is_plan]
        editors = base_editors(base_plans)
        maintainers = read_maintainers(base_root / MAINTAINERS_FILE, ProblemList())
    touched_profiles = sorted({c.school for c in changes if c.school and c.path.endswith("/" + SCHOOL_FILE)})
    profiles = {slug: head_editors(head, root, slug) for slug in touched_profiles}
    findings = scope_findings(author, changes, editors, maintainers, profiles)
    other = [c for c in changes if not c.is_plan]
    return Report(problems, diffs, other, findings, summary(problems, root, diffs, other, findings))


def main(argv: list[str]) -> int:
    """Print the findings as GitHub annotations and write the summary; 1 when out of scope."""
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
