"""Command line: ``python -m generator check | build | serve | outline | export FORMAT``.

Where a command's problems are printed and turned into an exit status: every command
enters the pipeline in :mod:`generator.build`, and what it raises is caught here. The live
preview prints the problems of each save itself (:mod:`generator.preview_terminal`).
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path

from generator import build
from generator.errors import (
    CourseError,
    SetupError,
    capped,
    counted,
    generator_failed,
    system_problem,
)
from generator.markdown_config import published_site_url
from generator.project import (
    CONFIG_FILE,
    COURSE_FOLDER,
    DIST_FOLDER,
    MEDIA_FOLDERS,
    QUIZ_FOLDER,
    Project,
)
from generator.render import render_outline

Command = Callable[[Project, argparse.Namespace], int]

PROG = "python -m generator"
DESCRIPTION = (
    "Check the course (Markdown pages in course/, quizzes in quizzes/), preview it, build "
    "the website or package it for other places."
)
EPILOG = (
    "Run it in the project folder (or name that folder with --root). README.md describes "
    "every command; AUTHORING.md, how to write pages and quizzes."
)
INTERRUPTED = 130
"""Exit status of a command stopped with Ctrl+C: 128 + SIGINT, as shells report it."""
PROJECT_FILES = (COURSE_FOLDER, QUIZ_FOLDER, CONFIG_FILE)
"""A folder holding none of these is no course project (a command run in the wrong folder)."""
NO_ADDRESS = (
    "Built for no address (SITE_URL is not set): pages name no canonical address, every link "
    "reloads the whole page, and the 404 page works only at the root of a server; "
    "to publish, build with SITE_URL=<the site's address>/ (README.md, Publishing)"
)


def main(argv: list[str] | None = None) -> int:
    try:
        arguments = _parser().parse_args(argv)  # loads the exports' modules: it takes a moment
    except KeyboardInterrupt as interrupt:
        return _interrupted(interrupt)
    project = Project(arguments.root.resolve())
    try:
        _require_project_folder(project)
        command: Command = arguments.command
        return command(project, arguments)
    except CourseError as error:
        _report(error)
        return 1
    except SetupError as error:
        _fail(error)
        return 1
    except KeyboardInterrupt as interrupt:
        return _interrupted(interrupt)
    except OSError as error:
        _fail(system_problem(project, error))
        return 1
    except Exception as error:  # a bug of ours: the traceback to report, then what to do
        traceback.print_exc()
        fix = "undo the last change to the course and run the command again"
        _fail(generator_failed(error, "on this command", fix))
        return 1


def _interrupted(interrupt: KeyboardInterrupt) -> int:
    """Say in one line what Ctrl+C left behind (the interrupt's text, if any), not a traceback."""
    print(f"Interrupted: {interrupt}" if str(interrupt) else "Interrupted.", file=sys.stderr)
    return INTERRUPTED


def _require_project_folder(project: Project) -> None:
    """Stop before any command reads or writes under a project folder that is not there, or
    under a folder that holds none of a project's files: a trainer in the wrong folder is
    told so, not asked to create ``course/`` there."""
    if project.root.is_file():
        problem = "this is a file, not the folder that holds course/, quizzes/ and mkdocs.yml"
    elif not project.root.is_dir():
        problem = "the project folder does not exist"
    elif not any((project.root / name).exists() for name in PROJECT_FILES):
        problem = "this folder holds no course project (no course/, quizzes/ or mkdocs.yml)"
    else:
        return
    raise SetupError(
        problem,
        "check the folder named with --root, or run the command in the project folder",
        "setup.no-project",
        project.root,
    )


def _fail(error: SetupError) -> None:
    print(error, file=sys.stderr)
    print("FAILED", file=sys.stderr)


def _report(error: CourseError) -> None:
    for problem in error.problems:
        print(problem, file=sys.stderr)
    print(f"FAILED: {counted(error.count, 'problem')}", file=sys.stderr)
    if error.outcome:
        print(error.outcome, file=sys.stderr)


def _parser() -> argparse.ArgumentParser:
    from generator.export import EXPORTS

    parser = argparse.ArgumentParser(prog=PROG, description=DESCRIPTION, epilog=EPILOG)
    _root_option(parser, Path.cwd())
    commands = parser.add_subparsers(required=True, metavar="COMMAND")
    check = commands.add_parser("check", help="validate every module and quiz")
    check.add_argument("--strict", action="store_true", help="treat warnings as problems")
    check.set_defaults(command=run_check)
    build_command = commands.add_parser("build", help="check and build the site into site/")
    build_command.add_argument(
        "--engine",
        choices=list(build.ENGINES),
        default=build.DEFAULT_ENGINE,
        help="the static site generator that builds the site (default: %(default)s)",
    )
    build_command.set_defaults(command=run_build)
    outline = commands.add_parser("outline", help="print the table of modules as Markdown")
    outline.set_defaults(command=run_outline)
    serve = commands.add_parser("serve", help="preview with live reload")
    serve.add_argument(
        "--dev-addr",
        default="127.0.0.1:8000",
        type=_address,
        help="host:port to serve on (default: %(default)s)",
    )
    serve.set_defaults(command=run_serve)
    export = commands.add_parser(
        "export", help="package the course for other places: " + ", ".join(EXPORTS)
    )
    export.add_argument("format", choices=list(EXPORTS), help="what to write")
    export.add_argument(
        "--output",
        help=f"file or folder to write to (default: {DIST_FOLDER}/<the format's file name>)",
    )
    export.set_defaults(command=run_export)
    for command in commands.choices.values():
        _root_option(command, argparse.SUPPRESS)
    return parser


def _root_option(parser: argparse.ArgumentParser, default: object) -> None:
    """``--root``, before the command or after it (``check --root course-copy``): after
    it, given only if typed, so that the one before it stands otherwise."""
    parser.add_argument(
        "--root",
        type=Path,
        default=default,
        help="project folder holding course/, quizzes/ and mkdocs.yml",
    )


def _address(text: str) -> str:
    host, _, port = text.rpartition(":")
    if not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise argparse.ArgumentTypeError(f"'{text}' is not host:port, e.g. 127.0.0.1:8001")
    return text


def _summary(checked: build.CheckedCourse) -> str:
    course = checked.course
    extra = course.exam_question_count
    exam_only = f" and {counted(extra, 'exam-only question')}" if extra else ""
    modules = counted(len(course.modules), "module")
    return f"{modules}, {counted(course.question_count, 'question')}{exam_only}"


def _warn(checked: build.CheckedCourse, strict: bool = False) -> None:
    """Print the warnings; with ``strict`` they are problems (printed once, as failures)."""
    if strict and checked.warnings:
        raise CourseError(checked.warnings)
    for warning in capped(checked.warnings):
        print(warning, file=sys.stderr)
    if checked.media.skipped:
        folders = " and ".join(f"{COURSE_FOLDER}/{folder}/" for folder in MEDIA_FOLDERS)
        print(
            f"Not published (no page links to them and they are not in {folders}, or they "
            "are files left there by the system or an editor): "
            + ", ".join(map(checked.project.shown, checked.media.skipped)),
            file=sys.stderr,
        )


def run_check(project: Project, arguments: argparse.Namespace) -> int:
    checked = build.check(project)
    _warn(checked, arguments.strict)
    print(f"OK: {_summary(checked)}")
    return 0


def run_build(project: Project, arguments: argparse.Namespace) -> int:
    site = project.shown(project.site_dir)
    before = _folder_identity(project.site_dir)
    try:
        checked = build.build(project, arguments.engine)
        _warn(checked)
        address = published_site_url(project)
        engine = arguments.engine
        built_by = "" if engine == build.DEFAULT_ENGINE else f" by {engine.capitalize()}"
        built_for = f" for {address}" if address else ""
        print(f"OK: {_summary(checked)}; site written to {site}/{built_by}{built_for}", flush=True)
        if not address:
            print(NO_ADDRESS, file=sys.stderr)
    except CourseError as error:
        if _folder_identity(project.site_dir) == before:
            error.outcome = _untouched(site, before)
        raise
    except KeyboardInterrupt:
        if _folder_identity(project.site_dir) == before:
            raise KeyboardInterrupt(_untouched(site, before)) from None
        raise KeyboardInterrupt(f"the new site was already in {site}/.") from None
    return 0


def _untouched(site: str, before: tuple[int, int] | None) -> str:
    """What a build that stopped left: the last site, or none."""
    return (
        f"{site}/ is as it was before the build." if before else f"No site was written to {site}/."
    )


def _folder_identity(folder: Path) -> tuple[int, int] | None:
    """Which folder is at ``folder`` (through a link): a build that publishes puts another there."""
    try:
        status = folder.stat()
    except FileNotFoundError:
        return None
    return status.st_dev, status.st_ino


def run_outline(project: Project, _arguments: argparse.Namespace) -> int:
    checked = build.check(project)
    print(render_outline(checked.course, "outline.md.j2", link_prefix="course/"), end="")
    return 0


def run_serve(project: Project, arguments: argparse.Namespace) -> int:
    from generator.serve import serve

    serve(project, arguments.dev_addr)
    return 0


def run_export(project: Project, arguments: argparse.Namespace) -> int:
    from generator.export import EXPORTS
    from generator.export.job import ExportJob
    from generator.export.targets import refuse_output

    export = EXPORTS[arguments.format]
    named: str | None = arguments.output
    output = (Path(named) if named else project.dist_dir / export.file_name).resolve()
    if output.is_dir() or (named or "").endswith(("/", os.sep)):
        output = output / export.file_name  # as cp does, into the folder (made if need be)
    defaults = export.files(project.dist_dir / export.file_name)
    for target, default in zip(export.files(output), defaults, strict=True):
        refuse_output(project, target, export.description, default.name)
    print(f"Exporting {arguments.format}: checking the course", flush=True)
    try:
        checked = build.check(project)
        _warn(checked)
        written = export.write(ExportJob(checked, output))
    except KeyboardInterrupt:
        raise KeyboardInterrupt("no file was left half-written.") from None
    print(f"OK: {export.description} written to {' and '.join(map(project.shown, written))}")
    return 0
