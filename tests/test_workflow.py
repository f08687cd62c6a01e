"""The GitHub Pages workflow: official actions, tests before deploy, SITE_URL from Pages."""

from __future__ import annotations

from typing import Any

import pytest
from mkdocs.config import load_config
from ruamel.yaml import YAML

from tests.conftest import PROJECT

WORKFLOW = PROJECT / ".github/workflows/pages.yml"


@pytest.fixture(scope="module")
def jobs() -> dict[str, Any]:
    workflow: dict[str, Any] = YAML(typ="safe").load(WORKFLOW.read_text(encoding="utf-8"))
    return dict(workflow["jobs"])


def uses(job: dict[str, Any]) -> list[str]:
    return [str(step["uses"]).split("@")[0] for step in job["steps"] if "uses" in step]


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
