"""Command line: ``python -m generator check | build | serve | outline | export FORMAT``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from mkdocs.exceptions import MkDocsException

from generator.errors import CourseError
from generator.export import EXPORTS
from generator.export.job import ExportJob
from generator.load import load_course
from generator.markdown_config import Anchors, collect_anchors
from generator.models import Course
from generator.render import Rendered, render_course, render_outline
from generator.validate import validate_course
from generator.write import DIST_FOLDER, build_site, docs_files

CONFIG_NAME = "mkdocs.yml"


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    arguments = parser.parse_args(argv)
    root = arguments.root.resolve()
    try:
        return int(arguments.command(root, arguments))
    except CourseError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        noun = "problem" if len(error.problems) == 1 else "problems"
        print(f"FAILED: {len(error.problems)} {noun}", file=sys.stderr)
        return 1
    except MkDocsException as error:
        print(f"{CONFIG_NAME}: {error}; fix the setting it names", file=sys.stderr)
        return 1
    except OSError as error:
        where = error.filename or root
        print(
            f"{where}: {error.strerror}; check the path, free space and permissions",
            file=sys.stderr,
        )
        return 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    parser.add_argument(
        "--root",
        type=Path,
        default=Path.cwd(),
        help="project folder holding course/, quizzes/ and mkdocs.yml",
    )
    commands = parser.add_subparsers(required=True, metavar="COMMAND")
    check = commands.add_parser("check", help="validate every module and quiz")
    check.set_defaults(command=run_check)
    build = commands.add_parser("build", help="check, render and build the site into site/")
    build.set_defaults(command=run_build)
    outline = commands.add_parser("outline", help="print the table of modules as Markdown")
    outline.set_defaults(command=run_outline)
    serve = commands.add_parser("serve", help="preview with live reload")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", help="host:port to serve on")
    serve.set_defaults(command=run_serve)
    export = commands.add_parser(
        "export", help="package the course for other places: " + ", ".join(EXPORTS)
    )
    export.add_argument("format", choices=list(EXPORTS), help="what to write")
    export.add_argument(
        "--output",
        type=Path,
        help=f"file to write (default: {DIST_FOLDER}/<the format's file name>)",
    )
    export.set_defaults(command=run_export)
    return parser


def load_and_render(root: Path) -> tuple[Course, Rendered]:
    """Every stage before writing: load, validate, render. Raises CourseError."""
    course, anchors = load_and_validate(root)
    return course, render_course(course, anchors)


def load_and_validate(root: Path) -> tuple[Course, Anchors]:
    """Load and check the whole course; raises CourseError listing every problem."""
    course = load_course(root)
    anchors = collect_anchors(course, root / CONFIG_NAME)
    validate_course(course, anchors)
    return course, anchors


def run_check(root: Path, _arguments: argparse.Namespace) -> int:
    course, _ = load_and_render(root)
    print(f"OK: {len(course.modules)} modules, {course.question_count} questions")
    return 0


def run_build(root: Path, _arguments: argparse.Namespace) -> int:
    course, rendered = load_and_render(root)
    site_dir = build_site(root, docs_files(root, rendered), root / CONFIG_NAME)
    print(
        f"OK: {len(course.modules)} modules, {course.question_count} questions; "
        f"site written to {site_dir.relative_to(root)}/"
    )
    return 0


def run_outline(root: Path, _arguments: argparse.Namespace) -> int:
    course, _ = load_and_render(root)
    print(render_outline(course, link_prefix="course/"), end="")
    return 0


def run_serve(root: Path, arguments: argparse.Namespace) -> int:
    from generator.serve import serve

    serve(root, root / CONFIG_NAME, arguments.dev_addr)
    return 0


def run_export(root: Path, arguments: argparse.Namespace) -> int:
    export = EXPORTS[arguments.format]
    output = (arguments.output or root / DIST_FOLDER / export.file_name).resolve()
    print(f"Exporting {arguments.format}: checking the course", flush=True)
    course, anchors = load_and_validate(root)
    job = ExportJob(
        root=root,
        config_file=root / CONFIG_NAME,
        course=course,
        anchors=anchors,
        rendered=render_course(course, anchors),
        output=output,
    )
    written = export.write(job)
    for path in written:
        print(f"OK: {export.description} written to {_shown(path, root)}")
    return 0


def _shown(path: Path, root: Path) -> str:
    return str(path.relative_to(root)) if path.is_relative_to(root) else str(path)
