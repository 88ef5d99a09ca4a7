"""The monitoring table of a plan (Biểu 2, mục VI «Theo dõi và đánh giá thực hiện»).

Its rows are the circular's monitoring points (Cuối học kỳ I, Cuối năm học); its content is the
plan rows' own checkpoints (`thuc_hien`), so a result is written once, on its row, and shows both
in the row's column «Mức độ thực hiện» and here. A point nobody has reported on yet stays as an
empty line, as the printed form leaves it to be filled in.
"""

from __future__ import annotations

from dataclasses import dataclass

from congkhai.core import catalog
from congkhai.core.model import Plan

COLUMNS = ("Thời điểm", "Nội dung theo dõi", "Kết quả thực hiện", "Điều chỉnh (nếu có)", "Người đánh giá")
"""The form's columns (Biểu 2, mục VI)."""


@dataclass(frozen=True)
class Entry:
    content: str  # "1. Tiêu chí 1.4"
    result: str
    adjustment: str
    assessor: str
    anchor: str


@dataclass(frozen=True)
class Point:
    name: str  # "Cuối học kỳ I"
    entries: tuple[Entry, ...]


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def monitoring(plan: Plan) -> list[Point]:
    """One point per monitoring point of the circular (then any other point the rows name);
    empty when the circular's form has no monitoring table."""
    circ = catalog.of(plan)
    if not circ.checkpoints:
        return []
    names = {_key(n): n for n in circ.checkpoints}
    found: dict[str, list[Entry]] = {k: [] for k in names}
    for number, row in enumerate(plan.rows, start=1):
        for point in row.thuc_hien:
            key = _key(point.moc)
            names.setdefault(key, point.moc)
            result = point.muc_do.label + (f" ({point.ngay:%d/%m/%Y})" if point.ngay else "")
            detail = "; ".join(x for x in (point.ghi_chu, ", ".join(point.minh_chung)) if x)
            found.setdefault(key, []).append(Entry(
                content=f"{number}. Tiêu chí {row.tieu_chi}",
                result=f"{result}: {detail}" if detail else result,
                adjustment=point.dieu_chinh or "",
                assessor=point.nguoi_danh_gia or "",
                anchor=row.anchor,
            ))
    return [Point(names[k], tuple(entries)) for k, entries in found.items()]
