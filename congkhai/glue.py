"""The adapter between MkDocs' events and congkhai: the only module that imports MkDocs.

hooks/site.py forwards each event here. on_config loads the plans once and makes the build's
BuildContext; every later event hands that context to pure functions (page families, post-build
steps), so nothing below this module knows MkDocs exists.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from congkhai.core.loader import load_corpus
from congkhai.core.problems import BuildError
from congkhai.facts.context import BuildContext
from congkhai.outputs import exports, feeds, form, oversight_csv, redirects
from congkhai.outputs.search import job as search_job
from congkhai.pages import material_markup, minify, sanitize, templating
from congkhai.pages.families import VIEWS, site_pages
from congkhai.pages.spec import PageSpec

log = logging.getLogger("mkdocs.congkhai")
notice = logging.getLogger("congkhai")
"""Warnings about plans: outside MkDocs' loggers, so `strict` shows them without failing the build."""

POST_BUILD_STEPS: tuple[Callable[[BuildContext], None], ...] = (
    exports.write_exports,
    feeds.write_feeds,
    form.write_form_data,
    oversight_csv.write_oversight,
    redirects.write_redirects,
)
"""What is written after the pages, in order: open data, feeds, the form's data, the oversight
tables, the redirects of moved addresses. The search index
is not among them: it is built beside the pages (congkhai/outputs/search/job.py, started in
on_files) and the post-build step waits for it last."""


class _Build:
    """The current build: its context and the page specs MkDocs renders (mkdocs serve rebuilds
    from scratch on every change, calling on_config again)."""

    context: BuildContext | None = None
    specs: dict[str, PageSpec] = {}
    serving = False
    dirty = False
    builds = 0
    problems: list[str] = []
    search: search_job.SearchJob | None = None
    written: set[str] = set()  # the files of the previous build (dirty rebuilds remove those gone)
    plans: Path | None = None


def current() -> BuildContext:
    if _Build.context is None:
        raise RuntimeError("congkhai: on_config has not run")
    return _Build.context


def plans_dir(config) -> Path:
    """plans/ beside mkdocs.yml; CONGKHAI_PLANS points a build (tests, benchmarks) elsewhere."""
    root = Path(config.config_file_path).parent
    return root / os.environ.get("CONGKHAI_PLANS", config.extra.get("congkhai", {}).get("plans_dir", "plans"))


def on_startup(command, dirty):
    """Under `mkdocs serve --dirty` (what scripts/serve runs) only what changed is rebuilt; the
    build stays strict: MkDocs' warning that a dirty build may leave stale pages is dropped, as
    congkhai removes the pages of plans that are gone (on_files)."""
    _Build.serving = command == "serve"
    _Build.dirty = _Build.serving and dirty
    if _Build.dirty:
        logging.getLogger("mkdocs.commands.build").addFilter(_not_dirty_warning)


def _not_dirty_warning(record: logging.LogRecord) -> bool:
    return not record.getMessage().startswith("A 'dirty' build is being performed")


class GeneratedFile(File):
    """A generated page that knows which school folder it shows (None: the whole corpus).

    MkDocs asks is_modified() only in dirty builds (`mkdocs serve --dirty`, scripts/serve): a
    plan's pages are then rebuilt when a file of its school changed, instead of every page on
    every keystroke; pages over the whole corpus (lists, criteria, browsing) stay as the first
    build made them, like the open data and the search index (at 1,000 plans they would cost
    the preview seconds per edit)."""

    folder: Path | None = None

    def is_modified(self) -> bool:
        if self.folder is None:  # a page over the whole corpus: rebuilt by full builds only
            return not _quick_rebuild() or not os.path.exists(self.abs_dest_path)
        try:
            newest = max(p.stat().st_mtime for p in (self.folder, *self.folder.iterdir()))
            return os.path.getmtime(self.abs_dest_path) < newest
        except (OSError, ValueError):
            return True


class PlainPage(Page):
    """A generated page with no Markdown body (lists, criteria, browsing, embeds: their template
    renders everything): MkDocs would still build a Markdown converter for it, a millisecond or
    more a page; its content is empty either way."""

    def render(self, config, files) -> None:
        if (self.markdown or "").strip():
            return super().render(config, files)
        self.content, self.toc = "", get_toc([])
        self._title_from_render = None
        self.present_anchor_ids, self.links_to_anchors = set(), {}


def on_nav(nav, config, files):
    """Pages left out of the nav and without a body become PlainPage (MkDocs has made a Page
    for every file: making the new one rebinds file.page)."""
    in_nav = {id(page) for page in nav.pages}
    for src_uri, spec in _Build.specs.items():
        file = files.get_file_from_path(src_uri)
        if file is not None and id(file.page) not in in_nav and not spec.body.strip():
            PlainPage(None, file, config)  # a page of the nav keeps its links
    return nav


def _folder(spec: PageSpec) -> Path | None:
    """The school folder a page shows (a plan's or a profile's parent), if it shows only one."""
    for key in ("plan", "school"):
        path = getattr(spec.context.get(key), "path", None)
        if path is not None:
            return Path(path).parent
    return None


def on_config(config):
    root = Path(config.config_file_path).parent
    plans = plans_dir(config)
    if str(plans) not in map(str, config.watch):  # `mkdocs serve` rebuilds when a plan changes, wherever they are
        config.watch.append(str(plans))
    corpus, problems = load_corpus(plans)
    _Build.plans = plans
    _Build.problems = []
    if problems.errors and _Build.serving:
        # A preview must not hang on a broken edit: build the plans that load and show the
        # errors on every page (a logged error would abort the strict build).
        _Build.problems = [p.format(root) for p in problems.errors]
    for p in problems:
        (log.error if p.level == "error" and not _Build.problems else notice.warning)(p.format(root))
    if problems.errors and not _Build.problems:
        raise Abort(f"Có {len(problems.errors)} lỗi trong các tệp kế hoạch; chạy scripts/validate để xem chi tiết.")
    _Build.context = BuildContext(
        corpus=corpus,
        root=root,
        site_dir=Path(config.site_dir),
        site_url=config.site_url or None,
        repo_url=config.repo_url,
        site_name=config.site_name,
        edit_uri=config.edit_uri,
        docs_dir=config.docs_dir,
        chosen_pdf_policy=config.extra.get("congkhai", {}).get("pdf_policy"),
        chosen_year=os.environ.get("CONGKHAI_NAM_HOC") or config.extra.get("congkhai", {}).get("nam_hoc_hien_tai"),
    )
    try:
        _Build.context.current_year
    except ValueError as e:  # a mistyped extra.congkhai.nam_hoc_hien_tai: a message, not a traceback
        raise Abort(f"{config.config_file_path}: {e}") from None
    _Build.specs = {}
    return config


def on_files(files: Files, config):
    for spec in site_pages(current()):
        if files.get_file_from_path(spec.src_uri) is not None:
            files.remove(files.get_file_from_path(spec.src_uri))
        file = GeneratedFile.generated(config, spec.src_uri, content=spec.markdown)
        file.folder = _folder(spec)
        files.append(file)
        _Build.specs[spec.src_uri] = spec
    _stop_search()
    written = {f.dest_uri for f in files}
    if _quick_rebuild():  # site_dir was kept: a plan gone (or now broken) must not leave its old page
        for gone in _Build.written - written:
            Path(config.site_dir, gone).unlink(missing_ok=True)
    else:  # MkDocs has emptied site_dir: Pagefind may write into it already
        _Build.search = search_job.start(_Build.plans, current().site_dir, written)
    _Build.written = written
    return files


def _quick_rebuild() -> bool:
    """A rebuild of `mkdocs serve --dirty`: only pages are rebuilt, data and search stay."""
    return _Build.dirty and _Build.builds >= 1


def _stop_search() -> None:
    if _Build.search is not None:
        _Build.search.cancel()
        _Build.search = None


def on_env(env, config, files):
    templating.install(env, current(), VIEWS)
    env.globals["build_problems"] = _Build.problems
    return env


def on_page_content(html, page, config, files):
    """A generated page's HTML is sanitised; its Markdown source is let go, as MkDocs holds every
    page between converting and rendering them all."""
    if page.file.src_uri not in _Build.specs:
        return html
    page.markdown = None
    return sanitize.clean_html(html)


def on_page_context(context, page, config, nav):
    spec = context["spec"] = _Build.specs.get(page.file.src_uri)
    if spec is not None:
        spec.resolve()
    return context


def on_post_page(output, page, config):
    """Every page leaves without Jinja's indentation (congkhai/pages/minify.py: the site must stay
    small) and with Material's invalid markup corrected (congkhai/pages/material_markup.py). A
    written page's view and HTML are no longer needed: at 10,000 plans keeping them until the end
    of the build would hold gigabytes while the open data is written."""
    _Build.specs.pop(page.file.src_uri, None)
    page.content = page.markdown = None
    return minify.html(material_markup.html(output))


def on_post_template(output, template_name, config):
    """The same for the pages MkDocs renders from a bare template (404.html)."""
    return minify.html(material_markup.html(output)) if template_name.endswith(".html") else output


def on_post_build(config):
    quick = _quick_rebuild()
    _Build.builds += 1
    if quick:
        log.info("congkhai: bản xem nhanh (--dirty): chỉ dựng lại trang của trường vừa sửa; danh sách, trang tiêu chí, "
                 "dữ liệu mở và chỉ mục tìm kiếm giữ như lần dựng đầu")
        return
    try:
        post_build(current())
    except BuildError as e:
        raise Abort(str(e)) from e


def post_build(ctx: BuildContext, timed: Callable[[str, Callable[[], object]], object] = lambda name, step: step()) -> None:
    """The post-build steps, then the search index started in on_files; timed(name, step) runs
    each step (the benchmark times them)."""
    try:
        for step in POST_BUILD_STEPS:
            timed(getattr(step, "__module__", "?").rsplit(".", 1)[-1], lambda: step(ctx))
        if _Build.search is not None:
            job, _Build.search = _Build.search, None
            log.info(timed("search-wait", job.wait))
    finally:
        _stop_search()


def on_build_error(error):
    """A failed build leaves no Pagefind process behind."""
    _stop_search()
