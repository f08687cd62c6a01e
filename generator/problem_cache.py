"""The problems of one file that no other file bears on, kept between runs, so that a check
reads again only the files whose text changed.

Most of the time ``check`` takes on a large course goes to rules that read one file at a
time: a page's own checks (:mod:`generator.page_checks`) and the lint of one quiz file's
lists and texts (:mod:`generator.lint`). Their findings are kept in
``build/cache/problems.json`` (:mod:`generator.digest_store`), keyed by a digest of all
that the rules read (the file's path and text and, for a page, the files it may name), and
stamped with the site's settings (the file and the environment variables it reads), the
versions of Python and of the packages installed, and the code of the whole generator: a
rule added or changed in a new release reads every file again. The rules that compare files
(an id used twice, a link to another page) run on every check.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Sequence
from functools import cache, partial
from pathlib import Path
from typing import Any

from generator.digest_store import DigestStore, settings_read, stamp_of
from generator.errors import Problem, Severity
from generator.project import Project
from generator.workers import Forked

CACHE_FILE = "problems.json"
PACKAGE = Path(__file__).parent
Finder = Callable[[], Iterable[Problem]]
"""Finds the problems of one file."""


class ProblemCache:
    def __init__(self, project: Project | None) -> None:
        """``None``: keep nothing, for a course changed in memory rather than on disk."""
        self.store = (
            None
            if project is None
            else DigestStore(project.cache_dir / CACHE_FILE, _stamp(project))
        )

    def problems(self, read: Iterable[str], find: Finder) -> list[Problem]:
        """What ``find`` finds, kept under everything it ``read``: found again only when
        nothing is kept for it (or what is kept has the wrong shape)."""
        return self._problems_at(_key(read), find)

    def finding(self, reads: Sequence[Iterable[str]], finds: Sequence[Finder]) -> Finding:
        """The problems of many files, one for each of ``reads`` and its ``finds``, as
        :meth:`problems` gives them; those not kept are found in worker processes started
        now, when there are many (the lint of a first check of a large course)."""
        return Finding(self, reads, finds)

    def _kept(self, key: str) -> Any | None:
        return None if self.store is None else self.store.get(key)

    def _problems_at(self, key: str, find: Finder) -> list[Problem]:
        if self.store is None:
            return list(find())
        kept = self.store.get(key)
        if kept is not None:
            try:
                return [_problem_from_json(value) for value in kept]
            except (TypeError, ValueError):
                pass
        found = list(find())
        self.store.put(key, [_problem_to_json(problem) for problem in found])
        return found

    def save(self) -> None:
        if self.store is not None:
            self.store.save()


UNKEPT = ProblemCache(None)


class Finding:
    """Problems being found in workers (:meth:`ProblemCache.finding`), while this process
    goes on; :meth:`problems` collects them. Use it in a ``with`` block, which ends the
    workers however the block ends."""

    def __init__(
        self, kept: ProblemCache, reads: Sequence[Iterable[str]], finds: Sequence[Finder]
    ) -> None:
        self.kept = kept
        self.keys = [_key(read) for read in reads]
        self.finds = list(finds)
        self.unkept = [index for index, key in enumerate(self.keys) if kept._kept(key) is None]
        unkept_finds = [self.finds[index] for index in self.unkept]
        self.forked = Forked(len(unkept_finds), lambda index: list(unkept_finds[index]()))

    def __enter__(self) -> Finding:
        return self

    def __exit__(self, *exception: object) -> None:
        self.forked.stop()

    def problems(self) -> list[list[Problem]]:
        """Each file's problems, in order: kept, found by a worker or found now."""
        found = self.forked.results()
        if found is not None:  # taken below as found here, and kept
            for index, problems in zip(self.unkept, found, strict=True):
                self.finds[index] = partial(list, problems)
        return [
            self.kept._problems_at(key, find)
            for key, find in zip(self.keys, self.finds, strict=True)
        ]


def _key(read: Iterable[str]) -> str:
    return hashlib.sha256(json.dumps(list(read)).encode()).hexdigest()


def _stamp(project: Project) -> str:
    return stamp_of(code_digest(), settings_read(project.config_file))


@cache
def code_digest() -> bytes:
    """A digest of every file of the generator package, read once per process."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return digest.digest()


def _problem_to_json(problem: Problem) -> list[Any]:
    return [
        problem.path.as_posix(),
        problem.line,
        problem.column,
        problem.message,
        problem.fix,
        problem.code,
        problem.severity.value,
    ]


def _problem_from_json(value: Any) -> Problem:
    """The problem :func:`_problem_to_json` saved (raises ValueError on any other shape)."""
    path, line, column, message, fix, code, severity = value
    texts = (path, message, fix, code)
    if not all(type(text) is str for text in texts) or not all(
        type(number) is int for number in (line, column)
    ):
        raise ValueError(f"no problem this cache saved: {value!r}")
    return Problem(Path(path), line, column, message, fix, code, Severity(severity))
