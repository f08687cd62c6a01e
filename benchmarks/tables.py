"""Markdown tables and the units the benchmark reports in (KB = 1,000 bytes)."""

from __future__ import annotations

from collections.abc import Iterable

from benchmarks.stats import Timing

NOT_MEASURED = "—"


def table(header: Iterable[str], rows: Iterable[Iterable[object]]) -> str:
    heading = list(header)
    lines = ["| " + " | ".join(heading) + " |", "|" + " --- |" * len(heading)]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def seconds(timing: Timing) -> str:
    """Median (minimum) in seconds."""
    return f"{timing.median:.2f} s ({timing.minimum:.2f})"


def kb(size: float) -> str:
    return f"{size / 1000:.1f} KB"


def met(value: bool | None) -> str:
    return NOT_MEASURED if value is None else ("yes" if value else "**no**")
