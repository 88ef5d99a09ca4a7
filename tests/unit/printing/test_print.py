"""The printed plan's pieces without a browser: the signer and recipients, headings, column widths
and the other pure functions behind the printed document (Nghị định 30/2020)."""

from __future__ import annotations

from congkhai.core import catalog
from congkhai.core.model import Row, TableLayout
from congkhai.pages import printview


def test_every_layout_prints_every_row_field():
    """Switching layouts never hides data: each Row field has a column (or a labelled place)."""
    fields = set(Row.model_fields) - {"tieu_chi", "ten_tieu_chi"}
    layouts = {k: v for c in catalog.circulars().values() for k, v in c.layouts.items()}
    for layout in layouts.values():
        assert fields <= layout.fields, (layout.key, fields - layout.fields)
        placed = [f for c in layout.columns for f in (*c.fields, *c.extras) if not f.startswith("#")]
        assert len(placed) == len(set(placed))  # each field printed once
    assert set(TableLayout) <= set(layouts)  # the layouts the importer recognises exist


def test_signer_recipients_and_heading_rules():
    assert printview._signer_titles("Q.HIỆU TRƯỞNG") == ["Q. HIỆU TRƯỞNG"]
    assert printview._signer_titles("kt. hiệu trưởng / phó hiệu trưởng") == ["KT. HIỆU TRƯỞNG", "PHÓ HIỆU TRƯỞNG"]
    assert printview._signer_titles("T/M LÃNH ĐẠO ĐƠN VỊ") == ["T/M LÃNH ĐẠO ĐƠN VỊ"]
    assert printview._recipients(["Phòng GDĐT (để b/c)", "- HĐTĐG;", "Lưu VT."]) == [
        "- Phòng GDĐT (để b/c);", "- HĐTĐG;", "- Lưu: VT."
    ]
    before, heading = printview.split_trailing_heading('<p>a</p>\n<h2 id="x">III. NỘI DUNG</h2>\n')
    assert (before, heading) == ("<p>a</p>\n", '<h2 id="x">III. NỘI DUNG</h2>')
    assert printview.split_trailing_heading("<h2>A</h2><p>b</p>") == ("<h2>A</h2><p>b</p>", "")

