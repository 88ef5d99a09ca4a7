"""School pages: a school's profile, its plans by year and the criteria it keeps coming back to."""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from congkhai.core import catalog
from congkhai.core.catalog import Circular
from congkhai.core.model import Row, SchoolRecord
from congkhai.core.text import vn_key
from congkhai.facts import budgets, progress
from congkhai.facts.context import BuildContext
from congkhai.facts.places import place_of
from congkhai.facts.regions import region
from congkhai.pages.paging import paginate
from congkhai.pages.row_brief import RowBrief
from congkhai.pages.spec import PageSpec

SCHOOLS_PER_PAGE = 100

@dataclass(frozen=True)
class YearCell(RowBrief):
    """A criterion in one year's plan: what was weak, what was planned, how far it got."""

    url: str  # the plan row, site-root relative
    row: Row


@dataclass(frozen=True)
class CriterionHistory:
    """One criterion a school has planned to improve, and in which years."""

    circular: Circular
    criterion_id: str
    label: str
    title: str
    url: str
    years: dict[str, YearCell]  # school year -> the row of that year's plan, newest first
    recurring: bool = False
    """Weak in two or more consecutive plans."""

    @property
    def count(self) -> int:
        return len(self.years)


@dataclass(frozen=True)
class YearCount:
    """Measures (rows) of one year's plan and how many are completed."""

    year: str
    url: str
    rows: int
    done: int
    tracked: int  # rows with at least one checkpoint


@dataclass
class SchoolView:
    school: SchoolRecord
    profile: list[tuple[str, str, str | None]]  # label, value, link
    place: str
    years: list[str]
    history: list[CriterionHistory]
    totals: list[budgets.SourceTotal]
    completion: list[YearCount]

    @property
    def repeated(self) -> list[CriterionHistory]:
        """Criteria in more than one plan."""
        return [h for h in self.history if h.count > 1]

    @property
    def recurring(self) -> list[CriterionHistory]:
        """Criteria weak in two or more consecutive plans: the story a parent should read first."""
        return [h for h in self.history if h.recurring]


def _profile_items(school: SchoolRecord) -> list[tuple[str, str, str | None]]:
    p = school.profile
    items: list[tuple[str, str, str | None]] = [("Cấp học", p.cap_hoc.label, None)]
    if p.co_quan_chu_quan:
        items.append(("Cơ quan chủ quản", p.co_quan_chu_quan, None))
    place = place_of(school)
    address = p.dia_chi or place
    if p.dia_chi and place and place.lower() not in p.dia_chi.lower():
        address = f"{p.dia_chi}, {place}"
    if address:
        items.append(("Địa chỉ", address, None))
    now = region(school)
    current = ", ".join(x for x in (now.commune, now.province) if x)
    if now.mapped and current and now.province != p.tinh_thanh:
        items.append(("Địa bàn hiện nay (từ 1/7/2025)", current, None))
    if p.dien_thoai:
        items.append(("Điện thoại", p.dien_thoai, "tel:" + "".join(ch for ch in p.dien_thoai if ch.isdigit() or ch == "+")))
    if p.email:
        items.append(("Thư điện tử", p.email, "mailto:" + p.email))
    if p.website:
        items.append(("Trang web", p.website, p.website))
    return items


def criteria_history(school: SchoolRecord) -> list[CriterionHistory]:
    """Every criterion in the school's plans with the years it appears, recurring ones first."""
    seen: dict[tuple[str, str], dict[str, YearCell]] = defaultdict(dict)
    for plan in school.plans:
        for row in plan.rows:
            seen[(catalog.of(plan).key, row.tieu_chi)].setdefault(plan.year, YearCell(f"{plan.url}#{row.anchor}", row))
    again = progress.recurring(school)
    out = []
    for (key, cid), years in seen.items():
        circ = catalog.circular(key)
        crit = circ.criterion(cid)
        out.append(
            CriterionHistory(
                circular=circ,
                criterion_id=cid,
                label=crit.label if crit else f"Tiêu chí {cid}",
                title=crit.title if crit else "",
                url=circ.criterion_url(cid),
                years=dict(sorted(years.items(), reverse=True)),
                recurring=(key, cid) in again,
            )
        )
    return sorted(out, key=lambda h: (not h.recurring, -h.count, h.circular.code, criterion_order(h.criterion_id)))


def completion(school: SchoolRecord) -> list[YearCount]:
    """Measures completed in each year's plan, newest first."""
    return [
        YearCount(p.year, p.url, len(p.rows), progress.completed(p), sum(1 for r in p.rows if r.thuc_hien))
        for p in school.plans
    ]


def criterion_order(cid: str) -> tuple:
    """1.2 < 1.10 < M4.1: numeric within a standard, level-4 items last."""
    head, _, tail = cid.partition(".")
    return (head == "M4", int(head) if head.isdigit() else 0, int(tail) if tail.isdigit() else 0)


def school_view(school: SchoolRecord) -> SchoolView:
    return SchoolView(
        school=school,
        profile=_profile_items(school),
        place=place_of(school),
        years=[p.year for p in school.plans],
        history=criteria_history(school),
        totals=budgets.school_totals(school),
        completion=completion(school),
    )



def school_pages(ctx: BuildContext) -> Iterator[PageSpec]:
    """/truong/<slug>/ for each school, and /truong/ (paged) listing them all by name."""
    corpus = ctx.corpus
    for school in corpus.schools.values():
        yield PageSpec(
            src_uri=f"truong/{school.slug}/index.md",
            title=school.name,
            template="school.html",
            context={"school": school},
            lazy={"view": functools.partial(school_view, school)},
            kind="school",
            hide=("navigation", "toc"),
        )
    ordered = sorted(corpus.schools.values(), key=lambda s: (vn_key(s.name), s.slug))
    for pager, chunk in paginate(ordered, "truong/", SCHOOLS_PER_PAGE):
        title = "Các trường" if pager.number == 1 else f"Các trường – trang {pager.number}"
        yield PageSpec(
            pager.src_uri(), title, "schools.html", {"schools": list(chunk), "pager": pager}, kind="browse", hide=("navigation", "toc")
        )
