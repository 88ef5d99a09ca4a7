"""When each plan file last changed, from git history: one `git log` for the whole build.

A page per plan asking git separately would cost one process per plan (minutes at 10,000 plans),
so the whole history of the plans folder is read once and the newest date of each path kept.
Outside a git work tree (a test folder, a downloaded archive) there are simply no dates.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

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
