"""Every id the generator or the theme gives an element of a built page is one the id
check knows (generator/page_ids.py), so a trainer's id that would clash with it is told.

The ids are written twice: in the templates that give them (``dashboard.html.j2``,
``_results.html.j2``, ``page.md.j2``) and in the check. An id renamed in a template alone
would let a trainer's heading take it, with no word: a label would then tick nothing, a
region take the wrong name.
"""

from __future__ import annotations

import re
from pathlib import Path

from generator.course_scan import scan_course
from generator.load import load_course
from generator.page_ids import taken_ids
from generator.project import Project, page_url
from tests.conftest import run_generator

ID = re.compile(r'\sid="([^"]*)"')
TITLE = re.compile(r'<h1 id="([^"]*)"')
"""The page's title, which the generator writes from its front matter: the check does not
know its id (a trainer's ``{#id}`` would have to be written as the title's slug)."""


def test_every_id_a_built_page_gives_its_own_elements_is_known_to_the_id_check(
    minimal_project: Path,
) -> None:
    assert run_generator(minimal_project, "build") == 0
    project = Project(minimal_project)
    course = load_course(project)
    scan = scan_course(course, project)
    taken = taken_ids(course)
    checked = 0
    for page in course.pages:
        built = (minimal_project / "site" / page_url(page.filename)).read_text(encoding="utf-8")
        found = scan.pages[page.filename]
        trainers = {*found.ids, *found.headings, *TITLE.findall(built)}
        generated = set(ID.findall(built)) - trainers
        assert {name for name in generated if taken[page.filename].owner(name) is None} == set()
        checked += len(generated)
    assert checked > 30  # the quiz's, the panel's, the dashboard's and the theme's
