"""The quiz runtime as it goes into the site: readable sources in, minified files out.

The sources in ``generator/assets`` stay plain, commented JavaScript and CSS. On the way
into the docs folder ``mot-folds.js`` gets the fold table of the answer normalisation
written in (so the browser folds case with the very table Python uses, see
:mod:`generator.normalise`), and every script and style sheet is minified by tdewolff's
minify (a Go library, from PyPI, so no Node is needed to build): comments and spaces go,
and so do long local names, which are shortened. Names the parts share (``window.mot``
and its members, the ``data-`` attributes, the class names) are properties and strings
and stay as they are. To read the runtime, read the sources; each file in the site is
one source file, minified.

A page loads the core and the style sheet ``mot.css`` (``mkdocs.yml``); the core loads
the scripts of the parts a page names in ``data-mot-parts``, so a page runs only what it
uses. Every page with questions names ``questions``: the engine and the code of every
question type, joined into one script (``mot-questions.js``), so that a learner going
from module to module fetches it once, whichever types each module's quiz has. The
styles of questions (dialogues included) are joined into ``mot.css``, which every page
loads. The exam's and the certificate's style sheets are files of their own,
linked in the head of their page only (its front matter names them, and the theme's
``extrahead`` block links them: ``templates/theme/partials/mot-styles.html``). A sheet in
the head, not the body, because one linked from the body cost a phone about one round
trip before the first paint.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import PurePosixPath

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

STYLE_SHEET = "mot.css"
CORE_SCRIPT = "mot-core.js"
QUESTION_SCRIPT = "mot-questions.js"
EXAM_SCRIPT = "mot-exam.js"
DASHBOARD_SCRIPT = "mot-dashboard.js"
CERTIFICATE_SCRIPT = "mot-certificate.js"
JOINED_FILES = {
    STYLE_SHEET: ("mot.css", "mot-questions.css", "mot-dialogue.css"),
    CORE_SCRIPT: (
        "mot-records.js",
        "mot-core.js",
        "mot-view.js",
        "mot-rehome.js",
        "mot-material.js",
        "mot-instant.js",
    ),
    QUESTION_SCRIPT: (
        "mot-shuffle.js",
        "mot-engine.js",
        "mot-matching.js",
        "mot-fill-in.js",
        "mot-dialogue.js",
    ),
    EXAM_SCRIPT: ("mot-passes.js", "mot-exam-results.js", "mot-exam.js"),
    DASHBOARD_SCRIPT: ("mot-passes.js", "mot-dashboard.js"),
    CERTIFICATE_SCRIPT: ("mot-passes.js", "mot-certificate.js"),
}
"""Files of the site joined from sources, in this order: the styles of every page and of
questions; the progress record's shape, the core, then what a quiz shows of a result (a
results panel, a question brought into view), then the progress record following the
course, which the module page, the dashboard, the 错题本 and the certificate page share,
then what every page does with Material (search on demand, one-key shortcuts off), then
the focus and the place after instant navigation; the shuffling the engine and the
exam's draw use, the engine, then the question types that add themselves to it; the
module passes at today's pass mark, which each page that shows the modules' passes records
(the exam, the home page's dashboard, the certificate page), before the page's own script
(the exam's after its results panel). A source may be joined into several files."""
PAGE_STYLE_SHEETS = {"exam": "mot-exam.css", "certificate": "mot-certificate.css"}
"""Page parts whose styles only their page loads, in its head."""
MEDIA_TYPES = {".js": "application/javascript", ".css": "text/css"}
"""What the minifier is told each file is, by its suffix."""


def page_parts(questions: list[Question], page_part: str) -> str:
    """For ``data-mot-parts`` of a page part (``quiz``, ``exam``…) that shows ``questions``:
    the core loads ``assets/mot-<name>.js`` for each name, in order."""
    return f"questions {page_part}" if questions else page_part


def page_styles(page_part: str) -> list[str]:
    """The style sheets of ``page_part``'s own, for its page's front matter (``mot_styles``),
    by their path in the docs folder."""
    sheet = PAGE_STYLE_SHEETS.get(page_part)
    return [f"{ASSETS_FOLDER}/{sheet}"] if sheet else []


def runtime_assets() -> DocsContents:
    """The runtime's scripts and style sheets, minified, by their path in the docs folder."""
    return {f"{ASSETS_FOLDER}/{name}": minified(name, text) for name, text in _sources().items()}


def runtime_names() -> set[str]:
    """The paths of :func:`runtime_assets` in the docs folder, without minifying anything."""
    return {f"{ASSETS_FOLDER}/{name}" for name in _sources()}


def _sources() -> dict[str, bytes]:
    """The runtime's files as the site holds them, before minifying, by their name there."""
    folder = files("generator").joinpath(ASSETS_FOLDER)
    read = {asset.name: asset.read_bytes() for asset in folder.iterdir() if asset.is_file()}
    joined = {
        name: b"\n".join(read[part] for part in parts) for name, parts in JOINED_FILES.items()
    }
    taken = {part for parts in JOINED_FILES.values() for part in parts}
    sources = {name: text for name, text in read.items() if name not in taken} | joined
    sources[FOLDS_SCRIPT] = sources[FOLDS_SCRIPT].replace(
        CASE_FOLDS_PLACEHOLDER, case_folds_json().encode()
    )
    source, target = SEARCH_WORKER
    sources[target] = folder.joinpath(source).read_bytes()
    return sources


def minified(name: str, text: bytes) -> bytes:
    """``text`` minified, for a ``.js`` or ``.css`` file; other files as they are."""
    media_type = MEDIA_TYPES.get(PurePosixPath(name).suffix)
    if media_type is None:
        return text
    # Imported here, not at the top: loading it starts the Go runtime's threads, and a
    # process with threads forks no page-scanning workers (generator.page_scan._can_fork).
    import minify

    small: str = minify.string(media_type, text.decode())
    return small.encode()
