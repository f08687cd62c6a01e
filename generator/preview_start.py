"""Starting the preview: until it has a site to serve, each save tries again, and a page
at its address says why.

A course broken when the preview starts, with no earlier build to show, or a broken
``mkdocs.yml`` left the browser with nothing to connect to, and the reason only in the
terminal. Until the preview starts, every address answers with the problems the terminal
listed, and the page asks again every :data:`ASK_AGAIN_SECONDS`, so that it turns into the
course once the save that fixes them is served.
"""

from __future__ import annotations

import html
import socket
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Protocol

from mkdocs.config.defaults import MkDocsConfig

from generator.errors import CourseError, Problem
from generator.listen_address import ListenAddress
from generator.load import load_course
from generator.preview_terminal import report_new
from generator.project import Project
from generator.source_watch import POLL_SECONDS, source_state

NOT_STARTED = (
    "Not started yet: fix the problems above and save; the preview starts once they are fixed "
    "(Ctrl+C stops)."
)
ASK_AGAIN_SECONDS = 2
PAGE = """<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<noscript><meta http-equiv="refresh" content="{seconds}"></noscript>
<title>预览还没有开始</title>
<script>
/* Reloaded only once the address answers with the course: a reload that met the moment the
   port changes hands would leave the browser's own error page, which asks again no more.
   Until then the list follows each save, taken from the page the address answers with. */
setInterval(function () {{
  fetch(location.href, {{ cache: "no-store" }}).then(function (answer) {{
    if (answer.ok) {{ location.reload(); return; }}
    return answer.text().then(function (text) {{
      var listed = new DOMParser().parseFromString(text, "text/html").querySelector("ol");
      var shown = document.querySelector("ol");
      if (listed && listed.textContent !== shown.textContent) {{
        shown.replaceWith(document.adoptNode(listed));
      }}
    }});
  }}).catch(function () {{ /* between the two servers: ask again */ }});
}}, {seconds}000);
</script>
<style>
body {{ margin: 2rem auto; max-width: 50rem; padding: 0 1rem; font: 16px/1.6 sans-serif; }}
code {{ white-space: pre-wrap; overflow-wrap: anywhere; }}
@media (prefers-color-scheme: dark) {{ body {{ background: #1e2129; color: #e8e8e8; }} }}
</style>
</head>
<body>
<h1>预览还没有开始</h1>
<p>课程有问题，预览要等它们改好才能开始。改好后保存，这一页会自动变成课程。</p>
<ol>
{problems}
</ol>
</body>
</html>
"""


class Waiting:
    """The problems the waiting page lists: those the terminal printed last."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def show(self, lines: Sequence[str]) -> None:
        self.lines = list(lines)

    def page(self) -> bytes:
        items = "\n".join(f"<li><code>{html.escape(line)}</code></li>" for line in self.lines)
        return PAGE.format(seconds=ASK_AGAIN_SECONDS, problems=items).encode()


class _Answer(BaseHTTPRequestHandler):
    """Every address: the waiting page, as 503 (the site is not there yet)."""

    def __init__(self, waiting: Waiting, *arguments: object) -> None:
        self.waiting = waiting
        super().__init__(*arguments)  # type: ignore[arg-type]

    def do_GET(self) -> None:
        body = self.waiting.page()
        self.send_response(503)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_arguments: object) -> None:
        """Quiet: the terminal lists the problems already."""


class _Server(ThreadingHTTPServer):
    daemon_threads = True


class _ServerOnIPv6(_Server):
    address_family = socket.AF_INET6


@contextmanager
def waiting_page(address: ListenAddress) -> Iterator[Waiting]:
    """The waiting page served at ``address`` until the block ends, which frees the port
    for the preview's own server."""
    waiting = Waiting()
    server_class = _ServerOnIPv6 if ":" in address.host else _Server
    server = server_class((address.host, address.port), partial(_Answer, waiting))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield waiting
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


class Starting(Protocol):
    """The preview as it starts (:class:`generator.serve.Preview`)."""

    project: Project
    shown: list[str]
    """The problems the terminal listed last."""

    def config(self) -> MkDocsConfig: ...

    def start(self) -> bool: ...


def started(preview: Starting, waiting: Waiting) -> MkDocsConfig:
    """The preview's settings, once it has a site to serve: with a broken ``mkdocs.yml``, or
    a course broken at start-up and never built, each save tries again (as the trainer
    fixes it, in the same terminal, the browser ``waiting``) until Ctrl+C."""
    while True:
        before = source_state(preview.project)
        try:
            config = preview.config()
        except CourseError as error:  # a broken mkdocs.yml: the server cannot start without it
            problems = [*_file_problems(preview.project), *error.problems]
            preview.shown = report_new(problems, NOT_STARTED, preview.shown)
        else:
            if preview.start():
                return config
        waiting.show(preview.shown)
        while source_state(preview.project) == before:
            time.sleep(POLL_SECONDS)


def _file_problems(project: Project) -> list[Problem]:
    """The problems of reading the course's files, which ``check`` lists before those of
    ``mkdocs.yml``: the trainer fixes both in one round."""
    try:
        load_course(project)
    except CourseError as error:
        return list(error.problems)
    return []
