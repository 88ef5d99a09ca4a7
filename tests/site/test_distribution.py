"""Distribution in a built site: the CSV/JSON files, Atom feeds, embed pages and single-school builds
of plans/, built once for the module with site_url set to the local server that serves it, so
feeds and snippets carry absolute addresses."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
from pathlib import Path
from urllib.parse import urljoin

import feedparser
from support.distribution_fixtures import (  # noqa: F401 - fixtures
    HOA_MI,
    ROOT,
    corpus,
    fetch,
    parse_links,
    read_csv,
    site,
)

from congkhai.core.model import PlanMeta
from congkhai.facts import dates as dates_
from congkhai.facts import places
from congkhai.outputs import exports, feeds


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
        assert not list((folder / school.url).glob("*/ke-hoach.json"))  # one file per school
        for plan, record in zip(school.plans, data["ke_hoach"]):
            assert PlanMeta.model_validate(record["ke_hoach"]) == plan.meta
            assert record["van_ban"] == plan.body
            assert [t["ma"] for t in record["tieu_chi"]] == [r.tieu_chi for r in plan.rows]
            assert record["url"] == base + plan.url
    index = json.loads((folder / "du-lieu/ke-hoach.json").read_text("utf-8"))
    assert index["giay_phep"] == "CC BY 4.0"
    assert index["so_ke_hoach"] == len(index["ke_hoach"]) == len(corpus.plans)
    assert {(e["ma_truong"], e["nam_hoc"]) for e in index["ke_hoach"]} == {(p.school.slug, p.year) for p in corpus.plans}
    for entry in index["ke_hoach"]:
        # The index only points at the records in the school files (they are not copied into it).
        assert set(entry) == {"ma_truong", "nam_hoc", "json"}
        assert entry["json"].endswith("/truong.json#" + entry["nam_hoc"])
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
    # Province feeds follow the current province: a school written under Tiền Giang is in Đồng Tháp's.
    provinces = {places.current_province(s) for s in corpus.schools.values() if s.profile.tinh_thanh and s.plans}
    for province in provinces:
        d = feedparser.parse((folder / feeds.province_feed_path(province)).read_bytes())
        want = {base + p.url for p in corpus.plans if places.current_province(p.school) == province}
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
    feeds_linked = re.findall(r'<link rel="alternate feed" type="application/atom\+xml"[^>]*href="([^"]+)"', html)
    urls = {urljoin(page, h) for h in feeds_linked}
    assert base + feeds.SITE_FEED in urls
    assert base + feeds.school_feed_path(plan.school.slug) in urls
    for url in urls:
        assert b"<feed" in fetch(url)[1][:2000]


def test_embed_pages_are_standalone_and_vietnamese(site, corpus):
    folder, _ = site
    for school in corpus.schools.values():
        html = (folder / "nhung" / school.slug / "index.html").read_text("utf-8")
        assert '<html lang="vi"' in html[:300]
        assert "md-header" not in html and "md-nav" not in html  # no site chrome
        assert 'name="robots" content="noindex"' in html

