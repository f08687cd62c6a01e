"""The preview's MkDocs builds: after the first, rebuild only the pages whose Markdown changed.

MkDocs' own ``--dirty`` builds skip unchanged pages entirely, so two things go stale: the
navigation of a rebuilt page (the titles of pages MkDocs did not read fall back to their
file names) and the search index (it holds only the rebuilt pages). :class:`PreviewPlugin`
closes both gaps: it reads the front matter of every unchanged page, which is cheap, and
keeps the index entries of pages it did not rebuild. It also keeps the theme's compiled
templates between builds, and leaves the 404 page and the site map, which show only the
navigation, as they are. A change to what the navigation shows (a page added, removed or
retitled, ``mkdocs.yml`` edited) needs every page anew: :func:`page_titles` gives what
the preview compares to decide.
"""

from __future__ import annotations

import json
from contextlib import suppress
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_markdown_title
from mkdocs.utils.meta import get_data

from generator.search_breaks import joined_at_separators
from generator.search_index import INDEX
from generator.write import DocsContents

PageTitles = tuple[tuple[str, str | None], ...]


def page_titles(contents: DocsContents) -> PageTitles:
    """What every page's navigation shows of the docs ``contents``: each page and its title.

    Titles are found as MkDocs finds them: front matter ``title``, else the first heading.
    """
    pages = []
    for name in sorted(contents):
        if name.endswith(".md"):
            body, meta = get_data(contents[name].decode("utf-8"))
            title = meta.get("title") if isinstance(meta.get("title"), str) else None
            pages.append((name, title or get_markdown_title(body)))
    return tuple(pages)


class PreviewPlugin(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
    """Keeps a dirty build's navigation titles and search index whole (see the module)."""

    def __init__(self) -> None:
        super().__init__()
        self.dirty = False
        self.rebuilt: set[str] = set()
        self.entries: list[dict[str, Any]] = []
        self.page_order: dict[str, int] = {}
        self.env: jinja2.Environment | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """A dirty build leaves the 404 page and the site map: they show only the navigation."""
        if self.dirty:
            config.theme.static_templates.clear()
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self.rebuilt = set()

    def on_env(
        self, env: jinja2.Environment, /, *, config: MkDocsConfig, files: Files
    ) -> jinja2.Environment:
        """Keep the theme's compiled templates from one build to the next of the same settings."""
        if not self.dirty or self.env is None:
            self.env = env
        return self.env

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        if self.dirty:
            for page in nav.pages:
                if page.markdown is None and not page.file.is_modified():
                    page.read_source(config)
        return nav

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        self.rebuilt.add(page.url)
        return html

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        """The order the pages are built in, which is their search entries' in a build."""
        pages = files.documentation_pages()
        self.page_order = {file.url: place for place, file in enumerate(pages)}
        return files

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """The search index as a build has it (:func:`generator.search_index.split_index`
        joins it at its separators too): the entries of the pages this build made, with
        those kept of the others, in the pages' order (a rebuilt page's had gone last)."""
        index_file = Path(config.site_dir) / INDEX
        if not index_file.is_file():
            return
        index = json.loads(index_file.read_text(encoding="utf-8"))
        entries = joined_at_separators(index["docs"], index["config"].get("separator", ""))
        if self.dirty:
            kept = [entry for entry in self.entries if _page_of(entry) not in self.rebuilt]
            last = len(self.page_order)
            entries = sorted(kept + entries, key=lambda e: self.page_order.get(_page_of(e), last))
        index["docs"] = self.entries = entries
        index_file.write_text(json.dumps(index, ensure_ascii=False), encoding="utf-8")


def _page_of(entry: dict[str, Any]) -> str:
    """The page URL a search entry belongs to (its location without the anchor)."""
    location: str = entry["location"]
    return location.split("#", 1)[0]


def remove_from_site(site_dir: Path, names: set[str]) -> None:
    """Remove the site's copies of files gone from the docs folder (a picture deleted) before
    a build of the changed pages, with the folders they leave empty: a file may have made
    way for a folder of its name, or a folder for a file, which MkDocs then writes."""
    for name in sorted(names, reverse=True):
        path = site_dir / name
        if path.is_file() or path.is_symlink():
            path.unlink()
        for folder in Path(name).parents[:-1]:
            with suppress(OSError):  # not empty, or gone
                (site_dir / folder).rmdir()
