"""Scanning a page body as MkDocs will convert it: its heading anchors, links and ids.

Kept apart from the course's scan (:mod:`generator.course_scan`): on a first check of a
large course the pages are converted in worker processes (:class:`Scans`).

MkDocs checks and rewrites the links that Markdown writes (``[text](page.md)``,
``![alt](images/x.png)``); raw HTML in the page is published as written. So a link is
taken from where it ends up: the converted tree (:class:`_TreeScan`) or Python-Markdown's
stash of raw HTML. Link syntax in code is neither: it stays text.
"""

from __future__ import annotations

import html
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from html.parser import HTMLParser
from typing import Any, Generic, TypeVar
from xml.etree.ElementTree import Element

import markdown
from markdown.extensions.footnotes import FootnoteExtension
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE

from generator.css_loads import css_decoded, css_loads
from generator.errors import raising_modules
from generator.page_snippets import includes_files, record_missing
from generator.page_tag_names import FOREIGN, HTML_ELEMENTS
from generator.workers import Forked

PageLink = tuple[str, bool]
"""An address a page links to, and whether it is written in raw HTML (left as written)."""


@dataclass(frozen=True)
class PageScan:
    """What converting a page body gives."""

    headings: dict[str, str]
    """Heading id -> heading text."""
    references: set[str]
    """Every address the page's HTML refers to (``src``, ``href`` and the like)."""
    links: list[PageLink]
    """Links and pictures (Markdown's first, then raw HTML's), each in the order they come."""
    ids: list[str]
    """The id of every element, as often as it is given; a heading written with an empty
    id counts as one whose id is '' (see :class:`_EmptyHeadingIds`)."""
    admonitions: set[str] = field(default_factory=set)
    """The kind of every admonition and collapsible block (``!!! tip``, ``??? note "…"``
    give "tip" and "note")."""
    has_table: bool = False
    chinese_characters: int = 0
    """The Chinese characters of the text the page shows, code blocks left out (an HTML
    comment or a code block is no teaching text)."""
    too_deep: bool = False
    """The page nests deeper than :data:`MAX_NESTING` (if Python's stack ran out converting
    it, nothing else is known of it)."""
    unused_footnotes: list[str] = field(default_factory=list)
    """The names of the footnotes defined (``[^1]: 来源``) that no text refers to, which the
    page lists at its foot all the same, with a back link that leads nowhere."""
    undefined_footnotes: list[str] = field(default_factory=list)
    """The names of the footnotes referred to (``[^2]``) but defined nowhere, which the page
    shows as written."""
    failure: str = ""
    """What a Markdown extension raised converting the page, if one did, after the name of
    its module (``pymdownx.snippets: Snippet at path 'x.md' could not be found``): nothing
    else is known of the page, and MkDocs would stop at it with a traceback."""
    includes_files: bool = False
    """Converting the page read other files into it (pymdownx.snippets), which may change
    while the page's text does not."""
    missing_snippets: list[str] = field(default_factory=list)
    """The snippets the page names that the snippets extension found in none of its
    folders, and left out (:mod:`generator.page_snippets`)."""
    pictures: list[str] = field(default_factory=list)
    """The addresses of the pictures Markdown made (``![alt](address)``, ``![alt][ref]``
    and the other reference forms), in order, as the page's HTML will hold them: the
    browser loads each."""
    unknown_tags: list[str] = field(default_factory=list)
    """The names, in lower case, of the tags in the page's raw HTML that name no HTML
    element (:mod:`generator.page_tag_names`), each once, in the order they come."""

    @property
    def keepable(self) -> bool:
        """Whether the page's text alone tells this scan, so that it may be kept for that
        text: not when an extension failed (the file it names may be written next), nor
        when other files were read in."""
        return not self.failure and not self.includes_files


MAX_NESTING = 100
"""Elements within elements a page may nest. Python-Markdown follows lists, quotes and
emphasis by recursion, some 250 list levels deep before Python's stack runs out, and MkDocs
converts a page further down the stack than a check does: a fixed limit well below that
keeps ``check`` and ``build`` agreeing (and a worker process agreeing with this one)."""
HAN = re.compile(r"[\u4e00-\u9fff]")
"""A Chinese character."""
UNSHOWN_TEXT = {"pre", "script", "style"}
"""Elements whose text is not the page's own: code blocks, and what the browser runs."""
REFERENCE_ATTRIBUTES = {"src", "href", "poster", "data"}
TREE_LINKS = {"a": "href", "img": "src"}
"""The elements whose addresses MkDocs checks and rewrites, and the attribute of each."""
BACK_LINK = "footnote-backref"
"""The class of a footnote's link back to where the text refers to it: the footnotes
extension writes it, to a place that is missing if no text refers to the footnote."""
FOOTNOTE_REFERENCE = re.compile(r"\[\^([^\]]+)\]")
"""A reference to a footnote, as the footnotes extension reads it."""
CODE = {"code", "pre"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
PARALLEL_FROM = 40
"""Pages to convert before it pays to start worker processes."""
ITEMS_PER_TASK = 4
Item = TypeVar("Item")
Found = TypeVar("Found")


class Scans(Generic[Item, Found]):
    """The ``work`` on each item that needs the site's Markdown converter (a page's scan):
    for many items, started at once in worker processes, so that this process goes on with
    other work meanwhile; for a few, or where workers cannot run, done here when
    :meth:`results` asks for it."""

    def __init__(
        self,
        extensions: list[Any],
        settings: dict[str, Any],
        items: list[Item],
        work: Callable[[Item, markdown.Markdown], Found],
    ) -> None:
        self.extensions, self.settings, self.items, self.work = extensions, settings, items, work
        run = partial(_work_on, items, work, extensions, settings)
        self.forked = Forked(len(items), run, PARALLEL_FROM, ITEMS_PER_TASK)

    def results(self) -> list[Found]:
        """The work's result for each item, in order."""
        found = self.forked.results()
        if found is not None:
            return found
        converter = new_converter(self.extensions, self.settings)  # no workers, or they died
        return [self.work(item, converter) for item in self.items]

    def stop(self) -> None:
        """End the workers, dropping the work not yet started."""
        self.forked.stop()


_worker_converter: list[markdown.Markdown] = []
"""A worker process's one Markdown instance, made for its first item (see :func:`_work_on`)."""


def _work_on(
    items: list[Any],
    work: Callable[[Any, markdown.Markdown], Any],
    extensions: list[Any],
    settings: dict[str, Any],
    index: int,
) -> Any:
    """``work`` on item ``index``, in a worker process."""
    if not _worker_converter:
        _worker_converter.append(new_converter(extensions, settings))
    return work(items[index], _worker_converter[0])


def new_converter(extensions: list[Any], settings: dict[str, Any]) -> markdown.Markdown:
    """One Markdown instance with the site's extensions, reset before each page."""
    converter = markdown.Markdown(extensions=extensions, extension_configs=settings)
    tree = _TreeScan(converter)
    converter.treeprocessors.register(tree, _TreeScan.NAME, -1)
    before_toc = _EmptyHeadingIds(converter)
    converter.treeprocessors.register(before_toc, _EmptyHeadingIds.NAME, _EmptyHeadingIds.PRIORITY)
    record_missing(converter, lambda name: tree.missing_snippets.append(name))
    return converter


def scan_page(body: str, converter: markdown.Markdown) -> PageScan:
    """Map every heading anchor MkDocs will give the headings of ``body`` to its text; list
    the addresses the resulting HTML refers to, its links and its ids; tell the kinds of its
    admonitions, whether it has a table, how many Chinese characters it shows and which of
    its footnotes do not work.
    ``converter`` (from :func:`new_converter`) is reset first, so one instance serves every
    page."""
    tree = converter.treeprocessors[_TreeScan.NAME]
    before_toc = converter.treeprocessors[_EmptyHeadingIds.NAME]
    assert isinstance(tree, _TreeScan) and isinstance(before_toc, _EmptyHeadingIds)
    converter.reset()
    tree.reset()  # Python-Markdown runs no tree processor on an empty page
    before_toc.headings = []
    try:
        page = _HtmlScan(converter.convert(body))
    except RecursionError:
        return PageScan({}, set(), [], [], too_deep=True)
    except Exception as error:
        return PageScan({}, set(), [], [], failure=_extension_failure(error))
    stashed = converter.htmlStash.rawHtmlBlocks
    raw = _HtmlScan(*(_stashed_html(converter, block) for block in stashed))
    links = [(address, False) for address in tree.links]
    links += [(address, True) for address in raw.references]
    too_deep = tree.depth > MAX_NESTING
    named_by_toc = sum(heading.get("id") != "" for heading in before_toc.headings)
    return PageScan(
        _headings(converter),
        {*page.references, *page.css_references},
        links,
        [*page.ids, *[""] * named_by_toc],
        page.admonitions,
        page.has_table,
        page.chinese_characters,
        too_deep,
        *_footnotes(converter, tree.bracketed),
        includes_files=includes_files(converter, body),
        missing_snippets=list(tree.missing_snippets),
        pictures=list(tree.pictures),
        unknown_tags=list(dict.fromkeys(raw.unknown_tags)),
    )


def _extension_failure(error: Exception) -> str:
    """``error``, raised converting a page, told after the module of the extension that
    raised it (the innermost code it went through that is neither Python's own nor
    Python-Markdown's core); re-raised if that is this module: a fault of ours."""
    modules = raising_modules(error)[1:]  # after scan_page's own frame
    culprit = next((module for module in reversed(modules) if _extension_code(module)), "markdown")
    if culprit == __name__:
        raise error
    return f"{culprit}: {error}" if str(error) else f"{culprit}: {type(error).__name__}"


def _extension_code(module: str) -> bool:
    """Whether ``module`` is neither Python's own nor Python-Markdown's core."""
    if module.partition(".")[0] in sys.stdlib_module_names:
        return False
    return module != "markdown" and (
        not module.startswith("markdown.") or module.startswith("markdown.extensions.")
    )


def _footnotes(converter: markdown.Markdown, bracketed: list[str]) -> tuple[list[str], list[str]]:
    """The footnotes defined but never referred to, and those referred to (``bracketed``:
    ``[^…]`` left as text) but never defined; none without the footnotes extension, where
    ``[^…]`` is no footnote."""
    extension = next(
        (found for found in converter.registeredExtensions if isinstance(found, FootnoteExtension)),
        None,
    )
    if extension is None:
        return [], []
    unused = [name for name in extension.footnotes if name not in extension.footnote_order]
    undefined = [name for text in bracketed for name in FOOTNOTE_REFERENCE.findall(text)]
    return unused, list(dict.fromkeys(undefined))


def _headings(converter: markdown.Markdown) -> dict[str, str]:
    found: dict[str, str] = {}
    pending: list[Any] = list(getattr(converter, "toc_tokens", []))
    while pending:
        token = pending.pop()
        found[token["id"]] = html.unescape(token["name"])
        pending.extend(token["children"])
    return found


def _stashed_html(converter: markdown.Markdown, block: str | Element) -> str:
    """Raw HTML as the page will hold it (md_in_html stashes some of it as elements)."""
    return block if isinstance(block, str) else converter.serializer(block)


class _TreeScan(Treeprocessor):
    """Runs last: the addresses of the links and pictures Markdown made, in document order
    (not a footnote's link back, which the page's text does not write), how deep the
    elements nest (counted without recursion), and the text outside code that holds a
    footnote's reference, which is left as text when the footnote is not defined."""

    NAME = "mot-tree-scan"

    def __init__(self, md: markdown.Markdown) -> None:
        super().__init__(md)
        self.reset()

    def reset(self) -> None:
        self.links: list[str] = []
        self.pictures: list[str] = []
        self.depth = 0
        self.bracketed: list[str] = []
        self.missing_snippets: list[str] = []
        """Told by the snippets extension, which runs before any tree processor."""

    def run(self, root: Element) -> None:
        pending = [(root, 0, False)]
        while pending:
            element, depth, in_code = pending.pop()
            self.depth = max(self.depth, depth)
            address = element.get(TREE_LINKS.get(str(element.tag), ""))
            back_link = element.get("class") == BACK_LINK
            if address and AMP_SUBSTITUTE not in address and not back_link:
                self.links.append(address)  # AMP_SUBSTITUTE: an obfuscated e-mail address
                if element.tag == "img":
                    self.pictures.append(address)
            in_code = in_code or element.tag in CODE
            if not in_code:
                texts = [element.text, *(child.tail for child in element)]
                self.bracketed += [text for text in texts if text and "[^" in text]
            pending.extend((child, depth + 1, in_code) for child in reversed(element))


class _EmptyHeadingIds(Treeprocessor):
    """Runs after ``attr_list`` and before ``toc``: the headings written with an empty id
    (``## 标题 {#}``). Since Python-Markdown 3.11.4, ``toc`` gives such a heading an id of
    its own (``_1``), which names nothing the trainer wrote either; the page's ids count
    each as an empty one, whatever the version."""

    NAME = "mot-empty-heading-ids"
    PRIORITY = 6
    """Between ``attr_list`` (8) and ``toc`` (5)."""

    def __init__(self, md: markdown.Markdown) -> None:
        super().__init__(md)
        self.headings: list[Element] = []

    def run(self, root: Element) -> None:
        self.headings = [
            element
            for element in root.iter()
            if element.tag in HEADINGS and element.get("id") == ""
        ]


class _HtmlScan(HTMLParser):
    """The addresses HTML refers to and the ids it gives, in the order they come; whether it
    has a table, and the kinds of its admonitions (``<div class="admonition tip">``) and
    collapsible blocks (``<details class="note">``); the Chinese characters of its text
    outside :data:`UNSHOWN_TEXT` (comments are no text); the names of its tags that are no
    HTML element's, outside SVG and MathML, which have elements of their own."""

    def __init__(self, *texts: str) -> None:
        super().__init__(convert_charrefs=True)
        self.references: list[str] = []
        self.css_references: list[str] = []
        self.ids: list[str] = []
        self.has_table = False
        self.admonitions: set[str] = set()
        self.chinese_characters = 0
        self.unshown_depth = 0
        self.in_style = False
        self.unknown_tags: list[str] = []
        self.foreign_depth = 0
        for text in texts:
            self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._note_if_unknown(tag)
        self.foreign_depth += tag in FOREIGN
        self.has_table |= tag == "table"
        self.unshown_depth += tag in UNSHOWN_TEXT
        classes = (dict(attrs).get("class") or "").split()
        if tag == "details" or (tag == "div" and "admonition" in classes):
            self.admonitions.update(set(classes) - {"admonition"})
        for name, value in attrs:
            if value and name in REFERENCE_ATTRIBUTES:
                self.references.append(value)
            elif value and name == "srcset":
                self.references.extend(part.split()[0] for part in value.split(",") if part.strip())
            elif value and name == "style":
                self.css_references += _css_addresses(value)
            elif value is not None and name == "id":  # an empty one too: '{#}'
                self.ids.append(value)
        self.in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        if tag in FOREIGN and self.foreign_depth:
            self.foreign_depth -= 1
        self._note_if_unknown(tag)
        self.in_style = False
        if tag in UNSHOWN_TEXT and self.unshown_depth:
            self.unshown_depth -= 1

    def _note_if_unknown(self, tag: str) -> None:
        if not self.foreign_depth and tag not in HTML_ELEMENTS and "-" not in tag:
            self.unknown_tags.append(tag)

    def handle_data(self, data: str) -> None:
        if self.in_style:  # the parser gives a <style> element's text whole
            self.css_references += _css_addresses(data)
        if not self.unshown_depth:
            self.chinese_characters += len(HAN.findall(data))


def _css_addresses(css: str) -> list[str]:
    """The addresses ``css`` loads (``url(images/bg.png)``), each a file the site publishes
    if it is under course/."""
    return [load.address for load in css_loads(css_decoded(css))]
