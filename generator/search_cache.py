"""The search index's entries of unchanged pages, kept from one build to the next.

Material's search plugin turns every built page into index entries: it parses the page's
HTML into sections and splits their Chinese into words with jieba. At 300 modules that is
two fifths of what MkDocs does, and loading jieba's dictionary alone takes 0.4 s on every
build, though a trainer's build usually changes a page or two. :class:`SearchEntryCache`
keeps each page's entries in ``build/cache/search-entries.json``, keyed by a digest of
everything Material makes them from (the page's HTML, address, title and table of
contents, and its front matter ``tags`` and ``search``) and stamped with the versions
of Python and of the packages installed (Material and jieba among them), the course's
search terms and the dictionaries the search plugin's ``jieba_dict`` and
``jieba_dict_user`` name (:mod:`generator.digest_store`). A page whose digest is there
gets its entries back without being parsed or split; the search terms go into jieba's
dictionary only when a page must be split.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink

from generator.digest_store import DigestStore, stamp_of
from generator.project import Project
from generator.search_dictionary import SEARCH_PLUGIN
from generator.search_terms import add_search_terms, read_search_terms
from generator.settings_search import DICTIONARIES

CACHE_FILE = "search-entries.json"


class SearchEntryCache(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
    """Gives Material's search index the cached entries of pages that have not changed."""

    def __init__(self, project: Project) -> None:
        super().__init__()
        self.project = project
        self.store: DigestStore | None = None
        """Made once the search plugin's settings are known."""
        self.terms_registered = False

    @event_priority(-100)  # after Material's search plugin has made its index
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        search = config.plugins.get(SEARCH_PLUGIN)
        index = getattr(search, "search_index", None)
        if search is not None and index is not None:
            stamp = stamp_of(self._splitting(search.config))
            self.store = DigestStore(self.project.cache_dir / CACHE_FILE, stamp)
            index.add_entry_from_context = self._cached(
                self.store, index, index.add_entry_from_context
            )
        return config

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.store is not None:
            self.store.save()

    def _splitting(self, search: Any) -> bytes:
        """What jieba splits the text with: the course's search terms and the dictionaries
        ``search``, the plugin's settings, name (from the project's folder, as the build has
        handed them to the plugin: :mod:`generator.search_dictionary`)."""
        terms = json.dumps(read_search_terms(self.project), ensure_ascii=False).encode()
        named = [os.path.normpath(path) for name in DICTIONARIES if (path := search[name])]
        read = [Path(path).read_bytes() for path in named if os.path.isfile(path)]
        return b"\0".join([terms, *(path.encode() for path in named), *read])

    def _cached(
        self, store: DigestStore, index: Any, add_entries: Callable[[Page], None]
    ) -> Callable[[Page], None]:
        """``add_entries`` (Material's, which adds to ``index``), skipped for a page whose
        entries ``store`` keeps."""

        def add_entries_of(page: Page) -> None:
            key = _page_digest(page)
            entries = store.get(key)
            if isinstance(entries, list):
                index.entries.extend(entries)
                return
            self._register_terms()
            first = len(index.entries)
            add_entries(page)
            store.put(key, index.entries[first:])

        return add_entries_of

    def _register_terms(self) -> None:
        """Add the course's terms to jieba's dictionary (loading it) before a page is split."""
        if not self.terms_registered:
            add_search_terms(read_search_terms(self.project))
            self.terms_registered = True


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
