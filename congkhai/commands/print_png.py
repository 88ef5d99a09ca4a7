"""`scripts/print-png`: every plan's PDF as PNG pages (pdftoppm), to compare with the originals."""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from congkhai import PROJECT_ROOT
from congkhai.commands import build
from congkhai.printing.pdf import PdfError, build_pdfs


def pdf_to_png(pdf: Path, out_dir: Path, dpi: int = 80) -> list[Path]:
    """One PNG per page: <pdf-name>-<page>.png."""
    if not shutil.which("pdftoppm"):
        raise PdfError("Thiếu chương trình pdftoppm; cài gói poppler-utils (sudo apt-get install poppler-utils).")
    out_dir.mkdir(parents=True, exist_ok=True)
    prefix = out_dir / pdf.stem
    for old in out_dir.glob(f"{pdf.stem}-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), str(pdf), str(prefix)], check=True)
    return sorted(out_dir.glob(f"{pdf.stem}-*.png"))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="print-png", description="Vẽ bản in của mỗi kế hoạch thành ảnh PNG (mỗi trang một ảnh) để so với văn bản gốc."
    )
    parser.add_argument("out", type=Path, help="thư mục ghi ảnh PNG")
    parser.add_argument("--site", type=Path, default=None, help="trang đã dựng sẵn (mặc định: dựng lại vào thư mục tạm)")
    parser.add_argument("--dpi", type=int, default=80, help="độ phân giải ảnh (mặc định 80)")
    args = parser.parse_args(argv)
    tmp = None
    try:
        site = args.site
        if site is None:
            tmp = tempfile.mkdtemp(prefix="congkhai-in-")
            site = Path(tmp) / "site"
            config = Path("mkdocs.yml")
            if not config.is_file():
                config = PROJECT_ROOT / "mkdocs.yml"
            code = build.main(["-f", str(config), "-d", str(site)])
            if code:
                return code
        elif build_pdfs(site):
            return 1
        pdfs = sorted(site.glob("truong/*/*/*.pdf"))
        if not pdfs:
            print("Không có tệp PDF nào trong trang đã dựng.", file=sys.stderr)
            return 1
        count = sum(len(pdf_to_png(pdf, args.out, args.dpi)) for pdf in pdfs)
        print(f"Đã ghi {count} ảnh của {len(pdfs)} kế hoạch vào {args.out}")
        return 0
    except PdfError as e:
        print(f"Lỗi: {e}", file=sys.stderr)
        return 1
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)
