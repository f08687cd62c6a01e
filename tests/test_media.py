"""Course media: only files a page refers to, or that the media folders hold, are published."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from generator import build
from generator.project import Project
from tests.conftest import NO_SITE, SITE_KEPT, run_generator

PICTURE = b"\x89PNG\r\n\x1a\n not really a picture"


def add_files(root: Path) -> None:
    """Pictures a page uses, one it does not, and what editors leave behind (Word's lock
    files among them, which are no page or quiz)."""
    course = root / "course"
    (course / "pictures").mkdir()
    (course / "pictures/used.png").write_bytes(PICTURE)
    (course / "pictures/html-used.png").write_bytes(PICTURE)
    (course / "pictures/unused.png").write_bytes(PICTURE)
    (course / "media").mkdir()
    (course / "media/handout.pdf").write_bytes(b"%PDF-1.4")
    (course / "media/.handout.pdf.swp").write_bytes(b"vim swap")
    (course / "media/draft.md").write_text("# 草稿", encoding="utf-8")
    for left_behind in ("Thumbs.db", "~$讲义.docx", "讲义.docx~", "handout.pdf.bak"):
        (course / "media" / left_behind).write_bytes(b"left behind")
    (course / "notes.txt").write_text("不要发布", encoding="utf-8")
    (course / "01-sample.md~").write_text("backup", encoding="utf-8")
    (course / ".#01-sample.md").symlink_to("trainer@host.4242")
    for lock in (course / "~$01-sample.md", root / "quizzes/~$01-sample.yml"):
        lock.write_bytes(b"\x06Li Lei\x00\x00\x00")  # Word's or WPS's, while a file is open
    page = course / "01-sample.md"
    page.write_text(
        page.read_text(encoding="utf-8")
        + "\n![倾听](pictures/used.png)\n\n"
        + '<figure><img src="./pictures/html-used.png?v=2" alt="倾听"></figure>\n',
        encoding="utf-8",
    )


def test_only_linked_files_and_media_folders_are_published(minimal_project: Path) -> None:
    add_files(minimal_project)
    project = Project(minimal_project)
    media = build.check(project).media
    assert sorted(media.published) == [
        "media/handout.pdf",
        "pictures/html-used.png",
        "pictures/used.png",
    ]
    assert [project.shown(path) for path in media.skipped] == [
        "course/.#01-sample.md",
        "course/01-sample.md~",
        "course/media/.handout.pdf.swp",
        "course/media/Thumbs.db",
        "course/media/draft.md",
        "course/media/handout.pdf.bak",
        "course/media/~$讲义.docx",
        "course/media/讲义.docx~",
        "course/notes.txt",
        "course/pictures/unused.png",
        "course/~$01-sample.md",
    ]


def test_build_says_what_it_left_out(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SITE_URL", "https://trainer.example.org/mot/")  # no line about it
    add_files(minimal_project)
    assert run_generator(minimal_project, "build") == 0
    site = minimal_project / "site"
    assert (site / "pictures/used.png").read_bytes() == PICTURE
    assert (site / "media/handout.pdf").is_file()
    assert sorted(path.name for path in (site / "media").iterdir()) == ["handout.pdf"]
    assert not (site / "notes.txt").exists()
    assert not (site / "01-sample.md~").exists()
    assert not (site / "pictures/unused.png").exists()
    assert capsys.readouterr().err == (
        "Not published (no page links to them and they are not in course/images/ and "
        "course/media/, or they are files left there by the system or an editor): "
        "course/.#01-sample.md, course/01-sample.md~, course/media/.handout.pdf.swp, "
        "course/media/Thumbs.db, course/media/draft.md, course/media/handout.pdf.bak, "
        "course/media/~$讲义.docx, course/media/讲义.docx~, course/notes.txt, "
        "course/pictures/unused.png, course/~$01-sample.md\n"
    )


def link_outside(link: str, target: Path) -> str:
    """What ``check`` says of the course file ``link``, a symbolic link to ``target``, outside
    the project."""
    return (
        f"{link}:1:1: a link to {target.resolve()}, outside the project: the repository holds "
        "only the link, so the site built from it would lack the file; copy the file into the "
        "project in place of the link [media.link-outside]"
    )


def test_links_the_published_site_could_not_follow_are_problems(
    minimal_project: Path,
    tmp_path_factory: pytest.TempPathFactory,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A link to a file outside the project works here but not in the site built from the
    repository; a linked folder's files are never published. A link inside is fine."""
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    (elsewhere / "logo.png").write_bytes(PICTURE)
    course = minimal_project / "course"
    (course / "images").mkdir()
    (course / "images/logo.png").symlink_to(elsewhere / "logo.png")
    (minimal_project / "shared").mkdir()
    (minimal_project / "shared/map.png").write_bytes(PICTURE)
    (course / "shared").symlink_to("../shared")
    (course / "images/map.png").symlink_to("../../shared/map.png")
    (course / "images/.#lock").symlink_to("/nowhere/trainer@host")
    site = minimal_project / "site"
    (site / "assets").mkdir(parents=True)  # an earlier build's, known by its style sheet
    (site / "assets/mot.css").write_text("", encoding="utf-8")
    (site / "index.html").write_text("上一版", encoding="utf-8")

    assert run_generator(minimal_project, "build") == 1

    assert capsys.readouterr().err.splitlines() == [
        link_outside("course/images/logo.png", elsewhere / "logo.png"),
        "course/shared:1:1: a link to the folder shared, whose files are not published; "
        "move the folder here in place of the link [media.linked-folder]",
        "FAILED: 2 problems",
        SITE_KEPT,
    ]
    assert (site / "index.html").read_text(encoding="utf-8") == "上一版"


def test_a_link_to_a_quiz_file_is_refused_not_published(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A link under course/ to a quiz file, and a page naming it: the site published the
    quiz, answer keys and all, though a page's link to quizzes/ is refused."""
    media = minimal_project / "course/media"
    media.mkdir()
    (media / "key.yml").symlink_to("../../quizzes/01-sample.yml")
    with (minimal_project / "course/01-sample.md").open("a", encoding="utf-8") as page:
        page.write("\n[下载](media/key.yml)\n")
    assert run_generator(minimal_project, "build") == 1
    assert capsys.readouterr().err.splitlines()[:2] == [
        "course/media/key.yml:1:1: a link to quizzes/01-sample.yml: the site would publish "
        "the quiz file, its answer keys and all, for any learner to download; delete the "
        "link: the quizzes reach the site only as the generator writes them [media.linked-quiz]",
        "FAILED: 1 problem",
    ]
    assert not (minimal_project / "site/media/key.yml").exists()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_is_told_to_be_no_file_not_to_be_put_there(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A picture that is a named pipe, and a link to it: the page's link was told to put the
    file at course/images/pipe.png, where it seemed to be already."""
    images = minimal_project / "course/images"
    images.mkdir()
    os.mkfifo(images / "pipe.png")
    (images / "linked.png").symlink_to("pipe.png")
    with (minimal_project / "course/01-sample.md").open("a", encoding="utf-8") as page:
        page.write("\n![图](images/pipe.png)\n")
    assert run_generator(minimal_project, "check") == 1
    fix = "replace it with the file it is named after, or delete it [media.not-a-file]"
    assert capsys.readouterr().err.splitlines() == [
        "course/images/linked.png:1:1: a link to course/images/pipe.png, which is not an "
        f"ordinary file but a named pipe (FIFO): the site cannot publish it; {fix}",
        "course/images/pipe.png:1:1: this is not an ordinary file but a named pipe (FIFO): "
        f"the site cannot publish it; {fix}",
        "FAILED: 2 problems",
    ]


@pytest.mark.parametrize("linked", ["course/notes.md", "quizzes/01-sample.yml"])
def test_a_file_linked_from_outside_is_reported_for_the_link_not_what_it_holds(
    linked: str, minimal_project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A page linked to a file outside that had no front matter (``/etc/passwd``) was told to
    start with front matter: the trainer was sent to edit a file outside the project, and
    the link itself, the problem, was not named until that was done."""
    outside = tmp_path / "outside.txt"
    outside.write_text("no front matter here\nkey: [unclosed\n", encoding="utf-8")
    link = minimal_project / linked
    link.unlink(missing_ok=True)
    link.symlink_to(outside)
    assert run_generator(minimal_project, "check") == 1
    assert capsys.readouterr().err.splitlines() == [
        link_outside(linked, outside),
        "FAILED: 1 problem",
    ]


def test_a_quiz_linked_from_outside_the_project_is_a_problem(
    minimal_project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """As under course/: the repository would hold the link, not the quiz, and the site
    built from a copy would lack it; a link to a quiz inside the project is fine."""
    quiz = minimal_project / "quizzes/01-sample.yml"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    kept = elsewhere / "01-sample.yml"
    quiz.rename(kept)
    quiz.symlink_to(kept)
    assert run_generator(minimal_project, "check") == 1
    assert capsys.readouterr().err.splitlines() == [
        link_outside("quizzes/01-sample.yml", kept),
        "FAILED: 1 problem",
    ]
    inside = minimal_project / "drafts/01-sample.yml"
    inside.parent.mkdir()
    kept.rename(inside)
    quiz.unlink()
    quiz.symlink_to(inside)
    assert run_generator(minimal_project, "check") == 0


def test_a_picture_that_is_a_link_to_nothing_is_said_to_be_one(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """It was told to put the file at its path, which would have written through the link."""
    course = minimal_project / "course"
    (course / "images").mkdir()
    (course / "images/pic.png").symlink_to("nowhere.png")
    page = course / "01-sample.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(f"{text}\n![图](images/pic.png)\n", encoding="utf-8")
    assert run_generator(minimal_project, "check") == 1
    assert capsys.readouterr().err.splitlines() == [
        f"course/01-sample.md:{len(text.splitlines()) + 2}:6: the file course/images/pic.png "
        "linked here is a link to 'nowhere.png', which leads to nothing; delete the link and "
        "put the file itself in its place, or make the link point to a file that exists "
        "[source.broken-link]",
        "FAILED: 1 problem",
    ]


@pytest.mark.parametrize("command", ["check", "build"])
def test_a_link_that_leads_round_in_a_loop_is_a_file_that_cannot_be_read(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    """As for a page: reported where a page links to it, or else at the link itself."""
    course = minimal_project / "course"
    (course / "images").mkdir()
    (course / "images/a.png").symlink_to("a.png")
    (course / "loop").symlink_to("loop")
    page = course / "01-sample.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(f"{text}\n![倾听](images/a.png)\n", encoding="utf-8")
    line = len(text.splitlines()) + 2

    assert run_generator(minimal_project, command) == 1

    assert capsys.readouterr().err.splitlines() == [
        f"course/01-sample.md:{line}:7: the file course/images/a.png linked here is a link "
        "to 'a.png', which leads round to itself; delete the link and put the file itself in "
        "its place, or make the link point to a file that exists [source.broken-link]",
        "course/loop:1:1: the file is a link to 'loop', which leads round to itself; delete "
        "the link and put the file itself in its place, or make the link point to a file "
        "that exists [source.broken-link]",
        "FAILED: 2 problems",
        *([NO_SITE] if command == "build" else []),
    ]


@pytest.mark.parametrize("folder", ["course", "quizzes"])
def test_a_course_folder_linked_from_outside_the_project_is_a_problem(
    minimal_project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], folder: str
) -> None:
    """course/ as a link to a folder elsewhere built here, and the repository would hold
    only the link: the published site, built from a clone, would have no course."""
    kept = tmp_path / "elsewhere" / folder
    kept.parent.mkdir()
    (minimal_project / folder).rename(kept)
    (minimal_project / folder).symlink_to(kept)
    assert run_generator(minimal_project, "check") == 1
    assert capsys.readouterr().err.splitlines() == [
        f"{folder}/: a link to {kept.resolve()}, outside the project: the repository holds only "
        "the link, so the site built from it would lack the folder; move the folder into the "
        "project in place of the link [media.link-outside]",
        "FAILED: 1 problem",
    ]


def test_a_course_folder_linked_to_nothing_is_missing(
    minimal_project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A link to no folder at all is told as the folder missing, not as a file to copy."""
    shutil.rmtree(minimal_project / "quizzes")
    (minimal_project / "quizzes").symlink_to(tmp_path / "gone")
    assert run_generator(minimal_project, "check") == 1
    assert "[quiz.missing-folder]" in capsys.readouterr().err


def link_from_home(root: Path, *addresses: str) -> None:
    """Make the home page link to each of ``addresses``, so that the site publishes them."""
    home = root / "course/index.md"
    links = " ".join(f"[文件]({address})" for address in addresses)
    home.write_text(home.read_text(encoding="utf-8") + f"\n{links}\n", encoding="utf-8")


@pytest.mark.parametrize(
    ("names", "told"),
    [
        (
            ["Pictures/a.png", "pictures/b.png"],
            "course/pictures/: the name differs from 'Pictures/' only in letter case; Windows "
            "and macOS keep one folder for both, so the files of both would end up in one "
            "folder where the offline package is unzipped; move the files of one folder into "
            "the other, and write the new path in the links to them [course.case-clash]",
        ),
        (
            ["media/Old/a.pdf", "media/old/b.pdf"],
            "course/media/old/: the name differs from 'media/Old/' only in letter case; "
            "Windows and macOS keep one folder for both, so the files of both would end up in "
            "one folder where the offline package is unzipped; move the files of one folder "
            "into the other, and write the new path in the links to them [course.case-clash]",
        ),
        (
            ["01-sample.html"],
            "course/01-sample.html:1:1: the site would publish this file as '01-sample.html', "
            "the address of the page 01-sample.md, so the file would be left out of the site; "
            "rename the file (an .html file a page links to needs a name of its own), and "
            "write the new name in the links to it [media.page-clash]",
        ),
        (
            ["Exam.html"],
            "course/Exam.html:1:1: the site would publish this file as 'Exam.html', the address "
            "of the page exam.md ('exam.html') in other letter case, which Windows and macOS "
            "take for the same name, so one would replace the other where the offline package "
            "is unzipped; rename the file (an .html file a page links to needs a name of its "
            "own), and write the new name in the links to it [media.page-clash]",
        ),
    ],
    ids=["folders-in-letter-case", "inner-folders-in-letter-case", "page-address", "exam-page"],
)
def test_a_published_file_clashing_with_a_folder_or_a_page_is_told(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], names: list[str], told: str
) -> None:
    """Pictures/ beside pictures/ went into the offline zip as two folders, which a
    classroom PC unzips into one; 01-sample.html beside the page 01-sample.md passed check,
    and the build then failed in MkDocs' words ("Excluding '01-sample.html' from the site
    because it conflicts with '01-sample.md'"). A clash of folders is told once."""
    for name in names:
        (minimal_project / "course" / name).parent.mkdir(parents=True, exist_ok=True)
        (minimal_project / "course" / name).write_bytes(PICTURE)
    link_from_home(minimal_project, *names)
    assert run_generator(minimal_project, "check") == 1
    assert capsys.readouterr().err.splitlines() == [told, "FAILED: 1 problem"]


SITE_FILE_FIX = (
    "rename the file, or move it into course/images/ or course/media/, and write the new name "
    "in the links to it [media.site-file-clash]"
)


@pytest.mark.parametrize(
    ("name", "told"),
    [
        ("404.html", "'404.html', where MkDocs writes the site's own 'page not found' page"),
        ("sitemap.xml.gz", "'sitemap.xml.gz', where MkDocs writes the site map"),
        ("Sitemap.xml", "'Sitemap.xml', where MkDocs writes the site map (as 'sitemap.xml')"),
        (
            "search/search_index.json",
            "'search/search_index.json', where the site's search index goes",
        ),
        ("imsmanifest.xml", "'imsmanifest.xml', where the SCORM package's manifest goes"),
        ("scorm/讲义.pdf", "'scorm/讲义.pdf', where the SCORM package's launch pages go"),
        (
            "SCORM/01-sample.html",
            "'SCORM/01-sample.html', where the SCORM package's launch pages go (as 'scorm/')",
        ),
    ],
    ids=[
        "404-page",
        "site-map",
        "site-map-in-letter-case",
        "search-index",
        "scorm-manifest",
        "scorm-launch-folder",
        "scorm-launch-folder-in-letter-case",
    ],
)
def test_a_published_file_at_an_address_the_build_writes_is_told(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], name: str, told: str
) -> None:
    """course/404.html or course/sitemap.xml, linked from a page, passed check, and the
    build replaced it with its own 404 page or site map without a word: the link led there;
    course/imsmanifest.xml, the SCORM export with its manifest; a file in course/scorm/, where
    the export writes its launch pages, stopped it ("File exists")."""
    (minimal_project / "course" / name).parent.mkdir(parents=True, exist_ok=True)
    (minimal_project / "course" / name).write_bytes(PICTURE)
    link_from_home(minimal_project, name)
    assert run_generator(minimal_project, "check") == 1
    assert capsys.readouterr().err.splitlines() == [
        f"course/{name}:1:1: the site would publish this file as {told}, so one would replace "
        f"the other; {SITE_FILE_FIX}",
        "FAILED: 1 problem",
    ]


UNPUBLISHED_UNFIT = (
    "the site does not publish it, but git on Windows cannot check it out, so the course "
    "cannot be cloned or pulled there; rename it with letters, digits, hyphens or Chinese "
    "characters, or delete it if the course does not need it "
    "[course.unfit-name-unpublished]"
)


def test_a_file_left_out_whose_name_windows_cannot_hold_is_a_warning(
    minimal_project: Path,
) -> None:
    """notes:draft.txt, nul.txt and a folder 会议:纪要 were left out of the site with no word
    of their names: git on a trainer's Windows PC cannot check the course out. The course
    still builds, so each is a warning (a folder told once), and a hidden file, which an
    editor makes and deletes, is left alone."""
    course = minimal_project / "course"
    for name in ("notes:draft.txt", "nul.txt", "会议:纪要/1.txt", "会议:纪要/2.txt", ".~lock:x#"):
        (course / name).parent.mkdir(parents=True, exist_ok=True)
        (course / name).write_text("草稿", encoding="utf-8")
    warnings = [str(warning) for warning in build.check(Project(minimal_project)).warnings]
    assert [warning for warning in warnings if "unfit-name" in warning] == [
        "course/notes:draft.txt:1:1: warning: the file's name holds ':', which Windows does "
        f"not allow in a file name; {UNPUBLISHED_UNFIT}",
        "course/nul.txt:1:1: warning: the file's name is 'nul', which Windows keeps as the "
        f"name of a device; {UNPUBLISHED_UNFIT}",
        "course/会议:纪要/: warning: the folder's name holds ':', which Windows does not allow "
        f"in a file name; {UNPUBLISHED_UNFIT}",
    ]
