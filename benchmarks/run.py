"""Benchmark the generator and the weight of what learners download.

Run with ``make benchmark`` (or ``python benchmarks/run.py --write-readme`` to
refresh the figures in README.md). Builds a copy of the course in a temporary
folder, so the working tree is left alone.
"""

from __future__ import annotations

import argparse
import gzip
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from generator import build  # noqa: E402
from generator.project import Project  # noqa: E402

README_START, README_END = "<!-- benchmark:start -->", "<!-- benchmark:end -->"
RUNTIME = ("mot-core.js", "mot-engine.js", "mot-dialogue.js", "mot-quiz.js")
"""The quiz runtime a module page loads, in the order it loads it."""
TERSER = PROJECT / "node_modules/.bin/terser"


def timed(action: Callable[[], object], runs: int) -> float:
    """Median wall-clock seconds of ``runs`` calls."""
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def kib(size: int) -> str:
    return f"{size / 1024:.1f} KiB"


def gzipped(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=9))


def minified(paths: list[Path]) -> bytes:
    """The files minified with terser (npm, a test tool only: the site ships them as written)."""
    return b"".join(
        subprocess.run(
            [str(TERSER), str(path), "--compress", "--mangle"], capture_output=True, check=True
        ).stdout
        for path in paths
    )


def runtime_size(assets: Path) -> str:
    paths = [assets / name for name in RUNTIME]
    raw = b"".join(path.read_bytes() for path in paths)
    text = f"{kib(len(raw))} / {kib(len(gzip.compress(raw, compresslevel=9)))}"
    if TERSER.exists():
        small = minified(paths)
        text += f"; minified {kib(len(small))} / {kib(len(gzip.compress(small, compresslevel=9)))}"
    return text


def measure(root: Path, runs: int) -> list[tuple[str, str]]:
    project = Project(root)
    course = build.check(project).course
    check_seconds = timed(lambda: build.docs_contents(build.check(project)), runs)
    build_seconds = timed(lambda: build.build(project), max(1, runs // 3))
    site = root / "site"
    files = [path for path in site.rglob("*") if path.is_file()]
    module_pages = [site / f"{module.page.name}.html" for module in course.modules]
    styles = site / "assets/mot.css"
    return [
        ("course", f"{len(course.modules)} modules, {course.question_count} questions"),
        ("check (load, validate, render), median", f"{check_seconds * 1000:.0f} ms"),
        ("full build incl. mkdocs --strict, median", f"{build_seconds:.2f} s"),
        ("site", f"{len(files)} files, {kib(sum(path.stat().st_size for path in files))}"),
        ("largest module page (HTML, gzipped)", kib(max(gzipped(page) for page in module_pages))),
        ("quiz runtime of a module page, 4 files (raw / gzipped)", runtime_size(site / "assets")),
        (
            "styles mot.css (raw / gzipped)",
            f"{kib(styles.stat().st_size)} / {kib(gzipped(styles))}",
        ),
        (
            "search index (raw / gzipped)",
            f"{kib((site / 'search/search_index.json').stat().st_size)} / "
            f"{kib(gzipped(site / 'search/search_index.json'))}",
        ),
    ]


def as_table(rows: list[tuple[str, str]]) -> str:
    lines = ["| measure | value |", "| --- | --- |"]
    lines += [f"| {name} | {value} |" for name, value in rows]
    machine = f"Python {sys.version.split()[0]}, {sys.platform}"
    return "\n".join(lines) + f"\n\nMeasured by `benchmarks/run.py` on {machine}.\n"


def write_readme(table: str) -> None:
    readme = PROJECT / "README.md"
    text = readme.read_text(encoding="utf-8")
    before, _, rest = text.partition(README_START)
    _, _, after = rest.partition(README_END)
    readme.write_text(f"{before}{README_START}\n{table}{README_END}{after}", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--write-readme", action="store_true")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        for settings in ("mkdocs.yml", "search-terms.txt"):
            shutil.copy(PROJECT / settings, root)
        for folder in ("course", "quizzes"):
            shutil.copytree(PROJECT / folder, root / folder)
        table = as_table(measure(root, arguments.runs))
    print(table)
    if arguments.write_readme:
        write_readme(table)


if __name__ == "__main__":
    main()
