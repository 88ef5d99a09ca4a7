"""`scripts/bench`: how the build grows with the number of plans, against plain mkdocs-material.

For each size N it generates a realistic corpus (congkhai.corpusgen), then builds, each in its
own process watched for wall time and peak memory (resident set of the whole process tree,
Pagefind included):
  (a) our site, as `scripts/build --no-pdf` does (pages, data files, search index);
  (b) a baseline: the same plans as ordinary Markdown pages (front matter turned into Markdown
      tables), plain mkdocs-material with the same theme, a three-entry nav, no hooks, and its
      built-in search (`--baseline-no-search`: without).
It prints the figures with the ratio ours/baseline and the growth exponents, the site's size
with the PDFs the deploy policy makes (estimated from a few printed ones), writes them as JSON
and a Markdown table into --out, and (full run, or --serve) measures how long a change to one
plan takes to appear under `scripts/serve` (`mkdocs serve --dirty`) at 1,000 plans.
`--shards K` instead demonstrates a sharded national build (see devtools/shards.py).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

from congkhai.devtools import corpusgen
from congkhai.devtools.baseline import build_baseline, make_baseline
from congkhai.devtools.bench_report import (check_targets, exponent, fmt, machine, markdown_table, pdf_estimate, ratio, site_stats,
                                            versions)
from congkhai.devtools.measure import MB, build_ours, serve_latency, snapshot
from congkhai.devtools.shards import shard_demo


# --- the command ------------------------------------------------------------------------------

def run(sizes: list[int], out: Path, seed: int, serve: bool, keep: bool, work: Path | None, baseline_search: bool,
        pdfs: bool = True) -> int:
    """Measure ours against the baseline at each size; write the JSON and Markdown report into out."""
    work = Path(work or tempfile.mkdtemp(prefix="congkhai-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    snapshot(work)
    report = {"date": dt.datetime.now().strftime("%Y-%m-%d %H:%M"), "machine": machine(), "versions": versions(),
              "seed": seed, "baseline": "mkdocs-material, Markdown pages, 3-entry nav, no hooks"
              + (", built-in search" if baseline_search else ", no search"), "results": []}
    failed = False
    try:
        for n in sizes:
            plans = work / f"plans-{n}"
            shutil.rmtree(plans, ignore_errors=True)
            t = time.perf_counter()
            corpusgen.generate(plans, n, seed=seed)
            gen = time.perf_counter() - t
            print(f"[{n} plans] corpus generated in {gen:.1f} s; building ours…", flush=True)
            ours = build_ours(plans, work / f"site-ours-{n}", work, str(n))
            if ours["rc"] != 0:
                failed = True
                print(f"[{n} plans] our build FAILED (rc {ours['rc']}); log: {work / f'build-{n}.log'}", flush=True)
                print("".join(open(work / f"build-{n}.log").readlines()[-15:]), flush=True)
            ours.update(site_stats(work / f"site-ours-{n}"))
            if pdfs and ours["rc"] == 0:
                ours.update(pdf_estimate(work / f"site-ours-{n}"))
            ours["site_deployed_mb"] = round(ours["site_mb"] + ours.get("pdf_mb", 0), 1)
            print(f"[{n} plans] ours {ours['seconds']} s, {ours['peak_mb']} MB; building the baseline…", flush=True)
            project = work / f"baseline-{n}"
            shutil.rmtree(project, ignore_errors=True)
            make_baseline(plans, project, baseline_search)
            base = build_baseline(project, work / f"site-baseline-{n}", work, str(n))
            if base["rc"] != 0:
                failed = True
                print(f"[{n} plans] baseline build FAILED; log: {work / f'baseline-{n}.log'}", flush=True)
            base.update({k: v for k, v in site_stats(work / f"site-baseline-{n}").items() if k != "search_index_mb" or v})
            r = {"plans": n, "schools": sum(1 for p in plans.iterdir() if p.is_dir()),
                 "corpus_mb": round(sum(p.stat().st_size for p in plans.rglob("*") if p.is_file()) / MB, 1),
                 "generate_seconds": round(gen, 2), "ours": ours, "baseline": base,
                 "time_ratio": ratio(ours["seconds"], base["seconds"]), "memory_ratio": ratio(ours["peak_mb"], base["peak_mb"])}
            report["results"].append(r)
            print(f"[{n} plans] time ratio ours/baseline {fmt(r['time_ratio'], '×')} ({ours['seconds']} s / {base['seconds']} s); "
                  f"memory ratio {fmt(r['memory_ratio'], '×')} ({ours['peak_mb']} MB / {base['peak_mb']} MB); "
                  f"pages {ours['pages']} / {base['pages']}; search {fmt(ours.get('search_seconds'), ' s')}, "
                  f"{fmt(ours.get('search_index_mb'), ' MB')}", flush=True)
            if ours.get("phases"):
                print(f"[{n} plans] our phases (s): " + ", ".join(f"{k} {v}" for k, v in ours["phases"].items()), flush=True)
            if not keep:
                for d in (f"site-ours-{n}", f"site-baseline-{n}", f"baseline-{n}"):
                    shutil.rmtree(work / d, ignore_errors=True)
        if len(report["results"]) >= 2:
            a, b = report["results"][-2], report["results"][-1]
            report["growth"] = {
                "from": a["plans"], "to": b["plans"],
                "ours_time": exponent(a["plans"], a["ours"]["seconds"], b["plans"], b["ours"]["seconds"]),
                "ours_memory": exponent(a["plans"], a["ours"]["peak_mb"], b["plans"], b["ours"]["peak_mb"]),
                "baseline_time": exponent(a["plans"], a["baseline"]["seconds"], b["plans"], b["baseline"]["seconds"]),
                "baseline_memory": exponent(a["plans"], a["baseline"]["peak_mb"], b["plans"], b["baseline"]["peak_mb"]),
                "ours_site": exponent(a["plans"], a["ours"]["site_deployed_mb"], b["plans"], b["ours"]["site_deployed_mb"]),
                "baseline_site": exponent(a["plans"], a["baseline"].get("site_mb"), b["plans"], b["baseline"].get("site_mb")),
            }
        if serve:
            plans = work / "plans-1000"
            if not plans.exists():
                corpusgen.generate(plans, 1000, seed=seed)
            print("[serve] measuring how soon an edit shows under scripts/serve at 1,000 plans…", flush=True)
            report["serve"] = serve_latency(plans, work)
            print(f"[serve] {report['serve']}", flush=True)
    finally:
        if not keep:
            shutil.rmtree(work, ignore_errors=True)
    if not report["results"]:
        return 1
    out.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    table = markdown_table(report)
    targets = check_targets(report)
    (out / f"bench-{stamp}.json").write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    (out / f"bench-{stamp}.md").write_text(table + "\nTargets (largest size):\n\n" + "\n".join(f"- {t}" for t in targets) + "\n",
                                           encoding="utf-8")
    print("\n" + table)
    print("Targets (largest size):\n" + "\n".join("  " + t for t in targets))
    print(f"\nResults: {out / f'bench-{stamp}.json'} and .md")
    return 1 if failed else 0



def main(argv: list[str]) -> int:
    """Parse the command line and run the benchmark or the shard demo."""
    parser = argparse.ArgumentParser(prog="bench", description="Đo thời gian và bộ nhớ khi dựng trang với nhiều kế hoạch, so với mkdocs-material thuần.")
    parser.add_argument("--quick", action="store_true", help="chỉ tới 1.000 kế hoạch (100, 1000), không đo mkdocs serve")
    parser.add_argument("--sizes", default=None, help="các cỡ, ví dụ 100,1000,10000")
    parser.add_argument("--out", type=Path, default=Path("bench-results"), help="thư mục ghi kết quả JSON và Markdown")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--serve", action="store_true", help="đo cả độ trễ của mkdocs serve (mặc định khi chạy đầy đủ)")
    parser.add_argument("--no-serve", action="store_true", help="không đo mkdocs serve")
    parser.add_argument("--baseline-search", action="store_true", default=True,
                        help="bản so sánh là Material có tìm kiếm có sẵn (mặc định)")
    parser.add_argument("--baseline-no-search", dest="baseline_search", action="store_false",
                        help="bản so sánh là Material không có tìm kiếm")
    parser.add_argument("--no-pdf-estimate", dest="pdfs", action="store_false",
                        help="không in thử vài PDF để ước lượng cỡ trang kèm PDF theo chính sách đăng")
    parser.add_argument("--keep", action="store_true", help="giữ lại thư mục làm việc (kho giả lập, các trang đã dựng)")
    parser.add_argument("--work", type=Path, default=None, help="thư mục làm việc (mặc định: thư mục tạm)")
    parser.add_argument("--shards", type=int, default=0, help="trình diễn dựng theo K mảnh có tìm kiếm gộp (thay cho đo)")
    parser.add_argument("--plans-per-shard", type=int, default=20)
    args = parser.parse_args(argv)
    if args.shards:
        return shard_demo(args.shards, args.plans_per_shard, args.out, args.seed)
    try:
        sizes = [int(x.replace("_", "").replace(".", "")) for x in args.sizes.split(",")] if args.sizes else (
            [100, 1000] if args.quick else [100, 1000, 10000])
    except ValueError:
        parser.error("--sizes phải là các số cách nhau bởi dấu phẩy, ví dụ 100,1000")
    serve = (args.serve or not args.quick) and not args.no_serve
    return run(sorted(sizes), args.out, args.seed, serve, args.keep, args.work, args.baseline_search, args.pdfs)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
