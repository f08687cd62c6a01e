"""Settings of ``mkdocs.yml`` that would make the course run code, link or load elsewhere,
refused before MkDocs reads the file.

A trainer may be sent a copy of the course, or paste settings from a web page. MkDocs reads
mkdocs.yml with PyYAML's full loader, which runs ``!!python/object/apply:os.system [...]``
as it reads: ``check`` itself ran the command. So every tag is read first, as MkDocs'
parser reads it, and only MkDocs' own (``!ENV``, ``!relative``), YAML's plain kinds of value
(``!!str``) and the Markdown extensions' functions (:data:`EXTENSION_FUNCTIONS`, the
``!!python/object/apply:pymdownx.slugs.slugify`` of the course's headings) pass. ``hooks``
runs the Python files it names at every check and build (Zensical ignores it), and
``INHERIT`` reads settings from a file these checks never see: both are refused.

Material prints the site's links as they are: a ``javascript:`` address in ``nav`` or a
social link runs when it is clicked, on every page. A link is a web address, ``mailto:`` or
a path in the site, judged as a browser judges it (spaces and control characters before
it, tabs and line breaks inside it left out, any case). AUTHORING.md promises that no page
loads a script, style sheet, font or picture from another site, which mainland China often
blocks: a script, style sheet, logo or icon given by its address elsewhere, and Google
Analytics, are refused. A value an environment variable gives (``!ENV``) is judged as MkDocs
will read it, and the problem names the variable.

"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from generator.errors import Problem
from generator.project import CONFIG_FILE
from generator.settings_env import (
    ENV_TAG,
    TEXT_TAG,
    YAML_TAGS,
    given_by_variable,
    mapping_pairs,
    problem_at,
    top_level,
    variable_value,
)
from generator.yaml_events import EVENT_PARSER

MKDOCS_TAGS = {ENV_TAG, "!relative", "!"}
"""The tags MkDocs reads itself; ``!`` only makes a value text."""
PLAIN_TAGS = {tag for tag in yaml.SafeLoader.yaml_constructors if tag is not None}
"""YAML's own kinds of value (``!!str``, ``!!int`` …), which run nothing."""
PYTHON_TAG = f"{YAML_TAGS}python/"
PYTHON_NAME = f"{PYTHON_TAG}name:"
EXTENSION_FUNCTIONS = frozenset(
    f"{PYTHON_NAME}{name}"
    for name in (
        "pymdownx.superfences.fence_code_format",
        "pymdownx.superfences.fence_div_format",
        "pymdownx.slugs.slugify",
        "markdown.extensions.toc.slugify",
        "markdown.extensions.toc.slugify_unicode",
        "pymdownx.arithmatex.arithmatex_inline_format",
        "pymdownx.arithmatex.arithmatex_fenced_format",
        "pymdownx.emoji.twemoji",
        "pymdownx.emoji.emojione",
        "pymdownx.emoji.gemoji",
        "pymdownx.emoji.to_alt",
        "pymdownx.emoji.to_svg",
        "pymdownx.emoji.to_png",
        "pymdownx.emoji.to_svg_sprite",
        "pymdownx.emoji.to_png_sprite",
        "material.extensions.emoji.twemoji",
        "material.extensions.emoji.to_svg",
    )
)
"""The Markdown extensions' functions the settings may name, as their documentation names
them (``format: !!python/name:pymdownx.superfences.fence_code_format``), and no other: a
name imports its module, and is called as the extension calls it. Any name in the
extensions' packages had passed, and ``material.plugins.blog.plugin.rmtree`` is
``shutil.rmtree``: as the headings' ``slugify``, ``check`` deleted the folder a heading
named."""
SLUGIFY = f"{PYTHON_TAG}object/apply:pymdownx.slugs.slugify"
"""The one call the settings may make: the headings' ids, as the course's mkdocs.yml makes them."""
SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
SPACE_OR_CONTROL = "".join(map(chr, range(0x21)))
"""What a browser strips from the start of an address (U+0000 to U+0020)."""
TAB_OR_NEWLINE = re.compile(r"[\t\n\r]")
"""What a browser removes anywhere in an address (``java\\tscript:``)."""
LINK_SCHEMES, SCRIPTED = ("http", "https", "mailto"), ("javascript", "vbscript")
LINKS = ("site_url", "repo_url", "edit_uri", "edit_uri_template")
"""Top-level settings Material prints as links (``edit_uri``: the edit button's)."""
EXTRA, THEME, NAV, LINK = "extra", "theme", "nav", "link"
RESOURCES = ("extra_javascript", "extra_css")
THEME_PICTURES = ("logo", "favicon")
ELSEWHERE = (
    "not a file of the site: every page would load it from another site, and mainland China "
    "blocks many: the course loads no script, style sheet, font or picture from another site"
)
WRITTEN_IN = (  # a data: address is loaded from nowhere
    "a 'data:' address that holds the file itself, not a file of the site: the course keeps "
    "its scripts, style sheets and pictures as files"
)
SEQ_TAG = f"{YAML_TAGS}seq"
Found = Iterator[tuple[str, yaml.Node]]
"""Values of the settings, each named as a trainer reads it (``extra.social[0].link``)."""


def trust_problems(text: str, document: yaml.Node | None, shown: Path) -> list[Problem]:
    """What in ``text``, mkdocs.yml's text (``document``: its nodes), would run code, link
    or load from elsewhere (``shown``: the file's name in messages)."""
    return [
        *_tag_problems(text, shown),
        *_code_settings(document, shown),
        *(
            _link_problem(name, node, value, scheme, shown)
            for name, node in _links(document)
            if (value := written_value(node)) is not None
            and (scheme := _scheme(value)) not in (None, *LINK_SCHEMES)
        ),
        *(
            _resource_problem(name, node, value, shown)
            for name, node in site_resources(document)
            if (value := written_value(node)) is not None and _elsewhere(value)
        ),
        *_analytics(document, shown),
    ]


def _tag_problems(text: str, shown: Path) -> list[Problem]:
    """Each tag in ``text`` MkDocs would run as code, or does not read. Read by libyaml,
    or, when libyaml refuses the text, by PyYAML's own parser, as MkDocs reads it; MkDocs
    runs no tag of a text neither reads."""
    found: list[Problem] = []
    for loader in (EVENT_PARSER, yaml.SafeLoader):
        found = []
        try:
            for event in yaml.parse(text, Loader=loader):
                tag = getattr(event, "tag", None)
                if tag is not None and not _allowed_tag(tag):
                    found.append(_tag_problem(tag, event.start_mark, shown))
        except yaml.YAMLError:
            continue
        break
    return found


def _allowed_tag(tag: str) -> bool:
    return tag in MKDOCS_TAGS or tag in PLAIN_TAGS or tag in EXTENSION_FUNCTIONS or tag == SLUGIFY


def _tag_problem(tag: str, mark: Any, shown: Path) -> Problem:
    written = f"!!{tag.removeprefix(YAML_TAGS)}" if tag.startswith(YAML_TAGS) else tag
    if tag.startswith(PYTHON_TAG):
        message = (
            f"the tag '{written}' makes MkDocs run Python code when it reads {CONFIG_FILE}; "
            "the course allows no such tag but the Markdown extensions' own functions, "
            "named as their documentation names them (!!python/name:pymdownx.superfences."
            "fence_code_format; AUTHORING.md lists them all)"
        )
        fix = (
            "remove the tag and its value, and run no mkdocs command on a copy of the course "
            "that came with it"
        )
        return problem_at(mark, shown, message, fix, "settings.code-tag")
    fix = "remove it: the settings' tags are !ENV and !relative"
    return problem_at(
        mark, shown, f"the tag '{written}' is not one MkDocs reads", fix, "settings.tag"
    )


def _code_settings(document: yaml.Node | None, shown: Path) -> Iterator[Problem]:
    """``hooks``, which runs Python files, and ``INHERIT``, which reads another file."""
    for key, _ in top_level(document):
        if key.value == "hooks":
            message = (
                "'hooks' makes MkDocs run the Python files it names at every check and build "
                "(Zensical ignores them); the course runs no hooks"
            )
            fix = "remove 'hooks:' and the files under it"
            yield problem_at(key.start_mark, shown, message, fix, "settings.hooks")
        elif key.value == "INHERIT":
            message = (
                "'INHERIT' makes MkDocs read settings from another file, which the course's "
                "checks do not read (it may run code)"
            )
            fix = f"copy the settings you need into {CONFIG_FILE} and remove 'INHERIT:'"
            yield problem_at(key.start_mark, shown, message, fix, "settings.inherit")


def written_value(node: yaml.Node) -> str | None:
    """The text MkDocs will read for ``node``: as written, or as ``!ENV`` gives it (the
    variable's value, or else the fallback written last in its list)."""
    if isinstance(node, yaml.ScalarNode) and node.tag == TEXT_TAG:
        return str(node.value)
    if node.tag != ENV_TAG:
        return None
    given = variable_value(node)
    if given is not None:
        return given[1]
    items = node.value if isinstance(node, yaml.SequenceNode) else []
    fallback = items[-1] if len(items) > 1 else None
    return written_value(fallback) if fallback is not None else None


def _scheme(address: str) -> str | None:
    """The scheme a browser reads ``address`` with, in lower case; none for a path."""
    cleaned = TAB_OR_NEWLINE.sub("", address.lstrip(SPACE_OR_CONTROL))
    found = SCHEME.match(cleaned)
    return found.group(1).lower() if found else None


def _elsewhere(address: str) -> bool:
    """Whether ``address`` names a file outside the site (``https://``, ``//host/``, ``data:``)."""
    cleaned = TAB_OR_NEWLINE.sub("", address.lstrip(SPACE_OR_CONTROL)).replace("\\", "/")
    return _scheme(address) is not None or cleaned.startswith("//")


def _links(document: yaml.Node | None) -> Found:
    """Every address Material prints as a link: the site's, the repository's, the edit
    button's, ``extra.homepage``, each ``link`` under ``extra``, each page of ``nav``."""
    for key, value in top_level(document):
        if key.value in LINKS:
            yield key.value, value
        elif key.value == EXTRA:
            yield from (
                (name, node)
                for name, node in _under(value, EXTRA)
                if name.endswith(f".{LINK}") or name == f"{EXTRA}.homepage"
            )
        elif key.value == NAV:
            yield from nav_targets(value, "")


def _under(node: yaml.Node, name: str) -> Found:
    """Every value under ``node``, at any depth, named by its keys (``extra.social[0].link``).
    A value a tag gives (``!ENV``) is one value, whatever its shape."""
    if isinstance(node, yaml.MappingNode) and node.tag.startswith(YAML_TAGS):
        for key, value in mapping_pairs(node):
            yield from _under(value, f"{name}.{key.value}")
    elif isinstance(node, yaml.SequenceNode) and node.tag.startswith(YAML_TAGS):
        for index, item in enumerate(node.value):
            yield from _under(item, f"{name}[{index}]")
    else:
        yield name, node


def nav_targets(node: yaml.Node, title: str) -> Found:
    """The pages and addresses of ``nav`` (``- 首页: index.md``, ``- index.md``), at any depth,
    each named by its title."""
    if isinstance(node, yaml.SequenceNode) and node.tag != ENV_TAG:
        for item in node.value:
            yield from nav_targets(item, title)
    elif isinstance(node, yaml.MappingNode):
        for key, value in mapping_pairs(node):
            yield from nav_targets(value, str(key.value))
    else:
        yield (f"the nav entry '{title}'" if title else "an entry of 'nav'"), node


def _link_problem(name: str, node: yaml.Node, value: str, scheme: str, shown: Path) -> Problem:
    danger = {"data": "opens what it holds, code too", **dict.fromkeys(SCRIPTED, "runs code")}
    message = (
        f"{name} links to {value!r}, a '{scheme}:' address, which every page would print as a "
        f"link (a '{scheme}:' link {danger.get(scheme, 'may open a file or a program')})"
        f"{given_by_variable(node)}"
    )
    fix = (
        "write a web address (https://…), a mailto: address or a page of the site "
        "(01-intro.md): a link there may be nothing else"
    )
    return problem_at(node.start_mark, shown, message, fix, "settings.link-scheme")


def site_resources(document: yaml.Node | None) -> Found:
    """The scripts and style sheets every page loads, and the theme's logo and icon."""
    for key, value in top_level(document):
        if key.value in RESOURCES:
            yield from _files_of(key.value, value)
        elif key.value == THEME:
            yield from (
                (f"{THEME}.{name.value}", picture)
                for name, picture in mapping_pairs(value)
                if name.value in THEME_PICTURES
            )


def _files_of(setting: str, node: yaml.Node) -> Found:
    """The files a list of ``extra_javascript`` or ``extra_css`` names."""
    items = node.value if isinstance(node, yaml.SequenceNode) and node.tag == SEQ_TAG else []
    for index, item in enumerate(items):
        yield f"{setting}[{index}]", path_of(item)


def path_of(item: yaml.Node) -> yaml.Node:
    """The file an item of ``extra_javascript`` or ``extra_css`` names: the item, or its
    ``path`` (``- path: a.js`` over ``type: module``)."""
    return next((value for key, value in mapping_pairs(item) if key.value == "path"), item)


def _resource_problem(name: str, node: yaml.Node, value: str, shown: Path) -> Problem:
    held = WRITTEN_IN if _scheme(value) == "data" else ELSEWHERE
    message = f"{name} names {value!r}, {held}{given_by_variable(node)}"
    fix = "remove it, or save the file in the site and name it by its path there"
    return problem_at(node.start_mark, shown, message, fix, "settings.elsewhere")


def _analytics(document: yaml.Node | None, shown: Path) -> Iterator[Problem]:
    """``extra.analytics``: Google Analytics on every page."""
    extra = next((value for key, value in top_level(document) if key.value == EXTRA), None)
    for name in (name for name, _ in mapping_pairs(extra) if name.value == "analytics"):
        message = (
            "'extra.analytics' makes every page load Google Analytics from "
            "www.googletagmanager.com and report each visit there, and mainland China blocks "
            "it: the course loads nothing from another site"
        )
        fix = "remove 'analytics:' and the settings under it"
        yield problem_at(name.start_mark, shown, message, fix, "settings.analytics")
