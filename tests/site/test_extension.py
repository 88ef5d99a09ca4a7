"""The code is open for the two changes the law brings most: a new row field and a new circular.

A field is one entry in congkhai/core/fields.py and a circular one catalog file; these tests make
each change in that one place only (a field appended to the table before anything else imports
it, a made-up circular in a temporary catalogs folder) and find it everywhere it must show."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import lxml.html
from conftest import ROOT, build_or_fail

NEW_FIELD = (
    "import congkhai.core.fields as f\n"
    "f.ROW_FIELDS = f.ROW_FIELDS + (f.RowField('chi_so', 'Chỉ số đánh giá', 'Chỉ số đánh giá kết quả.',"
    " short='Chỉ số', samples=('Tỷ lệ học sinh đọc sách đạt 80%',)),)\n"
)


MARK = "tỷ lệ mượn sách tăng gấp đôi"


def _school(root: Path, slug: str, level: str, name: str) -> Path:
    folder = root / slug
    folder.mkdir(parents=True)
    (folder / "truong.yml").write_text(f"ten: {name}\ncap_hoc: {level}\ntinh_thanh: Tỉnh Thử\nquan_huyen: Huyện Thử\n", "utf-8")
    return folder


def test_a_row_field_added_to_the_table_alone_shows_on_page_print_csv_and_search(tmp_path):
    plans = tmp_path / "plans"
    folder = _school(plans, "thcs-thu", "thcs", "Trường THCS Thử")
    (folder / "2024-2025.md").write_text(textwrap.dedent(f"""\
        ---
        nam_hoc: "2024-2025"
        thong_tu: "18/2018"
        cai_tien:
          - tieu_chi: "3.6"
            diem_yeu: Thư viện còn ít sách.
            giai_phap: [Bổ sung sách]
            chi_so: {MARK}
        ---

        ## I. MỤC ĐÍCH
        """), "utf-8")
    site = build_or_fail(plans, tmp_path / "site", prelude=NEW_FIELD)

    page = lxml.html.fromstring((site / "truong/thcs-thu/2024-2025/index.html").read_text("utf-8"))
    cell = [p.text_content() for p in page.xpath("//tr[@id='tieu-chi-3-6']//p")]
    assert f"Chỉ số: {MARK}" in cell  # the 9-column form has no column for it: labelled, beside the notes

    rows = list(csv.DictReader(io.StringIO((site / "du-lieu/cai-tien.csv").read_text("utf-8-sig"))))
    assert [r["chi_so"] for r in rows] == [MARK]

    code = NEW_FIELD + textwrap.dedent(f"""
        from pathlib import Path
        from congkhai.core.loader import load_corpus
        from congkhai.outputs.search.records import records
        corpus, _ = load_corpus(Path({str(plans)!r}))
        print([s.text for r in records(corpus) for s in r.sections])
        from congkhai.outputs.form import authoring_data
        print([d["ma"] for d in authoring_data()["dong"]])
        from congkhai.commands.schema import expected
        print("chi_so" in expected()["ke-hoach.schema.json"])
        """)
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    sections, form_fields, in_schema = out.splitlines()
    assert MARK in sections
    assert form_fields.endswith("'chi_so']") and in_schema == "True"


FIFTH = """\
ma: "99/2030"
ky_hieu: tt99
ten: "Thông tư số 99/2030/TT-BGDĐT (thử)"
ten_ngan: "Thông tư 99/2030/TT-BGDĐT"
ap_dung: "THCS"
cap_hoc: [thcs]
tu_nam_hoc: "2030-2031"
mau_bang:
  - ma: bieu-thu
    ten: "Biểu thử"
    ngang: true
    danh_so_cot: true
    web:
      - {ma: muc_tieu, ten: "Mục tiêu cải tiến", truong: [ket_qua_can_dat]}
      - giai_phap
    in:
      - {ten: "TT", truong: ["#tt"], hep: true}
      - {ten: "Nội dung cải tiến", truong: ["#tieu_chi"]}
      - {ten: "Mục tiêu cải tiến", truong: [ket_qua_can_dat]}
      - {ten: "Hoạt động/giải pháp", truong: [giai_phap]}
tieu_chuan:
  - ma: "1"
    ten: "Tiêu chuẩn thử một"
    tieu_chi:
      - {ma: "1.1", ten: "Tiêu chí thử một chấm một"}
      - {ma: "1.2", ten: "Tiêu chí thử một chấm hai", chua_xac_minh: true}
"""


def test_a_made_up_circular_added_as_one_catalog_file_validates_builds_and_prints(tmp_path):
    catalogs = tmp_path / "catalogs"
    catalogs.mkdir()
    (catalogs / "tt99.yml").write_text(FIFTH, "utf-8")
    plans = tmp_path / "plans"
    folder = _school(plans, "thcs-tuong-lai", "thcs", "Trường THCS Tương Lai")
    (folder / "2030-2031.md").write_text(textwrap.dedent("""\
        ---
        nam_hoc: "2030-2031"
        thong_tu: "99/2030"
        cai_tien:
          - tieu_chi: "1.2"
            ket_qua_can_dat: Đạt mục tiêu thử.
            giai_phap: [Làm thử]
        ---
        """), "utf-8")
    env = {"CONGKHAI_CATALOGS": str(catalogs)}
    site = build_or_fail(plans, tmp_path / "site", env=env)

    page = lxml.html.fromstring((site / "truong/thcs-tuong-lai/2030-2031/index.html").read_text("utf-8"))
    assert "Mục tiêu cải tiến" in [th.text_content() for th in page.xpath("//thead//th")]
    link = page.xpath("//tr[@id='tieu-chi-1-2']//a/@href")[0]
    assert link.endswith("tieu-chi/tt99/1-2/")
    criterion = (site / "tieu-chi/tt99/1-2/index.html").read_text("utf-8")
    assert "Tiêu chí thử một chấm hai" in criterion and "Trường THCS Tương Lai" in criterion

    assert page.xpath("//div[@id='ban-in'][contains(@class,'ck-print--bieu-thu')]")
    assert [th.text_content() for th in page.xpath("//thead/tr[2]/th")] == ["(1)", "(2)", "(3)", "(4)"]
    form = json.loads((site / "assets/tieu-chi.json").read_text("utf-8"))
    assert "99/2030" in [c["ma"] for c in form["thong_tu"]]

    # The same plan a year too early is refused, naming the circular and the year, at the line.
    early = folder / "2029-2030.md"
    early.write_text((folder / "2030-2031.md").read_text("utf-8").replace("2030-2031", "2029-2030"), "utf-8")
    result = subprocess.run([sys.executable, "-m", "congkhai", "validate", str(plans)], cwd=ROOT, capture_output=True,
                            text=True, env={**os.environ, **env})
    assert result.returncode == 1
    assert "2029-2030.md:3:" in result.stdout + result.stderr
    assert "áp dụng từ năm học 2030-2031" in result.stdout + result.stderr

