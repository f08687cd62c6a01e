"""A static web server for the built site that compresses as a web server does.

Text files (HTML, CSS, JavaScript, JSON, SVG, XML) are sent gzipped, each on its own,
when the browser accepts it; pictures and fonts are sent as they are. Every response's
size on the wire is logged, so a page's weight is what the browser really fetched.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

GZIP_LEVEL = 6
"""The default of Apache's mod_deflate and of gzip itself."""
COMPRESSED_TYPES = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map")


@dataclass
class ServedLog:
    """Path -> bytes sent, in the order of the requests."""

    sent: list[tuple[str, int]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, path: str, size: int) -> None:
        with self.lock:
            self.sent.append((path, size))

    def since(self, start: int) -> list[tuple[str, int]]:
        with self.lock:
            return list(self.sent[start:])


class _Handler(http.server.SimpleHTTPRequestHandler):
    log: ServedLog
    compressed: dict[Path, bytes]
    """Each text file gzipped once while the site is served, like a server's cache of
    precompressed files: the site does not change while it is served."""

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            self.send_error(404)
            return
        zipped = path.suffix in COMPRESSED_TYPES and "gzip" in self.headers.get(
            "Accept-Encoding", ""
        )
        body = self.gzipped(path) if zipped else path.read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        if zipped:
            self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            return  # the browser went on before the file arrived (a page left): not served
        self.log.add(unquote(urlsplit(self.path).path), len(body))

    def gzipped(self, path: Path) -> bytes:
        if path not in self.compressed:
            data = path.read_bytes()
            self.compressed[path] = gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0)
        return self.compressed[path]

    def log_message(self, format: str, *args: object) -> None:
        """Keep the benchmark's output for its own progress lines."""


@contextmanager
def serving(site: Path) -> Iterator[tuple[str, ServedLog]]:
    """Serve ``site`` on a free port of 127.0.0.1; yield its address and its log."""
    log = ServedLog()
    handler = type("Handler", (_Handler,), {"log": log, "compressed": {}})
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(site))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", log
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
