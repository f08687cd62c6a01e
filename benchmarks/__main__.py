"""``python -m benchmarks``: measure issue 13's figures in one run (``make benchmark``)."""

from __future__ import annotations

import argparse
from pathlib import Path

from benchmarks.report import as_json, markdown, write_readme
from benchmarks.saved import load_results
from benchmarks.stats import say
from benchmarks.suite import FULL, QUICK, run_suite

README = Path(__file__).resolve().parent.parent / "README.md"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument(
        "--quick",
        action="store_true",
        help="each measurement once on the real course, no Lighthouse: a smoke test",
    )
    parser.add_argument("--write-readme", action="store_true", help="put the tables in README.md")
    parser.add_argument("--json", type=Path, help="also write every figure to this JSON file")
    parser.add_argument(
        "--from-json", type=Path, help="measure nothing: print the tables of a saved run"
    )
    arguments = parser.parse_args(argv)
    if arguments.from_json:
        results = load_results(arguments.from_json)
    else:
        results = run_suite(QUICK if arguments.quick else FULL)
    text = markdown(results)
    print(text)
    if arguments.json:
        arguments.json.write_text(as_json(results), encoding="utf-8")
    if arguments.write_readme:
        write_readme(README, text)
        say(f"Wrote the tables into {README.name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
