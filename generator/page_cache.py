"""What scanning a page gave last time, so an unchanged page is not converted again.

Checking a course converts every page body to HTML, as MkDocs will, to find its heading
anchors and the files it uses: most of the time ``check`` takes on a large course. The
results are kept in ``build/cache/page-scan.json``, keyed by a digest of the page body,
the site's settings file and the versions of the Markdown packages, so a check, a build
or a preview converts only the pages whose text changed since the last one. Deleting the
file is always safe.
"""

from __future__ import annotations

import hashlib
import json
from importlib.metadata import version
from pathlib import Path

from generator.page_scan import PageScan
from generator.project import Project
from generator.write import write_output

CACHE_FILE = "page-scan.json"


class PageScanCache:
    def __init__(self, project: Project) -> None:
        self.path = project.cache_dir / CACHE_FILE
        self.settings = _settings_digest(project.config_file)
        self.entries: dict[str, PageScan] = _read(self.path)
        self.used: dict[str, PageScan] = {}

    def get(self, body: str) -> PageScan | None:
        key = self._key(body)
        found = self.entries.get(key)
        if found is not None:
            self.used[key] = found
        return found

    def put(self, body: str, scan: PageScan) -> None:
        self.used[self._key(body)] = scan

    def save(self) -> None:
        """Keep the entries of this course's pages (and no others), if they changed."""
        if self.used.keys() == self.entries.keys():
            return
        entries = {
            key: [anchors, sorted(references)] for key, (anchors, references) in self.used.items()
        }
        text = json.dumps(entries, ensure_ascii=False, sort_keys=True)
        write_output(self.path, lambda partial: partial.write_text(text, encoding="utf-8"))

    def _key(self, body: str) -> str:
        return hashlib.sha256(f"{self.settings}\0{body}".encode()).hexdigest()


def _settings_digest(config_file: Path) -> str:
    settings = config_file.read_bytes() if config_file.is_file() else b""
    versions = ",".join(version(package) for package in ("markdown", "pymdown-extensions"))
    return hashlib.sha256(settings + versions.encode()).hexdigest()


def _read(path: Path) -> dict[str, PageScan]:
    """The cached entries; nothing when the file is missing, unreadable or not ours."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return {key: (dict(anchors), set(references)) for key, (anchors, references) in raw.items()}
    except (OSError, ValueError, TypeError, AttributeError):
        return {}
