"""Time commands as a trainer runs them: each one a new process, timed from start to exit.

``check`` and ``build`` are each timed twice: as a trainer runs them again and again (with
what the run before left in ``build/cache/``: page headings, search index entries) and
cold, the cache deleted first. Comparisons are interleaved (check, cold check, cold build,
build, plain, check, ...) so that a busy moment on a shared machine falls on all of them
alike; each process's peak memory
(its maximum resident set size) and its processor time (user and system) come from the
kernel's account of that child. On a shared machine the processor time moves much less
than the wall-clock time when other work competes for the cores.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks.stats import Timing, say
from generator.project import Project

PYTHON = sys.executable
SUMMARY = re.compile(r"([\d,]+) modules?, ([\d,]+) questions?")
"""What ``generator check`` and ``build`` print on success; a count may hold thousands
separators (``2,250 questions``) and be singular (``1 module``)."""


class CommandFailed(RuntimeError):
    """A timed command exited with an error; the message holds its output."""


@dataclass(frozen=True)
class Command:
    name: str
    argv: tuple[str, ...]
    cwd: Path


@dataclass(frozen=True)
class Run:
    seconds: float
    cpu_seconds: float
    peak_mb: float
    output: str


@dataclass(frozen=True)
class Measured:
    """One command's interleaved runs: wall-clock and processor times, highest peak memory."""

    time: Timing
    cpu: Timing
    peak_mb: float


@dataclass(frozen=True)
class CourseTimings:
    """``generator check``, ``generator build`` and plain ``mkdocs build`` of one course."""

    modules: int
    questions: int
    check: Measured
    """With the cache the build before it left (as a trainer checks again and again)."""
    cold_check: Measured
    build: Measured
    """With the cache the cold build before it left (as a trainer builds again and again)."""
    cold_build: Measured
    plain: Measured
    build_over_plain: float
    build_over_plain_cpu: float
    cold_build_over_plain: float


def generator(root: Path, *arguments: str) -> Command:
    """``python -m generator ARGUMENTS`` on the project at ``root``."""
    return Command(
        f"generator {arguments[0]}",
        (PYTHON, "-m", "generator", "--root", str(root), *arguments),
        root,
    )


def cold(root: Path, command: str) -> Command:
    """``generator COMMAND`` with no cache: as the first run after a clone or a clean."""
    cache = shlex.quote(str(Project(root).cache_dir))
    argv = shlex.join(generator(root, command).argv)
    shell = ("sh", "-c", f"rm -rf {cache} && exec {argv}")
    return Command(f"generator {command}, cold", shell, root)


def plain_mkdocs_build(root: Path) -> Command:
    """Plain ``mkdocs build`` of the docs folder the generator wrote (into its own folder)."""
    argv = (PYTHON, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(root / "plain-site"))
    return Command("plain mkdocs build", argv, root)


def run(command: Command) -> Run:
    """Run ``command`` to its end; raise CommandFailed when it fails."""
    with tempfile.TemporaryFile() as output:
        started = time.perf_counter()
        process = subprocess.Popen(command.argv, cwd=command.cwd, stdout=output, stderr=output)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        output.seek(0)
        text = output.read().decode("utf-8", "replace")
    if process.returncode != 0:
        raise CommandFailed(f"{' '.join(command.argv)} failed in {command.cwd}:\n{text}")
    cpu = usage.ru_utime + usage.ru_stime
    return Run(seconds, cpu, usage.ru_maxrss * 1024 / 1e6, text)  # ru_maxrss is in KiB


def interleave(commands: Sequence[Command], rounds: int) -> dict[str, list[Run]]:
    """Run the commands in turn, ``rounds`` times; every run of each, by command name."""
    runs: dict[str, list[Run]] = {command.name: [] for command in commands}
    for number in range(1, rounds + 1):
        for command in commands:
            result = run(command)
            runs[command.name].append(result)
            say(
                f"  round {number}/{rounds}: {command.name} {result.seconds:.2f} s "
                f"(CPU {result.cpu_seconds:.2f} s)"
            )
    return runs


def measured(runs: list[Run]) -> Measured:
    return Measured(
        Timing.of([one.seconds for one in runs]),
        Timing.of([one.cpu_seconds for one in runs]),
        max(one.peak_mb for one in runs),
    )


def summary_counts(output: str) -> tuple[int, int]:
    """The numbers of modules and questions the build's ``OK:`` line in ``output`` names."""
    found = SUMMARY.search(output)
    if found is None:
        raise CommandFailed(f"generator build printed no summary:\n{output}")
    return int(found.group(1).replace(",", "")), int(found.group(2).replace(",", ""))


def time_course(root: Path, rounds: int, warm_up: bool) -> CourseTimings:
    """Check, build and plain-build the course at ``root``, interleaved, ``rounds`` times.

    The docs folder plain MkDocs reads is the one the generator's build wrote; an untimed
    build first (``warm_up``) also warms the disk cache and Python's bytecode cache for all
    three alike.
    """
    if warm_up:
        run(generator(root, "build"))
    check, cold_check, cold_build, build, plain = (
        generator(root, "check"),
        cold(root, "check"),
        cold(root, "build"),
        generator(root, "build"),
        plain_mkdocs_build(root),
    )
    runs = interleave([check, cold_check, cold_build, build, plain], rounds)
    modules, questions = summary_counts(runs[build.name][0].output)
    timings = {name: measured(done) for name, done in runs.items()}
    return CourseTimings(
        modules=modules,
        questions=questions,
        check=timings[check.name],
        cold_check=timings[cold_check.name],
        build=timings[build.name],
        cold_build=timings[cold_build.name],
        plain=timings[plain.name],
        build_over_plain=timings[build.name].time.median / timings[plain.name].time.median,
        build_over_plain_cpu=timings[build.name].cpu.median / timings[plain.name].cpu.median,
        cold_build_over_plain=timings[cold_build.name].time.median
        / timings[plain.name].time.median,
    )
