"""What an editor sees while previewing: `mkdocs serve` shows a broken plan's error in the page
instead of hanging, and a plan's warnings never stop a strict build."""

from __future__ import annotations

from conftest import build_site
from support.preview_fixtures import SCHOOL, _copy_school


def test_a_plan_warning_is_shown_but_does_not_stop_the_strict_build(tmp_path):
    plans = _copy_school(tmp_path)
    plan = next((plans / SCHOOL).glob("*.md"))
    late = plans / SCHOOL / "2026-2027.md"
    late.write_text(plan.read_text("utf-8").replace(plan.stem, "2026-2027"), "utf-8")
    result = build_site(plans, tmp_path / "site")
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert "2026-2027.md:" in result.stdout + result.stderr
    assert "chỉ áp dụng đến năm học 2025-2026" in result.stdout + result.stderr
    assert (tmp_path / "site" / "truong" / SCHOOL / "2026-2027" / "index.html").is_file()

