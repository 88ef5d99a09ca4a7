"""`scripts/build`: the one command that builds the whole site.

MkDocs builds the pages (and, through the hooks' post-build steps, the data files and the
search index); then the plan pages are printed to PDF (their print CSS makes the official
document) with headless Chromium.
Which plans get a PDF is a policy (`--pdf`): every plan (`tat-ca`, the default up to 2,000
plans), only each school's newest plan (`moi-nhat`, the default above: PDFs would outgrow the
1 GB a GitHub Pages site may hold) or none (`khong`). The plan pages offer "Tải PDF" exactly
where the policy puts a PDF. `--khong-pdf` skips printing for a quick build; the pages still
link the PDFs the policy names.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from mkdocs.commands import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError

from congkhai.printing import pdf
from congkhai.facts.pdf_policy import ALL_PDFS_UP_TO, POLICIES


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="build", description="Dựng trang web từ plans/.")
    parser.add_argument("-f", "--config-file", default="mkdocs.yml", help="tệp cấu hình MkDocs")
    parser.add_argument("-d", "--site-dir", default=None, help="thư mục kết quả (mặc định: site)")
    parser.add_argument("--khong-pdf", "--no-pdf", dest="pdf", action="store_false", help="không tạo PDF")
    parser.add_argument("--pdf", dest="policy", choices=POLICIES, default=None,
                        help="kế hoạch nào có PDF: tat-ca (tất cả), moi-nhat (kế hoạch mới nhất của mỗi trường), "
                        f"khong (không có PDF); mặc định tat-ca nếu có đến {ALL_PDFS_UP_TO} kế hoạch, nhiều hơn thì moi-nhat")
    parser.add_argument("--url", default=None, help="địa chỉ trang khi đăng (site_url), ví dụ https://ten.github.io/kho/")
    args = parser.parse_args(argv)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s -  %(message)s")
    overrides = {"strict": True}
    if args.site_dir:
        overrides["site_dir"] = args.site_dir
    if args.url is not None:
        overrides["site_url"] = args.url
    try:
        config = load_config(args.config_file, **overrides)
        config.extra.setdefault("congkhai", {})["pdf_policy"] = args.policy  # read by glue.on_config
        mkdocs_build.build(config)
    except (Abort, ConfigurationError) as e:
        print(f"Không dựng được trang: {e}", file=sys.stderr)
        return 1
    site_dir = Path(config.site_dir)
    if args.pdf and os.environ.get("CONGKHAI_PDF", "1") != "0":
        return pdf.build_pdfs(site_dir, chosen=args.policy)
    return 0
