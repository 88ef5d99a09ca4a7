"""Shared fixtures: built sites, a static server on 127.0.0.1, a headless Chromium.

Sites are built by `python -m congkhai build --no-pdf` in a subprocess (as scripts/build does),
so every build starts from a fresh interpreter; `build_site` builds any plans folder.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from congkhai.printing.browser import CHROMIUM_ARGS, SiteServer, chromium_path

ROOT = Path(__file__).resolve().parent.parent
PLANS = ROOT / "plans"
DATA = ROOT / "tests" / "data"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def build_site(plans: Path, site: Path, *, prelude: str = "", env: dict | None = None) -> subprocess.CompletedProcess:
    """Build `plans` into `site` without PDFs. `prelude` is Python run before the build (tests
    use it to switch off a safety net and prove the next one holds)."""
    environment = {**os.environ, "CONGKHAI_PLANS": str(plans), "CONGKHAI_PDF": "0", "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    code = f"{prelude}\nimport sys\nfrom congkhai.commands import build\nsys.exit(build.main(sys.argv[1:]))"
    return subprocess.run(
        [sys.executable, "-c", code, "-f", str(ROOT / "mkdocs.yml"), "-d", str(site), "--no-pdf"],
        cwd=ROOT, env=environment, capture_output=True, text=True, timeout=900,
    )


def build_or_fail(plans: Path, site: Path, **kwargs) -> Path:
    result = build_site(plans, site, **kwargs)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return site


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The site of plans/ (the real plans), built once per test session."""
    if not any(PLANS.glob("*/*.md")):
        pytest.skip("plans/ chưa có kế hoạch nào")
    return build_or_fail(PLANS, tmp_path_factory.mktemp("site") / "site")


@pytest.fixture(scope="session")
def serve() -> Iterator[Callable[[Path], str]]:
    """serve(folder) -> "http://127.0.0.1:<port>/": a static server, stopped at session end."""
    with contextlib.ExitStack() as servers:
        yield lambda folder: servers.enter_context(SiteServer(folder)).url


@pytest.fixture(scope="session")
def site_url(built_site, serve) -> str:
    return serve(built_site)


@pytest.fixture(scope="session")
def browser():
    """Debian's headless Chromium driven by Playwright (never a downloaded browser)."""
    exe = chromium_path()
    if not Path(exe).is_file():
        pytest.skip(f"cần Chromium ở {exe} (scripts/setup --test)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    """A fresh 1280 px tab; tests resize it with page.set_viewport_size."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    yield tab
    context.close()
