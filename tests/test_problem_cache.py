"""Each file's own problems, kept between checks: found again only where what they read
changed, and told as a check that reads every file tells them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from generator import lint, page_checks, problem_cache, settings_env
from generator.models import Page, Source
from generator.project import Project
from tests.conftest import run_generator

SKIPPED_LEVEL = ("## 以客户为中心 {#centre}", "#### 以客户为中心 {#centre}")
"""A page warning: a heading two levels below the one above it."""
CUT_PROMPT = ("prompt: 以客户为中心意味着什么？", "prompt: 以客户为中心意味着什么？ #客户")
"""A quiz warning: a comment cutting a prompt short."""


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def files_read(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files whose own problems each check finds from now on, rather than keeps."""
    read: list[str] = []
    own_problems, file_problems = page_checks._own_problems, lint._file_problems

    def page_read(page: Page, *rest: object) -> object:
        read.append(page.source.path.name)
        return own_problems(page, *rest)  # type: ignore[arg-type]

    def file_read(source: Source, *rest: object, **named: object) -> object:
        read.append(source.path.name)
        return file_problems(source, *rest, **named)  # type: ignore[arg-type]

    monkeypatch.setattr(page_checks, "_own_problems", page_read)
    monkeypatch.setattr(lint, "_file_problems", file_read)
    return read


def checked(root: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    """What ``check`` tells of the course at ``root``."""
    run_generator(root, "check")
    return capsys.readouterr().err.splitlines()


@pytest.fixture
def with_warnings(minimal_project: Path) -> Path:
    edit(minimal_project / "course/02-second.md", *SKIPPED_LEVEL)
    edit(minimal_project / "quizzes/02-second.yml", *CUT_PROMPT)
    return minimal_project


def test_a_check_again_tells_the_same_and_reads_only_the_file_that_changed(
    with_warnings: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    first = checked(with_warnings, capsys)
    codes = "[page.heading-level-skipped]", "[text.cut-by-comment]"
    assert all(any(line.endswith(code) for line in first) for code in codes), first
    read = files_read(monkeypatch)
    assert checked(with_warnings, capsys) == first
    assert read == []
    edit(with_warnings / "quizzes/02-second.yml", CUT_PROMPT[1], CUT_PROMPT[0])
    assert checked(with_warnings, capsys) == [
        line for line in first if not line.endswith("[text.cut-by-comment]")
    ]
    assert read == ["02-second.yml"]


def test_a_new_release_or_new_settings_read_every_file_again(
    with_warnings: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A rule added or changed finds in every file; the settings change what a page is; and
    another Python reads text with other Unicode tables."""
    first = checked(with_warnings, capsys)
    read = files_read(monkeypatch)
    monkeypatch.setattr(problem_cache, "code_digest", lambda: b"a newer generator")
    assert checked(with_warnings, capsys) == first
    every_file = sorted(read)
    assert {"02-second.md", "02-second.yml", "exam.yml"} <= set(every_file)
    read.clear()
    with (with_warnings / "mkdocs.yml").open("a", encoding="utf-8") as settings:
        settings.write("# a comment\n")
    assert checked(with_warnings, capsys) == first
    assert sorted(read) == every_file
    read.clear()
    monkeypatch.setattr(sys, "version", f"{sys.version} (another Python)")
    assert checked(with_warnings, capsys) == first
    assert sorted(read) == every_file


def test_a_file_put_under_course_is_found_by_a_page_that_named_it(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A page's own problems read which files course/ holds, not only the page: here, the
    file its CSS loads."""
    edit(
        minimal_project / "course/02-second.md",
        "一切从客户出发。",
        '一切从客户出发。\n\n<p style="background: url(flow.png)">先听</p>',
    )
    missing = checked(minimal_project, capsys)
    assert any("flow.png" in line for line in missing), missing
    (minimal_project / "course/flow.png").write_bytes(b"\x89PNG\r\n\x1a\n not really a picture")
    assert not any("flow.png" in line for line in checked(minimal_project, capsys))


@pytest.mark.parametrize(
    "kept",
    [
        "[1, 2]",
        '"text"',
        "[[1]]",
        '[["a", "x", 1, "m", "f", "c", "no"]]',
        '[["a", 3.9, 1, "m", "f", "c", "warning"]]',
        '[["a", true, 1, "m", "f", "c", "warning"]]',
        '[["a", 1e999, 1, "m", "f", "c", "warning"]]',
        '[[null, 1, 1, "m", "f", "c", "warning"]]',
    ],
)
def test_problems_kept_in_a_shape_no_check_saved_are_found_again(
    with_warnings: Path, capsys: pytest.CaptureFixture[str], kept: str
) -> None:
    first = checked(with_warnings, capsys)
    path = Project(with_warnings).cache_dir / problem_cache.CACHE_FILE
    saved = json.loads(path.read_text(encoding="utf-8"))
    saved["values"] = {key: json.loads(kept) for key in saved["values"]}
    path.write_text(json.dumps(saved), encoding="utf-8")
    assert checked(with_warnings, capsys) == first


@pytest.mark.parametrize("saved", ["[" * 200_000, '{"stamp":' * 100_000, "\udcff"])
def test_a_cache_file_no_check_could_have_saved_is_read_as_empty(
    with_warnings: Path, capsys: pytest.CaptureFixture[str], saved: str
) -> None:
    """Nested deeper than Python reads (it raised RecursionError), or not text."""
    first = checked(with_warnings, capsys)
    path = Project(with_warnings).cache_dir / problem_cache.CACHE_FILE
    path.write_text(saved, encoding="utf-8", errors="surrogateescape")
    assert checked(with_warnings, capsys) == first


@pytest.mark.parametrize("unusable", ["cache is a file", "problems.json is a folder"])
def test_a_check_where_nothing_can_be_kept_tells_what_it_tells_with_a_cache(
    with_warnings: Path, capsys: pytest.CaptureFixture[str], unusable: str
) -> None:
    """A cache is kept to save time, and a check that cannot keep one still checks: it had
    failed on the folder ([setup.os-error]), the course's own problems left untold."""
    first = checked(with_warnings, capsys)
    cache = Project(with_warnings).cache_dir
    shutil.rmtree(cache)
    if unusable == "cache is a file":
        cache.write_text("", encoding="utf-8")
    else:
        (cache / problem_cache.CACHE_FILE).mkdir(parents=True)
    edit(with_warnings / "quizzes/02-second.yml", *CUT_PROMPT[::-1])
    assert checked(with_warnings, capsys) == [
        line for line in first if not line.endswith("[text.cut-by-comment]")
    ]


def test_a_problem_naming_a_file_whose_name_is_not_utf_8_is_kept_and_told(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A name read from the disk as it is (a byte no UTF-8 holds, as a lone surrogate) in a
    problem's message: keeping it crashed the check ([setup.generator-failed])."""
    folder = os.fsencode(minimal_project / "course") + b"/img\xff"
    os.mkdir(folder)
    Path(os.fsdecode(folder + b"/a.png")).write_bytes(b"\x89PNG\r\n\x1a\n not really a picture")
    page = minimal_project / "course/01-sample.md"
    with page.open("a", encoding="utf-8") as text:
        text.write('\n<div style="background:url(file:///C:/x/a.png)">块</div>\n')
    told = checked(minimal_project, capsys)
    assert told[-1] == "FAILED: 1 problem"
    assert told[0].endswith("[link.local-file]") and "img\\udcff/a.png" in told[0], told
    assert checked(minimal_project, capsys) == told


def test_settings_an_environment_variable_gives_are_read_as_they_are_now(
    minimal_project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """mkdocs.yml unchanged, but a variable its ``!ENV`` reads changed how headings are named:
    the scan and the problems kept from the run before said the link was fine, and the build
    shipped it broken."""
    edit(minimal_project / "mkdocs.yml", "permalink: true\n", SEPARATOR_FROM_VARIABLE)
    edit(
        minimal_project / "course/02-second.md",
        "一切从客户出发。",
        "一切从客户出发。\n\n## Step One",
    )
    with (minimal_project / "course/01-sample.md").open("a", encoding="utf-8") as page:
        page.write("\n参见[第二步](02-second.md#step-one)。\n")
    monkeypatch.delenv("TOC_SEPARATOR", raising=False)
    assert checked(minimal_project, capsys) == []
    monkeypatch.setenv("TOC_SEPARATOR", "_")
    told = checked(minimal_project, capsys)
    assert told[-1:] == ["FAILED: 1 problem"], told
    assert "did you mean '#step_one'?" in told[0] and told[0].endswith("[link.unknown-anchor]")


SEPARATOR_FROM_VARIABLE = 'permalink: true\n      separator: !ENV [TOC_SEPARATOR, "-"]\n'
"""The word separator of heading ids, from an environment variable or ``-``."""


def test_another_package_installed_reads_every_file_again(
    with_warnings: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A Markdown extension or a theme the settings name may come from any package, so an
    upgrade of any of them (here, one no check knew of) finds every file's problems again."""
    first = checked(with_warnings, capsys)
    read = files_read(monkeypatch)
    put_first_on_the_path(monkeypatch, with_warnings / "site-packages/mdx_other-2.0.dist-info")
    assert checked(with_warnings, capsys) == first
    assert {"02-second.md", "02-second.yml", "exam.yml"} <= set(read)


def put_first_on_the_path(monkeypatch: pytest.MonkeyPatch, metadata: Path) -> None:
    """Make the folder ``metadata`` (a distribution's, ``*.dist-info``) and put the folder
    holding it first on ``sys.path``, where Python imports from."""
    metadata.mkdir(parents=True)
    monkeypatch.syspath_prepend(str(metadata.parent))


def test_settings_holding_themselves_are_read_for_their_variables_at_once() -> None:
    """An alias inside the value its anchor names (refused by check as the settings' own
    problem) made the settings a loop, and reading the variables they name went round it
    for ever before that problem was told."""
    settings = b"site_url: !ENV SITE_URL\nextra: &contacts\n  - *contacts\n"
    reading = threading.Thread(target=settings_env.variables_read, args=(settings,), daemon=True)
    reading.start()
    reading.join(timeout=10)
    assert not reading.is_alive()
    assert settings_env.variables_read(settings) == [("SITE_URL", os.environ.get("SITE_URL"))]


def test_a_check_run_from_another_folder_keeps_what_is_kept(
    with_warnings: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The folder a command runs in is first on ``sys.path``: a source checkout holding its
    own metadata (``mot_course.egg-info``) made a check run there stamp the caches otherwise
    than a preview started in the project, and each threw away what the other kept."""
    first = checked(with_warnings, capsys)
    read = files_read(monkeypatch)
    put_first_on_the_path(monkeypatch, with_warnings / "checkout/mot_course.egg-info")
    assert checked(with_warnings, capsys) == first
    assert read == []


LINT_IN_WORKERS = """
import os, runpy, sys
from generator import lint, workers

this_process, lint_here = os.getpid(), lint._file_problems

def not_here(*arguments, **named):
    assert os.getpid() != this_process, "linted in the calling process, not in a worker"
    return lint_here(*arguments, **named)

workers.MIN_TASKS, lint._file_problems = 1, not_here
sys.argv[1:] = ["--root", sys.argv[1], "check"]
runpy.run_module("generator", run_name="__main__")
"""
"""``check``, every file linted in a worker process, or the script fails."""


def in_a_process(*arguments: str) -> tuple[int, list[str]]:
    """The exit code and what Python, run with ``arguments``, tells."""
    done = subprocess.run([sys.executable, *arguments], capture_output=True, text=True, check=False)
    return done.returncode, done.stderr.splitlines()


def test_a_first_check_lints_the_files_in_workers_and_keeps_each_file_s_findings_for_it(
    with_warnings: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A first check of 300 modules linted its 600 files one after another, the second core
    idle. Linted in workers, each file's findings are told as before, and kept for that
    file: once the quiz is mended, a check that takes the other files' findings as kept
    tells what a check that reads every file tells."""
    in_workers = in_a_process("-c", LINT_IN_WORKERS, str(with_warnings))
    cache = Project(with_warnings).cache_dir
    shutil.rmtree(cache)
    here = in_a_process("-m", "generator", "--root", str(with_warnings), "check")
    assert any(line.endswith("[text.cut-by-comment]") for line in here[1]), here
    assert in_workers == here
    shutil.rmtree(cache)
    in_a_process("-c", LINT_IN_WORKERS, str(with_warnings))
    edit(with_warnings / "quizzes/02-second.yml", CUT_PROMPT[1], CUT_PROMPT[0])
    kept = checked(with_warnings, capsys)
    shutil.rmtree(cache)
    assert checked(with_warnings, capsys) == kept
    assert not any(line.endswith("[text.cut-by-comment]") for line in kept), kept
