"""Run ``zensical build --strict`` on a generated docs folder; report its warnings at their source.

Zensical, the successor of Material for MkDocs, reads ``mkdocs.yml`` but runs no plugins or
hooks and takes no folders on its command line. So the build gets a settings file of its
own beside the docs folder: it inherits the project's ``mkdocs.yml`` (``INHERIT``, which
Zensical reads as MkDocs does) and names this build's docs and site folders. Zensical runs
in a child process, in the scratch folder, so that its cache goes away with it.

A Zensical warning names the generated page, line and column
(``╭─[ 02-x.md:715:5 ]``); it is reported against the file the trainer edits, at the
first line that holds the text of the generated line.
"""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

from generator.errors import CourseError, Problem, SetupError
from generator.markdown_config import site_config
from generator.project import Project
from generator.site_engines import THEME_OVERRIDES, first_line_with, source_of
from generator.write import write_scratch_file

PACKAGE = "zensical"
SETTINGS_FILE = "mkdocs.yml"
"""Zensical reads any file not ending in .toml as MkDocs settings."""
ANSI = re.compile(r"\x1b\[[0-9;]*m")
WARNING = re.compile(
    r"^Warning: (?P<message>.+)\n(?:.*\n)*?\s*╭─\[ (?P<page>\S+):(?P<line>\d+):(?P<column>\d+) \]",
    re.MULTILINE,
)
MOST_SECONDS = 600
"""How long a Zensical build may take before it is stopped: the real course takes seconds,
and a build that never ends would leave the trainer waiting with no word."""
TEMPLATE_PLACE = re.compile(r"\(in ([^():]+):(\d+)\)")
"""Where Zensical says a template failed: ``(in partials/copyright.html:1)``."""


def run_zensical(project: Project, docs_dir: Path, site_dir: Path) -> None:
    """Build ``docs_dir`` into ``site_dir`` (both in one scratch folder); raise on any warning."""
    if importlib.util.find_spec(PACKAGE) is None:
        raise SetupError(
            "Zensical is not installed",
            "install it with `.venv/bin/pip install -e '.[zensical]'` (make test installs it), "
            "or build with the default engine, MkDocs",
            "setup.no-zensical",
        )
    scratch = docs_dir.parent
    theme = theme_folder(project, scratch)
    settings = write_scratch_file(
        scratch, SETTINGS_FILE, settings_text(project, docs_dir, site_dir, theme)
    )
    try:
        finished = subprocess.run(
            [sys.executable, "-m", PACKAGE, "build", "--config-file", str(settings), "--strict"],
            cwd=scratch,
            capture_output=True,
            encoding="utf-8",
            errors="replace",
            check=False,
            timeout=MOST_SECONDS,
        )
    except subprocess.TimeoutExpired:
        raise SetupError(
            f"Zensical did not finish building within {MOST_SECONDS // 60} minutes and was stopped",
            "build with the default engine, MkDocs (without --engine zensical), and report "
            "the Zensical version (.venv/bin/pip show zensical) with the course",
            "setup.engine-timeout",
        ) from None
    if finished.returncode != 0:
        raise CourseError(zensical_problems(project, docs_dir, finished.stdout + finished.stderr))


def theme_folder(project: Project, scratch: Path) -> Path:
    """The theme's own folder for this build, in ``scratch``: the generator's templates
    (:data:`generator.mkdocs_run.THEME_OVERRIDES`) over the trainer's ``theme.custom_dir``.
    Zensical takes one folder, and the settings' would replace the trainer's (whose
    templates the generator replaces are refused: :mod:`generator.settings_files`)."""
    merged = scratch / "theme"
    shutil.rmtree(merged, ignore_errors=True)
    custom_dir = site_config(project).theme.custom_dir
    if custom_dir is not None:
        shutil.copytree(custom_dir, merged)
    shutil.copytree(THEME_OVERRIDES, merged, dirs_exist_ok=True)
    return merged


def settings_text(project: Project, docs_dir: Path, site_dir: Path, theme: Path) -> str:
    """The project's settings, with this build's folders (relative to the settings file) and
    ``theme``, the theme's own folder (a Chinese 404 page, the pages' own style sheets, no
    "Made with" line, and the trainer's templates)."""
    return (
        f"# Written for one `python -m generator build --engine zensical`.\n"
        f"INHERIT: {json.dumps(str(project.config_file.resolve()))}\n"
        f"docs_dir: {docs_dir.name}\n"
        f"site_dir: {site_dir.name}\n"
        f"theme:\n  custom_dir: {json.dumps(str(theme))}\n"
        f"extra:\n  generator: false\n"
    )


def zensical_problems(project: Project, docs_dir: Path, output: str) -> list[Problem]:
    """Every warning Zensical printed; its last line when it printed none it could place."""
    output = ANSI.sub("", output)
    found = [
        warning_problem(
            project, docs_dir, match.group("message"), match.group("page"), int(match.group("line"))
        )
        for match in WARNING.finditer(output)
    ]
    if found:
        return found
    last = next((line for line in reversed(output.splitlines()) if line.strip()), "failed")
    path, line = _trainers_template(project, last) or (project.config_file, 1)
    return [_problem(project.relative(path), line, last.strip())]


def _trainers_template(project: Project, complaint: str) -> tuple[Path, int] | None:
    """The template of the trainer's own folder (``theme.custom_dir``) and its line where
    Zensical's ``complaint`` says a template failed (``(in partials/copyright.html:1)``,
    the innermost last)."""
    custom_dir = site_config(project).theme.custom_dir
    places = TEMPLATE_PLACE.findall(complaint)
    if custom_dir is None or not places:
        return None
    name, line = places[-1]
    path = Path(custom_dir, name)
    return (path, int(line)) if path.is_file() else None


def warning_problem(
    project: Project, docs_dir: Path, message: str, page: str, line: int
) -> Problem:
    """A Zensical warning about generated ``page``, placed in the source a trainer edits."""
    source = source_of(project, page)
    where = f"{message} (generated page {page}, line {line})"
    if source is None:
        return _problem(project.relative(project.config_file), 1, where)
    generated = docs_dir / page
    lines = generated.read_text(encoding="utf-8").splitlines() if generated.is_file() else []
    text = lines[line - 1].strip() if 0 < line <= len(lines) else ""
    return _problem(project.relative(source), first_line_with(source, [text]) or 1, where)


def _problem(path: Path, line: int, message: str) -> Problem:
    return Problem(
        path,
        line,
        1,
        f"Zensical: {message}",
        "fix what it names here",
        "zensical.warning",
    )
