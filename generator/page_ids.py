"""The ids a page gives its elements: none twice, and none that the built page gives an
element of its own (the generator's headings and panels, the quiz's questions and their
options, the theme's controls), where a link would open the wrong place, a label tick
nothing or a region take the wrong name."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from generator.course_scan import GENERATED_HEADINGS
from generator.errors import Problem
from generator.models import Course, Page
from generator.page_markers import markers_of
from generator.page_scan import PageScan
from generator.page_text import Lines, Place
from generator.project import PROGRESS_MARKER

THEME_ID_PREFIX = "__"
"""How the ids of the theme's controls start (``__drawer``, ``__search``, ``__palette_0``)."""
EXAMPLE_ID = "my-section"
"""An id of the kind AUTHORING.md asks for, lower-case ASCII with hyphens, to show one."""
DASHBOARD_IDS = frozenset({"mot-dashboard-title", "mot-stage-title"})
"""The ids of the dashboard's headings (``dashboard.html.j2``)."""


def taken_ids(course: Course) -> dict[str, TakenIds]:
    """By page file name: the ids its built page gives elements of its own."""
    modules = {module.page.filename: module for module in course.modules}
    taken = {}
    for page in course.pages:
        has_dashboard = PROGRESS_MARKER in markers_of(page).values()
        dashboard = DASHBOARD_IDS if has_dashboard else frozenset()
        module = modules.get(page.filename)
        if module is None:
            taken[page.filename] = TakenIds(element_ids=dashboard)
            continue
        panel = {f"mot-results-{module.page.name}", f"mot-verdict-{module.page.name}"}
        questions = tuple(question.id for question in module.quiz.questions)
        taken[page.filename] = TakenIds(GENERATED_HEADINGS, dashboard | panel, questions)
    return taken


@dataclass(frozen=True)
class TakenIds:
    """The ids the generator and the theme give elements of a built page."""

    headings: Mapping[str, str] = field(default_factory=dict)
    """Headings the generator adds (a module page's 本模块测验), by id."""
    element_ids: frozenset[str] = frozenset()
    """Other elements the generator adds: the results panel's title and verdict
    (``_results.html.j2``), the dashboard's headings (``dashboard.html.j2``)."""
    question_ids: tuple[str, ...] = ()
    """The questions of the module quiz shown on the page."""

    def owner(self, name: str) -> tuple[str, str] | None:
        """What in the built page has the id ``name`` too, and how to avoid it; or None."""
        if not name:
            return (
                "is empty: no link can name it",
                f"write a name right after '#', with no space between, such as "
                f"'{{#{EXAMPLE_ID}}}', or delete the braces",
            )
        if name in self.headings:
            return (
                f"is the one the generator gives its heading '{self.headings[name]}' "
                "at the end of the module",
                f"give the heading another id, such as '{{#{name}-2}}'",
            )
        if name in self.element_ids:
            return (
                "is one the generator gives an element it adds to this page",
                f"give it another id, such as '{{#{name}-2}}'",
            )
        if name.startswith(THEME_ID_PREFIX):
            return (
                "starts with '__', as the ids of the theme's own controls do "
                "('__drawer', '__search')",
                "give it an id that does not start with '__'",
            )
        for question_id in self.question_ids:
            if name == f"question-{question_id}":
                return (
                    f"is the one the generator gives the quiz question '{question_id}' on this "
                    "page",
                    f"give it another id, such as '{{#{name}-2}}'",
                )
            if name.startswith(f"{question_id}-"):
                return (
                    f"starts like the ids of the options, blanks and hint of the quiz "
                    f"question '{question_id}' on this page",
                    f"give it an id that does not start with '{question_id}-'",
                )
        return None


def id_problems(page: Page, lines: Lines, found: PageScan, taken: TakenIds) -> Iterator[Problem]:
    """Ids given twice (a link opens only the first), or that the built page gives an
    element of its own (a label then ticks nothing, a region takes the wrong name).

    Only ids the author wrote are reported: one an extension gives (a tab's
    ``__tabbed_1_1``) is written nowhere in the page and is the extension's to keep apart.
    """
    written: dict[str, list[Place]] | None = None  # found when first needed: a page scan
    for name, count in Counter(found.ids).items():
        owner = taken.owner(name)
        if owner is None and count == 1:
            continue  # the usual case
        written = _written_ids(lines) if written is None else written
        places = written.get(name, []) if ID_NAME.fullmatch(name) else _id_places(lines, name)
        if not places:
            continue
        if owner is not None:
            message, fix = f"the id '{name}' {owner[0]}", owner[1]
        else:
            message = (
                f"the id '{name}' is given to {count} elements of the page, and a link to "
                f"'#{name}' opens only the first"
            )
            fix = f"give each its own id, such as '{{#{name}-2}}'"
            places = places[1:] or places
        for line, column in places:
            yield Problem(page.source.path, line, column, message, fix, "page.duplicate-id")


ID_NAME = re.compile(r"[\w.:-]+")
"""An id as :data:`WRITTEN_ID` finds it whole; another (``a/b``) is looked for on its own."""
ID_GIVEN = r"(?:(?<=[{\s:]#)|(?<=\bid=)|(?<=\bid=[\"']))"
"""What comes before an id the page gives: ``{#`` or ``id=``, with or without a quote."""
WRITTEN_ID = re.compile(rf"{ID_GIVEN}({ID_NAME.pattern})")
"""Where the page gives an element an id: ``{#name}`` or ``id="name"``. What comes before
the id is looked behind, not read: in ``{#id=a}`` both ``id`` and ``a`` are found."""


def _written_ids(lines: Lines) -> dict[str, list[Place]]:
    """Every id of :data:`ID_NAME`'s kind the page gives an element, and where: one scan,
    however many ids there are (a page of thousands of tabs has as many ids)."""
    places: defaultdict[str, list[Place]] = defaultdict(list)
    for number, line in lines.items():
        for match in WRITTEN_ID.finditer(line):
            places[match[1]].append((number, match.start(1) + 1))
    return places


EMPTY_ID = re.compile(r"""(?:\{(?:[^{}\n]*\s)?#|\bid=["'])()(?=[\s}]|(?<=")"|(?<=')')""")
"""Where the page gives an element an empty id: ``{#}``, ``{# name}`` (a space after '#')
or ``id=""``; :data:`ID_GIVEN` would find one after every ``id="``."""


def _id_places(lines: Lines, name: str) -> list[Place]:
    """Where the page gives an element the id ``name``: ``{#name}`` or ``id="name"``."""
    given = re.compile(rf"{ID_GIVEN}({re.escape(name)})(?![\w.:-])") if name else EMPTY_ID
    return [
        (number, match.start(1) + 1)
        for number, line in lines.items()
        for match in given.finditer(line)
    ]
