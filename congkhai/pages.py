"""Where the model becomes pages: one PageSpec per generated page, pure functions of the corpus.

A PageSpec names the source path MkDocs will see, the template in overrides/ that renders it and
the objects that template receives as `spec.context`. Plans carry their Markdown body, which MkDocs
renders (and congkhai.sanitize cleans) before the template places it.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .model import Corpus


@dataclass
class PageSpec:
    src_uri: str  # e.g. "truong/thcs-tan-son-go-vap/2024-2025.md"
    title: str
    template: str  # file in overrides/
    context: dict = field(default_factory=dict)
    body: str = ""  # Markdown rendered by MkDocs into page.content
    kind: str = "page"  # plan, school, criterion, browse, print, ... (used by search and tests)
    hide: tuple[str, ...] = ()  # Material's `hide:` (navigation, toc) for wide content such as plan tables

    @property
    def markdown(self) -> str:
        """The page source MkDocs reads: front matter naming the template, then the body.

        The title comes from plan files and Material prints `page.title` unescaped, so it is
        HTML-escaped here (and JSON-quoted, which is valid YAML for any text).
        """
        lines = ["---", f"template: {self.template}", f"title: {json.dumps(html.escape(self.title), ensure_ascii=False)}"]
        if self.hide:
            lines.append(f"hide: {json.dumps(list(self.hide))}")
        return "\n".join(lines) + f"\n---\n\n{self.body}"


PageSet = Callable[[Corpus], Iterable[PageSpec]]


# Every generator of pages; other modules (print view, criteria, browse, embeds) register theirs.
PAGE_SETS: list[PageSet] = []


def register(page_set: PageSet) -> PageSet:
    """Decorator for modules that add a family of pages."""
    if page_set not in PAGE_SETS:
        PAGE_SETS.append(page_set)
    return page_set


def site_pages(corpus: Corpus) -> list[PageSpec]:
    return [spec for page_set in PAGE_SETS for spec in page_set(corpus)]


# Page families defined in their own modules register themselves on import.
from . import views, criteria_pages, browse  # noqa: E402,F401
from . import printview  # noqa: E402,F401
from . import budget, embed  # noqa: E402,F401
