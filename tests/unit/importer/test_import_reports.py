"""scripts/import on self-assessment reports (Báo cáo tự đánh giá): the plan is the set of
«4. Kế hoạch cải tiến chất lượng» sections, one row per criterion. Real reports of two schools
(tests/data/reports/, sources in SOURCES.md) are checked against counts and texts taken by hand
from the documents; PDFs are generated here, with the glyph faults and page numbers real PDFs carry."""

from __future__ import annotations

import re

import pytest
from conftest import DATA as TEST_DATA
from support.reports import NH_TEXT, import_plan, nfc

from congkhai.core import yamlfile
from congkhai.core.loader import load_corpus, split_front_matter
from congkhai.importer import cli, glyphs, reflow

DATA = TEST_DATA / "reports"


NBK_DOCX = DATA / "thpt-nguyenbinhkhiem-angiang-tdg-2021.docx"


NBK_PDF_TEXT = DATA / "thpt-nguyenbinhkhiem-angiang-tdg-2021-pdf.txt"




# Counted by hand in the documents.
TT18_CRITERIA = [
    "1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8", "1.9", "1.10", "2.1", "2.2", "2.3", "2.4",
    "3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "4.1", "4.2", "5.1", "5.2", "5.3", "5.4", "5.5", "5.6",
]


LEVEL4 = ["M4.1", "M4.2", "M4.3", "M4.4", "M4.5", "M4.6"]


# «5. Tự đánh giá» of each criterion of the 2021 report; its closing counts agree: level 3 reached
# by 10 of the 20 criteria that have one, level-4 items met: 2 of 6.
NBK_LEVEL3 = {"1.3", "1.4", "1.6", "2.1", "2.3", "2.4", "4.2", "5.1", "5.2", "5.5"}


NBK_LEVEL4_MET = {"M4.3", "M4.6"}






def by_id(meta: dict) -> dict[str, dict]:
    return {r["tieu_chi"]: r for r in meta["cai_tien"]}


# ---------------------------------------------------------------------------- the 2021 report (.docx)
@pytest.fixture(scope="module")
def nbk(tmp_path_factory) -> tuple[dict, str, str]:
    tmp = tmp_path_factory.mktemp("nbk")
    plans = tmp / "plans"
    assert cli.main([str(NBK_DOCX), "--plans", str(plans), "--nam-hoc", "2020-2021"]) == 0
    path = next(plans.glob("*/*.md"))
    yaml_text, body, _ = split_front_matter(path.read_text("utf-8"))
    _, problems = load_corpus(plans)
    assert not problems.errors, [p.message for p in problems.errors]
    return yamlfile.parse(yaml_text).value, body, path.parent.name


def test_the_word_report_gives_a_row_per_criterion_and_level_4_item(nbk):
    meta, body, slug = nbk
    assert [r["tieu_chi"] for r in meta["cai_tien"]] == TT18_CRITERIA + LEVEL4
    assert meta["thong_tu"] == "18/2018" and meta["nam_hoc"] == "2020-2021"
    assert "<!-- bang-ke-hoach -->" in body
    assert slug == "thpt-nguyen-binh-khiem-chau-thanh"


def test_the_header_comes_from_the_cover_and_the_closing(nbk):
    meta, _, _ = nbk
    assert meta["co_quan_chu_quan"] == "SỞ GIÁO DỤC VÀ ĐÀO TẠO AN GIANG"
    assert meta["ten_truong"] == "THPT NGUYỄN BỈNH KHIÊM"
    assert meta["dia_danh"] == "Châu Thành" and str(meta["ngay_ban_hanh"]) == "2021-01-02"
    assert meta["chuc_vu_nguoi_ky"] == "HIỆU TRƯỞNG" and meta["nguoi_ky"] == "Ngô Thị Kiều Huệ"


def test_three_rows_keep_their_weakness_and_measures_word_for_word(nbk):
    rows = by_id(nbk[0])
    assert rows["1.1"]["diem_yeu"] == (
        "Việc rà soát, bổ sung, điều chỉnh kế hoạch chiến lược chỉ thể hiện trên các kế hoạch năm học hàng năm, "
        "thiếu văn bản bổ sung để được Sở GDĐT phê duyệt. Đồng thời, trong quá trình xây dựng kế hoạch chiến lược "
        "thì thiếu sự tham gia của HS, CMHS và cộng đồng."
    )
    assert rows["1.1"]["giai_phap"] == [
        "Đầu mỗi năm học, Hội đồng trường tổ chức việc rà soát, bổ sung và điều chỉnh kế hoạch chiến lược phát "
        "triển nhà trường sao cho phù hợp với tình hình thực tế và gửi văn bản về Sở GDĐT để được phê duyệt.",
        "Bắt đầu từ năm học 2021-2022, khi xây dựng kế hoạch chiến lược hoặc tổ chức rà soát, bổ sung, điều chỉnh, "
        "Hiệu trưởng nhà trường mời đầy đủ các thành viên trong Hội đồng trường bao gồm CBQL, GV, NV, HS, CMHS và "
        "cộng đồng (chính quyền địa phương) tham gia ý kiến.",
    ]
    assert rows["5.6"]["diem_yeu"] == nfc(
        "Vẫn còn số ít HS chưa chăm học, thiếu ý thức tự học, tự rèn. Một số CMHS chưa thực sự quan tâm đến việc "
        "học của con em, chưa tích cực phối hợp với nhà trường và GVCN để giáo dục con em tốt hơn.\n"
        "Số lượng học sinh nghỉ học đi học nghề nhiều nhưng thiếu minh chứng (xác nhận trường Nghề)"
    )
    assert rows["5.6"]["giai_phap"] == [
        "Ban lãnh đạo nhà trường tăng cường công tác kiểm tra, giám sát; tích cực phối hợp với gia đình CMHS; đề ra "
        "các giải pháp từng bước khắc phục dứt điểm tình trạng HS lười học, học yếu.",
        "Nhà trường tiếp tục tập trung các giải pháp duy trì sự ổn định tỷ lệ HS khá - giỏi, giảm tỷ lệ HS có học "
        "lực yếu kém; xây dựng phương án phân luồng HS theo năng lực, sở trường, môi trường tương tác và định hướng "
        "nghề nghiệp ngay từ lớp đầu cấp để giữ vững và phát huy điểm mạnh.",
        "Nhà trường rút kinh nghiệm thực hiện đầy đủ các thủ tục khi học sinh nghỉ đi học nghề ở những năm tiếp theo.",
    ]
    assert rows["M4.4"]["diem_yeu"] == "Thư viện chưa đạt tiêu chuẩn của thư viện tiên tiến."
    assert rows["M4.4"]["giai_phap"] == ["Nhà trường từng bước xây dựng thư viện đạt tiên tiến, thư viện điện tử."]
    assert rows["M4.4"]["ten_tieu_chi"].startswith("Thư viện có hệ thống hạ tầng công nghệ thông tin hiện đại")


def test_evidence_codes_stay_with_their_criterion(nbk):
    rows = by_id(nbk[0])
    assert rows["1.1"]["minh_chung"] == ["H1-1.1-01", "H1-1.1-02", "H1-1.1-03", "H1-1.1-04", "H1-1.1-05"]
    assert all(code.startswith("H") and "[" not in code for r in rows.values() for code in r.get("minh_chung", []))


def test_self_assessed_levels_match_the_report(nbk):
    rows = by_id(nbk[0])
    for cid in TT18_CRITERIA:
        assert rows[cid]["muc_tu_danh_gia"] == ("Đạt mức 3" if cid in NBK_LEVEL3 else "Đạt mức 2"), cid
    for cid in LEVEL4:
        assert rows[cid]["muc_tu_danh_gia"] == ("Đạt" if cid in NBK_LEVEL4_MET else "Không đạt"), cid


def test_the_pdf_text_and_the_word_file_give_the_same_rows(nbk, tmp_path, capsys):
    """The PDF is the earlier version (a few words were revised later): the same criteria, levels,
    paragraphs and measures, and nearly the same words."""
    meta, _, _ = import_plan(capsys, tmp_path, NBK_PDF_TEXT, "--nam-hoc", "2020-2021")
    word, pdf = nbk[0]["cai_tien"], meta["cai_tien"]
    assert [r["tieu_chi"] for r in pdf] == [r["tieu_chi"] for r in word]
    for a, b in zip(word, pdf):
        assert a["muc_tu_danh_gia"] == b["muc_tu_danh_gia"], a["tieu_chi"]
        assert len(a["giai_phap"]) == len(b["giai_phap"]), a["tieu_chi"]
        assert a["diem_yeu"].count("\n") == b["diem_yeu"].count("\n"), a["tieu_chi"]
        words_a = set(re.findall(r"\w+", " ".join([a["diem_yeu"], *a["giai_phap"]]).casefold()))
        words_b = set(re.findall(r"\w+", " ".join([b["diem_yeu"], *b["giai_phap"]]).casefold()))
        assert len(words_a & words_b) >= 0.75 * len(words_a | words_b), a["tieu_chi"]
    assert by_id(meta)["1.1"]["giai_phap"][0] == by_id(nbk[0])["1.1"]["giai_phap"][0]  # unrevised: identical


# ---------------------------------------------------------------------------- the 2019 report (PDF text)
def test_the_2019_report_from_pdf_text(tmp_path, capsys):
    meta, _, out = import_plan(capsys, tmp_path, NH_TEXT, "--nam-hoc", "2019-2020")
    rows = by_id(meta)
    assert list(rows) == TT18_CRITERIA  # «II. TỰ ĐÁNH GIÁ TIÊU CHÍ MỨC 4: Không»
    assert {r["muc_tu_danh_gia"] for r in rows.values()} == {"Đạt mức 2"}
    assert rows["1.1"]["diem_yeu"] == (
        "Nội dung chiến lược có một số phần mang tính chủ quan, chưa huy động được nhiều ý kiến đóng góp cho chiến "
        "lược phát triển từ phía phụ huynh, chiến lược chưa được đăng tải rộng rãi trên các phương tiện thông tin "
        "đại chúng."
    )
    assert rows["1.1"]["giai_phap"] == [  # the page number «16» sat between the heading and the first measure
        "Phổ biến đến cha mẹ học sinh chiến lược phát triển trong các phiên họp toàn thể cha mẹ học sinh định kỳ hàng năm",
        "Tổ chức tuyên truyền, lấy ý kiến đông đảo giáo viên, nhân viên góp ý điều chỉnh kế hoạch chiến lược giai "
        "đoạn 2016-2020 và xây dựng kế hoạch chiến lược giai đoạn 2020-2025",
        "Thực hiện đăng tải trên các phương tiện thông tin đại chúng của địa phương, trên website của Phòng giáo dục "
        "và đào tạo",
    ]
    assert meta["ten_truong"] == "TRƯỜNG TRUNG HỌC CƠ SỞ NGUYỄN HUỆ"
    assert meta["chuc_vu_nguoi_ky"] == "KT. HIỆU TRƯỞNG / PHÓ HIỆU TRƯỞNG" and meta["nguoi_ky"] == "NGUYỄN HỮU TUẤN"
    assert str(meta["ngay_ban_hanh"]) == "2019-09-15" and meta["dia_danh"] == "Phước Hưng"
    assert "«tiê ên» → «tiện»" in out and "số trang" in out  # every repair is listed










def test_a_pdf_without_text_is_a_scan_and_says_so(tmp_path, capsys):
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument.new()
    for _ in range(3):
        doc.new_page(595, 842)  # pages of a scan: pictures, no text
    pdf = tmp_path / "ban-scan.pdf"
    doc.save(str(pdf))
    doc.close()
    code = cli.main([str(pdf), "--plans", str(tmp_path / "plans")])
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err
    assert "bản scan" in err and "không có lớp chữ" in err
    assert not (tmp_path / "plans").exists()


# ---------------------------------------------------------------------------- options and messages
def test_a_report_without_a_school_year_names_the_option(tmp_path, capsys):
    code = cli.main([str(NBK_DOCX), "--plans", str(tmp_path / "plans")])
    err = capsys.readouterr().err
    assert code == 1 and "--nam-hoc" in err and "năm 2021" in err
    assert not (tmp_path / "plans").exists()


def test_preview_lists_rows_and_writes_nothing(tmp_path, capsys):
    code = cli.main([str(NH_TEXT), "--plans", str(tmp_path / "plans"), "--nam-hoc", "2019-2020", "--preview"])
    out = capsys.readouterr().out
    assert code == 0 and not (tmp_path / "plans").exists()
    assert "(Xem trước, chưa ghi)" in out and "Tiêu chí 5.6:" in out and "giai_phap (3):" in out
    assert "muc_tu_danh_gia: Đạt mức 2" in out


def test_glyph_repairs_are_counted_and_a_lone_real_word_is_left_alone():
    text, repairs = glyphs.repair("Trƣờng ðã thực hiê ên, hiê êu quả, tâ êp thể và đô êng viên")
    assert text == "Trường đã thực hiện, hiệu quả, tập thể và động viên"
    assert ("hiê êu", "hiệu") in repairs.counts and repairs.counts[("ƣ", "ư")] == 1
    once, _ = glyphs.repair("giọng cô êm dịu")  # the fault is trusted only when the document repeats it
    assert once == "giọng cô êm dịu"


def test_page_numbers_and_running_headers_come_out_of_paragraphs():
    words = ["một", "hai", "ba", "bốn"]
    pages = [
        f"Báo cáo tự đánh giá trang {n}\nTiêu chí 1.{n}: Tên tiêu chí\nĐầu trang {words[n - 1]}.\n"
        f"Đoạn văn thứ {words[n - 1]} kéo dài đến hết dòng và tiếp tục ở trang\n{n + 10}\nsau thì vẫn là một đoạn văn.\n"
        f"Cuối trang {words[n - 1]}.\nTrường THCS Thử Nghiệm\n{n}"
        for n in range(1, 5)
    ]
    result = reflow.reflow(reflow.lines_of_pdf(pages))
    texts = [p.text for p in result.paras]
    assert "Đoạn văn thứ một kéo dài đến hết dòng và tiếp tục ở trang sau thì vẫn là một đoạn văn." in texts
    assert "Tiêu chí 1.4: Tên tiêu chí" in texts  # a heading opening each page is not a running header
    assert result.page_numbers == ["11", "1", "12", "2", "13", "3", "14", "4"]
    assert result.running == {"Báo cáo tự đánh giá trang 1": 1, "Báo cáo tự đánh giá trang 2": 1,
                              "Báo cáo tự đánh giá trang 3": 1, "Báo cáo tự đánh giá trang 4": 1,
                              "Trường THCS Thử Nghiệm": 4}




FAMILY = """SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH BẾN TRE
TRƯỜNG THPT THỬ NGHIỆM
BÁO CÁO TỰ ĐÁNH GIÁ
Năm học 2022 - 2023
TIÊU CHÍ 1.1. PHƯƠNG HƯỚNG, CHIẾN LƯỢC XÂY DỰNG VÀ PHÁT TRIỂN NHÀ TRƯỜNG
1. Mô tả hiện trạng: Nhà trường có chiến lược [H1-1.1-01]; [ H1-1.1-02 ].
2. Điểm mạnh: Chiến lược phù hợp.
3. Điểm yếu: Chưa lấy ý kiến cha mẹ học sinh.
4. Kế hoạch cải tiến chất lượng:
- Lấy ý kiến cha mẹ học sinh khi điều chỉnh chiến lược.
+ Đăng chiến lược trên trang thông tin điện tử của trường.
Thời gian thực hiện: Tháng 9/2022.
Người thực hiện: Hiệu trưởng.
5. Tự đánh giá: Đạt mức 2, riêng chỉ báo c của mức 3 chưa đạt.
TIÊU CHÍ 1.2. HỘI ĐỒNG TRƯỜNG
3. Điểm yếu
Hội đồng trường họp chưa đủ số lần.
4. Kế hoạch cải tiến
Họp Hội đồng trường đủ hai lần mỗi năm học.
5. Tự đánh giá: Mức 1
II. TỰ ĐÁNH GIÁ TIÊU CHÍ MỨC 4
Tiêu chí (Khoản 02): Đảm bảo 100% học sinh có hoàn cảnh khó khăn hoàn thành mục tiêu giáo dục.
3. Điểm yếu
Chưa có kế hoạch giáo dục riêng.
4. Kế hoạch cải tiến chất lượng
Xây dựng kế hoạch giáo dục riêng cho từng học sinh.
5. Tự đánh giá: Không đạt
Mỏ Cày, ngày 05 tháng 6 năm 2023
HIỆU TRƯỞNG
Trần Văn Thử
"""


def test_other_schools_numbering_and_labels(tmp_path, capsys):
    """Headings in capitals, text on the heading's line, bullets, labelled time and people, a level-4
    item numbered «(Khoản 02)»; a level line that says more than the level keeps the rest."""
    source = tmp_path / "bao-cao.txt"
    source.write_text(FAMILY, "utf-8")
    meta, body, out = import_plan(capsys, tmp_path, source)
    rows = by_id(meta)
    assert list(rows) == ["1.1", "1.2", "M4.2"] and meta["nam_hoc"] == "2022-2023"
    assert rows["1.1"] == {
        "tieu_chi": "1.1",
        "ten_tieu_chi": "PHƯƠNG HƯỚNG, CHIẾN LƯỢC XÂY DỰNG VÀ PHÁT TRIỂN NHÀ TRƯỜNG",
        "diem_yeu": "Chưa lấy ý kiến cha mẹ học sinh.",
        "giai_phap": [
            "Lấy ý kiến cha mẹ học sinh khi điều chỉnh chiến lược.",
            "Đăng chiến lược trên trang thông tin điện tử của trường.",
        ],
        "chu_tri": "Hiệu trưởng.",
        "thoi_gian": "Tháng 9/2022.",
        "muc_tu_danh_gia": "Đạt mức 2",
        "minh_chung": ["H1-1.1-01", "H1-1.1-02"],
    }
    assert rows["1.2"]["muc_tu_danh_gia"] == "Đạt mức 1" and rows["M4.2"]["muc_tu_danh_gia"] == "Không đạt"
    assert "riêng chỉ báo c của mức 3 chưa đạt" in body.split("Nội dung chưa xếp được")[1]  # kept, not lost
    assert meta["nguoi_ky"] == "Trần Văn Thử" and str(meta["ngay_ban_hanh"]) == "2023-06-05"


def test_a_word_report_whose_headings_use_automatic_numbering(tmp_path, capsys):
    """Word's list numbering draws «3.», «4.» in front of the headings without putting them in the text."""
    import docx

    doc = docx.Document()
    for line in ("UBND HUYỆN THỬ NGHIỆM", "TRƯỜNG TIỂU HỌC THỬ NGHIỆM", "BÁO CÁO TỰ ĐÁNH GIÁ", "NĂM HỌC 2021-2022"):
        doc.add_paragraph(line)
    for n, level in ((1, "Đạt mức 3"), (2, "Đạt mức 1")):
        doc.add_paragraph(f"Tiêu chí 1.{n}: Tiêu chí thứ {n}")
        for heading, text in (
            ("Mô tả hiện trạng", f"Hồ sơ đầy đủ [H1-1.{n}-01]."), ("Điểm mạnh", "Thực hiện đúng quy định."),
            ("Điểm yếu", "Hồ sơ lưu trữ chưa khoa học."), ("Kế hoạch cải tiến chất lượng", None),
        ):
            doc.add_paragraph(heading, style="List Number")
            if text:
                doc.add_paragraph(text)
        doc.add_paragraph("Sắp xếp lại hồ sơ theo năm học.", style="List Bullet")
        doc.add_paragraph("Số hóa văn bản quan trọng.", style="List Bullet")
        doc.add_paragraph(f"Tự đánh giá: {level}", style="List Number")
    path = tmp_path / "bao-cao.docx"
    doc.save(str(path))
    meta, _, _ = import_plan(capsys, tmp_path, path)
    assert meta["thong_tu"] == "17/2018" and meta["nam_hoc"] == "2021-2022"
    assert [(r["tieu_chi"], r["muc_tu_danh_gia"], r["giai_phap"]) for r in meta["cai_tien"]] == [
        (cid, level, ["Sắp xếp lại hồ sơ theo năm học.", "Số hóa văn bản quan trọng."])
        for cid, level in (("1.1", "Đạt mức 3"), ("1.2", "Đạt mức 1"))
    ]

