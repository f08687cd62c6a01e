"""Every export from the command line: progress, output path, clear failures, no partial files."""

from __future__ import annotations

import errno
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import zipfile
from importlib.resources import files
from pathlib import Path, PurePosixPath

import pytest

from generator.export import EXPORTS
from generator.export.offline import SHIM_FOLDER, SHIM_TARGET
from generator.write import write_output, write_outputs
from tests.conftest import PROJECT, run_generator, scratch_left, snapshot


def files_under(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


@pytest.mark.parametrize("export", sorted(EXPORTS))
def test_bad_input_stops_every_export_before_writing(export: str, minimal_project: Path) -> None:
    quiz = minimal_project / "quizzes/01-sample.yml"
    quiz.write_text(quiz.read_text(encoding="utf-8").replace("type: single", "type: singel"))
    result = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(minimal_project), "export", export],
        capture_output=True,
        text=True,
        cwd=PROJECT,
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    first = result.stderr.splitlines()[0]
    assert first.startswith("quizzes/01-sample.yml:3:")
    assert "; " in first
    assert result.stderr.endswith("FAILED: 1 problem\n")
    assert not (minimal_project / "dist").exists()


def test_offline_needs_no_npm_packages(minimal_project: Path) -> None:
    """The project has no node_modules: the shim comes with the generator."""
    assert not (minimal_project / "node_modules").exists()
    assert run_generator(minimal_project, "export", "offline") == 0
    with zipfile.ZipFile(minimal_project / "dist/mot-course-offline.zip") as package:
        shipped = package.read(f"mot-course-offline/{SHIM_TARGET}")
        licence = package.read(
            f"mot-course-offline/{PurePosixPath(SHIM_TARGET).with_name('LICENSE')}"
        )
    vendored = files("generator").joinpath(SHIM_FOLDER)
    assert shipped == vendored.joinpath("shim.js").read_bytes()
    assert licence == vendored.joinpath("LICENSE").read_bytes()


@pytest.mark.browser
def test_failed_pdf_leaves_no_file(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MOT_CHROMIUM", str(minimal_project / "no-such-chromium"))
    temporary = minimal_project / "temporary"
    temporary.mkdir()
    monkeypatch.setenv("TMPDIR", str(temporary))  # Playwright's, in the process it starts
    assert run_generator(minimal_project, "export", "answer-key") == 1
    err = capsys.readouterr().err
    assert "Chromium could not print the PDF" in err
    assert "no-such-chromium: Chromium could not print the PDF (not a program this user" in err
    assert "point MOT_CHROMIUM at a Chromium executable" in err
    assert files_under(minimal_project / "dist") == []
    assert scratch_left(minimal_project) == []
    assert list(temporary.iterdir()) == [], "no profile folder left of a browser never started"


def test_unwritable_output_is_reported_without_traceback(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A folder no one may write in, even root (the kernel's, /sys/kernel)."""
    target = Path("/sys/kernel/mot-bank.gift.txt")
    assert run_generator(minimal_project, "export", "gift", "--output", str(target)) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{target}: ")
    assert err.endswith("[setup.os-error]\nFAILED\n")
    assert "check the path, free space and permissions" in err
    assert not target.exists()


def test_progress_and_output_location(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_generator(minimal_project, "export", "scorm") == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Exporting scorm: checking the course"
    assert "  … building the site with the SCORM runtime" in out
    assert out[-1] == "OK: SCORM 1.2 package written to dist/mot-course-scorm.zip"
    assert files_under(minimal_project / "dist") == ["mot-course-scorm.zip"]
    assert scratch_left(minimal_project) == []


def test_write_output_leaves_nothing_when_writing_fails(tmp_path: Path) -> None:
    target = tmp_path / "dist/export.zip"

    def half_then_fail(partial: Path) -> None:
        partial.write_bytes(b"half an archive")
        raise OSError(28, "No space left on device", str(partial))

    with pytest.raises(OSError):
        write_output(target, half_then_fail)
    assert files_under(tmp_path) == []


def test_write_output_removes_what_a_killed_run_left(tmp_path: Path) -> None:
    """An export killed with SIGKILL cannot remove its temporary file (700 KB for a zip);
    the next one does, and leaves alone those of runs still going."""
    target = tmp_path / "dist/export.zip"
    target.parent.mkdir()
    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    killed = target.parent / f".export.zip.{gone.stdout.strip()}.abc123.tmp"
    running = target.parent / f".export.zip.{os.getpid()}.def456.tmp"
    for leftover in (killed, running):
        leftover.write_bytes(b"partial")
    write_output(target, lambda partial: partial.write_text("new"))
    assert sorted(path.name for path in target.parent.iterdir()) == sorted(
        ["export.zip", running.name]
    )


def test_write_output_replaces_the_previous_file_whole(tmp_path: Path) -> None:
    target = tmp_path / "bank.gift.txt"
    target.write_text("old")
    write_output(target, lambda partial: partial.write_text("new"))
    assert target.read_text() == "new"
    assert files_under(tmp_path) == ["bank.gift.txt"]
    assert target.stat().st_mode & 0o777 == 0o644


def test_a_full_disk_keeps_the_earlier_files_of_a_set_whole(tmp_path: Path) -> None:
    """The answer key's HTML was replaced, and then its PDF could not be written: the new
    HTML stood beside the old PDF. The error named the temporary file."""
    html, pdf = tmp_path / "key.html", tmp_path / "key.pdf"
    html.write_text("old html")
    pdf.write_text("old pdf")

    def half_then_full(partial: Path) -> None:
        partial.write_bytes(b"%PDF half")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(partial))

    with pytest.raises(OSError) as raised:
        write_outputs({html: lambda partial: partial.write_text("new html"), pdf: half_then_full})
    assert (raised.value.errno, raised.value.filename) == (errno.ENOSPC, str(pdf))
    assert (html.read_text(), pdf.read_text()) == ("old html", "old pdf")
    assert files_under(tmp_path) == ["key.html", "key.pdf"]


def test_an_error_naming_no_file_is_named_at_the_target(tmp_path: Path) -> None:
    """A zip archive on a full disk raises an error that names no file: it named none."""
    target = tmp_path / "dist/export.zip"

    def full(partial: Path) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with pytest.raises(OSError) as raised:
        write_output(target, full)
    assert raised.value.filename == str(target)
    assert files_under(tmp_path) == []


def test_a_folder_that_takes_no_new_file_is_named_at_the_target(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder without write access (or /proc/self/) refuses the temporary file made beside
    the output, and the error named that file, which the trainer never asked for."""
    target = tmp_path / "dist/export.zip"

    def refused(prefix: str, suffix: str, dir: Path) -> tuple[int, str]:
        made_up = f"{dir}/{prefix}x1y2z3{suffix}"
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), made_up)

    monkeypatch.setattr(tempfile, "mkstemp", refused)
    with pytest.raises(OSError) as raised:
        write_output(target, lambda partial: partial.write_text("x"))
    assert raised.value.filename == str(target)


@pytest.mark.browser
def test_an_answer_key_that_cannot_be_written_whole_leaves_the_earlier_one(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run_generator(minimal_project, "export", "answer-key") == 0
    dist = minimal_project / "dist"
    earlier = {name: (dist / name).read_bytes() for name in files_under(dist)}
    copy = shutil.copyfile

    def full_for_the_pdf(source: Path, target: Path) -> None:
        if Path(target).name.startswith(".mot-course-answer-key.pdf."):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(target))
        copy(source, target)

    monkeypatch.setattr(shutil, "copyfile", full_for_the_pdf)
    capsys.readouterr()
    assert run_generator(minimal_project, "export", "answer-key") == 1
    assert capsys.readouterr().err == (
        "dist/mot-course-answer-key.pdf: the disk is full: no space was left to write this "
        "file; free some space on that disk, then run the command again [setup.disk-full]\n"
        "FAILED\n"
    )
    assert {name: (dist / name).read_bytes() for name in files_under(dist)} == earlier


def test_an_output_folder_gets_the_formats_file(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = minimal_project / "for-the-lms"
    folder.mkdir()
    assert run_generator(minimal_project, "export", "gift", "--output", str(folder)) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-1] == "OK: GIFT question bank written to for-the-lms/mot-course-questions.gift.txt"
    assert files_under(folder) == ["mot-course-questions.gift.txt"]


@pytest.mark.parametrize("export", ["gift", "scorm"])
def test_an_output_ending_in_a_slash_is_a_folder_made_for_the_file(
    export: str, minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--output exports/`` wrote a file named ``exports``: the slash that says "a folder" was
    dropped. ``dist/`` itself, missing, became a file, and every later export failed."""
    name = EXPORTS[export].file_name
    for folder in ("exports", "dist"):
        output = f"{minimal_project / folder}{os.sep}"
        assert run_generator(minimal_project, "export", export, "--output", output) == 0
        assert capsys.readouterr().out.splitlines()[-1].endswith(f" written to {folder}/{name}")
        assert files_under(minimal_project / folder) == [name]
    assert run_generator(minimal_project, "export", export) == 0, "the default still goes in dist/"


def test_a_folder_in_the_way_of_the_output_is_named(tmp_path: Path) -> None:
    target = tmp_path / "bank.gift.txt"
    target.mkdir()
    with pytest.raises(OSError) as failure:
        write_output(target, lambda partial: partial.write_text("::q:: x {T}\n"))
    assert failure.value.filename == str(target)
    assert [path.name for path in tmp_path.iterdir()] == ["bank.gift.txt"]


OUTPUTS_REFUSED = [
    ("gift", "quizzes/01-sample.yml", "output.into-sources"),
    ("scorm", "course/index.md", "output.into-sources"),
    ("gift", "course/x.gift", "output.into-sources"),
    ("offline", "mkdocs.yml", "output.into-sources"),
    ("gift", "site/x.txt", "output.into-site"),
    ("answer-key", "site/key.html", "output.into-site"),
]


@pytest.mark.parametrize(("export", "output", "code"), OUTPUTS_REFUSED)
def test_an_output_among_the_courses_files_or_in_the_site_is_refused(
    export: str, output: str, code: str, minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The course's sources and settings stay whole, and no answer reaches the published site."""
    (minimal_project / "site").mkdir()
    before = snapshot(minimal_project)
    target = str(minimal_project / output)
    assert run_generator(minimal_project, "export", export, "--output", target) == 1
    captured = capsys.readouterr()
    assert captured.err.startswith(f"{output}: the {EXPORTS[export].description} would be ")
    assert captured.err.endswith(f"for example to dist/ (the default) [{code}]\nFAILED\n")
    assert "OK:" not in captured.out
    assert snapshot(minimal_project) == before


THEME_OWN = "the theme's own folder (theme.custom_dir in mkdocs.yml)"
OUTPUTS_PUBLISHED_BY_A_BUILD = [
    ("gift", "overrides/bank.gift.txt", "overrides/bank.gift.txt", THEME_OWN),
    ("answer-key", "overrides/partials/key.html", "overrides/partials/key.html", THEME_OWN),
    ("scorm", "overrides/", "overrides/mot-course-scorm.zip", THEME_OWN),
    ("offline", "build/docs/course.zip", "build/docs/course.zip", "the generated docs folder"),
]


@pytest.mark.parametrize(("export", "output", "shown", "folder"), OUTPUTS_PUBLISHED_BY_A_BUILD)
def test_an_output_in_a_folder_mkdocs_publishes_is_refused(
    export: str,
    output: str,
    shown: str,
    folder: str,
    minimal_project: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """MkDocs copies into the site each file of the theme's own folder that is not a
    template: a question bank written there was published by the next build."""
    settings = minimal_project / "mkdocs.yml"
    text = settings.read_text(encoding="utf-8")
    own_theme = "  name: material\n  custom_dir: overrides\n"
    settings.write_text(text.replace("  name: material\n", own_theme, 1), encoding="utf-8")
    (minimal_project / "overrides/partials").mkdir(parents=True)
    (minimal_project / "overrides/partials/copyright.html").write_text("<p>© 培训部</p>\n")
    before = snapshot(minimal_project)
    target = str(minimal_project / output) + (os.sep if output.endswith("/") else "")
    assert run_generator(minimal_project, "export", export, "--output", target) == 1
    outside = "build/docs" if output.startswith("build/") else "overrides"
    assert capsys.readouterr().err == (
        f"{shown}: the {EXPORTS[export].description} would be written into {folder}, whose "
        "files MkDocs copies into the site, where learners would find it; write it outside "
        f"{outside}/, for example to dist/ (the default) [output.into-site]\nFAILED\n"
    )
    assert snapshot(minimal_project) == before


def test_an_output_linked_into_the_course_is_refused(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    link = minimal_project / "dist/bank.gift.txt"
    link.parent.mkdir()
    link.symlink_to(minimal_project / "course/index.md")
    before = (minimal_project / "course/index.md").read_bytes()
    assert run_generator(minimal_project, "export", "gift", "--output", str(link)) == 1
    assert "[output.into-sources]" in capsys.readouterr().err
    assert (minimal_project / "course/index.md").read_bytes() == before


@pytest.mark.parametrize(
    ("export", "blocking"), [("gift", "a file"), ("offline", "a file"), ("gift", "a named pipe")]
)
def test_what_stands_where_the_exports_folder_goes_is_named_before_the_check(
    export: str, blocking: str, minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file or a pipe named dist: the export checked the whole course, then failed with
    the system's "File exists" and advice to check free space."""
    dist = minimal_project / "dist"
    if blocking == "a file":
        dist.write_text("notes\n", encoding="utf-8")
    else:
        os.mkfifo(dist)
    before = snapshot(minimal_project)
    assert run_generator(minimal_project, "export", export) == 1
    captured = capsys.readouterr()
    name = EXPORTS[export].file_name
    assert captured.err == (
        f"dist/{name}: dist is {blocking}, where the {EXPORTS[export].description} needs a "
        "folder to be written in; move or rename dist, or name another --output "
        "[output.not-a-folder]\nFAILED\n"
    )
    assert "OK:" not in captured.out, "refused before the course is checked"
    assert snapshot(minimal_project) == before


@pytest.mark.parametrize("export", ["gift", "answer-key"])
def test_a_pipe_where_an_export_goes_is_left_alone(
    export: str, minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The answer key's PDF goes beside its HTML: a pipe in its place is refused too."""
    pipe = minimal_project / "dist/export.pdf"
    pipe.parent.mkdir()
    os.mkfifo(pipe)
    output = pipe if export == "gift" else pipe.with_suffix(".html")
    assert run_generator(minimal_project, "export", export, "--output", str(output)) == 1
    err = capsys.readouterr().err
    description = EXPORTS[export].description
    assert err.startswith(f"dist/export.pdf: this is a named pipe, and the {description} would ")
    assert err.endswith("[output.not-a-file]\nFAILED\n")
    assert stat.S_ISFIFO(pipe.lstat().st_mode)
    assert [path.name for path in pipe.parent.iterdir()] == ["export.pdf"]


def test_a_folder_where_the_answer_keys_pdf_goes_is_left_alone(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = minimal_project / "dist/key.pdf"
    (folder / "notes").mkdir(parents=True)
    output = minimal_project / "dist/key.html"
    assert run_generator(minimal_project, "export", "answer-key", "--output", str(output)) == 1
    err = capsys.readouterr().err
    assert err.startswith("dist/key.pdf: this is a folder, and the answer key would replace it; ")
    assert folder.is_dir() and (folder / "notes").is_dir()
    assert not output.exists()


@pytest.mark.parametrize(
    ("export", "output"),
    [
        ("offline", "README.md"),
        ("gift", "notes.txt"),  # of the export's own kind: still the trainer's
        ("answer-key", "notes/plan.html"),
        ("answer-key", "report.pdf"),  # the PDF the answer key writes beside its HTML
    ],
)
def test_a_file_outside_dist_is_not_replaced(
    export: str, output: str, minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`export offline --output README.md` replaced the project's README with a zip, and
    `export gift --output notes.txt` a trainer's notes."""
    target = minimal_project / output
    target.parent.mkdir(exist_ok=True)
    target.write_text("the trainer's own file\n", encoding="utf-8")
    before = snapshot(minimal_project)
    named = target.with_suffix(".html") if output.endswith(".pdf") else target
    assert run_generator(minimal_project, "export", export, "--output", str(named)) == 1
    description = EXPORTS[export].description
    assert capsys.readouterr().err == (
        f"{output}: this file exists, outside dist/, and the {description} would replace it; "
        "name a new file, or write to dist/ (the default), where an export replaces the one "
        "before; to replace this file, delete it first [output.replaces-a-file]\nFAILED\n"
    )
    assert snapshot(minimal_project) == before


@pytest.mark.parametrize("earlier", ["dist/handout.zip", "mot-course-offline.zip"])
def test_an_earlier_export_is_replaced(earlier: str, minimal_project: Path) -> None:
    """What a trainer expects of `--output` naming an export written before: a new one, in
    dist/ or anywhere under the export's own name."""
    target = minimal_project / earlier
    target.parent.mkdir(exist_ok=True)
    target.write_bytes(b"an earlier package")
    assert run_generator(minimal_project, "export", "offline", "--output", str(target)) == 0
    assert zipfile.is_zipfile(target)


PACKAGES = {"offline": "dist/mot-course-offline.zip", "scorm": "dist/mot-course-scorm.zip"}
PUBLISHED = "https://trainer.example.org/mot/"


@pytest.mark.parametrize("export", sorted(PACKAGES))
@pytest.mark.parametrize("address", ["", PUBLISHED])
def test_a_package_names_no_address_but_the_published_one(
    export: str, address: str, minimal_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A package is opened from a file or in an LMS: no address but the published one (not the
    live preview's) may be its pages' canonical address or fill its sitemap."""
    if address:
        monkeypatch.setenv("SITE_URL", address)
    else:
        monkeypatch.delenv("SITE_URL", raising=False)
    assert run_generator(minimal_project, "export", export) == 0
    with zipfile.ZipFile(minimal_project / PACKAGES[export]) as archive:
        texts = {
            name.removeprefix("mot-course-offline/"): archive.read(name).decode("utf-8")
            for name in archive.namelist()
            if PurePosixPath(name).suffix in {".html", ".xml", ".js", ".json"}
        }
    assert [name for name, text in texts.items() if "127.0.0.1" in text] == []
    canonical = f'<link rel="canonical" href="{PUBLISHED}01-sample.html">'
    assert (canonical in texts["01-sample.html"]) == bool(address)
