"""The loader: plan files become the typed model once, with every problem at its file and line."""

from __future__ import annotations

import os

from support.trees import PLAN, make_tree

from congkhai.core.loader import load_corpus, read_text, split_front_matter
from congkhai.core.problems import ProblemList


def test_front_matter_is_split_from_the_body_with_the_body_s_first_line():
    yaml_text, body, line = split_front_matter("---\na: 1\nb: 2\n---\n\n## I. MỤC TIÊU\n")
    assert yaml_text == "a: 1\nb: 2\n"
    assert body == "## I. MỤC TIÊU\n"
    assert line == 6


def test_a_file_without_front_matter_has_no_split():
    assert split_front_matter("## I. MỤC TIÊU\n") is None
    assert split_front_matter("---\na: 1\n") is None


def test_bom_and_windows_line_ends_are_read_as_plain_text(tmp_path):
    path = tmp_path / "x.md"
    path.write_bytes("\ufeffdòng một\r\ndòng hai\r\n".encode())
    problems = ProblemList()
    assert read_text(path, problems) == "dòng một\ndòng hai\n"
    assert not problems


def test_text_in_a_legacy_encoding_is_refused_at_its_line(tmp_path):
    path = tmp_path / "x.md"
    path.write_bytes("dòng một\n".encode() + "Kế hoạch\n".encode("cp1258", errors="replace").replace(b"K", b"K\xe0\xff"))
    problems = ProblemList()
    assert read_text(path, problems) is None
    [problem] = problems.errors
    assert problem.line == 2 and "UTF-8" in problem.message


def test_a_plan_becomes_typed_rows_with_amounts_lists_and_anchors(tmp_path):
    corpus, problems = load_corpus(make_tree(tmp_path))
    assert not problems
    [plan] = corpus.plans
    first, second = plan.rows
    assert (first.tieu_chi, first.kinh_phi, first.anchor) == ("1.3", 1_500_000, "tieu-chi-1-3")
    assert second.giai_phap == ["Tổ chức tham quan thực tế."]  # one measure written as text
    assert plan.school is corpus.schools["thcs-thu-nghiem"]
    assert plan.url == "truong/thcs-thu-nghiem/2024-2025/"


def test_an_edited_plan_is_read_again_even_within_the_same_second(tmp_path):
    plans = make_tree(tmp_path)
    path = next(plans.glob("*/2024-2025.md"))
    load_corpus(plans)
    path.write_text(PLAN.replace("Hiệu trưởng\n", "Phó Hiệu trưởng\n"), "utf-8")
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1))
    corpus, _ = load_corpus(plans)
    assert corpus.plans[0].rows[0].chu_tri == "Phó Hiệu trưởng"


def test_a_year_that_differs_from_the_file_name_is_reported_at_its_line(tmp_path):
    corpus, problems = load_corpus(make_tree(tmp_path, plan=PLAN.replace("nam_hoc: 2024-2025", "nam_hoc: 2023-2024")))
    [problem] = problems.errors
    assert problem.line == 2 and "2023-2024" in problem.message
    assert not corpus.plans


def test_a_key_written_below_the_front_matter_is_reported_not_lost(tmp_path):
    corpus, problems = load_corpus(make_tree(tmp_path, plan=PLAN + "nguoi_ky: Trần Thị B\n"))
    [problem] = problems.errors
    assert problem.line == PLAN.count("\n") + 1 and "nguoi_ky" in problem.message
