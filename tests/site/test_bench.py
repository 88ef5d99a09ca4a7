"""The benchmark on small generated corpora: it builds real sites."""

from __future__ import annotations

import json
import re
import subprocess

import pytest
from conftest import ROOT


def test_bench_quick_writes_a_well_formed_table(tmp_path):
    out = tmp_path / "out"
    run = subprocess.run(
        [str(ROOT / "scripts" / "bench"), "--quick", "--sizes", "20,40", "--out", str(out)],
        cwd=tmp_path, capture_output=True, text=True, timeout=600,
    )
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    assert re.search(r"ratio.*\d×", run.stdout)
    [result] = list(out.glob("bench-*.json"))
    report = json.loads(result.read_text(encoding="utf-8"))
    assert report["machine"]["nproc"] >= 1 and report["date"]
    assert [r["plans"] for r in report["results"]] == [20, 40]
    for r in report["results"]:
        ours, base = r["ours"], r["baseline"]
        assert ours["rc"] == 0 and base["rc"] == 0
        assert ours["seconds"] > 0 and base["seconds"] > 0 and ours["peak_mb"] > 0 and base["peak_mb"] > 0
        assert r["time_ratio"] == pytest.approx(ours["seconds"] / base["seconds"], abs=0.01)
        assert ours["pages"] > r["plans"] and base["pages"] > r["plans"]  # one page per plan at least
        assert ours["median_plan_page_kb"] > 0 and ours["largest_page_kb"] >= ours["median_page_kb"]
    assert set(report["growth"]) >= {"ours_time", "ours_memory", "baseline_time", "baseline_memory"}
    assert "serve" not in report  # --quick does not start mkdocs serve
    table = result.with_suffix(".md").read_text(encoding="utf-8")
    blocks = [b.splitlines() for b in table.split("\n\n") if b.startswith("|")]
    rows = blocks[0]  # the main table; the second one splits our time into phases
    assert len(rows) == 4  # header, rule, one line per size
    assert len({line.count("|") for line in rows}) == 1
    assert rows[2].startswith("| 20 |") and rows[3].startswith("| 40 |")
    assert "Growth exponent" in table
    phases = blocks[1]
    assert len(phases) == 4 and "load" in phases[0] and "search" in phases[0]
