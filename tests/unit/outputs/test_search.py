"""Search without a browser: Vietnamese folding, query normalisation and the records given to
Pagefind, checked against the model (which rows mention the words, which school has the name)."""

from __future__ import annotations

import unicodedata

import pytest
from support.search_fixtures import (
    QUERY_CASES,
    corpus,  # noqa: F401 - fixtures
)

from congkhai.core import catalog
from congkhai.core import text as core_text
from congkhai.outputs.search import bundles as search_bundles
from congkhai.outputs.search import pagefind as search_pagefind
from congkhai.outputs.search import records as search_records
from congkhai.outputs.search import text as search_text


@pytest.mark.parametrize("raw,text,criterion", QUERY_CASES)
def test_normalise_query(raw, text, criterion):
    q = search_text.normalise_query(raw)
    assert (q.text, q.criterion) == (text, criterion)


def test_normalise_query_accepts_decomposed_input():
    decomposed = unicodedata.normalize("NFD", "tiêu chí 5.3 đội ngũ")
    assert search_text.normalise_query(decomposed) == search_text.Query(unicodedata.normalize("NFC", "dội ngũ"), "5.3")


def test_fold_d_changes_only_d_bar():
    assert search_text.fold_d("Đội ngũ đạt chuẩn") == "Dội ngũ dạt chuẩn"
    assert core_text.fold("Đội ngũ ĐẠT chuẩn, thư viện") == "doi ngu dat chuan, thu vien"


def test_d_words_keep_order_and_repeats():
    assert search_text.d_words("Đội ngũ được đánh giá; đội ngũ đủ") == ["dội", "dược", "dánh", "dội", "dủ"]
    assert search_text.d_words("thư viện trường") == []


def test_indexed_content_appends_folded_copies_after_the_mark():
    text = "Bồi dưỡng đội ngũ giáo viên"
    content = search_text.indexed_content(text)
    visible, _, tail = content.partition(search_text.FOLD_MARK)
    assert visible.strip() == text
    assert tail.split() == ["dội"]
    assert search_text.FOLD_MARK not in search_text.indexed_content("thư viện")


def test_unaccented_text_gets_d_bar_spellings():
    ocr = "Ra soat doi ngu, lap ke hoach boi duong giao vien dat chuan"
    assert search_text.looks_unaccented(ocr)
    assert not search_text.looks_unaccented("Rà soát đội ngũ, lập kế hoạch bồi dưỡng giáo viên đạt chuẩn")
    tail = search_text.indexed_content(ocr).partition(search_text.FOLD_MARK)[2].split()
    assert {"đoi", "đuong", "đat"} <= set(tail)


def test_strip_boilerplate_removes_motto_in_any_spelling():
    for motto in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Cộng hoà xã hội chủ nghĩa Việt Nam", "CONG HOA XA HOI CHU NGHIA VIET NAM"):
        out = search_text.strip_boilerplate(f"Trường A {motto} Độc lập - Tự do - Hạnh phúc nguồn xã hội hóa")
        assert core_text.fold(out).split() == ["truong", "a", "nguon", "xa", "hoi", "hoa"]


def test_chunk_size_grows_with_the_corpus_within_bounds():
    small = [search_records.Record("/a/", "từ " * 100)]
    big = [search_records.Record(f"/{i}/", "từ " * 2000) for i in range(5000)]
    assert search_bundles.chunk_size(small) == 400
    assert 400 < search_bundles.chunk_size(big) <= 20_000


def test_one_record_per_plan_school_and_criterion_with_a_section_per_row(corpus):
    recs = search_records.records(corpus)
    urls = [r.url for r in recs]
    assert len(urls) == len(set(urls))
    by_url = {r.url: r for r in recs}
    for plan in corpus.plans:
        rec = by_url[f"/{plan.url}"]
        assert [s.anchor for s in rec.sections] == [row.anchor for row in plan.rows]
        assert rec.bundle == plan.year
    for school in corpus.schools.values():
        assert by_url[f"/{school.url}"].bundle == ""  # schools and criteria: the common bundle
    n_criteria = sum(len(c.criteria) for c in catalog.circulars().values())
    assert sum(u.startswith("/tieu-chi/") for u in urls) == n_criteria
    assert len(recs) == n_criteria + len(corpus.schools) + len(corpus.plans)


def test_plan_records_carry_filters_and_row_text_from_the_model(corpus):
    recs = {r.url: r for r in search_records.records(corpus)}
    for plan in corpus.plans:
        rec = recs[f"/{plan.url}"]
        assert rec.filters["tieu_chi"] == sorted({row.tieu_chi for row in plan.rows})
        assert rec.filters["nam_hoc"] == [plan.year]
        assert rec.filters["cap_hoc"] == [plan.school.profile.cap_hoc.value]
        assert rec.filters["kinh_phi"] == sorted({"co" if r.has_budget else "khong" for r in plan.rows})
        ocr = {"nguon": "ocr"} if plan.meta.nguon_van_ban.value == "ocr" else {}
        assert rec.meta == {"title": f"Năm học {plan.year}", "truong": plan.school.name, **ocr}
        for row, section in zip(plan.rows, rec.sections):
            assert section.heading.startswith(row.tieu_chi + " ")
            assert section.budget == row.has_budget
            visible = section.text.partition(search_text.FOLD_MARK)[0]
            for text in [row.diem_yeu, row.noi_dung, row.ket_qua_can_dat, *row.giai_phap]:
                if text:
                    assert " ".join(text.split())[:40] in visible


def test_record_html_gives_pagefind_rows_meta_filters_and_weights(corpus):
    template = search_pagefind.record_template()
    plan = next(p for p in corpus.plans if any(r.has_budget for r in p.rows))
    rec = search_records.plan_record(plan)
    page = search_pagefind._render(template, rec)
    for row in plan.rows:
        assert f'<h2 id="{row.anchor}"' in page
    budget = "".join("1" if r.has_budget else "0" for r in plan.rows)
    assert f'data-pagefind-meta="kinh_phi_muc[data-v]" data-v="{budget}"' in page
    assert f'data-pagefind-filter="nam_hoc[data-v]" data-v="{plan.year}"' in page
    assert 'data-pagefind-weight="' not in page.split("<h2")[0]  # a plan's words weigh fully
    evil = search_records.Record("/x/", "<script>alert(1)</script>", meta={"title": 'a" onload="x'})
    assert "<script>" not in search_pagefind._render(template, evil) and 'onload="x"' not in search_pagefind._render(template, evil)
    criterion = next(search_records.criterion_records())
    assert f'data-pagefind-weight="{search_records.CRITERION_WEIGHT}"' in search_pagefind._render(template, criterion)


def test_records_leave_out_the_motto(corpus):
    for rec in search_records.records(corpus):
        folded = core_text.fold(rec.content + " ".join(s.text for s in rec.sections))
        assert "cong hoa xa hoi chu nghia" not in folded, rec.url
        assert "doc lap" not in folded or "tu do" not in folded, rec.url


def _plan(year: str, n: int = 1) -> list:
    return [search_records.Record(f"/truong/t{i}/{year}/", "x", bundle=year) for i in range(n)]


def test_small_years_share_a_bundle_and_the_newest_is_searched_by_default(monkeypatch):
    monkeypatch.setattr(search_bundles, "BUNDLE_PLANS", 5)
    recs = (_plan("2021-2022", 1) + _plan("2022-2023", 4) + _plan("2024-2025", 2) + _plan("2023-2024", 3)
            + _plan("2020-2021", 9) + [search_records.Record("/truong/t/", "x")])
    found = search_bundles.scope(recs)
    assert [(y["nam_hoc"], y["ke_hoach"], y["thu_muc"]) for y in found["nam_hoc"]] == [
        ("2024-2025", 2, ""),  # the newest: in the main bundle
        ("2023-2024", 3, ""),
        ("2022-2023", 4, "nam-hoc/2021-2022--2022-2023/"),
        ("2021-2022", 1, "nam-hoc/2021-2022--2022-2023/"),
        ("2020-2021", 9, "nam-hoc/2020-2021/"),  # a year bigger than a bundle stays whole
    ]
    assert found["mac_dinh"] == ["2024-2025", "2023-2024"]
    assert search_bundles.scope([search_records.Record("/truong/t/", "x")]) == {
        "nam_hoc": [], "mac_dinh": [], "ngan_sach_tu": search_bundles.QUERY_BUDGET, "tu_pho_bien": {}}


def test_common_words_are_counted_in_the_default_years_only(monkeypatch):
    monkeypatch.setattr(search_bundles, "BUNDLE_PLANS", 1)
    monkeypatch.setattr(search_bundles, "COMMON_WORD_MIN", 3)
    new = search_records.Record("/truong/a/2024-2025/", "Trường học, trường lớp", meta={"truong": "Trường A"},
                        sections=(search_records.Section("tieu-chi-1-1", "1.1 Phương hướng", "thư viện trường", False),),
                        bundle="2024-2025")
    old = search_records.Record("/truong/a/2023-2024/", "thư viện " * 10, bundle="2023-2024")
    assert search_bundles.word_positions([new])["truong"] == 4
    assert search_bundles.scope([new, old])["tu_pho_bien"] == {"truong": 4}  # old's words do not count

