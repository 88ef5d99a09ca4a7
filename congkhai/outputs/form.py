"""Data files of the «Thêm / sửa kế hoạch» form (assets/tieu-chi.json, assets/truong.json).

The form writes plan files in the browser; it learns the circulars, the choices and the help of
every field from here (the model's descriptions, so the form and the JSON Schema say the same).
"""

from __future__ import annotations

import json

from congkhai.core import catalog
from congkhai.core.model import Corpus, Level, PlanMeta, Row, School, SourceKind, TableLayout
from congkhai.facts.context import BuildContext

CRITERIA_FILE = "assets/tieu-chi.json"
SCHOOLS_FILE = "assets/truong.json"
PLAN_SCHEMA = "../../schema/ke-hoach.schema.json"
SCHOOL_SCHEMA = "../../schema/truong.schema.json"

TABLE_LABELS = {
    "9-cot": "9 cột (mẫu Công văn 5932)",
    "5-cot": "5 cột (Mặt yếu / Biện pháp)",
    "10-cot": "10 cột (có phân công giám sát, thời điểm báo cáo)",
}
SOURCE_LABELS = {"van-ban": "Gõ hoặc chép từ văn bản", "ocr": "Nhận dạng chữ từ bản quét (OCR)"}


def authoring_data() -> dict:
    """What the «Thêm / sửa kế hoạch» form needs, as JSON-ready data: the criteria of each
    circular, the choices and the help text of every field (the model's descriptions, so the
    form and the schema say the same thing)."""
    circulars = []
    for circ in catalog.circulars().values():
        circulars.append({
            "ma": circ.code,
            "ky_hieu": circ.key,
            "ten": circ.short,
            "ap_dung": circ.applies_to,
            "cap_hoc": [lv.value for lv in circ.levels],
            "tieu_chuan": [
                {"ma": s.id, "nhan": s.label, "ten": s.title, "tieu_chi": [{"ma": c.id, "ten": c.title} for c in s.criteria]}
                for s in circ.standards
            ],
        })
    help_text = {f"ke_hoach.{k}": v.description for k, v in PlanMeta.model_fields.items() if v.description}
    help_text |= {f"dong.{k}": v.description for k, v in Row.model_fields.items() if v.description}
    help_text |= {f"truong.{k}": v.description for k, v in School.model_fields.items() if v.description}
    return {
        "thong_tu": circulars,
        "cap_hoc": [
            {"ma": lv.value, "ten": lv.label, "thong_tu": catalog.circular_for_level(lv).code} for lv in Level
        ],
        "mau_bang": [{"ma": t.value, "ten": TABLE_LABELS.get(t.value, t.value)} for t in TableLayout],
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
