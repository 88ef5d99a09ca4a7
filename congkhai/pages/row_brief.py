"""A plan row as lists across plans show it (criterion pages, a school's recurring criteria):
what was weak and the first measure, briefly, its level, and a link to the whole row."""

from __future__ import annotations

from functools import cached_property

from congkhai.core.model import Checkpoint, Progress, Row
from congkhai.core.text import brief
from congkhai.facts import progress


class RowBrief:
    """Mixed into the views that carry a `row` and its `url`; the templates' partial
    ck-row-brief.html shows it."""

    row: Row

    @property
    def weakness(self) -> str:
        """What the row says is wrong, whichever column the school wrote it in."""
        return brief(self.row.diem_yeu or self.row.ket_qua_can_dat or self.row.noi_dung or "")

    @cached_property
    def measure(self) -> str:
        """The first measure; the plan's row has them all."""
        return brief(self.row.giai_phap[0]) if self.row.giai_phap else ""

    @property
    def more_measures(self) -> int:
        return max(len(self.row.giai_phap) - 1, 0)

    @property
    def shortened(self) -> bool:
        """Whether the first measure was cut (the list then links to the rest)."""
        return bool(self.row.giai_phap) and len(self.measure) < len(" ".join(self.row.giai_phap[0].split()))

    @property
    def status(self) -> Progress | None:
        """The row's current level (its last checkpoint), None when not tracked."""
        return progress.status(self.row)

    @property
    def checkpoint(self) -> Checkpoint | None:
        return progress.latest(self.row)
