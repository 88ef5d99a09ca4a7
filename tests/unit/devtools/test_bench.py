"""The corpus generator and the benchmark's plumbing (not its timings)."""

from __future__ import annotations

import re
import statistics
from collections import Counter
from pathlib import Path

import pytest
import yaml

from congkhai.core import catalog
from congkhai.core.loader import load_corpus
from congkhai.core.model import Level, SourceKind, TableLayout
from congkhai.devtools import baseline, bench_report, corpusgen


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
    # The generated years end in 2025-2026: the 2018 circulars and their layouts, not Biểu 2 (2026).
    assert {p.meta.mau_bang for p in plans} == set(TableLayout) - {TableLayout.BIEU_2}
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

