"""scripts/page-weight [SITE] [--lighthouse]: what a phone downloads on the first visit to each
kind of page, as GitHub Pages serves it (gzip), and optionally Lighthouse's mobile score.

The built site is served on 127.0.0.1 by a static server that compresses text files as GitHub
Pages does; Debian's Chromium, emulating a phone with an empty cache, opens the home, plan,
school and search pages and waits until the network is idle, so that everything the first load
fetches counts (HTML, CSS, JS, fonts, images, search files). The budget is
PLAN_BUDGET_BYTES for a plan page. Without SITE, the site of plans/ is built into a temporary
folder first.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import io
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from congkhai import PROJECT_ROOT
from congkhai.printing.browser import (
    CHROMIUM_ARGS,
    QuietHandler,
    SiteServer,
    chromium_path,
)

PLAN_BUDGET_BYTES = 120 * 1024
"""A plan page's first load on a phone, compressed (issue: provinces' readers are on phones)."""

PHONE = {"viewport": {"width": 412, "height": 823}, "device_scale_factor": 1.75, "is_mobile": True, "has_touch": True}
"""Lighthouse's default mobile screen (Moto G Power)."""

# What GitHub Pages (Fastly) gzips: text types. Images other than SVG, fonts and Pagefind's
# files (already gzipped) go as they are.
COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map", ".csv", ".webmanifest"}


class GzipHandler(QuietHandler):
    """Static files, text ones gzipped when the browser asks for it (as GitHub Pages does)."""

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        wants = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants and path.suffix in COMPRESSED and path.is_file()):
            return super().send_head()
        if path.name == "index.html" and not self.path.split("?")[0].endswith(("/", ".html")):
            return super().send_head()  # the stdlib's redirect to the folder's address
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)


def gzip_server(site: Path) -> SiteServer:
    """The built site, gzipped like GitHub Pages, on http://127.0.0.1:<free port>/."""
    return SiteServer(site, GzipHandler)


def page_paths(site: Path) -> dict[str, str]:
    """One page of each kind, as a path under the site root: the heaviest plan page and the
    heaviest school page (the budget holds for the worst one), the home and search pages."""
    schools = list((site / "truong").glob("*/index.html"))
    plans = [p for p in (site / "truong").glob("*/*/index.html") if p.parent.name[:4].isdigit()]
    if not schools or not plans:
        raise SystemExit(f"{site}: không có trang trường hay kế hoạch nào (truong/…); trang đã dựng chưa?")

    def path(page: Path) -> str:
        return page.parent.relative_to(site).as_posix() + "/"

    heaviest = functools.partial(max, key=lambda p: (p.stat().st_size, p.as_posix()))
    return {"trang chủ": "", "kế hoạch": path(heaviest(plans)), "trường": path(heaviest(schools)), "tìm kiếm": "tim-kiem/"}


@dataclass
class Load:
    """What one first load fetched: bytes on the wire (compressed body + headers) per kind."""

    url: str
    by_type: dict[str, int] = field(default_factory=dict)
    files: list[tuple[str, int]] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.by_type.values())


def _kind(resource_type: str, url: str) -> str:
    if "/pagefind/" in url:
        return "search"
    return {"document": "html", "stylesheet": "css", "script": "js", "font": "font", "image": "image"}.get(resource_type, "other")


def first_load(browser, url: str) -> Load:
    """Open `url` in a fresh phone-sized context (empty cache) and count what it transfers."""
    context = browser.new_context(**PHONE)
    page = context.new_page()
    done = []
    page.on("requestfinished", lambda request: done.append(request))
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    load = Load(url)
    for request in done:
        sizes = request.sizes()
        size = sizes["responseBodySize"] + sizes["responseHeadersSize"]
        kind = _kind(request.resource_type, request.url)
        load.by_type[kind] = load.by_type.get(kind, 0) + size
        load.files.append((request.url.removeprefix(url.split("/", 3)[0] + "//" + url.split("/", 3)[2]), size))
    context.close()
    return load


def measure(site: Path, base_url: str) -> dict[str, Load]:
    """The first load of each kind of page of `site` served at `base_url`."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        try:
            return {kind: first_load(browser, base_url + path) for kind, path in page_paths(site).items()}
        finally:
            browser.close()


def table(loads: dict[str, Load], scores: dict[str, float] | None = None) -> str:
    """A Markdown table: KB per kind of file and in total for each kind of page."""
    kinds = ["html", "css", "js", "font", "image", "search", "other"]
    head = ["trang", *kinds, "tổng (KB)", "yêu cầu"] + (["Lighthouse"] if scores else [])
    rows = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for name, load in loads.items():
        cells = [name, *(f"{load.by_type.get(k, 0) / 1024:.1f}" for k in kinds), f"**{load.total / 1024:.1f}**", str(len(load.files))]
        if scores:
            cells.append(f"{scores.get(name, float('nan')):.0f}")
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def build_plans_site(out: Path) -> Path:
    """The site of plans/, built without PDFs as scripts/build builds it."""
    from congkhai.commands import build

    if build.main(["-f", str(PROJECT_ROOT / "mkdocs.yml"), "-d", str(out), "--no-pdf"]):
        raise SystemExit("Dựng trang không thành công.")
    return out


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="page-weight", description="Đo dung lượng tải lần đầu (nén gzip như GitHub Pages) của từng loại trang trên điện thoại; tùy chọn chấm điểm Lighthouse.")
    parser.add_argument("site", nargs="?", type=Path, help="thư mục trang đã dựng (mặc định: dựng plans/ vào thư mục tạm)")
    parser.add_argument("--lighthouse", action="store_true", help="chấm điểm hiệu năng Lighthouse (di động), trung vị của --runs lần")
    parser.add_argument("--runs", type=int, default=3, help="số lần chạy Lighthouse mỗi trang (mặc định 3)")
    parser.add_argument("--files", action="store_true", help="in từng tệp tải về")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site or build_plans_site(Path(tmp) / "site")
        if not (site / "index.html").is_file():
            print(f"{site}: không có index.html; hãy dựng trang trước (scripts/build).", file=sys.stderr)
            return 2
        with gzip_server(site) as server:
            loads = measure(site, server.url)
            scores = None
            if args.lighthouse:
                from congkhai.devtools import lighthouse

                scores = {name: lighthouse.median_score(load.url, args.runs) for name, load in loads.items()}
        print(table(loads, scores))
        if args.files:
            for name, load in loads.items():
                print(f"\n{name}:")
                for path, size in sorted(load.files, key=lambda f: -f[1]):
                    print(f"  {size / 1024:7.1f} KB  {path}")
        plan = loads.get("kế hoạch")
        if plan:
            verdict = "đạt" if plan.total <= PLAN_BUDGET_BYTES else "VƯỢT"
            print(f"\nTrang kế hoạch: {plan.total / 1024:.1f} KB / ngân sách {PLAN_BUDGET_BYTES / 1024:.0f} KB: {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
