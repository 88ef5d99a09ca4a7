"""What a pull request changes: the files that differ from the base commit (git), the base
commit's plans/ extracted for comparison, and the rows added, removed or changed per plan."""

from __future__ import annotations

import io
import subprocess
import tarfile
from dataclasses import dataclass, field
from pathlib import Path

from congkhai.commands.codeowners import MAINTAINERS_FILE
from congkhai.core.loader import YEAR_FILE, load_plan, load_school
from congkhai.core.model import Corpus, Plan
from congkhai.core.problems import ProblemList

PLANS = "plans"


class GitError(Exception):
    """A git command failed, or git is missing."""


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


# --- what changed in the plans ------------------------------------------------------------

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
