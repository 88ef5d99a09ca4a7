"""The search index is built beside the pages by a child process: its failures reach the build
as one Vietnamese message, and CONGKHAI_SEARCH=0 starts nothing."""

from __future__ import annotations

import pytest
from support.preview_fixtures import _copy_school

from congkhai.outputs.search import job
from congkhai.outputs.search.pagefind import SearchBuildError


def test_a_record_path_names_the_page_the_build_writes():
    assert job.page_of("truong/x/2024-2025/") == "truong/x/2024-2025/index.html"
    assert job.page_of("") == "index.html"


def test_no_job_starts_when_search_is_switched_off(tmp_path, monkeypatch):
    monkeypatch.setenv("CONGKHAI_SEARCH", "0")
    assert job.start(tmp_path, tmp_path / "site", set()) is None


def test_a_failing_search_job_reports_why_in_vietnamese(tmp_path):
    plans = _copy_school(tmp_path)
    site = tmp_path / "site"
    site.write_text("not a folder", encoding="utf-8")  # site/pagefind/ cannot be created
    running = job.SearchJob(plans, site, {"index.html"})
    with pytest.raises(SearchBuildError) as failed:
        running.wait()
    message = str(failed.value)
    assert message.startswith("Không tạo được chỉ mục tìm kiếm: ")
    assert "Traceback" not in message and str(site) in message


def test_a_search_job_indexes_only_the_pages_it_is_given(tmp_path):
    plans = _copy_school(tmp_path)
    site = tmp_path / "site"
    site.mkdir()
    school = next(plans.iterdir()).name
    summary = job.SearchJob(plans, site, {f"truong/{school}/index.html"}).wait()
    assert summary.startswith("Chỉ mục tìm kiếm: 1 mục")
    assert (site / "pagefind" / "pagefind-entry.json").is_file()
