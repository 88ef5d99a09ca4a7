"""The criteria catalogs match the three circulars, and every plan uses only their criteria."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from conftest import PLANS

from congkhai.core import catalog, yamlfile
from congkhai.core.loader import split_front_matter
from congkhai.core.model import CRITERION_ID, Level

# Criteria per standard at levels 1-3 (Thông tư 17, 18 and 19/2018), and level-4 items.
EXPECTED = {
    "17/2018": ({"1": 10, "2": 4, "3": 6, "4": 2, "5": 5}, 27, 5),
    "18/2018": ({"1": 10, "2": 4, "3": 6, "4": 2, "5": 6}, 28, 6),
    "19/2018": ({"1": 10, "2": 3, "3": 6, "4": 2, "5": 4}, 25, 6),
}


LEVELS = {
    "17/2018": {Level.TIEU_HOC},
    "18/2018": {Level.THCS, Level.THPT, Level.NHIEU_CAP},
    "19/2018": {Level.MAM_NON},
}


def test_three_circulars_of_2018_beside_the_catalogs_of_2026():
    assert set(catalog.codes()) == {*EXPECTED, "57/2026"}
    assert set(catalog.circulars()) == {"tt17", "tt18", "tt19", "tt57-mam-non", "tt57-pho-thong"}


@pytest.mark.parametrize("code", sorted(EXPECTED))
def test_counts(code):
    per_standard, total, level4 = EXPECTED[code]
    circ = catalog.circular(code)
    assert len(circ.level_criteria) == total
    assert dict(Counter(c.standard for c in circ.level_criteria)) == per_standard
    assert [s.id for s in circ.standards] == [*per_standard, "M4"]
    assert len([c for c in circ.criteria.values() if c.standard == "M4"]) == level4


@pytest.mark.parametrize("code", sorted(EXPECTED))
def test_ids_follow_the_numbering(code):
    circ = catalog.circular(code)
    for standard in circ.standards:
        prefix = "M4" if standard.id == "M4" else standard.id
        assert [c.id for c in standard.criteria] == [f"{prefix}.{n}" for n in range(1, len(standard.criteria) + 1)]
        for c in standard.criteria:
            assert CRITERION_ID.match(c.id)
            assert c.circular == code and c.standard == standard.id
            assert circ.criterion(c.id) is c


@pytest.mark.parametrize("code", sorted(EXPECTED))
def test_titles_present_and_unique(code):
    circ = catalog.circular(code)
    assert circ.title.strip() and circ.short.strip() and circ.applies_to.strip()
    assert set(circ.levels) == LEVELS[code]
    for standard in circ.standards:
        assert standard.title.strip()
        titles = [c.title.strip() for c in standard.criteria]
        assert all(titles), f"empty title in standard {standard.id} of {code}"
        assert len(set(titles)) == len(titles), f"repeated title in standard {standard.id} of {code}"
    assert len({s.title for s in circ.standards}) == len(circ.standards)


def _plan_files() -> list[Path]:
    return sorted(PLANS.glob("*/*.md"))


def test_there_are_plans():
    assert len(_plan_files()) >= 4


@pytest.mark.parametrize("path", _plan_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_plan_criteria_exist_in_their_circular(path):
    """Read the raw front matter (not through the loader, which already rejects unknown ids)."""
    parts = split_front_matter(path.read_text(encoding="utf-8"))
    assert parts is not None
    data = yamlfile.parse(parts[0]).value
    level = yamlfile.parse((path.parent / "truong.yml").read_text(encoding="utf-8")).value["cap_hoc"]
    circ = catalog.circular(catalog.normalise_code(str(data["thong_tu"])), Level(level))
    ids = [str(row["tieu_chi"]).strip() for row in data["cai_tien"]]
    assert ids
    unknown = [cid for cid in ids if circ.criterion(cid) is None]
    assert not unknown, f"{path.name}: not in Thông tư {circ.code}: {unknown}"
    assert len(set(ids)) == len(ids)

