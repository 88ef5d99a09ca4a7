"""The search index is built beside the pages: a failure of its process stops the build with
the Vietnamese reason, and CONGKHAI_SEARCH=0 builds the pages without it."""

from __future__ import annotations

from conftest import build_or_fail, build_site
from support.preview_fixtures import _copy_school


def test_a_failing_search_process_fails_the_build_with_its_reason(tmp_path):
    plans = _copy_school(tmp_path)
    blocker = tmp_path / "blocker"
    blocker.write_text("not a folder", encoding="utf-8")
    # The job is pointed at a file instead of the site folder: Pagefind cannot write there.
    prelude = (
        "from congkhai.outputs.search import job\n"
        "start = job.start\n"
        f"job.start = lambda plans, site, pages: start(plans, {str(blocker)!r}, pages)\n"
    )
    result = build_site(plans, tmp_path / "site", prelude=prelude)
    assert result.returncode != 0
    assert "Không tạo được chỉ mục tìm kiếm:" in result.stderr + result.stdout
    assert "Traceback" not in result.stderr


def test_search_switched_off_builds_the_pages_without_an_index(tmp_path):
    plans = _copy_school(tmp_path)
    site = build_or_fail(plans, tmp_path / "site", env={"CONGKHAI_SEARCH": "0"})
    assert (site / "index.html").is_file()
    assert not (site / "pagefind").exists()
