"""Ways in for a parent who knows the school, the year, the level or the place, and the home page.

/duyet/ (docs/duyet/index.md) and the home page (docs/index.md) are hand-written pages whose
templates call `view("browse")` and `view("home")`; the lists behind them are generated here:
/duyet/nam-hoc/<year>/, /duyet/cap-hoc/<level>/ and /duyet/dia-phuong/<tỉnh>/<huyện>/, each split
into pages of PER_PAGE entries.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from congkhai.core import catalog
from congkhai.core.model import Corpus, Level, Plan, SchoolRecord
from congkhai.core.text import fold, vn_key
from congkhai.facts.context import BuildContext
from congkhai.facts.places import UNKNOWN_PLACE, District, current_province, districts, place_slug, province_url
from congkhai.pages.paging import paginate
from congkhai.pages.spec import PageSpec

PER_PAGE = 100
LATEST = 10


@dataclass(frozen=True)
class Link:
    label: str
    url: str  # relative to the site root
    count: int = 0


@dataclass
class Province:
    name: str
    districts: list[District] = field(default_factory=list)

    @property
    def label(self) -> str:
        return "Chưa ghi tỉnh, thành phố" if self.name == UNKNOWN_PLACE else self.name

    @property
    def district_links(self) -> list[Link]:
        return [
            Link("Chưa ghi quận, huyện" if d.name == UNKNOWN_PLACE else d.name, district_url(d), len(d.schools))
            for d in self.districts
        ]

    @property
    def slug(self) -> str:
        return place_slug(self.name)

    @property
    def url(self) -> str:
        return province_url(self.name)

    @property
    def schools(self) -> int:
        return sum(len(d.schools) for d in self.districts)


def district_url(district: District) -> str:
    return f"duyet/dia-phuong/{district.slug}/"


def provinces(corpus: Corpus) -> list[Province]:
    """Current provinces in Vietnamese alphabetical order, each with its districts as written."""
    found: dict[str, Province] = {}
    for d in districts(corpus):  # already in order
        found.setdefault(place_slug(d.province), Province(d.province)).districts.append(d)
    return list(found.values())


def school_years(corpus: Corpus) -> list[Link]:
    """Every school year with plans, newest first."""
    counts: dict[str, int] = {}
    for plan in corpus.plans:
        counts[plan.year] = counts.get(plan.year, 0) + 1
    return [Link(f"Năm học {y}", f"duyet/nam-hoc/{y}/", n) for y, n in sorted(counts.items(), reverse=True)]


def levels(corpus: Corpus) -> list[Link]:
    """The levels some school has, with how many: a level with none would link to an empty page."""
    counts = {level: 0 for level in Level}
    for school in corpus.schools.values():
        counts[school.profile.cap_hoc] += 1
    return [Link(level.label, f"duyet/cap-hoc/{level.value}/", n) for level, n in counts.items() if n]


def by_place(plans: list[Plan]) -> list[Plan]:
    """Current province, district as written, school name: the order of an education office's list."""
    return sorted(
        plans,
        key=lambda p: (
            current_province(p.school) == UNKNOWN_PLACE,
            vn_key(current_province(p.school)),
            p.school.profile.quan_huyen is None,
            vn_key(p.school.profile.quan_huyen or ""),
            vn_key(p.school.name),
        ),
    )


def schools_by_name(schools: list[SchoolRecord]) -> list[SchoolRecord]:
    """Vietnamese alphabetical order: Anh < Ăn < Âu < Dương < Đông."""
    return sorted(schools, key=lambda s: (vn_key(s.name), s.slug))


def latest_plans(corpus: Corpus, n: int = LATEST) -> list[Plan]:
    """The most recent plans: newest school year, then latest date of issue."""
    return sorted(
        corpus.plans,
        key=lambda p: (p.first_year, p.meta.ngay_ban_hanh.toordinal() if p.meta.ngay_ban_hanh else 0, fold(p.school.name)),
        reverse=True,
    )[:n]


def home_view(corpus: Corpus) -> dict:
    plans = corpus.plans
    addressed = {(catalog.of(p).key, r.tieu_chi) for p in plans for r in p.rows}
    return {
        "schools": len(corpus.schools),
        "plans": len(plans),
        "rows": sum(len(p.rows) for p in plans),
        "criteria": len(addressed),
        "latest": latest_plans(corpus),
        "years": school_years(corpus),
        "levels": levels(corpus),
        "provinces": provinces(corpus),
        "circulars": list(catalog.circulars().values()),
    }


def browse_view(corpus: Corpus) -> dict:
    return {
        "years": school_years(corpus),
        "levels": levels(corpus),
        "provinces": provinces(corpus),
        "schools": len(corpus.schools),
    }


def browse_pages(ctx: BuildContext) -> Iterator[PageSpec]:
    corpus = ctx.corpus
    by_year: dict[str, list[Plan]] = {}
    for plan in corpus.plans:
        by_year.setdefault(plan.year, []).append(plan)
    for year, plans in sorted(by_year.items()):
        for pager, chunk in paginate(by_place(plans), f"duyet/nam-hoc/{year}/", PER_PAGE):
            yield _listing(pager, f"Kế hoạch năm học {year}", "browse-plans.html", {"plans": chunk, "year": year})
    for level in Level:
        schools = schools_by_name([s for s in corpus.schools.values() if s.profile.cap_hoc == level])
        if not schools:  # a level no school has gets no page, as it gets no link (search has no facet for it)
            continue
        for pager, chunk in paginate(schools, f"duyet/cap-hoc/{level.value}/", PER_PAGE):
            yield _listing(pager, f"Các trường {level.label if level.label.isupper() else level.label.lower()}", "browse-schools.html", {"schools": chunk, "level": level})
    all_provinces = provinces(corpus)
    yield PageSpec("duyet/dia-phuong/index.md", "Duyệt theo địa phương", "browse-places.html", {"provinces": all_provinces}, kind="browse", hide=("navigation", "toc"))
    for province in all_provinces:
        yield PageSpec(
            f"{province.url}index.md", f"Các trường ở {province.label}", "browse-places.html",
            {"provinces": [province], "province": province}, kind="browse", hide=("navigation", "toc"),
        )
        for district, link in zip(province.districts, province.district_links):
            for pager, chunk in paginate(schools_by_name(district.schools), link.url, PER_PAGE):
                yield _listing(
                    pager, f"Các trường ở {_district_label(district, province)}", "browse-schools.html",
                    {"schools": chunk, "district": district, "district_label": link.label, "province": province},
                )


def _district_label(district: District, province: Province) -> str:
    if district.name == UNKNOWN_PLACE:
        return f"{province.label} (chưa ghi quận, huyện)"
    return f"{district.name}, {province.label}"


def _listing(pager, title: str, template: str, context: dict) -> PageSpec:
    if pager.number > 1:
        title = f"{title} – trang {pager.number}"
    return PageSpec(pager.src_uri(), title, template, {**context, "pager": pager}, kind="browse", hide=("navigation", "toc"))
