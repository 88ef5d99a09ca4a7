"""A Word file laid out as Biểu 2 (Thông tư 57/2026) imports into a plan that validates, with
every one of the ten columns in its own field and the monitoring table placed in section VI."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT
from docx.shared import Cm

from congkhai.core.loader import load_corpus
from congkhai.importer.cli import main as import_main

COLUMNS = [
    "TT", "Nội dung cải tiến", "Mục tiêu cải tiến", "Hoạt động/giải pháp", "Chỉ số đánh giá kết quả",
    "Thời gian thực hiện", "Đơn vị/cá nhân phụ trách", "Nguồn lực bảo đảm",
    "Thông tin, dữ liệu hoặc minh chứng dự kiến", "Mức độ thực hiện",
]
ROWS = [
    ["1", "Tiêu chí 1.3: dữ liệu học sinh chưa cập nhật trên hệ thống", "Dữ liệu đầy đủ trước 30/10/2026",
     "Phân công nhân viên văn phòng rà soát dữ liệu hằng tháng", "100% hồ sơ học sinh khớp sổ điểm",
     "Tháng 10/2026", "Phó Hiệu trưởng; văn thư", "Không phát sinh kinh phí", "Bản trích xuất dữ liệu; biên bản kiểm tra",
     "Hoàn thành"],
    ["2", "Nhà vệ sinh học sinh xuống cấp (tiêu chí 4.1)", "Sửa chữa 2 khu vệ sinh",
     "Lập dự toán, tham mưu UBND phường", "2 khu vệ sinh đạt chuẩn", "Hè 2027", "Hiệu trưởng; kế toán",
     "Ngân sách phường 80.000.000 đồng", "Hồ sơ sửa chữa; biên bản nghiệm thu", "Đang thực hiện"],
]


def _bieu2(path: Path) -> None:
    """Written the way a school types the form: header table, parts, the ten columns, numbered (1)-(10)."""
    doc = docx.Document()
    sec = doc.sections[0]
    sec.orientation, sec.page_width, sec.page_height = WD_ORIENT.LANDSCAPE, Cm(29.7), Cm(21.0)
    head = doc.add_table(rows=2, cols=2)
    head.cell(0, 0).text = "UBND PHƯỜNG AN LẠC\nTRƯỜNG TIỂU HỌC AN LẠC"
    head.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    head.cell(1, 0).text = "Số: 7/KH-THAL"
    head.cell(1, 1).text = "An Lạc, ngày 02 tháng 10 năm 2026"
    for text in ("KẾ HOẠCH", "Cải tiến chất lượng giáo dục năm học 2026-2027", "I. THÔNG TIN CHUNG",
                 "Trường Tiểu học An Lạc, phường An Lạc.", "II. CĂN CỨ XÂY DỰNG KẾ HOẠCH",
                 "Căn cứ Thông tư số 57/2026/TT-BGDĐT ngày 07/7/2026 của Bộ trưởng Bộ Giáo dục và Đào tạo.",
                 "V. KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG"):
        doc.add_paragraph(text)
    table = doc.add_table(rows=2 + len(ROWS), cols=len(COLUMNS))
    for i, label in enumerate(COLUMNS):
        table.cell(0, i).text = label
        table.cell(1, i).text = f"({i + 1})"
    for r, row in enumerate(ROWS, 2):
        for i, value in enumerate(row):
            table.cell(r, i).text = value
    for text in ("VI. THEO DÕI VÀ ĐÁNH GIÁ THỰC HIỆN", "Rà soát vào cuối học kỳ I và cuối năm học.",
                 "VII. TỔ CHỨC THỰC HIỆN", "Các tổ chuyên môn thực hiện.", "HIỆU TRƯỞNG", "Lê Thị Lan"):
        doc.add_paragraph(text)
    doc.save(path)


def test_a_bieu_2_docx_imports_into_a_valid_tt57_plan_with_every_column_in_its_field(tmp_path, capsys):
    source = tmp_path / "bieu2.docx"
    _bieu2(source)
    plans = tmp_path / "plans"
    assert import_main([str(source), "--plans", str(plans)]) == 0, capsys.readouterr()
    corpus, problems = load_corpus(plans)
    assert not problems.errors, [p.format() for p in problems]
    [plan] = corpus.plans
    assert plan.year == "2026-2027" and plan.meta.thong_tu == "57/2026" and plan.meta.mau_bang == "bieu-2"
    assert plan.school.profile.cap_hoc.value == "tieu-hoc"
    assert (plan.meta.co_quan_chu_quan, plan.meta.ten_truong) == ("UBND PHƯỜNG AN LẠC", "TRƯỜNG TIỂU HỌC AN LẠC")
    first, second = plan.rows
    assert first.tieu_chi == "1.3" and first.noi_dung == "dữ liệu học sinh chưa cập nhật trên hệ thống"
    assert second.tieu_chi == "4.1" and second.noi_dung == ROWS[1][1]
    for row, values in zip(plan.rows, ROWS):
        assert row.muc_tieu == values[2]
        assert row.giai_phap == [values[3]]
        assert row.chi_so == values[4]
        assert row.thoi_gian == values[5]
        assert row.chu_tri == values[6]
        assert row.nguon_luc == values[7]
        assert row.minh_chung_du_kien == values[8]
        assert row.muc_do_thuc_hien == values[9]
        assert row.kinh_phi is None  # «Nguồn lực bảo đảm» is text, not the 2018 budget column
    body = plan.body
    assert body.index("<!-- bang-ke-hoach -->") < body.index("VI. THEO DÕI") < body.index("<!-- bang-theo-doi -->") < body.index("VII.")
    assert "Nội dung chưa xếp được" not in body
