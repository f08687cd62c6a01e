"""One benchmark run: what it measures on which course, in which order, and its results.

The full run times the commands on 6 (the real course), 30, 60, 150 and 300 modules,
measures first visits and the first search at 6 and 300, runs Lighthouse and times live
preview at 6 and 60. The quick run does each measurement once on the real course, with
no Lighthouse and one module page visited: a smoke test that every part still works.
"""

from __future__ import annotations

import os
import platform
import sys
import tempfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from benchmarks.commands import CourseTimings, time_course
from benchmarks.courses import copy_real_course, synthesise
from benchmarks.lighthouse import LighthouseScores, score_pages
from benchmarks.pages import (
    TEXT_QUERY,
    PageWeight,
    SearchIndex,
    chromium,
    first_search,
    first_visit,
)
from benchmarks.pages import search_index as measure_index
from benchmarks.preview import PreviewTimings, measure_preview
from benchmarks.static_server import serving
from benchmarks.stats import Fit, Timing, fit_line, say
from generator.project import EXAM_PAGE, HOME_PAGE, MODULE_NAME, Project, page_url

REAL_MODULES = 6


@dataclass(frozen=True)
class Plan:
    """Which measurements a run makes, on which course sizes, how many times."""

    quick: bool
    sizes: tuple[int, ...]
    preview_sizes: tuple[int, ...]
    site_sizes: tuple[int, ...]
    edits: int
    searches: int
    lighthouse_pages: dict[int, tuple[str, ...]] = field(default_factory=dict)
    lighthouse_runs: int = 5
    """Lighthouse's variability notes (docs/variability.md): the median of 5 runs is about
    twice as stable as one run."""
    visited_modules: int = REAL_MODULES
    """The module pages opened for a first visit; the runtime's row reports the heaviest."""

    def rounds(self, modules: int) -> int:
        """Interleaved rounds of check, build and plain build on a course of this size."""
        if self.quick:
            return 1
        return 5 if modules <= REAL_MODULES else 3


MODULE, EXAM, HOME = "module", page_url(EXAM_PAGE), page_url(HOME_PAGE)
FULL = Plan(
    quick=False,
    sizes=(6, 30, 60, 150, 300),
    preview_sizes=(6, 60),
    site_sizes=(6, 300),
    edits=5,
    searches=3,
    lighthouse_pages={6: (MODULE, EXAM, HOME), 300: (MODULE,)},
)
QUICK = Plan(
    quick=True,
    sizes=(6,),
    preview_sizes=(6,),
    site_sizes=(6,),
    edits=1,
    searches=1,
    visited_modules=1,
)


@dataclass(frozen=True)
class SiteFigures:
    """What a learner's browser fetches from the built site of one course."""

    modules: int
    weight: PageWeight
    """The first visit to the first module page."""
    runtime: PageWeight
    """The first visit to the module page, of the first six, that loads the most of ours."""
    index: SearchIndex
    first_search: Timing
    text_search: Timing
    """The first search for a word in no title: when the whole index answers."""


@dataclass(frozen=True)
class Results:
    quick: bool
    when: str
    machine: str
    load_average: tuple[float, float]
    courses: list[CourseTimings]
    build_fit: Fit | None
    sites: list[SiteFigures]
    lighthouse: list[LighthouseScores]
    preview: list[PreviewTimings]


def run_suite(plan: Plan) -> Results:
    load_before = os.getloadavg()[1]
    with tempfile.TemporaryDirectory(prefix="mot-benchmark-") as scratch:
        roots = {modules: _course(Path(scratch), modules) for modules in plan.sizes}
        courses = [_time(roots[modules], plan) for modules in plan.sizes]
        sites = [_site(roots[modules], plan) for modules in plan.site_sizes]
        lighthouse = [
            scores
            for modules, pages in plan.lighthouse_pages.items()
            for scores in _lighthouse(roots[modules], pages, plan.lighthouse_runs)
        ]
        preview = [_preview(roots[modules], plan.edits) for modules in plan.preview_sizes]
    return Results(
        quick=plan.quick,
        when=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        machine=_machine(),
        load_average=(load_before, os.getloadavg()[1]),
        courses=courses,
        build_fit=_build_fit(courses),
        sites=sites,
        lighthouse=lighthouse,
        preview=preview,
    )


def _course(scratch: Path, modules: int) -> Path:
    say(f"Writing the {modules}-module course")
    target = scratch / f"course-{modules}"
    return copy_real_course(target) if modules == REAL_MODULES else synthesise(target, modules)


def _time(root: Path, plan: Plan) -> CourseTimings:
    modules = _module_count(root)
    say(f"Timing check, build and plain mkdocs build on {modules} modules")
    return time_course(root, plan.rounds(modules), warm_up=not plan.quick)


def _site(root: Path, plan: Plan) -> SiteFigures:
    modules = _module_count(root)  # a course of more modules than asked for: the real one
    say(f"Opening the {modules}-module site in Chromium: first visit, first search")
    site, pages = Project(root).site_dir, module_pages(root)[: plan.visited_modules]
    with serving(site) as (base, log), chromium() as browser:
        weights = [first_visit(browser, base, log, page) for page in pages]
        searched = first_search(browser, base, pages[0], plan.searches)
        text_searched = first_search(browser, base, pages[0], plan.searches, TEXT_QUERY)
    runtime = max(weights, key=lambda weight: weight.ours)
    return SiteFigures(modules, weights[0], runtime, measure_index(site), searched, text_searched)


def _lighthouse(root: Path, pages: tuple[str, ...], runs: int) -> list[LighthouseScores]:
    modules = _module_count(root)
    say(f"Lighthouse on the {modules}-module site: {', '.join(pages)}")
    named = [first_module_page(root) if page == MODULE else page for page in pages]
    with serving(Project(root).site_dir) as (base, _):
        return score_pages(base, named, modules, runs)


def _preview(root: Path, edits: int) -> PreviewTimings:
    say(f"Live preview on {_module_count(root)} modules: {edits} edit(s) on three servers")
    return measure_preview(root, first_module_page(root).removesuffix(".html"), edits)


def first_module_page(root: Path) -> str:
    """The page of the course's first module, e.g. ``01-significance.html``."""
    return module_pages(root)[0]


def module_pages(root: Path) -> list[str]:
    """The pages of the course's modules, in order."""
    names = [path.stem for path in Project(root).course_dir.glob("*.md")]
    return [page_url(f"{name}.md") for name in sorted(names) if MODULE_NAME.match(name)]


def _module_count(root: Path) -> int:
    return len(module_pages(root))


def _build_fit(courses: list[CourseTimings]) -> Fit | None:
    points = [(course.modules, course.build.time.median) for course in courses]
    return fit_line(points) if len(points) > 2 else None


def _machine() -> str:
    return (
        f"Python {platform.python_version()} on {sys.platform}, "
        f"{os.cpu_count()} CPUs, {platform.machine()}"
    )
