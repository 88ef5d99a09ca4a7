"""What an editor sees while previewing: `mkdocs serve` shows a broken plan's error in the page
instead of hanging, and a plan's warnings never stop a strict build."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

from conftest import ROOT
from support.preview_fixtures import SCHOOL, _copy_school


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as r:
        return r.read().decode("utf-8")


def test_a_broken_plan_under_serve_shows_its_vietnamese_error_in_the_page(tmp_path):
    plans = _copy_school(tmp_path)
    plan = next((plans / SCHOOL).glob("*.md"))
    plan.write_text(plan.read_text("utf-8").replace('thong_tu: "18/2018"', 'thong_tu: "18/2018"\nkhong_co_muc_nay: 1', 1), "utf-8")
    port = _free_port()
    env = {**os.environ, "CONGKHAI_PLANS": str(plans), "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "--no-livereload"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        deadline, page = time.monotonic() + 120, None
        while time.monotonic() < deadline and page is None:
            try:
                page = _get(f"http://127.0.0.1:{port}/")
            except OSError:
                assert server.poll() is None, server.stdout.read()[-3000:]
                time.sleep(0.5)
        assert page is not None, "mkdocs serve did not answer"
        assert "Có lỗi trong tệp kế hoạch" in page
        assert f"{plan.name}:" in page and "khong_co_muc_nay" in page
    finally:
        server.terminate()
        server.wait(timeout=30)

