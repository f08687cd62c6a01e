"""``docs_dir`` and ``site_dir`` in mkdocs.yml are the generator's to choose
(generator/settings_output.py).

``site_dir: public`` was ignored: the build wrote ``site/``, said so, and ``public/`` stayed
empty, with ``check`` saying OK; the Pages workflow and the preview name ``site/`` too.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_generator
from tests.test_settings_printed_raw import edit_settings, problems

SITE = (
    "the site is always written to site/, which the preview serves and the Pages workflow "
    "publishes; write 'site_dir: site' or delete the line; to publish it from another folder "
    "as well, copy site/ there after the build"
)
DOCS = (
    "MkDocs always reads its pages from build/docs/, where the generator writes them from "
    "course/ and quizzes/; write 'docs_dir: build/docs' or delete the line; edit the pages in "
    "course/ and the quizzes in quizzes/"
)


@pytest.mark.parametrize(
    ("old", "new", "told"),
    [
        ("site_dir: site", "site_dir: public", f"site_dir names the folder 'public', but {SITE}"),
        (
            "docs_dir: build/docs",
            "docs_dir: course",
            f"docs_dir names the folder 'course', but {DOCS}",
        ),
        # MkDocs refused these in its words: the docs folder must not be within the site's
        ("site_dir: site", "site_dir: course", f"site_dir names the folder 'course', but {SITE}"),
        ("site_dir: site", "site_dir: .", f"site_dir names the folder '.', but {SITE}"),
    ],
    ids=["site_dir", "docs_dir", "site-in-course", "site-is-project"],
)
def test_a_folder_the_generator_does_not_use_is_refused_at_its_line(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], old: str, new: str, told: str
) -> None:
    line = edit_settings(minimal_project, old, new)
    assert problems(minimal_project, capsys, "build") == (
        f"mkdocs.yml:{line}:11: {told} [settings.fixed-folder]\nFAILED: 1 problem\n"
        "No site was written to site/.\n"
    )
    assert not (minimal_project / "site").exists()
    assert not (minimal_project / "public").exists()


def test_a_folder_an_environment_variable_gives_names_the_variable(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    line = edit_settings(minimal_project, "site_dir: site", "site_dir: !ENV [MOT_OUT, site]")
    monkeypatch.setenv("MOT_OUT", "public")
    assert problems(minimal_project, capsys) == (
        f"mkdocs.yml:{line}:11: site_dir names the folder 'public'; its value comes from the "
        f"environment variable MOT_OUT, but {SITE} [settings.fixed-folder]\nFAILED: 1 problem\n"
    )
    monkeypatch.delenv("MOT_OUT")
    assert run_generator(minimal_project, "check") == 0


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("site_dir: site", "site_dir: ./site/"),
        ("site_dir: site", "site_dir: {root}/site"),
        ("site_dir: site", ""),
        ("docs_dir: build/docs", "docs_dir: build/docs/"),
        ("docs_dir: build/docs", ""),
    ],
    ids=[
        "site-written-otherwise",
        "site-full-path",
        "site-left-out",
        "docs-slash",
        "docs-left-out",
    ],
)
def test_the_folders_the_generator_uses_may_be_written_any_way_or_left_out(
    minimal_project: Path, old: str, new: str
) -> None:
    edit_settings(minimal_project, old, new.format(root=minimal_project.as_posix()))
    assert run_generator(minimal_project, "build") == 0
    assert (minimal_project / "site" / "index.html").is_file()
