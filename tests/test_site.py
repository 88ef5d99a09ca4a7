"""The public site, built from plans/ and from generated corpora, checked in headless Chromium.

Expectations come from the model (congkhai.core.loader), never from copied strings: every field of
every row is on its plan page, every plan on its school page, every row on its criterion page,
every internal link resolves, phones get no sideways scrolling, axe-core finds nothing, and
content written to attack the page stays text.
"""

from __future__ import annotations

import datetime as dt
import gzip
import re
import subprocess
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import lxml.html
import pytest
import yaml

from congkhai.facts import budgets as budget
from congkhai.facts.places import districts
from congkhai.core import catalog
from congkhai.devtools import corpusgen
from congkhai.core.loader import load_corpus
from congkhai.core.model import Corpus, Plan, Row, SourceKind
from congkhai.core.text import vn_date, vnd

from conftest import AXE, PLANS, ROOT, build_or_fail

MAX_PLAN_PAGE = 100_000


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def html_of(site: Path, url: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring((site / url / "index.html").read_bytes())


def xp(node, path: str) -> list:
    """XPath with a shorthand for classes: `//tr[.ck-repeat]` is a tr with class ck-repeat."""
    return node.xpath(re.sub(r"\[\.([\w-]+)\]", r"[contains(concat(' ', normalize-space(@class), ' '), ' \1 ')]", path))


def text_of(el) -> str:
    return norm(el.text_content())


def criterion_url(plan: Plan, row: Row) -> str:
    circ = catalog.circular(plan.meta.thong_tu)
    return f"tieu-chi/{circ.key}/{circ.criterion(row.tieu_chi).slug}/"


def same_words(a: str, b: str) -> bool:
    return re.sub(r"[\W_]+", " ", a).casefold().strip() == re.sub(r"[\W_]+", " ", b).casefold().strip()


def row_values(row: Row, official: str) -> list[str]:
    """Everything a row holds, as the page must show it (the school's criterion title only when
    it says more than the official one)."""
    values = []
    for name in Row.model_fields:
        value = getattr(row, name)
        if name == "tieu_chi" or value in (None, "", []):
            continue
        if name == "ten_tieu_chi" and same_words(value, official):
            continue
        if name == "kinh_phi":
            values.append(vnd(value))
        elif isinstance(value, list):
            values.extend(value)
        else:
            values.append(value)
    return [norm(v) for v in values]


def axe_violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    found = page.evaluate(
        """async () => (await axe.run(document)).violations.map(v =>
             v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))"""
    )
    return found


def overflow(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    corpus, problems = load_corpus(PLANS)
    assert not problems.errors
    return corpus


def page_urls(corpus: Corpus) -> dict[str, list[str]]:
    """One or more URLs of each page type, chosen from the corpus."""
    plan = max(corpus.plans, key=lambda p: len(p.rows))
    row = plan.rows[0]
    circ = catalog.circular(plan.meta.thong_tu)
    school = plan.school
    return {
        "home": [""],
        "plan": [p.url for p in corpus.plans],
        "school": [s.url for s in corpus.schools.values()],
        "criterion": [criterion_url(plan, row), f"tieu-chi/{circ.key}/", "tieu-chi/"],
        "browse": [
            "duyet/", f"duyet/nam-hoc/{plan.year}/", f"duyet/cap-hoc/{school.profile.cap_hoc.value}/",
            "duyet/dia-phuong/", "truong/",
        ],
    }


# -----------------------------------------------------------------------------
# Plan pages
# -----------------------------------------------------------------------------


def test_plan_pages_show_header_every_row_field_and_signature(built_site, site_url, page, corpus):
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8"))
    for plan in corpus.plans:
        meta = plan.meta
        page.goto(site_url + plan.url)
        h1 = norm(page.locator("h1").first.inner_text()).lower()
        assert norm(meta.tieu_de).lower() in h1 and plan.year in h1
        header = norm(page.locator(".ck-doc").inner_text())
        assert (meta.ten_truong or plan.school.profile.ten).upper() in header
        if meta.so_hieu:
            assert meta.so_hieu in header
        if meta.ngay_ban_hanh:
            assert vn_date(meta.ngay_ban_hanh) in header

        for row in plan.rows:
            cell = page.locator(f"#{row.anchor}")
            shown = norm(cell.inner_text())
            official = catalog.circular(meta.thong_tu).criterion(row.tieu_chi).title
            for value in row_values(row, official):
                assert value in shown, f"{plan.path}: {row.tieu_chi}: «{value}» missing"
            assert norm(official) in shown
            href = cell.locator("th a").first.get_attribute("href")
            assert urljoin(page.url, href) == site_url + criterion_url(plan, row)

        sign = norm(page.locator(".ck-sign").inner_text())
        for part in [meta.nguoi_ky, *meta.noi_nhan]:
            if part:
                assert norm(part) in sign
        assert page.locator(".ck-notice").count() == (1 if meta.nguon_van_ban == SourceKind.OCR else 0)

        for heading in re.findall(r"^#{1,6}\s+(.+?)\s*$", plan.body, re.MULTILINE):
            assert norm(re.sub(r"<[^>]+>|[*_`]", "", heading)) in norm(page.locator(".ck-plan").inner_text())

        actions = page.locator(".ck-actions a")
        hrefs = {norm(actions.nth(i).inner_text()): actions.nth(i).get_attribute("href") for i in range(actions.count())}
        assert hrefs["Bản in"] == "in/"
        assert hrefs["Tải PDF"] == f"{plan.school.slug}-{plan.year}.pdf"
        edit = hrefs["Sửa trên GitHub"]
        assert edit.startswith(config["repo_url"].rstrip("/") + "/") and edit.endswith(f"/plans/{plan.school.slug}/{plan.year}.md")

        totals = [t for t in budget.plan_totals(plan) if t.amount]
        if totals:
            table = norm(page.locator(".ck-budget").inner_text())
            for t in totals:
                assert t.source in table and vnd(t.amount) in table


def test_plan_table_is_a_table_on_wide_screens_and_cards_on_phones(site_url, page, corpus):
    plan = max(corpus.plans, key=lambda p: len(p.rows))
    page.goto(site_url + plan.url)
    table = page.locator("table.ck-table")
    headers = table.locator("thead th")
    assert table.evaluate("t => getComputedStyle(t).display") == "table"
    labels = [norm(headers.nth(i).inner_text()) for i in range(headers.count())]
    used = {c.label for c in catalog.plan_layout(plan).web if any(getattr(r, f) not in (None, "", []) for r in plan.rows for f in c.fields)}
    assert used <= set(labels)

    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(site_url + plan.url)
    assert overflow(page) <= 0
    cards = page.locator("tr.ck-row")
    assert cards.count() == len(plan.rows)
    for i in range(cards.count()):
        box = cards.nth(i).bounding_box()
        assert cards.nth(i).evaluate("r => getComputedStyle(r).display") == "block"
        assert box["x"] >= 0 and box["x"] + box["width"] <= 360
    # Each card cell shows its column's name (named once per column in the page, not per cell).
    cells = cards.first.locator(":scope > td:not(.ck-tt)")
    assert cells.count() == len(labels) - 2
    for j in range(cells.count()):
        before = cells.nth(j).evaluate("td => getComputedStyle(td, '::before').content")
        assert norm(before.strip('"')) == labels[j + 2]


def test_plan_page_under_100_kb(built_site, corpus):
    for plan in corpus.plans:
        size = (built_site / plan.url / "index.html").stat().st_size
        assert size < MAX_PLAN_PAGE, f"{plan.url}: {size} bytes"


# -----------------------------------------------------------------------------
# School, criterion, browse and home pages
# -----------------------------------------------------------------------------


def test_school_pages_list_plans_newest_first_and_criteria_across_years(built_site, corpus):
    check_school_pages(built_site, corpus)


def check_school_pages(site: Path, corpus: Corpus) -> None:
    for school in corpus.schools.values():
        doc = html_of(site, school.url)
        assert text_of(xp(doc, "//h1")[0]) == norm(school.name)
        years = [a.get("href").strip("/") for a in xp(doc, "//*[@id='ke-hoach']/following-sibling::ul[1][.ck-list]/li/a")]
        assert years == [p.year for p in school.plans]
        appearances = Counter((p.meta.thong_tu, r.tieu_chi) for p in school.plans for r in p.rows)
        rows = xp(doc, "//table[.ck-history]/tbody/tr")
        assert len(rows) == len(appearances)
        assert len(xp(doc, "//table[.ck-history]/tbody/tr[.ck-repeat]")) == sum(1 for n in appearances.values() if n > 1)
        marks = sum(len(xp(tr, ".//a[.ck-dot]")) for tr in rows)
        assert marks == sum(appearances.values())


def test_circular_and_criterion_pages_list_every_row(built_site, corpus):
    check_criterion_pages(built_site, corpus, per_page=None)


def check_criterion_pages(site: Path, corpus: Corpus, per_page: int | None) -> None:
    rows: dict[tuple[str, str], list[tuple[Plan, Row]]] = defaultdict(list)
    for plan in corpus.plans:
        for row in plan.rows:
            rows[(plan.meta.thong_tu, row.tieu_chi)].append((plan, row))
    for circ in catalog.circulars().values():
        doc = html_of(site, f"tieu-chi/{circ.key}/")
        counts = {a.get("href").strip("/"): int(text_of(xp(a, "ancestor::tr[1]/td")[0]))
                  for a in xp(doc, "//table[.ck-counts]//th/a")}
        assert len(counts) == len(circ.criteria)
        for crit in circ.criteria.values():
            found = rows.get((circ.code, crit.id), [])
            assert counts[crit.slug] == len({id(p) for p, _ in found})
            # Follow the pages of the criterion and collect every mention in order.
            url, links = f"tieu-chi/{circ.key}/{crit.slug}/", []
            while url:
                doc = html_of(site, url)
                items = xp(doc, "//li[.ck-mention]/h2/a")
                if per_page:
                    assert len(items) <= per_page
                links += [urljoin("/" + url, a.get("href")) for a in items]
                nxt = xp(doc, "//*[.ck-pager]//a[@rel='next']")
                url = urljoin("/" + url, nxt[0].get("href")).lstrip("/") if nxt else None
            assert sorted(links) == sorted(f"/{p.url}#{r.anchor}" for p, r in found)


def test_browse_pages_reach_every_plan_and_school(built_site, corpus):
    check_browse_pages(built_site, corpus)


def _all_links(site: Path, url: str) -> set[str]:
    """Links of a listing, following its pager."""
    out: set[str] = set()
    while url:
        doc = html_of(site, url)
        out |= {urljoin("/" + url, a.get("href")) for a in xp(doc, "//ul[.ck-list]/li/a[1]")}
        nxt = xp(doc, "//*[.ck-pager]//a[@rel='next']")
        url = urljoin("/" + url, nxt[0].get("href")).lstrip("/") if nxt else None
    return out


def check_browse_pages(site: Path, corpus: Corpus) -> None:
    by_year = defaultdict(set)
    for plan in corpus.plans:
        by_year[plan.year].add("/" + plan.url)
    for year, urls in by_year.items():
        assert _all_links(site, f"duyet/nam-hoc/{year}/") == urls
    by_level, by_district = defaultdict(set), defaultdict(set)
    for school in corpus.schools.values():
        by_level[school.profile.cap_hoc.value].add("/" + school.url)
    for district in districts(corpus):
        by_district[district.slug] = {"/" + s.url for s in district.schools}
    for level, urls in by_level.items():
        assert _all_links(site, f"duyet/cap-hoc/{level}/") == urls
    for slug, urls in by_district.items():
        assert _all_links(site, f"duyet/dia-phuong/{slug}/") == urls
    assert _all_links(site, "truong/") == {"/" + s.url for s in corpus.schools.values()}
    places = html_of(site, "duyet/dia-phuong/")
    assert {urljoin("/duyet/dia-phuong/", a.get("href")) for a in xp(places, "//ul[.ck-chips]//a")} == {
        f"/duyet/dia-phuong/{slug}/" for slug in by_district
    }


def test_home_counts_latest_plans_and_ways_in(built_site, corpus):
    doc = html_of(built_site, "")
    stats = [int(text_of(s).replace(".", "")) for s in xp(doc, "//ul[.ck-stats]//strong")]
    assert stats == [
        len(corpus.schools), len(corpus.plans),
        len({(p.meta.thong_tu, r.tieu_chi) for p in corpus.plans for r in p.rows}),
        sum(len(p.rows) for p in corpus.plans),
    ]
    latest = [a.get("href") for a in xp(doc, "//*[@id='moi-nhat']/following-sibling::ul[1][.ck-list]/li/a[1]")]
    newest = max(p.first_year for p in corpus.plans)
    assert latest and latest[0].strip("/").endswith(str(newest) + "-" + str(newest + 1))
    assert xp(doc, "//form[@role='search']")[0].get("action") == "tim-kiem/"
    assert xp(doc, "//form[@role='search']//input[@name='q']")
    hrefs = {a.get("href") for a in xp(doc, "//*[.ck-ways]//a")}
    assert {"duyet/dia-phuong/", "tieu-chi/tt17/", "tieu-chi/tt18/", "tieu-chi/tt19/"} <= hrefs
    assert {f"duyet/nam-hoc/{p.year}/" for p in corpus.plans} <= hrefs


def test_not_found_page_is_vietnamese_with_absolute_links(built_site):
    doc = lxml.html.fromstring((built_site / "404.html").read_bytes())
    assert text_of(xp(doc, "//h1")[-1]) == "Không tìm thấy trang"
    assert all(a.get("href").startswith("/") for a in xp(doc, "//*[.md-content]//a"))


def test_theme_labels_are_vietnamese(built_site, corpus):
    """Material's own English strings must not reach readers."""
    for url in ["", corpus.plans[0].url]:
        text = (built_site / url / "index.html").read_text("utf-8")
        for english in ("Made with", "Material for MkDocs", 'aria-label="Tabs"', "Initializing search", "Back to top", "Skip to content"):
            assert english not in text, english


# -----------------------------------------------------------------------------
# Whole-site checks
# -----------------------------------------------------------------------------


def broken_links(site: Path) -> list[str]:
    """Every href/src of every page that points inside the site and does not resolve (with
    #fragments checked against the target's ids). PDFs are built by scripts/build after MkDocs,
    so with --no-pdf they must only be named where the print step writes them."""
    ids: dict[Path, set[str]] = {}

    def ids_of(path: Path) -> set[str]:
        if path not in ids:
            ids[path] = set(lxml.html.fromstring(path.read_bytes()).xpath("//@id"))
        return ids[path]

    broken = []
    for path in site.rglob("*.html"):
        doc = lxml.html.fromstring(path.read_bytes())
        base = "/" + path.relative_to(site).as_posix()
        for el, attr, ref, _ in doc.iterlinks():
            if attr not in ("href", "src") or el.tag not in ("a", "link", "script", "img", "iframe", "source"):
                continue
            if ref.startswith(("mailto:", "tel:", "data:")):
                continue
            parsed = urlparse(urljoin(base, ref))
            if parsed.scheme or parsed.netloc:
                assert el.tag in ("a", "link") and el.get("rel") not in ("stylesheet", "preload"), f"external asset {ref} in {base}"
                continue
            target = site / unquote(parsed.path).lstrip("/")
            if parsed.path.endswith("/") or target.is_dir():
                target = target / "index.html"
            if target.suffix == ".pdf" and not target.exists():
                if re.fullmatch(r"/truong/([a-z0-9-]+)/(\d{4}-\d{4})/\1-\2\.pdf", parsed.path):
                    continue
            if not target.exists():
                broken.append(f"{base} -> {ref}")
            elif parsed.fragment and target.suffix == ".html" and unquote(parsed.fragment) not in ids_of(target):
                broken.append(f"{base} -> {ref} (no #{parsed.fragment})")
    return broken


def test_every_internal_link_resolves(built_site):
    assert broken_links(built_site) == []


@pytest.mark.parametrize("width", [360, 1280])
def test_no_horizontal_scroll_and_no_axe_violations(site_url, page, corpus, width):
    page.set_viewport_size({"width": width, "height": 800})
    problems = []
    urls = page_urls(corpus)
    for kind, addresses in urls.items():
        for url in addresses:
            page.goto(site_url + url)
            if overflow(page) > 0:
                problems.append(f"{url or '/'}: {overflow(page)} px sideways at {width} px")
            problems += [f"{url or '/'}: {v}" for v in axe_violations(page)]
    assert problems == []


# -----------------------------------------------------------------------------
# Malicious content
# -----------------------------------------------------------------------------

PAYLOADS = [
    "<script>window.__pwned=1;alert(1)</script>",
    '<img src=x onerror="window.__pwned=2;alert(2)">',
    "javascript:window.__pwned=3",
    '<a href="javascript:window.__pwned=4;alert(4)">bấm vào đây</a>',
    '"><svg onload="window.__pwned=5;alert(5)">',
]
EVIL = " ".join(PAYLOADS)


def write_malicious_plans(root: Path) -> Plan:
    """A plan with attacks in every kind of field: school profile, front matter, cells, body."""
    import json

    q = lambda s: json.dumps(s, ensure_ascii=False)  # noqa: E731 - YAML double-quoted scalar
    folder = root / "thcs-tan-cong"
    folder.mkdir(parents=True)
    (folder / "truong.yml").write_text(
        f"ten: {q('Trường THCS ' + PAYLOADS[0])}\ncap_hoc: thcs\nquan_huyen: {q(PAYLOADS[1])}\ntinh_thanh: {q('Tỉnh ' + PAYLOADS[4])}\n",
        "utf-8",
    )
    (folder / "2024-2025.md").write_text(
        f"""---
nam_hoc: "2024-2025"
thong_tu: "18/2018"
so_hieu: {q(PAYLOADS[1])}
dia_danh: {q(PAYLOADS[0])}
ngay_ban_hanh: 2024-09-04
tieu_de: {q('Cải tiến ' + PAYLOADS[3])}
nguon_van_ban: ocr
ghi_chu_nguon: {q(EVIL)}
ten_tieu_chuan:
  "5": {q(PAYLOADS[4])}
cai_tien:
  - tieu_chi: "5.3"
    ten_tieu_chi: {q(PAYLOADS[1])}
    diem_yeu: {q(EVIL)}
    giai_phap:
      - {q(PAYLOADS[0])}
      - {q(PAYLOADS[2])}
    chu_tri: {q(PAYLOADS[3])}
    phoi_hop: {q(PAYLOADS[4])}
    kinh_phi: 1000000
    nguon_kinh_phi: {q(PAYLOADS[1])}
    ghi_chu: {q(PAYLOADS[2])}
nguoi_ky: {q(PAYLOADS[0])}
chuc_vu_nguoi_ky: {q(PAYLOADS[1])}
noi_nhan:
  - {q(PAYLOADS[3])}
---

## Mục tiêu {PAYLOADS[1]}

{PAYLOADS[0]}

Đoạn văn với [liên kết](javascript:window.__pwned=6) và {PAYLOADS[3]} và {PAYLOADS[1]}.

<div onclick="window.__pwned=7">khối</div>

<!-- bang-ke-hoach -->

<iframe src="javascript:window.__pwned=8"></iframe>{PAYLOADS[4]}
""",
        "utf-8",
    )
    corpus, problems = load_corpus(root)
    assert problems.errors, "the validator should refuse this plan; the test bypasses it"
    return folder


BYPASS_VALIDATOR = (
    "import re, congkhai.core.loader as _l\n"
    "_l.HTML_TAG = re.compile(r'(?!)')\n"
    "_l.ACTIVE_HTML = re.compile(r'(?!)')\n"
)


def active_content(site: Path) -> list[str]:
    """Scripts, event handlers or javascript: URLs that carry the payload, in any page."""
    found = []
    for path in site.rglob("*.html"):
        doc = lxml.html.fromstring(path.read_bytes())
        for el in doc.iter():
            if not isinstance(el.tag, str):
                continue
            if el.tag == "script" and "__pwned" in (el.text or ""):
                found.append(f"{path}: <script>")
            for attr, value in el.attrib.items():
                if attr.lower().startswith("on") and "__pwned" in value:
                    found.append(f"{path}: {el.tag} {attr}")
                if attr.lower() in ("href", "src", "action", "formaction", "data") and value.strip().lower().startswith("javascript:"):
                    found.append(f"{path}: {el.tag} {attr}={value[:40]}")
            if el.tag in ("iframe", "object", "embed", "svg") and "__pwned" in lxml.html.tostring(el, encoding="unicode"):
                found.append(f"{path}: <{el.tag}>")
    return found


def test_malicious_plan_content_stays_inert(tmp_path, browser, serve):
    write_malicious_plans(tmp_path / "plans")
    site = build_or_fail(tmp_path / "plans", tmp_path / "site", prelude=BYPASS_VALIDATOR)
    assert active_content(site) == []

    base = serve(site)
    plan_url = "truong/thcs-tan-cong/2024-2025/"
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    dialogs: list[str] = []
    tab.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    for url in ["", plan_url, "truong/thcs-tan-cong/", "tieu-chi/tt18/5-3/", "duyet/nam-hoc/2024-2025/", "truong/", "duyet/dia-phuong/"]:
        tab.goto(base + url, wait_until="load")
        assert tab.evaluate("typeof window.__pwned") == "undefined", url
        assert tab.locator("[onerror], [onload], [onclick]").count() == 0, url
        assert tab.locator("a[href^='javascript:' i], iframe, object, embed").count() == 0, url
    # The attacks are shown as the text the school wrote, not dropped silently.
    tab.goto(base + plan_url)
    row = norm(tab.locator("#tieu-chi-5-3").inner_text())
    assert PAYLOADS[0] in row and PAYLOADS[2] in row
    assert PAYLOADS[3] in norm(tab.locator("h1").first.inner_text())
    assert PAYLOADS[0] in norm(tab.locator(".ck-facts").inner_text())
    assert dialogs == []
    context.close()


# -----------------------------------------------------------------------------
# Generated corpus: many plans, 25-row plans, paging, repeats
# -----------------------------------------------------------------------------

PAGING = 7  # small pages so that the generated corpus needs several of each


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    base = tmp_path_factory.mktemp("generated")
    corpusgen.generate(base / "plans", 60, seed=11, rows=(25, 25))
    corpus, problems = load_corpus(base / "plans")
    assert not problems.errors
    prelude = (
        "import congkhai.pages.criteria as _c, congkhai.pages.browse as _b, congkhai.pages.schools as _v\n"
        f"_c.ROWS_PER_PAGE = _b.PER_PAGE = _v.SCHOOLS_PER_PAGE = {PAGING}\n"
    )
    site = build_or_fail(base / "plans", base / "site", prelude=prelude)
    return site, corpus


def test_generated_plan_pages_stay_under_100_kb(generated):
    site, corpus = generated
    sizes = {p.url: (site / p.url / "index.html").stat().st_size for p in corpus.plans}
    full = [p for p in corpus.plans if len(p.rows) == 25]
    assert len(full) >= len(corpus.plans) // 2
    heaviest = max(sizes, key=sizes.get)
    gz = len(gzip.compress((site / heaviest / "index.html").read_bytes()))
    print(f"heaviest plan page {sizes[heaviest]} bytes ({gz} gzipped), {heaviest}")
    assert sizes[heaviest] < MAX_PLAN_PAGE


def test_generated_lists_are_paged_and_complete(generated):
    site, corpus = generated
    check_criterion_pages(site, corpus, per_page=PAGING)
    check_browse_pages(site, corpus)
    check_school_pages(site, corpus)
    assert any(site.glob("tieu-chi/*/*/trang-2/index.html"))
    assert (site / "truong" / "trang-2" / "index.html").exists()


def test_generated_school_pages_show_repeated_criteria(generated):
    site, corpus = generated
    school = max(corpus.schools.values(), key=lambda s: len(s.plans))
    assert len(school.plans) > 1
    doc = html_of(site, school.url)
    repeated = xp(doc, "//table[.ck-history]/tbody/tr[.ck-repeat]")
    assert repeated, "a school with several plans repeats some criteria"
    first = xp(doc, "//table[.ck-history]/tbody/tr")[0]
    assert "ck-repeat" in first.get("class", "") and xp(first, ".//*[.ck-repeat-badge]")


@pytest.mark.parametrize("width", [360, 1280])
def test_generated_pages_fit_phones_and_pass_axe(generated, serve, browser, width):
    """Paged lists, a school with many years and a 25-row plan: the pages the seeds lack."""
    site, corpus = generated
    base = serve(site)
    school = max(corpus.schools.values(), key=lambda s: len(s.plans))
    plan = max(corpus.plans, key=lambda p: len(p.rows))
    paged = sorted(site.glob("tieu-chi/*/*/trang-2/index.html"))[0].parent.relative_to(site).as_posix() + "/"
    year_pages = sorted(site.glob("duyet/nam-hoc/*/trang-2/index.html"))
    urls = [school.url, plan.url, paged, "truong/trang-2/"] + [p.parent.relative_to(site).as_posix() + "/" for p in year_pages[:1]]
    context = browser.new_context(viewport={"width": width, "height": 800})
    tab = context.new_page()
    problems = []
    for url in urls:
        tab.goto(base + url)
        if overflow(tab) > 0:
            problems.append(f"{url}: {overflow(tab)} px sideways")
        problems += [f"{url}: {v}" for v in axe_violations(tab)]
    context.close()
    assert problems == []


def test_generated_site_links_resolve_and_without_git_a_plan_dates_from_its_issue(generated):
    site, corpus = generated
    assert broken_links(site) == []
    for plan in corpus.plans[:20]:
        shown = [t.get("datetime") for t in xp(html_of(site, plan.url), "//*[.ck-facts]//time")]
        issued = plan.meta.ngay_ban_hanh
        assert shown == ([issued.isoformat()] if issued else [])


# -----------------------------------------------------------------------------
# Last change from git
# -----------------------------------------------------------------------------


def git(cwd: Path, *args: str, date: str | None = None) -> None:
    env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org", "PATH": "/usr/bin:/bin", "HOME": str(cwd)}
    if date:
        env |= {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True)


def test_plan_pages_show_last_change_from_git(tmp_path):
    repo = tmp_path / "repo"
    corpusgen.generate(repo / "plans", 3, seed=5, rows=(3, 4))
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "first", date="2024-03-05T10:00:00+07:00")
    corpus, _ = load_corpus(repo / "plans")
    changed = corpus.plans[-1]
    changed.path.write_text(changed.path.read_text("utf-8") + "\nThêm một dòng.\n", "utf-8")
    git(repo, "commit", "-q", "-am", "second", date="2025-01-20T09:00:00+07:00")
    site = build_or_fail(repo / "plans", tmp_path / "site")
    for plan in corpus.plans:
        times = xp(html_of(site, plan.url), "//*[.ck-facts]//time")
        expected = "2025-01-20" if plan.path == changed.path else "2024-03-05"
        assert [t.get("datetime") for t in times] == [expected]
        assert vn_date(dt.date.fromisoformat(expected)) in text_of(times[0])
