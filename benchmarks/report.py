"""The benchmark's results as Markdown tables, as JSON, and in README.md's Benchmarks section."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from benchmarks.commands import Measured
from benchmarks.lighthouse import LighthouseScores
from benchmarks.pages import SEARCH_QUERY, TEXT_QUERY
from benchmarks.suite import Results
from benchmarks.tables import kb, seconds, table
from benchmarks.targets import targets_table

README_START, README_END = "<!-- benchmark:start -->", "<!-- benchmark:end -->"


def as_json(results: Results) -> str:
    return json.dumps(dataclasses.asdict(results), ensure_ascii=False, indent=2)


def markdown(results: Results) -> str:
    parts = [
        targets_table(results),
        _commands(results),
        _sites(results),
        _preview(results),
        _lighthouse(results.lighthouse),
        _footer(results),
    ]
    return "\n\n".join(part for part in parts if part) + "\n"


def write_readme(readme: Path, text: str) -> None:
    """Put ``text`` between the benchmark markers of ``readme``."""
    content = readme.read_text(encoding="utf-8")
    before, start, rest = content.partition(README_START)
    _, end, after = rest.partition(README_END)
    if not start or not end:
        raise RuntimeError(f"{readme} lacks the {README_START} / {README_END} markers")
    readme.write_text(f"{before}{README_START}\n{text}{README_END}{after}", encoding="utf-8")


def _commands(results: Results) -> str:
    rows = [
        (
            f"{course.modules} modules, {course.questions} questions",
            _wall_and_cpu(course.check),
            _wall_and_cpu(course.cold_check),
            _wall_and_cpu(course.build),
            _wall_and_cpu(course.cold_build),
            _wall_and_cpu(course.plain),
            f"{course.build_over_plain:.2f} (CPU {course.build_over_plain_cpu:.2f}); "
            f"cold {course.cold_build_over_plain:.2f}",
            " / ".join(
                _peak(one) for one in (course.check, course.build, course.cold_build, course.plain)
            ),
        )
        for course in results.courses
    ]
    header = (
        "course",
        "`generator check`",
        "`generator check`, cold (no `build/cache/`)",
        "`generator build`",
        "`generator build`, cold (no `build/cache/`)",
        "plain `mkdocs build`",
        "build ÷ plain",
        "peak memory: check / build / cold build / plain",
    )
    fit = results.build_fit
    line = (
        f"\n\nBuild time against course size: R² {fit.r_squared:.3f}, "
        f"{fit.slope:.3f} s per module plus {fit.intercept:.2f} s."
        if fit
        else ""
    )
    return (
        "**Commands**: whole processes, wall-clock median (minimum) of the interleaved runs; "
        "CPU: median processor time (user + system), steadier on a busy machine\n\n"
    ) + (table(header, rows) + line)


def _wall_and_cpu(measured: Measured) -> str:
    return f"{seconds(measured.time)}; CPU {measured.cpu.median:.2f} s"


def _peak(measured: Measured) -> str:
    return f"{measured.peak_mb:.0f} MB"


def _sites(results: Results) -> str:
    weight_rows = [
        (
            f"{site.modules} modules",
            kb(site.weight.html),
            kb(site.weight.ours),
            kb(site.weight.material),
            kb(site.weight.search_index),
            kb(site.weight.other),
            f"**{kb(site.weight.total)}**",
        )
        for site in results.sites
    ]
    index_rows = [
        (
            f"{site.modules} modules",
            f"{site.index.entries} ({site.index.quiz_entries} quiz)",
            kb(site.index.raw),
            kb(site.index.gzipped),
            f"{kb(site.index.quiz_raw)} raw, {site.index.quiz_raw / site.index.raw:.0%}",
            seconds(site.first_search),
            seconds(site.text_search),
        )
        for site in results.sites
    ]
    weight_header = ("course", "HTML", "ours (runtime, CSS)", "Material", "search index", "other")
    index_header = (
        "course",
        "entries",
        "raw",
        "gzipped",
        "quiz text",
        "first search, 4× CPU",
        "first search for a word in the text only",
    )
    return (
        "**First visit to a module page** (what the browser fetched, each text file gzipped "
        f"on its own)\n\n{table((*weight_header, 'total'), weight_rows)}\n\n"
        "**Search index** (quiz text: the module quizzes' sections and the exam pages; first "
        f"search: {SEARCH_QUERY}, a course term in a title, typed at the page's load event "
        "until the first result shows, on Lighthouse's mobile screen; the word in the text "
        f"only, {TEXT_QUERY}, shows when the whole index answers: on a large course the "
        f"titles answer first)\n\n{table(index_header, index_rows)}"
    )


def _preview(results: Results) -> str:
    rows = [
        (
            f"{preview.modules} modules",
            seconds(preview.generator),
            seconds(preview.plain),
            seconds(preview.dirty),
        )
        for preview in results.preview
    ]
    edits = max((preview.edits for preview in results.preview), default=0)
    header = (
        "course",
        "`python -m generator serve` (the target, < 1 s)",
        "plain `mkdocs serve`",
        "`mkdocs serve --dirty`",
    )
    return (
        f"**Live preview**: from saving a quiz edit to the changed page being served, "
        f"median (minimum) of {edits} edit(s); the plain servers get the docs files the "
        f"generator wrote for the same edit\n\n{table(header, rows)}"
    )


def _lighthouse(scores: list[LighthouseScores]) -> str:
    if not scores:
        return ""
    rows = [
        (
            f"{score.page} ({score.modules} modules)",
            score.preset,
            f"{score.performance:.2f}",
            f"{score.accessibility:.2f}",
            f"{score.best_practices:.2f}",
            f"{score.seo:.2f}",
            score.dom_size,
            ", ".join(f"`{name}`" for name in score.failed_audits) or "none",
        )
        for score in scores
    ]
    header = ("page", "preset", "performance", "accessibility", "best practices", "SEO")
    return (
        f"**Lighthouse** (median of {scores[0].runs} runs)\n\n"
        f"{table((*header, 'DOM elements', 'audits losing points'), rows)}"
    )


def _footer(results: Results) -> str:
    kind = "a quick run: each measurement once, real course only" if results.quick else "full run"
    load = results.load_average
    return (
        f"Measured by `make benchmark` ({kind}) on {results.when}: {results.machine}, "
        f"5-minute load average {load[0]:.1f} at the start and {load[1]:.1f} at the end. "
        "KB = 1,000 bytes."
    )
