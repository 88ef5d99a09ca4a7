"""Headless Chromium and a static server on 127.0.0.1: one home for the browser flags and the
server that PDFs, tests, screenshots and the search benchmark share."""

from __future__ import annotations

import functools
import http.server
import os
import threading
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
"""Flags for a machine without a network or a display (no background requests, no sandbox as root)."""


def chromium_path() -> str:
    """Debian's chromium unless CONGKHAI_CHROMIUM names another (GitHub's runners: Google Chrome)."""
    return os.environ.get("CONGKHAI_CHROMIUM") or "/usr/bin/chromium"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - stdlib signature
        pass


class SiteServer:
    """The built site on http://127.0.0.1:<free port>/ in a daemon thread."""

    def __init__(self, site_dir: Path, handler_class: type[http.server.SimpleHTTPRequestHandler] | None = None):
        """Listen on a free port at once; serving starts when the `with` block is entered.
        `handler_class`: another quiet handler (page-weight's gzips like GitHub Pages)."""
        handler = functools.partial(handler_class or QuietHandler, directory=str(site_dir))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> "SiteServer":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
