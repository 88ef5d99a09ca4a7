"""Templates in overrides/ for the files written after the pages (search records, redirects):
MkDocs' theme environment lives only while pages render, so these get one of their own, with
autoescaping on."""

from __future__ import annotations

import functools
from pathlib import Path

import jinja2

from congkhai import PROJECT_ROOT

TEMPLATES = PROJECT_ROOT / "overrides"


@functools.cache
def template(name: str, templates: Path = TEMPLATES) -> jinja2.Template:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(templates), autoescape=True)
    return env.get_template(name)
