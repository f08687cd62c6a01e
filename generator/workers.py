"""Worker processes forked from this one, for the checks of a large course.

A first check of 300 modules has some 12 s of work for a machine's cores: the pages'
conversion and own checks (:mod:`generator.page_scan`, :mod:`generator.course_scan`) and
the lint of each file (:mod:`generator.lint`, :mod:`generator.problem_cache`) run in
workers, one per core, while this process reads the quizzes or finds what compares files.
The workers are forked: they start at once, with what this process has imported and
holds, so that their work can be a closure over the course as it is read, and only its
results are pickled.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Generic, TypeVar

MAX_WORKERS = 8
MIN_TASKS = 100
"""Tasks (files of a few milliseconds each) before it pays to fork workers for them."""
TASKS_PER_CHUNK = 8
Result = TypeVar("Result")


def worker_count() -> int:
    """Workers to fork: one per core, where this process may fork (:func:`can_fork`)."""
    return min(os.cpu_count() or 1, MAX_WORKERS) if can_fork() else 1


def can_fork() -> bool:
    """Workers are forked: they never re-run the program that called us (as spawned workers
    do when its main module has no ``if __name__ == "__main__"`` guard). That is safe on
    Linux in a process with one thread, Python's or another library's (``check`` and
    ``build``); anywhere else (the live preview, macOS, Windows) the work is done in this
    process."""
    return sys.platform == "linux" and _os_threads() == 1


def _os_threads() -> int:
    """The threads of this process, Python's and those it did not start (a library's own,
    such as the Go runtime's that loading ``minify`` starts): ``threading`` sees only
    Python's, and Python 3.12+ warns of a fork from a process with any."""
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return threading.active_count()


class Forked(Generic[Result]):
    """``run`` on each index below ``count``, in workers forked now, one per core: ``run``
    is a closure over what this process holds, which the workers inherit, so that only the
    results are pickled. The work starts at once, and this process goes on meanwhile;
    :meth:`results` collects it. Nothing is forked where it does not pay or cannot be done
    (fewer than ``at_least`` indexes, :data:`MIN_TASKS` if not given; one core; a process
    that may not fork): the caller then does the work itself. Use it in a ``with`` block,
    which ends the workers however the block ends."""

    def __init__(
        self,
        count: int,
        run: Callable[[int], Result],
        at_least: int | None = None,
        per_task: int = TASKS_PER_CHUNK,
    ) -> None:
        self.pool: ProcessPoolExecutor | None = None
        self.running: Iterator[Result] | None = None
        if count >= (MIN_TASKS if at_least is None else at_least) and worker_count() > 1:
            try:
                self.pool = ProcessPoolExecutor(
                    worker_count(),
                    mp_context=multiprocessing.get_context("fork"),
                    initializer=_take_run,
                    initargs=(run,),  # forked: handed over as it is, not pickled
                )
                self.running = self.pool.map(_run, range(count), chunksize=per_task)
            except OSError:
                self.stop()  # no workers after all

    def __enter__(self) -> Forked[Result]:
        return self

    def __exit__(self, *exception: object) -> None:
        self.stop()

    def results(self) -> list[Result] | None:
        """What ``run`` gave for each index, in order; None when no workers ran or they
        died. What ``run`` raised in a worker is raised here, as it would have been in
        this process."""
        if self.running is None:
            return None
        try:
            return list(self.running)
        except BrokenProcessPool:
            return None
        finally:
            self.stop()

    def stop(self) -> None:
        """End the workers, dropping the work not yet started."""
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)
        self.pool, self.running = None, None


_runs: list[Callable[[int], Any]] = []
"""A worker's ``run`` (see :class:`Forked`)."""


def _take_run(run: Callable[[int], Any]) -> None:
    _runs.append(run)


def _run(index: int) -> Any:
    return _runs[0](index)
