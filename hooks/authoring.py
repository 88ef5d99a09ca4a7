"""MkDocs hook: the data files of the «Thêm / sửa kế hoạch» form, written after the build.

assets/tieu-chi.json: criteria of each circular, choices and field help; assets/truong.json: the
known schools and their years. Both come from congkhai.scaffold; no logic lives here.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from congkhai.scaffold import authoring_data, school_index

CRITERIA_FILE = "assets/tieu-chi.json"
SCHOOLS_FILE = "assets/truong.json"


def _corpus(config):
    """The corpus the site hook already loaded, else a fresh load (this hook used on its own)."""
    try:
        from congkhai import mkdocs_glue

        return mkdocs_glue.current().corpus
    except (ImportError, RuntimeError, AttributeError):
        from congkhai.loader import load_corpus

        default = config.extra.get("congkhai", {}).get("plans_dir", "plans")
        plans = Path(config.config_file_path).parent / os.environ.get("CONGKHAI_PLANS", default)
        return load_corpus(plans)[0]


def _write(config, name: str, data: object) -> None:
    target = Path(config.site_dir) / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), "utf-8")


def on_post_build(config):
    _write(config, CRITERIA_FILE, authoring_data())
    _write(config, SCHOOLS_FILE, school_index(_corpus(config)))
