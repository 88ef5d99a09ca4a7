"""`scripts/validate`: check every plan and school profile, print every problem."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from congkhai.core.loader import load_corpus
from congkhai.core.problems import in_github_actions


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="validate", description="Kiểm tra các tệp kế hoạch trong plans/.")
    parser.add_argument("plans", nargs="?", default="plans", help="thư mục kế hoạch (mặc định: plans)")
    parser.add_argument(
        "--github", action="store_true", default=in_github_actions(),
        help="in lỗi dạng chú thích GitHub (::error file=…,line=…::); tự bật trong GitHub Actions",
    )
    args = parser.parse_args(argv)
    root = Path(args.plans)
    corpus, problems = load_corpus(root)
    base = Path.cwd()
    for p in problems:
        print(p.annotation(base) if args.github else p.format(base))
    errors = problems.errors
    if errors:
        files = len({p.path for p in errors})
        print(f"Có {len(errors)} lỗi trong {files} tệp. Sửa các lỗi trên rồi chạy lại.", file=sys.stderr)
        return 1
    n_rows = sum(len(p.rows) for p in corpus.plans)
    print(f"Hợp lệ: {len(corpus.plans)} kế hoạch của {len(corpus.schools)} trường, {n_rows} dòng cải tiến.")
    return 0
