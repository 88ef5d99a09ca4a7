"""The workflows' exact commands on a clean clone, PDFs printed by Debian's Chromium."""

from __future__ import annotations

import re
import subprocess

import pytest
from support.publish_fixtures import (
    ROOT,
    _run,
    _steps,
    _workflow,
)

# The GitHub runners' Chrome is not here; Debian's chromium prints the PDFs instead.
LOCAL_CHROMIUM = "/usr/bin/chromium"


def _commands(wf: dict, values: dict[str, str]) -> list[tuple[str, dict[str, str]]]:
    """The workflow's own `run:` commands (installation aside), with their step env; expressions
    are replaced by the values a runner would give."""
    out = []
    jobs_env = {k: str(v) for job in wf["jobs"].values() for k, v in (job.get("env") or {}).items()}
    for step in _steps(wf):
        run = step.get("run")
        if not run or "pip install" in run:
            continue
        env = dict(jobs_env)
        for k, v in (step.get("env") or {}).items():
            env[k] = re.sub(r"\$\{\{\s*([^}]+?)\s*\}\}", lambda m: values[m[1]], str(v))
        env["CONGKHAI_CHROMIUM"] = LOCAL_CHROMIUM
        out.append((run, env))
    return out


def test_workflow_commands_on_a_clean_clone(tmp_path):
    """Exactly what the two workflows run, on a fresh clone of what is committed."""
    clone = tmp_path / "repo"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
    if int(_run(["git", "rev-list", "--count", "HEAD"], clone).stdout.strip() or 0) < 2:
        pytest.skip("the repository has a single commit: HEAD^1 does not exist yet")
    summary = tmp_path / "summary.md"
    github = {"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)}
    values = {
        "steps.pages.outputs.base_url": "https://example.github.io/congkhai",
        "github.event.pull_request.user.login": "nguoi-gui",
    }
    has_build = (clone / "scripts" / "build").exists()
    for name in ("pr.yml", "deploy.yml"):
        for run, env in _commands(_workflow(name), values):
            if run.startswith("scripts/build") and not has_build:
                continue
            done = _run(run, clone, **github, **env)
            assert done.returncode == 0, f"{name}: {run}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
            if run.startswith("scripts/validate"):
                assert "::error" not in done.stdout
                assert "Hợp lệ:" in done.stdout
    assert "## Kết quả kiểm tra kế hoạch" in summary.read_text("utf-8")
    if not has_build:
        pytest.skip("scripts/build is not committed yet: only validate and pr-check were run")
    site = clone / "site"
    home = (site / "index.html").read_text("utf-8")
    assert "https://example.github.io/congkhai/" in home  # site_url given by configure-pages
    assert (site / "assets" / "tieu-chi.json").exists()
    assert (site / "them-ke-hoach" / "index.html").exists()

