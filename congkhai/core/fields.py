"""The one table of improvement-row fields: every phase reads a row's fields from here.

The model's Row, the JSON Schema, the plan page (screen and print), the CSV and JSON files, the
search record, the web form, the importer's column mapping and the benchmark corpus all iterate
over ROW_FIELDS, so a new field is one entry below. Where a table layout (core/layouts.yml) has no
column for a field, the field still shows, labelled, inside the column of `near`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

TEXT, LIST, AMOUNT, CHECKPOINTS = "text", "list", "amount", "checkpoints"


@dataclass(frozen=True)
class RowField:
    key: str
    """The YAML key editors write (Vietnamese without diacritics, snake_case)."""
    label: str
    """The field's name where it stands alone: its own column, the form, the open data."""
    description: str
    """Help for editors: the JSON Schema's hover text and the form's hint."""
    kind: str = TEXT
    """TEXT, LIST (one item per solution), AMOUNT (whole đồng) or CHECKPOINTS (the row's progress
    at each checkpoint of the school year: model.Checkpoint)."""
    short: str | None = None
    """A shorter name printed before the value when it sits in another field's column."""
    data_label: str | None = None
    """What the open-data column holds, when `label` does not say it exactly."""
    searchable: bool = True
    """Whether its words go into the row's search section."""
    near: str = "ghi_chu"
    """In print, the field whose column takes it when a layout has no column for it."""
    header: str | None = None
    """A pattern on a table header (folded: lower case, no marks) naming this field in a document."""
    header_rank: int = 50
    """Headers are tried in rank order; the first match wins, so specific words rank first."""
    samples: tuple[str, ...] = ()
    """Texts the benchmark corpus draws from when it has no generator of its own for the field."""
    long: bool = False
    """Long text: a multi-line box in the web form."""
    main: bool = False
    """Shown at once in the web form (the others are folded under «Các cột khác»)."""

    @property
    def short_label(self) -> str:
        return self.short or self.label

    @property
    def open_data_label(self) -> str:
        return self.data_label or self.label

    @property
    def form_label(self) -> str:
        return self.open_data_label + (" (mỗi mục một dòng)" if self.kind == LIST else "")

    @property
    def header_pattern(self) -> re.Pattern | None:
        return re.compile(self.header) if self.header else None


ROW_FIELDS: tuple[RowField, ...] = (
    RowField(
        "ten_tieu_chi", "Tên tiêu chí",
        "Tên tiêu chí đúng như văn bản của trường ghi (nếu có); để trống thì lấy tên chính thức.",
        data_label="Tên tiêu chí (như văn bản ghi)", searchable=False,
    ),
    RowField(
        "diem_yeu", "Điểm yếu", "Điểm yếu, mặt yếu hoặc hiện trạng cần cải tiến.",
        header=r"mat yeu|diem yeu|hien trang|ton tai|han che|diem can cai tien", header_rank=20, long=True, main=True,
    ),
    RowField(
        "noi_dung", "Nội dung kế hoạch", "Nội dung kế hoạch (khi bảng có cột «Nội dung kế hoạch»).",
        short="Nội dung", header=r"^noi dung", header_rank=30, long=True,
    ),
    RowField(
        "ket_qua_can_dat", "Kết quả cần đạt", "Kết quả cần đạt (so với hiện trạng).",
        header=r"ket qua can dat|muc tieu can dat|^ket qua", header_rank=10, long=True, main=True,
    ),
    RowField(
        "giai_phap", "Giải pháp", "Công việc, giải pháp, biện pháp cần thực hiện: mỗi giải pháp một mục.",
        kind=LIST, header=r"giai phap|bien phap|cong viec|hoat dong", header_rank=35, long=True, main=True,
    ),
    RowField(
        "chu_tri", "Chủ trì",
        "Người hoặc bộ phận chủ trì (bảng mẫu gộp «Chủ trì và phối hợp thực hiện» vào đây).",
        header=r"chu tri|phan cong|nguoi thuc hien|don vi thuc hien|phu trach|trach nhiem", header_rank=70, main=True,
    ),
    RowField(
        "phoi_hop", "Phối hợp", "Người hoặc bộ phận phối hợp (khi văn bản ghi riêng).",
        header=r"^phoi hop", header_rank=75, main=True,
    ),
    RowField(
        "thoi_gian", "Thời gian", "Thời gian thực hiện và hoàn thành, ví dụ: Tháng 9/2024.",
        header=r"thoi gian|thoi han|tien do", header_rank=80, main=True,
    ),
    RowField(
        "kinh_phi", "Kinh phí", "Dự kiến kinh phí, số đồng viết liền không dấu chấm, ví dụ: 294157000.",
        kind=AMOUNT, data_label="Kinh phí (đồng)", searchable=False,
        header=r"kinh phi|tai chinh", header_rank=85, main=True,
    ),
    RowField(
        "kinh_phi_ghi_chu", "Ghi chú kinh phí",
        "Kinh phí ghi bằng chữ đúng như văn bản (ví dụ: «Không có», «Dự toán 250.000.000»).",
        short="Kinh phí", data_label="Kinh phí ghi bằng chữ",
    ),
    RowField(
        "nguon_kinh_phi", "Nguồn kinh phí", "Nguồn kinh phí: ngân sách, xã hội hóa, nguồn điều tiết, tự túc...",
        data_label="Nguồn kinh phí (như văn bản)",
    ),
    RowField(
        "dieu_kien_ho_tro", "Điều kiện hỗ trợ khác", "Điều kiện hỗ trợ khác.",
        short="Điều kiện hỗ trợ", header=r"dieu kien", header_rank=90,
    ),
    RowField(
        "giam_sat", "Giám sát", "Người hoặc bộ phận giám sát (phân công giám sát).",
        header=r"giam sat", header_rank=40,
    ),
    RowField(
        "thoi_diem_bao_cao", "Thời điểm báo cáo", "Thời điểm báo cáo kết quả.",
        header=r"thoi diem bao cao|bao cao", header_rank=60,
    ),
    RowField("ghi_chu", "Ghi chú", "Ghi chú.", header=r"ghi chu", header_rank=95),
    RowField(
        "muc_tu_danh_gia", "Mức tự đánh giá",
        "Mức tự đánh giá ghi trong báo cáo tự đánh giá: «Đạt mức 1», «Đạt mức 2», «Đạt mức 3»; "
        "tiêu chí mức 4 ghi «Đạt» hoặc «Không đạt».",
        short="Tự đánh giá", searchable=False,
    ),
    RowField(
        "minh_chung", "Mã minh chứng",
        "Mã minh chứng báo cáo tự đánh giá dẫn cho tiêu chí này, ví dụ: \"H1-1.2-01\".",
        kind=LIST, short="Minh chứng", searchable=False,
    ),
    RowField(
        "thuc_hien", "Kết quả thực hiện",
        "Kết quả thực hiện tại các mốc theo dõi (cuối học kỳ I, cuối năm học…): mỗi mốc ghi moc, muc_do "
        "(hoan-thanh, dang-thuc-hien, chua-hoan-thanh), ngay, ghi_chu và minh_chung.",
        kind=CHECKPOINTS, short="Thực hiện",
    ),
    # The columns of Biểu 2 (Thông tư 57/2026) that the 2018 tables did not have.
    RowField(
        "muc_tieu", "Mục tiêu cải tiến", "Mục tiêu cải tiến (cột 3 của Biểu 2, Thông tư 57/2026).",
        short="Mục tiêu", near="ket_qua_can_dat", header=r"^muc tieu", header_rank=12, long=True, main=True,
    ),
    RowField(
        "chi_so", "Chỉ số đánh giá kết quả", "Chỉ số đánh giá kết quả (cột 5 của Biểu 2), ví dụ: 100% tổ chuyên môn có chuyên đề.",
        short="Chỉ số", near="ket_qua_can_dat", header=r"chi so", header_rank=5, long=True, main=True,
    ),
    RowField(
        "nguon_luc", "Nguồn lực bảo đảm",
        "Nguồn lực bảo đảm (cột 8 của Biểu 2): kinh phí, con người, cơ sở vật chất, ghi như văn bản.",
        short="Nguồn lực", near="kinh_phi", header=r"nguon luc", header_rank=84, main=True,
    ),
    RowField(
        "minh_chung_du_kien", "Thông tin, dữ liệu hoặc minh chứng dự kiến",
        "Thông tin, dữ liệu hoặc minh chứng dự kiến (cột 9 của Biểu 2).",
        short="Minh chứng dự kiến", header=r"minh chung du kien|du lieu hoac minh chung", header_rank=3, main=True,
    ),
    RowField(
        "muc_do_thuc_hien", "Mức độ thực hiện",
        "Mức độ thực hiện (cột 10 của Biểu 2), ví dụ: Hoàn thành, Đang thực hiện, Chưa hoàn thành.",
        short="Mức độ", header=r"muc do thuc hien|muc do hoan thanh", header_rank=4, main=True,
    ),
)


_BY_KEY: dict[str, RowField] = {}
_INDEXED: tuple[RowField, ...] = ()


def row_field(key: str) -> RowField:
    """The field named key (KeyError if none): asked for every cell of every page, so looked up
    in a dict, made again whenever ROW_FIELDS is replaced (an extension appends to it)."""
    global _BY_KEY, _INDEXED
    if _INDEXED is not ROW_FIELDS:
        _BY_KEY, _INDEXED = {f.key: f for f in ROW_FIELDS}, ROW_FIELDS
    return _BY_KEY[key]


def checkpoint_text(point: object) -> str:
    """One checkpoint as a line of text (print, CSV, search): «Cuối năm học: Hoàn thành (15/05/2027) – …»."""
    parts = [f"{point.moc}: {point.muc_do.label}"]
    if point.ngay:
        parts.append(f"({point.ngay:%d/%m/%Y})")
    text = " ".join(parts)
    note, evidence, adjust = checkpoint_notes(point)
    extra = "; ".join(x for x in (note, ", ".join(evidence), adjust) if x)
    return f"{text} – {extra}" if extra else text


def checkpoint_notes(point: object) -> tuple[str, list[str], str]:
    """What follows a checkpoint's level, as checkpoint_text words it: its note, its evidence and
    its adjustment, each without the stop that would read «Đã xong.; [H1-1.2-01]» once joined
    (the plan page shows the same words, its evidence as links)."""
    tidy = lambda text: (text or "").rstrip(" .;")  # noqa: E731
    evidence = list(point.minh_chung)
    if evidence:
        evidence[-1] = tidy(evidence[-1])
    adjust = getattr(point, "dieu_chinh", None)
    return tidy(point.ghi_chu), [e for e in evidence if e], tidy(adjust and f"Điều chỉnh: {adjust}")


def texts(row: object, f: RowField) -> list[str]:
    """A field of a row as plain texts: one per solution or checkpoint; empty when not filled."""
    value = getattr(row, f.key)
    if f.kind == CHECKPOINTS:
        return [checkpoint_text(p) for p in value]
    if f.kind == LIST:
        return [v for v in value if v]
    return [str(value)] if is_filled(value) else []


def is_filled(value: object) -> bool:
    """Whether a row holds something in a field (an empty list or text counts as nothing)."""
    return value not in (None, "", [])
