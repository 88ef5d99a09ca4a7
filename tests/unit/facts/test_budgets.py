"""Budgets by funding source: many spellings of one source are added up together."""

from __future__ import annotations

import pytest

from congkhai.core.model import Row
from congkhai.facts import budgets


@pytest.mark.parametrize("written", ["Ngân sách", "Kinh phí từ ngân sách nhà nước", "NSNN", "Ngan sach", "Ngén séch"])
def test_spellings_of_the_state_budget_fold_to_one_source(written):
    assert budgets.normalise_source(written) == budgets.STATE


def test_two_sources_in_one_cell_are_both_named():
    assert budgets.normalise_source("Ngân sách và xã hội hóa") == f"{budgets.STATE} + {budgets.SOCIAL}"


@pytest.mark.parametrize("written", [None, "", "không", "Không có", "-", "..."])
def test_no_source_written_is_no_source(written):
    assert budgets.normalise_source(written) is None


def test_an_unknown_source_is_kept_as_written_with_a_capital():
    assert budgets.normalise_source("  quỹ cha mẹ học sinh. ") == "Quỹ cha mẹ học sinh"


def _row(amount=None, source=None) -> Row:
    return Row(tieu_chi="1.1", diem_yeu="x", giai_phap=["y"], kinh_phi=amount, nguon_kinh_phi=source)


def test_totals_add_amounts_by_source_largest_first_with_shares_and_unpriced_rows():
    rows = [_row(1_000_000, "Ngân sách"), _row(3_000_000, "XHH"), _row(None, "NSNN"), _row(2_000_000, "ngân sách nhà nước"), _row()]
    state, social = budgets.totals(rows)
    assert (social.source, social.amount, social.rows) == (budgets.SOCIAL, 3_000_000, 1)
    assert (state.source, state.amount, state.rows, state.unpriced) == (budgets.STATE, 3_000_000, 3, 1)
    assert state.share == social.share == 0.5
    assert budgets.total_amount([state, social]) == 6_000_000


def test_money_without_a_source_is_counted_last_as_unsourced():
    first, last = budgets.totals([_row(5_000_000), _row(1_000_000, "Xã hội hóa")])
    assert (first.source, last.source) == (budgets.SOCIAL, budgets.NO_SOURCE)
