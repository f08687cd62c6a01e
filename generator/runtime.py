"""The quiz runtime as it goes into the site: readable sources in, minified files out.

The sources in ``generator/assets`` stay plain, commented JavaScript and CSS. On the way
into the docs folder ``mot-folds.js`` gets the fold table of the answer normalisation
written in (so the browser folds case with the very table Python uses, see
:mod:`generator.normalise`), and every script and style sheet is minified with rjsmin and
rcssmin: comments and spaces go, names stay, so a file in the site still reads as its
source does.

A page loads the core and the style sheet ``mot.css`` (``mkdocs.yml``); the core loads
the scripts of the parts a page names in ``data-mot-parts``, so a page runs only what it
uses. The style sheets of the parts are kept apart in the sources and joined into
``mot.css``: one small file in the page's head shows the page sooner than several linked
from its body (about one round trip less before the first paint on a phone).
"""

from __future__ import annotations

from importlib.resources import files

import rcssmin
import rjsmin

from generator.models import Question
from generator.normalise import case_folds_json
from generator.project import ASSETS_FOLDER
from generator.write import DocsContents

FOLDS_SCRIPT = "mot-folds.js"
CASE_FOLDS_PLACEHOLDER = b"/* mot:case-folds */ { ranges: [], strings: {} }"
"""Where the fold table goes (a comment, so it is written in before minifying)."""
SEARCH_WORKER = ("search/mot-search.js", "javascripts/workers/mot-search.js")
"""The search worker, from the package's assets to where the site serves it: beside
Material's worker, whose language scripts are found from that folder."""

TYPE_PARTS = {"fill_in": "fill-in", "scenario": "dialogue"}
"""Question types whose code is a part of its own, loaded only where such a question is."""
STYLE_SHEET = "mot.css"
PART_STYLE_SHEETS = (
    "mot-questions.css",
    "mot-dialogue.css",
    "mot-exam.css",
    "mot-certificate.css",
)
"""Joined after the sources' ``mot.css`` into the site's ``mot.css``, in this order."""


def question_parts(questions: list[Question]) -> list[str]:
    """The engine and the parts of the question types among ``questions``, in load order."""
    present = {question.type for question in questions}
    return ["engine", *(part for kind, part in TYPE_PARTS.items() if kind in present)]


def page_parts(questions: list[Question], page_part: str) -> str:
    """For ``data-mot-parts`` of a page part (``quiz``, ``exam``…) that shows ``questions``:
    the core loads ``assets/mot-<name>.js`` for each name."""
    return " ".join([*question_parts(questions), page_part] if questions else [page_part])


def runtime_assets() -> DocsContents:
    """The runtime's scripts and style sheets, minified, by their path in the docs folder."""
    folder = files("generator").joinpath(ASSETS_FOLDER)
    sources = {asset.name: asset.read_bytes() for asset in folder.iterdir() if asset.is_file()}
    sources[STYLE_SHEET] = b"\n".join(
        sources.pop(name) for name in (STYLE_SHEET, *PART_STYLE_SHEETS)
    )
    sources[FOLDS_SCRIPT] = sources[FOLDS_SCRIPT].replace(
        CASE_FOLDS_PLACEHOLDER, case_folds_json().encode()
    )
    source, target = SEARCH_WORKER
    sources[target] = folder.joinpath(source).read_bytes()
    return {f"{ASSETS_FOLDER}/{name}": minified(name, text) for name, text in sources.items()}


def minified(name: str, text: bytes) -> bytes:
    """``text`` without comments and needless spaces (a ``.js`` or ``.css`` file)."""
    if name.endswith(".js"):
        return bytes(rjsmin.jsmin(text))
    if name.endswith(".css"):
        return bytes(rcssmin.cssmin(text))
    return text
