"""The search index's entries of unchanged pages, kept from one build to the next.

Material's search plugin turns every built page into index entries: it parses the page's
HTML into sections and splits their Chinese into words with jieba. At 300 modules that is
two fifths of what MkDocs does, and loading jieba's dictionary alone takes 0.4 s on every
build, though a trainer's build usually changes a page or two. :class:`SearchEntryCache`
keeps each page's entries in ``build/cache/search-entries.json``, keyed by a digest of
everything Material makes them from (the page's HTML, address, title and table of
contents, and its front matter ``tags`` and ``search``), with the versions of Material
and jieba and the course's search terms. A page whose digest is there gets its entries
back without being parsed or split; the search terms go into jieba's dictionary only
when a page must be split. Deleting the file is always safe.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Sequence
from importlib.metadata import version
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink

from generator.project import Project
from generator.search_terms import read_search_terms, register_search_terms
from generator.write import write_output

CACHE_FILE = "search-entries.json"
SEARCH_PLUGIN = "material/search"

Entries = list[dict[str, Any]]


class SearchEntryCache(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
    """Gives Material's search index the cached entries of pages that have not changed."""

    def __init__(self, project: Project) -> None:
        super().__init__()
        self.project = project
        self.path = project.cache_dir / CACHE_FILE
        self.settings = _settings_digest(read_search_terms(project))
        self.entries: dict[str, Entries] = _read(self.path, self.settings)
        self.used: dict[str, Entries] = {}
        self.terms_registered = False

    @event_priority(-100)  # after Material's search plugin has made its index
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        index = getattr(config.plugins.get(SEARCH_PLUGIN), "search_index", None)
        if index is not None:
            index.add_entry_from_context = self._cached(index, index.add_entry_from_context)
        return config

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self.save()

    def save(self) -> None:
        """Keep the entries of this build's pages (and no others), if they changed."""
        if self.used.keys() == self.entries.keys():
            return
        text = json.dumps({"settings": self.settings, "pages": self.used}, ensure_ascii=False)
        write_output(self.path, lambda partial: partial.write_text(text, encoding="utf-8"))

    def _cached(self, index: Any, add_entries: Callable[[Page], None]) -> Callable[[Page], None]:
        """``add_entries`` (Material's), skipped for a page whose entries are cached."""

        def add_entries_of(page: Page) -> None:
            key = _page_digest(page)
            entries = self.entries.get(key)
            if entries is None:
                self._register_terms()
                first = len(index.entries)
                add_entries(page)
                entries = index.entries[first:]
            else:
                index.entries.extend(entries)
            self.used[key] = entries

        return add_entries_of

    def _register_terms(self) -> None:
        """Add the course's terms to jieba's dictionary (loading it) before a page is split."""
        if not self.terms_registered:
            register_search_terms(self.project)
            self.terms_registered = True


def _settings_digest(terms: Sequence[str]) -> str:
    versions = [version(package) for package in ("mkdocs-material", "jieba")]
    return hashlib.sha256(json.dumps([versions, list(terms)]).encode()).hexdigest()


def _page_digest(page: Page) -> str:
    """A digest of what Material's search plugin reads of ``page`` to make its entries."""
    meta = page.meta
    read = [
        page.url,
        page.content,
        str(meta.get("title", page.title)),
        meta.get("tags"),
        meta.get("search"),
        _toc(page.toc),
    ]
    text = json.dumps(read, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def _toc(items: Iterable[AnchorLink]) -> list[Any]:
    return [[item.id, item.url, _toc(item.children)] for item in items]


def _read(path: Path, settings: str) -> dict[str, Entries]:
    """The cached entries; nothing when the file is missing, unreadable, stale or not ours."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        pages = raw["pages"] if raw["settings"] == settings else {}
        if all(isinstance(entries, list) for entries in pages.values()):
            return dict(pages)
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        pass
    return {}
