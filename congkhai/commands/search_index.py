"""`scripts/build` rebuilds everything; `python -m congkhai search-index` rebuilds only the search
index of a site already built (after editing the record template, for example)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from congkhai.core.loader import load_corpus
from congkhai.outputs.search.pagefind import SearchBuildError, index_site


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="search-index", description="Dựng lại chỉ mục tìm kiếm của trang đã dựng.")
    parser.add_argument("--plans", type=Path, default=Path("plans"), help="thư mục kế hoạch (mặc định: plans)")
    parser.add_argument("--site", type=Path, default=Path("site"), help="thư mục trang đã dựng (mặc định: site)")
    args = parser.parse_args(argv)
    corpus, problems = load_corpus(args.plans)
    if problems.errors:
        for p in problems.errors:
            print(p.format(Path.cwd()), file=sys.stderr)
        return 1
    if not (args.site / "index.html").is_file():
        print(f"Không thấy trang đã dựng trong {args.site}; chạy scripts/build trước.", file=sys.stderr)
        return 1
    try:
        print(index_site(corpus, args.site))
    except SearchBuildError as e:
        print(f"Không tạo được chỉ mục tìm kiếm: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
