"""Data files of the «Thêm / sửa kế hoạch» form (assets/tieu-chi.json, assets/truong.json).

The form writes plan files in the browser; it learns the circulars, the choices and the help of
every field from here (the model's descriptions, so the form and the JSON Schema say the same).
"""

from __future__ import annotations

import json

from congkhai.core import catalog
from congkhai.core.fields import ROW_FIELDS
from congkhai.core.model import Corpus, Level, PlanMeta, Row, School, SourceKind
from congkhai.facts.context import BuildContext

CRITERIA_FILE = "assets/tieu-chi.json"
SCHOOLS_FILE = "assets/truong.json"
PLAN_SCHEMA = "../../schema/ke-hoach.schema.json"
SCHOOL_SCHEMA = "../../schema/truong.schema.json"

SOURCE_LABELS = {"van-ban": "Gõ hoặc chép từ văn bản", "ocr": "Nhận dạng chữ từ bản quét (OCR)"}

# Help of the form's choices and its date, in the words the form shows (the model's
# descriptions name the file's values, «van-ban», «9-cot», which the form never shows).
FORM_HELP = {
    "form.nguon_van_ban": (
        f"Chọn «{SOURCE_LABELS['ocr']}» khi chữ được máy đọc từ ảnh chụp hoặc bản quét: "
        "trang web và bản in sẽ báo người đọc rằng chữ có thể sai hoặc thiếu dấu."
    ),
    "form.mau_bang": "Bảng in theo mẫu nào; để trống thì in theo mẫu đầu tiên của thông tư.",
    "form.cap_hoc": "Trường phổ thông có nhiều cấp học (ví dụ tiểu học và THCS) chọn «Nhiều cấp học».",
    "form.ngay_ban_hanh": "Ngày/tháng/năm như trên văn bản, ví dụ 04/09/2024.",
}


def authoring_data() -> dict:
    """What the «Thêm / sửa kế hoạch» form needs, as JSON-ready data: the criteria of each
    circular, the choices and the help text of every field (the model's descriptions, so the
    form and the schema say the same thing)."""
    circulars = []
    layouts = {key: layout for circ in catalog.circulars().values() for key, layout in circ.layouts.items()}
    for circ in catalog.circulars().values():
        circulars.append({
            "ma": circ.code,
            "ky_hieu": circ.key,
            "ten": circ.short,
            "nhan": circ.name,
            "tu_nam_hoc": circ.first_year,
            "den_nam_hoc": circ.last_year,
            "ap_dung": circ.applies_to,
            "cap_hoc": [lv.value for lv in circ.levels],
            "mau_bang": list(circ.layouts),
            "tieu_chuan": [
                {"ma": s.id, "nhan": s.label, "ten": s.title, "tieu_chi": [{"ma": c.id, "ten": c.title} for c in s.criteria]}
                for s in circ.standards
            ],
        })
    help_text = {f"ke_hoach.{k}": v.description for k, v in PlanMeta.model_fields.items() if v.description}
    help_text |= {f"dong.{k}": v.description for k, v in Row.model_fields.items() if v.description}
    help_text |= {f"truong.{k}": v.description for k, v in School.model_fields.items() if v.description}
    help_text |= FORM_HELP
    return {
        "thong_tu": circulars,
        "cap_hoc": [
            {"ma": lv.value, "ten": lv.label, "thong_tu": catalog.circular_for_level(lv).code} for lv in Level
        ],
        "mau_bang": [{"ma": layout.key, "ten": layout.title} for layout in layouts.values()],
        "dong": [{"ma": f.key, "ten": f.form_label, "kieu": f.kind} for f in ROW_FIELDS],
        "nguon_van_ban": [{"ma": s.value, "ten": SOURCE_LABELS.get(s.value, s.value)} for s in SourceKind],
        "tieu_de": PlanMeta.model_fields["tieu_de"].default,
        "mo_ta": help_text,
        "schema": {"ke_hoach": PLAN_SCHEMA, "truong": SCHOOL_SCHEMA},
    }


def school_index(corpus: Corpus) -> list[dict]:
    """Known schools and the years they have plans for: the form warns before a duplicate and
    proposes the circular of the school's level. Kept apart from the criteria (it grows with the
    corpus) and loaded by the form only when needed."""
    return [
        {"ma": slug, "ten": r.profile.ten, "cap_hoc": r.profile.cap_hoc.value, "nam_hoc": [p.year for p in r.plans]}
        for slug, r in sorted(corpus.schools.items())
    ]


def write_form_data(ctx: BuildContext) -> None:
    """Post-build step: both data files of the form."""
    for name, data in ((CRITERIA_FILE, authoring_data()), (SCHOOLS_FILE, school_index(ctx.corpus))):
        target = ctx.site_dir / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), "utf-8")
