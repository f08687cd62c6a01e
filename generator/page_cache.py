"""What scanning a page gave last time, so an unchanged page is not converted again.

Checking a course converts every page body to HTML, as MkDocs will, to find its heading
anchors and the files it uses: most of the time ``check`` takes on a large course. The
results are kept in ``build/cache/page-scan.json`` (:mod:`generator.digest_store`), keyed
by a digest of the page body and stamped with the site's settings (the file and the
environment variables it reads), the versions of Python and of the packages installed,
and the code of the scanner and of this module (a new release of
the generator may find more, or keep it otherwise), so a check, a build or a preview
converts only the pages whose text changed since the last one. A page that reads other
files in (a snippet) is not kept: they may change while its text does not.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from generator import page_scan
from generator.digest_store import DigestStore, settings_read, stamp_of
from generator.page_scan import PageScan
from generator.project import Project

CACHE_FILE = "page-scan.json"
CODE = (Path(page_scan.__file__), Path(__file__))
"""The code that finds what a scan holds, and this module, which keeps it by position: when
either changes, the scans kept are stale."""


class PageScanCache:
    def __init__(self, project: Project) -> None:
        self.store = DigestStore(project.cache_dir / CACHE_FILE, _stamp(project.config_file))

    def get(self, body: str) -> PageScan | None:
        """The scan of a page with this body, or None (also for a value of the wrong shape)."""
        found = self.store.get(_key(body))
        try:
            return None if found is None else _scan_from_json(found)
        except (TypeError, ValueError, IndexError, KeyError):
            return None

    def put(self, body: str, scan: PageScan) -> None:
        links = [list(link) for link in scan.links]
        value = [
            scan.headings,
            sorted(scan.references),
            links,
            scan.ids,
            sorted(scan.admonitions),
            scan.has_table,
            scan.chinese_characters,
            scan.too_deep,
            scan.unused_footnotes,
            scan.undefined_footnotes,
            scan.pictures,
            scan.unknown_tags,
        ]
        self.store.put(_key(body), value)

    def save(self) -> None:
        self.store.save()


def _scan_from_json(found: Any) -> PageScan:
    """The scan that :meth:`PageScanCache.put` saved (raises on any other shape)."""
    headings, references, links, ids, admonitions, has_table, characters, too_deep = found[:8]
    unused, undefined, pictures, unknown_tags = found[8:]
    return PageScan(
        {str(key): str(value) for key, value in dict(headings).items()},
        {str(reference) for reference in references},
        [(str(address), bool(raw)) for address, raw in links],
        [str(name) for name in ids],
        {str(kind) for kind in admonitions},
        bool(has_table),
        int(characters),
        bool(too_deep),
        [str(name) for name in unused],
        [str(name) for name in undefined],
        pictures=[str(address) for address in pictures],
        unknown_tags=[str(name) for name in unknown_tags],
    )


def _key(body: str) -> str:
    return hashlib.sha256(body.encode()).hexdigest()


def _stamp(config_file: Path) -> str:
    return stamp_of(settings_read(config_file), *(code.read_bytes() for code in CODE))
