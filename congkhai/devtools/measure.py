"""Measure a build: wall time and peak memory of a whole process tree, the build driver that
times our build's phases, and how long an edit takes to show under `mkdocs serve`.

`python -m congkhai.devtools.measure SITE TIMINGS [KINDS] [SKIP]` is the driver: build_ours runs
it in a child process, from the snapshot of the project."""

from __future__ import annotations

import contextlib
import json
import os
import re
import resource
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import yaml

from congkhai import PROJECT_ROOT

ROOT = PROJECT_ROOT
PROJECT = ROOT  # what the builds run: a snapshot of ROOT during a run (see snapshot)
MB = 1024 * 1024


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


def _cpu_of_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_measured(cmd: list[str], *, env: dict, cwd: Path, log: Path) -> dict:
    """Run cmd to completion; wall seconds, peak resident memory and CPU seconds of its process
    tree. On a shared machine the wall time of a build using both cores depends on the load; its
    CPU seconds (all processes, Pagefind included) do not."""
    peak = 0.0
    cpu = _cpu_of_children()
    with open(log, "w") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=out, stderr=subprocess.STDOUT)
        while proc.poll() is None:
            peak = max(peak, tree_rss_mb(proc.pid))
            time.sleep(0.05)
        wall = time.perf_counter() - start
    return {"rc": proc.returncode, "seconds": round(wall, 2), "peak_mb": round(peak, 1),
            "cpu_seconds": round(_cpu_of_children() - cpu, 2)}


# --- the measured builds run a snapshot of the project ----------------------------------------

def child_env(**extra: str) -> dict:
    """Environment of a measured build: the snapshot on the path, no PDFs."""
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

    def timed(name, step):
        t = time.perf_counter()
        try:
            return step()
        finally:
            # search-wait: what is left of the search index (built beside the pages) once they are written
            phases["post:" + name] = phases.get("post:" + name, 0) + time.perf_counter() - t

    def timed_post_build(config):
        phases["pages"] = time.perf_counter() - phases.pop("_pages_start", time.perf_counter())
        mkdocs_glue.post_build(mkdocs_glue.current(), timed)

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
    """Build our site from plans in a measured child process; kinds/skip restrict the page kinds (shards)."""
    timings = work / f"timings-{tag}.json"
    result = run_measured([sys.executable, "-m", "congkhai.devtools.measure", str(site), str(timings), kinds, skip],
                          env=child_env(CONGKHAI_PLANS=str(plans)), cwd=PROJECT, log=work / f"build-{tag}.log")
    if timings.exists():
        extra = json.loads(timings.read_text())
        result["phases"] = extra["phases"]
        # Sampling can miss a short spike; rusage cannot: keep the larger.
        result["peak_mb"] = max(result["peak_mb"], extra["maxrss_self_mb"], extra["maxrss_children_mb"])
    search = [v for k, v in result.get("phases", {}).items() if k.startswith("post:") and ("search" in k or "pagefind" in k)]
    result["search_seconds"] = round(sum(search), 2) if search else None
    return result


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


def serve_latency(plans: Path, work: Path, edits: int = 2, timeout: float = 900, dirty: bool = True) -> dict:
    """Start `mkdocs serve` on the corpus as scripts/serve does (dirty: False for full rebuilds),
    change one plan, time until its page shows the change."""
    port = _free_port()
    log = open(work / f"serve{'' if dirty else '-full'}.log", "w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "-w", str(plans)] + (["--dirty"] if dirty else []),
        env=child_env(CONGKHAI_PLANS=str(plans)), cwd=PROJECT, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
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


if __name__ == "__main__":
    raise SystemExit(_driver(sys.argv[1:]))
