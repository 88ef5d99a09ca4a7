"""The deploy and pull-request workflows: what they build, publish and upload as a preview."""

from __future__ import annotations

from support.publish_fixtures import _steps, _workflow


def _uses(workflow: dict, action: str) -> dict | None:
    return next((s for s in _steps(workflow) if s.get("uses", "").startswith(action + "@")), None)


def test_deploy_workflow_publishes_to_pages():
    wf = _workflow("deploy.yml")
    assert wf["on"]["push"]["branches"] == ["main"] and "workflow_dispatch" in wf["on"]
    assert wf["permissions"]["pages"] == "write" and wf["permissions"]["id-token"] == "write"
    assert wf["concurrency"]["group"]
    setup = _uses(wf, "actions/setup-python")
    assert setup and setup["with"]["cache"] == "pip"
    runs = [s.get("run", "") for s in _steps(wf)]
    assert any(r.startswith("scripts/validate") for r in runs)
    assert any(r.startswith("scripts/build") for r in runs)
    assert _uses(wf, "actions/configure-pages")
    assert _uses(wf, "actions/upload-pages-artifact")["with"]["path"] == "site"
    assert _uses(wf, "actions/deploy-pages")
    assert wf["jobs"]["deploy"]["environment"]["name"] == "github-pages"


def test_pr_workflow_checks_and_uploads_preview():
    wf = _workflow("pr.yml")
    assert "pull_request" in wf["on"]
    runs = [s.get("run", "") for s in _steps(wf)]
    assert any(r.startswith("scripts/validate") for r in runs)
    assert any("congkhai pr-check" in r for r in runs)
    assert any(r.startswith("scripts/build") for r in runs)
    assert _uses(wf, "actions/upload-artifact")["with"]["path"] == "site"
    assert _uses(wf, "actions/checkout")["with"]["fetch-depth"] >= 2  # pr-check compares with HEAD^1

