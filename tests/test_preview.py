"""The preview's builds: after the first, only changed pages, with navigation and search whole."""

from __future__ import annotations

import json
import os
import re
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import pytest

from generator import build, preview_start
from generator.errors import PROBLEMS_PER_FILE, CourseError, Problem, SetupError
from generator.listen_address import ListenAddress
from generator.preview_start import NOT_STARTED
from generator.preview_terminal import NO_WARNINGS_LEFT
from generator.project import SERVE_STYLES, Project
from generator.search_index import INDEX as SEARCH_INDEX
from generator.search_index import search_entries
from generator.serve import FIXED, NOT_UPDATED, Preview
from generator.source_watch import SourceWatch
from tests.conftest import run_generator, snapshot
from tests.test_page_scan import with_missing_snippet
from tests.test_search_terms import KEPT_WHOLE, PROJECT_TERM, index_text


@pytest.fixture
def preview(minimal_project: Path, tmp_path: Path) -> Preview:
    address = ListenAddress("127.0.0.1", 8000)
    preview = Preview(Project(minimal_project), address, tmp_path / "preview")
    preview.rebuild()
    return preview


def built(preview: Preview, page: str) -> Path:
    return Path(preview.site_dir) / page


def search_pages(preview: Preview) -> set[str]:
    index = json.loads(built(preview, SEARCH_INDEX).read_text(encoding="utf-8"))
    return {entry["location"].split("#")[0] for entry in index["docs"]}


def nav_title(html: str, href: str) -> str:
    """The text of the navigation's link to ``href``."""
    found = re.search(rf'<a href="{re.escape(href)}" class="md-nav__link">(.*?)</a>', html, re.S)
    assert found, href
    return " ".join(re.sub(r"<[^>]+>", " ", found.group(1)).split())


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_quiz_edit_rebuilds_only_the_pages_that_show_it(
    preview: Preview, minimal_project: Path
) -> None:
    assert not preview.plugin.dirty, "the first build builds every page"
    searchable = search_pages(preview)
    untouched = built(preview, "02-second.html").stat().st_mtime_ns
    edit(minimal_project / "quizzes/01-sample.yml", "你首先应该怎么做？", "你先做什么？")
    preview.rebuild()
    assert preview.plugin.dirty
    assert "你先做什么？" in built(preview, "01-sample.html").read_text(encoding="utf-8")
    assert built(preview, "02-second.html").stat().st_mtime_ns == untouched
    rebuilt = built(preview, "01-sample.html").read_text(encoding="utf-8")
    assert nav_title(rebuilt, "02-second.html") == "第二模块", "pages that were not rebuilt"
    assert search_pages(preview) == searchable, "search keeps the pages that were not rebuilt"


def test_the_search_entries_are_a_builds_at_start_and_after_a_save(
    preview: Preview, minimal_project: Path
) -> None:
    """A build drops the zero-width spaces beside the search's separators (、 ； ？), which
    let a result's line break before them; the preview kept them. After a save that rebuilt
    one page, its entries went last, and the order drifted from save to save."""
    assert run_generator(minimal_project, "build") == 0
    built_entries = search_entries(minimal_project / "site")
    assert served_entries(preview) == built_entries
    quiz = minimal_project / "quizzes/01-sample.yml"
    edit(quiz, "你首先应该怎么做？", "你先做什么？")
    preview.rebuild()
    assert preview.plugin.dirty
    assert run_generator(minimal_project, "build") == 0
    assert served_entries(preview) == search_entries(minimal_project / "site")
    edit(quiz, "你先做什么？", "你首先应该怎么做？")
    preview.rebuild()
    assert served_entries(preview) == built_entries


def served_entries(preview: Preview) -> list[dict[str, object]]:
    entries: list[dict[str, object]] = json.loads(
        built(preview, SEARCH_INDEX).read_text(encoding="utf-8")
    )["docs"]
    return entries


def test_the_preview_has_the_sites_theme(preview: Preview) -> None:
    """As a build has it: the Chinese 404 page and a named search dialog."""
    assert "页面不存在" in built(preview, "404.html").read_text(encoding="utf-8")
    page = built(preview, "01-sample.html").read_text(encoding="utf-8")
    assert 'role="dialog" aria-label="搜索"' in page
    assert "Made with" not in page


def test_a_new_title_rebuilds_every_page(preview: Preview, minimal_project: Path) -> None:
    edit(minimal_project / "course/02-second.md", "title: 第二模块", "title: 改名后的模块")
    preview.rebuild()
    assert not preview.plugin.dirty
    for page in ("index.html", "01-sample.html", "02-second.html", "404.html"):
        assert "改名后的模块" in built(preview, page).read_text(encoding="utf-8"), page


def test_a_broken_save_keeps_the_pages_and_lists_the_problem(
    preview: Preview, minimal_project: Path
) -> None:
    edit(minimal_project / "quizzes/01-sample.yml", "type: single", "type: singel")
    preview.rebuild()
    assert "s1-single" in built(preview, "01-sample.html").read_text(encoding="utf-8")
    problems = site_problems(preview)
    assert len(problems) == 1 and "01-sample.yml" in problems[0]


@pytest.mark.parametrize("still_saving", [True, False])
def test_a_save_still_being_written_lists_no_problems(
    preview: Preview,
    minimal_project: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    still_saving: bool,
) -> None:
    """An editor saving in place empties the file, then writes it: a rebuild that read it
    in between listed 'the quiz file is empty' in the terminal, then 'Not updated', before
    the next rebuild read it whole. Problems found while the file changed again are left to
    that rebuild, and so is the reload of the open page (one save reloaded it twice);
    others are listed."""
    quiz = minimal_project / "quizzes/01-sample.yml"
    text = quiz.read_text(encoding="utf-8")
    quiz.write_text("", encoding="utf-8")

    def read_then_saved() -> list[Problem | SetupError]:
        found = Preview.update(preview)
        if still_saving:
            quiz.write_text(text, encoding="utf-8")
        return found

    monkeypatch.setattr(preview, "update", read_then_saved)
    capsys.readouterr()
    assert preview.rebuild() == (not still_saving), "the page reloads once the save is read"
    said = capsys.readouterr().err
    if still_saving:
        assert "empty-file" not in said and "Not updated" not in said
    else:
        assert "schema.empty-file" in said and "Not updated" in said


def test_a_source_dated_ahead_of_the_clock_hides_no_problem(
    preview: Preview, minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file dated an hour ahead (a clock set wrong, a synced folder) is no save still
    being written: the problems of a rebuild are listed."""
    page = minimal_project / "course/index.md"
    ahead = time.time() + 3600
    os.utime(page, (ahead, ahead))
    (minimal_project / "quizzes/01-sample.yml").write_text("", encoding="utf-8")
    capsys.readouterr()
    preview.rebuild()
    said = capsys.readouterr().err
    assert "schema.empty-file" in said and "Not updated" in said


def test_a_good_save_lists_the_courses_warnings_for_the_panel(
    preview: Preview, minimal_project: Path
) -> None:
    """Warnings (a giveaway, a standard a module misses) do not stop the preview but do stop
    publishing: the panel lists them, folded, where they went only to the terminal."""
    assert site_problems(preview, "warnings") == []
    quiz = minimal_project / "quizzes/01-sample.yml"
    edit(quiz, "feedback: 先听懂再回应", "feedback: 回答正确！先听懂再回应")
    preview.rebuild()
    assert "先听懂再回应" in built(preview, "01-sample.html").read_text(encoding="utf-8")
    assert site_problems(preview) == []
    warnings = site_problems(preview, "warnings")
    assert len(warnings) == 1 and "[feedback.verdict]" in warnings[0], warnings


def test_a_number_too_long_for_python_is_listed_as_out_of_range(
    preview: Preview, minimal_project: Path
) -> None:
    edit(minimal_project / "course/01-sample.md", "minutes: 10", f"minutes: {'9' * 5000}")
    preview.rebuild()
    problems = site_problems(preview)
    assert len(problems) == 1 and "'minutes' must be at most 600" in problems[0]


def test_a_save_with_many_problems_lists_the_first_and_counts_the_rest(
    preview: Preview, minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A list of 150,000 items that are not questions gave the panel a 55 MB list."""
    items = "\n".join(["questions:", *["  - a"] * 1000])
    (minimal_project / "quizzes/01-sample.yml").write_text(items + "\n", encoding="utf-8")
    preview.rebuild()
    problems = site_problems(preview)
    assert len(problems) == PROBLEMS_PER_FILE + 1
    assert problems[-1].startswith("quizzes/01-sample.yml:52:5: … and 950 more problems")
    assert capsys.readouterr().err.count("\n") == PROBLEMS_PER_FILE + 2


def site_problems(preview: Preview, listing: str = "problems") -> list[str]:
    """The lines the preview's panel lists: the save's problems, or the course's warnings."""
    listed: dict[str, list[str]] = json.loads(
        built(preview, "assets/serve/problems.json").read_text("utf-8")
    )
    return listed[listing]


@pytest.mark.parametrize(
    ("breaks", "reported"),
    [
        (
            lambda settings: settings.write_text(settings.read_text() + "site_name: [\n"),
            "mkdocs.yml:",
        ),
        (lambda settings: settings.rename(settings.with_name("moved.yml")), "mkdocs.yml: "),
    ],
    ids=["syntax", "moved"],
)
def test_a_broken_mkdocs_yml_is_listed_and_the_last_good_site_kept(
    preview: Preview,
    minimal_project: Path,
    breaks: Callable[[Path], object],
    reported: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    settings = minimal_project / "mkdocs.yml"
    good = settings.read_text(encoding="utf-8")
    breaks(settings)
    preview.rebuild()
    problems = site_problems(preview)
    assert problems and all(problem.startswith(reported) for problem in problems), problems
    assert "s1-single" in built(preview, "01-sample.html").read_text(encoding="utf-8")
    err = capsys.readouterr().err
    assert problems[0] in err and "Traceback" not in err
    settings.write_text(good.replace("site_name: 关键时刻", "site_name: 改过的关键时刻"))
    preview.rebuild()
    assert site_problems(preview) == []
    assert "改过的关键时刻" in built(preview, "01-sample.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("also", "why"),
    [(None, []), (("site_name: 关键时刻", "site_name: 改过的关键时刻"), ["mkdocs.yml changed"])],
    ids=["course-mended", "site-name-changed-too"],
)
def test_the_save_that_mends_a_course_broken_at_start_says_no_false_cause(
    minimal_project: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    also: tuple[str, str] | None,
    why: list[str],
) -> None:
    """Started on a broken course, the preview builds the last build's pages, whose
    navigation it has not read: the save that mended the course said "the pages or their
    titles changed", though none had."""
    project = Project(minimal_project)
    build.build(project)
    quiz = minimal_project / "quizzes/01-sample.yml"
    edit(quiz, "type: single", "type: singel")
    preview = Preview(project, ListenAddress("127.0.0.1", 8000), tmp_path / "p")
    assert preview.start(), "the last build's pages are shown"
    edit(quiz, "type: singel", "type: single")
    if also is not None:
        edit(minimal_project / "mkdocs.yml", *also)
    capsys.readouterr()
    assert preview.rebuild()
    said = capsys.readouterr()
    whole = [line for line in said.out.splitlines() if line.startswith("Rebuilt every page")]
    assert whole == [f"Rebuilt every page: {cause}" for cause in why]
    assert FIXED in said.err


def test_a_build_while_the_preview_runs_leaves_each_its_own_docs_folder(
    preview: Preview, minimal_project: Path
) -> None:
    """A build swaps its docs folder into build/docs: one the preview used to write into, so
    a save during a build could find the preview's files gone and stop it until the next."""
    project = Project(minimal_project)
    build.build(project)
    built_docs = snapshot(project.docs_dir)
    edit(minimal_project / "course/01-sample.md", "开篇情景。", "构建时改写的情景。")
    preview.rebuild()
    assert "构建时改写的情景。" in built(preview, "01-sample.html").read_text(encoding="utf-8")
    assert snapshot(project.docs_dir) == built_docs
    build.build(project)
    assert (preview.docs_dir / SERVE_STYLES).is_file()


def test_a_docs_file_the_preview_cannot_write_is_listed_and_the_last_good_site_kept(
    preview: Preview, minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An error MkDocs' server is left to catch stops it until the next save."""
    shutil.rmtree(preview.docs_dir)
    preview.docs_dir.write_text("not a folder", encoding="utf-8")
    edit(minimal_project / "course/01-sample.md", "开篇情景。", "写不进去的情景。")
    preview.rebuild()
    (problem,) = site_problems(preview)
    assert problem.endswith("check the path, free space and permissions [setup.os-error]")
    assert problem in capsys.readouterr().err
    assert "开篇情景。" in built(preview, "01-sample.html").read_text(encoding="utf-8")


def test_a_failure_of_the_generator_s_own_is_listed_and_the_last_good_site_kept(
    preview: Preview,
    minimal_project: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A bug (a page that ran a check out of stack) left MkDocs' server stuck: "The server
    will appear stuck until build errors are resolved", and no panel."""

    def failing(project: Project) -> None:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(build, "check", failing)
    edit(minimal_project / "course/01-sample.md", "开篇情景。", "新的情景。")
    preview.rebuild()
    (problem,) = site_problems(preview)
    assert problem.startswith(
        "the generator failed on this save (RecursionError: maximum recursion depth exceeded)"
    )
    error = capsys.readouterr().err
    assert "Traceback" in error and problem in error
    assert "开篇情景。" in built(preview, "01-sample.html").read_text(encoding="utf-8")
    monkeypatch.undo()
    preview.rebuild()
    assert site_problems(preview) == []


def test_a_mkdocs_warning_is_a_problem_as_in_a_build_and_the_last_good_site_kept(
    preview: Preview, minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The preview built a nav entry naming no page (shown as 'None'), which a build refuses."""
    settings = minimal_project / "mkdocs.yml"
    good = settings.read_text(encoding="utf-8")
    settings.write_text(good + "nav:\n  - index.md\n  - nosuch.md\n", encoding="utf-8")
    with pytest.raises(CourseError) as failure:
        build.build(Project(minimal_project))
    expected = [str(problem) for problem in failure.value.problems]
    assert any("nosuch.md" in problem for problem in expected)
    capsys.readouterr()
    preview.rebuild()
    assert site_problems(preview) == expected
    assert capsys.readouterr().err.splitlines() == [
        *expected,
        "Not updated: fix the problems above and save again.",
    ]
    page = built(preview, "01-sample.html").read_text(encoding="utf-8")
    assert nav_title(page, "02-second.html") == "第二模块"
    settings.write_text(good, encoding="utf-8")
    preview.rebuild()
    assert site_problems(preview) == []


def test_an_edited_search_terms_list_rebuilds_the_search_index_whole(
    preview: Preview, minimal_project: Path
) -> None:
    """The preview read search-terms.txt once, at start-up."""
    terms = minimal_project / "search-terms.txt"
    listed = terms.read_text(encoding="utf-8")
    terms.write_text(f"{listed}{PROJECT_TERM}\n", encoding="utf-8")
    preview.rebuild()
    assert not preview.plugin.dirty
    assert KEPT_WHOLE in index_text(built(preview, SEARCH_INDEX).read_text(encoding="utf-8"))
    terms.write_text(listed, encoding="utf-8")
    preview.rebuild()
    assert KEPT_WHOLE not in index_text(built(preview, SEARCH_INDEX).read_text(encoding="utf-8"))


def index_of(preview: Preview) -> str:
    return index_text(built(preview, SEARCH_INDEX).read_text(encoding="utf-8"))


def with_dictionary(project: Path, setting: str, words: str) -> str:
    """Name ``words.txt``, holding ``words``, in the search's ``setting``; return the
    settings as they were."""
    settings = project / "mkdocs.yml"
    good = settings.read_text(encoding="utf-8")
    (project / "words.txt").write_text(words, encoding="utf-8")
    edit(settings, "  - search:\n", f"  - search:\n      {setting}: words.txt\n")
    return good


@pytest.mark.parametrize("mended", ["setting-deleted", "file-mended"])
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")  # jieba's file
@pytest.mark.usefixtures("jieba_kept")
def test_a_search_dictionary_jieba_cannot_read_fails_no_save_after_the_one_that_mends_it(
    preview: Preview, minimal_project: Path, mended: str
) -> None:
    """jieba kept the dictionary it could not read: with the setting deleted, every save
    failed on it until the preview was restarted."""
    terms = minimal_project / "search-terms.txt"
    terms.write_text(f"{terms.read_text(encoding='utf-8')}{PROJECT_TERM}\n", encoding="utf-8")
    good = with_dictionary(minimal_project, "jieba_dict", "# 课程术语\n")
    preview.rebuild()
    (problem,) = site_problems(preview)
    assert problem.endswith("[settings.search-dictionary]")
    if mended == "file-mended":
        (minimal_project / "words.txt").write_text("客户 100 n\n", encoding="utf-8")
    else:
        (minimal_project / "mkdocs.yml").write_text(good, encoding="utf-8")
    preview.rebuild()
    assert site_problems(preview) == []
    assert KEPT_WHOLE in index_of(preview), "the course's search terms are added again"


@pytest.mark.parametrize("setting", ["jieba_dict", "jieba_dict_user"])
@pytest.mark.usefixtures("jieba_kept")
def test_a_search_dictionary_deleted_from_mkdocs_yml_is_no_longer_used(
    preview: Preview, minimal_project: Path, setting: str
) -> None:
    """jieba kept it: its words stayed whole until the preview was restarted."""
    good = with_dictionary(minimal_project, setting, f"{PROJECT_TERM} 1000\n")
    preview.rebuild()
    assert site_problems(preview) == []
    assert KEPT_WHOLE in index_of(preview)
    (minimal_project / "mkdocs.yml").write_text(good, encoding="utf-8")
    preview.rebuild()
    assert site_problems(preview) == []
    assert KEPT_WHOLE not in index_of(preview)


@pytest.mark.usefixtures("jieba_kept")
def test_a_main_search_dictionary_keeps_the_course_s_terms_at_every_save(
    preview: Preview, minimal_project: Path
) -> None:
    """The search plugin handed jieba the dictionary again as every build started, and jieba
    loaded it again (0.6 s) without the course's terms, added before."""
    terms = minimal_project / "search-terms.txt"
    terms.write_text(f"{terms.read_text(encoding='utf-8')}{PROJECT_TERM}\n", encoding="utf-8")
    with_dictionary(minimal_project, "jieba_dict", "客户 100 n\n")
    preview.rebuild()
    assert KEPT_WHOLE in index_of(preview)
    edit(minimal_project / "course/01-sample.md", "倾听时要望闻问切。", "倾听时要先望闻问切。")
    preview.rebuild()
    assert preview.plugin.dirty, "only the page saved is split again"
    assert KEPT_WHOLE in index_of(preview)


@pytest.mark.parametrize("setting", ["jieba_dict", "jieba_dict_user"])
@pytest.mark.usefixtures("jieba_kept")
def test_a_saved_search_dictionary_rebuilds_every_page_and_a_broken_one_is_reported(
    preview: Preview, minimal_project: Path, capsys: pytest.CaptureFixture[str], setting: str
) -> None:
    """A save of the dictionary alone built nothing, as if nothing had changed: its words
    took effect at the next save of a page, and then in that page's search entries alone."""
    with_dictionary(minimal_project, setting, "客户 100 n\n")
    preview.rebuild()
    assert KEPT_WHOLE not in index_of(preview)
    capsys.readouterr()
    dictionary = minimal_project / "words.txt"
    dictionary.write_text(f"客户 100 n\n{PROJECT_TERM} 1000\n", encoding="utf-8")
    assert preview.rebuild()
    assert not preview.plugin.dirty, "every page's text is split with the dictionary"
    assert KEPT_WHOLE in index_of(preview)
    assert capsys.readouterr().out.splitlines() == [
        "Rebuilt every page: a search dictionary (jieba_dict, jieba_dict_user) changed"
    ]
    dictionary.write_bytes("客户 100 n\n".encode() + f"{PROJECT_TERM} 1000\n".encode("gbk"))
    preview.rebuild()
    (problem,) = site_problems(preview)
    assert problem.startswith("words.txt:2:1: this line of the search's Chinese dictionary")
    assert capsys.readouterr().err.splitlines() == [problem, NOT_UPDATED]
    assert KEPT_WHOLE in index_of(preview), "the last good site is kept"


def test_a_save_names_the_files_it_regenerated_apart_from_those_it_removed(
    preview: Preview, minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pictures = minimal_project / "course/images"
    pictures.mkdir()
    (pictures / "old.png").write_bytes(b"old")
    preview.rebuild()
    assert capsys.readouterr().out == "Regenerated 1 file(s): images/old.png\n"
    (pictures / "old.png").rename(pictures / "new.png")
    preview.rebuild()
    assert capsys.readouterr().out == (
        "Regenerated 1 file(s): images/new.png; removed 1: images/old.png\n"
    )
    (pictures / "new.png").unlink()
    preview.rebuild()
    assert capsys.readouterr().out == "Removed 1 file(s): images/new.png\n"


def test_a_file_removed_is_no_longer_served(preview: Preview, minimal_project: Path) -> None:
    """A build of the changed pages alone leaves the site's other files as they are: a
    picture or a handout deleted, said to be removed, was still served, as no build would
    publish it; a broken save between the deletion and the next good build changes nothing."""
    media = minimal_project / "course/media"
    media.mkdir()
    (media / "handout.txt").write_text("讲义", encoding="utf-8")
    (media / "kept.txt").write_text("留着", encoding="utf-8")
    preview.rebuild()
    assert built(preview, "media/handout.txt").is_file()
    (media / "handout.txt").unlink()
    quiz = minimal_project / "quizzes/01-sample.yml"
    good = quiz.read_text(encoding="utf-8")
    quiz.write_text(good.replace("    prompt: ", "    prompt：", 1), encoding="utf-8")
    preview.rebuild()
    quiz.write_text(good, encoding="utf-8")
    preview.rebuild()
    assert preview.plugin.dirty
    assert not built(preview, "media/handout.txt").exists()
    assert built(preview, "media/kept.txt").read_text(encoding="utf-8") == "留着"


def test_check_reads_mkdocs_yml_again_after_an_edit(minimal_project: Path) -> None:
    """The live preview checks the course on every save, mkdocs.yml included."""
    project = Project(minimal_project)
    build.check(project)
    settings = minimal_project / "mkdocs.yml"
    settings.write_text(settings.read_text() + "site_name: [\n")
    with pytest.raises(CourseError) as failure:
        build.check(project)
    assert str(failure.value.problems[0]).startswith("mkdocs.yml:")


def test_the_same_warnings_are_printed_once_not_at_every_save(
    preview: Preview, minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Printed again at every good save, a new module's 16 warnings buried the lines that
    say what each save did; they are printed when they change."""
    page = minimal_project / "course/01-sample.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n!!! note\n\n没有缩进的说明。\n", "utf-8")
    capsys.readouterr()
    preview.rebuild()
    first = capsys.readouterr().err
    assert first.count("[page.empty-box]") == 1, first
    edit(minimal_project / "quizzes/01-sample.yml", "你首先应该怎么做？", "你先做什么？")
    preview.rebuild()
    again = capsys.readouterr()
    assert "[page.empty-box]" not in again.err and "Regenerated" in again.out
    page.write_text(page.read_text(encoding="utf-8") + "\n!!! tip\n\n又一个。\n", "utf-8")
    preview.rebuild()
    assert capsys.readouterr().err.count("[page.empty-box]") == 2, "the new list, whole"


def test_the_last_warning_fixed_is_said_to_be_the_last(
    preview: Preview, minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Fixing the last warning printed only "Regenerated …": nothing said the list printed
    before was done with."""
    page = minimal_project / "course/01-sample.md"
    written = page.read_text(encoding="utf-8")
    page.write_text(written + "\n!!! note\n\n没有缩进的说明。\n", "utf-8")
    preview.rebuild()
    page.write_text(written, "utf-8")
    capsys.readouterr()
    preview.rebuild()
    fixed = capsys.readouterr()
    assert NO_WARNINGS_LEFT in fixed.out.splitlines() and fixed.err == ""
    edit(minimal_project / "quizzes/01-sample.yml", "你首先应该怎么做？", "你先做什么？")
    preview.rebuild()
    assert NO_WARNINGS_LEFT not in capsys.readouterr().out, "said once"


def test_a_file_name_a_terminal_would_act_on_is_printed_escaped(
    preview: Preview, minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A picture named with ESC and BEL renamed the trainer's terminal window and coloured
    its text when the save was printed; problem lines already showed such names escaped."""
    pictures = minimal_project / "course/images"
    pictures.mkdir()
    (pictures / "x\x1b]0;PWNED\x07\x1b[41m.png").write_bytes(b"picture")
    preview.rebuild()
    assert capsys.readouterr().out == (
        "Regenerated 1 file(s): images/x\\x1b]0;PWNED\\x07\\x1b[41m.png\n"
    )


def test_a_media_file_made_a_folder_of_its_name_and_back_is_previewed(
    preview: Preview, minimal_project: Path
) -> None:
    """The preview stopped at "File exists" (or "Is a directory") on every later save,
    though check and a build took the course."""
    guide = minimal_project / "course/media/guide"
    guide.parent.mkdir()
    guide.write_text("第一版", encoding="utf-8")
    preview.rebuild()
    assert built(preview, "media/guide").read_text(encoding="utf-8") == "第一版"
    guide.unlink()
    guide.mkdir()
    (guide / "a.txt").write_text("第二版", encoding="utf-8")
    preview.rebuild()
    assert site_problems(preview) == []
    assert built(preview, "media/guide/a.txt").read_text(encoding="utf-8") == "第二版"
    shutil.rmtree(guide)
    guide.write_text("第三版", encoding="utf-8")
    preview.rebuild()
    assert site_problems(preview) == []
    assert built(preview, "media/guide").read_text(encoding="utf-8") == "第三版"


def test_a_folder_named_as_a_module_or_a_quiz_is_listed_as_check_tells_it(
    preview: Preview, minimal_project: Path
) -> None:
    """As no file, and nothing else: not as a module without a quiz, nor as a quiz of no
    module."""
    for folder in ("course/05-x.md", "quizzes/06-y.yml"):
        (minimal_project / folder).mkdir()
        (minimal_project / folder / "notes.txt").write_text("笔记\n", encoding="utf-8")
    preview.rebuild()
    assert site_problems(preview) == [
        f"{folder}:1:1: this is not an ordinary file but a folder; delete it, or replace it "
        "with the page or quiz file it is named after [source.not-a-file]"
        for folder in ("course/05-x.md", "quizzes/06-y.yml")
    ]


def test_settings_check_refuses_are_not_built_into_the_preview(
    preview: Preview, minimal_project: Path
) -> None:
    """The panel said the last good version was shown, while the pages had the new site
    name and asked for a style sheet that is no file of the site."""
    settings = minimal_project / "mkdocs.yml"
    good = settings.read_text(encoding="utf-8")
    edit(settings, "site_name: 关键时刻", "site_name: 改过的关键时刻")
    edit(settings, "  - assets/mot.css\n", "  - assets/mot.css\n  - stylesheets/extra.css\n")
    preview.rebuild()
    (problem,) = site_problems(preview)
    assert problem.startswith("mkdocs.yml:") and problem.endswith("[settings.missing-file]")
    page = built(preview, "01-sample.html").read_text(encoding="utf-8")
    assert "改过的关键时刻" not in page and "extra.css" not in page
    settings.write_text(good.replace("site_name: 关键时刻", "site_name: 改过的关键时刻"))
    preview.rebuild()
    assert site_problems(preview) == []
    assert "改过的关键时刻" in built(preview, "01-sample.html").read_text(encoding="utf-8")


def test_a_rebuild_that_changed_nothing_neither_reloads_nor_prints_again(
    preview: Preview, minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """One save may ask for several rebuilds: vim writes its swap file beside the page
    while the trainer types and on saving, an editor its lock or backup file. Each one
    printed the same problems again (the terminal flooded while a broken file stayed
    open) and reloaded the open page, throwing away a quiz half answered."""
    swap = minimal_project / "course/.01-sample.md.swp"
    edit(minimal_project / "quizzes/01-sample.yml", "type: single", "type: singel")
    capsys.readouterr()
    told = [preview.rebuild()]
    for size in (1, 2):
        swap.write_bytes(b"b0VIM 9.0\0" * size)
        told.append(preview.rebuild())
    said = capsys.readouterr().err
    assert said.count("[schema.") == 1 and said.count(NOT_UPDATED) == 1, said
    assert told == [True, False, False], "the open page reloads once"
    edit(minimal_project / "quizzes/01-sample.yml", "type: singel", "type: single")
    assert preview.rebuild() and FIXED in capsys.readouterr().err
    page = built(preview, "01-sample.html")
    untouched = page.stat().st_mtime_ns
    swap.write_bytes(b"b0VIM 9.0\0" * 3)
    assert not preview.rebuild()
    assert page.stat().st_mtime_ns == untouched, "nothing to rebuild"
    assert capsys.readouterr() == ("", "")


@pytest.mark.parametrize(
    ("broken", "old", "new"),
    [
        ("mkdocs.yml", "use_directory_urls: false", "use_directory_urls: nein"),
        ("quizzes/01-sample.yml", "type: single", "type: singel"),
    ],
    ids=["settings", "course"],
)
def test_a_preview_that_cannot_start_says_why_once_not_at_every_swap_file(
    minimal_project: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    broken: str,
    old: str,
    new: str,
) -> None:
    """Waiting for the fix, the preview tries again at every change of the sources: vim's
    swap file, written while the trainer types, printed every problem and 'Not started yet'
    again each time."""
    edit(minimal_project / broken, old, new)
    preview = Preview(Project(minimal_project), ListenAddress("127.0.0.1", 8000), tmp_path / "p")
    swap = minimal_project / "course/.01-sample.md.swp"
    waits: list[float] = []

    def typing(seconds: float) -> None:
        waits.append(seconds)
        if len(waits) == 3:
            raise KeyboardInterrupt
        swap.write_bytes(b"b0VIM 9.0\0" * len(waits))

    monkeypatch.setattr(preview_start, "time", SimpleNamespace(sleep=typing))
    with pytest.raises(KeyboardInterrupt):
        preview_start.started(preview, preview_start.Waiting())
    said = capsys.readouterr().err
    assert said.count(NOT_STARTED) == 1, said


@pytest.mark.parametrize("base", [".", "snippets"], ids=["project-folder", "snippets-folder"])
def test_a_snippet_saved_builds_the_pages_again(
    minimal_project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, base: str
) -> None:
    """A snippet's edit changes no page's Markdown: the preview built nothing, and its
    watch did not look at the snippet; in the project's own folder (the extension's
    default), a folder of the project's and nothing below ``build/`` and ``site/``."""
    monkeypatch.chdir(minimal_project)
    folder, _ = with_missing_snippet(minimal_project, base, check_paths=False)
    snippet = folder / "steps.md"
    snippet.write_text("先倾听，再提问。\n", encoding="utf-8")
    preview = Preview(Project(minimal_project), ListenAddress("127.0.0.1", 8000), tmp_path / "p")
    preview.rebuild()
    assert "先倾听，再提问。" in built(preview, "01-sample.html").read_text(encoding="utf-8")
    snippet.write_text("先道歉，再倾听客户。\n", encoding="utf-8")
    assert preview.rebuild() is True
    assert "先道歉，再倾听客户。" in built(preview, "01-sample.html").read_text(encoding="utf-8")
    watch = SourceWatch(Project(minimal_project), SimpleNamespace())  # type: ignore[arg-type]
    assert watch.is_source(str(snippet.resolve()))
    (minimal_project / "site").mkdir()
    assert not watch.is_source(str(minimal_project.resolve() / "site"))
    assert not watch.is_source(str(minimal_project.resolve() / "site/01-sample.html"))


def test_a_bug_of_the_generator_on_a_save_is_listed_and_the_pages_kept(
    preview: Preview,
    minimal_project: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = built(preview, "01-sample.html").read_bytes()

    def fails() -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(preview, "regenerate", fails)
    preview.rebuild()
    assert site_problems(preview) == [
        "the generator failed on this save (RuntimeError: a bug); the preview keeps the last "
        "good pages; undo the last edit and save again, and report this, with the lines above "
        "and the files you changed, as a bug in the generator [setup.generator-failed]"
    ]
    assert "Traceback (most recent call last):" in capsys.readouterr().err
    assert built(preview, "01-sample.html").read_bytes() == page
