"""Self-assessment reports printed to PDF by Chromium, with the glyph faults real PDFs have, imported back."""

from __future__ import annotations

import html

import pytest
from support.reports import NH_TEXT, import_plan, report_html

from congkhai.printing.pdf import Printer


@pytest.fixture
def printer(browser):
    """A tab of the session's Chromium, as the project's printer (congkhai.printing.pdf) uses it."""
    with Printer(browser) as p:
        yield p.page


def test_a_generated_pdf_with_glyph_faults_and_page_numbers_imports_clean_text(printer, tmp_path, capsys):
    printer.set_content(report_html(4))
    pdf = tmp_path / "bao-cao.pdf"
    header = '<div style="font-size:9px;width:100%;text-align:center">Báo cáo tự đánh giá - Trƣờng THCS Thử Nghiệm</div>'
    footer = '<div style="font-size:9px;width:100%;text-align:center"><span class="pageNumber"></span></div>'
    printer.pdf(path=str(pdf), format="A4", display_header_footer=True, header_template=header, footer_template=footer,
                margin={"top": "2cm", "bottom": "2cm", "left": "2cm", "right": "2cm"})
    meta, _, out = import_plan(capsys, tmp_path, pdf)
    assert meta["nam_hoc"] == "2023-2024" and meta["ten_truong"] == "TRƯỜNG THCS THỬ NGHIỆM"
    assert [r["tieu_chi"] for r in meta["cai_tien"]] == ["1.1", "1.2", "1.3", "1.4"]
    for n, (row, word) in enumerate(zip(meta["cai_tien"], ["một", "hai", "ba", "bốn"]), 1):
        assert row["giai_phap"] == [
            f"Tổ văn phòng sắp xếp lại hồ sơ lưu trữ thứ {word} theo từng năm học và số hóa các văn bản quan trọng "
            "của nhà trường để được đánh giá đúng."
        ]
        assert row["diem_yeu"] == "Việc lưu trữ hồ sơ của trường chưa khoa học."
        assert row["thoi_gian"] == "từ tháng 9/2023 đến tháng 5/2024."
        assert row["muc_tu_danh_gia"] == "Đạt mức 2" and row["minh_chung"] == [f"H1-1.{n}-01"]
    written = next((tmp_path / "plans").glob("*/*.md")).read_text("utf-8")
    assert not set("ƣƢðÐ") & set(written)
    assert "Thử Nghiệm" not in written  # the running header
    assert "«ƣ» → «ư»" in out and "«ð» → «đ»" in out and "lặp lại ở đầu/cuối trang" in out


def test_the_2019_report_printed_to_pdf_with_faults_gives_the_rows_of_its_text(printer, tmp_path, capsys):
    """The report's text printed by Chromium, every third «ư» drawn as «ƣ», its page numbers now
    in the middle of pages: the same rows as the text itself."""
    lines = NH_TEXT.read_text("utf-8").split("\n")[1:]
    faulty = "".join("ƣ" if c == "ư" and i % 3 == 0 else c for i, c in enumerate("\n".join(lines)))
    body = "".join(f"<p>{html.escape(line)}</p>" if line.strip() else "<br>" for line in faulty.split("\n"))
    printer.set_content(f'<html lang="vi"><meta charset="utf-8"><body style="font-family: Liberation Serif">{body}</body></html>')
    pdf = tmp_path / "nguyen-hue.pdf"
    printer.pdf(path=str(pdf), format="A4")
    from_pdf, _, _ = import_plan(capsys, tmp_path / "pdf", pdf, "--nam-hoc", "2019-2020")
    from_text, _, _ = import_plan(capsys, tmp_path / "text", NH_TEXT, "--nam-hoc", "2019-2020")
    assert from_pdf["cai_tien"] == from_text["cai_tien"]
    assert "ƣ" not in str(from_pdf)
