"""``nav`` in mkdocs.yml is checked against the pages the docs folder will hold
(generator/settings_nav.py).

A trainer who added a ``nav`` listing only ``index.md``, or a page that does not exist, got
OK from ``check``; ``build`` then failed with MkDocs' strict warnings at the file's first
line, or at a comment that happened to quote the page's name.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator import build
from generator.project import Project
from generator.settings_nav import site_pages
from tests.conftest import run_generator
from tests.test_settings_printed_raw import edit_settings, problems
from tests.test_settings_trust import append_settings, only_problem

EVERY_PAGE = [
    "index.md",
    "01-sample.md",
    "02-second.md",
    "exam.md",
    "exam_certificate.md",
    "mistakes.md",
]
"""The minimal course's pages in the docs folder: its own, and the generator's."""
OMITTED_FIX = (
    "MkDocs' strict build stops on a page 'nav' does not list (validation: omitted_files); "
    "add {them} to 'nav', or remove 'nav:' so that every page is listed, in the order of "
    "their file names [settings.nav-omitted]"
)
PAGE_FIX = (
    "name a page by its file name in course/ (index.md) or one the generator writes "
    "(exam.md, exam_certificate.md, mistakes.md); or remove the entry [settings.nav-page]"
)


def nav_of(*entries: str) -> str:
    return "nav:\n" + "".join(f"  - {entry}\n" for entry in entries)


def test_a_nav_that_leaves_pages_out_names_them_at_its_key(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """MkDocs' strict build stops on every page the nav leaves out, the generator's too."""
    line = append_settings(minimal_project, nav_of("index.md"))
    expected = (
        f"mkdocs.yml:{line}:1: 'nav' leaves out '01-sample.md', '02-second.md', 'exam.md' "
        "(the final exam, which the generator writes), 'exam_certificate.md' (the exam's "
        "certificate, which the generator writes) and 'mistakes.md' (the 错题本, which the "
        f"generator writes): {OMITTED_FIX.format(them='them')}"
    )
    assert only_problem(minimal_project, capsys) == expected
    assert problems(minimal_project, capsys, "build").splitlines()[0] == expected


def test_the_certificate_page_must_be_listed_too(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The exam links to the certificate page, but MkDocs still asks for it in ``nav``."""
    line = append_settings(minimal_project, nav_of(*EVERY_PAGE[:-2], EVERY_PAGE[-1]))
    assert only_problem(minimal_project, capsys) == (
        f"mkdocs.yml:{line}:1: 'nav' leaves out 'exam_certificate.md' (the exam's certificate, "
        f"which the generator writes): {OMITTED_FIX.format(them='it')}"
    )


@pytest.mark.parametrize(
    ("entry", "suggestion"),
    [
        ("缺失: nothere.md", ""),
        ("第二章: 02-secnd.md", "did you mean '02-second.md'? "),
        ("第二章: course/02-second.md", "did you mean '02-second.md'? "),
        ("首页: index.md#start", "did you mean 'index.md'? "),
        ("首页: Index.html", "did you mean 'index.md'? "),
        ("考试: exam", "did you mean 'exam.md'? "),
        ("词汇: glossary", ""),
    ],
    ids=["no-such-page", "misspelt", "source-path", "section", "address", "stem", "no-suffix"],
)
def test_an_entry_that_names_no_page_is_refused_at_its_line(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], entry: str, suggestion: str
) -> None:
    line = append_settings(minimal_project, nav_of(*EVERY_PAGE, entry))
    title, written = entry.split(": ")
    column = len(f"  - {title}: ") + 1
    assert only_problem(minimal_project, capsys) == (
        f"mkdocs.yml:{line + len(EVERY_PAGE) + 1}:{column}: the nav entry '{title}' names "
        f"'{written}', which is no page of the site: MkDocs' strict build stops on it; "
        f"{suggestion}{PAGE_FIX}"
    )


def test_an_entry_in_a_section_is_found_at_its_line(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before, MkDocs' warning went to the first line quoting the name: here, a comment."""
    text = (
        "# 02-secnd.md was renamed\n"
        + nav_of(*EVERY_PAGE[:1], *EVERY_PAGE[3:])
        + "  - 模块:\n      - 01-sample.md\n      - 02-second.md\n      - 02-secnd.md\n"
    )
    line = append_settings(minimal_project, text) + 1 + len(EVERY_PAGE) - 2 + 4
    assert only_problem(minimal_project, capsys) == (
        f"mkdocs.yml:{line}:9: the nav entry '模块' names '02-secnd.md', which is no page of the "
        f"site: MkDocs' strict build stops on it; did you mean '02-second.md'? {PAGE_FIX}"
    )


def test_an_entry_a_variable_gives_names_the_variable(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GUIDE_PAGE", "nothere.md")
    line = append_settings(
        minimal_project, nav_of(*EVERY_PAGE, "指南: !ENV [GUIDE_PAGE, index.md]")
    )
    assert only_problem(minimal_project, capsys) == (
        f"mkdocs.yml:{line + len(EVERY_PAGE) + 1}:9: the nav entry '指南' names 'nothere.md', "
        "which is no page of the site: MkDocs' strict build stops on it; its value comes from "
        f"the environment variable GUIDE_PAGE; {PAGE_FIX}"
    )


def test_an_absolute_path_is_judged_when_mkdocs_reads_it_in_the_site(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``absolute_links: relative_to_docs``: MkDocs looks ``/01-sample.md`` up as a page."""
    edit_settings(
        minimal_project,
        "  omitted_files: warn\n",
        "  omitted_files: warn\n  nav:\n    absolute_links: relative_to_docs\n",
    )
    pages = [f"/{page}" for page in EVERY_PAGE]
    line = append_settings(minimal_project, nav_of(*pages))
    assert run_generator(minimal_project, "build") == 0
    capsys.readouterr()
    append_settings(minimal_project, "  - /nothere.md\n")
    assert only_problem(minimal_project, capsys) == (
        f"mkdocs.yml:{line + len(pages) + 1}:5: an entry of 'nav' names '/nothere.md', which is "
        f"no page of the site: MkDocs' strict build stops on it; {PAGE_FIX}"
    )


def test_an_absolute_path_mkdocs_takes_for_an_address_is_refused_at_its_line(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The build stopped on '/index.md' at the file's first line; ``check`` had said that
    'nav' left index.md out, and told the trainer to add what was there."""
    line = append_settings(minimal_project, nav_of("/index.md", *EVERY_PAGE[1:]))
    expected = (
        f"mkdocs.yml:{line + 1}:5: an entry of 'nav' names '/index.md', an absolute path, which "
        "MkDocs takes for an address outside the site: its strict build stops on it "
        "(validation: absolute_links); write it from course/, without the leading '/': "
        "'index.md' [settings.nav-absolute]"
    )
    assert only_problem(minimal_project, capsys) == expected
    assert problems(minimal_project, capsys, "build").splitlines()[0] == expected
    edit_settings(minimal_project, "  absolute_links: warn\n", "  absolute_links: info\n")
    assert only_problem(minimal_project, capsys).endswith("[settings.nav-omitted]")


def test_a_nav_of_every_page_in_another_order_builds(minimal_project: Path) -> None:
    """Pages in any order, a section, a path MkDocs reads as a page (``./``), a web address."""
    append_settings(
        minimal_project,
        "nav:\n"
        "  - 首页: ./index.md\n"
        "  - 期末考试:\n"
        "      - exam.md\n"
        "      - 证书: exam_certificate.md\n"
        "  - 模块:\n"
        "      - 02-second.md\n"
        "      - 01-sample.md\n"
        "  - mistakes.md\n"
        "  - 官网: https://example.com/mot/\n",
    )
    assert run_generator(minimal_project, "check") == 0
    assert run_generator(minimal_project, "build") == 0
    home = (minimal_project / "site/index.html").read_text(encoding="utf-8")
    assert re.search(r"期末考试.*模块.*https://example\.com/mot/", home, re.DOTALL)


@pytest.mark.parametrize(
    ("settings", "listed"),
    [
        ("not_in_nav: |\n  exam_certificate.md\n  mistakes.md\n", EVERY_PAGE[:4]),
        ("exclude_docs: |\n  notes.md\n", EVERY_PAGE),
    ],
    ids=["not-in-nav", "excluded"],
)
def test_a_page_mkdocs_does_not_ask_for_need_not_be_listed(
    minimal_project: Path, settings: str, listed: list[str]
) -> None:
    """check refuses what the build would, no more. (A page left out of the site is one no
    page links to: test_settings_excluded.py.)"""
    if "notes.md" in settings:  # a draft of the trainer's, which no page links to
        (minimal_project / "course/notes.md").write_text("---\ntitle: 草稿\n---\n\n草稿。\n")
    append_settings(minimal_project, settings + nav_of(*listed))
    assert run_generator(minimal_project, "check") == 0
    assert run_generator(minimal_project, "build") == 0


def test_a_file_the_site_publishes_may_be_listed(minimal_project: Path) -> None:
    """A file of course/media/ is in the docs folder: MkDocs finds an entry naming it."""
    (minimal_project / "course/media").mkdir()
    (minimal_project / "course/media/guide.html").write_text("<p>指南</p>\n", encoding="utf-8")
    append_settings(minimal_project, nav_of(*EVERY_PAGE, "指南: media/guide.html"))
    assert run_generator(minimal_project, "check") == 0
    assert run_generator(minimal_project, "build") == 0


def test_what_validation_lets_pass_is_not_refused(minimal_project: Path) -> None:
    """``validation: nav:`` below ``warn``: MkDocs' strict build only logs these."""
    edit_settings(
        minimal_project,
        "  omitted_files: warn\n",
        "  omitted_files: warn\n  nav:\n    omitted_files: info\n    not_found: info\n",
    )
    append_settings(minimal_project, nav_of("index.md", "nothere.md"))
    assert run_generator(minimal_project, "check") == 0
    assert run_generator(minimal_project, "build") == 0


def test_the_pages_checked_are_the_pages_written(minimal_project: Path) -> None:
    """The names nav is checked against are the Markdown files the docs folder gets."""
    checked = build.check(Project(minimal_project))
    written = sorted(name for name in build.docs_contents(checked) if name.endswith(".md"))
    assert site_pages(checked.course) == written == sorted(EVERY_PAGE)
