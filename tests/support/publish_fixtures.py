"""Fixtures and helpers shared by the publish tests of several tiers."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml
from conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"


VENV_BIN = Path(sys.executable).parent


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")}
    env["PATH"] = f"{VENV_BIN}{os.pathsep}{env.get('PATH', '')}"
    env["NO_MKDOCS_2_WARNING"] = "1"
    env.update(extra)
    return env


def _run(cmd: list[str] | str, cwd: Path, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        cmd, cwd=cwd, env=_env(**env), capture_output=True, text=True, shell=isinstance(cmd, str),
        executable="/bin/bash" if isinstance(cmd, str) else None, timeout=900,
    )


def _workflow(name: str) -> dict:
    data = yaml.safe_load((WORKFLOWS / name).read_text("utf-8"))
    data["on"] = data.get("on", data.get(True))  # YAML 1.1 reads the key `on` as true
    return data


def _steps(workflow: dict) -> list[dict]:
    return [s for job in workflow["jobs"].values() for s in job.get("steps", [])]

