"""The CSV files beside each oversight page: its schools (truong.csv) and its numbers (so-lieu.csv).

They hold what the page's tables hold (the same Area and Chart objects), in the open-data format
of outputs/exports.py (UTF-8 with BOM, for Excel).
"""

from __future__ import annotations

from congkhai.facts.context import BuildContext
from congkhai.facts.oversight import Area
from congkhai.outputs.exports import absolute, to_csv

SCHOOL_COLUMNS = [
    ("truong", "Trường"),
    ("tinh_hien_nay", "Tỉnh, thành phố hiện nay"),
    ("phuong_xa_hien_nay", "Phường, xã hiện nay"),
    ("quan_huyen", "Quận, huyện (như hồ sơ ghi)"),
    ("tinh_thanh", "Tỉnh, thành phố (như hồ sơ ghi)"),
    ("nam_hoc", "Năm học"),
    ("cong_khai", "Công khai"),
    ("so_tieu_chi", "Số tiêu chí"),
    ("hoan_thanh", "Số tiêu chí hoàn thành"),
    ("ke_hoach", "Kế hoạch"),
]
NUMBER_COLUMNS = [("bang", "Bảng"), ("muc", "Mục"), ("so", "Số")]


def school_rows(area: Area, site_url: str | None) -> list[dict]:
    return [
        {
            "truong": line.school.name,
            "tinh_hien_nay": line.province,
            "phuong_xa_hien_nay": line.commune,
            "quan_huyen": line.district,
            "tinh_thanh": line.school.profile.tinh_thanh or "",
            "nam_hoc": area.year,
            "cong_khai": line.state,
            "so_tieu_chi": len(line.plan.rows) if line.plan else "",
            "hoan_thanh": line.done if line.plan else "",
            "ke_hoach": absolute(line.plan.url, site_url) if line.plan else "",
        }
        for line in area.lines
    ]


def number_rows(area: Area) -> list[dict]:
    """Every chart's bars (the weak criteria all of them, not only the ones drawn)."""
    charts = [c for c in area.charts() if c.key != "tieu-chi"] + [area.weak_chart(limit=None)]
    return [{"bang": chart.title, "muc": bar.full, "so": bar.value} for chart in charts for bar in chart.bars]


def write_oversight(ctx: BuildContext) -> None:
    for area in ctx.oversight_areas:
        folder = ctx.site_dir / area.url
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "truong.csv").write_bytes(to_csv(SCHOOL_COLUMNS, school_rows(area, ctx.site_url)))
        (folder / "so-lieu.csv").write_bytes(to_csv(NUMBER_COLUMNS, number_rows(area)))
