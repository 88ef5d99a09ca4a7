"""Splitting long lists over pages (`…/`, `…/trang-2/`, …) so that no page grows without bound."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Pager:
    base: str  # URL of the first page, relative to the site root, ending in "/"
    number: int  # 1-based
    count: int  # number of pages
    total: int  # number of items over all pages
    first: int  # 1-based position of this page's first item
    size: int  # number of items on this page

    def url(self, number: int) -> str:
        return self.base if number == 1 else f"{self.base}trang-{number}/"

    def src_uri(self, number: int | None = None) -> str:
        return self.url(self.number if number is None else number) + "index.md"

    @property
    def last(self) -> int:
        return self.first + self.size - 1

    @property
    def previous(self) -> str | None:
        return self.url(self.number - 1) if self.number > 1 else None

    @property
    def next(self) -> str | None:
        return self.url(self.number + 1) if self.number < self.count else None

    @property
    def numbers(self) -> list[int | None]:
        """Page numbers to link, with None for a gap: 1 … 4 5 6 … 20."""
        keep = {1, self.count, self.number - 1, self.number, self.number + 1}
        out: list[int | None] = []
        for n in range(1, self.count + 1):
            if n in keep:
                out.append(n)
            elif out and out[-1] is not None:
                out.append(None)
        return out


def paginate(items: Sequence, base: str, per_page: int) -> Iterator[tuple[Pager, Sequence]]:
    """Yield (pager, items of that page); an empty list still gets its first page."""
    count = max(1, -(-len(items) // per_page))
    for i in range(count):
        chunk = items[i * per_page : (i + 1) * per_page]
        yield Pager(base, i + 1, count, len(items), i * per_page + 1, len(chunk)), chunk
