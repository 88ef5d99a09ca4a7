"""Fixtures and helpers shared by the distribution tests of several tiers."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import ROOT

from congkhai.core.loader import load_corpus

PLANS = ROOT / "plans"


HOA_MI = PLANS / "mn-hoa-mi-2-quan-12" / "2022-2023.md"


def run_cli(*args: str) -> subprocess.CompletedProcess:
    """python -m congkhai <args> over plans/, in a fresh interpreter, as the scripts run it."""
    env = {k: v for k, v in os.environ.items() if k != "CONGKHAI_PLANS"} | {"NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "congkhai", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)


def fetch(url: str) -> tuple[int, bytes]:
    with urllib.request.urlopen(url, timeout=30) as r:
        return r.status, r.read()


class Links(HTMLParser):
    """href/src of a page (a, link, script, img, iframe) and the values of its textareas."""

    def __init__(self):
        super().__init__()
        self.refs: list[tuple[str, str]] = []
        self.textareas: dict[str, str] = {}
        self._textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for key in ("href", "src"):
            if a.get(key):
                self.refs.append((tag, a[key]))
        if tag == "textarea":
            self._textarea = a.get("id", "")
            self.textareas[self._textarea] = ""

    def handle_data(self, data):
        if self._textarea is not None:
            self.textareas[self._textarea] += data

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None


def parse_links(html: str) -> Links:
    parser = Links()
    parser.feed(html)
    return parser


@pytest.fixture(scope="module")
def corpus():
    corpus, problems = load_corpus(PLANS)
    assert not problems.errors, [p.format() for p in problems.errors]
    assert corpus.plans, "plans/ has no plans"
    return corpus


@pytest.fixture(scope="module")
def site(tmp_path_factory, serve):
    """plans/ built once (no PDFs), served on its own port, site_url = that server."""
    folder = tmp_path_factory.mktemp("site")
    base = serve(folder)  # the server serves what the build writes there next
    result = run_cli("build", "-d", str(folder), "--no-pdf", "--url", base)
    assert result.returncode == 0, result.stderr[-3000:]
    return folder, base


def read_csv(path: Path) -> tuple[bytes, list[dict]]:
    raw = path.read_bytes()
    return raw, list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))

