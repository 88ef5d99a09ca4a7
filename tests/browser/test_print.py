"""Print views and PDFs: each plan printed by real headless Chromium, read back with poppler.

Two sites are built with `python -m congkhai build` (PDFs on): the plans in plans/ (the real
seed plans) and a small fixture corpus written here, made to stress the layout: a 9-column table
long enough for many landscape pages with level-4 rows and fields the layout has no column for,
a 5-column table that runs over several portrait pages, and an OCR plan in the 10-column layout.
Every PDF is checked with pdfinfo / pdftotext / pdffonts (Debian poppler-utils): A4 pages,
portrait text, the header block, title, every criterion, the table header on each page of the
table, page numbers, the signer on the last page with the end of the text, embedded fonts."""

from __future__ import annotations

import concurrent.futures
import dataclasses
import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import ROOT

from congkhai.core import catalog
from congkhai.core.loader import load_corpus
from congkhai.core.model import Plan, Row, TableLayout
from congkhai.core.text import vn_date
from congkhai.pages import printview
from congkhai.printing import pdf
from congkhai.printing.browser import SiteServer

PLANS = ROOT / "plans"


MAX_PDF_BYTES = 400_000


def _long_row(cid: str, n: int) -> str:
    return textwrap.indent(
        textwrap.dedent(f"""\
        - tieu_chi: "{cid}"
          ket_qua_can_dat: Tiêu chí {cid} đạt mức 3 vào cuối năm học; hồ sơ minh chứng đầy đủ, được cập nhật thường xuyên theo quy định.
          diem_yeu: Hồ sơ tiêu chí {cid} còn thiếu minh chứng số {n}, việc cập nhật chưa kịp thời.
          giai_phap:
            - Rà soát, bổ sung hồ sơ minh chứng của tiêu chí {cid}; phân công người phụ trách từng nội dung, báo cáo tiến độ hằng tháng.
            - Kiểm tra định kỳ mỗi học kỳ và báo cáo Hội đồng tự đánh giá kết quả thực hiện, kiến nghị điều chỉnh khi cần.
          chu_tri: Hiệu trưởng; Phó Hiệu trưởng
          phoi_hop: Tổ chuyên môn, Tổng phụ trách Đội
          thoi_gian: Tháng 9/2023 đến tháng 5/2024
          kinh_phi: {n * 1_250_000}
          dieu_kien_ho_tro: Sự hỗ trợ của Phòng GDĐT
        """),
        "  ",
    )


def write_fixture_plans(root: Path) -> None:
    """Three schools whose plans cover the three table layouts and the hard cases of printing."""
    th = root / "th-hoa-binh-dien-bien"
    th.mkdir(parents=True)
    (th / "truong.yml").write_text(
        "ten: Trường Tiểu học Hòa Bình\nten_viet_tat: THHB\ncap_hoc: tieu-hoc\n"
        "co_quan_chu_quan: UBND huyện Điện Biên\nquan_huyen: Điện Biên\ntinh_thanh: Điện Biên\n",
        encoding="utf-8",
    )
    crits = ["1.1", "1.3", "1.4", "1.6", "1.8", "2.1", "2.2", "2.3", "3.1", "3.2", "3.3", "3.5",
             "4.1", "4.2", "5.1", "5.2", "5.3", "5.4"]
    rows = "".join(_long_row(c, i + 1) for i, c in enumerate(crits))
    rows += textwrap.indent(textwrap.dedent("""\
        - tieu_chi: M4.1
          ket_qua_can_dat: Kế hoạch giáo dục có nội dung tham khảo chương trình tiên tiến.
          giai_phap: Tham khảo chương trình giáo dục tiên tiến của các nước trong khu vực.
          chu_tri: Hội đồng tự đánh giá
          thoi_gian: Tháng 9/2023
          ghi_chu: Ban giám hiệu phối hợp
        - tieu_chi: M4.3
          ket_qua_can_dat: Thư viện có hạ tầng công nghệ thông tin hiện đại.
          giai_phap: Tham mưu với cấp trên trang bị thiết bị tiên tiến.
          chu_tri: Phòng Giáo dục đầu tư
          thoi_gian: Tháng 12/2023
        """), "  ")
    (th / "2023-2024.md").write_text(
        textwrap.dedent("""\
        ---
        nam_hoc: 2023-2024
        thong_tu: 17/2018
        so_hieu: 59/KH-THHB
        dia_danh: Hòa Bình
        ngay_ban_hanh: 2023-09-11
        tieu_de: Cải tiến chất lượng giáo dục
        mau_bang: 9-cot
        ten_tieu_chuan:
          "4": Quan hệ giữa nhà trường, gia đình và xã hội (tên riêng của văn bản)
        cai_tien:
        """) + rows + textwrap.dedent("""\
        nguoi_ky: Lò Văn Minh
        chuc_vu_nguoi_ky: KT. HIỆU TRƯỞNG / PHÓ HIỆU TRƯỞNG
        noi_nhan:
          - Phòng GDĐT (để b/c);
          - CB-GV-NV (để thực hiện);
          - Lưu VT.
        ---
        ## I. MỤC ĐÍCH, YÊU CẦU

        1. Xây dựng kế hoạch cải tiến chất lượng giáo dục để thực hiện trong năm học 2023-2024.
        2. Kế hoạch phải cụ thể, khả thi, phù hợp với điều kiện thực tế của nhà trường.

        ## III. NỘI DUNG KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC

        <!-- bang-ke-hoach -->

        ## VI. TỔ CHỨC THỰC HIỆN

        - Hiệu trưởng phụ trách chung, kiểm tra và báo cáo.
        - Các thành viên Hội đồng tự đánh giá thực hiện nhiệm vụ được phân công.

        Trên đây là Kế hoạch cải tiến chất lượng giáo dục năm học 2023-2024 của Trường Tiểu học Hòa Bình, đề nghị các bộ phận nghiêm túc thực hiện./.
        """),
        encoding="utf-8",
    )

    thcs = root / "thcs-an-phu-quan-2"
    thcs.mkdir()
    (thcs / "truong.yml").write_text(
        "ten: Trường THCS An Phú\nten_viet_tat: AP\ncap_hoc: thcs\nquan_huyen: Quận 2\ntinh_thanh: TP. Hồ Chí Minh\n",
        encoding="utf-8",
    )
    rows5 = "".join(
        textwrap.indent(textwrap.dedent(f"""\
            - tieu_chi: "{c}"
              diem_yeu: Ở tiêu chí {c}, việc thực hiện chưa đồng bộ giữa các bộ phận, còn thiếu kiểm tra.
              giai_phap:
                - Từ năm học 2024-2025, Hiệu trưởng chỉ đạo các tổ chuyên môn xây dựng kế hoạch khắc phục mặt yếu của tiêu chí {c}, phân công rõ người thực hiện, thời hạn hoàn thành và cách kiểm tra kết quả.
                - Định kỳ hằng tháng, Phó Hiệu trưởng kiểm tra, đánh giá và báo cáo kết quả trong cuộc họp hội đồng sư phạm; kịp thời điều chỉnh biện pháp khi chưa đạt.
              chu_tri: Hiệu trưởng
              phoi_hop: Phó Hiệu trưởng, tổ trưởng chuyên môn
              thoi_gian: Cả năm học
            """), "  ")
        for c in ["1.2", "1.5", "1.7", "1.9", "2.2", "2.4", "3.1", "3.4", "3.6", "4.1", "5.1", "5.2", "5.5", "5.6"]
    )
    (thcs / "2024-2025.md").write_text(
        textwrap.dedent("""\
        ---
        nam_hoc: 2024-2025
        thong_tu: 18/2018
        so_hieu: 12/KH-AP
        dia_danh: Quận 2
        ngay_ban_hanh: 05/01/2025
        tieu_de: Thực hiện cải tiến chất lượng giáo dục năm học 2024-2025
        mau_bang: 5-cot
        cai_tien:
        """) + rows5 + textwrap.dedent("""\
        nguoi_ky: Trần Thị Mai
        chuc_vu_nguoi_ky: Q.HIỆU TRƯỞNG
        noi_nhan:
          - Phòng GDĐT (để b/c);
          - Lưu VT.
        ---
        I. MỤC TIÊU

        Khắc phục những mặt còn yếu kém, hạn chế của đơn vị.

        <!-- bang-ke-hoach -->

        Trên đây là nội dung kế hoạch thực hiện cải tiến chất lượng giáo dục của nhà trường năm học 2024-2025.
        """),
        encoding="utf-8",
    )

    thpt = root / "thpt-my-tho"
    thpt.mkdir()
    (thpt / "truong.yml").write_text(
        "ten: Trường THPT Mỹ Tho\nten_viet_tat: THPTMT\ncap_hoc: thpt\n"
        "co_quan_chu_quan: Sở GDĐT Tiền Giang\nquan_huyen: Mỹ Tho\ntinh_thanh: Tiền Giang\n",
        encoding="utf-8",
    )
    (thpt / "2022-2023.md").write_text(
        textwrap.dedent("""\
        ---
        nam_hoc: 2022-2023
        thong_tu: 18/2018
        dia_danh: My Tho
        tieu_de: KE HOACH CAI TIEN CHAT LUONG GIAO DUC
        mau_bang: 10-cot
        nguon_van_ban: ocr
        cai_tien:
          - tieu_chi: "1.3"
            noi_dung: Thanh lap Chi hoi tam ly hoc duong
            giai_phap: Ra soat nhan su, hop va ra quyet dinh thanh lap
            chu_tri: Van thu
            thoi_gian: Thang 11/2022
            nguon_kinh_phi: Ngan sach
            giam_sat: Cong doan
            thoi_diem_bao_cao: Thang 11/2022
          - tieu_chi: "5.2"
            noi_dung: Phu dao hoc sinh yeu kem
            diem_yeu: Ty le hoc sinh yeu con cao
            giai_phap: To chuc lop phu dao
            chu_tri: Pho hieu truong
            thoi_gian: Thang 12/2022
            kinh_phi: 294157000
            giam_sat: Hieu truong
            thoi_diem_bao_cao: Thang 5/2023
        nguoi_ky: Nguyen Van Tam
        chuc_vu_nguoi_ky: HIỆU TRƯỞNG
        noi_nhan:
          - Sở GDĐT;
          - Lưu VT.
        ---
        ## 1. Can cu phap ly

        Thong tu so 18/2018/TT-BGDDT ngay 22/8/2018.

        <!-- bang-ke-hoach -->

        Tren day la ke hoach cai tien chat luong giao duc nam hoc 2022 - 2023.
        """),
        encoding="utf-8",
    )


def build_site(plans: Path, site: Path, cache: Path, *extra: str, chromium: str | None = None):
    env = dict(os.environ, CONGKHAI_PLANS=str(plans), CONGKHAI_PDF_CACHE=str(cache), NO_MKDOCS_2_WARNING="1")
    env.pop("CONGKHAI_PDF", None)
    if chromium is not None:
        env["CONGKHAI_CHROMIUM"] = chromium
    return subprocess.run(
        [sys.executable, "-m", "congkhai", "build", "-d", str(site), *extra],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
    )


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory):
    base = tmp_path_factory.mktemp("print-fixture")
    write_fixture_plans(base / "plans")
    result = build_site(base / "plans", base / "site", base / "cache")
    assert result.returncode == 0, result.stdout + result.stderr
    corpus, problems = load_corpus(base / "plans")
    assert not problems.errors
    return base / "site", corpus


@pytest.fixture(scope="module")
def seed_site(tmp_path_factory):
    corpus, problems = load_corpus(PLANS)
    if not corpus.plans:
        pytest.skip("plans/ chưa có kế hoạch nào")
    base = tmp_path_factory.mktemp("print-seeds")
    result = build_site(PLANS, base / "site", base / "cache")
    assert result.returncode == 0, result.stdout + result.stderr
    return base / "site", corpus


def pdf_of(site: Path, plan: Plan) -> Path:
    return site / plan.url / plan.pdf_name


def page_sizes(path: Path) -> list[tuple[float, float]]:
    out = subprocess.run(["pdfinfo", "-f", "1", "-l", "9999", str(path)], capture_output=True, text=True, check=True).stdout
    return [(float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", out)]


def first_page_size(path: Path) -> tuple[float, float]:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    w, h = re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", out).groups()
    return float(w), float(h)


def page_texts(path: Path) -> list[str]:
    """Each page's text in content order (-raw keeps a table cell's words together)."""
    out = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return out.split("\f")[: len(page_sizes(path))]


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def squash(text: str) -> str:
    """No whitespace at all: line breaks inside narrow cells fall anywhere."""
    return re.sub(r"\s+", "", text.replace("\u00a0", ""))


def criterion_pattern(plan: Plan, row: Row) -> re.Pattern:
    if plan.meta.mau_bang == TableLayout.MAU_9_COT:
        number = row.tieu_chi[3:] if row.standard == "M4" else row.tieu_chi
        return re.compile(rf"Tiêu chí {re.escape(number)}(?![\d.])")
    if row.standard == "M4":
        return re.compile(rf"Tiêu chí {re.escape(row.tieu_chi[3:])}(?![\d.])")
    return re.compile(rf"(?<![\d.]){re.escape(row.tieu_chi)}(?![\d])")


def is_a4(size: tuple[float, float]) -> bool:
    return sorted(round(x) for x in size) == [595, 842]


def check_plan_pdf(site: Path, plan: Plan) -> None:
    path = pdf_of(site, plan)
    assert path.is_file(), f"không có {path}"
    meta, layout = plan.meta, catalog.plan_layout(plan)
    size = path.stat().st_size
    assert size < MAX_PDF_BYTES, f"{path.name}: {size} byte"

    # A4 throughout; the first page (header, title) and the last (signature) in portrait.
    sizes = page_sizes(path)
    assert first_page_size(path) == sizes[0]
    assert all(is_a4(s) for s in sizes), sizes
    assert sizes[0][0] < sizes[0][1] and sizes[-1][0] < sizes[-1][1], sizes
    if not layout.landscape:
        assert all(w < h for w, h in sizes), sizes

    pages = page_texts(path)
    whole = norm(" ".join(pages))
    first = norm(pages[0])
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in first
    assert "Độc lập - Tự do - Hạnh phúc" in first
    assert norm(printview.print_doc(plan).number) in first
    if meta.so_hieu:
        assert meta.so_hieu in first
    if meta.ngay_ban_hanh:
        assert vn_date(meta.ngay_ban_hanh) in first
    if meta.dia_danh:
        assert f"{meta.dia_danh}, ngày" in first
    assert "KẾ HOẠCH" in first
    assert norm(printview.print_doc(plan).title) in first
    assert plan.year in first
    school = (meta.ten_truong or plan.school.profile.ten).upper()
    assert squash(school) in squash(pages[0])

    for row in plan.rows:
        assert criterion_pattern(plan, row).search(whole), f"{path.name}: thiếu tiêu chí {row.tieu_chi}"

    # Page numbers: centred at the top from page 2 on, none on page 1.
    assert pages[0].strip().split("\n")[0].strip() != "1"
    for i, text in enumerate(pages[1:], start=2):
        assert text.strip().split("\n")[0].strip() == str(i), f"{path.name}: trang {i} không có số trang ở đầu"

    # The header row on every page of the table: from its first page to the page of the last row.
    header = squash("".join(c.label for c in layout.columns))
    with_header = [i for i, t in enumerate(pages) if header in squash(t)]
    assert with_header, f"{path.name}: không thấy hàng tiêu đề của bảng"
    last_row = plan.rows[-1]
    last_texts = [p.text for cell in printview.table_lines(plan)[-1].cells for p in cell]
    tail = squash(max(last_texts, key=len))[-20:]
    last_table_page = max(i for i, t in enumerate(pages) if tail in squash(t))
    assert last_table_page >= with_header[0], (last_row.tieu_chi, with_header, last_table_page)
    for i in range(with_header[0], last_table_page + 1):
        assert i in with_header, f"{path.name}: trang {i + 1} của bảng thiếu hàng tiêu đề"
    if layout.landscape:
        wide = [i for i, s in enumerate(sizes) if s[0] > s[1]]
        assert wide and set(wide) <= set(range(with_header[0], last_table_page + 1)) | set(with_header)

    # The signer's name on the last page, with the end of the text.
    if meta.nguoi_ky:
        assert meta.nguoi_ky in norm(pages[-1]), f"{path.name}: tên người ký không ở trang cuối"
        assert meta.nguoi_ky not in norm(" ".join(pages[:-1]))
    for title in printview.print_doc(plan).signer_titles:
        assert title in norm(pages[-1])
    closing = [p for p in re.split(r"\n\s*\n", plan.body.split("<!-- bang-ke-hoach -->")[-1]) if p.strip()]
    if closing and len(closing[-1]) > 30 and re.fullmatch(r"[^\W\d_][^`<>#|*\n]*", closing[-1].strip()):
        assert squash(closing[-1])[-25:] in squash(pages[-1]), f"{path.name}: chữ ký bị tách khỏi đoạn cuối"
    if meta.noi_nhan:
        assert "Nơi nhận:" in norm(pages[-1])

    # Fonts: embedded, and all text in the document's serif (a fallback font means missing glyphs).
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert fonts
    for line in fonts:
        assert re.search(r"\byes\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$", line), f"{path.name}: phông không nhúng: {line}"
        name = line.split()[0]
        assert re.search(r"LiberationSerif|TimesNewRoman|Tinos|LiberationMono|CourierNew|Cousine", name), (
            f"{path.name}: chữ in bằng phông dự phòng {name} (thiếu dấu tiếng Việt?)"
        )


def _seed_ids() -> list[str]:
    corpus, _ = load_corpus(PLANS)
    return [f"{p.school.slug}/{p.year}" for p in corpus.plans]


@pytest.mark.parametrize("plan_id", _seed_ids() or ["(chưa có)"])
def test_seed_plan_pdf(seed_site, plan_id):
    site, corpus = seed_site
    plan = next((p for p in corpus.plans if f"{p.school.slug}/{p.year}" == plan_id), None)
    if plan is None:
        pytest.skip("plans/ chưa có kế hoạch nào")
    check_plan_pdf(site, plan)


def test_fixture_plan_pdfs(fixture_site):
    site, corpus = fixture_site
    assert len(corpus.plans) == 3
    for plan in corpus.plans:
        check_plan_pdf(site, plan)


def test_long_tables_repeat_header_over_many_pages(fixture_site):
    """The fixture tables are long on purpose: the header check above ran over several pages."""
    site, corpus = fixture_site
    for slug, min_pages in (("th-hoa-binh-dien-bien", 3), ("thcs-an-phu-quan-2", 2)):
        plan = corpus.schools[slug].plans[0]
        layout = catalog.plan_layout(plan)
        header = squash("".join(c.label for c in layout.columns))
        pages = page_texts(pdf_of(site, plan))
        assert sum(header in squash(t) for t in pages) >= min_pages


def test_nine_column_plan_groups_and_keeps_every_field(fixture_site):
    site, corpus = fixture_site
    plan = corpus.schools["th-hoa-binh-dien-bien"].plans[0]
    path = pdf_of(site, plan)
    sizes = page_sizes(path)
    assert any(w > h for w, h in sizes), "bảng 9 cột phải in trên trang nằm ngang"
    text = norm(" ".join(page_texts(path)))
    assert "MỨC 1, 2, 3" in text and "MỨC 4" in text
    assert text.index("MỨC 1, 2, 3") < text.index("MỨC 4")
    # Standard headings with the plan's own wording where it has one.
    assert "Tiêu chuẩn 1: Tổ chức và quản lý nhà trường" in text
    assert "Tiêu chuẩn 4: Quan hệ giữa nhà trường, gia đình và xã hội (tên riêng của văn bản)" in text
    # diem_yeu has no column in the 9-column template: printed, labelled, in the closest one.
    assert "Điểm yếu: Hồ sơ tiêu chí 1.1 còn thiếu minh chứng số 1" in text
    assert "Phối hợp: Tổ chuyên môn" in text
    assert "22.500.000" in squash(text)  # 18 x 1 250 000, printed as the template's number
    # Deputy signing on the head's behalf: two lines, upper case.
    assert "KT. HIỆU TRƯỞNG PHÓ HIỆU TRƯỞNG" in norm(page_texts(path)[-1])
    assert "- Lưu: VT." in text


def test_ocr_plan_has_a_note_and_blank_number(fixture_site):
    site, corpus = fixture_site
    plan = corpus.schools["thpt-my-tho"].plans[0]
    pages = page_texts(pdf_of(site, plan))
    first = norm(pages[0])
    assert "nhận dạng tự động từ bản quét" in first
    assert first.count("KẾ HOẠCH") == 1 and "CAI TIEN CHAT LUONG GIAO DUC" in first  # not "KẾ HOẠCH KE HOACH"
    assert re.search(r"Số: +/KH-THPTMT", first)  # no number yet: a gap, not a missing line
    assert f"My Tho, ngày tháng năm {plan.first_year}" in first


def test_column_widths_follow_the_text_and_respect_minimums(fixture_site):
    _, corpus = fixture_site
    for plan in corpus.plans:
        doc = printview.print_doc(plan)
        assert abs(sum(doc.widths) - 100) < 0.1
        for width, column in zip(doc.widths, doc.layout.columns):
            assert width >= column.min_width - 0.01
    doc = printview.print_doc(corpus.schools["th-hoa-binh-dien-bien"].plans[0])
    labels = [c.label for c in doc.layout.columns]
    widths = dict(zip(labels, doc.widths))
    assert widths["Công việc/giải pháp cần thực hiện"] > widths["Ghi chú"]


def test_place_name_defaults_to_the_district_without_its_unit_word(fixture_site):
    _, corpus = fixture_site
    plan = corpus.schools["thcs-an-phu-quan-2"].plans[0]
    undated = dataclasses.replace(plan, meta=plan.meta.model_copy(update={"dia_danh": None}))
    assert printview._place(undated) == "Quận 2"  # a number keeps its unit word
    profile = plan.school.profile.model_copy(update={"quan_huyen": "Huyện Điện Biên"})
    moved = dataclasses.replace(undated, school=dataclasses.replace(plan.school, profile=profile))
    assert printview._place(moved) == "Điện Biên"
    assert printview._title("Kế hoạch cải tiến chất lượng") == "cải tiến chất lượng"
    assert printview._title("KẾ HOẠCH") == "KẾ HOẠCH"


def test_signature_is_never_separated_from_the_end_of_the_text(fixture_site, tmp_path, browser):
    """Push the closing paragraph down line by line: the signer always shares a page with its end."""
    site, corpus = fixture_site
    plan = corpus.schools["thcs-an-phu-quan-2"].plans[0]
    source = (site / plan.url / "index.html").read_text(encoding="utf-8")
    closing = "<p>Trên đây là"
    assert source.count(closing) == 1  # the narrative is on the page once, for screen and paper
    shutil.copytree(site / "assets", tmp_path / "assets")
    page_dir = tmp_path / plan.url
    page_dir.mkdir(parents=True)
    out = tmp_path / "ky.pdf"
    with SiteServer(tmp_path) as server, pdf.Printer(browser) as printer:
        for n in range(24):
            filler = "".join(f"<p>Dòng thêm {i} đẩy phần ký xuống cuối trang.</p>" for i in range(n))
            (page_dir / "index.html").write_text(source.replace(closing, filler + closing), encoding="utf-8")
            printer.print_pdf(server.url + plan.url, out)
            last = norm(page_texts(out)[-1])
            assert "Trần Thị Mai" in last and "năm học 2024-2025." in last, (n, last[:200])


CHROME = ".md-header, .md-tabs, .md-sidebar, .md-footer, .md-search, .ck-crumbs, .ck-actions"


def test_printing_the_plan_page_gives_the_document_alone(fixture_site, tmp_path, browser):
    """Ctrl+P on /truong/<slug>/<year>/ prints the official document: no header, tabs,
    navigation, search, breadcrumbs, links or footer of the site."""
    site, corpus = fixture_site
    plan = corpus.schools["thcs-an-phu-quan-2"].plans[0]
    out = tmp_path / "trang.pdf"
    with SiteServer(site) as server, pdf.Printer(browser) as printer:
        page = printer.page
        page.goto(server.url + plan.url, wait_until="load")
        chrome = page.evaluate(
            """(sel) => [...document.querySelectorAll(sel)].map(e => e.innerText)""", CHROME
        )
        content = page.evaluate(
            """(sel) => { const c = document.querySelector('.md-content').cloneNode(true);
                          c.querySelectorAll(sel + ', nav').forEach(e => e.remove());
                          return c.innerText; }""",
            CHROME,
        )
        page.pdf(path=str(out), format="A4", prefer_css_page_size=True, print_background=True)
    chrome_lines = {norm(line) for block in chrome for line in block.split("\n") if len(norm(line)) >= 4}
    chrome_only = {line for line in chrome_lines if line not in norm(content)}
    assert len(chrome_only) >= 5, chrome_only  # the page has chrome to hide
    printed = norm(subprocess.run(["pdftotext", "-raw", str(out), "-"], capture_output=True, text=True, check=True).stdout)
    leaked = sorted(line for line in chrome_only if line in printed)
    assert not leaked, leaked
    assert "Tải PDF" not in printed and "In kế hoạch" not in printed and "tiêu chí cần cải tiến" not in printed
    assert is_a4(first_page_size(out))
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in printed and "Độc lập - Tự do - Hạnh phúc" in printed
    assert plan.rows[0].tieu_chi in printed and "Trần Thị Mai" in printed


def in_own_thread(fn, *args):
    """Run `fn` where it may start its own Playwright: the sync API allows one per thread, and
    the session's Chromium (the `browser` fixture) holds this one."""
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(fn, *args).result()


def test_unchanged_pdfs_come_from_the_cache(fixture_site, tmp_path, monkeypatch, capsys):
    site, _ = fixture_site
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    cache = tmp_path / "cache"
    assert in_own_thread(pdf.build_pdfs, copy, cache) == 0
    printed = sorted(copy.glob("truong/*/*/*.pdf"))
    assert len(printed) == 3 and len(list(cache.glob("*.pdf"))) == 3
    before = {p: p.read_bytes() for p in printed}
    capsys.readouterr()

    class NoBrowser:
        def __init__(self):
            raise AssertionError("không được mở trình duyệt khi không có gì thay đổi")

    monkeypatch.setattr(pdf, "Printer", NoBrowser)
    for p in printed:
        p.unlink()
    assert in_own_thread(pdf.build_pdfs, copy, cache) == 0
    assert "0 in mới, 3 lấy từ bộ nhớ đệm" in capsys.readouterr().out
    assert {p: p.read_bytes() for p in printed} == before

    # A changed plan is printed again; the others still come from the cache.
    monkeypatch.undo()
    html = next(copy.glob(f"truong/thpt-my-tho/{pdf.PLAN_PAGES.split('/', 2)[2]}"))
    html.write_text(html.read_text(encoding="utf-8").replace("Van thu", "Van thu va ke toan"), encoding="utf-8")
    assert in_own_thread(pdf.build_pdfs, copy, cache) == 0
    assert "1 in mới, 2 lấy từ bộ nhớ đệm" in capsys.readouterr().out
    assert "ke toan" in norm(" ".join(page_texts(next(copy.glob("truong/thpt-my-tho/*/*.pdf")))))

    # PDFs no build has used for a month are forgotten; the ones in use stay.
    stale = cache / "0000.pdf"
    stale.write_bytes(b"%PDF-1.4 old")
    os.utime(stale, (0, 0))
    assert in_own_thread(pdf.build_pdfs, copy, cache) == 0
    assert not stale.exists() and len(list(cache.glob("*.pdf"))) == 4  # 3 current + the replaced one


def test_missing_chromium_is_a_clear_error(tmp_path):
    plans = tmp_path / "plans"
    write_fixture_plans(plans)
    result = build_site(plans, tmp_path / "site", tmp_path / "cache", chromium=str(tmp_path / "khong-co-chromium"))
    assert result.returncode != 0
    assert "Không tìm thấy trình duyệt Chromium" in result.stderr and "--no-pdf" in result.stderr
    assert "Traceback" not in result.stderr
    result = build_site(plans, tmp_path / "site2", tmp_path / "cache", "--no-pdf", chromium=str(tmp_path / "khong"))
    assert result.returncode == 0, result.stderr
    assert not list((tmp_path / "site2").glob("truong/*/*/*.pdf"))
    assert list((tmp_path / "site2").glob(pdf.PLAN_PAGES))


def test_print_png_script(fixture_site, tmp_path):
    site, corpus = fixture_site
    out = tmp_path / "png"
    env = dict(os.environ, CONGKHAI_PDF_CACHE=str(tmp_path / "cache"))
    result = subprocess.run(
        [str(ROOT / "scripts" / "print-png"), str(out), "--site", str(site), "--dpi", "30"],
        capture_output=True, text=True, env=env, timeout=600,
    )
    assert result.returncode == 0, result.stderr
    pngs = sorted(out.glob("*.png"))
    expected = sum(len(page_sizes(pdf_of(site, p))) for p in corpus.plans)
    assert len(pngs) == expected
    assert all(p.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" for p in pngs)

