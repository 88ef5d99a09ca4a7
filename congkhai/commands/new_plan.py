"""`scripts/new-plan <school-slug> <year>`: a new plan file with every field and Vietnamese comments.

The file is written from the model itself (field order, descriptions, defaults), so a field added
to `PlanMeta` or `Row` appears here without touching this module. Optional fields are left empty
(null), which is valid; an editor only has to fill the required ones (`tieu_chi`, and `thong_tu`
for a new school) and may delete what the plan does not have. A new school also gets a profile
with every field empty. Nothing is ever overwritten.
"""

from __future__ import annotations

import argparse
import json
import sys
import typing
from enum import Enum
from pathlib import Path

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from congkhai.core import catalog
from congkhai.core.text import MONITOR_MARKER, TABLE_MARKER
from congkhai.outputs.form import PLAN_SCHEMA, SCHOOL_SCHEMA
from congkhai.core.loader import SCHOOL_FILE, load_school
from congkhai.core.model import SCHOOL_YEAR, SLUG, PlanMeta, Row, School
from congkhai.core.problems import ProblemList


# Extra guidance for fields whose YAML shape trips editors up.
HINTS = {
    "nam_hoc": "Phải trùng với tên tệp.",
    "thong_tu": "Phải hợp với cấp học ghi trong truong.yml.",
    "tieu_chi": "Luôn viết trong ngoặc kép. Danh mục tiêu chí: trang «Tiêu chí» của trang web.",
    "giai_phap": "Xóa «[]» rồi viết mỗi giải pháp một dòng bắt đầu bằng «- », thụt vào 2 dấu cách so với «giai_phap:».",
    "noi_nhan": "Xóa «[]» rồi viết mỗi nơi nhận một dòng bắt đầu bằng «- », thụt vào 2 dấu cách.",
    "ten_tieu_chuan": "Xóa «{}» rồi viết mỗi tiêu chuẩn một dòng, thụt vào 2 dấu cách, ví dụ:  \"5\": \"Hoạt động giáo dục ...\"",
    "bien_tap_vien": "Xóa «[]» rồi viết mỗi tài khoản một dòng bắt đầu bằng «- », thụt vào 2 dấu cách.",
    "kinh_phi": "Để trống nếu không có.",
    "thuc_hien": (
        "Ghi sau mỗi mốc theo dõi bằng một yêu cầu sửa tệp (pull request): xóa «[]» rồi viết mỗi mốc "
        "một mục, thụt vào 2 dấu cách, như ví dụ ở trên."
    ),
}

# Examples printed above a field's comment (the comment stays right before the field).
EXAMPLES = {
    "thuc_hien": (
        "Ví dụ kết quả thực hiện:",
        "thuc_hien:",
        "  - moc: Cuối học kỳ I",
        "    muc_do: dang-thuc-hien   # hoan-thanh, dang-thuc-hien hoặc chua-hoan-thanh",
        "    ngay: 2025-01-15",
        "    ghi_chu: Đã mua 300 đầu sách.",
        "    minh_chung: [\"[H5-5.3-01]\", \"https://...\"]",
    ),
}

BODY = """\
<!-- Phần thân: các mục của văn bản, viết như văn bản thường; tiêu đề mục bắt đầu bằng «## ».
     Những dòng chú thích như dòng này không hiện trên trang web; có thể xóa. -->

## I. MỤC ĐÍCH, YÊU CẦU

<!-- Mục đích, yêu cầu của kế hoạch. -->

## II. CĂN CỨ XÂY DỰNG KẾ HOẠCH

<!-- Các văn bản làm căn cứ: thông tư, báo cáo tự đánh giá, báo cáo đánh giá ngoài... -->

## III. NỘI DUNG KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC

<!-- Dòng dưới đây đánh dấu chỗ đặt bảng kế hoạch (dựng từ mục cai_tien ở phần đầu); giữ nguyên. -->
{marker}

## IV. TỔ CHỨC THỰC HIỆN

<!-- Phân công thực hiện, kiểm tra, giám sát, chế độ báo cáo. -->
""".format(marker=TABLE_MARKER)

# The eight parts of Biểu 2 (Mẫu số 2, Phụ lục V, Thông tư 57/2026), with both tables in place.
BODY_BIEU_2 = """\
<!-- Phần thân theo Biểu 2 (Thông tư 57/2026): các mục I đến VIII; tiêu đề mục bắt đầu bằng «## ».
     Những dòng chú thích như dòng này không hiện trên trang web; có thể xóa. -->

## I. THÔNG TIN CHUNG

<!-- Tên trường, loại hình, địa chỉ. -->

## II. CĂN CỨ XÂY DỰNG KẾ HOẠCH

<!-- Báo cáo tự đánh giá năm học trước, kết quả thực hiện kế hoạch năm trước, kế hoạch năm học... -->

## III. MỤC ĐÍCH, YÊU CẦU

<!-- Không lập kế hoạch cho mọi tiêu chí: chỉ các vấn đề ưu tiên. -->

## IV. TÓM TẮT CÁC VẤN ĐỀ TRỌNG TÂM CẦN CẢI TIẾN

## V. KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG

<!-- Dòng dưới đây đánh dấu chỗ đặt bảng 10 cột (dựng từ mục cai_tien ở phần đầu); giữ nguyên. -->
{marker}

## VI. THEO DÕI VÀ ĐÁNH GIÁ THỰC HIỆN (GIÁM SÁT NỘI BỘ)

<!-- Dòng dưới đây đánh dấu chỗ đặt bảng theo dõi (Cuối học kỳ I, Cuối năm học), dựng từ mục thuc_hien của
     từng dòng; giữ nguyên. -->
{monitor}

## VII. TỔ CHỨC THỰC HIỆN

## VIII. CƠ CHẾ ĐÁNH GIÁ VÀ BÁO CÁO
""".format(marker=TABLE_MARKER, monitor=MONITOR_MARKER)


def _is_required(info: FieldInfo) -> bool:
    return info.is_required()


def _base_type(annotation: object) -> object:
    """The type inside Optional[...] / Annotated[...]."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
            continue
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if origin in (typing.Union, getattr(__import__("types"), "UnionType", None)) and len(args) == 1:
            annotation = args[0]
            continue
        return annotation


def _quote(value: str) -> str:
    """A double-quoted YAML scalar (JSON string syntax is valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def _comment(info: FieldInfo, name: str, indent: str) -> list[str]:
    text = info.description or ""
    if _is_required(info):
        text = f"(Bắt buộc) {text}"
    if name in HINTS:
        text = f"{text} {HINTS[name]}"
    return [f"{indent}# {line}".rstrip() for line in EXAMPLES.get(name, ())] + [f"{indent}# {text.strip()}"]


def _value(name: str, info: FieldInfo, given: dict[str, str]) -> str:
    """The YAML text after `key:` for one field: given value, default, or empty."""
    if name in given:
        return " " + _quote(given[name])
    kind = _base_type(info.annotation)
    origin = typing.get_origin(kind) or kind
    if origin is list:
        return " []"
    if origin is dict:
        return " {}"
    if not _is_required(info) and info.default is not None and info.default_factory is None:
        default = info.default
        if isinstance(default, Enum):
            return " " + str(default.value)
        return " " + _quote(str(default))
    if _is_required(info) and kind is str:
        return ' ""'
    return ""


def _fields(model: type[BaseModel], given: dict[str, str], indent: str, first: str | None = None) -> list[str]:
    """One commented `key: value` line per field; `first` replaces the indent of the first key
    (the `- ` that opens a list item)."""
    out: list[str] = []
    for i, (name, info) in enumerate(model.model_fields.items()):
        lead = first if (first is not None and i == 0) else indent
        out.extend(_comment(info, name, indent if lead == indent else first[:-2]))
        if model is PlanMeta and name == "cai_tien":
            out.append(f"{lead}cai_tien:")
            out.append(f"{indent}  # Mỗi tiêu chí cần cải tiến là một khối bắt đầu bằng «- tieu_chi:»; muốn thêm dòng, chép cả khối.")
            out.extend(_fields(Row, {}, indent + "    ", first=indent + "  - "))
            continue
        out.append(f"{lead}{name}:{_value(name, info, given)}")
    return out


def plan_text(year: str, circular: str | None = None) -> str:
    given = {"nam_hoc": year}
    if circular:
        given["thong_tu"] = circular
    lines = ["---", f"# yaml-language-server: $schema={PLAN_SCHEMA}"]
    lines += _fields(PlanMeta, given, "")
    lines.append("---")
    form = catalog.find(circular) if circular else None
    return "\n".join(lines) + "\n\n" + (BODY_BIEU_2 if form and form.checkpoints else BODY)


def school_text() -> str:
    lines = [
        f"# yaml-language-server: $schema={SCHOOL_SCHEMA}",
        "# Hồ sơ trường. Điền ít nhất «ten» và «cap_hoc»; để trống mục chưa biết, đừng ghi phỏng đoán.",
    ]
    lines += _fields(School, {}, "")
    return "\n".join(lines) + "\n"


def normalise_year(text: str) -> str | None:
    """"2024-2025" stays; "2024" means the school year starting in 2024."""
    text = text.strip()
    if text.isdigit() and len(text) == 4:
        return f"{text}-{int(text) + 1}"
    m = SCHOOL_YEAR.match(text)
    if m and int(m[2]) == int(m[1]) + 1:
        return text
    return None


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="new-plan",
        description="Tạo tệp kế hoạch mới plans/<mã-trường>/<năm-học>.md có đủ các mục và chú thích.",
    )
    parser.add_argument("truong", metavar="MÃ-TRƯỜNG", help="tên thư mục của trường, ví dụ thcs-tan-son-go-vap")
    parser.add_argument("nam_hoc", metavar="NĂM-HỌC", help="năm học, ví dụ 2024-2025 (hoặc 2024)")
    parser.add_argument("--plans", default="plans", help="thư mục kế hoạch (mặc định: plans)")
    args = parser.parse_args(argv)

    slug = args.truong.strip().strip("/")
    if not SLUG.match(slug):
        print(
            f"Mã trường «{slug}» chỉ được có chữ thường không dấu, số và dấu gạch ngang, ví dụ thcs-tan-son-go-vap.",
            file=sys.stderr,
        )
        return 2
    year = normalise_year(args.nam_hoc)
    if year is None:
        print(f"Năm học «{args.nam_hoc}» phải có dạng 2024-2025 (năm sau hơn năm trước 1).", file=sys.stderr)
        return 2

    folder = Path(args.plans) / slug
    target = folder / f"{year}.md"
    if target.exists():
        print(f"Đã có tệp {target.as_posix()}; không ghi đè. Hãy mở tệp đó để sửa.", file=sys.stderr)
        return 1

    created: list[Path] = []
    circular = None
    profile = folder / SCHOOL_FILE
    first = int(year[:4])
    if profile.exists():
        record = load_school(folder, ProblemList())
        if record is not None:
            circular = catalog.circular_for_level(record.profile.cap_hoc, first).code
    else:
        # From 2026-2027 one circular covers every level: a new school's plan can name it already.
        governing = {c.code for c in catalog.circulars().values() if c.first_year is not None and c.governs(first)}
        circular = governing.pop() if len(governing) == 1 else None
        folder.mkdir(parents=True, exist_ok=True)
        profile.write_text(school_text(), "utf-8")
        created.append(profile)
    target.write_text(plan_text(year, circular), "utf-8")
    created.append(target)

    for path in created:
        print(f"Đã tạo {path.as_posix()}")
    todo = ["«tieu_chi» của từng dòng cai_tien"]
    if circular is None:
        todo.insert(0, "«thong_tu»")
    if profile in created:
        todo.insert(0, f"«ten» và «cap_hoc» trong {profile.as_posix()}")
    print("Việc còn lại: điền " + ", ".join(todo) + ", rồi chạy scripts/validate để kiểm tra.")
    return 0
