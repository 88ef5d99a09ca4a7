"""Plan PDFs: every print view of a built site printed by one headless Chromium.

`scripts/build` calls `build_pdfs(site_dir)` after MkDocs. The site is served on 127.0.0.1 by a
static server thread (the print view links its stylesheet by relative URL), each page
truong/<slug>/<year>/in/ is printed with the page sizes its CSS asks for (A4 portrait for the
text, A4 landscape for wide tables) to truong/<slug>/<year>/<slug>-<year>.pdf. A PDF is a pure
function of the print HTML and its stylesheet, so it is cached under .cache/pdf/ by a hash of
those bytes: a rebuild prints only the plans that changed.

`python -m congkhai.pdf png OUT [--site DIR]` turns the PDFs into PNG pages (pdftoppm) for
comparing with the original documents; scripts/print-png wraps it.
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import http.server
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Bump when the print options below change, so cached PDFs are not reused.
PDF_OPTIONS_VERSION = "2"
PRINT_PAGES = "truong/*/*/in/index.html"
CACHE_DAYS = 30  # cached PDFs unused for this long are deleted
STYLESHEET = re.compile(rb'<link rel="stylesheet" href="([^"]+)"')


# Which plans get a PDF (`scripts/build --pdf ...`). A PDF weighs ~70 KB and a GitHub Pages site
# at most 1 GB: past ALL_PDFS_UP_TO plans only each school's newest plan gets one (every plan
# keeps its print view, which prints the same document from the browser).
POLICIES = ("tat-ca", "moi-nhat", "khong")
ALL_PDFS_UP_TO = 2000
POLICY_ENV = "CONGKHAI_PDF_POLICY"


def policy(plan_count: int) -> str:
    """The PDF policy of this build: CONGKHAI_PDF_POLICY (set by scripts/build --pdf), else by size."""
    chosen = os.environ.get(POLICY_ENV, "")
    if chosen in POLICIES:
        return chosen
    return "tat-ca" if plan_count <= ALL_PDFS_UP_TO else "moi-nhat"


def has_pdf(plan, chosen: str) -> bool:
    """Whether `plan` (a model.Plan) gets a PDF under the policy `chosen`."""
    if chosen == "tat-ca":
        return True
    if chosen == "moi-nhat":
        return plan.school.plans[0] is plan  # SchoolRecord.plans is newest first
    return False


def pdf_plans(corpus) -> set:
    """Site-root-relative folders (Plan.url) of the plans that get a PDF in this build."""
    chosen = policy(len(corpus.plans))
    return {plan.url for plan in corpus.plans if has_pdf(plan, chosen)}


def _selected(pages: list[Path], site_dir: Path, chosen: str) -> list[Path]:
    """The print views to print under a policy, from the built site alone (no corpus needed):
    moi-nhat keeps, per school folder, the latest school year (folders are named 2024-2025)."""
    if chosen == "tat-ca":
        return pages
    if chosen == "khong":
        return []
    newest: dict[Path, Path] = {}
    for html in pages:
        school = html.parent.parent.parent
        if school not in newest or html.parent.parent.name > newest[school].parent.parent.name:
            newest[school] = html
    return sorted(newest.values())


class PdfError(Exception):
    """A Vietnamese message for the person running the build."""


def chromium_path() -> str:
    return os.environ.get("CONGKHAI_CHROMIUM") or "/usr/bin/chromium"


def cache_dir() -> Path:
    return Path(os.environ.get("CONGKHAI_PDF_CACHE") or ".cache/pdf")


def pdf_path(print_html: Path) -> Path:
    """truong/<slug>/<year>/in/index.html -> truong/<slug>/<year>/<slug>-<year>.pdf"""
    plan_dir = print_html.parent.parent
    return plan_dir / f"{plan_dir.parent.name}-{plan_dir.name}.pdf"


@functools.cache
def environment() -> str:
    """What besides the page decides the PDF: the browser build and the fonts it will find."""
    exe = Path(chromium_path())
    parts = [PDF_OPTIONS_VERSION, str(exe)]
    if exe.is_file():
        st = exe.stat()
        parts.append(f"{st.st_size}:{int(st.st_mtime)}")
    if shutil.which("fc-match"):
        for family in ("Times New Roman", "Times New Roman:bold", "Times New Roman:italic", "Courier New"):
            found = subprocess.run(
                ["fc-match", "--format=%{file}:%{fontversion}", family], capture_output=True, text=True, check=False
            )
            parts.append(found.stdout)
    return "\n".join(parts)


def content_hash(print_html: Path) -> str:
    """Hash of what decides the PDF: the page, its stylesheets, the print options and fonts."""
    html = print_html.read_bytes()
    h = hashlib.sha256(environment().encode())
    h.update(html)
    for href in STYLESHEET.findall(html):
        css = (print_html.parent / href.decode()).resolve()
        if css.is_file():
            h.update(css.read_bytes())
    return h.hexdigest()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - stdlib signature
        pass


class SiteServer:
    """The built site on http://127.0.0.1:<free port>/ in a daemon thread."""

    def __init__(self, site_dir: Path):
        handler = functools.partial(_QuietHandler, directory=str(site_dir))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> "SiteServer":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


class Printer:
    """One headless Chromium, reused for every page."""

    def __init__(self):
        exe = chromium_path()
        if not Path(exe).is_file():
            raise PdfError(
                f"Không tìm thấy trình duyệt Chromium ở {exe}, nên không tạo được PDF.\n"
                "Cài bằng: sudo apt-get install chromium (hoặc chạy scripts/setup --test), "
                "hoặc đặt biến CONGKHAI_CHROMIUM chỉ tới tệp chạy Chromium.\n"
                "Muốn dựng trang không có PDF: scripts/build --no-pdf"
            )
        try:
            from playwright.sync_api import sync_playwright
        except ImportError:
            raise PdfError(
                "Thiếu thư viện Python «playwright» để tạo PDF; chạy scripts/setup, "
                "hoặc dựng trang không có PDF: scripts/build --no-pdf"
            ) from None
        self._pw = sync_playwright().start()
        try:
            self.browser = self._pw.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS, headless=True)
        except Exception as e:
            self._pw.stop()
            raise PdfError(f"Không khởi động được Chromium ({exe}): {str(e).splitlines()[0]}") from None
        self.page = self.browser.new_page()

    def print_pdf(self, url: str, out: Path) -> None:
        """Print with the page sizes the CSS asks for; page numbers come from its @page margin boxes."""
        self.page.goto(url, wait_until="load")
        self.page.evaluate("document.fonts.ready.then(() => true)")
        self.page.pdf(
            path=str(out),
            format="A4",
            prefer_css_page_size=True,
            print_background=True,
            display_header_footer=False,
            # Untagged: 40 % smaller files; the accessible version is the HTML plan page.
            tagged=False,
            outline=False,
        )

    def close(self) -> None:
        self.browser.close()
        self._pw.stop()

    def __enter__(self) -> "Printer":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _place(cached: Path, out: Path) -> None:
    """Put a cached PDF into the site: a hard link when the file system allows, else a copy."""
    out.unlink(missing_ok=True)
    try:
        os.link(cached, out)
    except OSError:
        shutil.copyfile(cached, out)


def prune_cache(cache: Path, keep: set[Path], max_age_days: float = CACHE_DAYS) -> int:
    """Forget PDFs no build has used for a while, so the cache does not grow without end."""
    limit = time.time() - max_age_days * 86400
    removed = 0
    for old in cache.glob("*.pdf"):
        if old not in keep and old.stat().st_mtime < limit:
            old.unlink(missing_ok=True)
            removed += 1
    return removed


def build_pdfs(site_dir: Path, cache: Path | None = None, chosen: str | None = None) -> int:
    """Print the print views of a built site to PDFs, for the plans the policy `chosen` (default:
    policy() for the number of print views) gives one; 0 on success, 1 with a message."""
    site_dir = Path(site_dir)
    cache = Path(cache or cache_dir())
    pages = sorted(site_dir.glob(PRINT_PAGES))
    pages = _selected(pages, site_dir, chosen or policy(len(pages)))
    if not pages:
        print("Không có bản in nào để tạo PDF.")
        return 0
    started = time.perf_counter()
    printed = reused = 0
    todo: list[tuple[Path, Path, Path]] = []
    used: set[Path] = set()
    for html in pages:
        out = pdf_path(html)
        cached = cache / f"{content_hash(html)}.pdf"
        used.add(cached)
        if cached.is_file():
            _place(cached, out)
            os.utime(cached)  # recently used: kept by prune_cache
            reused += 1
        else:
            todo.append((html, out, cached))
    if todo:
        cache.mkdir(parents=True, exist_ok=True)
        try:
            with SiteServer(site_dir) as server, Printer() as printer:
                for html, out, cached in todo:
                    rel = html.parent.relative_to(site_dir).as_posix() + "/"
                    tmp = cached.with_suffix(f".{os.getpid()}.tmp")
                    try:
                        printer.print_pdf(server.url + rel, tmp)
                    except Exception as e:  # Playwright's errors: name the page, no traceback
                        raise PdfError(f"không in được {rel}: {str(e).splitlines()[0]}") from None
                    os.replace(tmp, cached)
                    _place(cached, out)
                    printed += 1
        except PdfError as e:
            print(f"Lỗi tạo PDF: {e}", file=sys.stderr)
            return 1
    if cache.is_dir():
        prune_cache(cache, used)
    elapsed = time.perf_counter() - started
    total = sum(pdf_path(h).stat().st_size for h in pages)
    print(
        f"PDF: {len(pages)} tệp ({printed} in mới, {reused} lấy từ bộ nhớ đệm {cache}) "
        f"trong {elapsed:.1f} giây, tổng {total / 1024:.0f} KB"
    )
    return 0


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


def _png_main(argv: list[str]) -> int:
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
            from . import build

            tmp = tempfile.mkdtemp(prefix="congkhai-in-")
            site = Path(tmp) / "site"
            config = Path("mkdocs.yml")
            if not config.is_file():
                config = Path(__file__).resolve().parent.parent / "mkdocs.yml"
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


def main(argv: list[str]) -> int:
    """`python -m congkhai.pdf png OUT` or `python -m congkhai.pdf build SITE_DIR`."""
    if argv[:1] == ["png"]:
        return _png_main(argv[1:])
    if argv[:1] == ["build"] and len(argv) == 2:
        return build_pdfs(Path(argv[1]))
    print("Cách dùng: python -m congkhai.pdf png THƯ_MỤC_ẢNH [--site TRANG] | build TRANG", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
