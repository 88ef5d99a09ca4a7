"""What a Sở or a Phòng supervises (Thông tư 18/2018, Điều 41–43): for the current school year,
which schools have published a plan and which have not, how far the rows got at each checkpoint,
the criteria most often weak and the budgets by funding source.

An area is the whole country, a current province (the Sở) or a district as profiles write it (the
Phòng, where one exists). Charts and CSV files read the same `Chart` objects as the tables, so a
bar and its table cell can never disagree.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from congkhai.core import catalog
from congkhai.core.model import Plan, SchoolRecord
from congkhai.core.text import vn_key, vnd
from congkhai.facts import progress
from congkhai.facts.budgets import totals
from congkhai.facts.places import UNKNOWN_PLACE, current_province, place_of, place_slug
from congkhai.facts.regions import region

PUBLISHED, NOT_PUBLISHED = "Đã công khai", "Chưa công khai"
WEAK_SHOWN = 10
"""Criteria on the «most often weak» chart; the CSV has them all."""


def oversight_url(province: str | None = None, district: str | None = None) -> str:
    """/giam-sat/, /giam-sat/<tỉnh>/ (Sở) or /giam-sat/<tỉnh>/<huyện>/ (Phòng)."""
    parts = ["giam-sat"] + [place_slug(x) for x in (province, district) if x]
    return "/".join(parts) + "/"


@dataclass(frozen=True)
class Bar:
    label: str
    """Short, for the chart (the table has the full name)."""
    value: int
    text: str
    """The value as read: "3", "294.157.000 đ"."""
    name: str = ""
    """Full name for the table; the label when empty."""
    url: str | None = None

    @property
    def full(self) -> str:
        return self.name or self.label


@dataclass(frozen=True)
class Chart:
    key: str
    """Its id on the page and its section in the CSV."""
    title: str
    heading: str
    """Column heading of the values in the table beside it."""
    bars: tuple[Bar, ...]

    @property
    def top(self) -> int:
        return max((b.value for b in self.bars), default=0)


@dataclass
class SchoolLine:
    """A school of the area and its plan of the current year, if published."""

    school: SchoolRecord
    plan: Plan | None

    @property
    def published(self) -> bool:
        return self.plan is not None

    @property
    def state(self) -> str:
        return PUBLISHED if self.plan else NOT_PUBLISHED

    @property
    def district(self) -> str:
        return self.school.profile.quan_huyen or ""

    @property
    def province(self) -> str:
        """The current province ("Đồng Tháp" for a profile that writes Tiền Giang)."""
        return current_province(self.school)

    @property
    def written(self) -> str:
        """The address as the profile writes it (old names kept)."""
        return place_of(self.school)

    @property
    def commune(self) -> str:
        return region(self.school).commune or ""

    @property
    def done(self) -> int:
        return progress.completed(self.plan) if self.plan else 0


@dataclass
class Area:
    """One oversight page: the schools of an area and the numbers of the current school year."""

    year: str
    province: str | None = None
    district: str | None = None
    lines: list[SchoolLine] = field(default_factory=list)
    children: list[tuple[str, str, int, int]] = field(default_factory=list)
    """Sub-areas: (name, url, schools, not published)."""

    @property
    def url(self) -> str:
        return oversight_url(self.province, self.district)

    @property
    def province_url(self) -> str:
        return oversight_url(self.province)

    @property
    def name(self) -> str:
        if self.district:
            return f"{self.district}, {self.province_label}"
        return self.province_label if self.province else "Cả nước"

    @property
    def province_label(self) -> str:
        return "Chưa ghi tỉnh, thành phố" if self.province == UNKNOWN_PLACE else (self.province or "")

    @property
    def office(self) -> str:
        """Who supervises: the Sở of a province, the Phòng of a district."""
        if self.district:
            return f"Phòng Giáo dục và Đào tạo {self.district} (cũ)"
        return f"Sở Giáo dục và Đào tạo {self.province_label}" if self.province else "các sở giáo dục và đào tạo"

    @property
    def plans(self) -> list[Plan]:
        return [line.plan for line in self.lines if line.plan]

    @property
    def missing(self) -> list[SchoolLine]:
        return [line for line in self.lines if not line.published]

    @property
    def published(self) -> list[SchoolLine]:
        return [line for line in self.lines if line.published]

    @property
    def rows(self) -> list:
        return [r for p in self.plans for r in p.rows]

    def publication_chart(self) -> Chart:
        bars = (Bar(PUBLISHED, len(self.published), str(len(self.published))),
                Bar(NOT_PUBLISHED, len(self.missing), str(len(self.missing))))
        return Chart("cong-khai", f"Công khai kế hoạch năm học {self.year}", "Số trường", bars)

    def checkpoints(self) -> list[progress.CheckpointCount]:
        return progress.checkpoint_counts(self.rows)

    def completion_chart(self) -> Chart:
        """Rows completed at each checkpoint (the table beside it has every level)."""
        bars = tuple(
            Bar(c.name, c.done, str(c.done), name=f"{c.name}: hoàn thành {c.done}/{c.total} tiêu chí")
            for c in self.checkpoints()
        )
        return Chart("hoan-thanh", "Số tiêu chí hoàn thành theo mốc", "Tiêu chí hoàn thành", bars)

    def status_chart(self) -> Chart:
        bars = tuple(Bar(c.label, c.count, str(c.count)) for c in progress.level_counts(self.rows))
        return Chart("muc-do", "Mức độ thực hiện hiện nay", "Tiêu chí", bars)

    def weak_chart(self, limit: int | None = WEAK_SHOWN) -> Chart:
        counts: Counter = Counter()
        for plan in self.plans:
            for cid in {r.tieu_chi for r in plan.rows}:
                counts[(catalog.of(plan).key, cid)] += 1
        bars = []
        for (key, cid), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]:
            circ = catalog.circular(key)
            crit = circ.criterion(cid)
            label = f"{crit.label if crit else 'Tiêu chí ' + cid} (TT {circ.code})"
            bars.append(Bar(label, n, str(n), name=f"{label}: {crit.title}" if crit else label, url=circ.criterion_url(cid)))
        return Chart("tieu-chi", "Tiêu chí được nêu là điểm yếu nhiều nhất", "Số kế hoạch", tuple(bars))

    def budget_chart(self) -> Chart:
        bars = tuple(Bar(t.source, t.amount, vnd(t.amount)) for t in totals(self.rows) if t.amount)
        return Chart("kinh-phi", "Kinh phí dự kiến theo nguồn", "Số tiền", bars)

    def charts(self) -> list[Chart]:
        return [self.publication_chart(), self.status_chart(), self.completion_chart(), self.weak_chart(), self.budget_chart()]


def _line(school: SchoolRecord, year: str) -> SchoolLine:
    return SchoolLine(school, next((p for p in school.plans if p.year == year), None))


def _ordered(lines: list[SchoolLine]) -> list[SchoolLine]:
    """Not yet published first (what a supervisor acts on), then by name in Vietnamese order."""
    return sorted(lines, key=lambda line: (line.published, vn_key(line.school.name), line.school.slug))


def areas(schools: list[SchoolRecord], year: str) -> list[Area]:
    """The country, each current province, and each district as written within it."""
    provinces: dict[str, list[SchoolRecord]] = {}
    for school in schools:
        provinces.setdefault(current_province(school), []).append(school)
    country = Area(year, lines=_ordered([_line(s, year) for s in schools]))
    out = [country]
    for province in sorted(provinces, key=lambda p: (p == UNKNOWN_PLACE, vn_key(p))):
        mine = provinces[province]
        area = Area(year, province, lines=_ordered([_line(s, year) for s in mine]))
        districts: dict[str, list[SchoolRecord]] = {}
        for school in mine:
            if school.profile.quan_huyen:
                districts.setdefault(place_slug(school.profile.quan_huyen), []).append(school)
        subs = []
        for group in sorted(districts.values(), key=lambda g: vn_key(g[0].profile.quan_huyen)):
            sub = Area(year, province, group[0].profile.quan_huyen, lines=_ordered([_line(s, year) for s in group]))
            area.children.append((sub.district, sub.url, len(sub.lines), len(sub.missing)))
            subs.append(sub)
        country.children.append((area.name, area.url, len(area.lines), len(area.missing)))
        out.append(area)
        out.extend(subs)
    return out
