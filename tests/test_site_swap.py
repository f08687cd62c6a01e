"""The site swap survives a killed build: ``site/`` is never lost, no scratch folder stays.

The kill test builds the fixture course once, changes a module title, and runs a build
in a child process that kills itself (SIGKILL) at one point (see tests/kill_build.py);
then a second build must publish the whole new site and leave no scratch folder behind.
"""

from __future__ import annotations

import errno
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from generator import build, publish
from generator.errors import SetupError
from generator.project import OLD_SITE, Project
from generator.site_manifest import MANIFEST
from tests.conftest import FIXTURES, NO_SITE, PROJECT, SITE_KEPT, copy_project, run_generator
from tests.kill_build import POINTS

NEW_TITLE = "示例模块（新版）"


def files_of(site: Path) -> dict[str, bytes]:
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def scratch_folders(root: Path) -> list[str]:
    return sorted(path.name for path in (root / "build").glob(f"{publish.SCRATCH_PREFIX}*"))


@pytest.fixture(scope="module")
def built_once(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture course, built; each test works on a copy."""
    root = copy_project(tmp_path_factory.mktemp("built") / "project", FIXTURES / "minimal")
    assert run_generator(root, "build") == 0
    return root


@pytest.fixture
def project(built_once: Path, tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(built_once, root, symlinks=True)
    return root


def retitle(root: Path) -> None:
    page = root / "course/01-sample.md"
    page.write_text(page.read_text().replace("title: 示例模块", f"title: {NEW_TITLE}"))


def stop_build_at(point: str, root: Path, *how: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tests.kill_build", point, str(root), *how],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def kill_build_at(point: str, root: Path) -> None:
    child = stop_build_at(point, root)
    assert child.returncode == -signal.SIGKILL, f"the build was not killed at {point}: {child}"


def can_exchange(folder: Path) -> bool:
    """Does this platform and file system swap two folders in one step?"""
    (folder / "a").mkdir()
    (folder / "b").mkdir()
    return publish._exchange(folder / "a", folder / "b")


@pytest.mark.parametrize("point", list(POINTS))
def test_a_killed_build_never_loses_the_site(point: str, project: Path, tmp_path: Path) -> None:
    old = files_of(project / "site")
    kept = publishing_files(project / "site")
    retitle(project)
    kill_build_at(point, project)
    if point == "between-renames":  # the one moment without a site/: check puts it back
        assert not (project / "site").exists()
        assert run_generator(project, "check") == 0
    after_kill = files_of(project / "site")
    assert after_kill.keys() - kept.keys() == old.keys()
    published = {"removing-scratch"} | ({"after-exchange"} if can_exchange(tmp_path) else set())
    assert (NEW_TITLE in after_kill["01-sample.html"].decode()) == (point in published)
    assert run_generator(project, "build") == 0
    rebuilt = files_of(project / "site")
    assert rebuilt.keys() == old.keys() | kept.keys()
    assert NEW_TITLE in rebuilt["01-sample.html"].decode()
    assert {name: rebuilt[name] for name in kept} == kept, "what a site keeps is never lost"
    assert scratch_folders(project) == []


@pytest.mark.parametrize(
    ("point", "published"),
    [("writing-docs", False), ("between-renames", False), ("removing-scratch", True)],
)
def test_ctrl_c_stops_a_build_with_one_line_saying_what_site_holds(
    point: str, published: bool, project: Path
) -> None:
    old = files_of(project / "site")
    retitle(project)
    child = stop_build_at(point, project, "interrupt")
    assert child.returncode == 130, child.stderr  # 128 + SIGINT, as shells report Ctrl+C
    assert child.stderr.splitlines()[-1:] == [
        "Interrupted: the new site was already in site/."
        if published
        else "Interrupted: site/ is as it was before the build."
    ]
    assert "Traceback" not in child.stderr
    after = files_of(project / "site")
    assert after.keys() == old.keys()
    assert (NEW_TITLE in after["01-sample.html"].decode()) == published
    # stopped as it removed its scratch folder: the next build finishes that
    assert all(name.endswith(publish.DISCARDED) for name in scratch_folders(project))


def test_check_leaves_a_running_build_alone(project: Path) -> None:
    """While a build holds the lock, a scratch folder that looks stale may be in use."""
    stranded = project / "build" / f"{publish.SCRATCH_PREFIX}stranded" / OLD_SITE
    with publish.scratch_folder(Project(project)):
        stranded.mkdir(parents=True)
        (stranded / "index.html").write_text("旧的网站", encoding="utf-8")
        shutil.rmtree(project / "site")
        build.check(Project(project))
        assert stranded.is_dir() and not (project / "site").exists()
    build.check(Project(project))
    assert (project / "site/index.html").read_text(encoding="utf-8") == "旧的网站"
    assert scratch_folders(project) == []


def test_the_two_rename_swap_publishes_the_new_site(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where the platform cannot exchange two folders, two renames in a row do it."""
    monkeypatch.setattr(publish, "_exchange", lambda first, second: False)
    retitle(project)
    assert run_generator(project, "build") == 0
    assert NEW_TITLE in (project / "site/01-sample.html").read_text()
    assert scratch_folders(project) == []


def link_site(root: Path, folder: Path) -> Path:
    """Publish from ``folder`` (a web server's, say): the site moves there, site/ links to it."""
    folder.parent.mkdir(parents=True)
    shutil.move(root / "site", folder)
    (root / "site").symlink_to(folder)
    return folder


def across_disks(monkeypatch: pytest.MonkeyPatch, work: Path) -> None:
    """Renames out of ``work`` fail as they do between two file systems."""
    rename = os.replace

    def replace(source: Path, target: Path) -> None:
        if source.is_relative_to(work) and not target.is_relative_to(work):
            raise OSError(errno.EXDEV, os.strerror(errno.EXDEV), str(source), str(target))
        rename(source, target)

    monkeypatch.setattr(os, "replace", replace)


@pytest.mark.parametrize("swap", ["one-step", "two-renames", "across-disks"])
def test_a_linked_site_updates_the_folder_it_links_to(
    swap: str, project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``mv site /srv/www-course && ln -s /srv/www-course site``: the build keeps the link."""
    served = link_site(project, tmp_path / "srv/www-course")
    retitle(project)
    if swap == "two-renames":
        monkeypatch.setattr(publish, "_exchange", lambda first, second: False)
    if swap == "across-disks":
        across_disks(monkeypatch, project / "build")
    assert run_generator(project, "build") == 0
    assert (project / "site").is_symlink() and (project / "site").resolve() == served
    assert NEW_TITLE in (served / "01-sample.html").read_text()
    assert sorted(os.listdir(served.parent)) == ["www-course"], "no scratch folder left"
    assert scratch_folders(project) == []


def test_check_puts_back_a_linked_site_a_killed_build_left_aside(
    project: Path, tmp_path: Path
) -> None:
    served = link_site(project, tmp_path / "srv/www-course")
    old = files_of(served)
    retitle(project)
    kill_build_at("between-renames", project)
    assert not served.exists()
    assert run_generator(project, "check") == 0
    assert files_of(served) == old
    assert sorted(os.listdir(served.parent)) == ["www-course"]


@pytest.mark.parametrize("linked", [False, True])
def test_a_build_stopped_between_the_two_renames_puts_the_old_site_back(
    linked: bool, project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl+C right after the old site moved into the scratch folder: removing that folder
    must not take the site with it."""
    if linked:
        link_site(project, tmp_path / "srv/www-course")
    old = files_of(project / "site")
    retitle(project)
    monkeypatch.setattr(publish, "_exchange", lambda first, second: False)
    rename = os.replace

    def interrupted_replace(source: Path, target: Path) -> None:
        rename(source, target)
        if target.name == OLD_SITE:
            raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted_replace)
    with pytest.raises(KeyboardInterrupt):
        build.build(Project(project))
    assert files_of(project / "site") == old
    assert scratch_folders(project) == []


def test_a_file_where_the_site_goes_is_left_alone(minimal_project: Path) -> None:
    site = minimal_project / "site"
    site.write_text("培训笔记", encoding="utf-8")
    assert run_generator(minimal_project, "build") == 1
    assert site.read_text(encoding="utf-8") == "培训笔记"


@pytest.mark.parametrize(
    ("link_to", "rule"),
    [
        (".", "output.site-link-unsafe"),
        ("course", "output.site-link-unsafe"),
        ("mkdocs.yml", "output.site-not-a-folder"),
        pytest.param(
            "/proc",
            "output.site-link-not-replaceable",
            marks=pytest.mark.skipif(not os.path.ismount("/proc"), reason="no /proc mount"),
        ),
    ],
)
def test_a_link_to_what_a_build_must_not_replace_is_refused(
    link_to: str, rule: str, project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.rmtree(project / "site")
    (project / "site").symlink_to(project / link_to)
    before = files_of(project / "course")
    assert run_generator(project, "build") == 1
    err = capsys.readouterr().err
    assert err.startswith(f"site: this is a link to {(project / link_to).resolve()}, ")
    assert err.endswith(f"[{rule}]\nFAILED\n")
    assert files_of(project / "course") == before
    assert (project / "mkdocs.yml").is_file()


def test_a_site_linked_to_itself_is_no_matter_for_check_and_refused_by_build(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """check ended in a traceback on a site/ that is a link round in a loop."""
    shutil.rmtree(project / "site")
    (project / "site").symlink_to("site")
    assert run_generator(project, "check") == 0
    assert run_generator(project, "build") == 1
    said = capsys.readouterr().err
    assert "Traceback" not in said
    assert said.endswith("[setup.os-error]\nFAILED\n"), said


def misspell_a_type(root: Path) -> None:
    quiz = root / "quizzes/01-sample.yml"
    quiz.write_text(quiz.read_text().replace("type: single", "type: singel", 1))


def test_a_failed_build_says_the_site_is_as_it_was(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ctrl+C said so; a build stopped by a problem said only FAILED."""
    before = files_of(project / "site")
    misspell_a_type(project)
    assert run_generator(project, "build") == 1
    assert capsys.readouterr().err.splitlines()[-2:] == ["FAILED: 1 problem", SITE_KEPT]
    assert files_of(project / "site") == before


def test_a_first_build_that_fails_says_no_site_was_written(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    misspell_a_type(minimal_project)
    assert run_generator(minimal_project, "build") == 1
    assert capsys.readouterr().err.splitlines()[-2:] == ["FAILED: 1 problem", NO_SITE]
    assert not (minimal_project / "site").exists()


def papers(folder: Path) -> dict[str, bytes]:
    """A folder of a trainer's own files, hidden ones among them."""
    (folder / "Documents").mkdir(parents=True)
    (folder / "Documents/thesis.txt").write_text("important", encoding="utf-8")
    (folder / ".bashrc").write_text("rc", encoding="utf-8")
    return files_of(folder)


def test_a_link_to_a_folder_of_other_files_is_refused_and_the_files_kept(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``ln -s X site``, X holding a thesis and a .bashrc: the build said OK and deleted them."""
    shutil.rmtree(project / "site")
    held = papers(project / "X")
    (project / "site").symlink_to(project / "X")
    assert run_generator(project, "build") == 1
    assert capsys.readouterr().err == (
        f"site: this is a link to {project / 'X'}, which holds files no build of the course "
        "wrote (.bashrc, Documents/thesis.txt), and a build replaces the whole folder: they "
        "would be deleted; move them out of X, or link site/ to an empty folder, then build "
        "again (a build keeps only .git, .nojekyll, CNAME, .htaccess and .well-known) "
        "[output.site-holds-other-files]\nFAILED\n"
    )
    assert files_of(project / "X") == held
    assert scratch_folders(project) == []


def test_a_file_put_into_the_site_is_named_and_kept(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "site/assets/讲义.txt").write_text("培训笔记", encoding="utf-8")
    (project / "site/notes").mkdir()
    for number in range(1, 5):
        (project / f"site/notes/{number}.txt").write_text("笔记", encoding="utf-8")
    before = files_of(project / "site")
    retitle(project)
    assert run_generator(project, "build") == 1
    said = capsys.readouterr().err
    assert said.startswith("site: this folder holds files no build of the course wrote ")
    assert "(assets/讲义.txt, notes/1.txt, notes/2.txt and more)" in said
    assert said.endswith(
        "make site/ a link to an empty one, then build again (a build keeps "
        "only .git, .nojekyll, CNAME, .htaccess and .well-known) "
        "[output.site-holds-other-files]\nFAILED\n"
    )
    assert files_of(project / "site") == before


def test_a_file_put_into_the_site_during_the_build_is_kept(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Checked again just before the swap: the build takes a while."""
    engine = build.ENGINES["mkdocs"]

    def meanwhile(checked: build.CheckedCourse, scratch: Path) -> Path:
        (project / "site/notes.txt").write_text("笔记", encoding="utf-8")
        return engine(checked, scratch)

    monkeypatch.setitem(build.ENGINES, "mkdocs", meanwhile)
    with pytest.raises(SetupError, match=r"\(notes\.txt\)"):
        build.build(Project(project))
    assert (project / "site/notes.txt").read_text(encoding="utf-8") == "笔记"
    assert scratch_folders(project) == []


@pytest.mark.parametrize("start", ["empty", "a build's", "an earlier build's, not listed"])
def test_a_build_replaces_a_site_a_build_wrote_and_lists_its_files(
    start: str, project: Path
) -> None:
    """An empty folder or the site of a build, listed or of a build before the list (known
    by its shape, a page of a module since deleted in it), is replaced."""
    site = project / "site"
    if start == "empty":
        shutil.rmtree(site)
        site.mkdir()
    if start.startswith("an earlier"):
        (site / MANIFEST).unlink(missing_ok=True)
        (site / "07-deleted.html").write_text("<p>旧模块</p>", encoding="utf-8")
    retitle(project)
    assert run_generator(project, "build") == 0
    listed = (site / MANIFEST).read_text(encoding="utf-8").splitlines()
    assert [name for name in listed if not name.startswith("#")] == sorted(
        name for name in files_of(site) if name != MANIFEST
    )
    assert NEW_TITLE in (site / "01-sample.html").read_text(encoding="utf-8")
    assert not (site / "07-deleted.html").exists()
    assert run_generator(project, "build") == 0, "the next build replaces it too"


def test_an_earlier_builds_site_with_a_folder_of_another_shape_is_refused(
    project: Path,
) -> None:
    (project / "site" / MANIFEST).unlink(missing_ok=True)
    (project / "site/other-app").mkdir()
    (project / "site/other-app/index.php").write_text("<?php", encoding="utf-8")
    assert run_generator(project, "build") == 1
    assert (project / "site/other-app/index.php").is_file()


def publishing_files(site: Path) -> dict[str, bytes]:
    """What a gh-pages worktree and GitHub Pages' branch publishing leave in the folder."""
    (site / ".git").mkdir()
    (site / ".git/HEAD").write_text("ref: refs/heads/gh-pages\n", encoding="utf-8")
    (site / "CNAME").write_text("course.example.com\n", encoding="utf-8")
    (site / ".nojekyll").touch()
    return {
        ".git/HEAD": b"ref: refs/heads/gh-pages\n",
        "CNAME": b"course.example.com\n",
        ".nojekyll": b"",
    }


@pytest.mark.parametrize("swap", ["one-step", "two-renames", "linked"])
def test_a_build_keeps_the_publishing_files_of_the_site_it_replaces(
    swap: str, project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``git worktree add site gh-pages``: the build replaced site/ and its .git with it."""
    site = project / "site"
    if swap == "linked":
        site = link_site(project, tmp_path / "srv/www-course")
    if swap == "two-renames":
        monkeypatch.setattr(publish, "_exchange", lambda first, second: False)
    kept = publishing_files(site)
    retitle(project)
    assert run_generator(project, "build") == 0
    assert NEW_TITLE in (site / "01-sample.html").read_text(encoding="utf-8")
    assert {name: files_of(site)[name] for name in kept} == kept
    assert scratch_folders(project) == []
    if swap == "linked":
        assert sorted(os.listdir(site.parent)) == ["www-course"], "no scratch folder left"
