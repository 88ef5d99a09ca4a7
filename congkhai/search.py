"""Site search: Pagefind indexes built from the model, one record per thing a reader looks for.

Pagefind could crawl the built HTML, but pages carry the national motto, headers, navigation and
repeated labels; those words are on every page and drown the ranking (*Cộng hòa xã hội chủ nghĩa*
matched `xã hội hóa` on every plan) and make the posting lists that a first query downloads
large. So the records are written here, from the model, with only the text that says something:
one per plan (its narrative, then a section per improvement row that Pagefind returns as a
sub-result linking to the row), one per school and one per criterion page.

A query must not download an index that grows with the whole site, so the records go into
bundles by school year (small years share one, see BUNDLE_PLANS). The main bundle, always
searched, holds the schools, the criteria and the newest years' plans; the browser reads
`pham-vi.json` and merges into it the bundles of older years when the reader chooses them. Everything here is a pure
function of the corpus except `write_index` and the post-build step that calls it.

Vietnamese folding: Pagefind folds tone and vowel marks itself in both directions (`thu vien`
finds *thư viện*, `Bình Phục Nhứt` finds the OCR text *BINH PHUC NHUT*), but `đ` is a letter of
its own, not a combining mark, so `doi ngu` would miss *đội ngũ*. Each text (a record's, a
row's) therefore ends, after `FOLD_MARK`, with its words containing `đ` spelled with `d`; the
browser side maps `đ` to `d` in queries as well (normalise_query here, normaliseQuery in
search.js: the same rules, tested against each other). The result lists cut that tail off before
showing excerpts.
"""

from __future__ import annotations

import asyncio
import base64
import functools
import html
import json
import logging
import math
import os
import re
import shutil
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from . import catalog
from .model import CRITERION_ID, Corpus, Plan, Row, SchoolRecord, SourceKind

log = logging.getLogger("mkdocs.congkhai.search")

LANGUAGE = "vi"
BUNDLE_DIR = "pagefind"
# Separates a record's text from the folded copies of its đ-words. The asterism is punctuation
# to Pagefind (never a word, never matched) but, unlike whitespace, survives in the stored text,
# where the search page cuts the copies off; it does not occur in plan text.
FOLD_MARK = "\u2042"
# Files of Pagefind's own UIs; the site uses its JS API with its own Material-styled UI.
UNUSED_BUNDLE_FILES = (
    "pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
    "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js",
)
# A year's bundle is only ever merged into the common one, whose script and wasm do the work.
YEAR_BUNDLE_FILES = ("pagefind.js", "pagefind-worker.js")  # and the wasm
# The HTML a record is indexed from (a plan's rows become Pagefind sub-results), in overrides/.
TEMPLATES = Path(__file__).resolve().parent.parent / "overrides"
RECORD_TEMPLATE = "search/record.html"

# Filter keys are also the query parameters of /tim-kiem/ (?q=...&nam_hoc=2023-2024).
FILTER_KEYS = ("loai", "cap_hoc", "nam_hoc", "tinh_thanh", "quan_huyen", "thong_tu", "tieu_chuan", "tieu_chi", "kinh_phi")


# --- Vietnamese folding ------------------------------------------------------------------------

_D = str.maketrans({"đ": "d", "Đ": "D"})
_WORD = re.compile(r"\w+")


def fold_d(text: str) -> str:
    """đ -> d and Đ -> D, nothing else (Pagefind folds the other marks itself)."""
    return text.translate(_D)


def fold(text: str) -> str:
    """Lowercase text without any mark: what a reader types on a keyboard without Vietnamese."""
    decomposed = unicodedata.normalize("NFD", fold_d(text).lower())
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def d_words(text: str) -> list[str]:
    """Every word that contains đ, lowercased, with đ spelled d (in text order, repeats kept so
    that term frequency, and with it the ranking, is the same for `doi ngu` as for `đội ngũ`)."""
    return [fold_d(w) for w in _WORD.findall(unicodedata.normalize("NFC", text).lower()) if "đ" in w]


def dd_words(text: str) -> list[str]:
    """For text written without diacritics (OCR): its d-words spelled with đ, so that a query
    typed with đ (`đội ngũ`, which Pagefind does not fold to d) also finds `doi ngu`."""
    return [w.replace("d", "đ") for w in _WORD.findall(text.lower()) if "d" in w]


_LETTER = re.compile(r"[^\W\d_]")
_NON_ASCII_LETTER = re.compile(r"(?![\x00-\x7f])[^\W\d_]")


def looks_unaccented(text: str) -> bool:
    """True for Vietnamese written without marks: almost every letter is plain ASCII."""
    letters = len(_LETTER.findall(text))
    return letters >= 20 and len(_NON_ASCII_LETTER.findall(text)) < 0.02 * letters


def indexed_content(text: str, unaccented: bool = False) -> str:
    """The text as indexed: the text itself, then after FOLD_MARK the đ-free copies of its
    đ-words (and, for text without marks, the đ spellings of its d-words)."""
    text = unicodedata.normalize("NFC", text)
    extra = d_words(text)
    if unaccented or looks_unaccented(text):
        extra += dd_words(text)
    return f"{text} {FOLD_MARK} {' '.join(extra)}" if extra else text


# The national motto and the tagline head every administrative document; in a plan's text they
# are noise that matches `xã hội hóa` (and `hóa` extends to `hoạch`) on every plan.
_BOILERPLATE = re.compile(
    r"cong\W+hoa\W+xa\W+hoi\W+chu\W+nghia(?:\W+viet\W+nam)?|doc\W+lap\W+tu\W+do\W+hanh\W+phuc"
)


@functools.lru_cache(maxsize=4096)
def _fold_char(c: str) -> str:
    return (fold(c) or c)[0]


def _fold_each(text: str) -> str:
    """fold() applied character by character, so positions in the result match the input."""
    return "".join(map(_fold_char, text))


def strip_boilerplate(text: str) -> str:
    """The text without the motto and tagline, however they are accented (OCR has none)."""
    text = unicodedata.normalize("NFC", text)
    spans = [m.span() for m in _BOILERPLATE.finditer(_fold_each(text))]
    for start, end in reversed(spans):
        text = text[:start] + " " + text[end:]
    return text


# --- Queries -------------------------------------------------------------------------------------

# `tiêu chí 5.3`, `TC 5.3`, `tc5-3`: a prefix allows - or _ between the numbers; a bare id
# must be exactly n.m (so `2.5m2`, `294.157.000` or `11/2022` are not criteria). The three
# circulars have standards 1 to 5 and the level-4 list M4.
_PREFIXED_ID = re.compile(r"(?<!\w)(?:ti[eê]u[\s_-]*ch[ií]|tc)[\s_-]*(m4|[1-5])[._-]([1-9][0-9]?)(?![\w.])", re.I)
_BARE_ID = re.compile(r"(?<![\w.,/])(m4|[1-5])\.([1-9][0-9]?)(?![\w/]|[.,]\d)", re.I)


@dataclass(frozen=True)
class Query:
    text: str  # words to give Pagefind, đ folded ("" when the query was only a criterion id)
    criterion: str | None = None  # "5.3" or "M4.1": applied as the tieu_chi filter


def normalise_query(raw: str) -> Query:
    """What the search box sends: `tiêu chí 5.3`, `TC 5.3`, `tc5-3` and `5.3` all become the
    criterion filter 5.3 (exact, where a word search for `5.3` would also match `5.30` or
    `530.000`); the remaining words are NFC-normalised and đ-folded.

    Mirrored by `normaliseQuery` in overrides/assets/javascripts/search.js (tests compare both)."""
    text = unicodedata.normalize("NFC", raw or "")
    criterion = None
    m = _PREFIXED_ID.search(text) or _BARE_ID.search(text)
    if m and CRITERION_ID.match(cid := f"{m[1].upper()}.{m[2]}"):
        criterion = cid
        text = text[: m.start()] + " " + text[m.end() :]
    text = " ".join(w for w in fold_d(text).split() if _WORD.search(w))
    return Query(text, criterion)


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
    official = catalog.circular(plan.meta.thong_tu).criterion(row.tieu_chi)
    return row.ten_tieu_chi or (official.title if official else "")


def _unaccented(plan: Plan) -> bool:
    return plan.meta.nguon_van_ban == SourceKind.OCR


def row_section(plan: Plan, row: Row) -> Section:
    """A row's words: its weakness, content, result, solutions, who, when, budget and notes."""
    text = _join(
        [row.diem_yeu, row.noi_dung, row.ket_qua_can_dat, *row.giai_phap, row.chu_tri, row.phoi_hop,
         row.thoi_gian, row.kinh_phi_ghi_chu, row.nguon_kinh_phi, row.dieu_kien_ho_tro, row.giam_sat,
         row.thoi_diem_bao_cao, row.ghi_chu]
    )
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
        meta={"title": f"Năm học {plan.year}", "truong": plan.school.name},
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
    """One per criterion page. The title is the id alone and the name is body text, not
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
                    meta={"title": c.id},
                    weight=CRITERION_WEIGHT,
                    filters={"loai": ["tieu-chi"], "thong_tu": [circ.code], "tieu_chuan": [standard.id],
                             "tieu_chi": [c.id], "cap_hoc": [level.value for level in circ.levels]},
                )


def records(corpus: Corpus) -> list[Record]:
    """Every record, in the order results without words are listed: criterion pages, then
    school by school its page, and its plans newest first."""
    out: list[Record] = list(criterion_records())
    for school in corpus.schools.values():
        out.append(school_record(school))
        out.extend(plan_record(plan) for plan in school.plans)
    return out


# --- Bundles: the main one always searched, older plans by school year -------------------------

# How many plans a bundle of school years holds (a single year holds all its own). A query
# downloads, from each bundle it searches, the metadata (about 8 bytes a record) and the
# posting lists of its words, and the posting list of a syllable found in every plan (*viên* of
# *giáo viên*) grows with the plans of the bundle. Measured with generated plans, a bundle of
# 830 plans keeps a first query under 300 KB; small years share a bundle (ten bundles of 100
# plans cost more than one of 1,000: each sends its own chunks for every word).
BUNDLE_PLANS = 1_000
SCOPE_FILE = "pham-vi.json"
# A first query may ask for words indexed this many times in all in the default bundle: about
# 120 KB of posting lists, the rest of 300 KB being Pagefind's script and wasm, metadata and
# fragments. Beyond it, search.js leaves the commonest words out ("trường" is in every plan).
# Words indexed fewer than COMMON_WORD_MIN times cost little and are not listed.
QUERY_BUDGET = 60_000
COMMON_WORD_MIN = 1_000


def word_positions(recs: Iterable[Record]) -> Counter:
    """How many times each folded word is indexed in these records: about what its posting
    list weighs (a position costs a byte or two in Pagefind's chunks)."""
    counts: Counter = Counter()
    for r in recs:
        for text in (r.content, *r.meta.values(), *(f"{s.heading} {s.text}" for s in r.sections)):
            counts.update(_WORD.findall(fold(text)))
    return counts


def year_bundles(counts: dict[str, int]) -> list[list[str]]:
    """School years (with their plan counts) grouped into bundles, newest first: consecutive
    years share one while it holds at most BUNDLE_PLANS plans."""
    groups: list[list[str]] = []
    total = 0
    for year in sorted(counts, reverse=True):
        if groups and total + counts[year] <= BUNDLE_PLANS:
            groups[-1].append(year)
            total += counts[year]
        else:
            groups.append([year])
            total = counts[year]
    return groups


def bundle_dir(years: list[str]) -> str:
    """nam-hoc/2024-2025/, or nam-hoc/2016-2017--2019-2020/ for years sharing a bundle."""
    return f"nam-hoc/{years[-1]}--{years[0]}/" if len(years) > 1 else f"nam-hoc/{years[0]}/"


def scope(recs: list[Record]) -> dict:
    """What the browser reads before its first query: every school year with its plan count
    and bundle folder, newest first ("" for the newest years, whose plans are in the common
    bundle); the years searched when the reader has chosen none (those newest ones); and the words that bundle indexes COMMON_WORD_MIN times or more, with their
    counts, and QUERY_BUDGET (search.js leaves the commonest words out of a query that would
    otherwise download too much)."""
    counts: dict[str, int] = {}
    for r in recs:
        if r.bundle:
            counts[r.bundle] = counts.get(r.bundle, 0) + 1
    groups = year_bundles(counts)
    default = groups[0] if groups else []
    common = word_positions(r for r in recs if r.bundle in default)
    return {"nam_hoc": [{"nam_hoc": y, "ke_hoach": counts[y], "thu_muc": bundle_dir(g) if g is not default else ""}
                        for g in groups for y in g],
            "mac_dinh": default, "ngan_sach_tu": QUERY_BUDGET,
            "tu_pho_bien": {w: n for w, n in sorted(common.items()) if n >= COMMON_WORD_MIN}}


# --- Writing the bundles -------------------------------------------------------------------------


class SearchBuildError(Exception):
    pass


def chunk_size(recs: list[Record]) -> int:
    """Size of Pagefind's index chunks (in word positions), grown with the bundle.

    A query downloads the chunks its words fall in, and the list of chunks is part of the
    metadata every first query downloads: small chunks cut the first, too many of them grow the
    second. At 1,000 generated plans, 400 instead of Pagefind's default 20,000 cut the index
    bytes of a first query from 500 KB to 70 KB for 5 KB more chunk list; sqrt(words / 5)
    keeps that balance as the corpus grows. Set through PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE, an
    unstable knob of Pagefind 1.5: without it the index is only bigger per query, never wrong."""
    words = sum(r.words for r in recs)
    return max(400, min(20_000, int(math.sqrt(words / 5))))


def _service(env: dict[str, str]):
    """Pagefind's Python service, with two changes: its reply loop sleeps 0.1 s per reply
    (100,000 records would take hours), and it cannot pass settings through the environment."""
    from pagefind.service import PagefindService

    class Service(PagefindService):
        async def launch(self) -> "Service":
            self._backend = await asyncio.create_subprocess_exec(
                self._bin, "--service", cwd=os.getcwd(), env={**os.environ, **env},
                stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
                limit=2**30,  # get_files answers with the whole bundle in one line
            )
            self._poll_task = self._loop.create_task(self._wait_for_responses())
            return self

        async def _wait_for_responses(self) -> None:  # the same protocol, without the sleep
            while True:
                try:
                    output = await self._backend.stdout.readuntil(b",")
                except asyncio.IncompleteReadError:  # the service has exited
                    for future in self._responses.values():
                        if not future.done():
                            future.set_exception(SearchBuildError("Pagefind đã dừng giữa chừng"))
                    return
                resp = json.loads(base64.b64decode(output[:-1]))
                future = self._responses.pop(resp.get("message_id"), None) if resp else None
                if future is None or future.done():
                    continue
                payload = resp["payload"]
                if payload.get("type") == "Error":
                    future.set_exception(SearchBuildError(payload.get("message")))
                else:
                    future.set_result(payload)

        async def finish(self) -> None:
            """Let the service exit by itself once its input ends (it may still be writing)."""
            self._backend.stdin.close()
            try:
                await asyncio.wait_for(self._backend.wait(), timeout=600)
            except asyncio.TimeoutError:
                self._backend.kill()
                await self._backend.wait()
            await self._poll_task

    return Service()


def record_template(templates: Path = TEMPLATES):
    import jinja2

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(templates), autoescape=True)
    return env.get_template(RECORD_TEMPLATE)


def _render(template, rec: Record) -> str:
    return template.render(record=rec, language=LANGUAGE)


async def _write(bundles: dict[str, list[Record]], out_dir: Path, template) -> None:
    """Each bundle through its own Pagefind service (memory is given back between them), into
    out_dir/<its folder> ("" for the main bundle)."""
    service = None
    try:
        for name, recs in bundles.items():
            if service is not None:
                await service.finish()
            service = await _service({"PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE": str(chunk_size(recs))}).launch()
            path = out_dir / name
            index = await service.create_index({"output_path": str(path)})
            batch = 256  # requests in flight: keeps the pipes busy without flooding them
            for i in range(0, len(recs), batch):
                await asyncio.gather(*(index.add_html_file(url=r.url, content=_render(template, r))
                                       for r in recs[i : i + batch]))
            # The files come back through the pipe and are written here: Pagefind's own
            # write_files may still be writing when its reply arrives, and the service exits.
            skip = set(UNUSED_BUNDLE_FILES) | (set(YEAR_BUNDLE_FILES) if name else set())
            for f in await index.get_files():
                target = path / f["path"]
                if target.name in skip or (name and target.name.startswith("wasm.")):
                    continue
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(f["content"])
    finally:
        if service is not None:
            await service.finish()


def _check(path: Path, expected: int) -> None:
    try:
        entry = json.loads((path / "pagefind-entry.json").read_text("utf-8"))
        pages = sum(lang["page_count"] for lang in entry["languages"].values())
    except (OSError, ValueError, KeyError) as e:
        raise SearchBuildError(f"Pagefind không ghi đủ tệp vào {path}") from e
    if pages != expected:
        raise SearchBuildError(f"Pagefind ghi {pages} mục thay vì {expected} vào {path}")


def write_index(recs: list[Record], out_dir: Path, templates: Path = TEMPLATES) -> dict:
    """Write the bundles to out_dir: the main one (schools, criteria and the newest years'
    plans, with Pagefind's script and wasm), those of older school years in folders below it
    (they use the main bundle's script), and SCOPE_FILE. Returns the scope."""
    template = record_template(templates)
    found = scope(recs)
    dirs = {y["nam_hoc"]: y["thu_muc"] for y in found["nam_hoc"]}
    bundles: dict[str, list[Record]] = {"": []}  # folder under out_dir ("" = the main bundle)
    for r in recs:
        bundles.setdefault(dirs.get(r.bundle, ""), []).append(r)
    if out_dir.exists():
        shutil.rmtree(out_dir)
    try:
        asyncio.run(_write(bundles, out_dir.resolve(), template))
    except FileNotFoundError as e:
        raise SearchBuildError("không tìm thấy chương trình Pagefind; chạy lại scripts/setup") from e
    for name, part in bundles.items():
        _check(out_dir / name, len(part))
    (out_dir / SCOPE_FILE).write_text(json.dumps(found, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return found


def bundle_size(out_dir: Path) -> int:
    return sum(p.stat().st_size for p in out_dir.rglob("*") if p.is_file())


def index_site(corpus: Corpus, site: Path) -> str:
    """Index the records whose page exists in the built site; returns a one-line summary."""
    start = time.perf_counter()
    recs = [r for r in records(corpus) if (site / r.path / "index.html").is_file()]
    found = write_index(recs, site / BUNDLE_DIR)
    bundles = len({""} | {y["thu_muc"] for y in found["nam_hoc"]})
    return (f"Chỉ mục tìm kiếm: {len(recs)} mục trong {bundles} gói, "
            f"{bundle_size(site / BUNDLE_DIR) / 1e6:.1f} MB, {time.perf_counter() - start:.1f} giây; "
            f"mặc định tìm trong năm học {', '.join(found['mac_dinh']) or '(chưa có)'}")


def build_search(corpus: Corpus, config) -> None:
    """Post-build step of every build (scripts/build, mkdocs build, mkdocs serve).
    CONGKHAI_SEARCH=0 skips it (benchmarks that time the page build alone)."""
    if os.environ.get("CONGKHAI_SEARCH", "1") == "0":
        return
    from mkdocs.exceptions import Abort

    try:
        log.info(index_site(corpus, Path(config.site_dir)))
    except SearchBuildError as e:
        raise Abort(f"Không tạo được chỉ mục tìm kiếm: {e}") from e


def main(argv: list[str]) -> int:
    """`python -m congkhai.search`: rebuild only the search index of an already built site."""
    import argparse

    from .loader import load_corpus

    parser = argparse.ArgumentParser(prog="python -m congkhai.search", description="Dựng lại chỉ mục tìm kiếm của trang đã dựng.")
    parser.add_argument("--plans", type=Path, default=Path("plans"), help="thư mục kế hoạch (mặc định: plans)")
    parser.add_argument("--site", type=Path, default=Path("site"), help="thư mục trang đã dựng (mặc định: site)")
    args = parser.parse_args(argv)
    corpus, problems = load_corpus(args.plans)
    if problems.errors:
        for p in problems.errors:
            print(p.format(Path.cwd()), file=sys.stderr)
        return 1
    if not (args.site / "index.html").is_file():
        print(f"Không thấy trang đã dựng trong {args.site}; chạy scripts/build trước.", file=sys.stderr)
        return 1
    try:
        print(index_site(corpus, args.site))
    except SearchBuildError as e:
        print(f"Không tạo được chỉ mục tìm kiếm: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
