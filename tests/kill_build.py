"""Run ``python -m generator build`` and kill it (SIGKILL) at a chosen point.

``python -m tests.kill_build POINT ROOT [interrupt]``: used by tests/test_site_swap.py.
Each point wraps one function the build calls, so the kill lands at the same place on
every run. With ``interrupt`` the build gets SIGINT (Ctrl+C) there instead.
"""

from __future__ import annotations

import os
import pathlib
import runpy
import shutil
import signal
import sys
from collections.abc import Callable
from typing import Any

import mkdocs.utils

from generator import publish
from generator.project import OLD_SITE

stop_signal = signal.SIGKILL
"""What ``die`` sends."""


def die() -> None:
    os.kill(os.getpid(), stop_signal)


Wrapper = Callable[[Callable[..., Any]], Callable[..., Any]]
"""Makes the stand-in of a function from the function."""


def wrap(owner: Any, name: str, wrapper: Wrapper) -> None:
    setattr(owner, name, wrapper(getattr(owner, name)))


def kill_on_call(owner: Any, name: str, number: int, after: bool = False) -> None:
    """Kill the process at the ``number``-th call of ``owner.name`` (before it, or after)."""
    calls = 0

    def killing(original: Callable[..., Any]) -> Callable[..., Any]:
        def stand_in(*arguments: Any, **keywords: Any) -> Any:
            nonlocal calls
            calls += 1
            if calls == number and not after:
                die()
            result = original(*arguments, **keywords)
            if calls == number:
                die()
            return result

        return stand_in

    wrap(owner, name, killing)


def kill_between_renames() -> None:
    """Force the two-rename swap and kill right after the old site was moved aside."""

    def killing(original: Callable[..., Any]) -> Callable[..., Any]:
        def replace(source: Any, target: Any, **keywords: Any) -> None:
            original(source, target, **keywords)
            if pathlib.Path(target).name == OLD_SITE:
                die()

        return replace

    publish._exchange = lambda first, second: False
    wrap(os, "replace", killing)


def kill_removing_scratch() -> None:
    """Kill as the scratch folder, already renamed, starts to be deleted."""

    def killing(original: Callable[..., Any]) -> Callable[..., Any]:
        def rmtree(path: Any, *arguments: Any, **keywords: Any) -> None:
            if str(path).endswith(publish.DISCARDED):
                die()
            original(path, *arguments, **keywords)

        return rmtree

    wrap(shutil, "rmtree", killing)


POINTS: dict[str, Callable[[], None]] = {
    "writing-docs": lambda: kill_on_call(pathlib.Path, "write_bytes", 3),
    "mkdocs-writing-pages": lambda: kill_on_call(mkdocs.utils, "write_file", 2),
    "after-exchange": lambda: kill_on_call(publish, "_exchange", 1, after=True),
    "between-renames": kill_between_renames,
    "removing-scratch": kill_removing_scratch,
}


if __name__ == "__main__":
    point, root, *how = sys.argv[1:]
    if how == ["interrupt"]:
        stop_signal = signal.SIGINT
    POINTS[point]()
    sys.argv = ["generator", "--root", root, "build"]
    runpy.run_module("generator", run_name="__main__")
