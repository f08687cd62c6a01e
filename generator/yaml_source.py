"""Read YAML with line numbers: plain data and where each key and item starts."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.composer import Composer
from ruamel.yaml.constructor import DuplicateKeyError, RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, StreamMark
from ruamel.yaml.events import AliasEvent, NodeEvent, ScalarEvent
from ruamel.yaml.nodes import MappingNode, ScalarNode
from ruamel.yaml.parser import RoundTripParser
from ruamel.yaml.tokens import DirectiveToken

from generator.errors import Problem
from generator.line_folds import unfold_wide
from generator.models import Source
from generator.yaml_events import Location, LongNumber, Positions, is_long_number, read_plain
from generator.yaml_hints import COURSE, context_line_of, syntax_hint
from generator.yaml_lines import Hint
from generator.yaml_list_hints import repeated_first_key
from generator.yaml_quote_hints import quote_left_open

MAX_DEPTH = 20
"""Deepest nesting accepted; the text of a dialogue's reply is eight levels down."""
FULL_WIDTH_SPACE = "\u3000"
FULL_WIDTH_INDENT = (
    "the line is indented with full-width spaces (U+3000)",
    "indent with ordinary spaces (half-width), two per level",
    "yaml.full-width-indent",
)
TAB_FIX = "use spaces, not tabs"
MERGE_KEY = "<<"
DOCUMENT_MARKER = re.compile(r"(?:---|\.\.\.)(?:[ \t]|$)")
"""A line that ends a YAML document ('...') or starts one ('---')."""
DOCUMENT_END_FIX = "delete this '...' line (a text that starts with '...' goes in quotes)"


def _line_end_tabs_as_spaces(line: str) -> str:
    """``line`` with the white space at its end (or making up the whole line) read as spaces,
    one for one, when it holds a tab: valid YAML 1.2, which the YAML 1.1 readers refuse.
    Not a pattern: ``[ \\t]*\\t[ \\t]*$`` took time growing with the square of a long
    run of spaces."""
    body = line.rstrip(" \t")
    end = line[len(body) :]
    return body + " " * len(end) if "\t" in end else line


class YamlSyntaxError(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


class _Refused(Exception):
    """YAML that is valid but not accepted in a course file."""

    def __init__(self, mark: StreamMark, message: str, fix: str, code: str) -> None:
        super().__init__(message)
        self.mark, self.message, self.fix, self.code = mark, message, fix, code


class _PlainComposer(Composer):
    """Composes plain data: no anchors, aliases, tags or merge keys, nested at most MAX_DEPTH deep.

    Aliases can make a document refer to itself (endless recursion) or expand a few
    lines into millions of nodes (an "alias bomb"); tags (``!!float``, ``!!binary``) ask
    for types a course never holds. A quiz needs none of them.
    """

    nesting = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.parser.peek_event()
        refusal = _refusal(event) or _key_refusal(parent, index, event)
        if refusal is None and self.nesting >= MAX_DEPTH:
            refusal = (
                f"the data is nested more than {MAX_DEPTH} levels deep",
                "check the brackets and the indentation: a quiz or a page's front matter needs far "
                "fewer levels",
                "yaml.too-deep",
            )
        if refusal is not None:
            raise _Refused(event.start_mark, *refusal)
        self.nesting += 1
        try:
            node = super().compose_node(parent, index)
        finally:
            self.nesting -= 1
        if isinstance(node, ScalarNode):
            node.value = _unfolded(node, self.loader.reader.buffer)
        return node


def _unfolded(node: ScalarNode, text: str) -> str:
    """The node's text with folded breaks between wide characters joined
    (:mod:`generator.line_folds`). In a ``>`` text, ruamel.yaml marks each fold with BEL,
    which YAML allows nowhere in a file, to keep the folds for writing the file back."""
    value: str = node.value.replace("\a", "") if node.style == ">" else node.value
    return unfold_wide(value, text[node.start_mark.index : node.end_mark.index], node.style)


class _PlainParser(RoundTripParser):
    """Refuses directives: ``%YAML 1.1`` would read ``yes`` and ``no`` as true and false,
    and ``%TAG`` names tags; a course file is read as YAML 1.2 and holds no tags."""

    def process_directives(self) -> Any:
        if self.scanner.check_token(DirectiveToken):
            token = self.scanner.peek_token()
            raise _Refused(
                token.start_mark,
                f"the directive '%{token.name}' is not supported in course files",
                "remove this line: course files are always read as YAML 1.2",
                "yaml.directive",
            )
        return super().process_directives()


def _key_refusal(parent: Any, index: Any, event: Any) -> tuple[str, str, str] | None:
    """Why the mapping key ``event`` starts is not accepted: (message, fix, code), if it is
    a key (ruamel composes a mapping's key with no index) and is not.

    A key that is not a scalar cannot be a dictionary key in Python at all. A merge key
    (``<<: {id: x}``, plain, not quoted) copies keys from elsewhere: they have no line of
    their own, and a quiz needs none of them.
    """
    if not isinstance(parent, MappingNode) or index is not None:
        return None
    if not isinstance(event, ScalarEvent):
        return (
            "a key is a list or a mapping here; keys are words such as 'prompt'",
            "remove the '?' or the brackets before the key, or fix the indentation; put a "
            "text that starts with '{' or '[' in quotes",
            "yaml.complex-key",
        )
    if event.value == MERGE_KEY and event.style is None:
        return (
            f"merge keys ('{MERGE_KEY}') are not supported in course files",
            "write the keys out in full in each place that needs them",
            "yaml.merge-key",
        )
    return None


def _refusal(event: Any) -> tuple[str, str, str] | None:
    """Why the node ``event`` starts is not accepted: (message, fix, code), if it is not."""
    if isinstance(event, AliasEvent) or (isinstance(event, NodeEvent) and event.anchor):
        return (
            "anchors (&name) and aliases (*name) are not supported in course files",
            "write the text out in full where it is needed; if the text starts with "
            "'&' or '*', put it in quotes",
            "yaml.alias",
        )
    tag = getattr(event, "ctag", None)  # an explicit tag; implicit ones are None
    if tag is not None:
        return (
            f"the tag '{tag}' is not supported in course files",
            "remove it; if the text starts with '!', put it in quotes",
            "yaml.tag",
        )
    return None


class _PlainConstructor(RoundTripConstructor):
    """Reads a whole number with too many digits as a :class:`LongNumber`: Python refuses to
    turn more than 4,300 digits into a number, or a number that long back into text."""

    def construct_long_int(self, node: ScalarNode) -> Any:
        if is_long_number(node.value):
            return LongNumber(node.value)
        return self.construct_yaml_int(node)


_PlainConstructor.add_constructor("tag:yaml.org,2002:int", _PlainConstructor.construct_long_int)


def _loader() -> YAML:
    loader = YAML(typ="rt")
    loader.Parser = _PlainParser
    loader.Composer = _PlainComposer
    loader.Constructor = _PlainConstructor
    return loader


def parse_yaml(text: str, path: Path, line_offset: int = 0) -> Source:
    """Parse YAML 1.2 (``no`` and ``on`` stay strings; duplicate keys are errors).

    libyaml's events read a plain course file fast (:mod:`generator.yaml_events`);
    anything else, and every file that is refused, goes through ruamel.yaml. Tabs no one
    can see, at a line's end, are read as spaces, one for one, so columns stay true.
    """
    if "\t" in text:
        text = "\n".join(map(_line_end_tabs_as_spaces, text.split("\n")))
    read = read_plain(text, MAX_DEPTH)
    if read is None:
        try:
            read = read_round_trip(text)
        except (_Refused, MarkedYAMLError) as error:
            hint = _describe_yaml_error(error, text, line_offset)
            raise _syntax_error(path, hint, line_offset) from None
    lines = text.split("\n")
    left_open = quote_left_open(lines) if "'" in text or '"' in text else None
    if left_open is not None:
        raise _syntax_error(path, left_open, line_offset)
    return Source(
        path=path, tree=read[0], positions=read[1], line_offset=line_offset, lines=tuple(lines)
    )


def _syntax_error(path: Path, hint: Hint, line_offset: int) -> YamlSyntaxError:
    """What is wrong at ``hint``'s line of a text that starts ``line_offset`` lines into
    the file at ``path``."""
    line, column, message, fix, code = hint
    return YamlSyntaxError(Problem(path, line + line_offset, column, message, fix, code))


def read_round_trip(text: str) -> tuple[Any, Positions]:
    """Plain data and positions through ruamel.yaml; raises what it finds wrong."""
    positions: Positions = {}
    return _plain(_loader().load(text), (), positions), positions


def _plain(node: Any, location: Location, positions: Positions) -> Any:
    """ruamel.yaml's round-trip data as plain values (keys as text), recording where each
    key and item starts."""
    if isinstance(node, CommentedMap | CommentedSeq) and not location:
        positions[()] = (node.lc.line, node.lc.col)
    if isinstance(node, CommentedMap):
        plain = {}
        for key, value in node.items():
            here = (*location, str(key))
            positions[here] = node.lc.key(key)
            plain[str(key)] = _plain(value, here, positions)
        return plain
    if isinstance(node, CommentedSeq):
        items = []
        for index, value in enumerate(node):
            here = (*location, index)
            positions[here] = node.lc.item(index)
            items.append(_plain(value, here, positions))
        return items
    return str(node) if isinstance(node, str) else node


def _describe_yaml_error(
    error: _Refused | MarkedYAMLError, text: str, line_offset: int
) -> tuple[int, int, str, str, str]:
    """Line and column in ``text``, what is wrong, how to fix it, and the problem's code; a
    line the message names counts in the file, ``line_offset`` lines above ``text``."""
    if isinstance(error, _Refused):
        return error.mark.line + 1, error.mark.column + 1, error.message, error.fix, error.code
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    if isinstance(error, DuplicateKeyError):
        repeated = repeated_first_key(text.split("\n"), line)
        return repeated or (line, column, *duplicate_key(_duplicate_key_name(error)))
    hint = indent_hint(text, line, column) or syntax_hint(
        text, line, context_line_of(error), COURSE, line_offset
    )
    if hint is not None:
        return hint
    what = error.problem or error.context or "the text is not valid YAML"
    if "found another document" in what:
        return _second_document(text.split("\n"), line, column)
    return line, column, f"YAML syntax error: {what}", _syntax_fix(what), "yaml.syntax"


def _second_document(lines: list[str], line: int, column: int) -> Hint:
    """Where another YAML document starts, found at ``line``: after a '...' line, which
    ends the one before, or at a second '---' line."""
    ended = document_end_above(lines, line)
    if ended is not None:
        return (
            ended,
            1,
            "a '...' line ends the YAML document, so the lines below it start another, but a "
            "course file holds only one",
            DOCUMENT_END_FIX,
            "yaml.document-end",
        )
    return (
        line,
        column,
        "a second '---' line starts another YAML document, but a course file holds only one",
        "remove this '---' line",
        "yaml.second-document",
    )


def document_end_above(lines: list[str], line: int) -> int | None:
    """The number of the '...' line that ends a YAML document at or above ``line`` (where
    a parser found another document), unless a '---' line comes after it."""
    marker = next(
        (number for number in range(line, 0, -1) if DOCUMENT_MARKER.match(lines[number - 1])),
        None,
    )
    return marker if marker is not None and lines[marker - 1].startswith("...") else None


def duplicate_key(name: str) -> tuple[str, str, str]:
    """What is wrong with a key written twice in one mapping, how to fix it, and the code."""
    return (
        f"duplicate key '{name}'",
        "each key may appear only once in a mapping: remove or rename one of them",
        "yaml.duplicate-key",
    )


def indent_hint(text: str, line: int, column: int) -> Hint | None:
    """A line indented with full-width spaces at or just above ``line``, where YAML gave up,
    or a tab at its ``column``: YAML refuses tabs wherever they could be taken for
    indentation, and reads a full-width space as text."""
    indented = _full_width_indent(text, line)
    if indented is not None:
        return indented, 1, *FULL_WIDTH_INDENT
    if _character_at(text, line, column) == "\t":
        return line, column, *_tab_problem(text, line, column)
    return None


def _character_at(text: str, line: int, column: int) -> str:
    """The character at the 1-based ``line`` and ``column`` of ``text``, if there is one."""
    lines = text.split("\n")
    row = lines[line - 1] if 0 < line <= len(lines) else ""
    return row[column - 1 : column]


def _tab_problem(text: str, line: int, column: int) -> tuple[str, str, str]:
    row = text.split("\n")[line - 1]
    if not row[: column - 1].strip():
        return "the line is indented with a tab", f"{TAB_FIX}: two spaces per level", "yaml.tab"
    return (
        "a tab stands where YAML does not allow one",
        f"{TAB_FIX}: replace it with a space, or put the text in quotes",
        "yaml.tab",
    )


def _full_width_indent(text: str, error_line: int) -> int | None:
    """The line at or just above ``error_line`` (empty lines passed over) that is indented
    with full-width spaces."""
    lines = text.split("\n")
    above = (n for n in range(min(error_line, len(lines)) - 1, 0, -1) if lines[n - 1].strip())
    for number in (error_line, next(above, 0)):
        line = lines[number - 1] if 0 < number <= len(lines) else ""
        if FULL_WIDTH_SPACE in line[: len(line) - len(line.lstrip())]:
            return number
    return None


def _syntax_fix(what: str) -> str:
    if "mapping values are not allowed" in what:
        return "put the value in quotes, or write the colon inside it as a full-width '：'"
    return "check the indentation and quoting on this line and the one above it"


def _duplicate_key_name(error: DuplicateKeyError) -> str:
    """ruamel says: found duplicate key "objective" with value "x" (original value: "y")."""
    quoted = re.search(r'"([^"]*)"', error.problem or "")
    return quoted.group(1) if quoted else "?"


def position(source: Source, location: Sequence[int | str]) -> tuple[int, int]:
    """Return the 1-based line and column of the node at ``location`` in ``source``.

    Walks the data as far as the location exists; a missing key points at the mapping
    that should hold it.
    """
    line, column = source.positions.get(walk(source, location)[0], (0, 0))
    return line + 1 + source.line_offset, column + 1


def value_at(source: Source, location: Sequence[int | str]) -> Any:
    """The value at ``location`` in ``source``, or the nearest one holding it."""
    return walk(source, location)[1]


def walk(source: Source, location: Sequence[int | str]) -> tuple[Location, Any]:
    """How far ``location`` exists in the data, and the value there."""
    node: Any = source.tree
    path: Location = ()
    for step in location:
        if (isinstance(node, dict) and step in node) or (
            isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node)
        ):
            path = (*path, step)
            node = node[step]  # type: ignore[index]
        elif isinstance(node, dict) and node.get("type") == step:
            continue  # pydantic names the union member it tried; it is not in the data
        else:
            break
    return path, node
