"""The search index, built beside the pages in a process of its own.

The records come from the model, not from the built HTML, so Pagefind need not wait for MkDocs:
the build starts this job as soon as it knows which pages it will write, the job writes
site/pagefind/ on the second core, and the post-build step only waits for it. The job is two
steps: a process loads the plans again and renders the records to files (write_records), and
exits; then Pagefind indexes them, one bundle at a time, while the job holds no plans.
`python -m congkhai.outputs.search.job PLANS SITE PAGES` is the child's command line (PAGES: a
file listing the site's pages, one path a line, such as `truong/x/2024-2025/index.html`).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from congkhai import PROJECT_ROOT
from congkhai.outputs.search.pagefind import BUNDLE_DIR, Bundle, SearchBuildError, prepare, summary, write_bundles
from congkhai.outputs.search.records import records

ENABLED_VAR = "CONGKHAI_SEARCH"
"""CONGKHAI_SEARCH=0 builds no search index (benchmarks that time the pages alone)."""


def enabled() -> bool:
    return os.environ.get(ENABLED_VAR, "1") != "0"


def page_of(path: str) -> str:
    """The built file of a record's path ("truong/x/" -> "truong/x/index.html")."""
    return str(PurePosixPath(path) / "index.html")


class SearchJob:
    """A running child process writing site/pagefind/; wait() returns its summary line."""

    def __init__(self, plans: Path, site: Path, pages: set[str]):
        self.site = Path(site)
        self._tmp = tempfile.TemporaryDirectory(prefix="congkhai-search-")
        tmp = Path(self._tmp.name)
        (tmp / "pages.txt").write_text("\n".join(sorted(pages)), encoding="utf-8")
        self._out, self._err = open(tmp / "out.txt", "w+b"), open(tmp / "err.txt", "w+b")
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, (str(PROJECT_ROOT), env.get("PYTHONPATH"))))
        self._proc = subprocess.Popen(
            [sys.executable, "-m", "congkhai.outputs.search.job", str(plans), str(self.site), str(tmp / "pages.txt")],
            stdin=subprocess.DEVNULL, stdout=self._out, stderr=self._err, env=env,
        )

    def wait(self) -> str:
        """Wait for the child; its summary line, or SearchBuildError with its message."""
        try:
            rc = self._proc.wait()
            out, err = (self._read(f) for f in (self._out, self._err))
        finally:
            self._close()
        if rc != 0:
            reason = err.strip().splitlines()[-1] if err.strip() else f"tiến trình dừng với mã {rc}"
            raise SearchBuildError(f"Không tạo được chỉ mục tìm kiếm: {reason}")
        return out.strip()

    def cancel(self) -> None:
        """Stop the child (the build failed, or a newer build replaces this one)."""
        if self._proc.poll() is None:
            self._proc.kill()
            self._proc.wait()
        self._close()

    @staticmethod
    def _read(f) -> str:
        f.seek(0)
        return f.read().decode("utf-8", "replace")

    def _close(self) -> None:
        for f in (self._out, self._err):
            f.close()
        self._tmp.cleanup()


def start(plans: Path, site: Path, pages: set[str]) -> SearchJob | None:
    """Start indexing beside the build, unless CONGKHAI_SEARCH=0."""
    return SearchJob(plans, site, pages) if enabled() else None


RECORDS = "--ban-ghi"
"""The first step's flag: `python -m congkhai.outputs.search.job --ban-ghi PLANS PAGES OUT`."""


def write_records(plans: Path, pages_file: Path, out: Path) -> None:
    """The first step, in a process of its own: load the plans, render the records of the pages
    the build writes into one JSON-lines file per bundle, and a manifest (scope, folders, counts,
    chunk sizes). When it exits, the plans' memory goes with it: Pagefind, next, indexes beside
    the pages without a second copy of the model in the build's memory."""
    from congkhai.core.loader import load_corpus

    pages = set(pages_file.read_text(encoding="utf-8").splitlines())
    corpus, _ = load_corpus(plans)  # the build reports the plans' problems itself
    found, bundles = prepare([r for r in records(corpus) if page_of(r.path) in pages])
    manifest = {"scope": found, "bundles": []}
    for n, bundle in enumerate(bundles):
        name = f"{n}.jsonl"
        with open(out / name, "w", encoding="utf-8") as f:
            for url, html in bundle.pages:
                f.write(json.dumps([url, html], ensure_ascii=False) + "\n")
        manifest["bundles"].append({"thu_muc": bundle.folder, "tep": name, "so_muc": len(bundle.pages), "chunk": bundle.chunk})
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")


def _bundles(out: Path, manifest: dict) -> Iterator[Bundle]:
    """Each bundle read from its file only when Pagefind is ready for it."""
    for b in manifest["bundles"]:
        with open(out / b["tep"], encoding="utf-8") as f:
            pages = [tuple(json.loads(line)) for line in f]
        yield Bundle(b["thu_muc"], pages, b["chunk"])


def main(argv: list[str]) -> int:
    """The child: the records made by a first process (write_records), then Pagefind."""
    start = time.perf_counter()
    if argv[0] == RECORDS:
        write_records(Path(argv[1]), Path(argv[2]), Path(argv[3]))
        return 0
    plans, site, pages_file = Path(argv[0]), Path(argv[1]), Path(argv[2])
    out = pages_file.parent
    made = subprocess.run([sys.executable, "-m", __spec__.name, RECORDS, str(plans), str(pages_file), str(out)],
                          stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if made.returncode != 0:
        lines = made.stderr.strip().splitlines()
        print(lines[-1] if lines else f"tiến trình dừng với mã {made.returncode}", file=sys.stderr)
        return 1
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    counts = {b["thu_muc"]: b["so_muc"] for b in manifest["bundles"]}
    try:
        found = write_bundles(manifest["scope"], _bundles(out, manifest), counts, site / BUNDLE_DIR)
        print(summary(found, sum(counts.values()), site, start))
    except (SearchBuildError, OSError) as e:  # OSError: site/pagefind/ cannot be written
        print(str(e), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
