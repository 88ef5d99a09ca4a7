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

from . import minify, sanitize, templating
from .loader import load_corpus
from .model import Corpus
from .pages import PageSpec, site_pages

log = logging.getLogger("mkdocs.congkhai")



def post_build_steps() -> list:
    """What is written after the pages, in order: open data, feeds, then the search index.

    Imported here, not at the top, because those modules import pages (and so this module)."""
    from . import exports, feeds, search

    return [exports.write_exports, feeds.write_feeds, search.build_search]


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


class _Serve:
    """How MkDocs runs us (on_startup): under `mkdocs serve --dirty` only what changed is rebuilt."""

    dirty = False
    builds = 0


def on_startup(command, dirty):
    _Serve.dirty = command == "serve" and dirty


class GeneratedFile(File):
    """A generated page that knows which school folder it shows (None: the whole corpus).

    MkDocs asks is_modified() only in dirty builds (`mkdocs serve --dirty`): a plan's pages are
    then rebuilt when a file of its school changed, instead of every page on every keystroke."""

    folder: Path | None = None

    def is_modified(self) -> bool:
        if self.folder is None:
            return True
        try:
            newest = max(p.stat().st_mtime for p in (self.folder, *self.folder.iterdir()))
            return os.path.getmtime(self.abs_dest_path) < newest
        except (OSError, ValueError):
            return True


def _folder(spec: PageSpec) -> Path | None:
    """The school folder a page shows (a plan's or a profile's parent), if it shows only one."""
    for key in ("plan", "school"):
        path = getattr(spec.context.get(key), "path", None)
        if path is not None:
            return Path(path).parent
    return None


def on_config(config):
    global _build
    root = Path(config.config_file_path).parent
    plans = plans_dir(config)
    if str(plans) not in map(str, config.watch):  # `mkdocs serve` rebuilds when a plan changes, wherever they are
        config.watch.append(str(plans))
    corpus, problems = load_corpus(plans)
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
        file = GeneratedFile.generated(config, spec.src_uri, content=spec.markdown)
        file.folder = _folder(spec)
        files.append(file)
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


def on_post_page(output, page, config):
    """Every page leaves without Jinja's indentation (congkhai/minify.py: the site must stay small)."""
    return minify.html(output)


def on_post_build(config):
    build = current()
    _Serve.builds += 1
    if _Serve.dirty and _Serve.builds > 1:
        log.info("congkhai: bản xem nhanh (--dirty): dữ liệu mở và chỉ mục tìm kiếm giữ như lần dựng đầu")
        return
    for step in post_build_steps():
        step(build.corpus, config)

