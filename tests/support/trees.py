"""A one-school plans/ tree in a temporary folder: the smallest input the loader accepts."""

from __future__ import annotations

from pathlib import Path

PROFILE = """\
ten: Trường THCS Thử Nghiệm
cap_hoc: thcs
quan_huyen: Gò Vấp
tinh_thanh: TP. Hồ Chí Minh
"""


PLAN = """\
---
nam_hoc: 2024-2025
thong_tu: 18/2018
so_hieu: 12/KH-TN
dia_danh: Gò Vấp
ngay_ban_hanh: 2024-09-04
cai_tien:
  - tieu_chi: "1.3"
    diem_yeu: Kỹ năng tổ chức hoạt động còn hạn chế.
    giai_phap:
      - Tạo điều kiện cho tổng phụ trách đi bồi dưỡng.
    chu_tri: Hiệu trưởng
    kinh_phi: 1500000
  - tieu_chi: "5.3"
    diem_yeu: Giáo dục địa phương còn nặng lý thuyết.
    giai_phap: Tổ chức tham quan thực tế.
nguoi_ky: Nguyễn Văn A
chuc_vu_nguoi_ky: HIỆU TRƯỞNG
noi_nhan:
  - Phòng GDĐT (để b/c);
  - Lưu VT.
---
## I. MỤC TIÊU

Nâng cao chất lượng.

<!-- bang-ke-hoach -->
"""


def make_tree(tmp_path: Path, plan: str | bytes = PLAN, profile: str | None = PROFILE, name: str = "2024-2025.md") -> Path:
    school = tmp_path / "plans" / "thcs-thu-nghiem"
    school.mkdir(parents=True)
    if profile is not None:
        (school / "truong.yml").write_text(profile, "utf-8")
    target = school / name
    if isinstance(plan, bytes):
        target.write_bytes(plan)
    else:
        target.write_text(plan, "utf-8")
    return tmp_path / "plans"
