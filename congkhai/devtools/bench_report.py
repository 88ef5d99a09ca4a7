"""The benchmark's report: what a build produced, growth exponents, the Markdown table and
the targets it is judged against."""

from __future__ import annotations

import contextlib
import math
import os
import platform
import statistics
import tempfile
from pathlib import Path, PurePosixPath

from congkhai.devtools.measure import MB
from congkhai.printing.pdf import PLAN_PAGES

TARGETS = {"time_ratio": 1.0, "peak_mb": 2048, "site_mb": 700, "exponent": 1.1, "max_page_kb": 1024, "median_plan_kb": 100,
           "serve_s": 3}


# --- what a build produced --------------------------------------------------------------------

REDIRECT = b'http-equiv="refresh"'


def site_stats(site: Path) -> dict:
    """Count and size the pages of a built site (redirect stubs counted apart), and find its
    Pagefind bundle."""
    total, pages, plan_pages, largest, redirects = 0, [], [], ("", 0), 0
    bundle = None
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        size = path.stat().st_size
        total += size
        if path.name == "pagefind.js" and bundle is None:
            bundle = path.parent
        if path.suffix == ".html":
            if size < 2048 and REDIRECT in path.read_bytes():
                redirects += 1  # a moved address's stub (outputs/redirects.py), not a page
                continue
            rel = path.relative_to(site).as_posix()
            pages.append(size)
            if PurePosixPath(rel).match(PLAN_PAGES):
                plan_pages.append(size)
            if size > largest[1]:
                largest = (rel, size)
    stats = {
        "pages": len(pages), "redirects": redirects, "site_mb": round(total / MB, 1),
        "median_page_kb": round(statistics.median(pages) / 1024, 1) if pages else None,
        "median_plan_page_kb": round(statistics.median(plan_pages) / 1024, 1) if plan_pages else None,
        "largest_page_kb": round(largest[1] / 1024, 1), "largest_page": largest[0],
    }
    if bundle is not None:
        size = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file())
        stats["search_index_mb"] = round(size / MB, 1)
        stats["search_bundle"] = bundle.relative_to(site).as_posix()
    return stats


def pdf_estimate(site: Path, sample: int = 4) -> dict:
    """The PDFs the deploy policy gives this site (the default of `scripts/build`), without
    printing them all: how many, and their bytes from the mean of a few printed evenly across
    them. Empty when there is nothing to print or no Chromium."""
    from congkhai.facts.pdf_policy import policy
    from congkhai.printing.browser import SiteServer
    from congkhai.printing.pdf import Printer, policy_pages

    pages = policy_pages(site)
    if not pages:
        return {}
    picked = pages[:: max(1, len(pages) // sample)][:sample]
    sizes = []
    try:
        with SiteServer(site) as server, Printer() as printer, tempfile.TemporaryDirectory() as tmp:
            for i, html in enumerate(picked):
                out = Path(tmp) / f"{i}.pdf"
                printer.print_pdf(server.url + html.parent.relative_to(site).as_posix() + "/", out)
                sizes.append(out.stat().st_size)
    except Exception as e:  # noqa: BLE001 - PdfError (no browser) or Playwright's: only the estimate is left out
        print(f"(PDF estimate skipped: {str(e).splitlines()[0] if str(e) else type(e).__name__})", flush=True)
        return {}
    mb = len(pages) * statistics.mean(sizes) / MB
    return {"pdf_policy": policy(len(list(site.glob(PLAN_PAGES)))), "pdfs": len(pages), "pdf_mb": round(mb, 1)}


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


def _with_pdfs(o: dict) -> str:
    """Site size with the PDFs of the deploy policy: «612.3 (357 PDFs, moi-nhat)»."""
    if not o.get("pdfs"):
        return fmt(o.get("site_deployed_mb"))
    return f"{o['site_deployed_mb']} ({o['pdfs']} PDFs, {o['pdf_policy']})"


def markdown_table(report: dict) -> str:
    """Render the report as Markdown: sizes, phases, growth and serve latency."""
    head = (f"Benchmark {report['date']} · {report['machine']['nproc']} cores, {report['machine']['mem_gb']} GB, "
            f"{report['machine']['cpu']} · mkdocs {report['versions']['mkdocs']}, material "
            f"{report['versions']['mkdocs-material']}, pagefind {report['versions']['pagefind']} · seed {report['seed']}")
    lines = [head, "",
             "| Plans | Ours (s) | Baseline (s) | Time ratio (ours/baseline) | Ours peak (MB) | Baseline peak (MB) "
             "| Memory ratio | Pages ours / baseline | Site MB ours / baseline | Ours with PDFs (MB, policy) | Median page (KB) "
             "| Median plan page (KB) | Largest page (KB) | Search index (MB) | Search step (s) | CPU s ours / baseline |",
             "|" + "---:|" * 16]
    for r in report["results"]:
        o, b = r["ours"], r["baseline"]
        lines.append(
            f"| {r['plans']:,} | {fmt(o['seconds'])} | {fmt(b['seconds'])} | {fmt(r['time_ratio'], '×')} "
            f"| {fmt(o['peak_mb'])} | {fmt(b['peak_mb'])} | {fmt(r['memory_ratio'], '×')} "
            f"| {fmt(o.get('pages'))} / {fmt(b.get('pages'))} | {fmt(o.get('site_mb'))} / {fmt(b.get('site_mb'))} "
            f"| {_with_pdfs(o)} "
            f"| {fmt(o.get('median_page_kb'))} | {fmt(o.get('median_plan_page_kb'))} "
            f"| {fmt(o.get('largest_page_kb'))} | {fmt(o.get('search_index_mb'))} | {fmt(o.get('search_seconds'))} "
            f"| {fmt(o.get('cpu_seconds'))} / {fmt(b.get('cpu_seconds'))} |")
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
                      f"memory {fmt(g['ours_memory'])}, site {fmt(g.get('ours_site'))}; baseline time {fmt(g['baseline_time'])}, "
                      f"memory {fmt(g['baseline_memory'])}, site {fmt(g.get('baseline_site'))}."]
    for key, name in (("serve", "scripts/serve (mkdocs serve --dirty)"),):
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
        ("time ratio ≤ 1.0× (plain Material with its search)", r["time_ratio"] is not None and r["time_ratio"] <= TARGETS["time_ratio"],
         f"{r['time_ratio']}×"),
        ("peak memory ≤ 2 GB", o["peak_mb"] <= TARGETS["peak_mb"], f"{o['peak_mb']} MB"),
        ("site ≤ 700 MB with the deploy policy's PDFs", (o.get("site_deployed_mb") or o["site_mb"]) <= TARGETS["site_mb"],
         f"{o.get('site_deployed_mb', '?')} MB ({o['site_mb']} MB without PDFs)"),
        ("no page over 1 MB", (o.get("largest_page_kb") or 0) <= TARGETS["max_page_kb"], f"{o.get('largest_page_kb')} KB {o.get('largest_page')}"),
        ("median plan page < 100 KB", (o.get("median_plan_page_kb") or 0) < TARGETS["median_plan_kb"], f"{o.get('median_plan_page_kb')} KB"),
    ]
    g = report.get("growth")
    if g:
        out.append(("time exponent ≤ 1.1", (g["ours_time"] or 9) <= TARGETS["exponent"], str(g["ours_time"])))
        out.append(("memory exponent ≤ 1.1", (g["ours_memory"] or 9) <= TARGETS["exponent"], str(g["ours_memory"])))
    for key, name in (("serve", "scripts/serve"),):
        s = report.get(key)
        if s and "edit_seconds_max" in s:
            out.append((f"{name}: edit visible ≤ {TARGETS['serve_s']} s", s["edit_seconds_max"] <= TARGETS["serve_s"],
                        f"{s['edit_seconds_max']} s"))
    return [f"{'ok  ' if good else 'MISS'} {name}: {value}" for name, good, value in out]

