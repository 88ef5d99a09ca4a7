"""argparse in Vietnamese: its usage lines and errors are what an editor reads first when a
command is typed wrong («new-plan: error: the following arguments are required»).

argparse looks its messages up through gettext at call time (the module's `_`); with no
Vietnamese catalogue shipped by Python, the messages an editor can meet are given here.
"""

from __future__ import annotations

import argparse
import gettext

MESSAGES = {
    "usage: ": "cách dùng: ",
    "%(prog)s: error: %(message)s\n": "%(prog)s: lỗi: %(message)s\n",
    "the following arguments are required: %s": "thiếu tham số: %s",
    "unrecognized arguments: %s": "không hiểu tham số: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "không có lựa chọn %(value)r (chọn một trong: %(choices)s)",
    "expected one argument": "cần một giá trị",
    "expected at least one argument": "cần ít nhất một giá trị",
    "expected at most one argument": "cần nhiều nhất một giá trị",
    "argument %(argument_name)s: %(message)s": "tham số %(argument_name)s: %(message)s",
    "invalid %(type)s value: %(value)r": "giá trị %(value)r không hợp lệ",
    "ambiguous option: %(option)s could match %(matches)s": "tùy chọn %(option)s chưa rõ: có thể là %(matches)s",
    "not allowed with argument %s": "không dùng cùng tham số %s",
    "one of the arguments %s is required": "cần một trong các tham số %s",
    "show this help message and exit": "in hướng dẫn này rồi thoát",
    "positional arguments": "tham số",
    "options": "tùy chọn",
}


def _vi(message: str) -> str:
    return MESSAGES.get(message) or gettext.gettext(message)


def install() -> None:
    """Every parser made after this speaks Vietnamese (cli.main calls it before any command)."""
    argparse._ = _vi  # type: ignore[attr-defined]  # argparse's own gettext hook
