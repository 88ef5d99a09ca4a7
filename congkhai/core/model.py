"""The typed model at the centre of congkhai: school, plan, improvement row.

Field names are the keys editors write (Vietnamese without diacritics, snake_case); the
descriptions are what editors see as hover help through the generated JSON Schema, so they are
in Vietnamese. Everything else (site, print, search, import, exports) reads these objects and
never the raw YAML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from enum import StrEnum
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, create_model, field_validator

from congkhai.core.fields import AMOUNT, CHECKPOINTS, LIST, ROW_FIELDS, RowField
from congkhai.core.values import Text, VnDate, as_list, parse_amount, self_level


class Level(StrEnum):
    """Cấp học."""

    MAM_NON = "mam-non"
    TIEU_HOC = "tieu-hoc"
    THCS = "thcs"
    THPT = "thpt"
    NHIEU_CAP = "nhieu-cap"

    @property
    def label(self) -> str:
        return LEVEL_LABELS[self]


LEVEL_LABELS = {
    Level.MAM_NON: "Mầm non",
    Level.TIEU_HOC: "Tiểu học",
    Level.THCS: "THCS",
    Level.THPT: "THPT",
    Level.NHIEU_CAP: "Nhiều cấp học",
}


class TableLayout(StrEnum):
    """Keys of the shared table layouts (core/layouts.yml) that the importer recognises in documents;
    a plan's `mau_bang` may name any layout of its circular's catalog."""

    MAU_9_COT = "9-cot"
    MAT_YEU_5_COT = "5-cot"
    GIAM_SAT_10_COT = "10-cot"
    BIEU_2 = "bieu-2"


class Progress(StrEnum):
    """Mức độ thực hiện của một dòng kế hoạch tại một mốc theo dõi."""

    HOAN_THANH = "hoan-thanh"
    DANG_THUC_HIEN = "dang-thuc-hien"
    CHUA_HOAN_THANH = "chua-hoan-thanh"

    @property
    def label(self) -> str:
        return PROGRESS_LABELS[self]


PROGRESS_LABELS = {
    Progress.HOAN_THANH: "Hoàn thành",
    Progress.DANG_THUC_HIEN: "Đang thực hiện",
    Progress.CHUA_HOAN_THANH: "Chưa hoàn thành",
}


class SourceKind(StrEnum):
    VAN_BAN = "van-ban"
    OCR = "ocr"


CRITERION_ID = re.compile(r"^(?:[1-9]\.[1-9][0-9]?|M4\.[1-9])$")
SCHOOL_YEAR = re.compile(r"^(\d{4})-(\d{4})$")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
EVIDENCE_CODE = re.compile(r"^H\d{1,2}(?:[-.]\d{1,2}){1,3}[-.]\d{1,3}[a-z]?$")




class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, use_enum_values=False)


class School(_Strict):
    """Hồ sơ trường: tệp plans/<mã-trường>/truong.yml."""

    ten: Text = Field(
        min_length=3,
        description="Tên chính thức của trường, ví dụ: Trường THCS Tân Sơn.",
    )
    ten_viet_tat: Text | None = Field(None, description="Tên viết tắt dùng trong số hiệu văn bản, ví dụ: TnS.")
    cap_hoc: Level = Field(
        description="Cấp học: mam-non, tieu-hoc, thcs, thpt hoặc nhieu-cap (trường phổ thông có nhiều cấp học).",
    )
    co_quan_chu_quan: Text | None = Field(
        None, description="Cơ quan chủ quản, ví dụ: UBND quận Gò Vấp, Sở GDĐT Tiền Giang."
    )
    phuong_xa: Text | None = Field(None, description="Phường, xã hoặc thị trấn.")
    quan_huyen: Text | None = Field(None, description="Quận, huyện, thị xã hoặc thành phố thuộc tỉnh.")
    tinh_thanh: Text | None = Field(None, description="Tỉnh hoặc thành phố trực thuộc trung ương.")
    website: Text | None = Field(None, description="Địa chỉ trang thông tin điện tử của trường (https://...).")
    dia_chi: Text | None = Field(None, description="Địa chỉ của trường.")
    dien_thoai: Text | None = Field(None, description="Số điện thoại liên hệ.")
    email: Text | None = Field(None, description="Thư điện tử liên hệ.")
    bien_tap_vien: list[Text] = Field(
        default_factory=list,
        description="Tài khoản GitHub của những người được sửa kế hoạch của trường (không có @).",
    )

    @field_validator("website")
    @classmethod
    def _website(cls, v: str | None) -> str | None:
        if v and not re.match(r"^https?://[^\s/$.?#].[^\s]*$", v):
            raise ValueError("địa chỉ website phải bắt đầu bằng http:// hoặc https://")
        return v

    @field_validator("bien_tap_vien")
    @classmethod
    def _accounts(cls, v: list[str]) -> list[str]:
        for name in v:
            if not re.fullmatch(r"@?[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})", name):
                raise ValueError(f"«{name}» không phải tên tài khoản GitHub hợp lệ")
        return [name.lstrip("@") for name in v]


class _RowBase(_Strict):
    """Một dòng của bảng kế hoạch: một tiêu chí cần cải tiến."""

    tieu_chi: Text = Field(
        description=(
            "Mã tiêu chí theo thông tư, viết trong ngoặc kép: \"1.1\", \"5.3\"; "
            "tiêu chí mức 4 viết \"M4.1\", \"M4.3\"."
        ),
        json_schema_extra={"pattern": CRITERION_ID.pattern},
    )

    @field_validator("tieu_chi", mode="before")
    @classmethod
    def _criterion(cls, v: object) -> object:
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            raise ValueError(f"mã tiêu chí {v} phải viết trong ngoặc kép, ví dụ \"{v}\"")
        if isinstance(v, str):
            v = re.sub(r"^(?:tiêu chí|tc)\s*", "", v.strip(), flags=re.IGNORECASE)
            if not CRITERION_ID.match(v):
                raise ValueError(
                    f"«{v}» không phải mã tiêu chí; viết dạng \"1.1\" đến \"5.6\", hoặc \"M4.1\" cho tiêu chí mức 4"
                )
        return v

    @field_validator("muc_tu_danh_gia", mode="before", check_fields=False)
    @classmethod
    def _level(cls, v: object) -> object:
        return self_level(v)

    @field_validator("minh_chung", check_fields=False)
    @classmethod
    def _evidence(cls, v: list[str]) -> list[str]:
        for code in v:
            if not EVIDENCE_CODE.match(code):
                raise ValueError(f"«{code}» không phải mã minh chứng; viết dạng \"H1-1.2-01\" (không có ngoặc vuông)")
        return v

    @property
    def standard(self) -> str:
        """The standard (tiêu chuẩn) a criterion belongs to; "M4" for level-4 items."""
        return self.tieu_chi.split(".")[0]

    @property
    def anchor(self) -> str:
        """The row's id on its plan page ("tieu-chi-5-3"), linked from criterion pages and search."""
        return "tieu-chi-" + self.tieu_chi.lower().replace(".", "-")

    @property
    def has_budget(self) -> bool:
        return bool(self.kinh_phi)


class Checkpoint(_Strict):
    """Kết quả thực hiện một dòng kế hoạch tại một mốc: cuối học kỳ I, cuối năm học…"""

    moc: Text = Field(min_length=1, description="Mốc theo dõi, ví dụ: Cuối học kỳ I, Cuối năm học.")
    muc_do: Progress = Field(description="Mức độ thực hiện: hoan-thanh, dang-thuc-hien hoặc chua-hoan-thanh.")
    ngay: VnDate | None = Field(None, description="Ngày đánh giá, dạng 2027-01-15 hoặc 15/01/2027.")
    ghi_chu: Text | None = Field(None, description="Nhận xét ngắn về kết quả.")
    minh_chung: Annotated[list[Text], BeforeValidator(as_list)] = Field(
        default_factory=list,
        description="Minh chứng: mô tả, đường dẫn tài liệu (https://...) hoặc mã minh chứng như [H1-1.2-01].",
    )
    dieu_chinh: Text | None = Field(None, description="Điều chỉnh kế hoạch sau mốc này (nếu có).")
    nguoi_danh_gia: Text | None = Field(None, description="Người hoặc bộ phận đánh giá, ví dụ: Hội đồng tự đánh giá.")

    @field_validator("minh_chung")
    @classmethod
    def _evidence(cls, v: list[str]) -> list[str]:
        """A code in brackets or a link must be well formed; any other text is a description."""
        for item in v:
            if item.startswith("[") and not (item.endswith("]") and EVIDENCE_CODE.match(item[1:-1])):
                raise ValueError(f"«{item}» không phải mã minh chứng; viết dạng \"[H1-1.2-01]\"")
            if re.match(r"^https?:", item) and not re.match(r"^https?://[^\s/$.?#][^\s]*$", item):
                raise ValueError(f"«{item}» không phải đường dẫn hợp lệ (https://...)")
        return v


def _row_field(f: RowField) -> tuple[object, object]:
    """A field of the fields table as pydantic declares it: type, default and help."""
    if f.kind == LIST:
        return Annotated[list[Text], BeforeValidator(as_list)], Field(default_factory=list, description=f.description)
    if f.kind == AMOUNT:
        return Annotated[int | None, BeforeValidator(parse_amount)], Field(None, ge=0, description=f.description)
    if f.kind == CHECKPOINTS:
        return list[Checkpoint], Field(default_factory=list, description=f.description)
    return Text | None, Field(None, description=f.description)


Row = create_model(
    "Row", __base__=_RowBase, __doc__=_RowBase.__doc__, **{f.key: _row_field(f) for f in ROW_FIELDS}
)
"""A row: the criterion id (declared on _RowBase, it is validated specially), then every field of
congkhai.core.fields.ROW_FIELDS, in that order."""


class PlanMeta(_Strict):
    """Phần đầu (front matter) của tệp kế hoạch plans/<mã-trường>/<năm-học>.md."""

    nam_hoc: Text = Field(description="Năm học, dạng 2024-2025.", json_schema_extra={"pattern": SCHOOL_YEAR.pattern})
    thong_tu: Text = Field(
        description=(
            "Thông tư làm căn cứ: từ năm học 2026-2027 là 57/2026 (mọi cấp học); đến năm học 2025-2026 là "
            "17/2018 (tiểu học), 18/2018 (THCS, THPT, nhiều cấp học) hoặc 19/2018 (mầm non)."
        ),
    )
    co_quan_chu_quan: Text | None = Field(
        None, description="Cơ quan chủ quản in ở góc trái văn bản; để trống thì lấy từ hồ sơ trường."
    )
    ten_truong: Text | None = Field(
        None, description="Tên trường in ở góc trái văn bản; để trống thì lấy từ hồ sơ trường."
    )
    so_hieu: Text | None = Field(None, description="Số, ký hiệu văn bản, ví dụ: 258/KH-TnS (để trống số nếu chưa có: /KH-TnS).")
    dia_danh: Text | None = Field(None, description="Địa danh ghi trước ngày tháng, ví dụ: Gò Vấp.")
    ngay_ban_hanh: VnDate | None = Field(None, description="Ngày ban hành, dạng 2024-09-04 hoặc 04/09/2024.")
    tieu_de: Text = Field(
        "Cải tiến chất lượng giáo dục",
        description="Trích yếu in dưới chữ KẾ HOẠCH, ví dụ: Cải tiến chất lượng giáo dục.",
    )
    mau_bang: Text | None = Field(
        None,
        description=(
            "Mẫu bảng khi in; để trống thì dùng mẫu đầu tiên của thông tư. Thông tư 2018: 9-cot "
            "(mẫu Công văn 5932), 5-cot (Mặt yếu / Biện pháp), 10-cot (có phân công giám sát và thời điểm báo cáo). "
            "Thông tư 57/2026: bieu-2 (Biểu 2, 10 cột)."
        ),
    )
    ten_tieu_chuan: dict[str, Text] = Field(
        default_factory=dict,
        description="Tên tiêu chuẩn đúng như văn bản ghi, khi khác tên chính thức; ví dụ: {\"5\": \"Hoạt động ...\"}.",
    )
    cai_tien: list[Row] = Field(
        min_length=1, description="Các dòng của bảng kế hoạch cải tiến: mỗi tiêu chí một dòng."
    )
    nguoi_ky: Text | None = Field(None, description="Họ và tên người ký.")
    chuc_vu_nguoi_ky: Text | None = Field(
        None, description="Quyền hạn, chức vụ người ký, ví dụ: HIỆU TRƯỞNG; KT. HIỆU TRƯỞNG / PHÓ HIỆU TRƯỞNG."
    )
    noi_nhan: list[Text] = Field(default_factory=list, description="Nơi nhận: mỗi nơi một dòng, ví dụ: Phòng GDĐT (để b/c).")
    nguon_van_ban: SourceKind = Field(
        SourceKind.VAN_BAN,
        description="van-ban nếu gõ hoặc chép từ văn bản; ocr nếu chữ được nhận dạng từ bản quét (có thể sai dấu).",
    )
    ghi_chu_nguon: Text | None = Field(None, description="Ghi chú về nguồn văn bản (ví dụ: bản quét thiếu dấu).")

    @field_validator("nam_hoc")
    @classmethod
    def _school_year(cls, v: str) -> str:
        m = SCHOOL_YEAR.match(v)
        if not m or int(m[2]) != int(m[1]) + 1:
            raise ValueError(f"năm học «{v}» phải có dạng NĂM-NĂM+1, ví dụ 2024-2025")
        return v

    @field_validator("thong_tu", mode="before")
    @classmethod
    def _circular(cls, v: object) -> object:
        """"Thông tư số 18/2018/TT-BGDĐT" -> "18/2018"; the loader checks a catalog has it."""
        if isinstance(v, str):
            m = re.search(r"(\d{1,3})\s*/\s*(\d{4})", v)
            if m:
                return f"{int(m[1])}/{m[2]}"
            raise ValueError(f"thông tư «{v}» thiếu số hiệu; viết dạng 18/2018 hoặc 57/2026")
        return v


PRINT_ANCHOR = "ban-in"
"""The id of the official document on a plan page (Plan.print_url)."""


@dataclass
class Plan:
    """A loaded plan: its front matter, its Markdown body and where it came from."""

    meta: PlanMeta
    body: str
    school: "SchoolRecord"
    year: str
    path: Path

    @property
    def title(self) -> str:
        """The plan's name on its page, in feeds and in the browser's tab."""
        return f"Kế hoạch cải tiến chất lượng giáo dục năm học {self.year} – {self.school.name}"

    @property
    def url(self) -> str:
        """Its page, relative to the site root; every other file of the plan sits in this folder."""
        return f"truong/{self.school.slug}/{self.year}/"

    @property
    def src_uri(self) -> str:
        """The page's source path as MkDocs sees it."""
        return f"truong/{self.school.slug}/{self.year}.md"

    @property
    def print_url(self) -> str:
        """The official document on its page: printed (its print CSS) it is the Nghị định 30/2020
        layout, which the PDF is made from."""
        return f"{self.url}#{PRINT_ANCHOR}"

    @property
    def old_print_url(self) -> str:
        """Where the separate print view used to be: a redirect page keeps links to it working."""
        return f"{self.url}in/"

    @property
    def pdf_name(self) -> str:
        return f"{self.school.slug}-{self.year}.pdf"

    @property
    def pdf_url(self) -> str:
        return f"{self.url}{self.pdf_name}"

    @property
    def json_url(self) -> str:
        """Its open-data record: inside its school's JSON, under its year (the fragment names it)."""
        return f"{self.school.json_url}#{self.year}"

    @property
    def rows(self) -> list[Row]:
        return self.meta.cai_tien

    @property
    def first_year(self) -> int:
        return int(self.year[:4])


@dataclass
class SchoolRecord:
    """A school profile with its folder name and its plans, newest year first."""

    slug: str
    profile: School
    path: Path
    plans: list[Plan] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"truong/{self.slug}/"

    @property
    def embed_url(self) -> str:
        """The chrome-free view schools put in an <iframe> on their own website."""
        return f"nhung/{self.slug}/"

    @property
    def json_url(self) -> str:
        return f"{self.url}truong.json"

    @property
    def name(self) -> str:
        return self.profile.ten


@dataclass
class Corpus:
    """Every school and plan under plans/, loaded and validated once."""

    schools: dict[str, SchoolRecord] = field(default_factory=dict)

    @cached_property
    def plans(self) -> list[Plan]:
        """Every plan, computed once: templates ask for it on every page (the loader fills the
        corpus completely before anything reads it)."""
        return [p for s in self.schools.values() for p in s.plans]
