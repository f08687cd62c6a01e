"""``mkdocs.yml`` read as text before MkDocs reads it, as carefully as a course file.

MkDocs shows a file that is not UTF-8 as a decoding error at a byte position; the trainer
gets the message a course file would get (:mod:`generator.sources`) instead. MkDocs' YAML
loader follows nesting by recursion and expands aliases: 50,000 nested brackets end in a
RecursionError, and a few lines of aliases of aliases (a "billion laughs") take minutes and
gigabytes. The settings are read first as libyaml's events, which need neither, with the
course files' limit on nesting; tags (``!ENV``, ``!!python/name:``) are MkDocs' business,
but for those it would run as code (:mod:`generator.settings_trust`).
A key written twice in one mapping, which MkDocs' YAML takes without a word, and a key
indented with full-width spaces are named as in a course file.

Material prints the site's name, description, author and copyright, the repository's name
and address, the site's address (the canonical link), the style sheets' and the edit
button's addresses, the titles in ``nav``, the table of contents' title, the texts under
``extra`` (a cookie notice's title, a social link's name, a feedback rating's note, ...),
the colour switch's names under ``theme.palette``, the logo's and icon's addresses and the
names under ``theme.icon`` into every page as they are, unescaped, in text and in
attributes. Only a page's body may hold HTML: these are plain text on one line, as every
field of a course file is (:mod:`generator.plain_text`), and hold no ``<``, ``"`` or
character reference either; but for an address printed in an ``href`` or ``src``, where
``&region=cn`` stays as it is, and which holds no space if it is a web address.
A value a tag gives (``!ENV``) is checked once MkDocs has read it, as are the theme's
language, text direction and fonts (:mod:`generator.settings_env`). Tags MkDocs would run
as code, hooks, links a browser would run and files loaded from other sites are refused
here, before MkDocs reads the file (:mod:`generator.settings_trust`).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from html.entities import html5
from pathlib import Path
from typing import Any

import yaml

from generator.errors import Problem
from generator.plain_text import not_plain
from generator.settings_env import (
    TEXT_TAG,
    YAML_TAGS,
    Keys,
    given_text,
    mapping_pairs,
    problem_at,
    resolved_at,
    said_of_variable,
    settings_document,
    spaced_address,
    theme_problems,
    top_level,
)
from generator.settings_icons import icon_problems
from generator.settings_needed import needed_setting_problems
from generator.settings_trust import trust_problems
from generator.sources import decode_source
from generator.yaml_errors import FULL_WIDTH_INDENT, duplicate_key
from generator.yaml_events import EVENT_PARSER
from generator.yaml_lines import FULL_WIDTH_SPACE
from generator.yaml_source import MAX_DEPTH

MAX_VALUES = 10_000
"""Most values the settings may stand for, aliases expanded; the course's have about 80."""
ADDRESSES = ("repo_url", "site_url", "edit_uri", "edit_uri_template", "extra_css")
"""Settings Material prints into an ``href`` as they are (``site_url`` in every page's
canonical link, ``edit_uri`` in the edit button's, each of ``extra_css`` in a style sheet's)."""
PRINTED = ("site_name", "site_description", "site_author", "copyright", "repo_name", *ADDRESSES)
"""Settings Material prints into every page as they are; ``nav``'s titles, the table of
contents' title, every text under ``EXTRA`` and the values of ``THEME_PRINTED`` are printed
too."""
EXTRA = "extra"
THEME = "theme"
THEME_PRINTED = ("palette", "logo", "favicon", "icon")
"""The theme's settings Material prints as they are: the colour switch's names and media
queries, the addresses of the logo and the icon, the names of the note boxes' and tags'
icons (into a ``<style>``)."""
MARKDOWN_OPTIONS = "mdx_configs"
"""Where MkDocs keeps each Markdown extension's options once it has read them."""
PRINTED_OPTIONS = {
    **dict.fromkeys(("toc", "markdown.extensions.toc"), "title"),
    **dict.fromkeys(("footnotes", "markdown.extensions.footnotes"), "BACKLINK_TEXT"),
}
"""Extensions' options printed as written: the table of contents' ``title``, which Material
prints above it on every page, and the footnotes' ``BACKLINK_TEXT``, which Python-Markdown
pastes into each footnote's link back (its default is the reference ``&#8617;``, ↩)."""
MAP_TAG, SEQ_TAG = f"{YAML_TAGS}map", f"{YAML_TAGS}seq"
LEGACY_REFERENCES = sorted((name for name in html5 if not name.endswith(";")), key=len)[::-1]
"""Character references a browser reads without their ';' (``&copy``, ``&amp``, ``&lt``),
longest first, as a browser matches them."""
MARKUP = re.compile(rf'[<"]|&(?:#|[A-Za-z][A-Za-z0-9]*;|{"|".join(LEGACY_REFERENCES)})')
"""What a page would read as HTML: a tag, the end of an attribute, a character reference
(an '&' before anything else, as in 'R&D', is text)."""
FULL_WIDTH = {"<": "＜", '"': "“", "&": "＆"}
REFERENCE = re.compile(r"&(?:#[xX][0-9A-Fa-f]+|#[0-9]+|[A-Za-z][A-Za-z0-9]*);?")
"""A whole character reference, to say which character it stands for."""
TAG = re.compile(r"<[A-Za-z/!][^<>]{0,40}>?")
"""The start of a tag, as a trainer would paste it (``<a href="...">``)."""
LINK = "link"
IN_ATTRIBUTES = {(EXTRA, "homepage"), (THEME, "logo"), (THEME, "favicon")}
"""Settings Material prints into an ``href`` or ``src``, with ``ADDRESSES`` and every key
named ``LINK`` under ``extra`` (``extra.social[0].link``, ``extra.alternate[0].link``)."""
KEPT_IN_ADDRESS = re.compile(r"[A-Za-z0-9=]")
"""What keeps a reference without its ';' as it is in an attribute (``?a=1&region=cn``):
the HTML standard reads it as a character only before anything else."""


def settings_text_problems(data: bytes, shown: Path) -> list[Problem]:
    """What keeps ``data``, the bytes of ``mkdocs.yml`` (named ``shown``), from MkDocs."""
    text = decode_source(data, shown)
    if isinstance(text, Problem):
        return [text]
    oversized = _oversized(text, shown)
    if oversized is not None:
        return [oversized]
    document = settings_document(text)
    return (
        [*_keys_under(document, shown, set())]
        + [
            problem
            for name, path, node in _printed_texts(document)
            if (problem := _value_problem(name, path, node.value, node, shown)) is not None
        ]
        + trust_problems(text, document, shown)
    )


def _keys_under(node: yaml.Node | None, shown: Path, seen: set[int]) -> Iterator[Problem]:
    """Each key under ``node`` written twice in one mapping, of which MkDocs' YAML keeps the
    last alone, and each key indented with full-width spaces, which YAML reads as the start
    of its name, as the course files' checks name them (a YAML error is left to MkDocs);
    ``seen``: the nodes already read, as an alias repeats a node."""
    if node is None or id(node) in seen:
        return
    seen.add(id(node))
    children = node.value if isinstance(node, yaml.CollectionNode) else []
    if isinstance(node, yaml.MappingNode):
        yield from _key_problems_of(node, shown)
        children = [value for _, value in node.value]
    for child in children:
        yield from _keys_under(child, shown, seen)


def _key_problems_of(mapping: yaml.MappingNode, shown: Path) -> Iterator[Problem]:
    names: set[tuple[str, str]] = set()
    for key, _ in mapping.value:
        if not isinstance(key, yaml.ScalarNode):
            continue
        if (key.tag, key.value) in names:
            yield problem_at(key.start_mark, shown, *duplicate_key(key.value))
        elif not key.style and key.value.startswith(FULL_WIDTH_SPACE):
            yield Problem(shown, key.start_mark.line + 1, 1, *FULL_WIDTH_INDENT)
        names.add((key.tag, key.value))


def _oversized(text: str, shown: Path) -> Problem | None:
    """Where the settings nest too deep, or where their aliases make them too many values.

    Counts the values each anchor stands for as they are read, so an alias adds the whole of
    what it repeats. A YAML error is left to MkDocs, which reports it at its line, but for
    libyaml's own limit on nesting, which it may reach while reading ahead of the events.
    """
    anchored: dict[str, int] = {}
    still_open: dict[str, bool] = {}  # whether an anchor's latest value is a collection still open
    opened: list[tuple[str | None, int]] = []  # each open collection: anchor, values before it
    values = 0
    try:
        for event in yaml.parse(text, Loader=EVENT_PARSER):
            if isinstance(event, yaml.CollectionStartEvent):
                if len(opened) >= MAX_DEPTH:
                    return problem_at(event.start_mark, shown, *TOO_DEEP)
                opened.append((event.anchor, values))
                values += 1
                if event.anchor:
                    still_open[event.anchor] = True
            elif isinstance(event, yaml.CollectionEndEvent):
                anchor, before = opened.pop()
                if anchor:
                    anchored[anchor] = values - before
                    still_open[anchor] = False
            elif isinstance(event, yaml.AliasEvent):
                if still_open.get(str(event.anchor)):
                    return problem_at(event.start_mark, shown, *holds_itself(str(event.anchor)))
                values += anchored.get(str(event.anchor), 1)
            elif isinstance(event, yaml.ScalarEvent):
                values += 1
                if event.anchor:
                    anchored[event.anchor] = 1
                    still_open[event.anchor] = False
            if values > MAX_VALUES:
                return problem_at(event.start_mark, shown, *TOO_MANY_VALUES)
    except yaml.MarkedYAMLError as error:
        if error.problem_mark is not None and LIBYAML_TOO_DEEP in (error.problem or ""):
            return problem_at(error.problem_mark, shown, *TOO_DEEP)
    return None


LIBYAML_TOO_DEEP = "exceeded maximum nesting depth"
TOO_DEEP = (
    f"the settings are nested more than {MAX_DEPTH} levels deep",
    "check the brackets and the indentation: the settings need far fewer levels",
    "yaml.too-deep",
)
TOO_MANY_VALUES = (
    f"the aliases (*name) here make the settings hold more than {MAX_VALUES:,} values",
    "write out in full what an alias should repeat, once, and remove the aliases of aliases",
    "settings.too-many-values",
)


def holds_itself(anchor: str) -> tuple[str, str, str]:
    """An alias inside the value its anchor names: a setting that would hold itself."""
    return (
        f"the alias '*{anchor}' stands inside the value '&{anchor}' names, so the setting "
        "would hold itself without end",
        f"write out what '*{anchor}' should repeat instead of the alias, or move the alias "
        f"out of the value of '&{anchor}'",
        "settings.alias-holds-itself",
    )


def _printed_texts(
    document: yaml.Node | None,
) -> Iterator[tuple[str, Keys | None, yaml.ScalarNode]]:
    """The texts the pages print as written out: name, as a problem names it, place, node."""
    for name, path, node in _printed(document):
        if isinstance(node, yaml.ScalarNode) and node.tag == TEXT_TAG:
            yield name, path, node


def _printed(document: yaml.Node | None) -> Iterator[tuple[str, Keys | None, yaml.Node]]:
    """The values the pages print: name, where MkDocs keeps it (none for a title in ``nav``),
    node. A value a tag gives is one node, whatever its shape."""
    for key, value in top_level(document):
        if key.value in PRINTED:
            yield from _values(value, key.value, (key.value,))
        elif key.value == "markdown_extensions":
            yield from _printed_options(value)
        elif key.value == EXTRA:
            yield from _values(value, EXTRA, (EXTRA,))
        elif key.value == THEME:
            yield from _theme(value)
        elif key.value == "nav":
            yield from (("a title in 'nav'", None, title) for title in _titles(value))


def _values(node: yaml.Node, name: str, path: Keys) -> Iterator[tuple[str, Keys, yaml.Node]]:
    """Every value under ``node``, at any depth, named by its keys (``extra.social[0].name``)."""
    if isinstance(node, yaml.MappingNode) and node.tag == MAP_TAG:
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                yield from _values(value, f"{name}.{key.value}", (*path, key.value))
    elif isinstance(node, yaml.SequenceNode) and node.tag == SEQ_TAG:
        for index, item in enumerate(node.value):
            yield from _values(item, f"{name}[{index}]", (*path, index))
    else:
        yield f"'{name}'", path, node


def _theme(theme: yaml.Node) -> Iterator[tuple[str, Keys | None, yaml.Node]]:
    """Every value of the theme's settings Material prints (:data:`THEME_PRINTED`), and the
    names under ``theme.icon`` (``admonition: {note: ...}``), printed into a ``<style>``."""
    for key, value in mapping_pairs(theme):
        if key.value in THEME_PRINTED:
            yield from _values(value, f"{THEME}.{key.value}", (THEME, key.value))
        if key.value == "icon":
            names = (name for _, icons in mapping_pairs(value) for name, _ in mapping_pairs(icons))
            yield from ((f"a name under '{THEME}.icon'", None, name) for name in names)


def _printed_options(extensions: yaml.Node) -> Iterator[tuple[str, Keys, yaml.Node]]:
    """The extensions' options printed as written (:data:`PRINTED_OPTIONS`), where given."""
    items = extensions.value if isinstance(extensions, yaml.SequenceNode) else []
    for name, options in (pair for item in items for pair in mapping_pairs(item)):
        if name.value in PRINTED_OPTIONS:
            shown = f"markdown_extensions.{name.value}"
            found = _values(options, shown, (MARKDOWN_OPTIONS, name.value))
            printed = PRINTED_OPTIONS[name.value]
            yield from ((text, at, node) for text, at, node in found if at[-1] == printed)


def _titles(node: yaml.Node) -> Iterator[yaml.ScalarNode]:
    """The titles of ``nav``: its mappings' keys (``- 首页: index.md``), at any depth."""
    if isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _titles(item)
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                yield key
            yield from _titles(value)


def resolved_setting_problems(data: bytes, resolved: dict[str, Any], shown: Path) -> list[Problem]:
    """The printed settings a tag gives their value (``site_description: !ENV DESC``), checked
    as MkDocs read them (``resolved``: the settings of ``PRINTED``, ``EXTRA``, ``THEME`` and
    ``MARKDOWN_OPTIONS``): the text itself is only known then; the theme's language,
    direction and fonts, with the theme's defaults
    (:func:`generator.settings_env.theme_problems`); the icons it names
    (:func:`generator.settings_icons.icon_problems`); and what the pages need and the
    settings lack (:func:`generator.settings_needed.needed_setting_problems`)."""
    return (
        [
            problem
            for name, path, node in _printed(settings_document(data.decode("utf-8-sig")))
            if path is not None
            and node.tag != TEXT_TAG
            and isinstance(value := given_text(node, resolved_at(resolved, path)), str)
            if (
                problem := _value_problem(
                    f"{name} as {node.tag} gives it", path, value, node, shown
                )
            )
        ]
        + theme_problems(data, resolved.get(THEME), shown)
        + icon_problems(data, resolved, shown)
        + needed_setting_problems(data, shown)
    )


def _value_problem(
    name: str, path: Keys | None, value: str, node: yaml.Node, shown: Path
) -> Problem | None:
    """What keeps ``value``, the text of ``node`` at ``path``, from being printed as it is."""
    in_href = _in_href(path)
    what = (
        not_plain(value) or _markup(value, in_href) or (spaced_address(value) if in_href else None)
    )
    if what is None:
        return None
    message, fix, code = what
    if code == "text.too-long":
        fix = "shorten it; a picture or a script belongs in a file of the site, named by its path"
    message, fix = said_of_variable(node, message, fix, code)
    return problem_at(node.start_mark, shown, f"{name} {message}", fix, code)


def _in_href(path: Keys | None) -> bool:
    """Whether Material prints the setting at ``path`` into an attribute as an address
    (:data:`ADDRESSES`, :data:`IN_ATTRIBUTES`)."""
    return path is not None and (
        path[0] in ADDRESSES or path in IN_ATTRIBUTES or (path[0] == EXTRA and path[-1] == LINK)
    )


def _markup(value: str, in_href: bool) -> tuple[str, str, str] | None:
    """What makes ``value`` HTML rather than text, printed into an ``href`` or not:
    (message, fix, code)."""
    found = next(
        (found for found in MARKUP.finditer(value) if not (in_href and _kept(value, found))),
        None,
    )
    if found is None:
        return None
    numeric = REFERENCE.match(value, found.start()) if found.group() == "&#" else None
    shown = numeric.group() if numeric else found.group()
    return (
        f"contains '{shown}', which every page would read as HTML; this setting is plain text",
        _markup_fix(value, found.start(), shown, in_href),
        "settings.markup",
    )


def _kept(value: str, found: re.Match[str]) -> bool:
    """Whether ``found``, a reference without its ';' in ``value``, a link printed into an
    ``href``, stays as it is: a browser reads it as a character in text, but not in an
    attribute before a letter, a digit or '='."""
    following = value[found.end() : found.end() + 1]
    return (
        found.group().startswith("&")
        and not found.group().endswith(";")
        and found.group() != "&#"
        and KEPT_IN_ADDRESS.fullmatch(following) is not None
    )


def _markup_fix(value: str, start: int, shown: str, in_href: bool) -> str:
    """How to write ``shown``, at ``start`` of ``value``, as plain text: a character
    reference as the character it stands for, a tag left out, '<' and '"' full-width, or
    in an address (``in_href``) as '%3C' and '%22'."""
    meant = html.unescape(shown)
    plain = "only a page's body may hold HTML"
    if meant != shown and meant not in FULL_WIDTH.keys() - {"&"}:
        return f"write the character it stands for, '{meant}', instead: {plain}"
    tag = TAG.match(value, start)
    if tag is not None:
        return f"remove the tag '{tag.group()}': {plain}"
    written = f"'%{ord(meant[0]):02X}'" if in_href else f"the full-width '{FULL_WIDTH[meant[0]]}'"
    return f"write {written} instead, or leave it out: {plain}"
