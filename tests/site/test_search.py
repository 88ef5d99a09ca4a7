"""The search index in a built site: the Pagefind bundles and what the pages offer it."""

from __future__ import annotations

import json
from pathlib import Path

from support.search_fixtures import corpus  # noqa: F401 - fixtures

from congkhai.outputs.search import bundles as search_bundles
from congkhai.outputs.search import records as search_records


def test_every_record_is_in_its_bundle_of_the_built_site(corpus, built_site):
    for rec in search_records.records(corpus):
        if not rec.url.startswith("/tieu-chi/"):
            assert (built_site / rec.path / "index.html").is_file(), rec.url
    bundle = built_site / "pagefind"
    found = json.loads((bundle / search_bundles.SCOPE_FILE).read_text(encoding="utf-8"))
    assert [y["nam_hoc"] for y in found["nam_hoc"]] == sorted({p.year for p in corpus.plans}, reverse=True)

    def pages(path: Path) -> int:
        entry = json.loads((path / "pagefind-entry.json").read_text(encoding="utf-8"))
        return sum(lang["page_count"] for lang in entry["languages"].values())

    built = [r for r in search_records.records(corpus) if (built_site / r.path / "index.html").is_file()]
    folder_of = {y["nam_hoc"]: y["thu_muc"] for y in found["nam_hoc"]}
    for folder in {""} | set(folder_of.values()):
        assert pages(bundle / folder) == sum(folder_of.get(r.bundle, "") == folder for r in built)
        assert (bundle / folder / "pagefind.js").exists() == (folder == "")  # one script serves all
    assert all(folder_of[y] == "" for y in found["mac_dinh"])  # the newest plans: in the main bundle

