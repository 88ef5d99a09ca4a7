"""The benchmark's search measurement: first and second queries in Chromium."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT


def test_bench_search_measures_first_and_second_queries_in_chromium(tmp_path):
    if not Path("/usr/bin/chromium").is_file():
        pytest.skip("cần /usr/bin/chromium (scripts/setup --test)")
    out = tmp_path / "bench-search.json"
    run = subprocess.run(
        [str(ROOT / "scripts" / "bench-search"), "30", "--seed", "3", "--work", str(tmp_path / "work"),
         "--queries", "thu vien", "doi ngu", "--json", str(out)],
        cwd=tmp_path, capture_output=True, text=True, timeout=600,
    )
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["mkdocs_build"]["seconds"] > 0 and report["search_build"]["peak_mb"] > 0
    first, other, second = report["queries"]
    assert (first["query"], first["first"]) == ("thu vien", True)
    assert (other["query"], other["first"]) == ("doi ngu", True)
    assert (second["query"], second["first"]) == ("doi ngu", False)
    for q in (first, other):  # a first query loads Pagefind, its wasm, metadata, chunks and our script
        assert {"pagefind.js", "wasm", "metadata", "index chunks", "search.js"} <= set(q["parts"])
        assert q["bytes_compressed"] <= q["bytes"] and "kết quả" in q["results"]
    assert "wasm" not in second["parts"] and second["bytes"] < other["bytes"]  # cached in the tab
    assert report["bundle"]["bytes"] > 0
    assert re.search(r"(ok  |MISS) truy vấn đầu tiên dưới 300 KB \(nén như GitHub Pages\): \d/2", run.stdout)

