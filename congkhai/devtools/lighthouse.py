"""Lighthouse's mobile performance score of a page, run by the npm package (package.json)
against Debian's Chromium (or CONGKHAI_CHROMIUM) with the project's headless flags.

Lighthouse's default mobile settings are kept: a phone screen, a 4x slower CPU and a slow 4G
network, simulated from one unthrottled load, so the score depends on what the page loads and
when, more than on how busy the machine is. The median of a few runs evens out the rest.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
from pathlib import Path

from congkhai import PROJECT_ROOT
from congkhai.printing.browser import CHROMIUM_ARGS, chromium_path

LIGHTHOUSE = PROJECT_ROOT / "node_modules" / ".bin" / "lighthouse"


class LighthouseError(RuntimeError):
    """Lighthouse is missing or did not give a score."""


def score(url: str, timeout: float = 240) -> float:
    """One run's performance score, 0-100."""
    if not LIGHTHOUSE.is_file():
        raise LighthouseError(f"thiếu {LIGHTHOUSE.relative_to(PROJECT_ROOT)}: chạy scripts/setup --test (npm ci)")
    flags = " ".join(a for a in CHROMIUM_ARGS if a != "--headless") + " --headless=new"
    cmd = [str(LIGHTHOUSE), url, "--quiet", "--output=json", "--output-path=stdout",
           "--only-categories=performance", f"--chrome-flags={flags}"]
    env = {**os.environ, "CHROME_PATH": chromium_path()}
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env, cwd=Path(PROJECT_ROOT))
    try:
        report = json.loads(result.stdout)
        value = report["categories"]["performance"]["score"]
    except (ValueError, KeyError, TypeError):
        raise LighthouseError(f"Lighthouse không cho điểm cho {url}: {result.stderr[-1500:]}") from None
    if value is None:
        raise LighthouseError(f"Lighthouse không cho điểm cho {url}: {report.get('runtimeError')}")
    return round(value * 100, 1)


def median_score(url: str, runs: int = 3) -> float:
    """The median score of `runs` runs (Lighthouse varies from run to run)."""
    return statistics.median(score(url) for _ in range(max(1, runs)))
