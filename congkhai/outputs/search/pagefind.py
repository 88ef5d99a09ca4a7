"""Writing the search bundles with Pagefind's Python API (job.py runs it beside the build).

Everything before this module is a pure function of the corpus; here the records are rendered
(overrides/search/record.html) and handed to Pagefind, bundle by bundle.
"""

from __future__ import annotations

import asyncio
import base64
import json
import os
import shutil
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from congkhai.core.model import Corpus
from congkhai.core.problems import BuildError
from congkhai.outputs.search.bundles import SCOPE_FILE, chunk_size, scope
from congkhai.outputs.search.records import Record, records
from congkhai.outputs.templates import TEMPLATES, template

LANGUAGE = "vi"
BUNDLE_DIR = "pagefind"
# Files of Pagefind's own UIs; the site uses its JS API with its own Material-styled UI.
UNUSED_BUNDLE_FILES = (
    "pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
    "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js",
)
# A year's bundle is only ever merged into the common one, whose script and wasm do the work.
YEAR_BUNDLE_FILES = ("pagefind.js", "pagefind-worker.js")  # and the wasm
# The HTML a record is indexed from (a plan's rows become Pagefind sub-results), in overrides/.
RECORD_TEMPLATE = "search/record.html"

class SearchBuildError(BuildError):
    """Pagefind could not write the index (the message says why, in Vietnamese)."""


def _service(env: dict[str, str]):
    """Pagefind's Python service, with two changes: its reply loop sleeps 0.1 s per reply
    (100,000 records would take hours), and it cannot pass settings through the environment."""
    from pagefind.service import PagefindService

    class Service(PagefindService):
        async def launch(self) -> "Service":
            self._backend = await asyncio.create_subprocess_exec(
                self._bin, "--service", cwd=os.getcwd(), env={**os.environ, **env},
                stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
                limit=2**30,  # get_files answers with the whole bundle in one line
            )
            self._poll_task = self._loop.create_task(self._wait_for_responses())
            return self

        async def _wait_for_responses(self) -> None:  # the same protocol, without the sleep
            while True:
                try:
                    output = await self._backend.stdout.readuntil(b",")
                except asyncio.IncompleteReadError:  # the service has exited
                    for future in self._responses.values():
                        if not future.done():
                            future.set_exception(SearchBuildError("Pagefind đã dừng giữa chừng"))
                    return
                resp = json.loads(base64.b64decode(output[:-1]))
                future = self._responses.pop(resp.get("message_id"), None) if resp else None
                if future is None or future.done():
                    continue
                payload = resp["payload"]
                if payload.get("type") == "Error":
                    future.set_exception(SearchBuildError(payload.get("message")))
                else:
                    future.set_result(payload)

        async def finish(self) -> None:
            """Let the service exit by itself once its input ends (it may still be writing)."""
            self._backend.stdin.close()
            try:
                await asyncio.wait_for(self._backend.wait(), timeout=600)
            except asyncio.TimeoutError:
                self._backend.kill()
                await self._backend.wait()
            await self._poll_task

    return Service()


def record_template(templates: Path = TEMPLATES):
    return template(RECORD_TEMPLATE, templates)


def _render(template, rec: Record) -> str:
    return template.render(record=rec, language=LANGUAGE)


@dataclass
class Bundle:
    """One Pagefind bundle ready to index: its folder under site/pagefind/ ("" for the main one),
    its records as (url, HTML) and its chunk size (bundles.chunk_size)."""

    folder: str
    pages: list[tuple[str, str]]
    chunk: int


async def _write(bundles: Iterable[Bundle], out_dir: Path) -> None:
    """Each bundle through its own Pagefind service (memory is given back between them), into
    out_dir/<its folder>; `bundles` may load each one only when its turn comes."""
    service = None
    try:
        for bundle in bundles:
            if service is not None:
                await service.finish()
            service = await _service({"PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE": str(bundle.chunk)}).launch()
            name, path = bundle.folder, out_dir / bundle.folder
            index = await service.create_index({"output_path": str(path)})
            batch = 256  # requests in flight: keeps the pipes busy without flooding them
            for i in range(0, len(bundle.pages), batch):
                await asyncio.gather(*(index.add_html_file(url=url, content=html) for url, html in bundle.pages[i : i + batch]))
            # The files come back through the pipe and are written here: Pagefind's own
            # write_files may still be writing when its reply arrives, and the service exits.
            skip = set(UNUSED_BUNDLE_FILES) | (set(YEAR_BUNDLE_FILES) if name else set())
            for f in await index.get_files():
                target = path / f["path"]
                if target.name in skip or (name and target.name.startswith("wasm.")):
                    continue
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(f["content"])
    finally:
        if service is not None:
            await service.finish()


def _check(path: Path, expected: int) -> None:
    try:
        entry = json.loads((path / "pagefind-entry.json").read_text("utf-8"))
        pages = sum(lang["page_count"] for lang in entry["languages"].values())
    except (OSError, ValueError, KeyError) as e:
        raise SearchBuildError(f"Pagefind không ghi đủ tệp vào {path}") from e
    if pages != expected:
        raise SearchBuildError(f"Pagefind ghi {pages} mục thay vì {expected} vào {path}")


def prepare(recs: list[Record], templates: Path = TEMPLATES) -> tuple[dict, list[Bundle]]:
    """The scope (SCOPE_FILE) and the bundles of these records, rendered: the main bundle
    (schools, criteria and the newest years' plans, with Pagefind's script and wasm) first, then
    those of older school years (they use the main bundle's script)."""
    template = record_template(templates)
    found = scope(recs)
    dirs = {y["nam_hoc"]: y["thu_muc"] for y in found["nam_hoc"]}
    grouped: dict[str, list[Record]] = {"": []}  # folder under out_dir ("" = the main bundle)
    for r in recs:
        grouped.setdefault(dirs.get(r.bundle, ""), []).append(r)
    bundles = [Bundle(folder, [(r.url, _render(template, r)) for r in part], chunk_size(part)) for folder, part in grouped.items()]
    return found, bundles


def write_bundles(found: dict, bundles: Iterable[Bundle], counts: dict[str, int], out_dir: Path) -> dict:
    """Write the bundles and SCOPE_FILE to out_dir; `counts` (records per folder) checks that
    Pagefind wrote every one. Returns the scope."""
    if out_dir.exists():
        shutil.rmtree(out_dir)
    try:
        asyncio.run(_write(bundles, out_dir.resolve()))
    except FileNotFoundError as e:
        raise SearchBuildError("không tìm thấy chương trình Pagefind; chạy lại scripts/setup") from e
    for folder, count in counts.items():
        _check(out_dir / folder, count)
    (out_dir / SCOPE_FILE).write_text(json.dumps(found, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return found


def write_index(recs: list[Record], out_dir: Path, templates: Path = TEMPLATES) -> dict:
    """Write the bundles of these records and SCOPE_FILE to out_dir. Returns the scope."""
    found, bundles = prepare(recs, templates)
    return write_bundles(found, bundles, {b.folder: len(b.pages) for b in bundles}, out_dir)


def bundle_size(out_dir: Path) -> int:
    return sum(p.stat().st_size for p in out_dir.rglob("*") if p.is_file())


def index_site(corpus: Corpus, site: Path) -> str:
    """Index the records whose page exists in the built site; returns a one-line summary."""
    start = time.perf_counter()
    return index_records([r for r in records(corpus) if (site / r.path / "index.html").is_file()], site, start)


def index_records(recs: list[Record], site: Path, start: float | None = None) -> str:
    """Write site/pagefind/ from these records; returns a one-line summary (timed from start)."""
    start = time.perf_counter() if start is None else start
    return summary(write_index(recs, site / BUNDLE_DIR), len(recs), site, start)


def summary(found: dict, count: int, site: Path, start: float) -> str:
    """The index in one line: records, bundles, bytes, seconds since start, default years."""
    bundles = len({""} | {y["thu_muc"] for y in found["nam_hoc"]})
    return (f"Chỉ mục tìm kiếm: {count} mục trong {bundles} gói, "
            f"{bundle_size(site / BUNDLE_DIR) / 1e6:.1f} MB, {time.perf_counter() - start:.1f} giây; "
            f"mặc định tìm trong năm học {', '.join(found['mac_dinh']) or '(chưa có)'}")
