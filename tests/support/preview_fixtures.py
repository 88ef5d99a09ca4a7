"""Fixtures and helpers shared by the preview tests of several tiers."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import PLANS

SCHOOL = "thcs-tan-son-go-vap"


def _copy_school(tmp_path: Path) -> Path:
    plans = tmp_path / "plans"
    shutil.copytree(PLANS / SCHOOL, plans / SCHOOL)
    return plans

