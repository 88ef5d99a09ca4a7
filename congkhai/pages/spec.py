"""A generated page as data: what MkDocs reads, which template renders it, what it receives.

A PageSpec names the source path MkDocs will see, the template in overrides/ that renders it and
the objects that template receives as `spec.context`. Plans carry their Markdown body, which MkDocs
renders (and congkhai.sanitize cleans) before the template places it.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class PageSpec:
    src_uri: str
    """e.g. "truong/thcs-tan-son-go-vap/2024-2025.md"."""
    title: str
    template: str
    """A file in overrides/."""
    context: dict = field(default_factory=dict)
    body: str = ""
    """Markdown that MkDocs renders into page.content."""
    kind: str = "page"
    """plan, school, criterion, browse, print, ... (read by tests and the benchmark)."""
    hide: tuple[str, ...] = ()
    """Material's `hide:` (navigation, toc) for wide content such as plan tables."""
    lazy: dict[str, Callable[[], object]] = field(default_factory=dict)
    """Context entries made only when the page is rendered (see resolve): a build then holds the
    view of one page at a time, and a preview that rebuilds one school makes only its views."""

    def resolve(self) -> dict:
        """The full context: the lazy entries made now, once."""
        if self.lazy:
            self.context.update((key, make()) for key, make in self.lazy.items())
            self.lazy = {}
        return self.context

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
