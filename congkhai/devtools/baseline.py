"""The benchmark's baseline: the same plans as ordinary Markdown pages, built by plain
mkdocs-material with the same theme, a three-entry nav, no hooks and (by default) no search."""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from congkhai.core.fields import ROW_FIELDS
from congkhai.core.text import TABLE_MARKER
from congkhai.devtools.measure import MB, child_env, run_measured


# The baseline's plan table has the same columns as ours: the criterion id, then every row field.
_LABELS = {"tieu_chi": "Tiêu chí"} | {f.key: f.label for f in ROW_FIELDS}


def _cell(value) -> str:
    if isinstance(value, list):
        value = "<br>".join(str(v) for v in value)
    return str("" if value is None else value).replace("|", "\\|").replace("\n", "<br>")


def plan_to_markdown(text: str, school: dict) -> str:
    """A plan file as an ordinary Markdown page: header table, plan table, then the body."""
    _, front, body = text.split("---\n", 2)
    meta = yaml.safe_load(front)
    rows = meta.pop("cai_tien", [])
    out = [f"# Kế hoạch cải tiến chất lượng giáo dục năm học {meta.get('nam_hoc')} – {school.get('ten')}", "",
           "| Mục | Nội dung |", "|---|---|"]
    out += [f"| {k} | {_cell(v)} |" for k, v in meta.items()]
    cols = [k for k in _LABELS if any(k in r for r in rows)]
    out += ["", "| " + " | ".join(_LABELS[c] for c in cols) + " |", "|" + "---|" * len(cols)]
    out += ["| " + " | ".join(_cell(r.get(c)) for c in cols) + " |" for r in rows]
    out += ["", body.replace(TABLE_MARKER, "")]
    return "\n".join(out)


def make_baseline(plans: Path, project: Path, with_search: bool = False) -> None:
    """Write a plain mkdocs-material project under project with one Markdown page per plan."""
    docs = project / "docs"
    docs.mkdir(parents=True)
    for name, title in (("index.md", "Trang chủ"), ("gioi-thieu.md", "Giới thiệu"), ("huong-dan.md", "Hướng dẫn")):
        (docs / name).write_text(f"# {title}\n\nKế hoạch cải tiến chất lượng giáo dục.\n", encoding="utf-8")
    for folder in sorted(p for p in plans.iterdir() if p.is_dir()):
        school = yaml.safe_load((folder / "truong.yml").read_text(encoding="utf-8"))
        target = docs / "truong" / folder.name
        target.mkdir(parents=True)
        for plan in sorted(folder.glob("*.md")):
            (target / plan.name).write_text(plan_to_markdown(plan.read_text(encoding="utf-8"), school), encoding="utf-8")
    config = {
        "site_name": "Kế hoạch cải tiến chất lượng giáo dục",
        "docs_dir": "docs", "use_directory_urls": True,
        "theme": {"name": "material", "language": "vi", "font": False,
                  "features": ["navigation.tabs", "navigation.top"],
                  "palette": [{"scheme": "default", "primary": "indigo", "accent": "indigo"}]},
        "nav": [{"Trang chủ": "index.md"}, {"Giới thiệu": "gioi-thieu.md"}, {"Hướng dẫn": "huong-dan.md"}],
        "plugins": ["search"] if with_search else [],
        "validation": {"nav": {"omitted_files": "ignore"}},
    }
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")


def build_baseline(project: Path, site: Path, work: Path, tag: str) -> dict:
    """Build the baseline project in a measured child process."""
    result = run_measured([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml"), "-d", str(site)],
                          env=child_env(), cwd=project, log=work / f"baseline-{tag}.log")
    index = site / "search" / "search_index.json"
    result["search_seconds"] = None
    result["search_index_mb"] = round(index.stat().st_size / MB, 2) if index.exists() else None
    return result

