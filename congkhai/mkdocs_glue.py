"""The adapter between MkDocs' events and congkhai's model, pages and data files.

hooks/site.py forwards each event here so that the hook file stays a list of one-liners and all
of this is importable and testable. State lives on one Build object per build (mkdocs serve
rebuilds from scratch on every change).
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files

from . import sanitize, templating
from .loader import load_corpus
from .model import Corpus
from .pages import PageSpec, site_pages

log = logging.getLogger("mkdocs.congkhai")

POST_BUILD_STEPS: list = []  # callables (corpus, config) -> None: data files, search index, PDFs


@dataclass
class Build:
    corpus: Corpus
    root: Path
    specs: dict[str, PageSpec] = field(default_factory=dict)


_build: Build | None = None


def current() -> Build:
    if _build is None:
        raise RuntimeError("congkhai: on_config has not run")
    return _build


def plans_dir(config) -> Path:
    """plans/ beside mkdocs.yml; CONGKHAI_PLANS points a build (tests, benchmarks) elsewhere."""
    root = Path(config.config_file_path).parent
    return root / os.environ.get("CONGKHAI_PLANS", config.extra.get("congkhai", {}).get("plans_dir", "plans"))


def on_config(config):
    global _build
    root = Path(config.config_file_path).parent
    corpus, problems = load_corpus(plans_dir(config))
    for p in problems:
        (log.error if p.level == "error" else log.warning)(p.format(root))
    if problems.errors:
        raise Abort(f"Có {len(problems.errors)} lỗi trong các tệp kế hoạch; chạy scripts/validate để xem chi tiết.")
    _build = Build(corpus=corpus, root=root)
    return config


def on_files(files: Files, config):
    build = current()
    for spec in site_pages(build.corpus):
        if files.get_file_from_path(spec.src_uri) is not None:
            files.remove(files.get_file_from_path(spec.src_uri))
        files.append(File.generated(config, spec.src_uri, content=spec.markdown))
        build.specs[spec.src_uri] = spec
    return files


def on_env(env, config, files):
    templating.install(env, current().corpus, config)
    return env


def on_page_content(html, page, config, files):
    if page.file.src_uri in current().specs:
        return sanitize.clean_html(html)
    return html


def on_page_context(context, page, config, nav):
    spec = current().specs.get(page.file.src_uri)
    context["spec"] = spec
    return context


def on_post_build(config):
    build = current()
    for step in POST_BUILD_STEPS:
        step(build.corpus, config)
