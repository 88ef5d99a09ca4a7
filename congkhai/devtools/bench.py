"""`scripts/bench`: how the build grows with the number of plans, against plain mkdocs-material.

For each size N it generates a realistic corpus (congkhai.corpusgen), then builds, each in its
own process watched for wall time and peak memory (resident set of the whole process tree,
Pagefind included):
  (a) our site, as `scripts/build --no-pdf` does (pages, data files, search index);
  (b) a baseline: the same plans as ordinary Markdown pages (front matter turned into Markdown
      tables), plain mkdocs-material with the same theme, a three-entry nav, no hooks, no search.
It prints the figures with the ratio ours/baseline and the growth exponents, writes them as
JSON and a Markdown table into --out, and (full run, or --serve) measures how long a change to
one plan takes to appear under `mkdocs serve` at 1,000 plans.
`--shards K` instead demonstrates a sharded national build (see shard_demo).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import math
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import jinja2
import yaml

from congkhai import PROJECT_ROOT
from congkhai.core.text import TABLE_MARKER
from congkhai.devtools import corpusgen
from congkhai.outputs.search.bundles import SCOPE_FILE

ROOT = PROJECT_ROOT
PROJECT = ROOT  # what the builds run: a snapshot of ROOT during a run (see snapshot)
MB = 1024 * 1024
PLAN_PAGE = re.compile(r"^truong/[a-z0-9-]+/\d{4}-\d{4}/index\.html$")
TARGETS = {"time_ratio": 1.5, "peak_mb": 4096, "exponent": 1.1, "max_page_kb": 1024, "median_plan_kb": 100}


# --- measuring a process tree ------------------------------------------------------------------

def _children(pid: int) -> list[int]:
    kids: list[int] = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as f:
                kids += [int(x) for x in f.read().split()]
    except OSError:
        pass
    return kids


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants, now (Linux /proc)."""
    total, todo, seen = 0, [pid], set()
    while todo:
        p = todo.pop()
        if p in seen:
            continue
        seen.add(p)
        total += _rss_kb(p)
        todo += _children(p)
    return total / 1024


def run_measured(cmd: list[str], *, env: dict, cwd: Path, log: Path) -> dict:
    """Run cmd to completion; wall seconds and peak resident memory of its process tree."""
    peak = 0.0
    with open(log, "w") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=out, stderr=subprocess.STDOUT)
        while proc.poll() is None:
            peak = max(peak, tree_rss_mb(proc.pid))
            time.sleep(0.05)
        wall = time.perf_counter() - start
    return {"rc": proc.returncode, "seconds": round(wall, 2), "peak_mb": round(peak, 1)}


def _env(**extra: str) -> dict:
    env = dict(os.environ)
    env.update({"NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(PROJECT) + os.pathsep + env.get("PYTHONPATH", ""),
                "CONGKHAI_PDF": "0"})
    env.update(extra)
    return env


def snapshot(work: Path) -> Path:
    """Copy the project's sources into work/project and build from there, so that files edited
    during a long run (or a live-reloading `mkdocs serve` watching them) do not change what is
    measured halfway through."""
    global PROJECT
    target = work / "project"
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(ROOT, target, ignore=shutil.ignore_patterns(
        ".git", ".venv", "node_modules", ".cache", ".pytest_cache", "__pycache__", "*.pyc", "tests", "site",
        "bench-results", "shard-demo", "*.egg-info"))
    shutil.rmtree(target / "plans", ignore_errors=True)
    (target / "plans").mkdir()  # mkdocs.yml watches plans/; the corpus comes from CONGKHAI_PLANS
    PROJECT = target
    return target


# --- the driver: our build, in a child process, timing its phases -----------------------------

def _driver(argv: list[str]) -> int:
    """Run `scripts/build --no-pdf` in this process, writing phase timings and rusage to a JSON file."""
    import resource

    from congkhai.commands import build
    from congkhai import glue as mkdocs_glue

    site_dir, timings_path = argv[0], Path(argv[1])
    kinds = set(argv[2].split(",")) if len(argv) > 2 and argv[2] else None  # shards: only these page kinds
    skip = set(argv[3].split(",")) if len(argv) > 3 and argv[3] else set()  # shared build: all but these
    if kinds or skip:
        # Generated pages named in the nav stay in every build (strict mode wants them).
        nav = set(re.findall(r"[\w/.-]+\.md", json.dumps(yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8")).get("nav"))))
        all_pages = mkdocs_glue.site_pages
        mkdocs_glue.site_pages = lambda ctx: [
            s for s in all_pages(ctx)
            if s.src_uri in nav or ((kinds is None or s.kind in kinds) and s.kind not in skip)
        ]
    phases: dict[str, float] = {}
    on_config = mkdocs_glue.on_config

    def timed_config(config):
        t = time.perf_counter()
        try:
            return on_config(config)
        finally:
            phases["load"] = time.perf_counter() - t
            phases["_pages_start"] = time.perf_counter()

    def timed_post_build(config):
        phases["pages"] = time.perf_counter() - phases.pop("_pages_start", time.perf_counter())
        ctx = mkdocs_glue.current()
        for step in mkdocs_glue.POST_BUILD_STEPS:
            t = time.perf_counter()
            step(ctx)
            module = getattr(step, "__module__", "?").rsplit(".", 1)[-1]
            name = "post:" + {"pagefind": "search"}.get(module, module)
            phases[name] = phases.get(name, 0) + time.perf_counter() - t

    mkdocs_glue.on_config, mkdocs_glue.on_post_build = timed_config, timed_post_build
    t0 = time.perf_counter()
    rc = build.main(["--no-pdf", "-d", site_dir])
    phases["build"] = time.perf_counter() - t0
    self_ = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    timings_path.write_text(json.dumps({"phases": {k: round(v, 2) for k, v in phases.items()},
                                        "maxrss_self_mb": round(self_, 1), "maxrss_children_mb": round(kids, 1)}))
    return rc


def build_ours(plans: Path, site: Path, work: Path, tag: str, kinds: str = "", skip: str = "") -> dict:
    timings = work / f"timings-{tag}.json"
    result = run_measured([sys.executable, "-m", "congkhai.devtools.bench", "_driver", str(site), str(timings), kinds, skip],
                          env=_env(CONGKHAI_PLANS=str(plans)), cwd=PROJECT, log=work / f"build-{tag}.log")
    if timings.exists():
        extra = json.loads(timings.read_text())
        result["phases"] = extra["phases"]
        # Sampling can miss a short spike; rusage cannot: keep the larger.
        result["peak_mb"] = max(result["peak_mb"], extra["maxrss_self_mb"], extra["maxrss_children_mb"])
    search = [v for k, v in result.get("phases", {}).items() if k.startswith("post:") and ("search" in k or "pagefind" in k)]
    result["search_seconds"] = round(sum(search), 2) if search else None
    return result


# --- the baseline: plain mkdocs-material on the same plans -----------------------------------

_LABELS = {
    "tieu_chi": "Tiêu chí", "ten_tieu_chi": "Tên tiêu chí", "diem_yeu": "Điểm yếu", "noi_dung": "Nội dung",
    "ket_qua_can_dat": "Kết quả cần đạt", "giai_phap": "Giải pháp", "chu_tri": "Chủ trì", "phoi_hop": "Phối hợp",
    "thoi_gian": "Thời gian", "kinh_phi": "Kinh phí", "kinh_phi_ghi_chu": "Ghi chú kinh phí",
    "nguon_kinh_phi": "Nguồn kinh phí", "dieu_kien_ho_tro": "Điều kiện hỗ trợ", "giam_sat": "Giám sát",
    "thoi_diem_bao_cao": "Báo cáo", "ghi_chu": "Ghi chú",
}


def _cell(value) -> str:
    if isinstance(value, list):
        value = "<br>".join(str(v) for v in value)
    return str("" if value is None else value).replace("|", "\\|").replace("\n", "<br>")


def plan_to_markdown(text: str, school: dict) -> str:
    """A plan file as an ordinary Markdown page: header table, plan table, then the body."""
    _, front, body = text.split("---\n", 2)
    meta = yaml.safe_load(front)
    rows = meta.pop("cai_tien", [])
    out = [f"# Kế hoạch cải tiến chất lượng giáo dục năm học {meta.get('nam_hoc')} – {school.get('ten')}", "",
           "| Mục | Nội dung |", "|---|---|"]
    out += [f"| {k} | {_cell(v)} |" for k, v in meta.items()]
    cols = [k for k in _LABELS if any(k in r for r in rows)]
    out += ["", "| " + " | ".join(_LABELS[c] for c in cols) + " |", "|" + "---|" * len(cols)]
    out += ["| " + " | ".join(_cell(r.get(c)) for c in cols) + " |" for r in rows]
    out += ["", body.replace(TABLE_MARKER, "")]
    return "\n".join(out)


def make_baseline(plans: Path, project: Path, with_search: bool = False) -> None:
    docs = project / "docs"
    docs.mkdir(parents=True)
    for name, title in (("index.md", "Trang chủ"), ("gioi-thieu.md", "Giới thiệu"), ("huong-dan.md", "Hướng dẫn")):
        (docs / name).write_text(f"# {title}\n\nKế hoạch cải tiến chất lượng giáo dục.\n", encoding="utf-8")
    for folder in sorted(p for p in plans.iterdir() if p.is_dir()):
        school = yaml.safe_load((folder / "truong.yml").read_text(encoding="utf-8"))
        target = docs / "truong" / folder.name
        target.mkdir(parents=True)
        for plan in sorted(folder.glob("*.md")):
            (target / plan.name).write_text(plan_to_markdown(plan.read_text(encoding="utf-8"), school), encoding="utf-8")
    config = {
        "site_name": "Kế hoạch cải tiến chất lượng giáo dục",
        "docs_dir": "docs", "use_directory_urls": True,
        "theme": {"name": "material", "language": "vi", "font": False,
                  "features": ["navigation.tabs", "navigation.top"],
                  "palette": [{"scheme": "default", "primary": "indigo", "accent": "indigo"}]},
        "nav": [{"Trang chủ": "index.md"}, {"Giới thiệu": "gioi-thieu.md"}, {"Hướng dẫn": "huong-dan.md"}],
        "plugins": ["search"] if with_search else [],
        "validation": {"nav": {"omitted_files": "ignore"}},
    }
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")


def build_baseline(project: Path, site: Path, work: Path, tag: str) -> dict:
    result = run_measured([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml"), "-d", str(site)],
                          env=_env(), cwd=project, log=work / f"baseline-{tag}.log")
    index = site / "search" / "search_index.json"
    result["search_seconds"] = None
    result["search_index_mb"] = round(index.stat().st_size / MB, 2) if index.exists() else None
    return result


# --- what a build produced --------------------------------------------------------------------

def site_stats(site: Path) -> dict:
    total, pages, plan_pages, largest = 0, [], [], ("", 0)
    bundle = None
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        size = path.stat().st_size
        total += size
        if path.name == "pagefind.js" and bundle is None:
            bundle = path.parent
        if path.suffix == ".html":
            rel = path.relative_to(site).as_posix()
            pages.append(size)
            if PLAN_PAGE.match(rel):
                plan_pages.append(size)
            if size > largest[1]:
                largest = (rel, size)
    stats = {
        "pages": len(pages), "site_mb": round(total / MB, 1),
        "median_page_kb": round(statistics.median(pages) / 1024, 1) if pages else None,
        "median_plan_page_kb": round(statistics.median(plan_pages) / 1024, 1) if plan_pages else None,
        "largest_page_kb": round(largest[1] / 1024, 1), "largest_page": largest[0],
    }
    if bundle is not None:
        size = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file())
        stats["search_index_mb"] = round(size / MB, 1)
        stats["search_bundle"] = bundle.relative_to(site).as_posix()
    return stats


def exponent(n1: int, v1: float | None, n2: int, v2: float | None) -> float | None:
    """Log-log slope between two sizes: 1.0 is linear growth, 2.0 quadratic."""
    if not v1 or not v2 or n1 == n2:
        return None
    return round(math.log(v2 / v1) / math.log(n2 / n1), 2)


# --- mkdocs serve: how long an edit takes to show -----------------------------------------------

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            return r.status, r.read().decode("utf-8", "replace")
    except Exception:  # noqa: BLE001 - not up yet, or rebuilding
        return 0, ""


def serve_latency(plans: Path, work: Path, edits: int = 2, timeout: float = 900, dirty: bool = False) -> dict:
    """Start `mkdocs serve` on the corpus, change one plan, time until its page shows the change."""
    port = _free_port()
    log = open(work / f"serve{'-dirty' if dirty else ''}.log", "w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "-w", str(plans)] + (["--dirty", "--no-strict"] if dirty else []),
        env=_env(CONGKHAI_PLANS=str(plans)), cwd=PROJECT, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    try:
        plan = sorted(plans.glob("*/*.md"))[len(list(plans.glob("*/*.md"))) // 2]
        url = f"http://127.0.0.1:{port}/truong/{plan.parent.name}/{plan.stem}/"
        t0 = time.perf_counter()
        while _get(url)[0] != 200:
            if proc.poll() is not None or time.perf_counter() - t0 > timeout:
                return {"error": "mkdocs serve did not start (see serve.log)"}
            time.sleep(0.5)
        first = time.perf_counter() - t0
        samples = []
        for i in range(edits):
            time.sleep(2)  # let the watcher settle after the previous build
            token = f"kiemtra{i}x{int(time.time()) % 100000}"
            text = plan.read_text(encoding="utf-8")
            plan.write_text(text.rstrip("\n") + f"\n\nĐã cập nhật {token}.\n", encoding="utf-8")
            t = time.perf_counter()
            while token not in _get(url)[1]:
                if time.perf_counter() - t > timeout or proc.poll() is not None:
                    return {"error": "the change did not appear", "first_build_seconds": round(first, 1)}
                time.sleep(0.1)
            samples.append(round(time.perf_counter() - t, 2))
        return {"plans": len(list(plans.glob("*/*.md"))), "dirty": dirty, "first_build_seconds": round(first, 1),
                "edit_seconds": samples, "edit_seconds_max": max(samples)}
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, 15)
        proc.wait(timeout=30)
        log.close()


# --- one run ----------------------------------------------------------------------------------

def machine() -> dict:
    cpu = "?"
    with contextlib.suppress(OSError):
        cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), "?")
    mem = 0.0
    with contextlib.suppress(OSError):
        mem = int(next(line.split()[1] for line in open("/proc/meminfo") if line.startswith("MemTotal"))) / 1024 / 1024
    return {"nproc": os.cpu_count(), "mem_gb": round(mem, 1), "cpu": cpu, "python": platform.python_version()}


def versions() -> dict:
    from importlib.metadata import PackageNotFoundError, version

    out = {}
    for name in ("mkdocs", "mkdocs-material", "pagefind"):
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            out[name] = None
    return out


def _fmt(v, unit: str = "") -> str:
    return "–" if v is None else f"{v}{unit}"


def _ratio(a, b) -> float | None:
    return round(a / b, 2) if a and b else None


def markdown_table(report: dict) -> str:
    head = (f"Benchmark {report['date']} · {report['machine']['nproc']} cores, {report['machine']['mem_gb']} GB, "
            f"{report['machine']['cpu']} · mkdocs {report['versions']['mkdocs']}, material "
            f"{report['versions']['mkdocs-material']}, pagefind {report['versions']['pagefind']} · seed {report['seed']}")
    lines = [head, "",
             "| Plans | Ours (s) | Baseline (s) | Time ratio (ours/baseline) | Ours peak (MB) | Baseline peak (MB) "
             "| Memory ratio | Pages ours / baseline | Site MB ours / baseline | Median page (KB) | Median plan page (KB) "
             "| Largest page (KB) | Search index (MB) | Search step (s) |",
             "|" + "---:|" * 14]
    for r in report["results"]:
        o, b = r["ours"], r["baseline"]
        lines.append(
            f"| {r['plans']:,} | {_fmt(o['seconds'])} | {_fmt(b['seconds'])} | {_fmt(r['time_ratio'], '×')} "
            f"| {_fmt(o['peak_mb'])} | {_fmt(b['peak_mb'])} | {_fmt(r['memory_ratio'], '×')} "
            f"| {_fmt(o.get('pages'))} / {_fmt(b.get('pages'))} | {_fmt(o.get('site_mb'))} / {_fmt(b.get('site_mb'))} "
            f"| {_fmt(o.get('median_page_kb'))} | {_fmt(o.get('median_plan_page_kb'))} "
            f"| {_fmt(o.get('largest_page_kb'))} | {_fmt(o.get('search_index_mb'))} | {_fmt(o.get('search_seconds'))} |")
    phases = sorted({k for r in report["results"] for k in (r["ours"].get("phases") or {}) if k != "build"},
                    key=lambda k: (k.startswith("post:"), k))
    if phases:
        names = [k.removeprefix("post:") + (" (post-build)" if k.startswith("post:") else "") for k in phases]
        lines += ["", "Where our build's time goes (seconds):", "",
                  "| Plans | " + " | ".join(names) + " |", "|" + "---:|" * (len(phases) + 1)]
        for r in report["results"]:
            ph = r["ours"].get("phases") or {}
            lines.append(f"| {r['plans']:,} | " + " | ".join(_fmt(ph.get(k)) for k in phases) + " |")
    g = report.get("growth")
    if g:
        lines += ["", f"Growth exponent {g['from']:,} → {g['to']:,} plans (1.0 = linear): ours time {_fmt(g['ours_time'])}, "
                      f"memory {_fmt(g['ours_memory'])}; baseline time {_fmt(g['baseline_time'])}, memory {_fmt(g['baseline_memory'])}."]
    for key, name in (("serve", "mkdocs serve"), ("serve_dirty", "mkdocs serve --dirty")):
        s = report.get(key)
        if not s:
            continue
        if "error" in s:
            lines += ["", f"{name}: {s['error']}."]
        else:
            lines += ["", f"{name} at {s['plans']:,} plans: first build {s['first_build_seconds']} s; "
                          f"an edited plan shows after {', '.join(str(x) for x in s['edit_seconds'])} s."]
    return "\n".join(lines) + "\n"


def check_targets(report: dict) -> list[str]:
    """The issue's targets, judged on the largest size measured."""
    r = report["results"][-1]
    o = r["ours"]
    out = [
        ("time ratio ≤ 1.5×", r["time_ratio"] is not None and r["time_ratio"] <= TARGETS["time_ratio"], f"{r['time_ratio']}×"),
        ("peak memory < 4 GB", o["peak_mb"] < TARGETS["peak_mb"], f"{o['peak_mb']} MB"),
        ("no page over 1 MB", (o.get("largest_page_kb") or 0) <= TARGETS["max_page_kb"], f"{o.get('largest_page_kb')} KB {o.get('largest_page')}"),
        ("median plan page < 100 KB", (o.get("median_plan_page_kb") or 0) < TARGETS["median_plan_kb"], f"{o.get('median_plan_page_kb')} KB"),
    ]
    g = report.get("growth")
    if g:
        out.append(("time exponent ≤ 1.1", (g["ours_time"] or 9) <= TARGETS["exponent"], str(g["ours_time"])))
        out.append(("memory exponent ≤ 1.1", (g["ours_memory"] or 9) <= TARGETS["exponent"], str(g["ours_memory"])))
    for key, name in (("serve", "serve"), ("serve_dirty", "serve --dirty")):
        s = report.get(key)
        if s and "edit_seconds_max" in s:
            out.append((f"{name}: edit visible ≤ 5 s", s["edit_seconds_max"] <= 5, f"{s['edit_seconds_max']} s"))
    return [f"{'ok  ' if good else 'MISS'} {name}: {value}" for name, good, value in out]


def run(sizes: list[int], out: Path, seed: int, serve: bool, keep: bool, work: Path | None, baseline_search: bool) -> int:
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
                 "time_ratio": _ratio(ours["seconds"], base["seconds"]), "memory_ratio": _ratio(ours["peak_mb"], base["peak_mb"])}
            report["results"].append(r)
            print(f"[{n} plans] time ratio ours/baseline {_fmt(r['time_ratio'], '×')} ({ours['seconds']} s / {base['seconds']} s); "
                  f"memory ratio {_fmt(r['memory_ratio'], '×')} ({ours['peak_mb']} MB / {base['peak_mb']} MB); "
                  f"pages {ours['pages']} / {base['pages']}; search {_fmt(ours.get('search_seconds'), ' s')}, "
                  f"{_fmt(ours.get('search_index_mb'), ' MB')}", flush=True)
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
            }
        if serve:
            plans = work / "plans-1000"
            if not plans.exists():
                corpusgen.generate(plans, 1000, seed=seed)
            print("[serve] measuring mkdocs serve edit latency at 1,000 plans…", flush=True)
            report["serve"] = serve_latency(plans, work)
            print(f"[serve] {report['serve']}; now with --dirty…", flush=True)
            report["serve_dirty"] = serve_latency(plans, work, dirty=True)
            print(f"[serve --dirty] {report['serve_dirty']}", flush=True)
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


# --- beyond one machine: independent shards, one merged search ---------------------------------

SHARD_KINDS = "plan,school,print,embed"  # page kinds that belong to one school: built in its shard
SHARD_PAGE_DIRS = ("truong", "nhung")  # where those pages live: <dir>/<school-slug>/...

MERGED_SEARCH_TEMPLATE = "shards/tim-kiem-gop.html"  # in overrides/: the merged-search page of the demo


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


def shard_demo(k: int, per_shard: int, out: Path, seed: int = 1, work: Path | None = None) -> int:
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
    (site / "manh.json").write_text(json.dumps({"shards": shards, "shared_bundle": "/pagefind/"}, ensure_ascii=False, indent=2),
                                    encoding="utf-8")
    print("\nJobs (each one machine; in CI a matrix job per shard):")
    for name, r in jobs:
        print(f"  {name:<10} {r['seconds']:>7} s  {r['peak_mb']:>7} MB  search step {_fmt(r.get('search_seconds'), ' s')}")
    slowest = max(r["seconds"] for name, r in jobs if name != "shared")
    serial = sum(r["seconds"] for _, r in jobs)
    print(f"Wall time with the jobs in parallel: {max(shared['seconds'], slowest)} s (shared {shared['seconds']} s, slowest shard "
          f"{slowest} s); ratio parallel/serial {_fmt(_ratio(max(shared['seconds'], slowest), serial), '×')} of {serial} s")
    print(f"Assembled site: {site} · merged search: /tim-kiem-gop/ over /pagefind/ + {', '.join(bundles)}")
    return 0


def main(argv: list[str]) -> int:
    if argv[:1] == ["_driver"]:
        return _driver(argv[1:])
    parser = argparse.ArgumentParser(prog="bench", description="Đo thời gian và bộ nhớ khi dựng trang với nhiều kế hoạch, so với mkdocs-material thuần.")
    parser.add_argument("--quick", action="store_true", help="chỉ tới 1.000 kế hoạch (100, 1000), không đo mkdocs serve")
    parser.add_argument("--sizes", default=None, help="các cỡ, ví dụ 100,1000,10000")
    parser.add_argument("--out", type=Path, default=Path("bench-results"), help="thư mục ghi kết quả JSON và Markdown")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--serve", action="store_true", help="đo cả độ trễ của mkdocs serve (mặc định khi chạy đầy đủ)")
    parser.add_argument("--no-serve", action="store_true", help="không đo mkdocs serve")
    parser.add_argument("--baseline-search", action="store_true", help="bật tìm kiếm có sẵn của Material cho bản so sánh")
    parser.add_argument("--keep", action="store_true", help="giữ lại thư mục làm việc (kho giả lập, các trang đã dựng)")
    parser.add_argument("--work", type=Path, default=None, help="thư mục làm việc (mặc định: thư mục tạm)")
    parser.add_argument("--shards", type=int, default=0, help="trình diễn dựng theo K mảnh có tìm kiếm gộp (thay cho đo)")
    parser.add_argument("--plans-per-shard", type=int, default=20)
    args = parser.parse_args(argv)
    if args.shards:
        return shard_demo(args.shards, args.plans_per_shard, args.out, args.seed, args.work)
    try:
        sizes = [int(x.replace("_", "").replace(".", "")) for x in args.sizes.split(",")] if args.sizes else (
            [100, 1000] if args.quick else [100, 1000, 10000])
    except ValueError:
        parser.error("--sizes phải là các số cách nhau bởi dấu phẩy, ví dụ 100,1000")
    serve = (args.serve or not args.quick) and not args.no_serve
    return run(sorted(sizes), args.out, args.seed, serve, args.keep, args.work, args.baseline_search)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
