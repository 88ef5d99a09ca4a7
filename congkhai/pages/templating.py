"""Jinja filters and globals the templates in overrides/ use: Vietnamese dates, amounts, labels.

Formatting lives here, as small pure functions, so templates stay declarative and every page
type formats a date or an amount the same way.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from congkhai.core import catalog
from congkhai.core.fields import ROW_FIELDS, checkpoint_notes
from congkhai.core.model import PRINT_ANCHOR, Corpus, Plan
from congkhai.core.text import MONITOR_MARKER, TABLE_MARKER, vn_date, vn_number, vnd
from congkhai.facts.context import BuildContext
from congkhai.pages import notices, printview
from congkhai.pages.monitoring import COLUMNS as MONITOR_COLUMNS


def edit_base(repo_url: str | None, edit_uri: str | None, docs_dir: str) -> str | None:
    """The repository's edit URL for the project root: MkDocs' edit_uri points into docs_dir."""
    if not repo_url or not edit_uri or "?" in edit_uri:
        return None
    uri = edit_uri.strip("/")
    docs = Path(docs_dir).name
    if uri.endswith("/" + docs):
        uri = uri[: -len(docs) - 1]
    if uri.startswith(("http://", "https://")):
        return uri + "/"
    return repo_url.rstrip("/") + "/" + uri + "/"


def source_path(plan: Plan, root: Path) -> str:
    """The plan file's path in the repository, e.g. plans/<slug>/<year>.md."""
    try:
        return Path(plan.path).resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return f"plans/{plan.school.slug}/{plan.year}.md"


def json_text(value) -> str:
    """JSON for a <script type="application/json">: UTF-8 text (half the bytes of \\u escapes for
    Vietnamese), with "<" escaped so no value can close the script element."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


def install(env, ctx: BuildContext, views: dict[str, Callable[[Corpus], dict]]) -> None:
    """Filters and globals of every template; `views` gives hand-written pages their data."""
    env.filters["vn_date"] = vn_date
    env.filters["json_text"] = json_text
    env.filters["vnd"] = vnd
    env.filters["vn_number"] = vn_number
    env.globals["corpus"] = ctx.corpus
    env.globals["table_marker"] = TABLE_MARKER
    env.globals["monitor_marker"] = MONITOR_MARKER
    env.globals["monitor_columns"] = MONITOR_COLUMNS
    env.globals["row_fields"] = ROW_FIELDS
    env.globals["checkpoint_notes"] = checkpoint_notes
    env.globals["circulars"] = catalog.circulars()
    env.globals["circular"] = catalog.circular
    env.globals["view"] = lambda name: views[name](ctx.corpus)
    env.globals["ocr_notice"] = notices.ocr_notice
    env.globals["ocr_short"] = notices.OCR_SHORT
    env.globals["ocr_anchor"] = notices.OCR_ANCHOR
    env.globals["print_anchor"] = PRINT_ANCHOR
    env.globals["split_trailing_heading"] = printview.split_trailing_heading
    base = edit_base(ctx.repo_url, ctx.edit_uri, ctx.docs_dir)
    env.globals["edit_url"] = lambda plan: base + source_path(plan, ctx.root) if base else None
