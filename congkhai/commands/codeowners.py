"""`python -m congkhai codeowners [--check]`: write .github/CODEOWNERS from the school profiles.

Each school's editors (`bien_tap_vien` in plans/<slug>/truong.yml) own that school's folder, so
GitHub asks them to review every change to it; the maintainers (.github/maintainers.txt) own
everything else and are listed on every school line too, so that a maintainer's review also counts
when a school has a single editor who opened the pull request. The file is generated, never
edited by hand; `--check` (run by the tests) fails when it is out of date.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from congkhai.core.loader import SCHOOL_FILE, load_school
from congkhai.core.problems import ProblemList

MAINTAINERS_FILE = Path(".github/maintainers.txt")
CODEOWNERS_FILE = Path(".github/CODEOWNERS")
ACCOUNT = re.compile(r"^@?([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))$")
# A team (@org/team) may stand for the maintainers.
TEAM = re.compile(r"^@?([A-Za-z0-9][A-Za-z0-9-]*/[A-Za-z0-9][A-Za-z0-9_.-]*)$")

HEADER = """\
# Tệp này được tạo tự động bằng lệnh «python -m congkhai codeowners» từ .github/maintainers.txt
# (người quản trị) và mục bien_tap_vien trong plans/<mã-trường>/truong.yml (biên tập viên).
# Đừng sửa tay: sửa các tệp đó rồi chạy lại lệnh. Với mỗi tệp, dòng khớp sau cùng quyết định ai duyệt.
"""


def read_maintainers(path: Path, problems: ProblemList) -> list[str]:
    """GitHub accounts (or @org/team) of the maintainers, one a line; `#` starts a comment."""
    if not path.exists():
        return []
    names: list[str] = []
    for number, raw in enumerate(path.read_text("utf-8").splitlines(), start=1):
        text = raw.split("#", 1)[0].strip()
        if not text:
            continue
        m = ACCOUNT.match(text) or TEAM.match(text)
        if not m:
            problems.add(path, number, f"«{text}» không phải tên tài khoản hay nhóm GitHub hợp lệ")
            continue
        if m[1].lower() not in {n.lower() for n in names}:
            names.append(m[1])
    return names


def school_editors(plans: Path, problems: ProblemList) -> dict[str, list[str]]:
    """Editors by school slug, read from each truong.yml through the loader (same checks)."""
    editors: dict[str, list[str]] = {}
    if not plans.is_dir():
        return editors
    for folder in sorted(p for p in plans.iterdir() if p.is_dir() and not p.name.startswith(".")):
        if not (folder / SCHOOL_FILE).exists():
            continue
        record = load_school(folder, problems)
        if record is not None:
            editors[record.slug] = list(record.profile.bien_tap_vien)
    return editors


def render(maintainers: list[str], editors: dict[str, list[str]]) -> str:
    owners = " ".join("@" + m for m in maintainers)
    lines = [HEADER]
    if owners:
        lines.append(f"* {owners}\n")
    else:
        lines.append("# Chưa có người quản trị: thêm tài khoản GitHub vào .github/maintainers.txt.\n")
    school_lines = []
    for slug in sorted(editors):
        names: list[str] = []
        for name in editors[slug] + maintainers:
            if name.lower() not in {n.lower() for n in names}:
                names.append(name)
        if editors[slug]:
            school_lines.append(f"/plans/{slug}/ " + " ".join("@" + n for n in names))
    if school_lines:
        lines.append("\n".join(school_lines) + "\n")
    return "\n".join(lines)


def generate(root: Path, plans: Path | None = None) -> tuple[str, ProblemList]:
    problems = ProblemList()
    maintainers = read_maintainers(root / MAINTAINERS_FILE, problems)
    editors = school_editors(plans if plans is not None else root / "plans", problems)
    return render(maintainers, editors), problems


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="codeowners", description="Tạo .github/CODEOWNERS từ mục bien_tap_vien của hồ sơ trường."
    )
    parser.add_argument("--check", action="store_true", help="chỉ kiểm tra tệp đã cập nhật chưa (mã thoát 1 nếu cũ)")
    parser.add_argument("--root", default=".", help="thư mục gốc của kho (mặc định: thư mục hiện tại)")
    args = parser.parse_args(argv)
    root = Path(args.root)
    text, problems = generate(root)
    for p in problems:
        print(p.format(root), file=sys.stderr)
    if problems.errors:
        print("Không tạo CODEOWNERS vì hồ sơ trường hoặc danh sách người quản trị có lỗi.", file=sys.stderr)
        return 1
    target = root / CODEOWNERS_FILE
    current = target.read_text("utf-8") if target.exists() else None
    if args.check:
        if current != text:
            print(
                f"{CODEOWNERS_FILE} chưa khớp với danh sách biên tập viên trong hồ sơ trường. "
                "Chạy: python -m congkhai codeowners",
                file=sys.stderr,
            )
            return 1
        print(f"{CODEOWNERS_FILE} đã cập nhật.")
        return 0
    if current == text:
        print(f"{CODEOWNERS_FILE} đã cập nhật, không cần ghi lại.")
        return 0
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, "utf-8")
    print(f"Đã ghi {CODEOWNERS_FILE}.")
    return 0
