"""The GitHub Pages workflow: official actions, tests before deploy, SITE_URL from Pages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from mkdocs.config import load_config
from ruamel.yaml import YAML

from generator.site_manifest import MANIFEST
from tests.conftest import PROJECT

WORKFLOW = PROJECT / ".github/workflows/pages.yml"


@pytest.fixture(scope="module")
def jobs() -> dict[str, Any]:
    workflow: dict[str, Any] = YAML(typ="safe").load(WORKFLOW.read_text(encoding="utf-8"))
    return dict(workflow["jobs"])


NODE_24_MAJORS = {
    "actions/checkout": "v7",
    "actions/setup-python": "v7",
    "actions/configure-pages": "v6",
    "actions/upload-pages-artifact": "v5",
    "actions/deploy-pages": "v5",
}
"""The major of each action the workflow uses: each runs on Node 24, and since September 2026
runners have no Node 20, on which the majors before these ran (checkout v4, setup-python v5,
configure-pages v5, upload-pages-artifact v3, deploy-pages v4)."""


def uses(job: dict[str, Any]) -> list[str]:
    return [str(step["uses"]).split("@")[0] for step in job["steps"] if "uses" in step]


def steps_using(jobs: dict[str, Any], action: str) -> list[dict[str, Any]]:
    return [
        step
        for job in jobs.values()
        for step in job["steps"]
        if str(step.get("uses", "")).split("@")[0] == action
    ]


def runs(job: dict[str, Any]) -> list[str]:
    return [str(step["run"]).strip() for step in job["steps"] if "run" in step]


def test_tests_run_before_anything_is_deployed(jobs: dict[str, Any]) -> None:
    assert "make test" in runs(jobs["test"])
    assert "test" in jobs["build"]["needs"]
    assert "test" in jobs["deploy"]["needs"]
    assert "build" in jobs["deploy"]["needs"]


def test_official_pages_actions(jobs: dict[str, Any]) -> None:
    assert "actions/configure-pages" in uses(jobs["build"])
    assert "actions/upload-pages-artifact" in uses(jobs["build"])
    assert uses(jobs["deploy"]) == ["actions/deploy-pages"]
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert jobs["deploy"]["environment"]["name"] == "github-pages"


def test_every_action_is_on_a_major_that_runs_on_node_24(jobs: dict[str, Any]) -> None:
    pinned = {
        str(step["uses"]).split("@")[0]: str(step["uses"]).split("@")[1]
        for job in jobs.values()
        for step in job["steps"]
        if "uses" in step
    }
    assert pinned == NODE_24_MAJORS


def test_no_job_keeps_the_repository_token_after_checkout(jobs: dict[str, Any]) -> None:
    """Nothing pushes, and `make test` runs packages from npm and PyPI: they get no token."""
    checkouts = steps_using(jobs, "actions/checkout")
    assert len(checkouts) == 2
    assert all(step["with"]["persist-credentials"] is False for step in checkouts)


def test_the_site_holds_no_file_the_pages_artifact_leaves_out(built_site: Path) -> None:
    """upload-pages-artifact (from v4) leaves out every file or folder whose name starts
    with a dot: such a file would be missing from the published site. The list of the
    site's files (:mod:`generator.site_manifest`) is for the next build, not for learners."""
    hidden = [path.relative_to(built_site) for path in built_site.rglob(".*")]
    assert hidden == [Path(MANIFEST)]


def test_the_build_may_read_the_pages_settings_of_a_private_repository(
    jobs: dict[str, Any],
) -> None:
    """configure-pages asks for the Pages settings: in a private repository the token
    needs ``pages: read``, and the workflow's ``contents: read`` alone refuses it."""
    assert jobs["build"]["permissions"] == {"contents": "read", "pages": "read"}


def test_site_url_comes_from_the_pages_settings(jobs: dict[str, Any]) -> None:
    build = next(step for step in jobs["build"]["steps"] if step.get("run") == "make build")
    assert build["env"]["SITE_URL"] == "${{ steps.pages.outputs.base_url }}/"
    upload = next(s for s in jobs["build"]["steps"] if "upload-pages-artifact" in s.get("uses", ""))
    assert upload["with"]["path"] == "site"


def test_mkdocs_reads_site_url_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    def site_url() -> str | None:
        config = load_config(str(PROJECT / "mkdocs.yml"), docs_dir=str(PROJECT / "course"))
        return config.site_url

    monkeypatch.setenv("SITE_URL", "https://trainer.github.io/mot-course/")
    assert site_url() == "https://trainer.github.io/mot-course/"
    monkeypatch.delenv("SITE_URL")
    assert site_url() is None, "no address rather than the live preview's"
