"""Fixtures and helpers shared by the authoring tests of several tiers."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

REPO = "https://github.com/congkhai/congkhai"  # repo_url of mkdocs.yml


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site")
    done = subprocess.run(
        [sys.executable, "-m", "congkhai", "build", "--no-pdf", "-d", str(out)],
        cwd=ROOT, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, timeout=900,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return out


def _schools(site: Path) -> list[dict]:
    return json.loads((site / "assets" / "truong.json").read_text("utf-8"))

