"""Every title of the Thông tư 18/2018 catalog is the circular's own wording, in its order.

The circular's text is copied in tests/data/circulars/tt18-2018-excerpt.txt (its source is the
file's first line): Điều 7-11 give the standards and criteria, Điều 22 the level-4 items.
"""

from __future__ import annotations

import re
import unicodedata

from conftest import DATA as TEST_DATA

from congkhai.core import catalog

EXCERPT = TEST_DATA / "circulars" / "tt18-2018-excerpt.txt"
TYPOS = {"công đồng": "cộng đồng"}
"""Misprints of the copied document, corrected in the catalog (the official text reads «cộng đồng»)."""


def _text() -> str:
    text = unicodedata.normalize("NFC", EXCERPT.read_text("utf-8"))  # the copy mixes combining marks in
    for wrong, right in TYPOS.items():
        text = text.replace(wrong, right)
    return text


def _standards(text: str) -> dict[str, str]:
    return dict(re.findall(r"Điều \d+\. Tiêu chuẩn (\d): (.+)", text))


def _criteria(text: str) -> dict[str, str]:
    return {cid: title.strip() for cid, title in re.findall(r"Tiêu chí (\d\.\d+): (.+)", text)}


def _level4(text: str) -> list[str]:
    article = text[text.index("Điều 22."):]
    return [item.strip().rstrip(".") for item in re.findall(r"^\s*\d\. (.+)$", article, flags=re.M)]


def test_the_excerpt_names_its_source_and_holds_every_criterion_and_six_level_4_items():
    text = _text()
    assert text.startswith("# Source: https://")
    assert len(_criteria(text)) == 28 and len(_standards(text)) == 5
    assert len(_level4(text)) == 6


def test_every_standard_and_criterion_title_is_the_circulars_wording():
    circ = catalog.circular("18/2018")
    text = _text()
    assert {s.id: s.title for s in circ.standards if s.id != "M4"} == _standards(text)
    assert {c.id: c.title for c in circ.level_criteria} == _criteria(text)


def test_level_4_items_follow_article_22_in_order_and_wording():
    circ = catalog.circular("18/2018")
    items = [c.title for c in circ.criteria.values() if c.standard == "M4"]
    assert items == _level4(_text())
    assert "nghiên cứu khoa học" in circ.criterion("M4.3").title
    assert circ.criterion("M4.4").title.startswith("Thư viện")


def test_every_tt18_title_checked_against_the_text_is_marked_verified():
    circ = catalog.circular("18/2018")
    assert circ.criterion("1.5").verified
    assert all(c.verified for c in circ.criteria.values())
