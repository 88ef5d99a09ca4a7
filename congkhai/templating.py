"""Jinja filters and globals the templates in overrides/ use: Vietnamese dates, amounts, labels.

Formatting lives here, as small pure functions, so templates stay declarative and every page
type formats a date or an amount the same way.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

from . import catalog
from .model import Corpus, Plan

# Data of hand-written pages (home, /tieu-chi/, /duyet/): name -> function of the corpus, which
# their templates call as `view("home")`. Modules register with @view("name").
VIEWS: dict[str, Callable[[Corpus], dict]] = {}


def view(name: str):
    def register(fn: Callable[[Corpus], dict]):
        VIEWS[name] = fn
        return fn

    return register


def vn_date(value: dt.date | None) -> str:
    """ngày 04 tháng 9 năm 2024 (Nghị định 30/2020: leading zero for days < 10 and months 1, 2)."""
    if value is None:
        return ""
    month = f"{value.month:02d}" if value.month < 3 else str(value.month)
    return f"ngày {value.day:02d} tháng {month} năm {value.year}"


def vnd(amount: int | None) -> str:
    """294.157.000 đ"""
    if amount is None:
        return ""
    return f"{amount:,}".replace(",", ".") + " đ"


def vn_number(value: int) -> str:
    """12.345"""
    return f"{value:,}".replace(",", ".")


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


def install(env, corpus: Corpus, config) -> None:
    env.filters["vn_date"] = vn_date
    env.filters["json_text"] = json_text
    env.filters["vnd"] = vnd
    env.globals["corpus"] = corpus
    env.globals["circulars"] = catalog.circulars()
    env.globals["circular"] = catalog.circular
    env.filters["vn_number"] = vn_number
    env.globals["view"] = lambda name: VIEWS[name](corpus)
    root = Path(config.config_file_path).parent
    base = edit_base(config.repo_url, config.edit_uri, config.docs_dir)
    env.globals["edit_url"] = lambda plan: base + source_path(plan, root) if base else None
