"""The benchmark judges the province targets (time against plain Material with its search, 2 GB,
700 MB with the deploy policy's PDFs, a 3 s preview) and prints the site's size with its PDFs."""

from __future__ import annotations

from congkhai.devtools import bench_report
from congkhai.outputs.templates import template


def _report(**ours) -> dict:
    o = {"seconds": 90.0, "peak_mb": 1900.0, "site_mb": 600.0, "site_deployed_mb": 650.0, "pdfs": 357, "pdf_policy": "moi-nhat",
         "pdf_mb": 50.0, "pages": 100, "largest_page_kb": 300, "median_plan_page_kb": 40} | ours
    b = {"seconds": 100.0, "peak_mb": 1000.0, "site_mb": 500.0, "pages": 90}
    return {"date": "2026-12-05 08:00", "machine": {"nproc": 2, "mem_gb": 8, "cpu": "x", "python": "3.11"},
            "versions": {"mkdocs": "1.6", "mkdocs-material": "9", "pagefind": "1.5"}, "seed": 1,
            "results": [{"plans": 10000, "ours": o, "baseline": b, "time_ratio": round(o["seconds"] / b["seconds"], 2),
                         "memory_ratio": 1.9}],
            "serve": {"plans": 1000, "first_build_seconds": 60, "edit_seconds": [2.1, 2.4], "edit_seconds_max": 2.4}}


def test_the_province_targets_pass_when_every_figure_is_within_them():
    lines = bench_report.check_targets(_report())
    assert lines and all(line.startswith("ok") for line in lines), lines
    assert any("700 MB" in line and "650.0 MB" in line for line in lines)


def test_the_site_with_its_pdfs_over_700_mb_misses_its_target():
    lines = bench_report.check_targets(_report(site_deployed_mb=760.0))
    assert [line for line in lines if line.startswith("MISS")] == [next(line for line in lines if "700 MB" in line)]


def test_a_slower_build_than_material_with_search_or_a_slow_preview_misses():
    report = _report(seconds=120.0)
    report["serve"]["edit_seconds_max"] = 3.5
    missed = [line for line in bench_report.check_targets(report) if line.startswith("MISS")]
    assert len(missed) == 2 and "1.2×" in missed[0] and "3.5 s" in missed[1]


def test_the_table_shows_the_size_with_the_pdfs_of_the_policy():
    table = bench_report.markdown_table(_report())
    assert "650.0 (357 PDFs, moi-nhat)" in table
    assert "scripts/serve (mkdocs serve --dirty) at 1,000 plans" in table


def test_site_stats_count_pages_and_set_the_redirect_stubs_of_moved_addresses_apart(tmp_path):
    plan = tmp_path / "truong" / "x" / "2024-2025"
    (plan / "in").mkdir(parents=True)
    (plan / "index.html").write_text("<!doctype html><title>Kế hoạch</title>" + "<p>dòng</p>" * 500, encoding="utf-8")
    (plan / "in" / "index.html").write_text(template("redirect.html").render(page="../", anchor="ban-in", title="Kế hoạch"), encoding="utf-8")
    stats = bench_report.site_stats(tmp_path)
    assert (stats["pages"], stats["redirects"]) == (1, 1)
    assert stats["median_plan_page_kb"] == stats["median_page_kb"] > 5
