"""JSON Schemas of the plan front matter and the school profile, generated from the model.

They are checked in (schema/*.json) so that VS Code and the GitHub web editor give editors
autocompletion and hover help in Vietnamese; a test keeps them in sync with the model.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from pydantic import BaseModel

from congkhai.core import catalog
from congkhai.core.model import PlanMeta, School

SCHEMAS: dict[str, tuple[type[BaseModel], str]] = {
    "ke-hoach.schema.json": (PlanMeta, "Kế hoạch cải tiến chất lượng giáo dục (phần đầu tệp plans/<trường>/<năm-học>.md)"),
    "truong.schema.json": (School, "Hồ sơ trường (tệp plans/<trường>/truong.yml)"),
}


def _drop_titles(node: object) -> object:
    """Pydantic's automatic titles are English-looking key names; the descriptions say it all."""
    if isinstance(node, dict):
        return {k: _drop_titles(v) for k, v in node.items() if not (k == "title" and isinstance(v, str))}
    if isinstance(node, list):
        return [_drop_titles(v) for v in node]
    return node


def _catalog_choices(schema: dict) -> dict:
    """The circulars and table layouts the catalogs know, as the editor's completion list (the
    model cannot list them: adding a circular is adding a catalog file)."""
    props = schema.get("properties", {})
    if "thong_tu" in props:
        props["thong_tu"]["enum"] = catalog.codes()
    if "mau_bang" in props:
        keys = list(dict.fromkeys(k for c in catalog.circulars().values() for k in c.layouts))
        props["mau_bang"] = {"anyOf": [{"enum": keys}, {"type": "null"}], **{k: v for k, v in props["mau_bang"].items() if k != "anyOf"}}
    return schema


def schema_text(model: type[BaseModel], title: str) -> str:
    schema = _catalog_choices(_drop_titles(model.model_json_schema()))
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": title, **{k: v for k, v in schema.items() if k != "title"}}
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def expected() -> dict[str, str]:
    return {name: schema_text(model, title) for name, (model, title) in SCHEMAS.items()}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="schema", description="Ghi JSON Schema của tệp kế hoạch và hồ sơ trường.")
    parser.add_argument("--out", default="schema", help="thư mục ghi (mặc định: schema)")
    parser.add_argument("--check", action="store_true", help="chỉ kiểm tra tệp đã khớp với mô hình chưa")
    args = parser.parse_args(argv)
    out = Path(args.out)
    stale = []
    for name, text in expected().items():
        path = out / name
        if args.check:
            if not path.exists() or path.read_text("utf-8") != text:
                stale.append(path)
        else:
            out.mkdir(parents=True, exist_ok=True)
            path.write_text(text, "utf-8")
            print(f"Đã ghi {path}")
    if stale:
        print("JSON Schema chưa khớp với mô hình: " + ", ".join(map(str, stale)) + ". Chạy: python -m congkhai schema", file=sys.stderr)
        return 1
    return 0
