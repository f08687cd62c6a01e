"""Scanning a page body as MkDocs will convert it: its heading anchors and the files it uses.

Kept apart from the settings (:mod:`generator.markdown_config`): on a first check of a
large course the pages are converted in worker processes (:func:`scan_pages`).
"""

from __future__ import annotations

import html
import multiprocessing
import os
import sys
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from html.parser import HTMLParser
from typing import Any

import markdown

PageScan = tuple[dict[str, str], set[str]]
"""A page's heading anchors (id -> text) and the addresses its HTML refers to."""
REFERENCE_ATTRIBUTES = {"src", "href", "poster", "data"}
PARALLEL_FROM = 40
"""Pages to convert before it pays to start worker processes."""
MAX_WORKERS = 8
PAGES_PER_TASK = 4


def scan_pages(
    extensions: list[Any], settings: dict[str, Any], bodies: list[str]
) -> list[PageScan]:
    """Scan ``bodies`` with the site's Markdown extensions; many of them in worker processes."""
    workers = min(os.cpu_count() or 1, MAX_WORKERS)
    if len(bodies) >= PARALLEL_FROM and workers > 1 and _can_fork():
        try:
            with ProcessPoolExecutor(
                workers,
                mp_context=multiprocessing.get_context("fork"),
                initializer=_start_worker,
                initargs=(extensions, settings),
            ) as pool:
                return list(pool.map(_scan_in_worker, bodies, chunksize=PAGES_PER_TASK))
        except (BrokenProcessPool, OSError):
            pass  # no workers after all: scan here
    converter = new_converter(extensions, settings)
    return [scan_page(body, converter) for body in bodies]


def _can_fork() -> bool:
    """Workers are forked: they start at once, with what this process has imported, and
    never re-run the program that called us (as spawned workers do when its main module
    has no ``if __name__ == "__main__"`` guard). That is safe on Linux in a process with one
    thread (``check`` and ``build``); anywhere else (the live preview, macOS, Windows) the
    pages are scanned in this process."""
    return sys.platform == "linux" and threading.active_count() == 1


_worker_converter: list[markdown.Markdown] = []
"""A worker process's one Markdown instance (see :func:`_start_worker`)."""


def _start_worker(extensions: list[Any], settings: dict[str, Any]) -> None:
    _worker_converter.append(new_converter(extensions, settings))


def _scan_in_worker(body: str) -> PageScan:
    return scan_page(body, _worker_converter[0])


def new_converter(extensions: list[Any], settings: dict[str, Any]) -> markdown.Markdown:
    """One Markdown instance with the site's extensions, reset before each page."""
    return markdown.Markdown(extensions=extensions, extension_configs=settings)


def scan_page(body: str, converter: markdown.Markdown) -> PageScan:
    """Map every heading anchor MkDocs will give the headings of ``body`` to its text;
    and list the addresses the resulting HTML refers to. ``converter`` is reset first, so
    one instance with the site's extensions serves every page."""
    converter.reset()
    collector = _ReferenceCollector()
    collector.feed(converter.convert(body))
    collector.close()
    found: dict[str, str] = {}
    pending: list[Any] = list(getattr(converter, "toc_tokens", []))
    while pending:
        token = pending.pop()
        found[token["id"]] = html.unescape(token["name"])
        pending.extend(token["children"])
    return found, collector.references


class _ReferenceCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.references: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value and name in REFERENCE_ATTRIBUTES:
                self.references.add(value)
            elif value and name == "srcset":
                self.references.update(part.split()[0] for part in value.split(",") if part.strip())
