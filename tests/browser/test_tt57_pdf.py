"""The PDFs of the Thông tư 57/2026 test plans (tests/data/tt57), printed by headless Chromium and
read back with poppler: every page A4 landscape, the form's header, the ten numbered columns,
the monitoring table and the signature."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from congkhai.printing import browser

DATA = ROOT / "tests" / "data" / "tt57" / "plans"
COLUMNS = [
    "TT", "Nội dung cải tiến", "Mục tiêu cải tiến", "Hoạt động/giải pháp", "Chỉ số đánh giá kết quả",
    "Thời gian thực hiện", "Đơn vị/cá nhân phụ trách", "Nguồn lực bảo đảm",
    "Thông tin, dữ liệu hoặc minh chứng dự kiến", "Mức độ thực hiện",
]

pytestmark = pytest.mark.skipif(
    not (Path(browser.chromium_path()).is_file() and shutil.which("pdftotext")),
    reason="cần Chromium và poppler-utils (scripts/setup --test)",
)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("tt57-pdf")
    env = dict(os.environ, CONGKHAI_PLANS=str(DATA), CONGKHAI_PDF_CACHE=str(base / "cache"), NO_MKDOCS_2_WARNING="1")
    env.pop("CONGKHAI_PDF", None)
    done = subprocess.run([sys.executable, "-m", "congkhai", "build", "-d", str(base / "site")],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return base / "site"


def _pages(path: Path) -> tuple[list[tuple[float, float]], list[str]]:
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "999", str(path)], capture_output=True, text=True, check=True).stdout
    sizes = [(float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)]
    text = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return sizes, text.split("\f")[: len(sizes)]


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize(("slug", "signer"), [("thcs-hoa-lac", "Nguyễn Văn Bình"), ("mn-hoa-sen", "Trần Thị Hoa")])
def test_the_pdf_is_a4_landscape_with_the_forms_header_ten_numbered_columns_and_signature(site, slug, signer):
    sizes, pages = _pages(site / "truong" / slug / "2026-2027" / f"{slug}-2026-2027.pdf")
    assert sizes and all((round(w), round(h)) == (842, 595) for w, h in sizes), sizes
    first, whole = pages[0], _squash("".join(pages))
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in first and "KẾ HOẠCH" in first
    assert _squash("".join(COLUMNS)) in whole
    assert _squash("".join(f"({n})" for n in range(1, 11))) in whole
    assert "Cuốihọckỳ I".replace(" ", "") in whole and "Cuốinămhọc" in whole
    assert signer in pages[-1] and signer not in "".join(pages[:-1])
