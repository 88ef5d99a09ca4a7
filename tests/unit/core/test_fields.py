"""The fields table's plain-text forms of a row, shared by print, CSV and search."""

from __future__ import annotations

from congkhai.core.fields import checkpoint_text
from congkhai.core.model import Checkpoint


def test_a_checkpoint_reads_as_one_line_with_its_date_note_and_evidence():
    point = Checkpoint(moc="Cuối năm học", muc_do="hoan-thanh", ngay="15/05/2027", ghi_chu="Đã xong.",
                       minh_chung=["[H1-1.2-01]", "https://vi-du.edu.vn/bien-ban.pdf"], dieu_chinh="Bỏ mục 2")
    assert checkpoint_text(point) == (
        "Cuối năm học: Hoàn thành (15/05/2027) – Đã xong; [H1-1.2-01], https://vi-du.edu.vn/bien-ban.pdf; "
        "Điều chỉnh: Bỏ mục 2"
    )


def test_a_bare_checkpoint_is_its_level_alone():
    assert checkpoint_text(Checkpoint(moc="Cuối học kỳ I", muc_do="dang-thuc-hien")) == "Cuối học kỳ I: Đang thực hiện"
