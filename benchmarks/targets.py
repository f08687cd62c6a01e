"""The table of issue 13's targets: each target, what was measured, and whether it is met."""

from __future__ import annotations

from benchmarks.commands import CourseTimings
from benchmarks.lighthouse import LighthouseScores
from benchmarks.stats import fit_line
from benchmarks.suite import Results
from benchmarks.tables import NOT_MEASURED, kb, met, seconds, table

DOM_WARNING = 800
"""Lighthouse warns about a DOM of more than 800 elements (and fails it above 1,400)."""

Row = tuple[str, str, str]


def targets_table(results: Results) -> str:
    rows = [
        _runtime_row(results),
        _overhead_row(results),
        _check_row(results),
        *_scaling_rows(results),
        *_site_rows(results),
        _preview_row(results),
        *_lighthouse_rows(results.lighthouse),
    ]
    return "**Issue 13's targets**\n\n" + table(("target", "measured", "met"), rows)


def _runtime_row(results: Results) -> Row:
    heaviest = results.sites[0].runtime
    files = ", ".join(path.rsplit("/", 1)[-1] for path in heaviest.ours_files)
    return (
        "our runtime ≤ 10 KB gzipped: everything of ours a module page loads",
        f"{kb(heaviest.ours)} on {heaviest.page}, the heaviest module page ({files})",
        met(heaviest.ours <= 10_000),
    )


def _overhead_row(results: Results) -> Row:
    courses = [course for course in results.courses if course.modules in (6, 60, 300)]
    text = ", ".join(
        f"{course.build_over_plain:.2f} at {course.modules} (CPU {course.build_over_plain_cpu:.2f})"
        for course in courses
    )
    cold = ", ".join(f"{course.cold_build_over_plain:.2f}" for course in courses)
    text += f"; a cold build (no `build/cache/`): {cold}"
    ok = all(course.build_over_plain <= 1.15 for course in courses)
    return (
        "`generator build` ÷ plain `mkdocs build` ≤ 1.15 at 6, 60 and 300 modules",
        text,
        met(ok),
    )


def _check_row(results: Results) -> Row:
    course = _course(results, 300)
    if course is None:
        return ("`generator check` < 5 s at 300 modules, also cold", NOT_MEASURED, NOT_MEASURED)
    measured = (
        f"{seconds(course.check.time)}; CPU {course.check.cpu.median:.2f} s; "
        f"cold (no cache) {seconds(course.cold_check.time)}"
    )
    slowest = max(course.check.time.median, course.cold_check.time.median)
    return ("`generator check` < 5 s at 300 modules, also cold", measured, met(slowest < 5))


def _scaling_rows(results: Results) -> list[Row]:
    fit, course = results.build_fit, _course(results, 300)
    return [
        (
            "build time linear in course size: R² ≥ 0.98",
            _linearity(results),
            met(fit.r_squared >= 0.98 if fit else None),
        ),
        (
            "300 modules built in < 60 s; peak memory reported",
            f"{seconds(course.build.time)}; CPU {course.build.cpu.median:.2f} s; "
            f"peak {course.build.peak_mb:.0f} MB"
            if course
            else NOT_MEASURED,
            met(course.build.time.median < 60 if course else None),
        ),
    ]


def _linearity(results: Results) -> str:
    """R² of the medians (and of the minimums, less disturbed by a busy machine)."""
    if results.build_fit is None:
        return NOT_MEASURED
    sizes = ", ".join(str(one.modules) for one in results.courses)
    floor = fit_line([(one.modules, one.build.time.minimum) for one in results.courses])
    cpu = fit_line([(one.modules, one.build.cpu.median) for one in results.courses])
    return (
        f"R² {results.build_fit.r_squared:.3f} over {sizes} modules (minimums "
        f"{floor.r_squared:.3f}, CPU {cpu.r_squared:.3f}); {results.build_fit.slope:.2f} s "
        "per module"
    )


def _site_rows(results: Results) -> list[Row]:
    largest = max(results.sites, key=lambda site: site.modules)
    at = f"at {largest.modules} modules"
    return [
        (
            "a first visit to a module page < 500 KB gzipped at 300 modules",
            f"{kb(largest.weight.total)} {at}",
            met(largest.weight.total < 500_000 if largest.modules >= 300 else None),
        ),
        (
            "first search answers within 1 s on the mobile CPU (4× slower) at 300 modules",
            "; ".join(f"{seconds(site.first_search)} at {site.modules}" for site in results.sites)
            + f"; a word in the text only: {seconds(largest.text_search)} at {largest.modules}",
            met(largest.first_search.median <= 1 if largest.modules >= 300 else None),
        ),
    ]


def _preview_row(results: Results) -> Row:
    text = "; ".join(
        f"{seconds(preview.generator)} at {preview.modules}" for preview in results.preview
    )
    ok = all(preview.generator.median < 1 for preview in results.preview)
    return (
        "live preview < 1 s from save to served page (`generator serve`), 6 and 60 modules",
        text,
        met(ok),
    )


def _lighthouse_rows(scores: list[LighthouseScores]) -> list[Row]:
    if not scores:
        return [("Lighthouse (not run in a quick run)", NOT_MEASURED, NOT_MEASURED)]
    lowest = {
        name: min(getattr(score, name) for score in scores)
        for name in ("performance", "accessibility", "best_practices", "seo")
    }
    module = {score.modules: score.dom_size for score in scores if score.page[:2].isdigit()}
    return [
        (
            "Lighthouse performance ≥ 0.98 (lowest page and preset)",
            f"{lowest['performance']:.2f}",
            met(lowest["performance"] >= 0.98),
        ),
        (
            "Lighthouse accessibility, best practices, SEO 1.00 (lowest)",
            f"{lowest['accessibility']:.2f}, {lowest['best_practices']:.2f}, {lowest['seo']:.2f}",
            met(min(lowest["accessibility"], lowest["best_practices"], lowest["seo"]) >= 1),
        ),
        (
            f"module page's DOM within Lighthouse's recommendation (≤ {DOM_WARNING} elements)",
            "; ".join(f"{size} elements at {modules} modules" for modules, size in module.items()),
            met(max(module.values(), default=0) <= DOM_WARNING),
        ),
    ]


def _course(results: Results, modules: int) -> CourseTimings | None:
    return next((course for course in results.courses if course.modules == modules), None)
