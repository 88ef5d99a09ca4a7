"""`scripts/build-school <mã-trường>`: a standalone site with one school's plans only.

For a school that wants to upload its plans to any web host or attach them to its portal: the
normal build (pages, PDFs, search, data files) run over a plans folder holding only
that school. MkDocs writes relative links, so the folder works wherever it is served from,
including a sub-folder. The school's folder is linked (or, where links are not possible, copied)
into a temporary plans folder, so error messages still name the real files.
"""

from __future__ import annotations

import argparse
import difflib
import os
import shutil
import sys
import tempfile
from pathlib import Path

from congkhai import PROJECT_ROOT
from congkhai.commands import build
from congkhai.core.loader import SCHOOL_FILE

ROOT = PROJECT_ROOT


def _stage(school_dir: Path, plans: Path) -> None:
    """Put the school's folder into the temporary plans folder."""
    target = plans / school_dir.name
    try:
        target.symlink_to(school_dir.resolve(), target_is_directory=True)
    except OSError:
        shutil.copytree(school_dir, target)


def build_school(slug: str, out: Path, *, config_file: Path, plans_dir: Path, pdf: bool = True, url: str | None = None) -> int:
    school_dir = plans_dir / slug
    if not (school_dir / SCHOOL_FILE).is_file():
        known = sorted(p.name for p in plans_dir.iterdir() if (p / SCHOOL_FILE).is_file()) if plans_dir.is_dir() else []
        hint = [k for k in known if slug in k][:3] or difflib.get_close_matches(slug, known, n=3)
        msg = f"Không có trường «{slug}» trong {plans_dir} (cần tệp {slug}/{SCHOOL_FILE})."
        if hint:
            msg += " Có phải: " + ", ".join(hint) + "?"
        print(msg, file=sys.stderr)
        return 2
    if out.exists() and any(out.iterdir()) and not (out / "index.html").is_file():
        # MkDocs empties its output folder first: never let that be a folder of other files.
        print(f"Thư mục {out} đã có tệp khác; hãy chọn một thư mục trống (-o).", file=sys.stderr)
        return 2
    argv = ["-f", str(config_file), "-d", str(out.resolve())]
    if not pdf:
        argv.append("--no-pdf")
    # A standalone copy must not point at the main site: keep its links relative.
    argv += ["--url", url or ""]
    previous = os.environ.get("CONGKHAI_PLANS")
    with tempfile.TemporaryDirectory(prefix="congkhai-truong-") as tmp:
        plans = Path(tmp) / "plans"
        plans.mkdir()
        _stage(school_dir, plans)
        os.environ["CONGKHAI_PLANS"] = str(plans)
        try:
            return build.main(argv)
        finally:
            if previous is None:
                os.environ.pop("CONGKHAI_PLANS", None)
            else:
                os.environ["CONGKHAI_PLANS"] = previous


def make_zip(folder: Path) -> Path:
    """folder.zip next to the folder, with the folder itself at the top of the archive."""
    archive = shutil.make_archive(str(folder), "zip", root_dir=folder.parent, base_dir=folder.name)
    return Path(archive)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="build-school",
        description="Dựng trang web riêng của một trường (chỉ các kế hoạch của trường đó), để đưa lên website của trường.",
    )
    parser.add_argument("slug", metavar="mã-trường", help="tên thư mục của trường trong plans/, ví dụ thcs-tan-son-go-vap")
    parser.add_argument("-o", "--out", default=None, help="thư mục kết quả (mặc định: build/truong-<mã-trường>)")
    parser.add_argument("--zip", action="store_true", help="nén thêm thành tệp .zip cạnh thư mục kết quả")
    parser.add_argument("--khong-pdf", "--no-pdf", dest="pdf", action="store_false", help="không tạo PDF")
    parser.add_argument("--url", default=None, help="địa chỉ sẽ đăng trang (nếu biết), ví dụ https://truong.edu.vn/ke-hoach/")
    parser.add_argument("-f", "--config-file", default=None, help="tệp cấu hình MkDocs (mặc định: mkdocs.yml của dự án)")
    args = parser.parse_args(argv)
    config_file = Path(args.config_file) if args.config_file else _default_config()
    root = config_file.resolve().parent
    plans_dir = root / os.environ.get("CONGKHAI_PLANS", "plans")
    out = Path(args.out) if args.out else root / "build" / f"truong-{args.slug}"
    code = build_school(args.slug, out, config_file=config_file, plans_dir=plans_dir, pdf=args.pdf, url=args.url)
    if code:
        return code
    print(f"Đã dựng trang của trường vào {out}")
    if args.zip:
        print(f"Đã nén thành {make_zip(out)}")
    return 0


def _default_config() -> Path:
    """mkdocs.yml of the current folder if there is one, else of the project."""
    here = Path("mkdocs.yml")
    return here if here.is_file() else ROOT / "mkdocs.yml"
