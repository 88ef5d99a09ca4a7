"""Plan PDFs: the plan pages of a built site printed by one headless Chromium.

`scripts/build` calls `build_pdfs(site_dir)` after MkDocs. The site is served on 127.0.0.1 by a
static server thread (a page links its stylesheets by relative URL), each plan page
truong/<slug>/<year>/ is printed, as its print CSS lays it out (the official document; A4
portrait for the text, A4 landscape for wide tables), to truong/<slug>/<year>/<slug>-<year>.pdf.
A PDF is a pure function of the page and its stylesheets, so it is cached under .cache/pdf/ by a
hash of those bytes: a rebuild prints only the plans that changed.

scripts/print-png (congkhai/commands/print_png.py) turns the PDFs into PNG pages.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

from congkhai.facts import pdf_policy
from congkhai.printing.browser import CHROMIUM_ARGS, SiteServer, chromium_path

# Bump when the print options below change, so cached PDFs are not reused.
PDF_OPTIONS_VERSION = "3"
PLAN_PAGES = "truong/*/[0-9][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9]/index.html"
CACHE_DAYS = 30  # cached PDFs unused for this long are deleted
STYLESHEET = re.compile(rb'<link rel="stylesheet" href="([^"]+)"')


def _selected(pages: list[Path], chosen: str) -> list[Path]:
    """The plan pages to print under a policy, from the built site alone (no corpus needed):
    moi-nhat keeps, per school folder, the latest school year (folders are named 2024-2025)."""
    if chosen == "tat-ca":
        return pages
    if chosen == "khong":
        return []
    newest: dict[Path, Path] = {}
    for html in pages:
        school = html.parent.parent
        if school not in newest or html.parent.name > newest[school].parent.name:
            newest[school] = html
    return sorted(newest.values())


def policy_pages(site_dir: Path, chosen: str | None = None) -> list[Path]:
    """The plan pages of a built site that get a PDF under the policy (default: by their number)."""
    pages = sorted(Path(site_dir).glob(PLAN_PAGES))
    return _selected(pages, pdf_policy.policy(len(pages), chosen))


class PdfError(Exception):
    """A Vietnamese message for the person running the build."""


def cache_dir() -> Path:
    return Path(os.environ.get("CONGKHAI_PDF_CACHE") or ".cache/pdf")


def pdf_path(plan_html: Path) -> Path:
    """truong/<slug>/<year>/index.html -> truong/<slug>/<year>/<slug>-<year>.pdf"""
    plan_dir = plan_html.parent
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


def content_hash(plan_html: Path) -> str:
    """Hash of what decides the PDF: the page, its stylesheets, the print options and fonts."""
    html = plan_html.read_bytes()
    h = hashlib.sha256(environment().encode())
    h.update(html)
    for href in STYLESHEET.findall(html):
        css = (plan_html.parent / href.decode()).resolve()
        if css.is_file():
            h.update(css.read_bytes())
    return h.hexdigest()


class Printer:
    """One headless Chromium, reused for every page. `browser`: a Playwright browser already
    running in this thread (Playwright's sync API allows one per thread), used and left open."""

    def __init__(self, browser=None):
        self._pw = None
        if browser is not None:
            self.browser = browser
            self.page = browser.new_page()
            return
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
        if self._pw is None:
            self.page.close()
            return
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
    """Print the plan pages of a built site to PDFs, for the plans the policy `chosen` (default:
    decided by the number of plans) gives one; 0 on success, 1 with a message."""
    site_dir = Path(site_dir)
    cache = Path(cache or cache_dir())
    pages = policy_pages(site_dir, chosen)
    if not pages:
        print("Không có kế hoạch nào để tạo PDF.")
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
