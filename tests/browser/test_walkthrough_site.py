"""The built site as a parent (360 px phone, 1280 px desktop) and a school editor meet it: OCR text
always marked, print headers that keep names whole, search results that tell schools apart and
mark the query as a phrase, counts that agree, code boxes that draw Vietnamese, the form's date,
the 404 page under a sub-path. Chromium renders every check."""

from __future__ import annotations

import html
import re
import shutil
import subprocess

import pytest
from conftest import PLANS
from support.pages_host import url_sub_path_site  # noqa: F401 - fixture

from congkhai.core import text as core_text
from congkhai.core.loader import load_corpus
from congkhai.pages.notices import is_ocr

NOTICE = ".ck-ocr, .ck-ocr-flag, .ck-print__ocr-note"


@pytest.fixture(scope="module")
def corpus():
    corpus, problems = load_corpus(PLANS)
    assert not problems.errors
    return corpus


def _ocr_snippets(corpus) -> list[str]:
    """Texts only the OCR plan's rows say (its misread words), as a page shows them."""
    plan = next(p for p in corpus.plans if is_ocr(p))
    out = []
    for row in plan.rows:
        for value in (row.noi_dung, row.diem_yeu, *row.giai_phap):
            if value and len(value) > 25:
                out.append(" ".join(value.split())[:25])
    return out


# --- OCR text is marked wherever it is shown --------------------------------------------------

MARKED = """([snippets, notice]) => {
  // For each text node saying an OCR row's words: the item that shows it (a criterion page's
  // entry, else the whole page) holds a visible notice.
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const out = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const t = n.textContent.replace(/\\s+/g, " ");
    if (!snippets.some(s => t.includes(s))) continue;
    const item = n.parentElement.closest("li.ck-mention") || n.parentElement.closest("main") || document.body;
    const seen = [...item.querySelectorAll(notice)].some(e => e.getClientRects().length && getComputedStyle(e).visibility !== "hidden");
    out.push({ text: t.slice(0, 40), marked: seen });
  }
  return out;
}"""


def test_every_page_showing_ocr_text_marks_it_next_to_the_text(built_site, site_url, page, corpus):
    snippets = _ocr_snippets(corpus)
    escaped = [html.escape(s, quote=False) for s in snippets]
    pages = sorted(
        p.relative_to(built_site).as_posix() for p in built_site.rglob("*.html")
        if any(s in " ".join(p.read_text("utf-8").split()) for s in escaped)
    )
    # Each page type that shows a row: the plan (screen and printout), criterion pages (the embed
    # widget lists criteria only, linking to the rows, and carries the notice beside its plan's title).
    kinds = {re.sub(r"[a-z0-9-]+", "x", p.split("/")[0]) + "/" + p.split("/")[0] for p in pages}
    assert any(p.startswith("tieu-chi/tt18/5-3/") for p in pages), pages
    assert {"x/tieu-chi", "x/truong"} <= kinds, pages
    ocr = next(p for p in corpus.plans if is_ocr(p))
    if ocr is ocr.school.plans[0]:
        page.goto(site_url + ocr.school.embed_url)
        assert page.locator(NOTICE).first.is_visible()
    for width in (360, 1280):
        page.set_viewport_size({"width": width, "height": 800})
        for rel in pages:
            page.goto(site_url + rel)
            found = page.evaluate(MARKED, [snippets, NOTICE])
            assert found, rel
            assert all(f["marked"] for f in found), (rel, width, [f for f in found if not f["marked"]])


def test_search_results_from_an_ocr_plan_carry_the_notice_and_others_do_not(page, site_url, corpus):
    ocr = next(p for p in corpus.plans if is_ocr(p))
    query = "thu vien"
    page.goto(site_url + "tim-kiem/?q=thu+vien")
    page.wait_for_selector("[data-ck-search-page][data-ck-rendered]", timeout=30_000)
    results = page.eval_on_selector_all(
        ".ck-result", f"els => els.map(e => ({{href: e.querySelector('h2 a').getAttribute('href'), flag: !!e.querySelector('{NOTICE}')}}))"
    )
    assert any(ocr.url in r["href"] for r in results), results
    assert all(r["flag"] == (ocr.url in r["href"]) for r in results), results
    # The header box too.
    page.locator(".md-search__input").fill(query)
    page.wait_for_function("q => document.querySelector('[data-ck-search]').getAttribute('data-ck-rendered') === q", arg=query)
    items = page.eval_on_selector_all(
        ".md-search-result__item:not(.ck-search-all) a", "els => els.map(a => ({href: a.getAttribute('href'), flag: !!a.querySelector('.ck-ocr-flag')}))"
    )
    assert any(ocr.url in i["href"] for i in items), items
    assert all(i["flag"] == (ocr.url in i["href"]) for i in items), items


# --- The print header -------------------------------------------------------------------------


def test_print_header_never_breaks_a_name_inside_a_part(page, site_url, corpus):
    page.set_viewport_size({"width": 794, "height": 1123})  # A4 at 96 px per inch
    page.emulate_media(media="print")
    for plan in corpus.plans:
        page.goto(site_url + plan.print_url)
        parts = page.eval_on_selector_all(".ck-print__header .ck-print__keep", "els => els.map(e => [e.textContent, e.getClientRects().length])")
        assert parts, plan.url
        assert all(lines == 1 for _, lines in parts), (plan.url, parts)
    ocr = next(p for p in corpus.plans if is_ocr(p))
    page.goto(site_url + ocr.print_url)
    assert page.locator(".ck-print__ocr-note").inner_text().count("(OCR)") == 1  # said once, not twice


# --- Search: results that tell schools apart, the query marked as a phrase, counts ------------


def test_topic_results_are_headed_by_their_school_and_mark_only_the_phrase(page, site_url, corpus):
    page.goto(site_url + "tim-kiem/?q=thu+vien")
    page.wait_for_selector("[data-ck-search-page][data-ck-rendered]", timeout=30_000)
    heads = page.eval_on_selector_all(".ck-result h2 a", "els => els.map(a => [a.textContent, a.getAttribute('href')])")
    plans = [h for h, href in heads if "/truong/" in href]
    assert len(plans) >= 3 and len(set(plans)) == len(plans), heads  # no two alike
    names = {s.name for s in corpus.schools.values()}
    assert all(any(n in h for n in names) for h in plans), plans
    marks = page.evaluate("""() => [...document.querySelectorAll('.ck-result mark')].map(m => {
        const prev = m.previousSibling, next = m.nextSibling;
        const before = prev && prev.nodeType === 3 && prev.textContent === ' ' && prev.previousSibling && prev.previousSibling.tagName === 'MARK';
        const after = next && next.nodeType === 3 && next.textContent === ' ' && next.nextSibling && next.nextSibling.tagName === 'MARK';
        return {text: m.textContent, paired: !!(before || after)};
    })""")
    assert marks
    folded = [re.sub(r"\W", "", core_text.fold(m["text"])) for m in marks]
    assert set(folded) <= {"thu", "vien"}, set(folded)  # not «thường», «thực», «thuộc»
    lone = [m for m in marks if not m["paired"]]
    assert not lone, lone  # «viên» of «giáo viên» is not the phrase


def test_js_excerpt_marks_the_phrase_and_a_word_being_typed(page, site_url):
    page.goto(site_url)
    page.wait_for_function("() => window.congkhaiSearch")
    marked = "([c, q]) => window.congkhaiSearch.excerpt(c, q, 40).filter(p => p.mark).map(p => p.text)"
    text = "Giáo viên và nhân viên thường xuyên đọc ở thư viện; thực hiện nội quy thư viện."
    assert page.evaluate(marked, [text, "thu vien"]) == ["thư", "viện;", "thư", "viện."]
    assert page.evaluate(marked, [text, "thu vi"]) == ["thư", "viện;", "thư", "viện."]
    assert page.evaluate(marked, ["Bồi dưỡng giáo viên", "thu vien"]) == []  # a lone «viên» is not the phrase
    assert page.evaluate(marked, ["Bồi dưỡng giáo viên", "vien"]) == ["viên"]  # one word: where it stands whole
    assert page.evaluate(marked, ["Thường xuyên thực hiện", "thu vien"]) == []  # «thu» is not being typed: no prefix


def test_level_counts_agree_between_the_search_facet_and_the_browse_page(page, site_url):
    page.goto(site_url + "duyet/")
    browse = dict(
        (label, int(re.match(r"\d+", count)[0])) for label, count in page.eval_on_selector_all(
            "#cap-hoc + ul li", "els => els.map(li => [li.querySelector('a').textContent, li.querySelector('.ck-count').textContent])")
    )
    assert browse and all(browse.values())
    page.goto(site_url + "tim-kiem/?loai=truong")
    page.wait_for_selector("[data-ck-search-page][data-ck-rendered]", timeout=30_000)
    facet = dict(
        (label.strip(), int(count)) for label, count in page.eval_on_selector_all(
            "[data-ck-facet=cap_hoc] label", "els => els.map(l => [l.childNodes[1].textContent, l.querySelector('.ck-facet__count').textContent])")
    )
    assert facet == browse


# --- Code boxes draw Vietnamese with one font that has its letters ----------------------------


def _fonts_drawing(page, selector: str) -> list[str]:
    """Families Chromium used for the element's text (a textarea's text is in its shadow tree)."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument", {"depth": -1, "pierce": True})["root"]
    target = cdp.send("DOM.querySelector", {"nodeId": root["nodeId"], "selector": selector})["nodeId"]

    def find(node):
        if node.get("nodeId") == target:
            return node
        for child in (*node.get("children", ()), *node.get("shadowRoots", ())):
            hit = find(child)
            if hit:
                return hit
        return None

    def ids(node):
        yield node["nodeId"]
        for child in (*node.get("children", ()), *node.get("shadowRoots", ())):
            yield from ids(child)

    families = set()
    for nid in ids(find(root)):
        try:
            fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": nid})["fonts"]
        except Exception:  # nodes without a layout (comments, the shadow root itself)
            continue
        families |= {f["familyName"] for f in fonts if f["glyphCount"]}
    return sorted(families)


def _has_letters(family: str, letters: str) -> bool:
    charset = " ".join(f"{ord(c):x}" for c in sorted(set(letters)))
    out = subprocess.run(["fc-list", f":charset={charset}", "family"], capture_output=True, text=True).stdout
    return any(family in line.split(",") for line in out.splitlines())


@pytest.mark.skipif(not shutil.which("fc-list"), reason="cần fontconfig (fc-list)")
def test_code_boxes_draw_vietnamese_with_a_named_font_that_has_the_letters(page, site_url, corpus):
    school = next(s for s in corpus.schools.values() if s.plans)
    boxes = [("mau-ke-hoach/", "pre code", None), (school.url, ".ck-embed-box textarea", None),
             ("them-ke-hoach/", "#ck-tep", ("#ck-nguoi-ky", "Nguyễn Thị Đào"))]
    for url, selector, fill in boxes:
        page.goto(site_url + url)
        if fill:
            page.wait_for_selector("#ck-dong .ck-row", state="attached")
            page.fill(*fill)
        text = page.evaluate("s => { const e = document.querySelector(s); return e.value || e.textContent }", selector)
        letters = "".join(c for c in text if ord(c) > 0x7F and c.isalpha())
        assert "ế" in letters or "ạ" in letters, (url, text[:200])
        stack = page.evaluate("s => getComputedStyle(document.querySelector(s)).fontFamily", selector)
        named = [f.strip().strip('"') for f in stack.split(",")][:-1]  # the generic family last
        used = _fonts_drawing(page, selector)
        assert len(used) == 1, (url, used)  # one font: no letter drawn by a fallback
        assert used[0] in named, (url, used, stack)  # a font the stack names, not bare `monospace`
        assert _has_letters(used[0], letters), (url, used)


# --- The form's date --------------------------------------------------------------------------


def test_form_date_is_typed_day_month_year_and_written_as_the_file_wants(page, site_url):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(site_url + "them-ke-hoach/")
    page.wait_for_selector("#ck-dong .ck-row", state="attached")
    field = page.locator("#ck-ngay")
    assert field.get_attribute("type") == "text" and field.get_attribute("placeholder") == "04/09/2024"
    field.fill("4/9/2024")
    assert 'ngay_ban_hanh: "2024-09-04"' in page.input_value("#ck-tep")
    field.fill("31/02/2024")
    page.wait_for_function("() => document.getElementById('ck-loi').textContent.includes('Ngày ban hành')")
    hints = " ".join(page.eval_on_selector_all(".ck-hint", "els => els.map(e => e.textContent)"))
    assert "van-ban" not in hints and "9-cot" not in hints and "nhieu-cap" not in hints


# --- The 404 page under a sub-path ------------------------------------------------------------


def test_not_found_page_under_a_sub_path_is_styled_and_starts_where_other_pages_do(page, url_sub_path_site):
    sub_path_site, _ = url_sub_path_site
    for width in (1280, 360):
        page.set_viewport_size({"width": width, "height": 800})
        page.goto(sub_path_site + "duyet/")
        expected = page.locator(".md-content h1").bounding_box()
        response = page.goto(sub_path_site + "truong/khong-co-truong-nay/2030-2031/")
        assert response.status == 404
        box = page.locator(".md-content h1").last.bounding_box()
        assert abs(box["x"] - expected["x"]) <= 2, (width, box, expected)
        assert page.evaluate("() => [...document.styleSheets].some(s => s.href && s.href.includes('congkhai.css') && s.cssRules.length)")
        for href in page.eval_on_selector_all(".md-content a", "els => els.map(a => a.href)"):
            assert page.request.get(href).status == 200, href
