"""The benchmark's report: what a build produced, growth exponents, the Markdown table and
the targets it is judged against."""

from __future__ import annotations

import contextlib
import math
import os
import platform
import re
import statistics
from pathlib import Path

from congkhai.devtools.measure import MB

PLAN_PAGE = re.compile(r"^truong/[a-z0-9-]+/\d{4}-\d{4}/index\.html$")
TARGETS = {"time_ratio": 1.5, "peak_mb": 4096, "exponent": 1.1, "max_page_kb": 1024, "median_plan_kb": 100}


# --- what a build produced --------------------------------------------------------------------

def site_stats(site: Path) -> dict:
    """Count and size the pages of a built site, and find its Pagefind bundle."""
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



# --- the run's context and summary ----------------------------------------------------------

def machine() -> dict:
    """Describe the machine the figures were measured on."""
    cpu = "?"
    with contextlib.suppress(OSError):
        cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), "?")
    mem = 0.0
    with contextlib.suppress(OSError):
        mem = int(next(line.split()[1] for line in open("/proc/meminfo") if line.startswith("MemTotal"))) / 1024 / 1024
    return {"nproc": os.cpu_count(), "mem_gb": round(mem, 1), "cpu": cpu, "python": platform.python_version()}


def versions() -> dict:
    """Return the versions of the tools being measured."""
    from importlib.metadata import PackageNotFoundError, version

    out = {}
    for name in ("mkdocs", "mkdocs-material", "pagefind"):
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            out[name] = None
    return out


def fmt(v, unit: str = "") -> str:
    """Format a figure for the table, a dash when it is missing."""
    return "–" if v is None else f"{v}{unit}"


def ratio(a, b) -> float | None:
    """Return a / b rounded, or None when either is missing or zero."""
    return round(a / b, 2) if a and b else None


def markdown_table(report: dict) -> str:
    """Render the report as Markdown: sizes, phases, growth and serve latency."""
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
            f"| {r['plans']:,} | {fmt(o['seconds'])} | {fmt(b['seconds'])} | {fmt(r['time_ratio'], '×')} "
            f"| {fmt(o['peak_mb'])} | {fmt(b['peak_mb'])} | {fmt(r['memory_ratio'], '×')} "
            f"| {fmt(o.get('pages'))} / {fmt(b.get('pages'))} | {fmt(o.get('site_mb'))} / {fmt(b.get('site_mb'))} "
            f"| {fmt(o.get('median_page_kb'))} | {fmt(o.get('median_plan_page_kb'))} "
            f"| {fmt(o.get('largest_page_kb'))} | {fmt(o.get('search_index_mb'))} | {fmt(o.get('search_seconds'))} |")
    phases = sorted({k for r in report["results"] for k in (r["ours"].get("phases") or {}) if k != "build"},
                    key=lambda k: (k.startswith("post:"), k))
    if phases:
        names = [k.removeprefix("post:") + (" (post-build)" if k.startswith("post:") else "") for k in phases]
        lines += ["", "Where our build's time goes (seconds):", "",
                  "| Plans | " + " | ".join(names) + " |", "|" + "---:|" * (len(phases) + 1)]
        for r in report["results"]:
            ph = r["ours"].get("phases") or {}
            lines.append(f"| {r['plans']:,} | " + " | ".join(fmt(ph.get(k)) for k in phases) + " |")
    g = report.get("growth")
    if g:
        lines += ["", f"Growth exponent {g['from']:,} → {g['to']:,} plans (1.0 = linear): ours time {fmt(g['ours_time'])}, "
                      f"memory {fmt(g['ours_memory'])}; baseline time {fmt(g['baseline_time'])}, memory {fmt(g['baseline_memory'])}."]
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

