"""`scripts/shard-demo`: a sharded national build. Independent shards (provinces), one build
of the shared pages, one assembled site, and the shards' search indexes merged in the browser."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import jinja2
import yaml

from congkhai.devtools import corpusgen
from congkhai.devtools.bench_report import fmt, ratio
from congkhai.devtools.measure import ROOT, build_ours
from congkhai.outputs.search.bundles import SCOPE_FILE

SHARD_KINDS = "plan,school,embed"  # page kinds that belong to one school: built in its shard
SHARD_PAGE_DIRS = ("truong", "nhung")  # where those pages live: <dir>/<school-slug>/...

MERGED_SEARCH_TEMPLATE = "shards/tim-kiem-gop.html"  # in overrides/: the merged-search page of the demo
MERGED_SEARCH_SCRIPT = Path(__file__).with_name("tim-kiem-gop.js")  # its script (a file for the CSP; not in overrides/, which every site copies)


def split_by_province(plans: Path, k: int) -> list[dict]:
    """Provinces to k shards, largest first onto the lightest shard (a province is never split)."""
    provinces: dict[str, list[str]] = {}
    counts: dict[str, int] = {}
    for folder in sorted(p for p in plans.iterdir() if p.is_dir()):
        province = yaml.safe_load((folder / "truong.yml").read_text(encoding="utf-8")).get("tinh_thanh") or "?"
        provinces.setdefault(province, []).append(folder.name)
        counts[province] = counts.get(province, 0) + len(list(folder.glob("*.md")))
    shards = [{"key": f"manh-{i + 1}", "provinces": [], "schools": [], "plans": 0} for i in range(k)]
    for province in sorted(provinces, key=lambda p: (-counts[p], p)):
        target = min(shards, key=lambda s: (s["plans"], s["key"]))
        target["provinces"].append(province)
        target["schools"] += provinces[province]
        target["plans"] += counts[province]
    return shards


def shard_demo(k: int, per_shard: int, out: Path, seed: int = 1) -> int:
    """Build a corpus as k independent shards plus one build of the shared pages, assemble one
    site, and merge the shards' search indexes in the browser (Pagefind mergeIndex).

    Layout written under out: plans/ (whole corpus), shards/<key>/plans and site, site-shared/,
    site/ (the assembled site, with /tim-kiem-gop/ the merged-search page) and site/manh.json."""
    out = Path(out).resolve()
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    plans = out / "plans"
    corpusgen.generate(plans, k * per_shard, seed=seed)
    shards = split_by_province(plans, k)
    if any(not s["schools"] for s in shards):
        print(f"Không đủ tỉnh để chia thành {k} mảnh; hãy tăng --plans-per-shard.", file=sys.stderr)
        return 2
    jobs = []
    print(f"[shared] the shared pages (home, criteria, browse, exports) from all {k * per_shard} plans…", flush=True)
    shared = build_ours(plans, out / "site-shared", out, "shared", skip=SHARD_KINDS)
    jobs.append(("shared", shared))
    for shard in shards:
        folder = out / "shards" / shard["key"]
        for slug in shard["schools"]:
            shutil.copytree(plans / slug, folder / "plans" / slug)
        print(f"[{shard['key']}] {shard['plans']} plans of {', '.join(shard['provinces'])}…", flush=True)
        jobs.append((shard["key"], build_ours(folder / "plans", folder / "site", out, shard["key"], kinds=SHARD_KINDS)))
    failed = [name for name, r in jobs if r["rc"] != 0]
    if failed:
        print(f"Dựng không thành: {', '.join(failed)} (xem {out}/build-*.log)", file=sys.stderr)
        return 1
    site = out / "site"
    shutil.copytree(out / "site-shared", site)
    bundles = []
    for shard in shards:
        shard_site = out / "shards" / shard["key"] / "site"
        for top in SHARD_PAGE_DIRS:
            for slug in shard["schools"]:
                if (shard_site / top / slug).is_dir():
                    shutil.copytree(shard_site / top / slug, site / top / slug, dirs_exist_ok=True)
        bundle = f"/manh/{shard['key']}/pagefind/"
        shutil.copytree(shard_site / "pagefind", site / bundle.strip("/"))
        # The shard's main bundle (its schools, its newest plans) and those of its older years.
        years = json.loads((shard_site / "pagefind" / SCOPE_FILE).read_text(encoding="utf-8"))["nam_hoc"]
        bundles += list(dict.fromkeys([bundle] + [bundle + y["thu_muc"] for y in years]))
        shard["bundle"] = bundle
    page = site / "tim-kiem-gop" / "index.html"
    page.parent.mkdir(parents=True, exist_ok=True)
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(ROOT / "overrides"), autoescape=True)
    page.write_text(env.get_template(MERGED_SEARCH_TEMPLATE).render(bundles=bundles), encoding="utf-8")
    shutil.copyfile(MERGED_SEARCH_SCRIPT, page.parent / MERGED_SEARCH_SCRIPT.name)
    (site / "manh.json").write_text(json.dumps({"shards": shards, "shared_bundle": "/pagefind/"}, ensure_ascii=False, indent=2),
                                    encoding="utf-8")
    print("\nJobs (each one machine; in CI a matrix job per shard):")
    for name, r in jobs:
        print(f"  {name:<10} {r['seconds']:>7} s  {r['peak_mb']:>7} MB  search step {fmt(r.get('search_seconds'), ' s')}")
    slowest = max(r["seconds"] for name, r in jobs if name != "shared")
    serial = sum(r["seconds"] for _, r in jobs)
    print(f"Wall time with the jobs in parallel: {max(shared['seconds'], slowest)} s (shared {shared['seconds']} s, slowest shard "
          f"{slowest} s); ratio parallel/serial {fmt(ratio(max(shared['seconds'], slowest), serial), '×')} of {serial} s")
    print(f"Assembled site: {site} · merged search: /tim-kiem-gop/ over /pagefind/ + {', '.join(bundles)}")
    return 0

