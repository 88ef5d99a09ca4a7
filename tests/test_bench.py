"""The corpus generator and the benchmark's plumbing (not its timings)."""

from __future__ import annotations

import json
import re
import statistics
import subprocess
from collections import Counter
from pathlib import Path

import pytest
import yaml

from congkhai.core import catalog
from congkhai.devtools import baseline, bench_report, corpusgen
from congkhai.core.loader import load_corpus
from congkhai.core.model import Level, SourceKind, TableLayout

ROOT = Path(__file__).resolve().parent.parent


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def corpus400(tmp_path_factory):
    root = tmp_path_factory.mktemp("gen") / "plans"
    corpusgen.generate(root, 400, seed=7)
    corpus, problems = load_corpus(root)
    return root, corpus, problems


def test_generated_corpus_is_valid(corpus400):
    root, corpus, problems = corpus400
    assert [p.format(root) for p in problems] == []
    assert len(corpus.plans) == 400
    assert len(list(root.glob("*/*.md"))) == 400


def test_generated_corpus_is_spread_like_a_province(corpus400):
    _, corpus, _ = corpus400
    schools = list(corpus.schools.values())
    per_school = [len(s.plans) for s in schools]
    assert min(per_school) >= 1 and max(per_school) <= 5
    assert 2 <= statistics.mean(per_school) <= 4
    assert len({s.profile.tinh_thanh for s in schools}) >= 10
    assert len({(s.profile.tinh_thanh, s.profile.quan_huyen) for s in schools}) >= 30
    assert {s.profile.cap_hoc for s in schools} == set(Level)
    plans = corpus.plans
    assert len({p.year for p in plans}) >= 5
    assert {p.meta.mau_bang for p in plans} == set(TableLayout)
    assert any(p.meta.nguon_van_ban == SourceKind.OCR for p in plans)
    for school in schools:  # consecutive school years, each plan under its level's circular
        years = sorted(p.first_year for p in school.plans)
        assert years == list(range(years[0], years[0] + len(years)))
        for plan in school.plans:
            assert school.profile.cap_hoc in catalog.circular(plan.meta.thong_tu).levels
            assert all(catalog.circular(plan.meta.thong_tu).criterion(r.tieu_chi) for r in plan.rows)
    rows = [r for p in plans for r in p.rows]
    level_rows = Counter(len([r for r in p.rows if r.standard != "M4"]) for p in plans)
    assert min(level_rows) >= 8 and max(level_rows) <= 25
    assert any(r.standard == "M4" for r in rows)
    budgets = [r.kinh_phi for r in rows if r.kinh_phi]
    assert len(budgets) > 100 and min(budgets) >= 1_000_000
    assert any(r.nguon_kinh_phi for r in rows) and all(r.giai_phap for r in rows)
    assert all(p.meta.noi_nhan and p.meta.nguoi_ky and p.meta.chuc_vu_nguoi_ky for p in plans)
    assert all("<!-- bang-ke-hoach -->" in p.body for p in plans)
    # Vietnamese text, not placeholder: diacritics everywhere except the OCR plans.
    text = " ".join(r.giai_phap[0] for p in plans if p.meta.nguon_van_ban == SourceKind.VAN_BAN for r in p.rows)
    assert re.search(r"[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ]", text)


def test_generation_is_deterministic(tmp_path):
    corpusgen.generate(tmp_path / "a", 30, seed=3)
    corpusgen.generate(tmp_path / "b", 30, seed=3)
    corpusgen.generate(tmp_path / "c", 30, seed=4)
    assert _files(tmp_path / "a") == _files(tmp_path / "b")
    assert _files(tmp_path / "a") != _files(tmp_path / "c")


def test_rows_range_is_honoured(tmp_path):
    corpusgen.generate(tmp_path, 12, seed=2, rows=(2, 3))
    corpus, problems = load_corpus(tmp_path)
    assert not problems.errors
    assert all(2 <= len([r for r in p.rows if r.standard != "M4"]) <= 3 for p in corpus.plans)


def test_baseline_converter_keeps_every_row(corpus400):
    root, corpus, _ = corpus400
    plan = corpus.plans[0]
    school = yaml.safe_load((plan.path.parent / "truong.yml").read_text(encoding="utf-8"))
    md = baseline.plan_to_markdown(plan.path.read_text(encoding="utf-8"), school)
    table = [line for line in md.splitlines() if line.startswith("| ") and not line.startswith("| Mục")]
    ids = {line.split(" | ")[0].lstrip("| ").strip() for line in table}
    assert {r.tieu_chi for r in plan.rows} <= ids
    assert "<!-- bang-ke-hoach -->" not in md and plan.school.name in md


def test_growth_exponent():
    assert bench_report.exponent(1000, 10.0, 10000, 100.0) == 1.0
    assert bench_report.exponent(1000, 10.0, 10000, 1000.0) == 2.0
    assert bench_report.exponent(1000, None, 10000, 5.0) is None


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


def test_dirty_serve_rebuilds_only_pages_of_changed_schools(tmp_path):
    """Under `mkdocs serve --dirty` a generated page is rebuilt when a file of its school changed."""
    import os
    from types import SimpleNamespace

    from congkhai.glue import GeneratedFile

    corpusgen.generate(tmp_path / "plans", 3, seed=1)
    folder = next((tmp_path / "plans").iterdir())
    config = SimpleNamespace(site_dir=str(tmp_path / "site"), use_directory_urls=True, plugins=SimpleNamespace(_current_plugin=None))
    page = GeneratedFile.generated(config, f"truong/{folder.name}/index.md", content="# x")
    page.folder = folder
    everything = GeneratedFile.generated(config, "truong/index.md", content="# y")
    assert page.is_modified() and everything.is_modified()  # never built
    Path(page.abs_dest_path).parent.mkdir(parents=True)
    Path(page.abs_dest_path).write_text("built")
    later = max(p.stat().st_mtime for p in folder.iterdir()) + 10
    os.utime(page.abs_dest_path, (later, later))
    assert not page.is_modified()
    plan = next(folder.glob("*.md"))
    os.utime(plan, (later + 5, later + 5))  # the editor saves the plan
    assert page.is_modified()
    assert everything.is_modified()  # pages about the whole corpus are always rebuilt


def test_reloading_sees_every_change(tmp_path):
    """mkdocs serve reloads the corpus on each change; unchanged plans may come from memory,
    changed ones never do."""
    import os

    corpusgen.generate(tmp_path, 4, seed=9)
    first, _ = load_corpus(tmp_path)
    plan = first.plans[0]
    text = plan.path.read_text(encoding="utf-8")
    stat = plan.path.stat()
    plan.path.write_text(text.replace(f'nam_hoc: "{plan.year}"', 'nam_hoc: "2019-2021"'), encoding="utf-8")
    os.utime(plan.path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    _, problems = load_corpus(tmp_path)
    assert any("2019-2021" in p.message for p in problems.errors)
    plan.path.write_text(text.replace("---\n\n", "---\n\nĐoạn mới.\n\n", 1), encoding="utf-8")
    again, problems = load_corpus(tmp_path)
    assert not problems.errors
    assert next(p for p in again.plans if p.path == plan.path).body.startswith("Đoạn mới.")
    assert again.plans[0].school is not first.plans[0].school  # fresh objects each load


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
