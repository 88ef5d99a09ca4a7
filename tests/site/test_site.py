"""The public site as built files, from plans/ and from generated corpora: every field of every row
on its plan page, every plan on its school page, every row on its criterion page, every internal
link resolving. Expectations come from the model (congkhai.core.loader), never copied strings."""

from __future__ import annotations

import datetime as dt
import gzip
import re
import subprocess
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import lxml.html
from conftest import build_or_fail
from support.site_fixtures import PAGING, corpus, generated, norm  # noqa: F401 - fixtures

from congkhai.core import catalog
from congkhai.core.loader import load_corpus
from congkhai.core.model import Corpus, Plan, Row
from congkhai.core.text import vn_date
from congkhai.devtools import corpusgen
from congkhai.facts.places import districts

MAX_PLAN_PAGE = 100_000


def html_of(site: Path, url: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring((site / url / "index.html").read_bytes())


def xp(node, path: str) -> list:
    """XPath with a shorthand for classes: `//tr[.ck-repeat]` is a tr with class ck-repeat."""
    return node.xpath(re.sub(r"\[\.([\w-]+)\]", r"[contains(concat(' ', normalize-space(@class), ' '), ' \1 ')]", path))


def text_of(el) -> str:
    return norm(el.text_content())


def test_plan_page_under_100_kb(built_site, corpus):
    for plan in corpus.plans:
        size = (built_site / plan.url / "index.html").stat().st_size
        assert size < MAX_PLAN_PAGE, f"{plan.url}: {size} bytes"


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


def test_generated_site_links_resolve_and_without_git_a_plan_dates_from_its_issue(generated):
    site, corpus = generated
    assert broken_links(site) == []
    for plan in corpus.plans[:20]:
        shown = [t.get("datetime") for t in xp(html_of(site, plan.url), "//*[.ck-facts]//time")]
        issued = plan.meta.ngay_ban_hanh
        assert shown == ([issued.isoformat()] if issued else [])


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

