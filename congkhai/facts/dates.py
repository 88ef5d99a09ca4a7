"""When each plan file last changed, from git history: one `git log` for the whole build.

A page per plan asking git separately would cost one process per plan (minutes at 10,000 plans),
so the whole history of the plans folder is read once and the newest date of each path kept.
Outside a git work tree (a test folder, a downloaded archive) there are simply no dates.
"""

from __future__ import annotations

import datetime as dt
import logging
import subprocess
from pathlib import Path

from congkhai.core.model import Corpus, Plan

log = logging.getLogger("mkdocs.congkhai")

_DATE = "\x1f"  # marks the date line of each commit in the log output


def parse_log(output: str, root: Path) -> dict[Path, dt.date]:
    """Newest commit date per file from `git log --format=<US>%cs --name-only` output, newest first."""
    dates: dict[Path, dt.date] = {}
    current: dt.date | None = None
    for line in output.splitlines():
        if line.startswith(_DATE):
            try:
                current = dt.date.fromisoformat(line[1:].strip())
            except ValueError:
                current = None
        elif line and current is not None:
            dates.setdefault(root / line, current)
    return dates


def last_changes(root: Path) -> dict[Path, dt.date]:
    """Date of the last commit touching each file under root (absolute paths as keys)."""
    root = Path(root).resolve()
    try:
        result = subprocess.run(
            ["git", "-c", "core.quotePath=false", "-C", str(root), "log", f"--format={_DATE}%cs", "--name-only", "--relative", "--no-renames", "--", "."],
            capture_output=True, text=True, encoding="utf-8", errors="replace", timeout=120, check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return {}
    if result.returncode != 0:
        return {}
    return parse_log(result.stdout, root)


def plan_dates(corpus: Corpus) -> dict[Path, dt.date]:
    """Last commit date of every plan file (resolved paths).

    Plan pages, feeds and exports all need these dates; a build asks once (BuildContext.git_dates).
    A single-school build links the school's folder into a temporary plans dir, so git is asked
    where the files really are. A shallow clone would date every file to its newest commit, so it
    gives none.
    """
    dates: dict[Path, dt.date] = {}
    for root in {plan.path.resolve().parent.parent for plan in corpus.plans}:
        if _shallow(root):
            log.info("Lịch sử git không đầy đủ (shallow clone) ở %s: không có ngày cập nhật từ git; "
                     "khi dựng trang hãy lấy đủ lịch sử (actions/checkout với fetch-depth: 0).", root)
            continue
        dates |= last_changes(root)
    return dates


def last_updated(plan: Plan, git_dates: dict[Path, dt.date]) -> dt.date | None:
    """The one "last updated" of a plan, on its page and in the open data: its file's last
    commit, else its date of issue; None when neither is known (no date is invented)."""
    return git_dates.get(plan.path.resolve()) or plan.meta.ngay_ban_hanh


def _shallow(root: Path) -> bool:
    """Whether root is in a shallow clone, read from the repository files (no extra git process)."""
    for folder in (root, *root.parents):
        dot_git = folder / ".git"
        if dot_git.is_dir():
            return (dot_git / "shallow").exists()
        if dot_git.is_file():  # a worktree or submodule: ".git" names the real git dir
            text = dot_git.read_text("utf-8", "replace").strip()
            git_dir = (folder / text.removeprefix("gitdir:").strip()).resolve()
            common = git_dir / "commondir"
            if common.exists():
                git_dir = (git_dir / common.read_text("utf-8").strip()).resolve()
            return (git_dir / "shallow").exists()
    return False
