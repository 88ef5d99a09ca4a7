"""Fixtures and helpers shared by the shards tests of several tiers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from congkhai.devtools import shards


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("shards")
    assert shards.shard_demo(2, 20, out, seed=5) == 0
    return out


def _manifest(demo: Path) -> dict:
    return json.loads((demo / "site" / "manh.json").read_text(encoding="utf-8"))

