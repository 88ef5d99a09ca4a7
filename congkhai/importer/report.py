"""The Vietnamese report of an import: where it wrote, what it recognised, what it corrected,
what it left out as layout, and every piece of text it could not place."""

from __future__ import annotations

from .convert import Plan

FIELD_LABELS = {
    "co_quan_chu_quan": "cơ quan chủ quản",
    "ten_truong": "tên trường",
    "so_hieu": "số hiệu",
    "dia_danh": "địa danh",
    "tieu_de": "trích yếu",
    "chuc_vu_nguoi_ky": "chức vụ người ký",
    "noi_nhan": "nơi nhận",
}


def summary(plan: Plan) -> list[str]:
    meta = plan.meta
    ids = ", ".join(r["tieu_chi"] for r in meta["cai_tien"])
    layout = meta["mau_bang"].value if hasattr(meta["mau_bang"], "value") else meta["mau_bang"]
    return [f"Kế hoạch năm học {plan.year}, Thông tư {meta['thong_tu']}, bảng {layout}, {plan.rows} tiêu chí: {ids}."]


def preview(plan: Plan) -> list[str]:
    """Each row as the editor will find it in the file: field by field, measures one per line."""
    out = []
    for row in plan.meta["cai_tien"]:
        out.append(f"Tiêu chí {row['tieu_chi']}:")
        for name, value in row.items():
            if name == "tieu_chi":
                continue
            if isinstance(value, list):
                out.append(f"  {name} ({len(value)}):")
                out.extend(f"    - {v}" for v in value)
            else:
                out.append(f"  {name}: " + str(value).replace("\n", " / "))
    return out


def details(plan: Plan) -> list[str]:
    lines: list[str] = []
    if plan.notes:
        lines.append("Cách đọc văn bản:")
        lines.extend(n if n.startswith("  ") else f"  - {n}" for n in plan.notes)
    if plan.warnings:
        lines.append("Cảnh báo:")
        lines.extend(f"  - {w}" for w in plan.warnings)
    if plan.corrections:
        lines.append("Đã sửa lại theo văn bản gốc (bản quét thiếu dấu hoặc nhận dạng sai):")
        lines.extend(f"  - {FIELD_LABELS.get(f, f)}: «{old}» → «{new}»" for f, old, new in plan.corrections)
    if plan.structural:
        unique = list(dict.fromkeys(s.strip() for s in plan.structural if s.strip()))
        numbers = [s for s in unique if s.rstrip(".").isdigit()]
        shown = [f"«{s}»" for s in unique if s not in numbers]
        if numbers:
            shown.append(f"số thứ tự các dòng của bảng ({', '.join(numbers)})")
        lines.append(f"Phần khung của văn bản, không chép vào kế hoạch (được tạo lại khi in): {'; '.join(shown)}")
    if plan.unplaced:
        lines.append(
            f"Chưa xếp được {len(plan.unplaced)} đoạn; đã chép vào cuối tệp kế hoạch, mục "
            "«Nội dung chưa xếp được (cần biên tập viên kiểm tra)»:"
        )
        lines.extend(f"  - {u}" for u in plan.unplaced)
    else:
        lines.append(
            "Mọi nội dung của văn bản đã được xếp vào kế hoạch." if plan.audit_text is None else
            "Mọi nội dung của các mục «Điểm yếu», «Kế hoạch cải tiến», «Tự đánh giá» đã được xếp vào kế hoạch."
        )
    return lines
