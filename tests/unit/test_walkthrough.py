"""What a parent and an editor tripped over in a walk-through of the built site, as data: the OCR
notice's words, the print header's line breaks, counts by school level, the form's help, the
site's path for the 404 page, the README on page orientation and the licence in pyproject.toml."""

from __future__ import annotations

import dataclasses
import re
import tomllib

import pytest
from conftest import ROOT

from congkhai.core import catalog
from congkhai.core.loader import load_corpus
from congkhai.core.model import Level
from congkhai.outputs.form import authoring_data
from congkhai.outputs.search import records as search_records
from congkhai.pages import browse, notices
from congkhai.pages.printview import header_parts, print_doc


@pytest.fixture(scope="module")
def corpus():
    corpus, problems = load_corpus(ROOT / "plans")
    assert not problems.errors
    return corpus


def _ocr_plan(corpus):
    return next(p for p in corpus.plans if notices.is_ocr(p))


def test_the_ocr_notice_says_once_that_the_text_came_from_a_scan(corpus):
    plan = _ocr_plan(corpus)
    assert plan.meta.ghi_chu_nguon  # the real OCR plan has its own note on its source
    notice = notices.ocr_notice(plan)
    assert notice.text == " ".join(plan.meta.ghi_chu_nguon.split())
    assert notices.OCR_GENERIC not in notice.sentence  # the plan's note replaces it, not follows it
    assert notice.sentence.count("(OCR)") == 1  # the note says it: the label does not say it first
    assert print_doc(plan).ocr_note == notice.sentence
    plain = dataclasses.replace(plan, meta=plan.meta.model_copy(update={"ghi_chu_nguon": None}))
    assert notices.ocr_notice(plain).text == notices.OCR_GENERIC
    assert notices.ocr_notice(plain).label == notices.OCR_LABEL
    other = dataclasses.replace(plan, meta=plan.meta.model_copy(update={"ghi_chu_nguon": "Thiếu trang 3."}))
    assert notices.ocr_notice(other).sentence.startswith(notices.OCR_LABEL)  # a note silent on the scan
    typed = next(p for p in corpus.plans if not notices.is_ocr(p))
    assert notices.ocr_notice(typed) is None and print_doc(typed).ocr_note is None


@pytest.mark.parametrize("name,kind,parts", [
    ("SỞ GIÁO DỤC VÀ ĐÀO TẠO TIỀN GIANG", "body", ["SỞ GIÁO DỤC VÀ ĐÀO TẠO", "TIỀN GIANG"]),
    ("UBND HUYỆN ĐIỆN BIÊN", "body", ["UBND", "HUYỆN ĐIỆN BIÊN"]),
    ("PHÒNG GDĐT QUẬN GÒ VẤP", "body", ["PHÒNG GDĐT", "QUẬN GÒ VẤP"]),
    ("TRƯỜNG THPT BÌNH PHỤC NHỨT", "school", ["TRƯỜNG THPT", "BÌNH PHỤC NHỨT"]),
    ("TRƯỜNG MẦM NON HỌA MI 2", "school", ["TRƯỜNG MẦM NON", "HỌA MI 2"]),
    ("TRƯỜNG THCS", "school", ["TRƯỜNG", "THCS"]),
])
def test_print_header_names_break_between_kind_and_proper_name(name, kind, parts):
    from congkhai.pages import printview

    words = printview._BODY_WORDS if kind == "body" else printview._SCHOOL_WORDS
    assert header_parts(name, words) == parts


def test_a_proper_name_too_long_for_one_line_may_break_between_its_words():
    parts = header_parts("TRƯỜNG TRUNG HỌC PHỔ THÔNG CHUYÊN NGUYỄN BỈNH KHIÊM VĨNH LONG")
    assert " ".join(parts) == "TRƯỜNG TRUNG HỌC PHỔ THÔNG CHUYÊN NGUYỄN BỈNH KHIÊM VĨNH LONG"
    assert all(len(p) <= 24 or " " not in p for p in parts)


def test_print_doc_gives_the_header_parts_of_every_real_plan(corpus):
    for plan in corpus.plans:
        doc = print_doc(plan)
        assert " ".join(doc.school_parts) == doc.school_name
        assert " ".join(doc.governing_parts) == (doc.governing_body or "")


def test_browse_lists_only_levels_that_have_schools_and_search_counts_them_alike(corpus):
    links = browse.levels(corpus)
    assert all(link.count > 0 for link in links)
    present = {s.profile.cap_hoc for s in corpus.schools.values()}
    assert {link.url for link in links} == {f"duyet/cap-hoc/{lv.value}/" for lv in present}
    assert Level.NHIEU_CAP not in present  # the real plans have no multi-level school: the case
    by_level: dict[str, int] = {}
    for rec in search_records.records(corpus):
        if rec.filters.get("loai") == ["truong"]:
            for value in rec.filters["cap_hoc"]:
                by_level[value] = by_level.get(value, 0) + 1
    assert by_level == {link.url.split("/")[-2]: link.count for link in links}
    assert not any("cap_hoc" in r.filters for r in search_records.criterion_records())


def test_ocr_plans_are_marked_in_their_search_records(corpus):
    recs = {r.url: r for r in search_records.records(corpus)}
    for plan in corpus.plans:
        assert (recs[f"/{plan.url}"].meta.get("nguon") == "ocr") == notices.is_ocr(plan)


def test_the_forms_choices_are_explained_in_words_not_file_values():
    """Every <select> of the form: its help names no value the file uses (van-ban, 9-cot, nhieu-cap)."""
    data = authoring_data()
    codes = {c["ma"] for key in ("nguon_van_ban", "mau_bang", "cap_hoc") for c in data[key]}
    html = (ROOT / "overrides" / "them-ke-hoach.html").read_text("utf-8")
    helps = re.findall(r'<select[^>]*data-help="([^"]+)"', html)
    assert len(helps) >= 4
    for key in helps:
        text = data["mo_ta"].get(key, "")
        assert not [c for c in codes if re.search(rf"(?<![\w-]){re.escape(c)}(?![\w-])", text)], (key, text)
    date_help = data["mo_ta"][re.search(r'id="ck-ngay"[^>]*data-help="([^"]+)"', html)[1]]
    assert "04/09/2024" in date_help and "2024-09-04" not in date_help


def test_readme_says_which_layouts_print_on_landscape_pages_as_the_layouts_do():
    """Nghị định 30/2020 sets documents in portrait and allows landscape for a wide table."""
    readme = " ".join((ROOT / "README.md").read_text("utf-8").split())
    sentence = re.search(r"([^.]*) print on landscape pages, the (\d+)-column table stays on portrait pages", readme)
    assert sentence, "README must say which tables print on landscape pages"
    landscape = {int(n) for n in re.findall(r"(\d+)-", sentence[1])}
    layouts = {k: v for c in catalog.circulars().values() for k, v in c.layouts.items()}
    assert landscape == {len(v.columns) for v in layouts.values() if v.landscape}
    assert all(not v.landscape for v in layouts.values() if len(v.columns) == int(sentence[2]))


def test_pyproject_licence_is_an_spdx_string():
    """The table form (`license = { text = ... }`) is deprecated: a warning on every install."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    assert project["project"]["license"] == "MIT"
    setuptools = next(r for r in project["build-system"]["requires"] if r.startswith("setuptools"))
    assert int(re.search(r">=(\d+)", setuptools)[1]) >= 77  # the first setuptools that reads PEP 639


def test_an_unknown_standard_is_explained_as_standards_not_listed_as_criteria():
    from congkhai.core.loader import _criteria_hint

    tt18 = catalog.circular("18/2018")
    wrong_standard = _criteria_hint(tt18, "9.9")
    assert "không có tiêu chuẩn 9" in wrong_standard  # not «các tiêu chí hợp lệ: 1, 2, 3, 4, 5», standards read as criteria
    assert "1.1 đến 1.10" in wrong_standard and "M4.1 đến M4.6" in wrong_standard
    assert _criteria_hint(tt18, "5.99") == "các tiêu chí hợp lệ: " + ", ".join(
        c.id for c in tt18.criteria.values() if c.standard == "5")


def test_a_command_typed_wrong_answers_in_vietnamese():
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "congkhai", "new-plan"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 2
    assert "thiếu tham số: MÃ-TRƯỜNG, NĂM-HỌC" in result.stderr
    assert "error" not in result.stderr and "usage" not in result.stderr


