"""Load stage: pages, front matter, quizzes and schema errors with their lines."""

from __future__ import annotations

import itertools
import os
import shutil
from pathlib import Path

import pytest

import generator.lint.standards
from generator.errors import CourseError, Problem, SetupError
from generator.lint.standards import STANDARDS
from generator.load import load_course
from generator.models import ModuleMeta, PageMeta, SingleChoice, TrueFalse
from generator.project import Project
from tests.conftest import run_generator


def problems_of(root: Path) -> list[str]:
    with pytest.raises(CourseError) as caught:
        load_course(Project(root))
    return [str(problem) for problem in caught.value.problems]


def test_loads_pages_modules_and_quizzes(minimal_project: Path) -> None:
    course = load_course(Project(minimal_project))
    assert [page.name for page in course.pages] == ["01-sample", "02-second", "index"]
    assert isinstance(course.pages[2].meta, PageMeta)
    module = course.modules[0]
    assert isinstance(module.meta, ModuleMeta)
    assert module.meta.stage == "explore"
    assert module.meta.objectives[0].id == "s1-listen"
    assert isinstance(module.quiz.questions[0], SingleChoice)
    assert isinstance(module.quiz.questions[2], TrueFalse)
    assert course.question_count == 9
    assert course.exam is not None and course.exam.config.draw == {"01-sample": 1, "02-second": 2}


def test_body_line_counts_from_the_source_file(minimal_project: Path) -> None:
    page = load_course(Project(minimal_project)).modules[0].page
    source_lines = (minimal_project / "course/01-sample.md").read_text().splitlines()
    first_body_line = page.body.splitlines()[0]
    assert source_lines[page.body_line - 1] == first_body_line


def test_yaml_no_and_on_stay_strings(minimal_project: Path) -> None:
    quiz = minimal_project / "quizzes/01-sample.yml"
    quiz.write_text(
        quiz.read_text().replace("prompt: 客户说话时，你首先应该怎么做？", "prompt: no")
    )
    question = load_course(Project(minimal_project)).modules[0].quiz.questions[0]
    assert question.prompt == "no"


def test_yes_is_not_accepted_as_true(minimal_project: Path) -> None:
    quiz = minimal_project / "quizzes/01-sample.yml"
    quiz.write_text(quiz.read_text().replace("answer: true", "answer: yes"))
    assert problems_of(minimal_project) == [
        "quizzes/01-sample.yml:36:5: question 's1-true-false': 'answer' must be true or false, "
        "not 'yes'; write answer: true or answer: false [schema.not-true-or-false]"
    ]


def test_module_without_quiz_and_quiz_without_module(minimal_project: Path) -> None:
    (minimal_project / "quizzes/01-sample.yml").rename(minimal_project / "quizzes/01-gone.yml")
    assert problems_of(minimal_project) == [
        "course/01-sample.md:1:1: module '01-sample' has no quiz; "
        "rename quizzes/01-gone.yml to quizzes/01-sample.yml; or, if renaming the page was a "
        "slip, rename it back to course/01-gone.md [quiz.missing]",
        "quizzes/01-gone.yml:1:1: quiz '01-gone.yml' belongs to no module: there is no "
        "course/01-gone.md; rename it to quizzes/01-sample.yml; or, if renaming "
        "course/01-gone.md to course/01-sample.md was a slip, rename that page back "
        "[quiz.orphan]",
    ]


def test_a_quiz_named_but_for_capitals_is_told_to_take_the_module_s_name(
    minimal_project: Path,
) -> None:
    """The page's problem offered renaming the page back to 01-Sample.md, a name check
    refuses for its capital."""
    (minimal_project / "quizzes/01-sample.yml").rename(minimal_project / "quizzes/01-Sample.yml")
    assert problems_of(minimal_project)[0] == (
        "course/01-sample.md:1:1: module '01-sample' has no quiz; rename quizzes/01-Sample.yml "
        "to quizzes/01-sample.yml: the names differ only in capitals [quiz.missing]"
    )


def test_a_quiz_renamed_with_its_module_is_told_its_new_name(minimal_project: Path) -> None:
    """'02-second' renumbered '03-second' keeps its name after the number."""
    (minimal_project / "course/02-second.md").rename(minimal_project / "course/03-second.md")
    assert (
        "quizzes/02-second.yml:1:1: quiz '02-second.yml' belongs to no module: there is no "
        "course/02-second.md; rename it to quizzes/03-second.yml; or, if renaming "
        "course/02-second.md to course/03-second.md was a slip, rename that page back "
        "[quiz.orphan]"
    ) in problems_of(minimal_project)


def test_the_quiz_of_a_deleted_module_is_not_given_to_a_new_one(minimal_project: Path) -> None:
    """Module 2 deleted and module 3 added: renamed after module 3, the quiz would give it
    module 2's questions."""
    (minimal_project / "course/02-second.md").rename(minimal_project / "course/03-practice.md")
    assert (
        "quizzes/02-second.yml:1:1: quiz '02-second.yml' belongs to no module: there is no "
        "course/02-second.md; restore course/02-second.md, rename the quiz after the module "
        "it now belongs to, one of those without a quiz (course/03-practice.md), or delete "
        "it [quiz.orphan]"
    ) in problems_of(minimal_project)


@pytest.mark.parametrize("copy", ["01-sample (copy)", "01-sample - 副本", "01-sample copy 2"])
def test_a_file_manager_s_copy_of_a_quiz_is_named_a_copy(minimal_project: Path, copy: str) -> None:
    """It was told to restore course/01-sample (copy).md, a page that never was."""
    quizzes = minimal_project / "quizzes"
    (quizzes / f"{copy}.yml").write_bytes((quizzes / "01-sample.yml").read_bytes())
    assert problems_of(minimal_project) == [
        f"quizzes/{copy}.yml:1:1: quiz '{copy}.yml' belongs to no module: it is named as a "
        "copy of quizzes/01-sample.yml, and the course reads only the quiz named after its "
        "module; move what you need from it into quizzes/01-sample.yml, then delete it "
        "[quiz.orphan]"
    ]


@pytest.mark.parametrize("twin", ["01-Sample", "Exam"])
def test_a_quiz_named_as_another_but_for_capitals_is_told_so(
    minimal_project: Path, twin: str
) -> None:
    """Beside the quiz it is named after, it was told to restore course/01-Sample.md (or
    course/Exam.md), a page that never was: a Mac or Windows laptop cannot hold the two."""
    quizzes = minimal_project / "quizzes"
    original = twin.lower()
    (quizzes / f"{twin}.yml").write_bytes((quizzes / f"{original}.yml").read_bytes())
    assert problems_of(minimal_project) == [
        f"quizzes/{twin}.yml:1:1: quiz '{twin}.yml' belongs to no module: it differs from "
        f"quizzes/{original}.yml only in capitals, which a Mac or Windows laptop cannot tell "
        "apart, and the course reads only the quiz named after its module; move what you need "
        f"from it into quizzes/{original}.yml, then delete it [quiz.orphan]"
    ]


@pytest.mark.parametrize(
    ("original", "copy", "outcome"),
    [
        ("01-sample", "01-sample - 副本", "and the course reads a module only under its own name"),
        ("02-second", "02-second - Copy", "and the course reads a module only under its own name"),
        (
            "index",
            "index (2)",
            "and the site would publish it as a page of its own beside the original",
        ),
        (
            "index",
            "index copy",
            "and the site would publish it as a page of its own beside the original",
        ),
    ],
)
def test_a_file_manager_s_copy_of_a_page_is_named_a_copy(
    minimal_project: Path, original: str, copy: str, outcome: str
) -> None:
    """A module's copy was told to be renamed, "e.g. to 01-sample.md", over the module it
    copies; any other page's copy was published beside the original without a word."""
    course = minimal_project / "course"
    (course / f"{copy}.md").write_bytes((course / f"{original}.md").read_bytes())
    assert problems_of(minimal_project) == [
        f"course/{copy}.md:1:1: page '{copy}.md' is named as a copy of course/{original}.md, "
        f"{outcome}; move what you need from it into course/{original}.md, then delete it "
        "[course.copy]"
    ]


def test_a_page_named_as_another_and_more_is_no_copy(minimal_project: Path) -> None:
    course = minimal_project / "course"
    (course / "index_notes.md").write_text("---\ntitle: 备注\n---\n\n正文。\n", encoding="utf-8")
    assert "index_notes" in [page.name for page in load_course(Project(minimal_project)).pages]


@pytest.mark.parametrize(
    ("kind", "folder", "name"),
    [("page", "course", "02-second.md"), ("quiz", "quizzes", "02-second.yml")],
)
def test_a_file_notepad_saved_with_txt_is_to_be_renamed(
    minimal_project: Path, kind: str, folder: str, name: str
) -> None:
    """Notepad adds '.txt': the page's quiz was told to be deleted or its page restored, and
    the quiz was told to be created."""
    source = minimal_project / folder / name
    source.rename(source.with_name(f"{name}.txt"))
    ending = Path(name).suffix
    code = "course.md-extension" if kind == "page" else "quiz.yaml-extension"
    assert problems_of(minimal_project) == [
        f"{folder}/{name}.txt:1:1: {kind} files end in '{ending}', and this one is not read; "
        f"rename it to {name} [{code}]"
    ]


def test_a_module_page_named_but_for_capitals_leaves_its_quiz_alone(
    minimal_project: Path,
) -> None:
    """Its quiz was told "restore course/02-second.md, or delete the quiz"."""
    course = minimal_project / "course"
    (course / "02-second.md").rename(course / "02-Second.md")
    assert problems_of(minimal_project) == [
        "course/02-Second.md:1:1: '02-Second.md' starts with a digit, so it is a module, but a "
        "module's file name is two digits, a hyphen and lower-case letters, digits or hyphens; "
        "rename it and its quiz, e.g. to 02-second.md and 02-second.yml [course.module-name]"
    ]


def test_the_quiz_of_a_deleted_module_is_to_be_deleted_or_its_page_restored(
    minimal_project: Path,
) -> None:
    (minimal_project / "course/02-second.md").unlink()
    assert (
        "quizzes/02-second.yml:1:1: quiz '02-second.yml' belongs to no module: there is no "
        "course/02-second.md; restore course/02-second.md, or delete the quiz [quiz.orphan]"
    ) in problems_of(minimal_project)


def orphans(root: Path) -> list[str]:
    return [problem for problem in problems_of(root) if problem.endswith("[quiz.orphan]")]


def rename_pages(root: Path, renames: dict[str, str]) -> None:
    for old, new in renames.items():
        (root / f"course/{old}.md").rename(root / f"course/{new}.md")


def back(old: str, new: str) -> str:
    """The other way a quiz of no module is offered: the page renamed by a slip."""
    return f"or, if renaming course/{old}.md to course/{new}.md was a slip, rename that page back"


@pytest.mark.parametrize(
    "renamed",
    [
        {"01-sample": "01-listening", "02-second": "02-recovery"},
        {"01-sample": "03-sample", "02-second": "04-second"},
    ],
    ids=["same-numbers", "same-names"],
)
def test_quizzes_of_modules_renamed_at_once_are_each_told_their_new_name(
    minimal_project: Path, renamed: dict[str, str]
) -> None:
    """Each quiz's name says the same module as one module without a quiz, and no other."""
    rename_pages(minimal_project, renamed)
    assert orphans(minimal_project) == [
        f"quizzes/{old}.yml:1:1: quiz '{old}.yml' belongs to no module: there is no "
        f"course/{old}.md; rename it to quizzes/{new}.yml; {back(old, new)} [quiz.orphan]"
        for old, new in renamed.items()
    ]


def test_the_quizzes_of_two_modules_swapped_follow_the_names_after_the_numbers(
    minimal_project: Path,
) -> None:
    """Each quiz shares its number with one module and its name with the other: the name
    says the module (its place in the course is the number). Both were offered both
    modules, and each module was told to create a quiz."""
    rename_pages(minimal_project, {"01-sample": "02-sample", "02-second": "01-second"})
    problems = problems_of(minimal_project)
    for old, new in {"01-sample": "02-sample", "02-second": "01-second"}.items():
        assert (
            f"quizzes/{old}.yml:1:1: quiz '{old}.yml' belongs to no module: there is no "
            f"course/{old}.md; rename it to quizzes/{new}.yml; {back(old, new)} [quiz.orphan]"
        ) in problems
        assert (
            f"course/{new}.md:1:1: module '{new}' has no quiz; rename quizzes/{old}.yml to "
            f"quizzes/{new}.yml; or, if renaming the page was a slip, rename it back to "
            f"course/{old}.md [quiz.missing]"
        ) in problems


def test_a_quiz_of_no_module_lists_the_modules_without_a_quiz(minimal_project: Path) -> None:
    """Two modules renamed and renumbered at once: no quiz plainly says which is its."""
    rename_pages(minimal_project, {"01-sample": "03-listening", "02-second": "04-recovery"})
    assert orphans(minimal_project) == [
        f"quizzes/{name}.yml:1:1: quiz '{name}.yml' belongs to no module: there is no "
        f"course/{name}.md; restore course/{name}.md, rename the quiz after the module it now "
        "belongs to, one of those without a quiz (course/03-listening.md, "
        "course/04-recovery.md), or delete it [quiz.orphan]"
        for name in ("01-sample", "02-second")
    ]


def test_a_quiz_of_no_module_is_offered_only_the_modules_no_other_quiz_is_renamed_after(
    minimal_project: Path,
) -> None:
    """Module 1 renamed, module 2 deleted and module 3 added: quiz 1 takes module 1's new
    name, and quiz 2 is offered module 3 alone."""
    rename_pages(minimal_project, {"01-sample": "01-listening", "02-second": "03-practice"})
    assert orphans(minimal_project) == [
        "quizzes/01-sample.yml:1:1: quiz '01-sample.yml' belongs to no module: there is no "
        "course/01-sample.md; rename it to quizzes/01-listening.yml; "
        f"{back('01-sample', '01-listening')} [quiz.orphan]",
        "quizzes/02-second.yml:1:1: quiz '02-second.yml' belongs to no module: there is no "
        "course/02-second.md; restore course/02-second.md, rename the quiz after the module "
        "it now belongs to, one of those without a quiz (course/03-practice.md), or delete "
        "it [quiz.orphan]",
    ]


@pytest.mark.parametrize(("name", "written"), [("exam", "Exam"), ("01-sample", "01-Sample")])
def test_a_quiz_named_in_other_capitals_is_told_its_name(
    minimal_project: Path, name: str, written: str
) -> None:
    """quizzes/Exam.yml was told to restore a page course/Exam.md, or to go, as if it were
    a module's quiz: it is the exam's file, named but for a capital."""
    (minimal_project / f"quizzes/{name}.yml").rename(minimal_project / f"quizzes/{written}.yml")
    assert orphans(minimal_project) == [
        f"quizzes/{written}.yml:1:1: quiz '{written}.yml' differs from quizzes/{name}.yml "
        "only in capitals; file names tell capitals from small letters on Linux, in git and "
        f"on the server, where the course does not read it; rename it to quizzes/{name}.yml "
        "[quiz.orphan]"
    ]


def test_page_without_front_matter(minimal_project: Path) -> None:
    (minimal_project / "course/index.md").write_text("# 首页\n")
    assert problems_of(minimal_project) == [
        "course/index.md:1:1: the page has no front matter; start the file with a '---' line, "
        "the title and the other fields, and another '---' line [page.no-front-matter]"
    ]


def test_front_matter_may_close_with_three_dots_as_mkdocs_allows(minimal_project: Path) -> None:
    path = minimal_project / "course/01-sample.md"
    before = load_course(Project(minimal_project)).modules[0].page
    lines = path.read_text(encoding="utf-8").split("\n")
    closing = lines.index("---", 1)
    lines[closing] = "..."
    path.write_text("\n".join(lines), encoding="utf-8")
    after = load_course(Project(minimal_project)).modules[0].page
    assert (after.meta, after.body, after.body_line) == (before.meta, before.body, before.body_line)


def test_three_dots_above_more_fields_are_told_not_read_as_page_text(minimal_project: Path) -> None:
    """A '...' line closed the front matter of a page, and the fields below it showed as a
    heading: the '---' under them underlines the line above, as in any Markdown."""
    (minimal_project / "course/index.md").write_text(
        "---\ntitle: 首页\n...\nhide:\n  - toc\n---\n\n# 首页\n", encoding="utf-8"
    )
    assert problems_of(minimal_project) == [
        "course/index.md:3:1: this '...' line closes the front matter, so the fields below "
        "it, down to the '---' on line 6, are read as page text; delete this '...' line "
        "[page.front-matter-ends-early]"
    ]


def test_three_dots_may_close_the_front_matter_above_a_rule(minimal_project: Path) -> None:
    """The page text above a '---' rule is no field: the '...' closes the front matter."""
    (minimal_project / "course/index.md").write_text(
        "---\ntitle: 首页\n...\n\n# 首页\n\n欢迎。\n\n---\n\n结语。\n", encoding="utf-8"
    )
    home = load_course(Project(minimal_project)).pages[2]
    assert (home.meta.title, home.body_line) == ("首页", 4)
    assert home.body == "\n# 首页\n\n欢迎。\n\n---\n\n结语。\n"


def test_three_dots_indented_in_a_front_matter_text_are_text(minimal_project: Path) -> None:
    """Only '...' at the start of a line ends the front matter, as in MkDocs: indented, it
    ended the summary there, and the page text began with the rest of it."""
    path = minimal_project / "course/01-sample.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace(
            "summary: 一个只为测试而写的模块。",
            "summary: >-\n  一个只为\n  ...\n  测试而写的模块。",
        ),
        encoding="utf-8",
    )
    page = load_course(Project(minimal_project)).modules[0].page
    assert isinstance(page.meta, ModuleMeta)
    assert page.meta.summary == "一个只为 ... 测试而写的模块。"


def test_all_problems_are_reported_in_one_run(minimal_project: Path) -> None:
    (minimal_project / "course/index.md").write_text("---\ntitel: 首页\n---\n")
    quiz = minimal_project / "quizzes/01-sample.yml"
    quiz.write_text(quiz.read_text().replace("    explanation: 五步法从道歉开始。\n", ""))
    problems = problems_of(minimal_project)
    assert len(problems) == 3, problems
    assert any("course/index.md:2:1: unknown key 'titel'" in problem for problem in problems)
    assert any("missing required key 'title'" in problem for problem in problems)
    assert any("missing required key 'explanation'" in problem for problem in problems)


def test_a_byte_order_mark_is_accepted(minimal_project: Path) -> None:
    """Windows Notepad starts UTF-8 files with a BOM; the page still has its front matter."""
    page = minimal_project / "course/01-sample.md"
    page.write_bytes(b"\xef\xbb\xbf" + page.read_bytes())
    quiz = minimal_project / "quizzes/01-sample.yml"
    quiz.write_bytes(b"\xef\xbb\xbf" + quiz.read_bytes())
    module = load_course(Project(minimal_project)).modules[0]
    assert module.meta.title == "示例模块"
    assert module.quiz.questions[0].id == "s1-single"


@pytest.mark.parametrize(
    ("start", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG picture"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "a JPEG picture"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "a PDF document"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00", "an older Word document (.doc) or Office file"),
        (bytes(range(256)) * 4, "a picture, a program or a compressed file"),
    ],
    ids=["png", "jpeg", "pdf", "doc", "other"],
)
def test_a_file_that_is_not_text_is_named_as_such(
    minimal_project: Path, start: bytes, kind: str
) -> None:
    """Not 'save it as UTF-8', which no editor can do with a picture or a PDF."""
    (minimal_project / "quizzes/01-sample.yml").write_bytes(start + bytes(range(128, 256)))
    [problem] = problems_of(minimal_project)
    assert problem.startswith(
        f"quizzes/01-sample.yml:1:1: this is not a text file (it looks like {kind}); "
    )
    assert problem.endswith(" [source.not-text]")


def test_utf32_is_named(minimal_project: Path) -> None:
    """Its zero bytes are text, not a sign of a picture or a program."""
    quiz = minimal_project / "quizzes/01-sample.yml"
    quiz.write_bytes(quiz.read_text(encoding="utf-8").encode("utf-32"))
    assert problems_of(minimal_project) == [
        "quizzes/01-sample.yml:1:1: the file is not saved as UTF-8 (it looks like UTF-32); "
        "open it in your editor and save it with the encoding 'UTF-8' [source.not-utf8]"
    ]


@pytest.mark.parametrize(
    "prose", ["", "客户满意是服务的目标。" * 300], ids=["page", "chinese-prose"]
)
def test_utf16_without_a_byte_order_mark_is_named(minimal_project: Path, prose: str) -> None:
    """Its zero bytes, one in each ASCII character and nearly all at even places, tell it
    from UTF-8 text with a stray zero byte (tests/bad_input/forbidden-nul*); a page of
    Chinese prose, with few ASCII characters, was said to be a picture."""
    page = minimal_project / "course/01-sample.md"
    page.write_bytes((page.read_text(encoding="utf-8") + prose).encode("utf-16-le"))
    [problem] = problems_of(minimal_project)
    assert "the file is not saved as UTF-8 (it looks like UTF-16, which Windows" in problem


@pytest.mark.parametrize("line_end", ["\n", "\r"], ids=["lf", "cr"])
@pytest.mark.parametrize("cut", [1, 2])
def test_a_file_whose_last_character_was_cut_short_is_named_so(
    minimal_project: Path, cut: int, line_end: str
) -> None:
    """A save cut short mid-character: 'save it as UTF-8', which it was, or 'it looks like
    GBK', from the Chinese on its last line; with CR line ends too (it was placed on line 1,
    the whole file one line to a count of LFs)."""
    quiz = minimal_project / "quizzes/01-sample.yml"
    text = quiz.read_text(encoding="utf-8").rstrip("\n")
    quiz.write_bytes(text.replace("\n", line_end).encode() + "# 复原。".encode()[:-cut])
    last = text.count("\n") + 1
    assert problems_of(minimal_project) == [
        f"quizzes/01-sample.yml:{last}:{len(text.split(chr(10))[-1]) + 5}: the file ends "
        "part-way through a character: the last save, or copy, was cut short (the rest of "
        "the file is UTF-8); open it in your editor, delete the broken character at its end "
        "and type it again, then save [source.not-utf8]"
    ]


def test_big5_whose_first_character_reads_as_gbk_is_named_big5(minimal_project: Path) -> None:
    """中 in Big5 is a GBK character too (い): the rest of the text tells them apart."""
    page = minimal_project / "course/01-sample.md"
    page.write_bytes(
        "---\ntitle: 中文頁面\nsummary: 一個只為測試而寫的模組。\n---\n".encode("big5")
    )
    [problem] = problems_of(minimal_project)
    assert "(it looks like Big5, the encoding traditional Chinese Windows editors use)" in problem


def test_editor_lock_and_backup_files_are_not_pages_or_quizzes(minimal_project: Path) -> None:
    """Emacs lock files are dangling links named .#page.md; backups end in ~."""
    (minimal_project / "course/.#01-sample.md").symlink_to("user@host.1234")
    (minimal_project / "quizzes/.#01-sample.yml").symlink_to("user@host.1234")
    (minimal_project / "course/01-sample.md~").write_text("old", encoding="utf-8")
    course = load_course(Project(minimal_project))
    assert [page.name for page in course.pages] == ["01-sample", "02-second", "index"]


@pytest.mark.parametrize(
    ("target", "leads"), [("nowhere.yml", "to nothing"), ("02-second.yml", "round to itself")]
)
def test_a_quiz_that_is_a_link_to_nothing_is_said_to_be_one(
    minimal_project: Path, target: str, leads: str
) -> None:
    """It was said to be missing, and its creation asked for: created, it would have been
    written through the link."""
    quiz = minimal_project / "quizzes/02-second.yml"
    quiz.unlink()
    quiz.symlink_to(target)
    assert problems_of(minimal_project) == [
        f"quizzes/02-second.yml:1:1: the file is a link to '{target}', which leads {leads}; "
        "delete the link and put the file itself in its place, or make the link point to a "
        "file that exists [source.broken-link]"
    ]


@pytest.mark.parametrize("loop", [["exam.yml"], ["e2.yml", "exam.yml"]], ids=["itself", "two"])
def test_exam_settings_linked_round_in_a_loop_are_said_to_be_a_link(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], loop: list[str]
) -> None:
    """Linked to itself, check ended in a traceback; through a second link, the exam was
    taken for absent, and only the second link was named (as a quiz of no module)."""
    exam = minimal_project / "quizzes/exam.yml"
    exam.unlink()
    exam.symlink_to(loop[0])
    for name, target in itertools.pairwise(loop):
        (minimal_project / "quizzes" / name).symlink_to(target)
    assert run_generator(minimal_project, "check") == 1
    said = capsys.readouterr().err
    assert (
        f"quizzes/exam.yml:1:1: the file is a link to '{loop[0]}', which leads round to itself"
        in said
    )
    assert "Traceback" not in said


def test_a_quiz_that_is_a_folder_is_reported_not_read(minimal_project: Path) -> None:
    quiz = minimal_project / "quizzes/02-second.yml"
    quiz.unlink()
    quiz.mkdir()
    assert problems_of(minimal_project) == [
        "quizzes/02-second.yml:1:1: this is not an ordinary file but a folder; delete it, or "
        "replace it with the page or quiz file it is named after [source.not-a-file]"
    ]


def not_a_file(path: str, kind: str = "a folder") -> str:
    return (
        f"{path}:1:1: this is not an ordinary file but {kind}; delete it, or replace it with "
        "the page or quiz file it is named after [source.not-a-file]"
    )


def make_no_file(path: Path, kind: str) -> None:
    """A folder (with a file in it, as git keeps only those) or a named pipe at ``path``."""
    if kind == "a folder":
        path.mkdir()
        (path / "notes.txt").write_text("笔记\n", encoding="utf-8")
    else:
        os.mkfifo(path)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
@pytest.mark.parametrize("kind", ["a folder", "a named pipe (FIFO)"])
@pytest.mark.parametrize("command", ["check", "build"])
def test_a_page_or_quiz_that_is_no_file_is_told_so_and_paired_with_nothing(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], kind: str, command: str
) -> None:
    """A folder named as a module was asked for its quiz, and offered to a quiz named after
    no module as the module it might belong to; a folder named as a quiz was told to belong
    to no module rather than to be no file."""
    make_no_file(minimal_project / "course/05-x.md", kind)
    make_no_file(minimal_project / "quizzes/06-y.yml", kind)
    (minimal_project / "quizzes/07-z.yml").write_text("questions: []\n", encoding="utf-8")
    assert run_generator(minimal_project, command) == 1
    said = capsys.readouterr().err.splitlines()
    assert said[:4] == [
        not_a_file("course/05-x.md", kind),
        not_a_file("quizzes/06-y.yml", kind),
        "quizzes/07-z.yml:1:1: quiz '07-z.yml' belongs to no module: there is no "
        "course/07-z.md; restore course/07-z.md, or delete the quiz [quiz.orphan]",
        "FAILED: 3 problems",
    ]


def test_a_quiz_that_is_a_folder_beside_an_ordinary_page_is_no_orphan(
    minimal_project: Path,
) -> None:
    """Only a module has a quiz: quizzes/glossary.yml was told to belong to no module, as a
    file would be, though it was no file at all."""
    (minimal_project / "course/glossary.md").write_text(
        "---\ntitle: 术语表\n---\n\n术语。\n", encoding="utf-8"
    )
    make_no_file(minimal_project / "quizzes/glossary.yml", "a folder")
    assert problems_of(minimal_project) == [not_a_file("quizzes/glossary.yml")]


def test_the_quiz_of_a_module_page_that_is_a_folder_is_neither_orphan_nor_read(
    minimal_project: Path,
) -> None:
    """Its name is held: the quiz waits for the page to be put back. With every module a
    folder, the course is not said to have no module as well."""
    for name in ("01-sample", "02-second"):
        page = minimal_project / f"course/{name}.md"
        page.unlink()
        make_no_file(page, "a folder")
    (minimal_project / "quizzes/02-second.yml").write_text("questions: [\n", encoding="utf-8")
    assert sorted(problems_of(minimal_project)) == [
        not_a_file("course/01-sample.md"),
        not_a_file("course/02-second.md"),
    ]


def test_a_folder_named_as_a_misspelt_page_or_quiz_is_no_file_to_rename(
    minimal_project: Path,
) -> None:
    """Renamed as told, each would have been a folder named as a page or a quiz; and the
    folder was offered as the module a quiz of no module might belong to."""
    make_no_file(minimal_project / "course/03-z.markdown", "a folder")
    make_no_file(minimal_project / "quizzes/04-z.yaml", "a folder")
    (minimal_project / "quizzes/07-z.yml").write_text("questions: []\n", encoding="utf-8")
    assert problems_of(minimal_project) == [
        "quizzes/07-z.yml:1:1: quiz '07-z.yml' belongs to no module: there is no "
        "course/07-z.md; restore course/07-z.md, or delete the quiz [quiz.orphan]"
    ]


@pytest.mark.parametrize("name", ["01-sample", "exam", "09-draft"])
def test_a_quiz_spelt_yaml_is_to_be_renamed(minimal_project: Path, name: str) -> None:
    quizzes = minimal_project / "quizzes"
    source = quizzes / f"{name}.yml"
    if source.exists():
        source.rename(source.with_suffix(".yaml"))
    else:
        (quizzes / f"{name}.yaml").write_text("questions: []\n", encoding="utf-8")
    assert problems_of(minimal_project) == [
        f"quizzes/{name}.yaml:1:1: quiz files end in '.yml', and this one is not read; "
        f"rename it to {name}.yml [quiz.yaml-extension]"
    ]


@pytest.mark.parametrize(
    ("name", "quiz"),
    [("practice", "practice"), ("glossary", "glossary"), ("glossary", "Glossary")],
    ids=["practice", "glossary", "but-for-capitals"],
)
def test_a_quiz_named_after_a_page_that_is_no_module_is_never_silently_ignored(
    minimal_project: Path, name: str, quiz: str
) -> None:
    """The page lacks its two-digit number: the quiz would be lost without a word. Named so
    but for capitals ('Glossary.yml'), it was told to restore course/Glossary.md, a second
    glossary page, and still no quiz the course reads."""
    page = minimal_project / f"course/{name}.md"
    page.write_text("---\ntitle: 练习\n---\n\n练习。\n", encoding="utf-8")
    (minimal_project / f"quizzes/{quiz}.yml").write_text("garbage: [\n", encoding="utf-8")
    assert problems_of(minimal_project) == [
        f"quizzes/{quiz}.yml:1:1: quiz '{quiz}.yml' belongs to no module, so it is never "
        f"read: course/{name}.md is an ordinary page, as a module's file name is two digits, "
        "a hyphen and lower-case letters, digits or hyphens; to make the page a module, "
        f"rename it and its quiz with the next number, such as 03-{name}.md and "
        f"03-{name}.yml (see AUTHORING.md); otherwise move the quiz out of quizzes/ or "
        "delete it [quiz.orphan]"
    ]


def test_the_home_page_has_no_quiz(minimal_project: Path) -> None:
    (minimal_project / "quizzes/index.yml").write_text("garbage: [\n", encoding="utf-8")
    assert problems_of(minimal_project) == [
        "quizzes/index.yml:1:1: quiz 'index.yml' belongs to no module, so it is never read: "
        "course/index.md is an ordinary page, as a module's file name is two digits, a "
        "hyphen and lower-case letters, digits or hyphens; the home page has no quiz: move "
        "the file out of quizzes/ or delete it [quiz.orphan]"
    ]


def test_a_file_name_that_reverses_text_is_printed_escaped(minimal_project: Path) -> None:
    """U+202E in a file name turned the problem's line backwards on the terminal."""
    page = minimal_project / "course/02-second.md"
    page.rename(minimal_project / "course/02-\u202eevil.md")
    with pytest.raises(CourseError) as raised:
        load_course(Project(minimal_project))
    lines = [str(problem) for problem in raised.value.problems]
    assert any(line.startswith("quizzes/02-second.yml:") for line in lines), lines
    assert [line for line in lines if "\u202e" in line] == []
    assert any("02-\\u202eevil" in line for line in lines), lines


def test_control_characters_in_names_and_keys_are_printed_escaped(minimal_project: Path) -> None:
    """ESC in a file name or a quoted key was printed raw: the terminal read it as the start
    of a sequence that recoloured or cleared the screen."""
    (minimal_project / "quizzes/03-\x1b[2J.yml").write_text("questions: []\n", encoding="utf-8")
    quiz = minimal_project / "quizzes/01-sample.yml"
    text = quiz.read_text(encoding="utf-8")
    quiz.write_text(text.replace("    prompt:", '    "pro\\e[31mmpt\\x07":', 1), encoding="utf-8")
    lines = problems_of(minimal_project)
    assert [line for line in lines if any(c in line for c in "\x1b\x07")] == []
    assert any(line.startswith("quizzes/03-\\x1b[2J.yml:1:1: ") for line in lines), lines
    assert any("unknown key 'pro\\x1b[31mmpt\\x07'" in line for line in lines), lines
    setup_error = SetupError("cannot write", "free some space", "setup.full", Path("site/\x9b2J"))
    assert str(setup_error) == "site/\\x9b2J: cannot write; free some space [setup.full]"


def test_a_long_run_without_spaces_is_printed_by_its_ends(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A link to a 400-character address was written out whole in its problem."""
    page = minimal_project / "course/01-sample.md"
    with page.open("a", encoding="utf-8") as text:
        text.write(f"\n见[这里]({'a' * 400}.md)。\n")
    assert run_generator(minimal_project, "check") == 1
    [problem] = capsys.readouterr().err.splitlines()[:-1]
    assert f"link to '{'a' * 99}…{'a' * 35}.md', which is not a page" in problem
    assert len(problem) < 400


def test_a_missing_quizzes_folder_is_said_once(minimal_project: Path) -> None:
    """Each module was told to create its quiz, as if the folder were there."""
    shutil.rmtree(minimal_project / "quizzes")
    assert problems_of(minimal_project) == [
        "quizzes/: the quizzes folder is missing, so no module has its quiz; put quizzes/ "
        "back beside course/, with a quiz file for each module (see AUTHORING.md) "
        "[quiz.missing-folder]"
    ]


@pytest.mark.parametrize("line_end", ["\r", "\r\n"], ids=["classic-mac", "windows"])
def test_a_file_with_other_line_ends_is_read_and_told_of_as_with_newlines(
    minimal_project: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    line_end: str,
) -> None:
    """YAML and Python-Markdown take a CR as a line's end too. A quiz saved with CR alone was
    one line to the generator's own checks, and the editorial standards' check of its texts
    read past its end (a traceback); the warnings in it and the problem in a page are told
    at the same lines as with LF."""
    monkeypatch.setattr(generator.lint.standards, "STANDARDS", STANDARDS)
    quiz, page = minimal_project / "quizzes/02-second.yml", minimal_project / "course/02-second.md"
    texts = {quiz: quiz.read_text("utf-8"), page: page.read_text("utf-8")}
    told = {}
    for ends in ("\n", line_end):
        for path, text in texts.items():
            path.write_bytes(text.replace("\n", ends).encode())
        assert run_generator(minimal_project, "check") == 0
        warnings = capsys.readouterr().err
        page.write_bytes(f"{texts[page]}\n<div>\n\n正文。\n".replace("\n", ends).encode())
        assert run_generator(minimal_project, "check") == 1
        told[ends] = (warnings, capsys.readouterr().err)
    assert told[line_end] == told["\n"]
    assert "quizzes/02-second.yml:17:5: warning:" in told["\n"][0]
    assert "course/02-second.md:21:1: '<div>' is not closed" in told["\n"][1]


UNFIT_NAME = (
    "the file's name holds {}, so the file is not read; rename it with letters, digits, "
    "hyphens or Chinese characters (a module's page and quiz keep the same name) "
    "[course.unfit-name]"
)
NOT_UTF8 = "a byte that is not UTF-8 text (it was named on a computer set to another encoding)"
ACTS_ON = "which a terminal or a browser acts on instead of showing"


@pytest.mark.parametrize(
    ("name", "shown", "what"),
    [
        (os.fsdecode(b"course/y\xff\xfe.md"), "course/y\\udcff\\udcfe.md", NOT_UTF8),
        (os.fsdecode(b"quizzes/q\xff.yml"), "quizzes/q\\udcff.yml", NOT_UTF8),
        (
            "course/x\x1b]0;PWNED\x07.md",
            "course/x\\x1b]0;PWNED\\x07.md",
            f"a control character or a direction mark (U+001B), {ACTS_ON}",
        ),
        (
            "course/\u202eevil.md",
            "course/\\u202eevil.md",
            f"a control character or a direction mark (U+202E), {ACTS_ON}",
        ),
    ],
    ids=["page-not-utf8", "quiz-not-utf8", "page-escape", "page-reversing-mark"],
)
def test_a_file_name_no_address_can_carry_is_told_before_mkdocs_runs(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], name: str, shown: str, what: str
) -> None:
    """A page named in another encoding (a zip made on Windows) passed check, and MkDocs
    stopped the build with a traceback when it made the page's address; a name with ESC
    was printed raw by the preview. The build stops before MkDocs runs."""
    (minimal_project / name).write_text("---\ntitle: 页面\n---\n\n正文。\n", "utf-8")
    assert run_generator(minimal_project, "build") == 1
    assert capsys.readouterr().err.splitlines()[:2] == [
        f"{shown}:1:1: {UNFIT_NAME.format(what)}",
        "FAILED: 1 problem",
    ]


WINDOWS_UNFIT = (
    "so the offline and SCORM packages could not be unzipped on Windows; the file is not "
    "read; rename it with letters, digits, hyphens or Chinese characters [course.unfit-name]"
)


@pytest.mark.parametrize(
    ("name", "what"),
    [
        ("问答?", "holds '?', which Windows does not allow in a file name"),
        ("a:b", "holds ':', which Windows does not allow in a file name"),
        ('x"<y>', "holds '\"', which Windows does not allow in a file name"),
        ("a|b", "holds '|', which Windows does not allow in a file name"),
        ("nul", "is 'nul', which Windows keeps as the name of a device"),
        ("Com1.notes", "is 'Com1', which Windows keeps as the name of a device"),
    ],
    ids=["question-mark", "colon", "quote-and-brackets", "bar", "nul", "com1"],
)
def test_a_page_name_windows_cannot_hold_is_told(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], name: str, what: str
) -> None:
    """The offline zip, for a classroom PC, held 问答?.html and nul.html, which Windows
    cannot unzip (nul is its null device)."""
    (minimal_project / f"course/{name}.md").write_text("---\ntitle: 页面\n---\n\n正文。\n", "utf-8")
    assert run_generator(minimal_project, "check") == 1
    assert capsys.readouterr().err.splitlines() == [
        f"course/{name}.md:1:1: the file's name {what}, {WINDOWS_UNFIT}",
        "FAILED: 1 problem",
    ]


def test_pages_named_alike_but_for_letter_case_are_told(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Glossary.html and glossary.html in the offline zip: one replaced the other on Windows
    and macOS."""
    for name in ("Glossary", "glossary"):
        page = minimal_project / f"course/{name}.md"
        page.write_text("---\ntitle: 词汇\n---\n\n正文。\n", "utf-8")
    assert run_generator(minimal_project, "check") == 1
    assert capsys.readouterr().err.splitlines() == [
        "course/glossary.md:1:1: the name differs from 'Glossary.md' only in letter case; "
        "Windows and macOS keep one file for both, so one page would replace the other where "
        "the offline package is unzipped; rename one of the two pages [course.case-clash]",
        "FAILED: 1 problem",
    ]


@pytest.mark.parametrize(
    ("name", "written"),
    [("Exam", "exam.md"), ("EXAM_Certificate", "exam_certificate.md"), ("Mistakes", "mistakes.md")],
    ids=["exam", "certificate", "mistakes"],
)
def test_a_page_named_as_a_generated_page_but_for_letter_case_is_told(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], name: str, written: str
) -> None:
    """Exam.html beside the generated exam.html in the offline zip: on Windows and macOS the
    generated page replaced the trainer's."""
    (minimal_project / f"course/{name}.md").write_text("---\ntitle: 页面\n---\n\n正文。\n", "utf-8")
    assert run_generator(minimal_project, "check") == 1
    assert capsys.readouterr().err.splitlines() == [
        f"course/{name}.md:1:1: the name differs from '{written}', a page the generator writes "
        "itself, only in letter case; Windows and macOS keep one file for both, so the "
        "generated page would replace this one where the offline package is unzipped; rename "
        "this page; these names are reserved in any letter case: exam.md, exam_certificate.md, "
        "mistakes.md [course.case-clash]",
        "FAILED: 1 problem",
    ]


PUBLISHED_UNFIT = (
    "so the offline and SCORM packages could not be unzipped on Windows; rename it with "
    "letters, digits, hyphens or Chinese characters, and write the new name in the links to "
    "it [course.unfit-name]"
)


@pytest.mark.parametrize(
    ("names", "told"),
    [
        (
            ["media/问答?.png"],
            "course/media/问答?.png:1:1: the file's name holds '?', which Windows does not "
            f"allow in a file name, {PUBLISHED_UNFIT}",
        ),
        (
            ["images/con.png"],
            "course/images/con.png:1:1: the file's name is 'con', which Windows keeps as the "
            f"name of a device, {PUBLISHED_UNFIT}",
        ),
        (
            ["media/a:b/1.pdf", "media/a:b/2.pdf"],
            "course/media/a:b/: the folder's name holds ':', which Windows does not allow in a "
            f"file name, {PUBLISHED_UNFIT}",
        ),
        (
            ["media/Photo.png", "media/photo.png"],
            "course/media/photo.png:1:1: the name differs from 'media/Photo.png' only in "
            "letter case; Windows and macOS keep one file for both, so one file would replace "
            "the other where the offline package is unzipped; rename one of the two files "
            "[course.case-clash]",
        ),
    ],
    ids=["question-mark", "device", "folder", "letter-case"],
)
def test_a_published_file_name_windows_cannot_hold_is_told(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], names: list[str], told: str
) -> None:
    """Pictures and downloads went into the offline zip as they were named: a classroom PC
    could not unzip 问答?.png, con.png or a folder a:b, and kept one of Photo.png and
    photo.png. A folder is told once, however many files it holds."""
    for name in names:
        (minimal_project / "course" / name).parent.mkdir(parents=True, exist_ok=True)
        (minimal_project / "course" / name).write_bytes(b"\x89PNG\r\n\x1a\n")
    assert run_generator(minimal_project, "check") == 1
    assert capsys.readouterr().err.splitlines() == [told, "FAILED: 1 problem"]


@pytest.mark.parametrize("name", ["程序员👨\u200d💻", "co\u00adoperate", "客户 满意"])
def test_a_file_name_with_a_joiner_a_soft_hyphen_or_a_space_is_read(
    minimal_project: Path, name: str
) -> None:
    """Format characters other than direction marks are fine in an address: the joiner of an
    emoji, a soft hyphen."""
    (minimal_project / f"course/{name}.md").write_text("---\ntitle: 页面\n---\n\n正文。\n", "utf-8")
    assert name in [page.name for page in load_course(Project(minimal_project)).pages]


LONG_NAMES = {
    "page": "a" * 252,  # course/ + 252×a + .md: 255 bytes, the longest name a disk holds
    "Chinese page": "服务补救" * 21,  # 84 characters, 3 bytes each
    "module": "01-" + "a" * 248,
}


@pytest.mark.parametrize("kind", list(LONG_NAMES))
def test_a_page_whose_file_in_the_site_no_disk_holds_is_refused_by_check(
    minimal_project: Path, kind: str
) -> None:
    """``check`` said OK, then the build failed naming a scratch file
    (``build/.tmp-…/site/aaaa….html: File name too long … [setup.os-error]``)."""
    name = LONG_NAMES[kind]
    page = minimal_project / "course" / f"{name}.md"
    if kind == "module":
        shutil.copy(minimal_project / "course/02-second.md", page)
        shutil.copy(
            minimal_project / "quizzes/02-second.yml", minimal_project / f"quizzes/{name}.yml"
        )
    else:
        page.write_text("---\ntitle: 长名\n---\n\n正文。\n", encoding="utf-8")
    written = len(name.encode("utf-8")) + len(".html")
    assert problems_of(minimal_project) == [
        str(
            Problem(
                Path(f"course/{name}.md"),
                1,
                1,
                "the file's name is too long for the site: its page there, named as this file "
                f"with .html for .md, would have a name of {written} bytes, more than the 255 a "
                "disk allows, and the build could not write it",
                "shorten the name to at most 250 bytes before .md (a letter, digit or hyphen is 1 "
                "byte, a Chinese character 3); a module's quiz takes the same name",
                "course.name-too-long",
            )
        )
    ]


def test_a_page_name_at_the_disks_limit_builds(minimal_project: Path) -> None:
    (minimal_project / "course" / f"{'a' * 250}.md").write_text(
        "---\ntitle: 长名\n---\n\n正文。\n", encoding="utf-8"
    )
    assert run_generator(minimal_project, "build") == 0
    assert (minimal_project / "site" / f"{'a' * 250}.html").is_file()
