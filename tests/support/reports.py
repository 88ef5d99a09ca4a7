"""Helpers of the report-import tests: running the importer, and reports with real PDFs' glyph faults."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from conftest import DATA as TEST_DATA

from congkhai.core import yamlfile
from congkhai.core.loader import load_corpus, split_front_matter
from congkhai.importer import cli

DATA = TEST_DATA / "reports"


NH_TEXT = DATA / "thcs-nguyenhue-longdien-tdg-2019.txt"


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def import_plan(capsys, tmp_path: Path, source: Path, *options: str) -> tuple[dict, str, str]:
    """Run scripts/import into tmp_path/plans; the written plan's front matter, body and output."""
    plans = tmp_path / "plans"
    code = cli.main([str(source), "--plans", str(plans), *options])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert code == 0, err
    found = sorted(plans.glob("*/*.md"))
    assert len(found) == 1, found
    yaml_text, body, _ = split_front_matter(found[0].read_text("utf-8"))
    _, problems = load_corpus(plans)
    assert not problems.errors, [p.message for p in problems.errors]
    return yamlfile.parse(yaml_text).value, body, out


# ---------------------------------------------------------------------------- generated PDFs
FAULTY = {"ư": "ƣ", "đ": "ð"}


def report_html(criteria: int) -> str:
    """A small report; a page number and a manual page break split the first measure of each criterion."""
    parts = ["<p>PHÒNG GIÁO DỤC VÀ ĐÀO TẠO QUẬN 3</p><p>TRƯỜNG THCS THỬ NGHIỆM</p><p>BÁO CÁO TỰ ĐÁNH GIÁ</p>",
             "<p>NĂM HỌC 2023-2024</p>"]
    for n, word in enumerate(["một", "hai", "ba", "bốn", "năm", "sáu"][:criteria], 1):
        parts.append(
            f'<h3 style="break-before: page">Tiêu chí 1.{n}: Tên tiêu chí thứ {n}</h3>'
            f"<p>1. Mô tả hiện trạng</p><p>Nhà trường có hồ sơ đầy đủ [H1-1.{n}-01].</p>"
            "<p>3. Điểm yếu</p><p>Việc lưu trữ hồ sơ của trường chưa khoa học.</p>"
            "<p>4. Kế hoạch cải tiến chất lượng</p>"
            f"<p>Tổ văn phòng sắp xếp lại hồ sơ lưu trữ thứ {word} theo từng năm học và số hóa các văn bản</p>"
            f"<p>{n + 4}</p>"
            '<p style="break-before: page">quan trọng của nhà trường để được đánh giá đúng.</p>'
            "<p>Thời gian: từ tháng 9/2023 đến tháng 5/2024.</p>"
            "<p>5. Tự đánh giá: Đạt mức 2.</p>"
        )
    parts.append("<p>Quận 3, ngày 20 tháng 5 năm 2024</p><p>HIỆU TRƯỞNG</p><p>Lê Văn Thử</p>")
    text = "".join(parts)
    for good, bad in FAULTY.items():
        text = text.replace(good, bad)
    return f'<html lang="vi"><meta charset="utf-8"><body style="font-family: Liberation Serif">{text}</body></html>'
