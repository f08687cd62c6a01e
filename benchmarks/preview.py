"""Live preview: seconds from saving a quiz edit to the changed page being served.

Three servers run side by side on copies of one course, each on its own port:
``python -m generator serve`` (what a trainer runs; the target is for this one), and
plain ``mkdocs serve`` and ``mkdocs serve --dirty`` of the docs folder the generator
writes, as references for what MkDocs alone costs. Each edit appends a marker to a
question's prompt in the first module's quiz and times the generator's server until the
module page it serves holds the marker; the docs files that edit changed (generated
again into ``build/docs``, as a build writes them: the preview keeps its own) are then
written into the plain servers' docs folders, one server after the other (A B C, A B C).
"""

from __future__ import annotations

import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from benchmarks.commands import PYTHON
from benchmarks.stats import Timing, say
from generator import build
from generator.project import CONFIG_FILE, DOCS_FOLDER, Project
from generator.write import sync_docs

PROMPT = re.compile(r"^(\s+prompt: )([^\"'|>\s].*?)\s*$", re.MULTILINE)
"""A prompt written as a plain YAML scalar, so text can be appended to it."""
START_SECONDS = 600
EDIT_SECONDS = 300
POLL_SECONDS = 0.02
QUIET_SECONDS = 1.0


@dataclass(frozen=True)
class PreviewTimings:
    """Save-to-served seconds of the three servers over the same edits."""

    modules: int
    edits: int
    generator: Timing
    plain: Timing
    dirty: Timing


@dataclass(frozen=True)
class Server:
    name: str
    url: str
    docs: Path
    log: Path
    process: subprocess.Popen[bytes]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def running(name: str, argv: list[str], root: Path, page: str) -> Iterator[Server]:
    """Start a server on a free port, wait until it serves ``page``, stop it at the end as
    Ctrl+C does: ``mkdocs serve`` removes its temporary site only then, not on SIGTERM."""
    port = free_port()
    log = root / f"{name.replace(' ', '-')}.log"
    with log.open("w") as output:
        process = subprocess.Popen(
            [*argv, "--dev-addr", f"127.0.0.1:{port}"], cwd=root, stdout=output, stderr=output
        )
        try:
            server = Server(name, f"http://127.0.0.1:{port}/", root / DOCS_FOLDER, log, process)
            _wait_for(server, page, None, START_SECONDS)
            yield server
        finally:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _wait_for(server: Server, page: str, marker: str | None, seconds: float) -> None:
    """Poll ``page`` until it answers (and holds ``marker``, when given)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"{server.name} stopped:\n{server.log.read_text()}")
        body = _fetch(server.url + page)
        if body is not None and (marker is None or marker in body):
            return
        time.sleep(POLL_SECONDS)
    raise RuntimeError(
        f"{server.name}: {page} not served in {seconds} s:\n{server.log.read_text()}"
    )


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return bytes(response.read()).decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None  # not up yet, or between the folder being emptied and rebuilt


def _quiet(server: Server) -> None:
    """Wait until the server has logged nothing for a second (its rebuild is over)."""
    size = -1
    while size != server.log.stat().st_size:
        size = server.log.stat().st_size
        time.sleep(QUIET_SECONDS)


def measure_preview(root: Path, module: str, edits: int) -> PreviewTimings:
    """Time ``edits`` saves of ``module``'s quiz in the project at ``root`` on all three servers."""
    page = f"{module}.html"
    with ExitStack() as stack:
        ours = stack.enter_context(
            running(
                "generator serve",
                [PYTHON, "-m", "generator", "--root", str(root), "serve"],
                root,
                page,
            )
        )
        generate_docs(root)
        plain, dirty = (
            stack.enter_context(running(name, argv, _docs_copy(root, ours.docs, suffix), page))
            for name, argv, suffix in (
                ("mkdocs serve", [PYTHON, "-m", "mkdocs", "serve"], "plain"),
                ("mkdocs serve --dirty", [PYTHON, "-m", "mkdocs", "serve", "--dirty"], "dirty"),
            )
        )
        seconds = _edit_rounds(Project(root), module, (ours, plain, dirty), edits)
    return PreviewTimings(
        modules=len(list(Project(root).course_dir.glob("[0-9][0-9]-*.md"))),
        edits=edits,
        generator=Timing.of(seconds[ours.name]),
        plain=Timing.of(seconds[plain.name]),
        dirty=Timing.of(seconds[dirty.name]),
    )


def generate_docs(root: Path) -> None:
    """Write the docs folder of the course at ``root`` into ``build/docs``, as a build does."""
    project = Project(root)
    sync_docs(project.docs_dir, build.docs_contents(build.check(project)))


def _docs_copy(root: Path, docs: Path, suffix: str) -> Path:
    """A folder beside ``root`` with its mkdocs.yml and a copy of the generated ``docs``."""
    copy = root.parent / f"{root.name}-{suffix}"
    (copy / DOCS_FOLDER).parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(root / CONFIG_FILE, copy / CONFIG_FILE)
    shutil.copytree(docs, copy / DOCS_FOLDER, dirs_exist_ok=True)
    return copy


def _edit_rounds(
    project: Project, module: str, servers: tuple[Server, Server, Server], edits: int
) -> dict[str, list[float]]:
    ours, *references = servers
    quiz, page = project.quiz_file(module), f"{module}.html"
    original = quiz.read_text(encoding="utf-8")
    seconds: dict[str, list[float]] = {server.name: [] for server in servers}
    for server in servers:
        _quiet(server)
    try:
        for number in range(1, edits + 1):
            marker = f"benchedit{number}x"
            save = partial(quiz.write_text, with_marker(original, marker), encoding="utf-8")
            seconds[ours.name].append(_timed(ours, page, marker, save))
            generate_docs(project.root)
            for server in references:
                copy = partial(_copy, _changed(ours.docs, server.docs), ours.docs, server.docs)
                seconds[server.name].append(_timed(server, page, marker, copy))
            say("  edit " + ", ".join(f"{name} {done[-1]:.2f} s" for name, done in seconds.items()))
    finally:
        quiz.write_text(original, encoding="utf-8")
    return seconds


def with_marker(quiz: str, marker: str) -> str:
    """``quiz`` with `` marker`` appended to its first plain prompt."""
    edited, count = PROMPT.subn(rf"\g<1>\g<2> {marker}", quiz, count=1)
    if count != 1:
        raise RuntimeError("the quiz has no prompt written as a plain scalar to edit")
    return edited


def _timed(server: Server, page: str, marker: str, save: Callable[[], object]) -> float:
    started = time.perf_counter()
    save()
    _wait_for(server, page, marker, EDIT_SECONDS)
    seconds = time.perf_counter() - started
    _quiet(server)
    return seconds


def _changed(source: Path, target: Path) -> list[str]:
    """Files under ``source`` that ``target`` lacks or holds with other bytes."""
    return [
        path.relative_to(source).as_posix()
        for path in sorted(source.rglob("*"))
        if path.is_file()
        and (
            not (target / path.relative_to(source)).is_file()
            or (target / path.relative_to(source)).read_bytes() != path.read_bytes()
        )
    ]


def _copy(names: list[str], source: Path, target: Path) -> None:
    for name in names:
        (target / name).write_bytes((source / name).read_bytes())
