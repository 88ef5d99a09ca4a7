"""Command-line entry: `python -m congkhai <command>`; scripts/<command> call the same code.

Each command lives in the module named for its concern and is imported only when used, so
`validate` stays quick and a broken optional dependency never blocks another command.
"""

from __future__ import annotations

import importlib
import sys

COMMANDS = {
    "validate": ("congkhai.commands.validate", "kiểm tra mọi kế hoạch trong plans/"),
    "import": ("congkhai.importer.cli", "chuyển văn bản Word (.docx), .txt hoặc báo cáo tự đánh giá (.pdf) thành tệp kế hoạch"),
    "new-plan": ("congkhai.commands.new_plan", "tạo tệp kế hoạch mới có đủ các mục"),
    "build": ("congkhai.commands.build", "dựng trang web (MkDocs), chỉ mục tìm kiếm và PDF"),
    "build-school": ("congkhai.commands.build_school", "dựng trang riêng cho một trường"),
    "schema": ("congkhai.commands.schema", "ghi JSON Schema của tệp kế hoạch"),
    "codeowners": ("congkhai.commands.codeowners", "tạo .github/CODEOWNERS từ hồ sơ trường"),
    "pr-check": ("congkhai.commands.pr_check", "kiểm tra một pull request"),
    "print-png": ("congkhai.commands.print_png", "vẽ bản in của mỗi kế hoạch thành ảnh PNG"),
    "search-index": ("congkhai.commands.search_index", "dựng lại chỉ mục tìm kiếm của trang đã dựng"),
    "bench": ("congkhai.devtools.bench", "đo tốc độ dựng trang với nhiều kế hoạch"),
    "page-weight": ("congkhai.devtools.page_weight", "đo dung lượng tải lần đầu trên điện thoại của từng loại trang (và điểm Lighthouse)"),
    "bench-import": ("congkhai.devtools.bench_import", "đo thời gian chuyển một báo cáo tự đánh giá PDF 120 trang"),
}


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] in {"-h", "--help", "help"} or argv[0] not in COMMANDS:
        if argv and argv[0] not in {"-h", "--help", "help"}:
            print(f"Không có lệnh «{argv[0]}».", file=sys.stderr)
        print("Cách dùng: python -m congkhai <lệnh> [tham số]\n\nCác lệnh:")
        for name, (_, help_text) in COMMANDS.items():
            print(f"  {name:<14}{help_text}")
        return 0 if not argv or argv[0] in {"-h", "--help", "help"} else 2
    from congkhai.commands import argvi

    argvi.install()
    module = importlib.import_module(COMMANDS[argv[0]][0])
    try:
        return int(module.main(argv[1:]) or 0)
    except KeyboardInterrupt:
        print("Đã dừng.", file=sys.stderr)
        return 130
