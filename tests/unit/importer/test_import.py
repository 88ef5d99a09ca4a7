"""scripts/import: the five seed documents reproduce the hand-checked plans in plans/, Word files
built here with python-docx import correctly, no word of an input is lost, and bad input fails
with a Vietnamese message and no traceback."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from pathlib import Path

import docx
import pytest
from conftest import ROOT
from docx.enum.text import WD_BREAK

from congkhai.core import yamlfile
from congkhai.core.loader import load_corpus, split_front_matter
from congkhai.importer import cli

SEEDS = sorted((ROOT / "tests" / "data" / "seeds").glob("*.txt"))


UNPLACED = "Nội dung chưa xếp được (cần biên tập viên kiểm tra)"


# Seed 004 is a scan run through OCR: no diacritics, and its table's columns came out scrambled.
# The hand conversion sorted every cell by its meaning; the importer does not guess that and puts
# each row's text in the marked section instead. For 004 the criterion ids, the header fields,
# the sections and the no-word-lost check are required; these differences are accepted:
TOLERATED = {
    "004": {
        # cell text of the scrambled table: unplaced (marked section) instead of sorted into columns
        "cells": True,
        # free-text note about the source: both say it is OCR, in different words
        "ghi_chu_nguon": True,
        # each conversion closes with its own section for what the scan garbled
        "closing_sections": {"## Ký tự nhận dạng sai (bản quét)", f"## {UNPLACED}"},
    },
}


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def words(text: str) -> set[str]:
    """Word tokens, written independently of the importer: tags are layout, 294.157.000 is 294157000."""
    text = unicodedata.normalize("NFC", text)
    text = re.sub(r"</?[a-zA-Z][^<>]*>", " ", text)
    text = re.sub(r"(?<=\d)[.,](?=\d{3}(?!\d))", "", text)
    return {w.casefold() for w in re.findall(r"\w+", text)}


def values(value: object) -> list[str]:
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in [str(k), *values(v)]]
    if isinstance(value, list):
        return [s for v in value for s in values(v)]
    return [] if value is None else [str(value)]


def read_plan(path: Path) -> tuple[dict, str]:
    yaml_text, body, _ = split_front_matter(path.read_text("utf-8"))
    return yamlfile.parse(yaml_text).value, body


def headings(body: str) -> list[str]:
    return [line for line in body.splitlines() if re.match(r"^#{2,4} ", line)]


def only_plan(plans: Path) -> Path:
    found = sorted(plans.glob("*/*.md"))
    assert len(found) == 1, found
    return found[0]


# ---------------------------------------------------------------------------- the five seeds
@pytest.fixture(scope="module")
def hand():
    corpus, problems = load_corpus(ROOT / "plans")
    assert not problems.errors, [p.format() for p in problems.errors]
    return corpus


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_seed_reproduces_the_hand_conversion(seed, tmp_path, capsys, hand):
    key = seed.name[:3]
    tolerated = TOLERATED.get(key, {})
    code, out, err = run(capsys, seed, "--plans", tmp_path / "plans")
    assert code == 0, err
    written = only_plan(tmp_path / "plans")
    assert f"Đã ghi: {written}" in out
    corpus, problems = load_corpus(tmp_path / "plans")
    assert not problems.errors, [p.format() for p in problems.errors]
    ours = corpus.plans[0]
    slug, year = written.parent.name, written.stem
    assert slug in hand.schools, f"the importer named the school folder {slug}, the hand conversion did not"
    theirs = next(p for p in hand.schools[slug].plans if p.year == year)

    # Header fields: every front-matter field but the rows.
    skip = {"cai_tien"} | ({"ghi_chu_nguon"} if tolerated.get("ghi_chu_nguon") else set())
    assert ours.meta.model_dump(exclude=skip) == theirs.meta.model_dump(exclude=skip)

    # Rows: criterion ids in order, and every cell.
    assert [r.tieu_chi for r in ours.rows] == [r.tieu_chi for r in theirs.rows]
    if not tolerated.get("cells"):
        for a, b in zip(ours.rows, theirs.rows):
            assert a.model_dump() == b.model_dump(), a.tieu_chi

    # Sections: the same headings in the same order, the table mark in the same section.
    closing = tolerated.get("closing_sections", set())
    assert [h for h in headings(ours.body) if h not in closing] == [h for h in headings(theirs.body) if h not in closing]
    assert ours.body.count("<!-- bang-ke-hoach -->") == 1
    before = ours.body.split("<!-- bang-ke-hoach -->")[0]
    assert headings(before)[-1:] == headings(theirs.body.split("<!-- bang-ke-hoach -->")[0])[-1:]
    if not closing:
        assert UNPLACED not in ours.body  # everything of 000-003 has its place

    # The school profile: what the importer derived agrees with the hand-made profile.
    profile = yamlfile.parse((written.parent / "truong.yml").read_text("utf-8")).value
    their_profile = hand.schools[slug].profile.model_dump(mode="json")
    assert {k: their_profile.get(k) for k in profile} == profile


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_no_word_of_a_seed_is_lost(seed, tmp_path, capsys):
    code, out, err = run(capsys, seed, "--plans", tmp_path)
    assert code == 0, err
    meta, body = read_plan(only_plan(tmp_path))
    kept = words("\n".join(values(meta)) + "\n" + body + "\n" + out)
    lost = words(seed.read_text("utf-8")) - kept
    assert not lost, sorted(lost)


def test_unplaced_text_goes_to_the_report_and_the_marked_section(tmp_path, capsys):
    seed = next(s for s in SEEDS if s.name.startswith("004"))
    code, out, _ = run(capsys, seed, "--plans", tmp_path)
    assert code == 0
    _, body = read_plan(only_plan(tmp_path))
    assert f"## {UNPLACED}" in body
    section = body.split(f"## {UNPLACED}")[1]
    # The scrambled row of criterion 3.4 is both in the file's marked section and in the report.
    assert "Tiêu chí 3.4" in section and "gom rac" in section
    assert "Tiêu chí 3.4" in out and "Chưa xếp được" in out
    # Rows the scan left without an id got the only ids possible, and the report says so.
    assert "1.6" in out and "5.5, 5.6" in out and "cần kiểm tra" in out


def test_the_command_line_wrapper(tmp_path):
    """scripts/import as editors run it (the acceptance check does the same for every seed)."""
    seed = SEEDS[1]
    result = subprocess.run(
        [str(ROOT / "scripts" / "import"), str(seed), "--plans", str(tmp_path)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert (tmp_path / "thcs-tan-son-go-vap" / "2024-2025.md").exists()
    junk = tmp_path / "junk.docx"
    junk.write_bytes(bytes(range(256)) * 80)
    result = subprocess.run([str(ROOT / "scripts" / "import"), str(junk)], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode != 0
    assert "Traceback" not in result.stdout + result.stderr
    assert "bị hỏng" in result.stderr


# ---------------------------------------------------------------------------- overwriting, dry run
def test_never_overwrites_without_force(tmp_path, capsys):
    seed = SEEDS[1]
    assert run(capsys, seed, "--plans", tmp_path)[0] == 0
    target = only_plan(tmp_path)
    target.write_text(target.read_text("utf-8") + "\nSửa tay của biên tập viên.\n", "utf-8")
    code, _, err = run(capsys, seed, "--plans", tmp_path)
    assert code == 1 and "không ghi đè" in err and "--force" in err
    assert "Sửa tay của biên tập viên." in target.read_text("utf-8")
    code, out, _ = run(capsys, seed, "--plans", tmp_path, "--force")
    assert code == 0 and "Hồ sơ trường đã có" in out
    assert "Sửa tay của biên tập viên." not in target.read_text("utf-8")


def test_dry_run_writes_nothing_and_slug_can_be_chosen(tmp_path, capsys):
    code, out, _ = run(capsys, SEEDS[0], "--plans", tmp_path, "--dry-run")
    assert code == 0 and "Chạy thử" in out and 'tieu_chi: "5.3"' in out
    assert not any(tmp_path.iterdir())
    code, out, _ = run(capsys, SEEDS[0], "--plans", tmp_path, "--slug", "thcs-thu-nghiem")
    assert code == 0
    assert (tmp_path / "thcs-thu-nghiem" / "2020-2021.md").exists()
    code, _, err = run(capsys, SEEDS[0], "--plans", tmp_path, "--slug", "Sai Tên")
    assert code == 2 and "không hợp lệ" in err


def test_invalid_result_is_reported_not_written(tmp_path, capsys):
    """An existing profile says primary school; the document is a THCS plan under Thông tư 18."""
    folder = tmp_path / "thcs-tan-son-go-vap"
    folder.mkdir()
    (folder / "truong.yml").write_text('ten: "Trường Tiểu học Tân Sơn"\ncap_hoc: tieu-hoc\n', "utf-8")
    code, _, err = run(capsys, SEEDS[1], "--plans", tmp_path)
    assert code == 1
    assert "chưa hợp lệ" in err and "hồ sơ trường ghi cấp học" in err
    assert not (folder / "2024-2025.md").exists()


def test_windows_1258_text_is_read_with_a_warning(tmp_path, capsys):
    seed = next(s for s in SEEDS if s.name.startswith("001"))
    legacy = tmp_path / "cu.txt"
    legacy.write_bytes(_cp1258(seed.read_text("utf-8")))
    code, out, err = run(capsys, legacy, "--plans", tmp_path / "a")
    assert code == 0, err
    assert "Windows-1258" in out
    assert run(capsys, seed, "--plans", tmp_path / "b")[0] == 0
    a, _ = read_plan(only_plan(tmp_path / "a"))
    b, _ = read_plan(only_plan(tmp_path / "b"))
    assert a == b


TONES = "\u0300\u0301\u0303\u0309\u0323"  # grave, acute, tilde, hook above, dot below


def _cp1258(text: str) -> bytes:
    """Encode as Windows-1258 does: base letters, with tone marks as separate combining bytes."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            tone = next(c for c in parts if c in TONES)
            base = unicodedata.normalize("NFC", parts.replace(tone, ""))
            out += base.encode("cp1258") + tone.encode("cp1258")
    return bytes(out)


# ---------------------------------------------------------------------------- bad input
def _zip_not_word(path: Path) -> None:
    import zipfile

    with zipfile.ZipFile(path, "w") as z:
        z.writestr("xl/workbook.xml", "<workbook/>")


BAD = [
    ("rong.txt", b"", 1, "rỗng"),
    ("rong.docx", b"", 1, "rỗng"),
    ("hong.docx", bytes(range(256)) * 100, 1, "bị hỏng hoặc không phải văn bản Word"),
    ("excel.docx", _zip_not_word, 1, "không phải văn bản Word"),
    ("nhi-phan.txt", b"\x00\x01\x02binary\x00" * 50, 1, "không phải văn bản"),
    ("khong-bang.txt", "KẾ HOẠCH\nNăm học 2024-2025\nI. MỤC TIÊU\nKhông có bảng.\n".encode(), 1, "không tìm thấy bảng kế hoạch"),
    ("la.txt", b"Ti\x81\x8a\x8d\x90 kh\x9d\x9e", 1, "không phải văn bản UTF-8"),
    ("cu.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, 2, "libreoffice --headless --convert-to docx"),
    ("doi-ten.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, 2, "libreoffice --headless --convert-to docx"),
    ("hong.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", 1, "bị hỏng hoặc không phải PDF"),
    ("gia.pdf", b"Ti\xc3\xaau ch\xc3\xad 1.1\n" * 20, 1, "không phải PDF"),
    ("bang.xlsx", b"PK\x03\x04", 2, "chưa hỗ trợ"),
]


@pytest.mark.parametrize("name,content,code,message", BAD, ids=[b[0] for b in BAD])
def test_bad_input_fails_cleanly(name, content, code, message, tmp_path, capsys):
    path = tmp_path / name
    if callable(content):
        content(path)
    else:
        path.write_bytes(content)
    rc, out, err = run(capsys, path, "--plans", tmp_path / "plans")
    assert rc == code
    assert message in err
    assert err.startswith(f"Không chuyển được «{path}»")
    assert not (tmp_path / "plans").exists()


def test_huge_and_missing_files(tmp_path, capsys):
    huge = tmp_path / "lon.docx"
    with huge.open("wb") as f:
        f.truncate(21 * 1024 * 1024)  # sparse: the size is checked before anything is read
    rc, _, err = run(capsys, huge)
    assert rc == 1 and "quá lớn" in err and "20 MB" in err
    rc, _, err = run(capsys, tmp_path / "khong-co.txt")
    assert rc == 2 and "không tìm thấy tệp" in err


def test_document_without_school_year(tmp_path, capsys):
    path = tmp_path / "thieu.txt"
    path.write_text(
        "TRƯỜNG THCS A\nKẾ HOẠCH\nTT\tTiêu chuẩn, tiêu chí\tKết quả cần đạt\tCông việc/giải pháp\tGhi chú\n"
        "1\tTiêu chí 1.1\tA\tB\t\n",
        "utf-8",
    )
    rc, _, err = run(capsys, path, "--plans", tmp_path)
    assert rc == 1 and "năm học" in err


# ---------------------------------------------------------------------------- Word documents
HEADER_9 = ["TT", "Tiêu chuẩn, tiêu chí", "Kết quả cần đạt (so với hiện trạng)", "Công việc/giải pháp cần thực hiện",
            "Chủ trì và phối hợp thực hiện", "Thời gian thực hiện và hoàn thành", "Dự kiến kinh phí",
            "Điều kiện hỗ trợ khác", "Ghi chú"]


def _front(d, school: str, number: str, place_date: str, year: str, governing: str = "UBND HUYỆN CHỢ GẠO") -> None:
    """The usual header: a borderless two-column table (school | national motto), then the title."""
    t = d.add_table(rows=3, cols=2)
    t.cell(0, 0).text, t.cell(0, 1).text = governing, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    t.cell(1, 0).text, t.cell(1, 1).text = school, "Độc lập - Tự do - Hạnh phúc"
    t.cell(2, 0).text, t.cell(2, 1).text = f"Số: {number}", place_date
    d.add_paragraph().add_run("KẾ HOẠCH").bold = True
    d.add_paragraph("Cải tiến chất lượng giáo dục")
    d.add_paragraph(f"Năm học {year}")


def _close(d) -> None:
    d.add_paragraph("Trên đây là kế hoạch cải tiến chất lượng giáo dục của nhà trường.")
    t = d.add_table(rows=4, cols=2)
    t.cell(0, 0).text = "Nơi nhận:"
    t.cell(1, 0).text = "- Phòng GDĐT (để b/c);"
    t.cell(2, 0).text = "- Lưu: VT."
    t.cell(0, 1).text = "HIỆU TRƯỞNG"
    t.cell(3, 1).text = "Trần Thị Bình"


def _table(d, header: list[str]):
    t = d.add_table(rows=1, cols=len(header))
    for cell, text in zip(t.rows[0].cells, header):
        cell.text = text
    return t


def _row(t, texts: list[str]):
    cells = t.add_row().cells
    for cell, text in zip(cells, texts):
        if "\n\n" in text:  # several paragraphs in one cell
            first, *rest = text.split("\n\n")
            cell.text = first
            for para in rest:
                cell.add_paragraph(para)
        else:
            cell.text = text
    return cells


def _import_docx(d, tmp_path, capsys, name="ke-hoach.docx"):
    path = tmp_path / name
    d.save(path)
    code, out, err = run(capsys, path, "--plans", tmp_path / "plans")
    assert code == 0, err
    written = only_plan(tmp_path / "plans")
    corpus, problems = load_corpus(tmp_path / "plans")
    assert not problems.errors, [p.format() for p in problems.errors]
    # No word of the document is lost: every word is in the plan or in the report.
    meta, body = read_plan(written)
    source = docx.Document(path)
    text = [p.text for p in source.paragraphs] + [c.text for t in source.tables for r in t.rows for c in r.cells]
    lost = words("\n".join(text)) - words("\n".join(values(meta)) + "\n" + body + "\n" + out)
    assert not lost, sorted(lost)
    return corpus.plans[0], written, out


def test_docx_nine_columns_merged_cells_and_page_break(tmp_path, capsys):
    d = docx.Document()
    _front(d, "TRƯỜNG THCS BÌNH PHỤC NHỨT", "12/KH-THCSBPN", "Chợ Gạo, ngày 5 tháng 9 năm 2024", "2024 - 2025")
    d.add_paragraph("I. MỤC ĐÍCH, YÊU CẦU")
    d.add_paragraph("Nâng cao chất lượng giáo dục toàn diện.")
    d.add_paragraph("II. NỘI DUNG KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC")
    t = _table(d, HEADER_9)
    _row(t, [f"({i})" for i in range(1, 10)])  # column numbers under the header
    band = _row(t, ["MỨC 1, 2, 3"] + [""] * 8)
    band[0].merge(band[8])  # one cell across the whole table
    std = _row(t, ["1", "Tiêu chuẩn 1: Tổ chức và quản lý nhà trường"] + [""] * 7)
    std[1].merge(std[8])
    # Row 1.1: result and solution merged into one cell (its text must not be repeated).
    r = _row(t, ["", "Tiêu chí 1.1: Phương hướng, chiến lược xây dựng và phát triển nhà trường",
                 "Kế hoạch chiến lược được rà soát hằng năm.", "", "Hiệu trưởng", "Tháng 9/2024",
                 "1.500.000 đồng\n\nNguồn chi thường xuyên", "", ""])
    r[2].merge(r[3])
    # Row 1.2 runs over two table rows: the criterion cell is merged downwards.
    first = _row(t, ["", "Tiêu chí 1.2", "Hội đồng trường hoạt động đều.", "Họp định kỳ mỗi quý.",
                     "Chủ tịch hội đồng", "Cả năm", "Không có", "", ""])
    second = _row(t, ["", "", "", "Công khai biên bản họp.", "", "", "", "", ""])
    first[1].merge(second[1])
    _row(t, HEADER_9)  # the header row repeated inside the table (Word's repeated header)
    _row(t, ["", "TC 1.4", "Tổ chuyên môn sinh hoạt theo nghiên cứu bài học.",
             "Phó hiệu trưởng chỉ đạo các tổ sinh hoạt chuyên môn để việc dạy học ngày càng", "Phó hiệu trưởng",
             "Hằng tháng", "", "", ""])
    # Page break: the table goes on in a second table that repeats the header.
    d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    t2 = _table(d, HEADER_9)
    _row(t2, ["", "", "", "có hiệu quả hơn.", "", "", "", "", ""])
    band4 = _row(t2, ["MỨC 4"] + [""] * 8)
    band4[0].merge(band4[8])
    _row(t2, ["", "Tiêu chí 2", "Có kế hoạch giáo dục tham khảo chương trình tiên tiến.",
              "Nghiên cứu chương trình tiên tiến.\n\nXây dựng kế hoạch thử nghiệm.", "Tổ chuyên môn",
              "Học kỳ II", "Dự toán 20.000.000", "Phòng GDĐT hỗ trợ tài liệu", "Ưu tiên"])
    d.add_paragraph("III. TỔ CHỨC THỰC HIỆN")
    d.add_paragraph("1. Hiệu trưởng")
    d.add_paragraph("- Chỉ đạo chung.")
    d.add_paragraph("2. Các tổ chuyên môn")
    d.add_paragraph("- Thực hiện các giải pháp.")
    _close(d)
    plan, written, out = _import_docx(d, tmp_path, capsys)

    assert written.parent.name == "thcs-binh-phuc-nhut-cho-gao" and written.name == "2024-2025.md"
    m = plan.meta
    assert (m.co_quan_chu_quan, m.ten_truong, m.so_hieu, m.dia_danh) == (
        "UBND HUYỆN CHỢ GẠO", "TRƯỜNG THCS BÌNH PHỤC NHỨT", "12/KH-THCSBPN", "Chợ Gạo")
    assert (str(m.ngay_ban_hanh), m.tieu_de, m.nam_hoc, m.thong_tu, m.mau_bang) == (
        "2024-09-05", "Cải tiến chất lượng giáo dục", "2024-2025", "18/2018", "9-cot")
    assert (m.nguoi_ky, m.chuc_vu_nguoi_ky, m.noi_nhan) == (
        "Trần Thị Bình", "HIỆU TRƯỞNG", ["Phòng GDĐT (để b/c);", "Lưu: VT."])
    assert m.ten_tieu_chuan == {"1": "Tổ chức và quản lý nhà trường"}
    rows = {r.tieu_chi: r for r in plan.rows}
    assert list(rows) == ["1.1", "1.2", "1.4", "M4.2"]
    r11 = rows["1.1"]
    assert r11.ten_tieu_chi == "Phương hướng, chiến lược xây dựng và phát triển nhà trường"
    assert r11.ket_qua_can_dat == "Kế hoạch chiến lược được rà soát hằng năm." and r11.giai_phap == []
    assert (r11.kinh_phi, r11.nguon_kinh_phi, r11.thoi_gian) == (1500000, "Nguồn chi thường xuyên", "Tháng 9/2024")
    assert rows["1.2"].giai_phap == ["Họp định kỳ mỗi quý.", "Công khai biên bản họp."]
    assert rows["1.2"].kinh_phi_ghi_chu == "Không có" and rows["1.2"].ten_tieu_chi is None
    assert rows["1.4"].giai_phap == [
        "Phó hiệu trưởng chỉ đạo các tổ sinh hoạt chuyên môn để việc dạy học ngày càng có hiệu quả hơn."]
    m42 = rows["M4.2"]
    assert m42.giai_phap == ["Nghiên cứu chương trình tiên tiến.", "Xây dựng kế hoạch thử nghiệm."]
    assert (m42.kinh_phi, m42.kinh_phi_ghi_chu) == (20000000, "Dự toán 20.000.000")
    assert (m42.dieu_kien_ho_tro, m42.ghi_chu, m42.thoi_gian) == ("Phòng GDĐT hỗ trợ tài liệu", "Ưu tiên", "Học kỳ II")
    assert headings(plan.body) == [
        "## I. MỤC ĐÍCH, YÊU CẦU", "## II. NỘI DUNG KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC",
        "## III. TỔ CHỨC THỰC HIỆN", "### 1. Hiệu trưởng", "### 2. Các tổ chuyên môn"]
    assert plan.body.index("<!-- bang-ke-hoach -->") < plan.body.index("## III.")
    assert "Trên đây là kế hoạch" in plan.body and "Nơi nhận" not in plan.body and UNPLACED not in plan.body
    # The profile of the new school, with the district's province from the national list.
    profile = yamlfile.parse((written.parent / "truong.yml").read_text("utf-8")).value
    assert profile == {
        "ten": "Trường THCS Bình Phục Nhứt", "ten_viet_tat": "THCSBPN", "cap_hoc": "thcs",
        "co_quan_chu_quan": "UBND huyện Chợ Gạo", "quan_huyen": "Chợ Gạo", "tinh_thanh": "Tiền Giang"}
    # The written YAML is the readable form: quoted ids, model order, one line per value.
    text = written.read_text("utf-8")
    assert '  - tieu_chi: "1.10"' not in text and '  - tieu_chi: "1.1"\n    ten_tieu_chi:' in text
    keys = [line.split(":")[0] for line in text.split("---")[1].splitlines() if re.match(r"^\w", line)]
    assert keys == ["nam_hoc", "thong_tu", "co_quan_chu_quan", "ten_truong", "so_hieu", "dia_danh", "ngay_ban_hanh",
                    "tieu_de", "mau_bang", "ten_tieu_chuan", "cai_tien", "nguoi_ky", "chuc_vu_nguoi_ky", "noi_nhan"]


def test_docx_five_columns(tmp_path, capsys):
    d = docx.Document()
    _front(d, "TRƯỜNG THCS TÂN SƠN", "258/KH-TnS", "Gò Vấp, ngày 04 tháng 09 năm 2024", "2024-2025",
           governing="UBND QUẬN GÒ VẤP")
    d.add_paragraph("I. MỤC TIÊU:")
    d.add_paragraph("- Khắc phục mặt yếu.")
    d.add_paragraph("II. BIỆN PHÁP:")
    t = _table(d, ["Tiêu chuẩn", "Tiêu chí", "Mặt yếu", "Biện pháp cải tiến chất lượng",
                   "Phân công nhiệm vụ/Thời gian thực hiện"])
    _row(t, ["1", "1.3", "Kỹ năng tổ chức còn hạn chế.", "Cử đi bồi dưỡng.\n\nDự giờ rút kinh nghiệm.",
             "- Hiệu trưởng - Tổng phụ trách - Trong năm và các năm tiếp theo."])
    _row(t, ["1", "10", "Còn học sinh bị lôi kéo trên mạng.", "Giáo dục ý thức chấp hành nội quy.", "GVCN"])
    _row(t, ["5", "TC 5.3", "Giáo dục địa phương còn lý thuyết.", "Tổ chức tham quan.", "Phó hiệu trưởng\n\nTrong cả năm"])
    d.add_paragraph("III. TIẾN ĐỘ THỰC HIỆN:")
    d.add_paragraph("- Tự đánh giá cuối năm.")
    _close(d)
    plan, written, _ = _import_docx(d, tmp_path, capsys)
    assert written.parent.name == "thcs-tan-son-go-vap"
    assert plan.meta.mau_bang == "5-cot"
    rows = {r.tieu_chi: r for r in plan.rows}
    assert list(rows) == ["1.3", "1.10", "5.3"]
    assert rows["1.3"].diem_yeu == "Kỹ năng tổ chức còn hạn chế."
    assert rows["1.3"].giai_phap == ["Cử đi bồi dưỡng.", "Dự giờ rút kinh nghiệm."]
    assert (rows["1.3"].chu_tri, rows["1.3"].thoi_gian) == ("- Hiệu trưởng - Tổng phụ trách", "Trong năm và các năm tiếp theo.")
    assert (rows["1.10"].chu_tri, rows["1.10"].thoi_gian) == ("GVCN", None)
    assert (rows["5.3"].chu_tri, rows["5.3"].thoi_gian) == ("Phó hiệu trưởng", "Trong cả năm")
    profile = yamlfile.parse((written.parent / "truong.yml").read_text("utf-8")).value
    assert (profile["quan_huyen"], profile["tinh_thanh"]) == ("Gò Vấp", "TP. Hồ Chí Minh")


def test_docx_ten_columns_in_any_order(tmp_path, capsys):
    """Columns are recognised by their header text: here 'Kinh phí' comes before 'Thời gian'."""
    d = docx.Document()
    _front(d, "TRƯỜNG THPT BÌNH PHỤC NHỨT", "126/KH-THPTBPN", "Chợ Gạo, ngày 31 tháng 10 năm 2022", "2022 - 2023",
           governing="SỞ GIÁO DỤC VÀ ĐÀO TẠO TIỀN GIANG")
    d.add_paragraph("1. Căn cứ pháp lý")
    d.add_paragraph("Thông tư số 18/2018/TT-BGDĐT.")
    d.add_paragraph("2. Nội dung thực hiện")
    header = ["TT", "Tiêu chuẩn", "Tiêu chí", "Nội dung kế hoạch", "Giải pháp thực hiện", "Phân công thực hiện",
              "Kinh phí", "Thời gian thực hiện", "Phân công giám sát", "Thời điểm báo cáo"]
    t = _table(d, header)
    _row(t, ["1", "1", "1.3", "Thành lập tổ tư vấn tâm lý.", "Rà soát nhân sự.", "Văn thư", "Ngân sách",
             "Tháng 11/2022", "Công đoàn", "Tháng 11/2022"])
    _row(t, ["2", "4", "4.2", "Huy động nguồn lực.", "Tăng cường xã hội hóa.", "Hiệu trưởng", "Ngân sách",
             "Tháng 11/2022", "Công đoàn", "Tháng 12/2022"])
    _row(t, ["3", "5", "3", "Giáo dục địa phương.", "Tham quan di tích.", "Tổ Sử", "", "Tháng 3/2023", "", "Tháng 5/2023"])
    d.add_paragraph("3. Tổ chức thực hiện")
    d.add_paragraph("Các bộ phận thực hiện nghiêm túc.")
    _close(d)
    plan, written, _ = _import_docx(d, tmp_path, capsys)
    assert written.parent.name == "thpt-binh-phuc-nhut-cho-gao"
    assert plan.meta.mau_bang == "10-cot" and plan.meta.thong_tu == "18/2018"
    assert plan.meta.co_quan_chu_quan == "SỞ GIÁO DỤC VÀ ĐÀO TẠO TIỀN GIANG"
    rows = {r.tieu_chi: r for r in plan.rows}
    assert list(rows) == ["1.3", "4.2", "5.3"]
    r = rows["1.3"]
    assert (r.noi_dung, r.giai_phap, r.chu_tri, r.nguon_kinh_phi, r.thoi_gian, r.giam_sat, r.thoi_diem_bao_cao) == (
        "Thành lập tổ tư vấn tâm lý.", ["Rà soát nhân sự."], "Văn thư", "Ngân sách", "Tháng 11/2022", "Công đoàn",
        "Tháng 11/2022")
    assert (rows["5.3"].thoi_gian, rows["5.3"].thoi_diem_bao_cao, rows["5.3"].giam_sat) == ("Tháng 3/2023", "Tháng 5/2023", None)
    profile = yamlfile.parse((written.parent / "truong.yml").read_text("utf-8")).value
    assert profile["co_quan_chu_quan"] == "Sở GDĐT Tiền Giang" and profile["cap_hoc"] == "thpt"


def test_docx_unknown_column_and_unknown_criterion_are_kept_for_the_editor(tmp_path, capsys):
    d = docx.Document()
    _front(d, "TRƯỜNG TIỂU HỌC HOA SEN", "5/KH-THHS", "Quận 1, ngày 1 tháng 10 năm 2024", "2024-2025",
           governing="UBND QUẬN 1")
    d.add_paragraph("I. NỘI DUNG")
    t = _table(d, ["TT", "Tiêu chuẩn, tiêu chí", "Kết quả cần đạt", "Công việc/giải pháp", "Minh chứng lưu trữ"])
    _row(t, ["1", "Tiêu chí 1.1", "Đạt mức 2.", "Rà soát kế hoạch.", "Biên bản họp hội đồng"])
    _row(t, ["2", "Tiêu chí 9.9", "Không có trong thông tư.", "Một việc khác.", ""])
    _close(d)
    plan, written, out = _import_docx(d, tmp_path, capsys)
    assert plan.meta.thong_tu == "17/2018" and [r.tieu_chi for r in plan.rows] == ["1.1"]
    section = plan.body.split(f"## {UNPLACED}")[1]
    assert "Minh chứng lưu trữ" in section and "Biên bản họp hội đồng" in section
    assert "9.9" in section and "Một việc khác" in section
    assert "Biên bản họp hội đồng" in out and "9.9" in out


def test_docx_of_thirty_pages(tmp_path, capsys):
    """A long plan (about 30 printed pages, one table over four pages' tables): every row is read.

    Speed is measured by hand (see the report of this change), never asserted in a test.
    """
    d = docx.Document()
    _front(d, "TRƯỜNG THCS DÀI TRANG", "1/KH-DT", "Gò Vấp, ngày 1 tháng 9 năm 2024", "2024-2025",
           governing="UBND QUẬN GÒ VẤP")
    for section in ("I. MỤC ĐÍCH, YÊU CẦU", "II. CĂN CỨ XÂY DỰNG KẾ HOẠCH"):
        d.add_paragraph(section)
        for k in range(25):
            d.add_paragraph(f"Đoạn {k}: " + "nhà trường tiếp tục rà soát, đánh giá và cải tiến chất lượng " * 8)
    d.add_paragraph("III. NỘI DUNG KẾ HOẠCH")
    ids = [f"{s}.{c}" for s, n in ((1, 10), (2, 4), (3, 6), (4, 2), (5, 6)) for c in range(1, n + 1)]
    t = None
    for n, cid in enumerate(ids):
        if n % 7 == 0:  # a new table after each page break, repeating the header
            if t is not None:
                d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            t = _table(d, HEADER_9)
        solutions = "\n\n".join(f"Giải pháp {k} cho tiêu chí {cid}: " + "tổ chức thực hiện, kiểm tra, đánh giá " * 6
                                 for k in range(1, 7))
        _row(t, ["", f"Tiêu chí {cid}", "Kết quả cần đạt: " + "nâng cao hiệu quả hoạt động của nhà trường " * 8,
                 solutions, "Hiệu trưởng, phó hiệu trưởng, tổ trưởng chuyên môn", "Tháng 9/2024 đến tháng 5/2025",
                 "Ngân sách", "Phòng GDĐT hỗ trợ", ""])
    d.add_paragraph("IV. TỔ CHỨC THỰC HIỆN")
    for k in range(20):
        d.add_paragraph(f"- Nhiệm vụ {k}: " + "các bộ phận phối hợp thực hiện đúng tiến độ " * 6)
    _close(d)
    plan, _, out = _import_docx(d, tmp_path, capsys)
    assert [r.tieu_chi for r in plan.rows] == ids
    assert all(len(r.giai_phap) == 6 for r in plan.rows)
    assert "Mọi nội dung của văn bản đã được xếp vào kế hoạch." in out

