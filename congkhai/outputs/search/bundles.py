"""Search bundles: the main one always searched, older plans by school year.

A query must not download an index that grows with the whole site, so the records go into
bundles by school year (small years share one, see BUNDLE_PLANS). The main bundle, always
searched, holds the schools, the criteria and the newest years' plans; the browser reads
`pham-vi.json` and merges into it the bundles of older years when the reader chooses them.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable

from congkhai.core.text import fold
from congkhai.outputs.search.records import Record
from congkhai.outputs.search.text import WORD

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
            counts.update(WORD.findall(fold(text)))
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
