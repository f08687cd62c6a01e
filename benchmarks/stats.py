"""Figures from repeated measurements: medians, minimums, ratios and a straight-line fit."""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass

STARTED = time.monotonic()


@dataclass(frozen=True)
class Timing:
    """Seconds measured several times, with their median and minimum."""

    samples: tuple[float, ...]
    median: float
    minimum: float

    @classmethod
    def of(cls, samples: Sequence[float]) -> Timing:
        if not samples:
            raise ValueError("a timing needs at least one sample")
        return cls(tuple(samples), statistics.median(samples), min(samples))


@dataclass(frozen=True)
class Fit:
    """A straight line through measurements; ``r_squared`` 1.0 is a perfect fit."""

    slope: float
    intercept: float
    r_squared: float


def fit_line(points: Sequence[tuple[float, float]]) -> Fit:
    """The least-squares line through ``points`` (x, y) and how well it fits them."""
    xs, ys = zip(*points, strict=True)
    slope, intercept = statistics.linear_regression(xs, ys)
    mean = statistics.fmean(ys)
    residual = sum((y - (slope * x + intercept)) ** 2 for x, y in points)
    total = sum((y - mean) ** 2 for y in ys)
    return Fit(slope, intercept, 1.0 - residual / total if total else 1.0)


def say(message: str) -> None:
    """Print a progress line with the minutes and seconds since the benchmark started."""
    minutes, seconds = divmod(int(time.monotonic() - STARTED), 60)
    print(f"[{minutes:2d}:{seconds:02d}] {message}", file=sys.stderr, flush=True)
