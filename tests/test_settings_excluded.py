"""``exclude_docs`` and ``draft_docs`` in mkdocs.yml may not leave out what the site needs
(generator/settings_excluded.py).

One line, ``draft_docs: 03-explore.md``, published a course without its module 3: every
link to it led nowhere, the exam still drew its questions, no learner could pass it, and
``build`` and ``check --strict`` said OK.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_generator
from tests.test_settings_trust import append_settings, only_problem

FIX = "or make it match only files the course does not use [settings.excluded-file]"


@pytest.mark.parametrize(
    ("setting", "pattern", "named", "does"),
    [
        ("draft_docs", "02-second.md", "02-second.md", "takes what it matches for drafts"),
        ("exclude_docs", "mistakes.md", "mistakes.md", "leaves what it matches out of the site"),
        ("exclude_docs", "assets/mot-core.js", "assets/mot-core.js", "leaves what it matches"),
        ("exclude_docs", "*.md", "01-sample.md, 02-second.md, exam.md and 3 more", "leaves"),
    ],
    ids=["a-module-as-draft", "a-generated-page", "the-runtime", "every-page"],
)
def test_a_pattern_that_leaves_out_what_the_site_needs_is_refused_at_its_key(
    minimal_project: Path,
    capsys: pytest.CaptureFixture[str],
    setting: str,
    pattern: str,
    named: str,
    does: str,
) -> None:
    line = append_settings(minimal_project, f"{setting}: |\n  drafts/\n  {pattern}\n")
    problem = only_problem(minimal_project, capsys)
    assert problem.startswith(
        f"mkdocs.yml:{line}:1: {setting} matches {named}, which the course needs: MkDocs {does}"
    )
    assert problem.endswith(f"out of {setting}, {FIX}")
    assert not (minimal_project / "site").exists()
    assert run_generator(minimal_project, "build") == 1
    assert not (minimal_project / "site").exists()


def test_a_linked_page_is_needed_and_a_draft_no_page_links_to_is_not(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """MkDocs' strict build only logs a link to a page it left out: a page another page
    links to is needed. A draft of the trainer's that no page links to may stay out."""
    course = minimal_project / "course"
    (course / "guide.md").write_text("---\ntitle: 指南\n---\n\n指南。\n", encoding="utf-8")
    (course / "notes.md").write_text("---\ntitle: 草稿\n---\n\n草稿。\n", encoding="utf-8")
    home = course / "index.md"
    home.write_text(home.read_text(encoding="utf-8") + "\n见[指南](guide.md)。\n")
    line = append_settings(minimal_project, "exclude_docs: |\n  guide.md\n")
    assert only_problem(minimal_project, capsys).startswith(
        f"mkdocs.yml:{line}:1: exclude_docs matches guide.md, which the course needs"
    )
    settings = minimal_project / "mkdocs.yml"
    settings.write_text(settings.read_text().replace("  guide.md\n", "  notes.md\n"))
    assert run_generator(minimal_project, "build") == 0, capsys.readouterr().err
    assert (minimal_project / "site/guide.html").is_file()
    assert not (minimal_project / "site/notes.html").exists()
