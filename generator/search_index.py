"""Search on demand: a page loads the search settings, the search worker the documents.

Material 9.8.1 fetches ``search/search_index.json`` when a page loads (on a 300-module
course 4 MB gzipped, parsed on the page before the learner ever searches) and hands it to
its search worker. After MkDocs has built the site, the generator leaves only the search
settings in that file and moves the whole index to ``search/mot-search-index.json``; the
course's worker (``assets/search/mot-search.js``, which MkDocs builds start through the
theme override in ``templates/theme-material/main.html``) loads it when the learner
opens search. Material's offline plugin inlines the index into ``search/search_index.js``
for pages opened from files; that file gets the settings only too, and the index goes
into ``search/mot-search-index.js``.

On a large course building the whole index takes the worker seconds on a phone (about
4 s at 300 modules), so from :data:`TITLES_FROM` entries on, the build also writes
``search/mot-search-titles.json``: every entry with its title alone. The worker answers
from the titles at once while a second worker builds the whole index, which then answers
every search (and the one on screen again). The settings name the titles file
(``config.mot_titles``); the offline package does without it.

Zensical has a search of its own (``search.json``) and none of this applies to it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from generator.search_breaks import joined_at_separators
from generator.write import DocsContents, update_docs

INDEX = "search/search_index.json"
"""What Material fetches on every page: after the split, the search settings only."""
OFFLINE_INDEX = "search/search_index.js"
"""The offline plugin's copy of the index as a script (``var __index = …``)."""
DOCUMENTS = "search/mot-search-index.json"
"""The whole index, as MkDocs wrote it, which the search worker loads on first search."""
OFFLINE_DOCUMENTS = "search/mot-search-index.js"
"""The same for pages opened from files: a script that sets ``__motSearchIndex``."""
TITLES = "search/mot-search-titles.json"
"""Every entry with its title alone: what the worker answers from while the index builds."""
TITLES_FROM = 1000
"""Entries from which the titles answer first: about 40 modules, where the whole index
takes a phone more than a second to build."""


def defer_search_index(site: Path) -> None:
    """Split the built site's search index so that pages load its settings alone."""
    if (site / INDEX).is_file():
        update_docs(site, split_index(site))


def split_index(site: Path) -> DocsContents:
    """The files that replace and join the index MkDocs wrote in ``site``."""
    index = json.loads((site / INDEX).read_text(encoding="utf-8"))
    index["docs"] = joined_at_separators(index["docs"], index["config"].get("separator", ""))
    settings = {"config": index["config"], "docs": []}
    contents = {INDEX: _json(settings), DOCUMENTS: _json(index, ensure_ascii=False)}
    if (site / OFFLINE_INDEX).is_file():
        contents[OFFLINE_INDEX] = b"var __index = " + _json(settings)
        contents[OFFLINE_DOCUMENTS] = b"var __motSearchIndex = " + _json(index)
    elif len(index["docs"]) >= TITLES_FROM:
        contents.update(titles_first(index))
    return contents


def titles_first(index: dict[str, Any]) -> DocsContents:
    """The titles file (every entry's text left empty) and settings that name it."""
    titles = {**index, "docs": [{**entry, "text": ""} for entry in index["docs"]]}
    settings = {"config": {**index["config"], "mot_titles": TITLES}, "docs": []}
    return {INDEX: _json(settings), TITLES: _json(titles, ensure_ascii=False)}


def search_entries(site: Path) -> list[dict[str, Any]]:
    """Every entry of a built site's search index (after the split, or before it)."""
    path = site / DOCUMENTS if (site / DOCUMENTS).is_file() else site / INDEX
    entries: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))["docs"]
    return entries


def _json(value: object, ensure_ascii: bool = True) -> bytes:
    """Compact JSON; the documents keep Chinese as UTF-8, half its escaped size.

    Scripts for pages opened from files stay ASCII, whatever encoding a browser gives them.
    """
    return json.dumps(value, ensure_ascii=ensure_ascii, separators=(",", ":")).encode()
