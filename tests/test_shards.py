"""A national site as independent province shards: shared pages built once, one merged search."""

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


def test_shards_split_by_province_and_build_only_their_schools(demo):
    shards = _manifest(demo)["shards"]
    assert len(shards) == 2
    provinces = [set(s["provinces"]) for s in shards]
    assert not provinces[0] & provinces[1]
    all_schools = {p.name for p in (demo / "plans").iterdir() if p.is_dir()}
    assert set(shards[0]["schools"]) | set(shards[1]["schools"]) == all_schools
    assert not set(shards[0]["schools"]) & set(shards[1]["schools"])
    for shard in shards:
        site = demo / "shards" / shard["key"] / "site"
        built = {p.parent.parent.name for p in site.glob("truong/*/*/index.html") if p.parent.name[:1].isdigit()}
        assert built == set(shard["schools"])
        assert not list(site.glob("tieu-chi/*/*/index.html"))  # criterion pages are not rebuilt in a shard
    shared = demo / "site-shared"
    assert list(shared.glob("tieu-chi/*/*/index.html"))
    assert not list(shared.glob("truong/*/*/index.html"))  # no plan pages in the shared build


def test_assembled_site_has_every_plan(demo):
    plans = sorted(p for p in (demo / "plans").glob("*/*.md"))
    site = demo / "site"
    missing = [p for p in plans if not (site / "truong" / p.parent.name / p.stem / "index.html").is_file()]
    assert missing == []


def test_merged_search_finds_both_shards(demo, serve, page):
    base = serve(demo / "site")
    page.goto(base + "tim-kiem-gop/")
    page.wait_for_function("window.sanSang === true", timeout=20000)
    shards = _manifest(demo)["shards"]
    for shard in shards:
        province = shard["provinces"][0]
        urls = page.evaluate("([q, f]) => window.timKiem(q, f)", ["hiệu trưởng", {"tinh_thanh": province}])
        assert urls, f"no result from {shard['key']} ({province})"
        slugs = {u.split("/")[2] for u in urls}
        assert slugs <= set(shard["schools"])
    # One query, no filter: results come from both shards' indexes.
    urls = page.evaluate("q => window.timKiem(q)", "kế hoạch giáo dục")
    found = {u.split("/")[2] for u in urls if u.startswith("/truong/")}
    for shard in shards:
        assert found & set(shard["schools"]), f"nothing from {shard['key']}"
