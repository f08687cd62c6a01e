"""Read YAML with line numbers: plain data and where each key and item starts."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.composer import Composer
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError
from ruamel.yaml.events import AliasEvent, NodeEvent, ScalarEvent
from ruamel.yaml.nodes import MappingNode, ScalarNode
from ruamel.yaml.parser import RoundTripParser
from ruamel.yaml.tokens import DirectiveToken

from generator.errors import PROBLEMS_PER_FILE, Problem, counted
from generator.line_folds import unfold_wide
from generator.models import Source
from generator.yaml_errors import Refused, describe_yaml_error
from generator.yaml_events import (
    PLAIN_DIGITS,
    Location,
    LongNumber,
    OtherNotation,
    Positions,
    is_long_number,
    read_plain,
)
from generator.yaml_lines import Hint
from generator.yaml_mending import mended
from generator.yaml_quote_hints import quote_left_open

MAX_DEPTH = 20
"""Deepest nesting accepted; the text of a dialogue's reply is eight levels down."""
MERGE_KEY = "<<"
MAX_SLIPS = PROBLEMS_PER_FILE - 1
"""Most slips reported in one file: past each one whose fix is certain the file is read
again, up to the next (:mod:`generator.yaml_mending`); one line after them says that reading
stopped, within the lines a file shows."""
REREAD_BUDGET = 1_000_000
"""Most characters read again past slips in one file, about 4 s: fifty times a large quiz,
twice a file of a megabyte (ruamel.yaml reads some 250,000 characters a second)."""


def _line_end_tabs_as_spaces(line: str) -> str:
    """``line`` with the white space at its end (or making up the whole line) read as spaces,
    one for one, when it holds a tab: valid YAML 1.2, which the YAML 1.1 readers refuse.
    Not a pattern: ``[ \\t]*\\t[ \\t]*$`` took time growing with the square of a long
    run of spaces."""
    body = line.rstrip(" \t")
    end = line[len(body) :]
    return body + " " * len(end) if "\t" in end else line


class YamlSyntaxError(Exception):
    """Every slip found in a file that YAML cannot read, in the order of its lines."""

    def __init__(self, problems: tuple[Problem, ...]) -> None:
        super().__init__("\n".join(map(str, problems)))
        self.problems = problems


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
            raise Refused(event.start_mark, *refusal)
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
            raise Refused(
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
    """Why the node ``event`` starts is not accepted: (message, fix, code), if it is not.
    An alias with no anchor before it is most often Markdown a trainer typed in a text
    (``prompt: **注意** …``), and is told as that."""
    if isinstance(event, AliasEvent):
        return (
            f"YAML reads '*{event.anchor}' at the start of a text as an alias (a reference "
            "to another part of the file), which course files do not use",
            "this field is plain text, where Markdown's '**bold**' and '*' show as written: "
            "remove the '*', or put the whole text in quotes to keep it",
            "yaml.alias",
        )
    if isinstance(event, NodeEvent) and event.anchor:
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
    turn more than 4,300 digits into a number, or a number that long back into text. One
    not in plain digits (``0x50``, ``+80``) is kept as written, an :class:`OtherNotation`."""

    def construct_long_int(self, node: ScalarNode) -> Any:
        if is_long_number(node.value):
            return LongNumber(node.value)
        number = self.construct_yaml_int(node)
        if PLAIN_DIGITS.fullmatch(node.value):
            return number
        return OtherNotation(node.value, int(number))


_PlainConstructor.add_constructor("tag:yaml.org,2002:int", _PlainConstructor.construct_long_int)


def _loader() -> YAML:
    loader = YAML(typ="rt")
    loader.Parser = _PlainParser
    loader.Composer = _PlainComposer
    loader.Constructor = _PlainConstructor
    return loader


def parse_yaml(text: str, path: Path, line_offset: int = 0) -> Source:
    """Parse YAML 1.2 (``no`` and ``on`` stay strings; duplicate keys are errors), or raise
    :class:`YamlSyntaxError` with every slip found.

    libyaml's events read a plain course file fast (:mod:`generator.yaml_events`);
    anything else, and every file that is refused, goes through ruamel.yaml. Tabs no one
    can see, at a line's end, are read as spaces, one for one, so columns stay true.
    """
    if "\t" in text:
        text = "\n".join(map(_line_end_tabs_as_spaces, text.split("\n")))
    lines = text.split("\n")
    read = read_plain(text, MAX_DEPTH) or _read_or_slips(lines, line_offset)
    if isinstance(read, tuple):
        left_open = quote_left_open(lines) if "'" in text or '"' in text else None
        read = [left_open] if left_open is not None else read
    if isinstance(read, list):
        raise YamlSyntaxError(tuple(_problem(path, slip, line_offset) for slip in read))
    return Source(
        path=path, tree=read[0], positions=read[1], line_offset=line_offset, lines=tuple(lines)
    )


def _read_or_slips(lines: list[str], line_offset: int) -> tuple[Any, Positions] | list[Hint]:
    """ruamel.yaml's reading of ``lines``, or the slips that keep it from reading them: past
    each slip whose fix is certain, fixed in a copy, the copy is read on to the next."""
    slips: list[Hint] = []
    reread = 0
    while len(slips) < MAX_SLIPS and reread <= REREAD_BUDGET:
        text = "\n".join(lines)
        try:
            read = (read_plain(text, MAX_DEPTH) if slips else None) or read_round_trip(text)
        except (Refused, MarkedYAMLError) as error:
            slip = describe_yaml_error(error, text, line_offset)
            if _same_slip_again(slip, slips):  # its fix did not take: read no further
                return slips
            slips.append(slip)
            fixed = mended(lines, slip)
            if fixed is None:
                return slips
            lines, reread = fixed, reread + len(text)
            continue
        if not slips:
            return read
        left_open = quote_left_open(lines)
        return slips + ([left_open] if left_open else [])
    return [*slips, _read_no_further(slips)]


def _same_slip_again(slip: Hint, slips: list[Hint]) -> bool:
    """Whether ``slip`` is one of ``slips`` again: of the same kind, on the same line. Its
    fix there did not take, and the message may differ (quoting a text that starts with a
    quote: another quote) as often as it is made again."""
    line, _, _, _, code = slip
    return any((found[0], found[4]) == (line, code) for found in slips)


def _read_no_further(slips: list[Hint]) -> Hint:
    """Where reading a file stopped, at the line of the last of ``slips``, with slips left
    unread perhaps below it: after the most slips read past in one run, or, in a long file,
    fewer, once it had been read again as much as a run reads (:data:`REREAD_BUDGET`)."""
    count = len(slips)
    if count >= MAX_SLIPS:
        why, listed = f"after {MAX_SLIPS} slips (the most read past in one run)", "the slips above"
    else:
        why = (
            f"after {counted(count, 'slip')}: past each one the whole file is read again, and "
            "this file is too long to be read again for more of them in one run"
        )
        listed = "that slip" if count == 1 else f"those {count:,} slips"
    return (
        slips[-1][0],
        1,
        f"the file was read no further than this line, {why}, so more may follow below it",
        f"fix {listed}, then check again",
        "yaml.read-no-further",
    )


def _problem(path: Path, hint: Hint, line_offset: int) -> Problem:
    """What is wrong at ``hint``'s line of a text that starts ``line_offset`` lines into
    the file at ``path``."""
    line, column, message, fix, code = hint
    return Problem(path, line + line_offset, column, message, fix, code)


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


def position(source: Source, location: Sequence[int | str]) -> tuple[int, int]:
    """Return the 1-based line and column of the node at ``location`` in ``source``.

    Walks the data as far as the location exists; a missing key points at the mapping
    that should hold it.
    """
    found = source.positions.get(tuple(location))  # most locations asked for exist
    line, column = found or source.positions.get(walk(source, location)[0], (0, 0))
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
