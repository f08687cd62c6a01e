"""The trainer's own style sheets, which mkdocs.yml names (``extra_css: -
stylesheets/extra.css`` for ``course/stylesheets/extra.css``): every page loads them.

They are held to the rules of a page's ``<style>`` block (:mod:`generator.page_resources`):
nothing loaded from another site (an ``@import`` of Google Fonts, a ``url(https://…)``),
no file on the trainer's computer (``url(file:///C:/…)``); and each file they name by its
path from the sheet's folder (``url(../images/bg.png)``) is under ``course/`` and is
published with them, where a file that no page names, outside the media folders, was
left out of the site. ``assets/mot.css``, the generator's own, is no file under
``course/``.
"""

from __future__ import annotations

import posixpath
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from generator.css_loads import css_decoded, css_loads, read_elsewhere
from generator.errors import Problem
from generator.media import css_file_name, css_file_problem
from generator.page_resources import elsewhere_problem
from generator.page_text import place_of
from generator.project import Project
from generator.settings_files import NamedFile
from generator.sources import decode_source

STYLE_SHEETS = "extra_css"
ELSEWHERE_FIX = (
    "save the file under course/ (a picture in course/images/, a font beside the style "
    "sheet) and name it by its path from the style sheet's folder"
)


@dataclass(frozen=True)
class StyleSheet:
    """A style sheet of the course, read."""

    name: str
    """Its path under course/."""
    shown: Path
    text: str


@dataclass(frozen=True)
class SheetLoad:
    """An address a style sheet loads."""

    sheet: str
    """The sheet's path under course/."""
    shown: Path
    line: int
    column: int
    written: str
    read: str
    """The address as the browser reads it (escapes read, spaces around it dropped)."""

    @property
    def folder(self) -> str:
        """The sheet's folder under course/, which a path it names starts from."""
        return posixpath.dirname(self.sheet) or "."

    def problem(self, message: str, fix: str, code: str) -> Problem:
        return Problem(self.shown, self.line, self.column, message, fix, code)


def course_style_sheets(
    project: Project, named: list[NamedFile], files: Collection[str]
) -> list[StyleSheet]:
    """The style sheets of ``named`` under course/ (``files``), each read once. One not in
    UTF-8, which the site serves it as, is passed over: what it says is unsure."""
    sheets: list[StyleSheet] = []
    for file in named:
        if file.setting.startswith(STYLE_SHEETS) and file.name in files:
            path = project.course_dir / file.name
            shown = project.relative(path)
            text = decode_source(path.read_bytes(), shown)
            if not isinstance(text, Problem):
                sheets.append(StyleSheet(file.name, shown, text))
    return sheets


def style_sheet_loads(sheets: list[StyleSheet]) -> list[SheetLoad]:
    """Each address that ``sheets`` load, found once for both :func:`style_sheet_problems`
    and :func:`style_sheet_files`."""
    return [
        SheetLoad(
            sheet.name,
            sheet.shown,
            *place_of(sheet.text, load.start, 1),
            sheet.text[load.start : load.end],
            load.address,
        )
        for sheet in sheets
        for load in css_loads(css_decoded(sheet.text))
    ]


def style_sheet_problems(loads: list[SheetLoad], files: Collection[str]) -> list[Problem]:
    """What is wrong with what the style sheets load (``loads``)."""
    return [problem for load in loads if (problem := _problem(load, files)) is not None]


def style_sheet_files(loads: list[SheetLoad], files: Collection[str]) -> set[str]:
    """The files of ``files`` (under course/) that the style sheets load (``loads``)."""
    names = (css_file_name(load.read, load.folder) for load in loads)
    return {name for name in names if name is not None and name in files}


def _problem(load: SheetLoad, files: Collection[str]) -> Problem | None:
    if (read := read_elsewhere(load.read)) is not None:
        place = (load.line, load.column)
        return elsewhere_problem(load.shown, place, load.written, read, ELSEWHERE_FIX, "every page")
    if (found := css_file_problem(load.written, load.read, load.folder, files)) is not None:
        message, fix, code = found
        return load.problem(message, fix, f"link.{code}")
    return None
