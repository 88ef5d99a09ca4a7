"""Search records: what a reader looks for (a plan with its rows, a school, a criterion), as data.

Pagefind could crawl the built HTML, but pages carry the national motto, headers, navigation and
repeated labels; those words are on every page and drown the ranking (*Cộng hòa xã hội chủ nghĩa*
matched `xã hội hóa` on every plan) and make the posting lists that a first query downloads
large. So the records are made here, from the model, with only the text that says something:
one per plan (its narrative, then a section per improvement row that Pagefind returns as a
sub-result linking to the row), one per school and one per criterion page.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from congkhai.core import catalog
from congkhai.core.fields import ROW_FIELDS, texts
from congkhai.core.model import Corpus, Plan, Row, SchoolRecord, SourceKind
from congkhai.outputs.search.text import indexed_content, strip_boilerplate

# Filter keys are also the query parameters of /tim-kiem/ (?q=...&nam_hoc=2023-2024).
FILTER_KEYS = ("loai", "cap_hoc", "nam_hoc", "tinh_thanh", "quan_huyen", "thong_tu", "tieu_chuan", "tieu_chi", "kinh_phi")

# --- Records -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Section:
    """One improvement row inside a plan's record: Pagefind returns it as a sub-result pointing
    at the row's anchor, so a search lists the rows that match, ranked within their plan."""

    anchor: str  # the row's id in the plan page ("tieu-chi-5-3")
    heading: str  # criterion id and name, searchable with a little more weight than the text
    text: str  # indexed text (see indexed_content)
    budget: bool  # the row plans an amount (the kinh_phi filter, applied per row in the browser)


@dataclass(frozen=True)
class Record:
    """One search result, given to Pagefind as HTML (overrides/search/record.html): a plan's
    rows become sections with their anchors, which Pagefind returns as sub-results."""

    url: str  # site-absolute ("/truong/x/2024-2025/"); Pagefind prefixes the base
    content: str  # indexed text (see indexed_content); for a plan, its narrative
    meta: dict[str, str] = field(default_factory=dict)  # title, truong: searchable, shown in results
    filters: dict[str, list[str]] = field(default_factory=dict)
    sections: tuple[Section, ...] = ()
    bundle: str = ""  # a plan's school year (which decides its bundle); "" for schools and criteria
    weight: float = 1.0  # scales the score of its words

    @property
    def path(self) -> str:
        """The built page this record points to, relative to the site folder."""
        return self.url.split("#")[0].lstrip("/")

    @property
    def words(self) -> int:
        return len(self.content.split()) + sum(len(s.heading.split()) + len(s.text.split()) for s in self.sections)


def _join(parts: Iterable[str | None]) -> str:
    """Sentences joined with a full stop, so Pagefind's excerpts read naturally."""
    out = []
    for p in parts:
        p = " ".join((p or "").split())
        if p:
            out.append(p if p[-1] in ".;:!?…" else p + ".")
    return " ".join(out)


_MD_NOISE = [
    (re.compile(r"<!--.*?-->", re.S), " "),
    (re.compile(r"<[^>]+>"), " "),
    (re.compile(r"!?\[([^\]]*)\]\([^)]*\)"), r"\1"),  # links and images keep their text
    (re.compile(r"^\s{0,3}(?:#{1,6}|>|[-*+]|\d+[.)])\s+", re.M), ""),  # headings, quotes, lists
    (re.compile(r"^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*$", re.M), " "),  # table rules
    (re.compile(r"[*_`|~]+"), " "),
]


def markdown_text(body: str) -> str:
    """The words of a Markdown body, without markup (a search index needs no HTML rendering)."""
    text = body
    for pattern, repl in _MD_NOISE:
        text = pattern.sub(repl, text)
    return " ".join(html.unescape(text).split())


def _school_filters(school: SchoolRecord) -> dict[str, list[str]]:
    p = school.profile
    filters = {"cap_hoc": [p.cap_hoc.value]}
    if p.tinh_thanh:
        filters["tinh_thanh"] = [p.tinh_thanh]
    if p.quan_huyen:
        filters["quan_huyen"] = [p.quan_huyen]
    return filters


def _criterion_title(plan: Plan, row: Row) -> str:
    official = catalog.of(plan).criterion(row.tieu_chi)
    return row.ten_tieu_chi or (official.title if official else "")


def _unaccented(plan: Plan) -> bool:
    return plan.meta.nguon_van_ban == SourceKind.OCR


def row_section(plan: Plan, row: Row) -> Section:
    """A row's words: every searchable field of the fields table, in its order."""
    text = _join(t for f in ROW_FIELDS if f.searchable for t in texts(row, f))
    return Section(anchor=row.anchor, heading=f"{row.tieu_chi} {_criterion_title(plan, row)}".strip(),
                   text=indexed_content(text, _unaccented(plan)), budget=row.has_budget)


def plan_record(plan: Plan) -> Record:
    """One record per plan: its filters are its rows' (the browser applies the row-level ones,
    criterion and budget, to the rows it lists); its own words (title, number, place, narrative, signer; not the
    document header with the motto), then one section per row. A record per row ranked rows
    better, but Pagefind keeps about 8 bytes per record in the metadata every first query
    downloads: 180,000 rows at 10,000 plans made that alone 1.3 MB."""
    m = plan.meta
    text = _join([m.tieu_de, m.so_hieu, m.dia_danh, strip_boilerplate(markdown_text(plan.body)), m.nguoi_ky])
    return Record(
        url=f"/{plan.url}",
        content=indexed_content(text, _unaccented(plan)),
        meta={"title": f"Năm học {plan.year}", "truong": plan.school.name, **({"nguon": "ocr"} if _unaccented(plan) else {})},
        filters={**_school_filters(plan.school), "loai": ["ke-hoach"], "nam_hoc": [plan.year],
                 "thong_tu": [m.thong_tu],
                 "tieu_chuan": sorted({r.standard for r in plan.rows}),
                 "tieu_chi": sorted({r.tieu_chi for r in plan.rows}),
                 "kinh_phi": sorted({"co" if r.has_budget else "khong" for r in plan.rows})},
        sections=tuple(row_section(plan, row) for row in plan.rows),
        bundle=plan.year,
    )


def school_record(school: SchoolRecord) -> Record:
    """Short on purpose: a school's name is its title, so searching the name ranks it first."""
    p = school.profile
    where = ", ".join(x for x in (p.phuong_xa, p.quan_huyen, p.tinh_thanh) if x)
    text = _join([school.name, p.ten_viet_tat, p.cap_hoc.label, where, p.dia_chi, p.co_quan_chu_quan])
    years = [plan.year for plan in school.plans]
    filters = {**_school_filters(school), "loai": ["truong"]}
    if years:
        filters["nam_hoc"] = years
        filters["thong_tu"] = sorted({plan.meta.thong_tu for plan in school.plans})
    return Record(url=f"/{school.url}", content=indexed_content(text), meta={"title": school.name},
                  filters=filters)


# Criterion pages are short and say the words of many queries (3.6 *Thư viện*); what plans say
# about a library should rank first, and a criterion's page is first when its id is typed.
CRITERION_WEIGHT = 0.25


def criterion_records() -> Iterator[Record]:
    """One per criterion page, without a school level: the level facet counts schools and plans,
    as /duyet/ does (criteria of Thông tư 18 made «Nhiều cấp học» count pages where no school
    is of that level). The title is the id alone and the name is body text, not
    metadata: some criteria (level 4) are whole sentences, and metadata that long matches, and
    is boosted for, nearly any query (`xã hội hóa` ranked "... kinh tế - xã hội ... hoạt động"
    above the rows that say *xã hội hóa*)."""
    for circ in catalog.circulars().values():
        for standard in circ.standards:
            for c in standard.criteria:
                text = _join([f"{c.id} {c.title}", f"{standard.label}: {standard.title}", circ.short])
                yield Record(
                    url=f"/tieu-chi/{circ.key}/{c.slug}/",
                    content=indexed_content(text),
                    meta={"title": c.id, "thong_tu": circ.short},
                    weight=CRITERION_WEIGHT,
                    filters={"loai": ["tieu-chi"], "thong_tu": [circ.code], "tieu_chuan": [standard.id],
                             "tieu_chi": [c.id]},
                )


def records(corpus: Corpus) -> list[Record]:
    """Every record, in the order results without words are listed: criterion pages, then
    school by school its page, and its plans newest first."""
    out: list[Record] = list(criterion_records())
    for school in corpus.schools.values():
        out.append(school_record(school))
        out.extend(plan_record(plan) for plan in school.plans)
    return out
