"""The search UI in Chromium on the site built from plans/ (the real plans): Vietnamese queries with
and without diacritics, ranking, highlighting, filters, the header box and the search page.
Expected results are derived from the model where possible."""

from __future__ import annotations

import concurrent.futures
import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from support.search_fixtures import (
    QUERY_CASES,
    corpus,  # noqa: F401 - fixtures
)

from congkhai.core import text as core_text
from congkhai.outputs.search import bundles as search_bundles
from congkhai.outputs.search import pagefind as search_pagefind
from congkhai.outputs.search import records as search_records
from congkhai.outputs.search import text as search_text


def test_js_leaves_the_commonest_words_out_of_a_heavy_query(home):
    home.wait_for_function("() => window.congkhaiSearch")
    counts = {"truong": 53000, "thu": 10000, "thuong": 30000, "vien": 24000, "ke": 18000, "hoach": 16000}
    light = "([q, c]) => window.congkhaiSearch.lighten(q, c, 60000)"
    assert home.evaluate(light, ["thu vien", counts]) == {"text": "thu vien", "dropped": []}
    assert home.evaluate(light, ["truong tan son thu vien", counts]) == {"text": "tan son thu vien", "dropped": ["truong"]}
    assert home.evaluate(light, ["ke hoach truong", counts]) == {"text": "ke hoach", "dropped": ["truong"]}
    assert home.evaluate(light, ["truong", counts]) == {"text": "truong", "dropped": []}  # never nothing
    assert home.evaluate(light, ["truong tan son thu vien", {}]) == {"text": "truong tan son thu vien", "dropped": []}


def test_material_lunr_search_is_off(built_site):
    assert not (built_site / "search" / "search_index.json").exists()
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert "data-ck-search" in home and 'data-md-component="search"' not in home
    assert not (built_site / "pagefind" / "pagefind-ui.js").exists()


def header_search(page, query: str) -> dict:
    """Type into the header box; return the count line and the shown results."""
    box = page.locator(".md-search__input")
    box.fill("")
    box.fill(query)
    page.wait_for_function(
        "q => document.querySelector('[data-ck-search]').getAttribute('data-ck-rendered') === q", arg=query, timeout=30_000
    )
    items = page.eval_on_selector_all(
        ".md-search-result__item:not(.ck-search-all) a",
        """els => els.map(a => ({
            href: a.getAttribute('href'),
            title: a.querySelector('h1').textContent,
            text: a.textContent,
            marks: [...a.querySelectorAll('mark')].map(m => m.textContent),
        }))""",
    )
    count = page.inner_text(".md-search-result__meta")
    m = re.match(r"(\d+) kết quả", count)
    return {"n": int(m[1]) if m else 0, "items": items}


def folded_words(texts) -> set[str]:
    return {re.sub(r"\W", "", core_text.fold(t)) for t in texts}


@pytest.fixture
def home(page, site_url):
    page.goto(site_url)
    return page


@pytest.mark.parametrize("accented,plain", [("thư viện", "thu vien"), ("đội ngũ", "doi ngu"), ("xã hội hóa", "xa hoi hoa"), ("Bình Phục Nhứt", "binh phuc nhut")])
def test_folded_pairs_return_the_same_results(home, accented, plain):
    a, b = header_search(home, accented), header_search(home, plain)
    assert a["n"] > 0
    assert a["n"] == b["n"]
    # The same records (the order may differ: exact diacritics rank a little higher).
    ids = "q => window.congkhaiSearch.search(document.querySelector('[data-ck-base]').dataset.ckBase, q, {})" \
          ".then(r => r.results.map(x => x.id).sort())"
    assert home.evaluate(ids, accented) == home.evaluate(ids, plain)


@pytest.mark.parametrize("query", ["thư viện", "thu vien"])
def test_library_rows_come_first_with_marked_original_words(home, corpus, query):
    library_rows = {f"{p.url}#{r.anchor}" for p in corpus.plans for r in p.rows if "thu vien" in core_text.fold(
        " ".join(filter(None, [r.diem_yeu, r.noi_dung, r.ket_qua_can_dat, *r.giai_phap])))}
    assert library_rows
    res = header_search(home, query)
    top = res["items"][:3]
    assert any(i["href"].lstrip("/").endswith(tuple(library_rows)) for i in top), top
    marks = {m for i in top for m in i["marks"]}
    assert {"thư", "viện"} & {m.lower().strip(".,;:") for m in marks}, marks  # diacritics kept
    assert folded_words(marks) <= {"thu", "vien", "thuvien"} | {w for w in folded_words(marks) if w.startswith(("thu", "vien"))}


@pytest.mark.parametrize("query", ["đội ngũ", "doi ngu"])
def test_doi_ngu_finds_rows_that_say_it(home, query):
    res = header_search(home, query)
    top = res["items"][:3]
    assert any("doi ngu" in core_text.fold(i["text"]) for i in top), top
    assert any(core_text.fold(m).strip(".,") == "doi" for i in top for m in i["marks"])


@pytest.mark.parametrize("query", ["xã hội hóa", "xa hoi hoa"])
def test_xa_hoi_hoa_ranks_hoa_mi_not_every_motto(home, corpus, query):
    res = header_search(home, query)
    hoa_mi = next(s for s in corpus.schools.values() if "hoa mi" in core_text.fold(s.name))
    assert any(f"/{hoa_mi.url}" in i["href"] for i in res["items"][:3]), res["items"][:3]
    assert res["n"] < len(search_records.records(corpus))  # not every record


@pytest.mark.parametrize("query", ["Bình Phục Nhứt", "binh phuc nhut", "Trường THCS Tân Sơn", "tan son"])
def test_school_name_finds_the_school_page_first(home, corpus, query):
    res = header_search(home, query)
    first = res["items"][0]["href"]
    school = next(s for s in corpus.schools.values() if core_text.fold(query).replace("truong thcs ", "") in core_text.fold(s.name))
    assert urlparse(first).path.endswith(f"/{school.url}"), first


def test_school_and_topic_finds_that_schools_row_first(home, corpus):
    """The issue's parent: `truong tan son thu vien` on a phone without Vietnamese keyboard."""
    tan_son = next(p for p in corpus.plans if "tan son" in core_text.fold(p.school.name))
    rows = {f"/{tan_son.url}#{r.anchor}" for r in tan_son.rows if "thu vien" in core_text.fold(
        " ".join(filter(None, [r.diem_yeu, r.noi_dung, r.ket_qua_can_dat, *r.giai_phap])))}
    assert rows
    res = header_search(home, "truong tan son thu vien")
    assert res["items"][0]["href"] in rows, res["items"][0]
    assert {"thư", "viện"} <= {m.lower().strip(".,;:") for m in res["items"][0]["marks"]}


def test_ocr_plan_found_by_accented_query(home, corpus):
    ocr = next(p for p in corpus.plans if p.meta.nguon_van_ban.value == "ocr")
    res = header_search(home, "Bình Phục Nhứt")
    assert any(f"/{ocr.url}" in i["href"] for i in res["items"]), res["items"]


def test_criterion_id_as_typed(home, corpus):
    expected = {f"/{p.url}#tieu-chi-5-3" for p in corpus.plans for r in p.rows if r.tieu_chi == "5.3"}
    assert expected
    shown = []
    for query in ["5.3", "tiêu chí 5.3", "TC 5.3", "tc5-3"]:
        res = header_search(home, query)
        hrefs = [i["href"] for i in res["items"]]
        for href in hrefs:
            path = urlparse(href).path + ("#" + urlparse(href).fragment if urlparse(href).fragment else "")
            assert path.endswith("/5-3/") or path.endswith("#tieu-chi-5-3") or path in {f"/{p.url}" for p in corpus.plans}, href
        assert expected & {urlparse(h).path + "#" + urlparse(h).fragment for h in hrefs}
        assert hrefs[0].endswith("/5-3/")  # the criterion page itself first
        shown.append((res["n"], hrefs))
    assert all(s == shown[0] for s in shown)


def test_js_and_python_normalise_queries_alike(home):
    home.wait_for_function("() => window.congkhaiSearch")
    for raw, text, criterion in QUERY_CASES:
        got = home.evaluate("q => window.congkhaiSearch.normaliseQuery(q)", raw)
        assert (got["text"], got["criterion"]) == (text, criterion), raw
    assert home.evaluate("t => window.congkhaiSearch.foldD(t)", "Đội ngũ đạt") == "Dội ngũ dạt"


def test_filter_keys_are_the_facets_of_the_page(home, corpus):
    keys = {k for r in search_records.records(corpus) for k in r.filters}
    assert keys <= set(search_records.FILTER_KEYS)
    assert home.evaluate("() => window.congkhaiSearch.facets") == list(search_records.FILTER_KEYS)


def test_js_excerpt_cuts_folded_copies_and_marks_original_words(home):
    content = search_text.indexed_content("Bồi dưỡng đội ngũ giáo viên về chuyên môn")
    pieces = home.evaluate("([c, q]) => window.congkhaiSearch.excerpt(c, q, 30)", [content, "doi ngu"])
    text = "".join(p["text"] for p in pieces)
    assert text == "Bồi dưỡng đội ngũ giáo viên về chuyên môn"
    assert [p["text"] for p in pieces if p.get("mark")] == ["đội", "ngũ"]


def test_keyboard_and_enter_open_the_search_page(home, site_url):
    home.keyboard.press("/")
    assert home.evaluate("() => document.activeElement.classList.contains('md-search__input')")
    assert home.evaluate("() => document.getElementById('__search').checked")
    header_search(home, "thu vien")
    home.keyboard.press("ArrowDown")
    assert home.evaluate("() => document.activeElement.classList.contains('md-search-result__link')")
    home.keyboard.press("Escape")
    assert not home.evaluate("() => document.getElementById('__search').checked")
    home.locator(".md-search__input").focus()
    home.locator(".md-search__input").press("Enter")
    home.wait_for_url("**/tim-kiem/?q=thu+vien")


def test_phone_magnifier_opens_the_box(browser, site_url):
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(site_url)
    width = "() => document.querySelector('.md-search__inner').getBoundingClientRect().width"
    assert page.evaluate(width) == 0  # closed: Material hides the box behind the magnifier
    page.locator("label.md-header__button[for=__search]").click()
    page.wait_for_function("() => document.activeElement.classList.contains('md-search__input')")
    page.wait_for_function(width + " >= 300")
    res = header_search(page, "binh phuc nhut")
    assert res["n"] and page.locator(".md-search-result__item").first.is_visible()
    context.close()


def test_result_links_open_the_row(home, site_url):
    res = header_search(home, "tc 5.3")
    row = next(i for i in res["items"] if "#tieu-chi-5-3" in i["href"])
    home.locator(f".md-search-result__link[href='{row['href']}']").click()
    home.wait_for_url("**#tieu-chi-5-3")
    assert home.locator("#tieu-chi-5-3").count() == 1


def page_results(page) -> dict:
    page.wait_for_selector("[data-ck-search-page][data-ck-rendered]", timeout=30_000)
    status = page.inner_text("[data-ck-status]")
    m = re.match(r"(\d+) kết quả", status)
    return {
        "n": int(m[1]) if m else 0,
        "hrefs": page.eval_on_selector_all(".ck-result h2 a", "els => els.map(a => a.getAttribute('href'))"),
        "checked": page.eval_on_selector_all("[data-ck-facets] input:checked", "els => els.map(e => e.name + '=' + e.value)"),
    }


def test_filter_narrows_results_shows_in_url_and_survives_reload(page, site_url, corpus):
    page.goto(site_url + "tim-kiem/?q=thu+vien")
    before = page_results(page)
    assert before["n"] > 0
    level = next(s for s in corpus.schools.values() if s.profile.cap_hoc.value == "tieu-hoc").profile.cap_hoc
    option = page.locator(f"[data-ck-facet=cap_hoc] input[value='{level.value}']")
    expected = int(option.locator("xpath=../span[@class='ck-facet__count']").inner_text())
    page.evaluate("() => document.querySelector('[data-ck-search-page]').removeAttribute('data-ck-rendered')")
    option.check()
    after = page_results(page)
    assert 0 < after["n"] < before["n"]
    assert after["n"] == expected  # the facet's count was right
    allowed = [f"/{s.url}" for s in corpus.schools.values() if s.profile.cap_hoc == level]
    assert all(any(a in h for a in allowed) for h in after["hrefs"]), after["hrefs"]
    params = parse_qs(urlparse(page.url).query)
    assert params == {"q": ["thu vien"], "cap_hoc": [level.value]}
    page.reload()
    again = page_results(page)
    assert again == after
    assert page.input_value("#ck-q") == "thu vien"


def test_criterion_facet_and_typed_id_agree(page, site_url):
    page.goto(site_url + "tim-kiem/?tieu_chi=5.3")
    by_facet = page_results(page)
    page.goto(site_url + "tim-kiem/?q=ti%C3%AAu+ch%C3%AD+5.3")
    by_query = page_results(page)
    assert by_facet["n"] == by_query["n"] > 0
    assert set(by_facet["hrefs"]) == set(by_query["hrefs"])


def test_search_works_under_a_sub_path(tmp_path, built_site, serve, browser):
    root = tmp_path / "pages"
    root.mkdir()
    (root / "congkhai").symlink_to(built_site, target_is_directory=True)
    base = serve(root) + "congkhai/"
    context = browser.new_context()
    page = context.new_page()
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(base + "truong/")
    res = header_search(page, "binh phuc nhut")
    assert res["items"] and all(i["href"].startswith("/congkhai/") for i in res["items"])
    page.goto(base + "tim-kiem/?q=doi+ngu")
    assert page_results(page)["n"] > 0
    pagefind = [u for u in requests if "pagefind" in u]
    assert pagefind and all(u.startswith(base + "pagefind/") for u in pagefind)
    assert all(u.startswith(base) for u in requests), [u for u in requests if not u.startswith(base)]
    context.close()


def test_budget_filter_lists_only_rows_with_an_amount(page, site_url, corpus):
    with_budget = {f"/{p.url}#{r.anchor}" for p in corpus.plans for r in p.rows if r.has_budget}
    without = {f"/{p.url}#{r.anchor}" for p in corpus.plans for r in p.rows if not r.has_budget}
    assert with_budget and without
    page.goto(site_url + "tim-kiem/?kinh_phi=co")
    res = page_results(page)
    rows = page.eval_on_selector_all(".ck-result a[href*='#']", "els => els.map(a => a.getAttribute('href'))")
    assert res["n"] and rows
    assert set(rows) <= with_budget, set(rows) - with_budget
    page.goto(site_url + "tim-kiem/?kinh_phi=khong")
    page_results(page)
    rows = page.eval_on_selector_all(".ck-result a[href*='#']", "els => els.map(a => a.getAttribute('href'))")
    assert rows and set(rows) <= without


def test_a_plan_lists_its_other_matching_rows(page, site_url, corpus):
    page.goto(site_url + "tim-kiem/?q=thu+vien")
    page_results(page)
    nested = page.eval_on_selector_all(".ck-result__rows h3 a", "els => els.map(a => a.getAttribute('href'))")
    rows = {f"/{p.url}#{r.anchor}" for p in corpus.plans for r in p.rows}
    assert set(nested) & rows
    assert set(nested) <= rows | {f"/{p.url}" for p in corpus.plans}  # rows, or the plan's own text


@pytest.fixture(scope="module")
def one_year_site(tmp_path_factory, built_site, corpus) -> Path:
    """The built site with its index rewritten as for 10,000 plans: a bundle per older year,
    only the newest year searched by default, and a query budget that common words exceed.
    Pages are symlinks."""
    site = tmp_path_factory.mktemp("one-year")
    for entry in built_site.iterdir():
        if entry.name != search_pagefind.BUNDLE_DIR:
            (site / entry.name).symlink_to(entry, target_is_directory=entry.is_dir())
    recs = [r for r in search_records.records(corpus) if (built_site / r.path / "index.html").is_file()]
    saved = search_bundles.BUNDLE_PLANS, search_bundles.COMMON_WORD_MIN, search_bundles.QUERY_BUDGET
    # One year by default; and a budget so small that a query of several words loses its
    # commonest one.
    search_bundles.BUNDLE_PLANS, search_bundles.COMMON_WORD_MIN, search_bundles.QUERY_BUDGET = 1, 20, 50
    try:  # in a thread: Playwright's sync API keeps an event loop running in this one
        with concurrent.futures.ThreadPoolExecutor(1) as pool:
            found = pool.submit(search_pagefind.write_index, recs, site / search_pagefind.BUNDLE_DIR).result()
    finally:
        search_bundles.BUNDLE_PLANS, search_bundles.COMMON_WORD_MIN, search_bundles.QUERY_BUDGET = saved
    assert len(found["mac_dinh"]) == 1 < len(found["nam_hoc"])
    return site


def test_default_years_only_until_others_are_chosen(one_year_site, serve, browser, corpus, tmp_path):
    (tmp_path / "congkhai").symlink_to(one_year_site, target_is_directory=True)
    base = serve(tmp_path) + "congkhai/"  # as on GitHub Pages, under the repository's name
    newest = max(p.year for p in corpus.plans)
    hoa_mi = next(p for p in corpus.plans if "hoa mi" in core_text.fold(p.school.name))
    assert hoa_mi.year != newest
    context = browser.new_context()
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(base)
    res = header_search(page, "xã hội hóa")
    assert all(f"/{hoa_mi.url}" not in i["href"] for i in res["items"])
    assert f"trong năm học {newest}" in page.inner_text(".md-search-result__meta")
    assert page.locator(".ck-search-all a").inner_text() == "Tìm trong các năm học khác"
    assert not [u for u in requests if "/nam-hoc/" in u]  # older years' bundles were not downloaded

    page.goto(base + f"tim-kiem/?q=xa+hoi+hoa&nam_hoc={hoa_mi.year}")
    found = page_results(page)
    assert any(f"/{hoa_mi.url}" in h for h in found["hrefs"][:3]), found["hrefs"]
    older = [u for u in requests if "/nam-hoc/" in u]
    assert older and all(u.startswith(base + "pagefind/nam-hoc/") for u in older)
    years = page.eval_on_selector_all("[data-ck-facet=nam_hoc] input", "els => els.map(e => e.value)")
    assert years == sorted({p.year for p in corpus.plans}, reverse=True)  # every year can be chosen
    assert found["checked"] == [f"nam_hoc={hoa_mi.year}"]
    counts = dict(page.eval_on_selector_all(
        "[data-ck-facet=nam_hoc] label", "els => els.map(l => [l.querySelector('input').value, l.innerText.trim()])"))
    assert counts[hoa_mi.year].endswith(str(found["n"]))  # the year read: its count is the results'
    assert counts[newest] == newest  # a year not read has no count until chosen
    context.close()


def test_heavy_query_leaves_out_its_commonest_word_and_says_so(one_year_site, serve, browser, corpus):
    page = browser.new_context().new_page()
    page.goto(serve(one_year_site))
    scope = json.loads((one_year_site / search_pagefind.BUNDLE_DIR / search_bundles.SCOPE_FILE).read_text(encoding="utf-8"))
    assert scope["tu_pho_bien"]["truong"] > scope["ngan_sach_tu"]
    res = header_search(page, "truong tan son thu vien")
    assert res["n"] > 0
    assert "(bỏ qua từ quá phổ biến: truong" in page.inner_text(".md-search-result__meta")
    assert all("truong" not in folded_words(i["marks"]) for i in res["items"])
    page.context.close()


def test_search_page_on_a_phone_shows_results_before_folded_filters(browser, site_url):
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(site_url + "tim-kiem/?q=doi+ngu&cap_hoc=tieu-hoc")
    page_results(page)
    assert not page.evaluate("() => document.querySelector('[data-ck-facets-box]').open")
    assert page.inner_text("[data-ck-facets-box] summary") == "Bộ lọc (1 đang chọn)"
    assert not page.evaluate("() => document.querySelector('.ck-search-page__help').open")
    top = "s => document.querySelector(s).getBoundingClientRect().top"
    assert page.evaluate(top, ".ck-result") < 740  # the first result is on the first screen
    assert page.evaluate("() => document.documentElement.scrollWidth") == 360
    page.set_viewport_size({"width": 1280, "height": 900})
    page.wait_for_function("() => document.querySelector('[data-ck-facets-box]').open")
    context.close()

