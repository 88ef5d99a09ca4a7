"""Where schools are: grouped by the current province (facts/regions.py), then by the district
the profile writes (kept visible as written, though districts no longer exist since July 2025)."""

from __future__ import annotations

from dataclasses import dataclass, field

from congkhai.core.model import Corpus, Plan, SchoolRecord
from congkhai.core.text import slugify, vn_key
from congkhai.facts.budgets import SourceTotal, plan_totals, totals
from congkhai.facts.regions import region

UNKNOWN_PLACE = "Chưa ghi"
"""The name of a province or district a profile leaves empty."""


def place_slug(name: str) -> str:
    """URL segment of a place; "khac" when the name has no letter or digit."""
    return slugify(name) or "khac"


def province_url(name: str) -> str:
    """The browse page of a province's schools."""
    return f"duyet/dia-phuong/{place_slug(name)}/"


def place_of(school: SchoolRecord) -> str:
    """"Phường 16, Gò Vấp, TP. Hồ Chí Minh": the parts the profile gives, smallest first."""
    p = school.profile
    return ", ".join(x for x in (p.phuong_xa, p.quan_huyen, p.tinh_thanh) if x)


@dataclass
class YearBudget:
    year: str
    plans: list[tuple[Plan, list[SourceTotal]]]
    """Each plan with its own totals."""
    totals: list[SourceTotal]


@dataclass
class District:
    """A district (quận/huyện) of a province with the plans of its schools."""

    province: str
    name: str
    schools: list[SchoolRecord] = field(default_factory=list)

    @property
    def slug(self) -> str:
        return f"{place_slug(self.province)}/{place_slug(self.name)}"

    @property
    def url(self) -> str:
        return f"duyet/kinh-phi/{self.slug}/"

    @property
    def plans(self) -> list[Plan]:
        return [p for s in self.schools for p in s.plans]

    @property
    def totals(self) -> list[SourceTotal]:
        return totals(row for plan in self.plans for row in plan.rows)

    @property
    def years(self) -> list[YearBudget]:
        """Totals of each school year, newest first: adding up different years hides trends."""
        by_year: dict[str, list[Plan]] = {}
        for plan in self.plans:
            by_year.setdefault(plan.year, []).append(plan)
        return [
            YearBudget(
                year,
                [(p, plan_totals(p)) for p in sorted(ps, key=lambda p: vn_key(p.school.name))],
                totals(r for p in ps for r in p.rows),
            )
            for year, ps in sorted(by_year.items(), reverse=True)
        ]


def current_province(school: SchoolRecord) -> str:
    """The province a school is grouped under today ("Tiền Giang" -> "Đồng Tháp")."""
    return region(school).province or UNKNOWN_PLACE


def districts(corpus: Corpus) -> list[District]:
    """Every district (as written) that has a school, grouped by current province, in Vietnamese
    alphabetical order; a profile written after the reform (no district) is grouped by its current
    commune where known. The schools of one place slug share one group whatever their spelling."""
    found: dict[tuple[str, str], District] = {}
    for school in corpus.schools.values():
        province = current_province(school)
        name = school.profile.quan_huyen or region(school).commune or UNKNOWN_PLACE
        key = (place_slug(province), place_slug(name))
        found.setdefault(key, District(province, name)).schools.append(school)
    unknown_last = lambda d: (d.province == UNKNOWN_PLACE, vn_key(d.province), d.name == UNKNOWN_PLACE, vn_key(d.name))
    return sorted(found.values(), key=unknown_last)
