"""The data files of a one-plan project, compared byte for byte with golden copies.

Any change to what the CSV and JSON files say shows up here as a diff to review. When the change
is intended, rewrite the copies with `CONGKHAI_UPDATE_GOLDEN=1 scripts/test tests/site/test_golden.py`
and commit them with the change.
"""

from __future__ import annotations

import os

import pytest
from conftest import DATA, build_or_fail
from support.trees import make_tree

GOLDEN = DATA / "golden"
FILES = [
    "du-lieu/cai-tien.csv",
    "du-lieu/tinh/tp-ho-chi-minh.csv.zip",
    "du-lieu/ke-hoach.csv",
    "du-lieu/ke-hoach.json",
    "truong/thcs-thu-nghiem/truong.json",
    "truong/thcs-thu-nghiem/feed.xml",
]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("golden")
    return build_or_fail(make_tree(root), root / "site")


@pytest.mark.parametrize("name", FILES)
def test_data_files_match_their_golden_copies(site, name):
    built = (site / name).read_bytes()
    golden = GOLDEN / name.replace("/", "__")
    if os.environ.get("CONGKHAI_UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(built)
    assert built == golden.read_bytes(), f"{name} khác bản mẫu {golden.name}"
