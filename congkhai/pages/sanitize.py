"""Allow-list sanitising of HTML that comes from plan files.

Plan bodies are Markdown written by school editors; seeds even carry stray <p> and <b>. What
reaches the page is cut down to plain document markup: no scripts, no event handlers, no
javascript: links, no styles. nh3 (Rust's ammonia) does the parsing; we only choose the list.
"""

from __future__ import annotations

import nh3

import re

from congkhai.core.text import MONITOR_MARKER, TABLE_MARKER


TAGS = {
    "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "b", "em", "i", "u", "s", "sub", "sup",
    "ul", "ol", "li", "blockquote", "pre", "code", "a", "table", "thead", "tbody", "tr", "th", "td",
    "caption", "div", "span", "dl", "dt", "dd", "abbr",
}
ATTRIBUTES = {"*": {"id", "class", "title"}, "a": {"href"}, "th": {"scope", "colspan", "rowspan"}, "td": {"colspan", "rowspan"}, "ol": {"start"}}


def clean_html(html: str) -> str:
    """Sanitise each part around the table markers, keeping the markers for the template."""
    parts = re.split(f"({re.escape(TABLE_MARKER)}|{re.escape(MONITOR_MARKER)})", html)
    return "".join(
        part if i % 2 else
        nh3.clean(part, tags=TAGS, attributes=ATTRIBUTES, url_schemes={"http", "https", "mailto", "tel"}, link_rel="noopener")
        for i, part in enumerate(parts)
    )
