"""Lighthouse (npm ``lighthouse``) on pages of a built site, mobile and desktop presets.

Each page and preset is audited ``runs`` times, interleaved (every page and preset once,
then again), with Debian's Chromium; the report gives each category's median score,
the page's DOM size and the audits that lost points in accessibility, best practices
or SEO.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.stats import say
from generator.export.pdf import CHROMIUM_FLAGS, chromium_executable

PROJECT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = PROJECT / "node_modules/.bin/lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PRESETS = ("mobile", "desktop")
"""Lighthouse's default settings are its mobile preset; ``--preset=desktop`` the other."""
RUN_SECONDS = 300


@dataclass(frozen=True)
class LighthouseScores:
    """Median scores of one page under one preset."""

    modules: int
    page: str
    preset: str
    runs: int
    performance: float
    accessibility: float
    best_practices: float
    seo: float
    dom_size: int
    failed_audits: tuple[str, ...]


def audit(base: str, page: str, preset: str) -> dict[str, Any]:
    """One Lighthouse run on ``base + page``: its JSON report."""
    if not LIGHTHOUSE.exists():
        raise RuntimeError(f"{LIGHTHOUSE} is missing: run `npm install` (make test does)")
    with tempfile.TemporaryDirectory() as scratch:
        report = Path(scratch) / "report.json"
        argv = [
            str(LIGHTHOUSE),
            base + page,
            "--output=json",
            f"--output-path={report}",
            "--quiet",
            f"--chrome-flags={' '.join(CHROMIUM_FLAGS)}",
            f"--only-categories={','.join(CATEGORIES)}",
            *(["--preset=desktop"] if preset == "desktop" else []),
        ]
        environment = {**os.environ, "CHROME_PATH": chromium_executable() or "chromium"}
        subprocess.run(argv, env=environment, check=True, timeout=RUN_SECONDS, capture_output=True)
        result: dict[str, Any] = json.loads(report.read_text(encoding="utf-8"))
    return result


def score_pages(base: str, pages: list[str], modules: int, runs: int) -> list[LighthouseScores]:
    """Audit every page under both presets ``runs`` times, interleaved; medians of each."""
    reports: dict[tuple[str, str], list[dict[str, Any]]] = {
        (page, preset): [] for page in pages for preset in PRESETS
    }
    for number in range(1, runs + 1):
        for (page, preset), done in reports.items():
            done.append(audit(base, page, preset))
            score = done[-1]["categories"]["performance"]["score"]
            say(f"  Lighthouse {number}/{runs}: {page} {preset}, performance {score}")
    return [summarise(done, modules, page, preset) for (page, preset), done in reports.items()]


def summarise(
    reports: list[dict[str, Any]], modules: int, page: str, preset: str
) -> LighthouseScores:
    def median(category: str) -> float:
        return float(
            statistics.median(report["categories"][category]["score"] for report in reports)
        )

    return LighthouseScores(
        modules=modules,
        page=page,
        preset=preset,
        runs=len(reports),
        performance=median("performance"),
        accessibility=median("accessibility"),
        best_practices=median("best-practices"),
        seo=median("seo"),
        dom_size=int(statistics.median(_dom_size(report) for report in reports)),
        failed_audits=tuple(sorted({name for report in reports for name in failed(report)})),
    )


def _dom_size(report: dict[str, Any]) -> float:
    return float(report["audits"]["dom-size"]["numericValue"])


def failed(report: dict[str, Any]) -> list[str]:
    """Audits that cost points in accessibility, best practices or SEO."""
    return [
        reference["id"]
        for category in CATEGORIES[1:]
        for reference in report["categories"][category]["auditRefs"]
        if reference["weight"] > 0 and _lost_points(report["audits"][reference["id"]]["score"])
    ]


def _lost_points(score: float | None) -> bool:
    return score is not None and score < 1
