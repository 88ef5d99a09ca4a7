"""The neutral form every reader produces: paragraphs and tables in document order."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


class ImportFailure(Exception):
    """An input that cannot be imported; the message is shown to the editor as is (Vietnamese)."""

    def __init__(self, message: str, code: int = 1):
        super().__init__(message)
        self.message = message
        self.code = code


@dataclass
class Para:
    """One paragraph (a line of a text file, a paragraph of Word)."""

    text: str
    line: int = 0
    bold: bool = False
    heading: int = 0
    """Heading level the source itself marks (Markdown '#', Word "Heading N")"""
    list_item: bool = False
    """Word numbering or bullet."""
    gap: bool = False
    """A blank line (or more) comes before it."""


@dataclass
class Table:
    """A table: rows of cells, each cell a list of paragraphs (already whitespace-collapsed)."""

    rows: list[list[list[str]]]
    line: int = 0
    row_lines: list[int] = field(default_factory=list)


@dataclass
class OcrTable:
    """A table whose columns the OCR scrambled: kept as its raw lines."""

    lines: list[tuple[int, str]]
    line: int = 0


Block = Para | Table | OcrTable


@dataclass
class Source:
    path: Path
    blocks: list[Block]
    text: str
    """The whole readable text, for the audit that no word is lost."""
    ocr: bool = False
    warnings: list[str] = field(default_factory=list)
