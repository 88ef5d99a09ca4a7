"""Distribution: budget totals, open data (CSV/JSON), Atom feeds, embeds, single-school builds.

Everything is checked against plans/ as congkhai.core.loader reads it, or against the plan files'
YAML read here independently. One site is built for the module (without PDFs) with site_url set
to the local server that serves it, so feeds and snippets carry absolute addresses; the embed
snippet is then pasted into a page served from another port and loaded in Chromium at 320 px.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import re
import subprocess
import sys
import urllib.request
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import feedparser
import pytest
import yaml

from congkhai.facts import budgets as budget
from congkhai.facts import dates as dates_
from congkhai.facts import places
from congkhai.outputs import exports
from congkhai.outputs import feeds
from congkhai.core.loader import load_corpus
from congkhai.core.model import PlanMeta, Row

ROOT = Path(__file__).resolve().parent.parent
PLANS = ROOT / "plans"
HOA_MI = PLANS / "mn-hoa-mi-2-quan-12" / "2022-2023.md"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


# --- helpers ------------------------------------------------------------------------------------

def front_matter(path: Path) -> dict:
    """The YAML front matter of a plan file, read without congkhai (an independent reading)."""
    text = path.read_text("utf-8")
    return yaml.safe_load(text.split("\n---", 1)[0].removeprefix("---\n"))


def run_cli(*args: str) -> subprocess.CompletedProcess:
    """python -m congkhai <args> over plans/, in a fresh interpreter, as the scripts run it."""
    env = {k: v for k, v in os.environ.items() if k != "CONGKHAI_PLANS"} | {"NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "congkhai", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)


def fetch(url: str) -> tuple[int, bytes]:
    with urllib.request.urlopen(url, timeout=30) as r:
        return r.status, r.read()


class Links(HTMLParser):
    """href/src of a page (a, link, script, img, iframe) and the values of its textareas."""

    def __init__(self):
        super().__init__()
        self.refs: list[tuple[str, str]] = []
        self.textareas: dict[str, str] = {}
        self._textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for key in ("href", "src"):
            if a.get(key):
                self.refs.append((tag, a[key]))
        if tag == "textarea":
            self._textarea = a.get("id", "")
            self.textareas[self._textarea] = ""

    def handle_data(self, data):
        if self._textarea is not None:
            self.textareas[self._textarea] += data

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None


def parse_links(html: str) -> Links:
    parser = Links()
    parser.feed(html)
    return parser


@pytest.fixture(scope="module")
def corpus():
    corpus, problems = load_corpus(PLANS)
    assert not problems.errors, [p.format() for p in problems.errors]
    assert corpus.plans, "plans/ has no plans"
    return corpus


@pytest.fixture(scope="module")
def site(tmp_path_factory, serve):
    """plans/ built once (no PDFs), served on its own port, site_url = that server."""
    folder = tmp_path_factory.mktemp("site")
    base = serve(folder)  # the server serves what the build writes there next
    result = run_cli("build", "-d", str(folder), "--no-pdf", "--url", base)
    assert result.returncode == 0, result.stderr[-3000:]
    return folder, base


@pytest.fixture(scope="module")
def browser():
    """This module's own Chromium, closed when the module ends: a Playwright sync session left
    open for the whole test session would break modules that start their own."""
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.is_file():
        pytest.skip("cần /usr/bin/chromium (scripts/setup --test)")
    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield instance
        instance.close()


# --- budget -------------------------------------------------------------------------------------

def test_hoa_mi_budget_totals_match_the_plan_file(corpus):
    raw = front_matter(HOA_MI)
    by_source: dict[str, int] = {}
    for row in raw["cai_tien"]:
        if row.get("kinh_phi"):
            by_source[row["nguon_kinh_phi"]] = by_source.get(row["nguon_kinh_phi"], 0) + int(row["kinh_phi"])
    # The seed's two funded rows, as the school wrote them, and their canonical names.
    assert set(by_source) == {"Nguồn điều tiết", "Nguồn xã hội hóa"}
    canonical = {"Nguồn điều tiết": "Nguồn điều tiết", "Nguồn xã hội hóa": "Xã hội hóa"}
    plan = next(p for p in corpus.plans if p.path.resolve() == HOA_MI.resolve())
    totals = {t.source: t for t in budget.plan_totals(plan)}
    for written, amount in by_source.items():
        assert totals[canonical[written]].amount == amount
    grand = sum(by_source.values())
    assert budget.total_amount(totals.values()) == grand
    assert totals["Nguồn điều tiết"].share == pytest.approx(by_source["Nguồn điều tiết"] / grand)
    # The row naming "Nguồn hoạt động của nhà trường" without an amount is counted, at 0 đ.
    unpriced = [r for r in raw["cai_tien"] if r.get("nguon_kinh_phi") and not r.get("kinh_phi")]
    for r in unpriced:
        t = totals[budget.normalise_source(r["nguon_kinh_phi"])]
        assert t.unpriced >= 1 and t.rows >= 1


def test_source_names_are_folded_to_one_name_per_source():
    cases = {
        "Ngân sách": budget.STATE,
        "Kinh phí từ ngân sách nhà nước": budget.STATE,
        "Ngan sach": budget.STATE,
        "Ngén séch": budget.STATE,  # OCR
        "Nguồn xã hội hóa": budget.SOCIAL,
        "Kinh phí xã hội hoá": budget.SOCIAL,
        "Nguồn điều tiết": budget.REGULATED,
        "tự túc": budget.SELF_FUNDED,
        "Nguồn hoạt động của nhà trường": budget.SCHOOL_OPERATIONS,
        "Quỹ khuyến học của phường.": "Quỹ khuyến học của phường",
    }
    for written, expected in cases.items():
        assert budget.normalise_source(written) == expected, written
    assert budget.normalise_source("Không") is None
    assert budget.normalise_source("  ") is None


def test_rows_with_an_amount_and_no_source_are_shown_as_such():
    rows = [Row(tieu_chi="1.1", kinh_phi=1000), Row(tieu_chi="1.2", kinh_phi=3000, nguon_kinh_phi="Ngân sách"),
            Row(tieu_chi="1.3", kinh_phi_ghi_chu="Không có")]
    totals = budget.totals(rows)
    assert [(t.source, t.amount, t.rows) for t in totals] == [(budget.STATE, 3000, 1), (budget.NO_SOURCE, 1000, 1)]
    assert sum(t.share for t in totals) == pytest.approx(1.0)


def test_ocr_plan_sources_all_count_as_state_budget(corpus):
    path = PLANS / "thpt-binh-phuc-nhut-cho-gao" / "2022-2023.md"
    if not path.exists():
        pytest.skip("seed 004 not in plans/")
    raw = front_matter(path)
    named = [r for r in raw["cai_tien"] if r.get("nguon_kinh_phi") or r.get("kinh_phi")]
    plan = next(p for p in corpus.plans if p.path.resolve() == path.resolve())
    totals = budget.plan_totals(plan)
    assert [t.source for t in totals] == [budget.STATE]
    assert totals[0].rows == len(named)
    assert totals[0].amount == sum(int(r.get("kinh_phi") or 0) for r in named)


def test_district_totals_add_up_the_plans_of_the_district(corpus):
    for district in places.districts(corpus):
        expected = sum(int(r.kinh_phi or 0) for p in district.plans for r in p.rows)
        assert budget.total_amount(district.totals) == expected
        assert sum(budget.total_amount(y.totals) for y in district.years) == expected


def test_budget_pages_show_the_amounts(site, corpus):
    folder, _ = site
    plan = next(p for p in corpus.plans if p.path.resolve() == HOA_MI.resolve())
    district = next(d for d in places.districts(corpus) if plan in d.plans)
    html = (folder / district.url / "index.html").read_text("utf-8")
    for row in plan.rows:
        if row.kinh_phi:
            assert f"{row.kinh_phi:,}".replace(",", ".") + " đ" in html
    assert '<th scope="row">Xã hội hóa</th>' in html
    index = (folder / "duyet/kinh-phi/index.html").read_text("utf-8")
    assert district.url.removeprefix("duyet/kinh-phi/") in index


# --- open data ----------------------------------------------------------------------------------

def read_csv(path: Path) -> tuple[bytes, list[dict]]:
    raw = path.read_bytes()
    return raw, list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_improvement_csv_matches_plans(site, corpus):
    folder, base = site
    raw, rows = read_csv(folder / "du-lieu/cai-tien.csv")
    assert raw.startswith(b"\xef\xbb\xbf"), "no BOM: Excel would garble the diacritics"
    assert list(rows[0]) == [name for name, _ in exports.IMPROVEMENT_COLUMNS]
    expected = [(p, r) for p in corpus.plans for r in p.rows]
    assert len(rows) == len(expected)
    by_key = {(r["ma_truong"], r["nam_hoc"], r["tieu_chi"]): r for r in rows}
    for plan, row in expected:
        got = by_key[(plan.school.slug, plan.year, row.tieu_chi)]
        assert got["ten_truong"] == plan.school.name  # diacritics intact
        assert got["tinh_thanh"] == (plan.school.profile.tinh_thanh or "")
        assert got["thong_tu"] == plan.meta.thong_tu
        assert got["diem_yeu"] == as_excel(row.diem_yeu or "")
        assert got["chu_tri"] == as_excel(row.chu_tri or "")
        assert got["giai_phap"] == as_excel(exports.SOLUTION_SEPARATOR.join(row.giai_phap))
        if row.kinh_phi is None:
            assert got["kinh_phi"] == ""
        else:
            assert re.fullmatch(r"\d+", got["kinh_phi"]) and int(got["kinh_phi"]) == row.kinh_phi
        assert got["url"] == f"{base}{plan.url}#{row.anchor}"
    assert "Trường Mầm non Họa Mi 2".encode("utf-8") in raw or "Họa Mi".encode() in raw
    # Nothing Excel would run as a formula ("- Hiệu trưởng" would show #NAME?).
    assert not [v for r in rows for v in r.values() if v[:1] in ("=", "+", "-", "@")]


def as_excel(text: str) -> str:
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def test_plan_csv_has_one_row_per_plan_with_totals(site, corpus):
    folder, base = site
    raw, rows = read_csv(folder / "du-lieu/ke-hoach.csv")
    assert raw.startswith(b"\xef\xbb\xbf")
    assert len(rows) == len(corpus.plans)
    for plan in corpus.plans:
        got = next(r for r in rows if r["ma_truong"] == plan.school.slug and r["nam_hoc"] == plan.year)
        assert int(got["so_tieu_chi"]) == len(plan.rows)
        assert int(got["tong_kinh_phi"]) == sum(r.kinh_phi or 0 for r in plan.rows)
        assert got["url"] == base + plan.url
        assert fetch(got["url"])[0] == 200
        assert fetch(got["json"])[0] == 200


def test_json_exports_round_trip_to_the_model(site, corpus):
    folder, base = site
    for school in corpus.schools.values():
        data = json.loads((folder / school.url / "truong.json").read_text("utf-8"))
        assert data["ho_so"]["ten"] == school.name
        assert [p["nam_hoc"] for p in data["ke_hoach"]] == [p.year for p in school.plans]
        for plan in school.plans:
            record = json.loads((folder / plan.url / "ke-hoach.json").read_text("utf-8"))
            assert PlanMeta.model_validate(record["ke_hoach"]) == plan.meta
            assert record["van_ban"] == plan.body
            assert [t["ma"] for t in record["tieu_chi"]] == [r.tieu_chi for r in plan.rows]
            assert record["url"] == base + plan.url
    index = json.loads((folder / "du-lieu/ke-hoach.json").read_text("utf-8"))
    assert index["giay_phep"] == "CC BY 4.0"
    assert index["so_ke_hoach"] == len(index["ke_hoach"]) == len(corpus.plans)
    assert {(e["ma_truong"], e["nam_hoc"]) for e in index["ke_hoach"]} == {(p.school.slug, p.year) for p in corpus.plans}
    for entry in index["ke_hoach"]:
        # The index only points at the per-plan records (they are not copied into it).
        assert set(entry) == {"ma_truong", "nam_hoc", "json"}
        assert fetch(entry["json"])[0] == 200
    schema = ROOT / "schema" / "ke-hoach.schema.json"
    if schema.exists():
        assert (folder / "du-lieu/ke-hoach.schema.json").read_bytes() == schema.read_bytes()


def test_open_data_page_documents_every_column_and_the_licence(site):
    folder, base = site
    html = (folder / "du-lieu-mo/index.html").read_text("utf-8")
    for name, _ in exports.IMPROVEMENT_COLUMNS + exports.PLAN_COLUMNS:
        assert f"<code>{name}</code>" in html, name
    assert "CC BY 4.0" in html
    links = parse_links(html)
    targets = {urljoin(base + "du-lieu-mo/", href) for tag, href in links.refs if tag == "a"}
    for f in ("cai-tien.csv", "ke-hoach.csv", "ke-hoach.json", "ke-hoach.atom.xml"):
        url = base + "du-lieu/" + f
        assert url in targets, f
        assert fetch(url)[0] == 200


# --- feeds --------------------------------------------------------------------------------------

def git_day(path: Path) -> dt.date | None:
    """The file's last commit day; None outside git or in a shallow clone (dates unreliable)."""
    shallow = subprocess.run(["git", "rev-parse", "--is-shallow-repository"], cwd=path.parent, capture_output=True, text=True)
    if shallow.stdout.strip() == "true":
        return None
    out = subprocess.run(["git", "log", "-1", "--format=%cs", "--", path.name], cwd=path.parent, capture_output=True, text=True)
    return dt.date.fromisoformat(out.stdout.strip()) if out.returncode == 0 and out.stdout.strip() else None


def test_feeds_parse_and_list_the_plans(site, corpus):
    folder, base = site
    site_feed = feedparser.parse((folder / feeds.SITE_FEED).read_bytes())
    assert not site_feed.bozo, site_feed.get("bozo_exception")
    assert len(site_feed.entries) == min(len(corpus.plans), feeds.MAX_ENTRIES)
    by_link = {e.link: e for e in site_feed.entries}
    ids = [e.id for e in site_feed.entries]
    assert len(set(ids)) == len(ids)
    for plan in corpus.plans:
        entry = by_link[base + plan.url]
        assert entry.id == base + plan.url
        assert plan.school.name in entry.title and plan.year in entry.title
        expected_day = git_day(plan.path) or plan.meta.ngay_ban_hanh or dt.date(plan.first_year, 9, 5)
        assert dt.date(*entry.updated_parsed[:3]) <= expected_day  # UTC date of 00:00 +07:00
        assert entry.updated.startswith(expected_day.isoformat())
        assert fetch(entry.link)[0] == 200
    updated = [e.updated for e in site_feed.entries]
    assert updated == sorted(updated, reverse=True)
    for school in corpus.schools.values():
        if not school.plans:
            continue
        d = feedparser.parse((folder / feeds.school_feed_path(school.slug)).read_bytes())
        assert not d.bozo and len(d.entries) == len(school.plans)
        assert {e.link for e in d.entries} == {base + p.url for p in school.plans}
    provinces = {s.profile.tinh_thanh for s in corpus.schools.values() if s.profile.tinh_thanh and s.plans}
    for province in provinces:
        d = feedparser.parse((folder / feeds.province_feed_path(province)).read_bytes())
        want = {base + p.url for p in corpus.plans if p.school.profile.tinh_thanh == province}
        assert not d.bozo and {e.link for e in d.entries} == want


def test_feeds_without_site_url_use_tag_ids_and_relative_links(corpus):
    dates = {plan.path.resolve(): dates_.last_updated(plan, dates_.plan_dates(corpus)) for plan in corpus.plans}
    out = feeds.feeds(corpus, dates, site_url=None, repo_url="https://github.com/org/repo", site_name="X")
    base = "https://example.org/sub/"
    d = feedparser.parse(out[feeds.SITE_FEED], response_headers={"content-location": base + feeds.SITE_FEED, "content-type": "application/atom+xml"})
    assert not d.bozo
    plan = corpus.plans[0]
    entry = next(e for e in d.entries if e.link == base + plan.url)
    assert entry.id == f"tag:github.com,2018:org/repo/{plan.url}"


def test_pages_announce_their_feeds(site, corpus):
    folder, base = site
    plan = corpus.plans[0]
    page = base + plan.url
    html = (folder / plan.url / "index.html").read_text("utf-8")
    feeds_linked = re.findall(r'<link rel="alternate" type="application/atom\+xml"[^>]*href="([^"]+)"', html)
    urls = {urljoin(page, h) for h in feeds_linked}
    assert base + feeds.SITE_FEED in urls
    assert base + feeds.school_feed_path(plan.school.slug) in urls
    for url in urls:
        assert b"<feed" in fetch(url)[1][:2000]


# --- embeds -------------------------------------------------------------------------------------

def school_with_history(corpus):
    return max(corpus.schools.values(), key=lambda s: (len(s.plans), sum(len(p.rows) for p in s.plans)))


def snippet_from_school_page(folder: Path, school) -> tuple[str, str]:
    html = (folder / school.url / "index.html").read_text("utf-8")
    areas = parse_links(html).textareas
    frame = next((v for k, v in areas.items() if k.startswith("ck-embed-iframe")), None)
    link = next((v for k, v in areas.items() if k.startswith("ck-embed-link")), None)
    assert frame and link, "the school page does not include partials/ck-embed-box.html"
    return frame, link


def test_embed_snippet_renders_resizes_and_links_from_another_origin(site, corpus, browser, serve, tmp_path):
    folder, base = site
    school = school_with_history(corpus)
    plan = school.plans[0]
    snippet, link_snippet = snippet_from_school_page(folder, school)
    assert f'src="{base}nhung/{school.slug}/"' in snippet
    assert f'href="{base}truong/{school.slug}/"' in link_snippet
    host_dir = tmp_path / "host"
    host_dir.mkdir()
    (host_dir / "index.html").write_text(
        '<!doctype html><html lang="vi"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1"><title>Cổng thông tin</title></head>'
        f"<body><h1>Website của trường</h1><p>Kế hoạch của nhà trường:</p>{snippet}<p id='after'>Chân trang</p>"
        f"<p>{link_snippet}</p></body></html>",
        "utf-8",
    )
    host = serve(host_dir)
    page = browser.new_page(viewport={"width": 320, "height": 640})
    page.goto(host)
    iframe = page.locator("iframe[data-congkhai]")
    frame = page.frame_locator("iframe[data-congkhai]")
    frame.locator("h1").wait_for()
    content = page.frames[1]
    assert urlparse(content.url).port != urlparse(page.url).port  # really another origin
    assert content.evaluate("document.documentElement.lang") == "vi"
    assert plan.year in frame.locator("h1").inner_text()
    # Resized to its content: the frame's height is the embedded page's height.
    page.wait_for_function(
        "() => { const f = document.querySelector('iframe[data-congkhai]'); return f.style.height && f.style.height !== '640px'; }"
    )
    def heights():
        return iframe.evaluate("f => f.getBoundingClientRect().height"), content.evaluate("Math.ceil(document.body.getBoundingClientRect().height)")
    frame_h, body_h = heights()
    assert abs(frame_h - body_h) <= 2
    # Fits 320 px: no horizontal scrolling inside the frame nor on the host page.
    assert content.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    assert page.evaluate("document.documentElement.scrollWidth <= 320")
    # Opening a row's solutions makes the content taller: the frame follows.
    before = frame_h
    frame.locator("details summary").first.click()
    page.wait_for_function(
        "h => document.querySelector('iframe[data-congkhai]').getBoundingClientRect().height > h", arg=before
    )
    frame_h, body_h = heights()
    assert abs(frame_h - body_h) <= 2
    # A forged message from the host page itself is ignored.
    page.evaluate("window.postMessage({type: 'congkhai:embed-height', height: 5}, '*')")
    page.wait_for_timeout(100)
    assert heights()[0] == frame_h
    # Links open in the top window and point back to the full plan, print view and PDF.
    hrefs = content.evaluate(
        "[...document.querySelectorAll('a')].map(a => [a.href, a.target || document.querySelector('base')?.target])"
    )
    assert all(t == "_top" for _, t in hrefs)
    urls = {h for h, _ in hrefs}
    assert base + plan.url in urls
    assert base + plan.url + "in/" in urls
    assert base + f"{plan.url}{school.slug}-{plan.year}.pdf" in urls
    for older in school.plans[1:]:
        assert base + older.url in urls
    frame.get_by_role("link", name="Xem toàn văn").click()
    page.wait_for_url(base + plan.url)
    assert page.evaluate("window.top === window")
    page.close()
    # The host's script arriving after the frame has loaded still sizes it (hello handshake).
    late = tmp_path / "host" / "late.html"
    late.write_text((host_dir / "index.html").read_text("utf-8").replace(snippet.split("\n")[1], ""), "utf-8")
    page = browser.new_page(viewport={"width": 320, "height": 640})
    page.goto(host + "late.html")
    page.frame_locator("iframe[data-congkhai]").locator("h1").wait_for()
    page.wait_for_load_state("load")
    assert page.evaluate("document.querySelector('iframe[data-congkhai]').style.height") == "640px"
    page.add_script_tag(url=f"{base}assets/javascripts/embed-resize.js")
    page.wait_for_function("() => document.querySelector('iframe[data-congkhai]').style.height !== '640px'")
    page.close()


def test_embed_box_makes_snippets_absolute_without_site_url(browser, serve, tmp_path):
    folder = tmp_path / "site"
    result = run_cli("build", "-d", str(folder), "--no-pdf", "--url", "")
    assert result.returncode == 0, result.stderr[-3000:]
    corpus, _ = load_corpus(PLANS)
    school = school_with_history(corpus)
    snippet_from_school_page(folder, school)  # the box is there
    base = serve(folder)
    page = browser.new_page(viewport={"width": 320, "height": 640})
    page.goto(base + school.url)
    value = page.locator("textarea[id^=ck-embed-iframe]").input_value()
    assert f'src="{base}nhung/{school.slug}/"' in value
    assert f'src="{base}assets/javascripts/embed-resize.js"' in value
    assert fetch(base + "assets/javascripts/embed-resize.js")[0] == 200
    link = page.locator("textarea[id^=ck-embed-link]").input_value()
    assert f'href="{base}truong/{school.slug}/"' in link
    page.close()


def test_embed_pages_are_standalone_and_vietnamese(site, corpus):
    folder, _ = site
    for school in corpus.schools.values():
        html = (folder / "nhung" / school.slug / "index.html").read_text("utf-8")
        assert '<html lang="vi"' in html[:300]
        assert "md-header" not in html and "md-nav" not in html  # no site chrome
        assert 'name="robots" content="noindex"' in html


# --- single-school build ------------------------------------------------------------------------

def test_single_school_build_is_self_contained_and_searchable(corpus, browser, serve, tmp_path):
    school = school_with_history(corpus)
    others = [s for s in corpus.schools.values() if s.slug != school.slug]
    out = tmp_path / "pub" / school.slug
    result = run_cli("build-school", school.slug, "-o", str(out), "--no-pdf", "--zip")
    assert result.returncode == 0, result.stderr[-3000:]
    with zipfile.ZipFile(tmp_path / "pub" / f"{school.slug}.zip") as archive:
        names = set(archive.namelist())
    assert f"{school.slug}/index.html" in names and f"{school.slug}/{school.plans[0].url}index.html" in names
    # Only this school's plans.
    assert sorted(p.name for p in (out / "truong").iterdir() if p.is_dir()) == [school.slug]
    assert sorted(p.name for p in (out / school.url).iterdir() if p.is_dir()) == sorted(p.year for p in school.plans)
    _, rows = read_csv(out / "du-lieu/cai-tien.csv")
    assert {r["ma_truong"] for r in rows} == {school.slug}
    pages = list(out.rglob("*.html"))
    hrefs_everywhere = [ref for p in pages for _, ref in parse_links(p.read_text("utf-8")).refs]
    for other in others:
        assert not (out / "nhung" / other.slug).exists()
        assert not any(f"truong/{other.slug}/" in ref for ref in hrefs_everywhere), other.slug
    # Internal links work when served from a sub-folder (relative links only).
    base = f"{serve(out.parent)}{school.slug}/"
    broken = []
    # 404.html is served at any address, so MkDocs writes root-absolute links there.
    for p in (p for p in pages if p.name != "404.html"):
        page_url = base + p.relative_to(out).as_posix()
        for tag, ref in parse_links(p.read_text("utf-8")).refs:
            target = urlparse(urljoin(page_url, ref))
            if target.scheme not in ("http", "https") or target.netloc != urlparse(base).netloc:
                continue
            if not target.path.startswith(urlparse(base).path):
                broken.append(f"{p.relative_to(out)} -> {ref} (leaves the folder)")
                continue
            local = out / unquote(target.path[len(urlparse(base).path):])
            if target.path.endswith("/") or local.is_dir():
                local = local / "index.html"
            if not local.exists() and not local.name.endswith(".pdf"):
                broken.append(f"{p.relative_to(out)} -> {ref}")
    assert not broken, broken[:10]
    assert fetch(base + school.plans[0].url)[0] == 200
    # Search finds this school's plan and links inside the folder.
    page = browser.new_page()
    page.goto(f"{base}tim-kiem/?q=" + urllib.request.quote(school.name))
    results = page.locator("[data-ck-results] a[href]")
    results.first.wait_for(timeout=15000)
    hrefs = results.evaluate_all("as => as.map(a => a.href)")
    assert hrefs and all(h.startswith(base) for h in hrefs), hrefs[:5]
    assert any(f"truong/{school.slug}/" in h for h in hrefs)
    status, _ = fetch(hrefs[0].split("#")[0])
    assert status == 200
    page.close()


def test_single_school_build_names_an_unknown_school(tmp_path):
    result = run_cli("build-school", "khong-co-truong-nay", "-o", str(tmp_path / "out"), "--no-pdf")
    assert result.returncode != 0
    assert "khong-co-truong-nay" in result.stderr and "Traceback" not in result.stderr


def test_embed_and_budget_pages_pass_axe(site, corpus, browser):
    axe = AXE
    if not axe.exists():
        pytest.skip("axe-core not installed (scripts/setup --test)")
    _, base = site
    district = places.districts(corpus)[0]
    school = school_with_history(corpus)
    # The embed page is ours entirely; on the budget pages, our part of the page.
    for path, context in ((f"nhung/{school.slug}/", "document"), ("duyet/kinh-phi/", ".ck-kinh-phi"), (district.url, ".ck-kinh-phi")):
        page = browser.new_page(viewport={"width": 320, "height": 800})
        page.goto(base + path)
        page.add_script_tag(path=str(axe))
        if context != "document":
            assert page.locator(context).count() == 1
        ctx = "document" if context == "document" else f"document.querySelector('{context}')"
        violations = page.evaluate(f"async () => (await axe.run({ctx})).violations.map(v => v.id + ': ' + v.nodes[0].target.join(' '))")
        assert not violations, (path, violations)
        page.close()


def test_single_school_build_never_empties_a_folder_of_other_files(corpus, tmp_path):
    keep = tmp_path / "tai-lieu"
    keep.mkdir()
    (keep / "quan-trong.docx").write_bytes(b"x")
    result = run_cli("build-school", next(iter(corpus.schools)), "-o", str(keep), "--no-pdf")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert (keep / "quan-trong.docx").exists()


def test_improvement_csv_has_a_column_for_every_row_field():
    """The open data must not drop any field an editor can write in a row."""
    from congkhai.core.model import Row

    columns = {name for name, _ in exports.IMPROVEMENT_COLUMNS}
    assert set(Row.model_fields) <= columns, set(Row.model_fields) - columns
