"""Listing plans/ for the loader: bounded, and nothing skipped in silence.

Whatever the build does not read (a hidden folder, a report left beside the plans, a file with
the wrong extension) is named in a warning, so it is never left unpublished without a word.
"""

from __future__ import annotations

import itertools
import os
from pathlib import Path

from congkhai.core.problems import ProblemList

SCHOOL_FILE = "truong.yml"
REPORTS = frozenset((".docx", ".doc", ".pdf", ".txt", ".odt", ".rtf"))
_IMPORT_HINT = "; để chuyển báo cáo thành kế hoạch hãy chạy scripts/import rồi xóa tệp gốc"


def entries(folder: Path, limit: int, problems: ProblemList) -> list[Path] | None:
    """The folder's entries, sorted; None (and an error) when there are more than `limit`:
    listing a folder of a million files must not be where the build spends its time."""
    try:
        with os.scandir(folder) as it:
            found = [Path(e.path) for e in itertools.islice(it, limit + 1)]
    except OSError as e:
        problems.add(folder, 1, f"không đọc được thư mục ({e.strerror})")
        return None
    if len(found) > limit:
        problems.add(folder, 1, f"thư mục có quá nhiều tệp (trên {limit}); kiểm tra có chép nhầm thư mục không")
        return None
    return sorted(found)


def _hidden(entry: Path, problems: ProblemList) -> None:
    kind = "thư mục" if entry.is_dir() else "tệp"
    problems.add(
        entry, 1,
        f"{kind} «{entry.name}» bị bỏ qua, không được đăng (tên bắt đầu bằng dấu chấm); nếu là kế hoạch, hãy đổi tên",
        "warning",
    )


def report_root(entries_: list[Path], problems: ProblemList) -> list[Path]:
    """Report what plans/ holds besides school folders; return the school folders."""
    folders = []
    for entry in entries_:
        if entry.name.startswith("."):
            _hidden(entry, problems)
        elif entry.is_dir():
            folders.append(entry)
        elif entry.suffix == ".md":
            problems.add(entry, 1, "kế hoạch phải nằm trong thư mục của trường: plans/<mã-trường>/<năm-học>.md")
        else:
            hint = _IMPORT_HINT if entry.suffix.lower() in REPORTS else ""
            problems.add(entry, 1, f"tệp «{entry.name}» bị bỏ qua, không được đăng: plans/ chỉ chứa các thư mục trường{hint}", "warning")
    return folders


def report_school(entries_: list[Path], problems: ProblemList) -> None:
    """Report what a school folder holds besides truong.yml and <năm-học>.md files."""
    for entry in entries_:
        if entry.name.startswith("."):
            _hidden(entry, problems)
        elif entry.is_dir():
            problems.add(entry, 1, "thư mục con bị bỏ qua, không được đăng; thư mục trường chỉ có truong.yml và các tệp <năm-học>.md", "warning")
        elif entry.suffix.lower() in REPORTS:
            problems.add(entry, 1, f"tệp «{entry.name}» bị bỏ qua, không được đăng{_IMPORT_HINT}", "warning")
        elif entry.suffix.lower() in {".yml", ".yaml"} and entry.name != SCHOOL_FILE:
            problems.add(entry, 1, f"tệp «{entry.name}» bị bỏ qua: hồ sơ trường phải tên là {SCHOOL_FILE}", "warning")
        elif entry.suffix not in {".md", ".yml"}:
            problems.add(
                entry, 1,
                f"tệp «{entry.name}» bị bỏ qua, không được đăng; thư mục trường chỉ có truong.yml và các tệp <năm-học>.md",
                "warning",
            )

