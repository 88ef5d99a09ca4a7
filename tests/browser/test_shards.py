"""A national site as independent province shards: shared pages built once, one merged search."""

from __future__ import annotations

from support.shards_fixtures import (
    _manifest,
    demo,  # noqa: F401 - fixtures
)


def test_merged_search_finds_both_shards(demo, serve, page):
    base = serve(demo / "site")
    page.goto(base + "tim-kiem-gop/")
    # Not wait_for_function: it evaluates a string in the page, which the page's CSP refuses.
    page.evaluate("() => new Promise(ok => { const t = () => window.sanSang ? ok(true) : setTimeout(t, 50); t(); })")
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

