"""Atom feeds of new and changed plans, so district offices and journalists can follow.

    du-lieu/ke-hoach.atom.xml     the whole site (newest first)
    du-lieu/tinh/<tỉnh>.xml       one province
    truong/<slug>/feed.xml        one school

Each plan is an entry, and so is each checkpoint at which some of its rows changed status
(facts/progress.py: "Cuối năm học: Tiêu chí 5.3: hoàn thành (trước đó: đang thực hiện); …"), dated
by the checkpoint, so followers see results too.

An entry's `updated` is the day of the plan file's last git commit (one `git log` for the whole
build, congkhai.gitlog); outside git, or for a file not yet committed, it falls back to the
plan's date of issue, then to the start of its school year. Ids never change with the content:
the page's absolute URL when site_url is set, else a tag: URI made from the repository address.
XML is written with ElementTree, which escapes everything it is given.
"""

from __future__ import annotations

import datetime as dt
import logging
import posixpath
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from congkhai.core import catalog
from congkhai.core.model import Corpus, Plan
from congkhai.core.text import vnd
from congkhai.facts import budgets as budget
from congkhai.facts import progress
from congkhai.facts.context import BuildContext
from congkhai.facts.places import current_province, place_slug, province_url

ATOM = "http://www.w3.org/2005/Atom"
SITE_FEED = "du-lieu/ke-hoach.atom.xml"
MAX_ENTRIES = 100  # site-wide and province feeds: readers only need the recent changes
VN_TIME = dt.timezone(dt.timedelta(hours=7))
TAG_DATE = "2018"  # the year of the circulars; part of every tag: id, so it never changes

ET.register_namespace("", ATOM)
log = logging.getLogger("mkdocs.congkhai")


def entry_time(plan: Plan, updated: dt.date | None) -> dt.datetime:
    """Atom needs a time for every entry: the plan's last update, else the start of its school year."""
    return dt.datetime.combine(updated or dt.date(plan.first_year, 9, 5), dt.time(), VN_TIME)


# --- feed model -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Entry:
    path: str
    """Site-root-relative page, e.g. truong/x/2024-2025/."""
    title: str
    updated: dt.datetime
    published: dt.datetime | None
    author: str
    summary: str
    categories: tuple[str, ...]
    link: str | None = None
    """The page the entry points to, when it is not `path` (a status change: the plan row)."""


def summary(plan: Plan) -> str:
    """Plain text: what the plan is about and how much money it asks for, from where."""
    circ = catalog.of(plan)
    crits = []
    for row in plan.rows:
        c = circ.criterion(row.tieu_chi)
        crits.append(f"{row.tieu_chi} {c.title}" if c else row.tieu_chi)
    parts = [
        f"Năm học {plan.year}, theo Thông tư {plan.meta.thong_tu}.",
        f"{len(plan.rows)} tiêu chí cần cải tiến: " + "; ".join(crits) + ".",
    ]
    totals = budget.plan_totals(plan)
    amount = budget.total_amount(totals)
    if amount:
        sources = "; ".join(f"{t.source} {vnd(t.amount)}" for t in totals if t.amount)
        parts.append(f"Kinh phí dự kiến {vnd(amount)} ({sources}).")
    return " ".join(parts)


def plan_entry(plan: Plan, updated: dt.date | None) -> Entry:
    """`updated`: the plan's one "last updated" date (facts/dates.py), None when unknown."""
    school = plan.school.profile
    when = entry_time(plan, updated)
    published = None
    if plan.meta.ngay_ban_hanh:
        published = dt.datetime.combine(plan.meta.ngay_ban_hanh, dt.time(), VN_TIME)
        if published > when:
            published = None
    return Entry(
        path=plan.url,
        title=plan.title,
        updated=when,
        published=published,
        author=school.ten,
        summary=summary(plan),
        categories=tuple(dict.fromkeys(x for x in (school.cap_hoc.label, school.quan_huyen, school.tinh_thanh) if x)),
    )


def checkpoint_entry(plan: Plan, name: str, changes: list[progress.Change], updated: dt.date | None) -> Entry:
    """The rows of a plan whose status changed at one checkpoint, as one entry dated by it."""
    days = [c.point.ngay for c in changes if c.point.ngay]
    when = dt.datetime.combine(max(days) if days else updated or dt.date(plan.first_year, 9, 5), dt.time(), VN_TIME)
    lines = []
    for c in changes:
        was = f" (trước đó: {c.before.label.lower()})" if c.before else ""
        lines.append(f"Tiêu chí {c.row.tieu_chi}: {c.point.muc_do.label.lower()}{was}")
    return Entry(
        path=f"{plan.url}#thuc-hien-{place_slug(name)}",
        link=plan.url,
        title=f"Kết quả thực hiện {name.lower()} – {plan.school.name}, năm học {plan.year}",
        updated=when,
        published=None,
        author=plan.school.profile.ten,
        summary=f"{name}: " + "; ".join(lines) + ".",
        categories=("Kết quả thực hiện",),
    )


def status_entries(plan: Plan, updated: dt.date | None) -> list[Entry]:
    """One entry per checkpoint at which some row of the plan changed status (facts/progress.py)."""
    by_point: dict[str, tuple[str, list[progress.Change]]] = {}
    for change in progress.changes(plan):
        name = change.point.moc
        by_point.setdefault(place_slug(name), (name, []))[1].append(change)
    return [checkpoint_entry(plan, name, changes, updated) for name, changes in by_point.values()]


def entry_id(path: str, site_url: str | None, repo_url: str | None) -> str:
    """Stable id: absolute URL when the site has one, else tag:<repository host>,2018:<repo>/<path>."""
    if site_url:
        return site_url.rstrip("/") + "/" + path
    repo = urlparse(repo_url or "")
    authority = repo.hostname or "localhost"
    prefix = repo.path.strip("/")
    return f"tag:{authority},{TAG_DATE}:{prefix + '/' if prefix else ''}{path}"


def href(path: str, feed_path: str, site_url: str | None) -> str:
    """A link from a feed: absolute with site_url, else relative to the feed file."""
    if site_url:
        return site_url.rstrip("/") + "/" + path
    rel = posixpath.relpath(path or ".", posixpath.dirname(feed_path) or ".")
    return rel + "/" if (not path or path.endswith("/")) and not rel.endswith("/") else rel


def _stamp(value: dt.datetime) -> str:
    return value.isoformat(timespec="seconds")


def feed_xml(
    entries: Iterable[Entry],
    *,
    title: str,
    feed_path: str,
    home_path: str,
    site_url: str | None,
    repo_url: str | None,
    site_name: str,
    limit: int | None = None,
) -> bytes:
    """An Atom 1.0 document, entries newest first (then by path, for stable output)."""
    items = sorted(entries, key=lambda e: (-e.updated.timestamp(), e.path))[:limit]
    feed = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": "vi"})
    ET.SubElement(feed, f"{{{ATOM}}}id").text = entry_id(feed_path, site_url, repo_url)
    ET.SubElement(feed, f"{{{ATOM}}}title").text = title
    ET.SubElement(feed, f"{{{ATOM}}}subtitle").text = site_name
    updated = max((e.updated for e in items), default=dt.datetime(2018, 8, 22, tzinfo=VN_TIME))
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = _stamp(updated)
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "self", "type": "application/atom+xml", "href": href(feed_path, feed_path, site_url)})
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "alternate", "type": "text/html", "href": href(home_path, feed_path, site_url)})
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    ET.SubElement(author, f"{{{ATOM}}}name").text = site_name
    ET.SubElement(feed, f"{{{ATOM}}}rights").text = "Dữ liệu theo giấy phép CC BY 4.0"
    ET.SubElement(feed, f"{{{ATOM}}}generator").text = "congkhai"
    for e in items:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        ET.SubElement(entry, f"{{{ATOM}}}id").text = entry_id(e.path, site_url, repo_url)
        ET.SubElement(entry, f"{{{ATOM}}}title").text = e.title
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = _stamp(e.updated)
        if e.published:
            ET.SubElement(entry, f"{{{ATOM}}}published").text = _stamp(e.published)
        ET.SubElement(entry, f"{{{ATOM}}}link", {"rel": "alternate", "type": "text/html", "href": href(e.link or e.path, feed_path, site_url)})
        a = ET.SubElement(entry, f"{{{ATOM}}}author")
        ET.SubElement(a, f"{{{ATOM}}}name").text = e.author
        for term in e.categories:
            ET.SubElement(entry, f"{{{ATOM}}}category", {"term": term})
        ET.SubElement(entry, f"{{{ATOM}}}summary", {"type": "text"}).text = e.summary
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def province_feed_path(province: str) -> str:
    return f"du-lieu/tinh/{place_slug(province)}.xml"


def school_feed_path(slug: str) -> str:
    return f"truong/{slug}/feed.xml"


def feeds(corpus: Corpus, dates: dict[Path, dt.date | None], *, site_url: str | None, repo_url: str | None, site_name: str) -> dict[str, bytes]:
    """Every feed of the site: {site-root-relative path: Atom bytes}. Feeds are never empty."""
    common = {"site_url": site_url, "repo_url": repo_url, "site_name": site_name}
    entries = {
        plan.path.resolve(): [plan_entry(plan, dates[plan.path.resolve()])]
        + status_entries(plan, dates[plan.path.resolve()])
        for plan in corpus.plans
    }
    out: dict[str, bytes] = {}
    if entries:
        out[SITE_FEED] = feed_xml([e for mine in entries.values() for e in mine], title="Kế hoạch cải tiến chất lượng giáo dục mới và cập nhật", feed_path=SITE_FEED, home_path="", limit=MAX_ENTRIES, **common)
    provinces: dict[str, tuple[str, list[Entry]]] = {}
    for school in corpus.schools.values():
        mine = [e for p in school.plans for e in entries[p.path.resolve()]]
        if not mine:
            continue
        out[school_feed_path(school.slug)] = feed_xml(mine, title=f"Kế hoạch cải tiến chất lượng giáo dục – {school.name}", feed_path=school_feed_path(school.slug), home_path=school.url, **common)
        if school.profile.tinh_thanh:  # grouped by the current province, like the browse pages
            province = current_province(school)
            path = province_feed_path(province)
            provinces.setdefault(path, (province, []))[1].extend(mine)
    for path, (name, mine) in provinces.items():
        out[path] = feed_xml(mine, title=f"Kế hoạch cải tiến chất lượng giáo dục – {name}", feed_path=path, home_path=province_url(name), limit=MAX_ENTRIES, **common)
    return out


def write_feeds(ctx: BuildContext) -> None:
    dates = {plan.path.resolve(): ctx.last_updated(plan) for plan in ctx.corpus.plans}
    for path, data in feeds(ctx.corpus, dates, site_url=ctx.site_url, repo_url=ctx.repo_url, site_name=ctx.site_name).items():
        target = ctx.site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
