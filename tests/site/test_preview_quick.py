"""`scripts/serve` previews with `mkdocs serve --dirty`: an edit rebuilds only its school's pages,
the strict build is not stopped by MkDocs' dirty-build warning, and a plan broken by an edit shows
its Vietnamese error in the browser instead of its old page."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

from conftest import ROOT
from support.preview_fixtures import SCHOOL, _copy_school


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.read().decode("utf-8")
    except urllib.error.HTTPError as e:  # the 404 page carries the errors too
        return e.read().decode("utf-8")
    except OSError:
        return ""


def _wait_for(url: str, text: str, server: subprocess.Popen, seconds: float = 180) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        page = _get(url)
        if text in page:
            return page
        assert server.poll() is None, server.stdout.read()[-3000:]
        time.sleep(0.3)
    raise AssertionError(f"{text!r} never appeared at {url}")


def test_scripts_serve_previews_dirty_and_strict():
    assert " serve --dirty " in (ROOT / "scripts" / "serve").read_text(encoding="utf-8")


def test_an_edit_and_then_a_broken_edit_show_in_the_dirty_preview(tmp_path):
    plans = _copy_school(tmp_path)
    plan = sorted((plans / SCHOOL).glob("*.md"))[-1]
    port = _free_port()
    env = {**os.environ, "CONGKHAI_PLANS": str(plans), "NO_MKDOCS_2_WARNING": "1", "CONGKHAI_SEARCH": "0"}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-a", f"127.0.0.1:{port}"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    url = f"http://127.0.0.1:{port}/truong/{SCHOOL}/{plan.stem}/"
    try:
        _wait_for(url, "</html>", server)
        text = plan.read_text("utf-8")
        plan.write_text(text.rstrip("\n") + "\n\nĐã cập nhật kiemtranhanh.\n", "utf-8")
        _wait_for(url, "kiemtranhanh", server)
        plan.write_text(text.replace('thong_tu: "18/2018"', 'thong_tu: "18/2018"\nkhong_co_muc_nay: 1', 1), "utf-8")
        page = _wait_for(url, "Có lỗi trong tệp kế hoạch", server)
        assert f"{plan.name}:" in page and "khong_co_muc_nay" in page
        assert "kiemtranhanh" not in page  # not the plan's old page
    finally:
        server.terminate()
        server.wait(timeout=30)
