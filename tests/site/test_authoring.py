"""What the «Thêm / sửa kế hoạch» page ships in a built site: the criteria and schools it reads and
the GitHub addresses it opens."""

from __future__ import annotations

import json
import shutil
import subprocess

from conftest import ROOT
from support.authoring_fixtures import (
    REPO,
    _schools,
    site,  # noqa: F401 - fixtures
)

from congkhai.core.loader import load_corpus


def test_built_site_ships_the_form_data(site):
    data = json.loads((site / "assets" / "tieu-chi.json").read_text("utf-8"))
    assert {c["ma"] for c in data["thong_tu"]} == {"17/2018", "18/2018", "19/2018", "57/2026"}
    assert {c["ky_hieu"] for c in data["thong_tu"] if c["ma"] == "57/2026"} == {"tt57-mam-non", "tt57-pho-thong"}
    schools = _schools(site)
    corpus, _ = load_corpus(ROOT / "plans")
    assert [s["ma"] for s in schools] == sorted(corpus.schools)
    html = (site / "them-ke-hoach" / "index.html").read_text("utf-8")
    assert f'data-new-url="{REPO}/new/main"' in html and f'data-edit-url="{REPO}/edit/main"' in html
    assert shutil.which("node") is None or subprocess.run(
        ["node", "--check", str(site / "assets" / "them-ke-hoach.js")]).returncode == 0

