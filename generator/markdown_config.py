"""The Markdown dialect of the site, read from ``mkdocs.yml`` so checks see what MkDocs sees."""

from __future__ import annotations

import html
from functools import cache
from pathlib import Path
from typing import Any

import markdown
from mkdocs.config import load_config

from generator.models import Course
from generator.progress_data import CERTIFICATE_PAGE, EXAM_PAGE

Anchors = dict[str, dict[str, str]]
"""Page file name -> heading id -> heading text, for every page of the course."""

GENERATED_HEADINGS = {"quiz": "本章测验"}
"""Headings the generator adds to every module page."""


@cache
def site_config(config_file: Path) -> Any:
    """The settings of ``config_file`` as MkDocs reads them (without building anything)."""
    # Any existing folder will do for docs_dir: only settings are read.
    return load_config(str(config_file), docs_dir=str(config_file.parent / "course"))


def markdown_settings(config_file: Path) -> tuple[list[Any], dict[str, Any]]:
    """Return the Markdown extensions and their settings configured in ``config_file``."""
    config = site_config(config_file)
    return list(config["markdown_extensions"]), dict(config["mdx_configs"])


def headings(body: str, config_file: Path) -> dict[str, str]:
    """Map every heading anchor MkDocs will give the headings of ``body`` to its text."""
    extensions, settings = markdown_settings(config_file)
    converter = markdown.Markdown(extensions=extensions, extension_configs=settings)
    converter.convert(body)
    found: dict[str, str] = {}
    pending: list[Any] = list(getattr(converter, "toc_tokens", []))
    while pending:
        token = pending.pop()
        found[token["id"]] = html.unescape(token["name"])
        pending.extend(token["children"])
    return found


def collect_anchors(course: Course, config_file: Path) -> Anchors:
    anchors = {page.filename: headings(page.body, config_file) for page in course.pages}
    for module in course.modules:
        anchors[module.page.filename].update(GENERATED_HEADINGS)
    if course.exam is not None:  # generated pages that trainers' pages may link to
        anchors.update({EXAM_PAGE: {}, CERTIFICATE_PAGE: {}})
    return anchors
