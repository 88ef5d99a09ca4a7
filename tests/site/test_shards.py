"""A national site as independent province shards: shared pages built once, one merged search."""

from __future__ import annotations

from support.shards_fixtures import (
    _manifest,
    demo,  # noqa: F401 - fixtures
)


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
