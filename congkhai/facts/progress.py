"""What happened to each promise: the status of rows at their checkpoints, and the school year now.

A row's `thuc_hien` lists its checkpoints in the order the school recorded them (end of semester
I, end of year, …); the last one is the row's current status. Thông tư 18/2018 (Điều 41–43) has
schools report results every year and the Sở and Phòng supervise them; Thông tư 57/2026 puts a
«Mức độ thực hiện» column with the same three levels in the plan itself.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from congkhai.core import catalog
from congkhai.core.model import Checkpoint, Plan, Progress, Row, SchoolRecord
from congkhai.core.text import fold

NOT_TRACKED = "Chưa theo dõi"
"""A row with no checkpoint yet."""

LEVELS = (Progress.HOAN_THANH, Progress.DANG_THUC_HIEN, Progress.CHUA_HOAN_THANH)
RANK = {level: i for i, level in enumerate(LEVELS)}
"""Completed first: the order of rows on a criterion page ("how did other schools fix this?")."""

SCHOOL_YEAR_START_MONTH = 8
"""Plans for a school year are written from August; from then on it is the current year."""

_YEAR = re.compile(r"^(\d{4})-(\d{4})$")


def school_year_of(day: dt.date) -> str:
    """The school year a date falls in: 2026-12-05 -> "2026-2027", 2027-03-01 -> "2026-2027"."""
    first = day.year if day.month >= SCHOOL_YEAR_START_MONTH else day.year - 1
    return f"{first}-{first + 1}"


def current_school_year(chosen: str | None = None, today: dt.date | None = None) -> str:
    """The year oversight pages report on: the one configured (tests, a past report), else today's."""
    if chosen:
        m = _YEAR.match(str(chosen).strip())
        if not m or int(m[2]) != int(m[1]) + 1:
            raise ValueError(f"năm học hiện tại «{chosen}» phải có dạng NĂM-NĂM+1, ví dụ 2026-2027")
        return m[0]
    return school_year_of(today or dt.date.today())


def latest(row: Row) -> Checkpoint | None:
    """The row's last checkpoint; None when nothing is recorded yet."""
    return row.thuc_hien[-1] if row.thuc_hien else None


def status(row: Row) -> Progress | None:
    """The row's current level: its last checkpoint's."""
    point = latest(row)
    return point.muc_do if point else None


def status_rank(row: Row) -> int:
    """0 completed, 1 in progress, 2 not completed, 3 not tracked."""
    level = status(row)
    return RANK[level] if level is not None else len(LEVELS)


@dataclass(frozen=True)
class LevelCount:
    """One bar of a completion chart: a level and how many rows reached it."""

    label: str
    key: str  # the Progress value, or "chua-theo-doi"
    count: int


def level_counts(rows: Iterable[Row]) -> list[LevelCount]:
    """Rows by current level, every level listed (zeros too) so charts compare across pages."""
    counts = Counter(status(r) for r in rows)
    out = [LevelCount(level.label, level.value, counts.get(level, 0)) for level in LEVELS]
    out.append(LevelCount(NOT_TRACKED, "chua-theo-doi", counts.get(None, 0)))
    return out


@dataclass(frozen=True)
class CheckpointCount:
    """Rows at one checkpoint name ("Cuối học kỳ I") by level."""

    name: str
    levels: list[LevelCount]

    @property
    def total(self) -> int:
        return sum(c.count for c in self.levels)

    @property
    def done(self) -> int:
        return self.levels[0].count


def checkpoint_counts(rows: Iterable[Row]) -> list[CheckpointCount]:
    """For each checkpoint name (spelling-insensitive, in the order first met), rows by level."""
    names: dict[str, str] = {}
    counts: dict[str, Counter] = {}
    for row in rows:
        for point in row.thuc_hien:
            key = fold(point.moc).strip(" .:")
            names.setdefault(key, point.moc)
            counts.setdefault(key, Counter())[point.muc_do] += 1
    return [
        CheckpointCount(names[k], [LevelCount(level.label, level.value, counts[k].get(level, 0)) for level in LEVELS])
        for k in names
    ]


def completed(plan: Plan) -> int:
    """Measures (rows) of a plan whose current status is completed."""
    return sum(1 for r in plan.rows if status(r) == Progress.HOAN_THANH)


def recurring(school: SchoolRecord) -> set[tuple[str, str]]:
    """(catalog key, criterion) weak in two or more consecutive plans of the school: in one plan
    and in the school's next one (a year without a plan does not break the run)."""
    plans = sorted(school.plans, key=lambda p: p.first_year)
    found: set[tuple[str, str]] = set()
    for before, after in zip(plans, plans[1:]):
        earlier = {(catalog.of(before).key, r.tieu_chi) for r in before.rows}
        found |= earlier & {(catalog.of(after).key, r.tieu_chi) for r in after.rows}
    return found


@dataclass(frozen=True)
class Change:
    """A row whose level changed at a checkpoint (the first checkpoint is a change from nothing)."""

    plan: Plan
    row: Row
    point: Checkpoint
    before: Progress | None


def changes(plan: Plan) -> list[Change]:
    """Every change of level in a plan, row by row, in the order recorded."""
    out = []
    for row in plan.rows:
        before = None
        for point in row.thuc_hien:
            if point.muc_do != before:
                out.append(Change(plan, row, point, before))
            before = point.muc_do
    return out
