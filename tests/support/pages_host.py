"""The site as GitHub Pages hosts a project: under /congkhai/, built with --url (as the deploy
workflow builds it), a missing address answered with the site's 404.html."""

from __future__ import annotations

import functools
import os
import socket
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from conftest import PLANS, ROOT


class PagesHandler(SimpleHTTPRequestHandler):
    """A static host like GitHub Pages: a missing address gets the site's 404.html."""

    not_found: Path

    def log_message(self, format, *args):  # noqa: A002 - the stdlib's name
        pass

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        body = self.not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="session")
def url_sub_path_site(tmp_path_factory):
    """(base URL ending in /congkhai/, site folder) of plans/ built with --url, served on 127.0.0.1."""
    if not any(PLANS.glob("*/*.md")):
        pytest.skip("plans/ chưa có kế hoạch nào")
    with socket.socket() as s:  # a free port, known before the build writes it into the pages
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    base = f"http://127.0.0.1:{port}/congkhai/"
    root = tmp_path_factory.mktemp("pages")
    site = root / "congkhai"
    result = subprocess.run(
        [sys.executable, "-m", "congkhai", "build", "-d", str(site), "--no-pdf", "--url", base],
        cwd=ROOT, env={**os.environ, "CONGKHAI_PDF": "0", "NO_MKDOCS_2_WARNING": "1"}, capture_output=True, text=True, timeout=900,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    handler = type("Handler", (PagesHandler,), {"not_found": site / "404.html"})
    server = ThreadingHTTPServer(("127.0.0.1", port), functools.partial(handler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield base, site
    server.shutdown()
    server.server_close()
