"""Scanning pages for headings and references: once per page text, in parallel when many."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator import course_scan, page_cache, page_scan
from generator.course_scan import CourseScan, CourseScanner, Scanned, scan_course
from generator.load import load_course
from generator.markdown_config import markdown_settings
from generator.models import Page
from generator.page_cache import CACHE_FILE
from generator.page_checks import OwnChecks, page_problems
from generator.page_scan import PageScan, new_converter, scan_page
from generator.project import Project
from tests.conftest import copy_project, run_generator


def scan(root: Path) -> CourseScan:
    project = Project(root)
    return scan_course(load_course(project), project)


def converted_pages(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many page bodies each scan converts from now on."""
    counts: list[int] = []

    class Counting(page_scan.Scans[Page, Scanned]):
        def results(self) -> list[Scanned]:
            counts.append(len(self.items))
            return super().results()

    monkeypatch.setattr(course_scan, "Scans", Counting)
    return counts


def test_only_pages_whose_text_changed_are_converted_again(
    minimal_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    counts = converted_pages(monkeypatch)
    first = scan(minimal_project)
    assert scan(minimal_project) == first
    page = minimal_project / "course/02-second.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n## 新的一节\n", encoding="utf-8")
    changed = scan(minimal_project)
    pages = len(load_course(Project(minimal_project)).pages)
    assert counts == [pages, 0, 1]
    assert changed.anchors["02-second.md"] == {
        **first.anchors["02-second.md"],
        "新的一节": "新的一节",
    }


def test_a_damaged_cache_is_read_as_empty(minimal_project: Path) -> None:
    first = scan(minimal_project)
    cache = Project(minimal_project).cache_dir / CACHE_FILE
    cache.write_text('{"not": "ours"', encoding="utf-8")
    assert scan(minimal_project) == first


def test_entries_of_the_wrong_shape_are_made_again_and_saved(
    minimal_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = scan(minimal_project)
    cache = Project(minimal_project).cache_dir / CACHE_FILE
    saved = json.loads(cache.read_text(encoding="utf-8"))
    damaged = {**saved, "values": {key: 5 for key in saved["values"]}}
    cache.write_text(json.dumps(damaged), encoding="utf-8")
    counts = converted_pages(monkeypatch)
    assert scan(minimal_project) == first
    assert scan(minimal_project) == first
    assert counts == [len(saved["values"]), 0]


@pytest.mark.parametrize("changed", [0, 1], ids=["scanner", "cache"])
def test_scans_kept_by_older_code_are_made_again(
    minimal_project: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, changed: int
) -> None:
    """An upgrade that finds more in a page (an empty id, say), or keeps a scan's parts in
    another order, would otherwise not see it in any page unchanged since the last check."""
    scan(minimal_project)
    counts = converted_pages(monkeypatch)
    scan(minimal_project)
    code = list(page_cache.CODE)
    newer = tmp_path / code[changed].name
    newer.write_bytes(code[changed].read_bytes() + b"\n# finds more\n")
    code[changed] = newer
    monkeypatch.setattr(page_cache, "CODE", tuple(code))
    scan(minimal_project)
    assert counts == [0, len(load_course(Project(minimal_project)).pages)]


IN_WORKERS = """
import json, os, runpy, sys
from pathlib import Path
from generator import course_scan, page_cache, page_scan
from generator.load import load_course
from generator.project import Project

scan_here, this_process = course_scan._scanned, os.getpid()

def not_here(page, converter, **checks):
    assert os.getpid() != this_process, "converted in the calling process, not in a worker"
    return scan_here(page, converter, **checks)

page_scan.PARALLEL_FROM, course_scan._scanned = 1, not_here
"""
"""Every page is scanned (and, in a check, checked) in a worker process, or the script
fails."""


def test_an_empty_page_has_none_of_the_links_of_the_page_before(minimal_project: Path) -> None:
    """Python-Markdown does not run its tree processors on an empty page."""
    converter = new_converter(*markdown_settings(Project(minimal_project)))
    assert scan_page("[讲义](media/x.pdf)", converter).links == [("media/x.pdf", False)]
    assert scan_page("", converter) == PageScan({}, set(), [], [])


def test_a_bracket_is_no_footnote_without_the_footnotes_extension() -> None:
    """Without it in mkdocs.yml, ``[^2]`` is text the trainer wrote, not a slip."""
    found = scan_page("服务补救[^2]。\n\n[^1]: 来源。", new_converter([], {}))
    assert (found.unused_footnotes, found.undefined_footnotes) == ([], [])
    with_footnotes = scan_page("服务补救[^2]。\n\n[^1]: 来源。", new_converter(["footnotes"], {}))
    assert (with_footnotes.unused_footnotes, with_footnotes.undefined_footnotes) == (["1"], ["2"])


PARALLEL_SCAN = f"""{IN_WORKERS}
project = Project(Path(sys.argv[1]))
scan = course_scan.scan_course(load_course(project), project)
references = {{page: sorted(found) for page, found in scan.references.items()}}
print(json.dumps([scan.anchors, references]))
"""
"""The real course scanned in worker processes, in a process of its own: workers are forked
only from a process with one thread, and the test run has others (the served sites)."""


def test_worker_processes_find_what_one_process_finds(tmp_path: Path) -> None:
    """The parallel scan fails if it falls back to converting the pages in its process."""
    parallel = subprocess.run(
        [sys.executable, "-c", PARALLEL_SCAN, str(copy_project(tmp_path / "parallel"))],
        capture_output=True,
        text=True,
        check=True,
    )
    anchors, references = json.loads(parallel.stdout)
    serial = scan(copy_project(tmp_path / "serial"))
    assert anchors == serial.anchors
    assert references == {page: sorted(found) for page, found in serial.references.items()}
    assert len(anchors["01-significance.md"]) > 10


PARALLEL_CHECK = f"""{IN_WORKERS}
sys.argv[1:] = ["--root", sys.argv[1], "check"]
runpy.run_module("generator", run_name="__main__")
"""


def test_the_command_line_starts_no_thread_before_the_pages_are_scanned() -> None:
    """Importing minify started the Go runtime's threads, which Python's ``threading`` does
    not see: ``check`` and ``build`` forked page-scanning workers from a process with
    threads, which may deadlock (Python 3.12 and later warn of it). The pages are now
    scanned in workers only from a process with one thread of any kind."""
    loaded = "generator.build, generator.export, generator.serve"  # what the commands load
    count = f"import os, {loaded}; print(len(os.listdir('/proc/self/task')))"
    threads = subprocess.run(
        [sys.executable, "-c", count],
        capture_output=True,
        text=True,
        check=True,
    )
    assert threads.stdout.strip() == "1"


def check_in_workers(root: Path) -> subprocess.CompletedProcess[str]:
    """``check`` of the course at ``root``, every page converted in a worker process."""
    return subprocess.run(
        [sys.executable, "-c", PARALLEL_CHECK, str(root)],
        capture_output=True,
        text=True,
        check=False,
    )


def test_a_page_too_deep_is_a_problem_in_worker_processes_too(minimal_project: Path) -> None:
    """Python's stack runs out in the worker: the check reports the page, not a traceback."""
    page = minimal_project / "course/01-sample.md"
    deep_list = "\n".join("    " * level + "- x" for level in range(260))
    page.write_text(f"{page.read_text(encoding='utf-8')}\n{deep_list}\n", encoding="utf-8")
    deepest = page.read_text(encoding="utf-8").count("\n")  # the list's last line
    checked = check_in_workers(minimal_project)
    assert checked.stderr.splitlines() == [
        f"course/01-sample.md:{deepest}:1: the page nests lists, quotes, emphasis or HTML blocks "
        "more than 100 levels deep, more than the site's Markdown converter can follow; "
        "flatten the deepest part, or close the '*' and '_' that are left open "
        "[page.too-deep]",
        "FAILED: 1 problem",
    ]
    assert checked.returncode == 1


SNIPPETS = """  - pymdownx.snippets:
      check_paths: {check_paths}
      base_path: [{base}]
"""
"""An extension a trainer may add; told to check its paths, it fails a page naming a file
it cannot find."""
MISSING_SNIPPET = (
    "a Markdown extension failed to convert the page, so the site cannot be built: "
    "pymdownx.snippets: Snippet at path 'steps.md' could not be found; correct what the "
    "message names, or the extension's settings under markdown_extensions in mkdocs.yml "
    "[page.conversion-failed]"
)


def with_missing_snippet(
    root: Path, base: str | None = None, check_paths: bool = True
) -> tuple[Path, int]:
    """The snippets extension in the project's mkdocs.yml, reading from ``base`` (as
    mkdocs.yml gives it, from the folder the generator runs in; none: the whole path of
    ``snippets/``), and a line in the sample page that names a snippet missing from that
    folder; the folder, and the line's number."""
    folder = root / (base or "snippets")
    folder.mkdir(exist_ok=True)
    config = root / "mkdocs.yml"
    entry = SNIPPETS.format(
        check_paths=json.dumps(check_paths), base=json.dumps(base or str(folder))
    )
    text = config.read_text(encoding="utf-8").replace(
        "  - pymdownx.details\n", f"  - pymdownx.details\n{entry}", 1
    )
    config.write_text(text, encoding="utf-8")
    page = root / "course/01-sample.md"
    body = page.read_text(encoding="utf-8")
    page.write_text(f'{body}\n步骤如下。\n\n--8<-- "steps.md"\n', encoding="utf-8")
    return folder, body.count("\n") + 4


def test_a_page_an_extension_fails_on_is_told_at_its_line_until_it_is_fixed(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """pymdownx.snippets raised for a missing snippet: ``check`` ended in its traceback.
    The failure is not kept with the page's scan: once the file is written, the page
    converts, though its text did not change."""
    snippets, line = with_missing_snippet(minimal_project)
    assert run_generator(minimal_project, "check") == 1
    assert capsys.readouterr().err.splitlines() == [
        f"course/01-sample.md:{line}:9: {MISSING_SNIPPET}",
        "FAILED: 1 problem",
    ]
    (snippets / "steps.md").write_text("1. 先倾听，再提问。\n", encoding="utf-8")
    assert run_generator(minimal_project, "check") == 0


def test_a_page_an_extension_fails_on_is_told_from_worker_processes_too(
    minimal_project: Path,
) -> None:
    _, line = with_missing_snippet(minimal_project)
    checked = check_in_workers(minimal_project)
    assert checked.stderr.splitlines() == [
        f"course/01-sample.md:{line}:9: {MISSING_SNIPPET}",
        "FAILED: 1 problem",
    ]
    assert checked.returncode == 1


def test_a_fault_of_the_scanner_s_own_is_not_told_as_the_page_s(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Only an extension's error is the page's: one raised by the scanner's own code is a
    fault of ours, and goes on as a traceback for us to see."""

    monkeypatch.setattr(page_scan, "TREE_LINKS", None)  # a slip in our code
    with pytest.raises(AttributeError, match="'NoneType' object has no attribute 'get'"):
        scan_page("# 标题\n", new_converter(["toc"], {}))


def test_a_page_is_scanned_again_when_a_snippet_it_reads_changes(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A page's scan is kept for its text; one that read a snippet in was kept as well, so
    a heading the snippet no longer had was still found, and a link to it passed ``check``
    while the site's link led nowhere."""
    snippets, _ = with_missing_snippet(minimal_project)
    steps = snippets / "steps.md"
    steps.write_text("## 步骤 {#steps}\n\n先倾听，再提问。\n", encoding="utf-8")
    second = minimal_project / "course/02-second.md"
    linked = second.read_text(encoding="utf-8") + "\n步骤见[这里](01-sample.md#steps)。\n"
    second.write_text(linked, encoding="utf-8")
    assert run_generator(minimal_project, "check") == 0
    capsys.readouterr()
    steps.write_text("## 步骤 {#listen-first}\n\n先倾听，再提问。\n", encoding="utf-8")
    assert run_generator(minimal_project, "check") == 1
    problem = capsys.readouterr().err.splitlines()[0]
    assert problem.startswith("course/02-second.md:21:9: link to '#steps', which is not a heading")


@pytest.mark.parametrize(
    ("extensions", "settings", "body", "includes"),
    [
        (["pymdownx.snippets"], {}, '# 步骤\n\n--8<-- "steps.md"\n', True),
        (["pymdownx.snippets"], {"auto_append": ["links.md"]}, "# 步骤\n", True),
        (["pymdownx.snippets"], {}, "# 步骤\n\n先倾听。\n", False),
        (["toc"], {}, '# 步骤\n\n--8<-- "steps.md"\n', False),
    ],
    ids=["snippet-line", "appended-to-every-page", "no-snippet", "no-snippets-extension"],
)
def test_a_scan_is_kept_only_where_the_page_read_no_other_file(
    extensions: list[str], settings: dict[str, object], body: str, includes: bool
) -> None:
    configs = {extension: settings for extension in extensions}
    found = scan_page(body, new_converter(extensions, configs))
    assert found.includes_files is includes
    assert found.keepable is not includes


def test_a_snippet_found_nowhere_is_told_at_its_line(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Unless told to check its paths, the snippets extension leaves a line naming a file
    it cannot find out of the page: a misspelt name showed nothing, and no one said so."""
    snippets, line = with_missing_snippet(minimal_project, check_paths=False)
    (snippets / "step.md").write_text("1. 先倾听，再提问。\n", encoding="utf-8")
    told = [
        f"course/01-sample.md:{line}:9: the snippet 'steps.md' is in none of the folders the "
        "snippets extension reads (its base_path), so the page shows nothing in its place; "
        "correct the name, or write the file into one of those folders [page.snippet-missing]",
        "FAILED: 1 problem",
    ]
    assert run_generator(minimal_project, "check") == 1
    assert capsys.readouterr().err.splitlines() == told
    assert check_in_workers(minimal_project).stderr.splitlines() == told
    (snippets / "step.md").rename(snippets / "steps.md")
    assert run_generator(minimal_project, "check") == 0


def test_a_snippet_line_without_the_snippets_extension_is_told_at_its_line(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A trainer who copied ``--8<-- "steps.md"`` from another MkDocs project, whose
    mkdocs.yml lacks the snippets extension: learners saw the line itself, and no one said
    so. In code, or escaped with ';', the line is text on purpose."""
    page = minimal_project / "course/01-sample.md"
    body = page.read_text(encoding="utf-8")
    added = '步骤如下。\n\n--8<-- "steps.md"\n\n```\n--8<-- "x.md"\n```\n\n;--8<-- "y.md"\n'
    page.write_text(f"{body}\n{added}", encoding="utf-8")
    line = body.count("\n") + 4
    assert run_generator(minimal_project, "check") == 1
    assert capsys.readouterr().err.splitlines() == [
        f"course/01-sample.md:{line}:1: '--8<-- \"steps.md\"' reads a file in with the "
        "snippets extension, which mkdocs.yml does not add, so the page shows the line as "
        "it is; add '- pymdownx.snippets' under markdown_extensions in mkdocs.yml, or write "
        "the text itself here [page.snippets-not-added]",
        "FAILED: 1 problem",
    ]
    snippets, _ = with_missing_snippet(minimal_project)  # the extension, and a line
    for name in ("steps.md", "x.md"):  # the extension reads lines in code too
        (snippets / name).write_text("1. 先倾听。\n", encoding="utf-8")
    assert run_generator(minimal_project, "check") == 0


OWN_CHECKS_IN_WORKERS = f"""{IN_WORKERS}
from generator import page_checks
check_here = page_checks._own_problems

def not_checked_here(*arguments):
    assert os.getpid() != this_process, "checked in the calling process, not in a worker"
    return check_here(*arguments)

page_checks._own_problems = not_checked_here
sys.argv[1:] = ["--root", sys.argv[1], "check"]
runpy.run_module("generator", run_name="__main__")
"""


def test_a_first_check_runs_each_page_s_own_checks_in_the_worker_that_scans_it(
    minimal_project: Path,
) -> None:
    """A first check of 300 modules took 8.8 s, a third of it the pages' own checks, run in
    this process once every page was scanned while the other core idled. The workers now
    run them as they scan each page; what the check tells is the same."""
    page = minimal_project / "course/02-second.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("## 以客户为中心", "#### 以客户为中心"), encoding="utf-8")
    in_workers = subprocess.run(
        [sys.executable, "-c", OWN_CHECKS_IN_WORKERS, str(minimal_project)],
        capture_output=True,
        text=True,
        check=False,
    )
    shutil.rmtree(Project(minimal_project).cache_dir)
    here = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(minimal_project), "check"],
        capture_output=True,
        text=True,
        check=False,
    )
    told = here.stderr.splitlines()
    assert any(line.endswith("[page.heading-level-skipped]") for line in told), told
    assert (in_workers.returncode, in_workers.stderr.splitlines()) == (here.returncode, told)


BACKGROUND = '\n<div style="background: url(images/bg.png)">背景</div>\n'
"""A file a page's own checks look for among those under course/."""


def test_own_problems_found_as_a_page_was_scanned_are_taken_for_the_same_files_only(
    minimal_project: Path,
) -> None:
    """The workers check a page for the files under course/ as they were before the course
    was read; checked for other files, the page is checked again."""
    page = minimal_project / "course/02-second.md"
    page.write_text(page.read_text(encoding="utf-8") + BACKGROUND, encoding="utf-8")
    project = Project(minimal_project)
    with CourseScanner(project, OwnChecks(frozenset({"images/bg.png"}))) as scanner:
        course = load_course(project, scanner.start)
        found = scanner.scan(course)
    assert set(found.own_problems) == {page.filename for page in course.pages}

    def missing_files(files: set[str]) -> list[str]:
        problems, _ = page_problems(course, found, files)
        return [problem.message for problem in problems if "bg.png" in problem.message]

    assert missing_files({"images/bg.png"}) == []
    assert len(missing_files(set())) == 1
