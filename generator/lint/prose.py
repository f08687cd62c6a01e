"""Quiz and front-matter text written as Chinese is: “” and ‘’ for quotation marks, no
space between two characters, no markup (such text is plain), and feedback on a wrong
answer that says why it is wrong.

The course's content tests held these rules alone, so a quiz that passed ``check`` failed
``make test``, which publishing runs, and the trainer learned of it only there.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import unescape
from html.entities import html5

from generator.errors import Problem
from generator.lint.questions import QuestionList, warning
from generator.lint.thresholds import WRONG_ANSWER_FEEDBACK
from generator.models import MultipleChoice, Question, Scenario, SingleChoice, Source
from generator.page_scan import HAN
from generator.page_tag_names import HTML_ELEMENTS
from generator.plain_text import key_name, strings
from generator.yaml_comment_hints import FULL_WIDTH_HASHES
from generator.yaml_events import Location
from generator.yaml_source import position
from generator.yaml_written import quoted_start

STRAIGHT_QUOTE = re.compile(r"[\"']")
PAIRED_MARKS = (("“", "”"), ("「", "」"), ("『", "』"), ("《", "》"))
"""Marks that come in pairs in Chinese text: quotation marks and a title's. Not ‘’, whose
closing one is also an apostrophe (McDonald’s)."""
CHINESE = r"[\u4e00-\u9fff\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff60]"
"""A Chinese character or punctuation mark (not a full-width letter or digit: 是 ｍｏｔ)."""
SPACE_IN_CHINESE = re.compile(rf"{CHINESE} +{CHINESE}")
"""A space typed between two Chinese characters or punctuation marks (a line break there,
in a text folded across lines, is joined without one: :mod:`generator.line_folds`)."""
MARKUP = re.compile(
    r"\*\*[^*\s][^*]*\*\*|`[^`\s][^`]*`|\[[^\]]+\]\([^)\s]+\)"
    rf"|</?(?:{'|'.join(sorted(HTML_ELEMENTS, key=len, reverse=True))})\b[^<>]*>",
    re.IGNORECASE,
)
"""Markdown (``**最好**``, a link, code) or an HTML tag (``<br>``, ``<b>``, ``<font
color="red">``) in a quiz's text, which is plain text: the site shows the marks as
written. ``__`` is no markup here: it marks a fill-in question's blank."""
CHARACTER_REFERENCE = re.compile(
    r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
)
"""An HTML character reference (``&nbsp;``, ``&mdash;``, ``&#8212;``), which plain text
shows as written too."""


FULL_WIDTH_COMMENT = re.compile(rf"\s[{''.join(FULL_WIDTH_HASHES)}]\s*\S.*$")
"""A note for trainers typed as a YAML comment with a Chinese keyboard's '＃' (``理由是什么？
＃ TODO 改短``): YAML reads no comment there, and the note stays in the text."""
PLACEHOLDER = re.compile(
    r"[\s.。…·⋯—\-_?？!！*＊xX]+|待补充|待填写?|待定|略|TODO|TBD|FIXME|XXX", re.IGNORECASE
)
"""A text left as a stand-in for one to write (``……``, ``待补充``, ``TODO``)."""


def prose_problems(questions: QuestionList) -> Iterator[Problem]:
    """Chinese text with a straight quotation mark, one with no partner, or a space between
    two characters."""
    for index, question in enumerate(questions.questions):
        tree = questions.source.tree[questions.key][index]
        for keys, text in strings(tree):
            yield from _text_problems(questions, index, keys, text, question.id)


def front_matter_prose_problems(source: Source) -> Iterator[Problem]:
    """The same rules for a page's front matter (its title, summary and objectives), which
    the navigation, the page's head and the dashboard show as written."""
    for location, text in strings(source.tree):
        for said, fix, code in _findings(text):
            where = (source.path, *position(source, location))
            yield warning(where, f"'{key_name(location)}': {said}", fix, code)


def wrong_feedback_problems(questions: QuestionList) -> Iterator[Problem]:
    """A wrong answer with no feedback, or feedback too short to say why it is wrong (a
    course standard: :mod:`generator.lint.standards` runs it)."""
    for index, question in enumerate(questions.questions):
        for keys, text in wrong_answer_feedback(question):
            yield from _feedback_problems(questions, index, keys, text, question.id)


def _text_problems(
    questions: QuestionList, index: int, keys: Location, text: str, question_id: str
) -> Iterator[Problem]:
    """``text``, at ``keys`` of question ``index``, with a straight quotation mark or one
    with no partner, left as a stand-in, with markup or with a space between two Chinese
    characters."""
    for said, fix, code in _findings(text):
        yield warning(questions.at(index, *keys), f"question '{question_id}': {said}", fix, code)


Finding = tuple[str, str, str] | None
"""What is wrong with a text, how to fix it, and the code; None when nothing is."""


def _findings(text: str) -> Iterator[tuple[str, str, str]]:
    """What is wrong with ``text``: a note typed as a full-width comment is named as such,
    not as the space before its '＃'."""
    findings = (_straight_quote(text), _unpaired(text), _placeholder(text), _markup(text))
    for found in (*findings, _full_width_comment(text) or _spaced(text)):
        if found is not None:
            yield found


def _straight_quote(text: str) -> Finding:
    if not HAN.search(text) or (quote := STRAIGHT_QUOTE.search(text)) is None:
        return None
    return (
        f"Chinese text with the straight quotation mark {quote.group()} ({quoted_start(text)})",
        "write “” (or ‘’ inside them), as Chinese text does",
        "text.straight-quote",
    )


def _unpaired(text: str) -> Finding:
    """A quotation mark or title mark with no partner: a curly quote typed to close a text
    opened with a straight one (``prompt: "……道歉。”``), which YAML keeps in the text."""
    for opening, closing in PAIRED_MARKS:
        if opening not in text and closing not in text:
            continue
        depth = 0
        for mark in (char for char in text if char in (opening, closing)):
            depth += 1 if mark == opening else -1
            if depth < 0:
                return _unpaired_finding(text, closing, f"has no {opening} before it", opening)
        if depth > 0:
            return _unpaired_finding(text, opening, "is never closed", closing)
    return None


def _unpaired_finding(text: str, mark: str, how: str, partner: str) -> Finding:
    return (
        f"the mark {mark} {how} ({quoted_start(text)}), so learners read a stray {mark}",
        f"add the {partner} it pairs with, or delete it",
        "text.unpaired-quote",
    )


def _placeholder(text: str) -> Finding:
    if not PLACEHOLDER.fullmatch(text.strip()):
        return None
    return (
        f"the text '{text.strip()}' stands in for one still to write, and learners would "
        "read it as it is",
        "write the text",
        "text.placeholder",
    )


def _markup(text: str) -> Finding:
    if (markup := MARKUP.search(text)) is None:
        return _character_reference(text)
    return (
        f"the text holds markup ({markup.group()}), which the site shows as written: learners "
        "see the marks, not bold text or a line break",
        "write it as plain text; to stress a word, put it in “” or 「」",
        "text.markup-shown",
    )


def _character_reference(text: str) -> Finding:
    for found in CHARACTER_REFERENCE.finditer(text):
        reference = found.group()
        if reference.startswith("&#") or reference[1:] in html5:
            character = unescape(reference)
            typed = "a space" if character.isspace() else f"'{character}'"
            return (
                f"the text holds an HTML character reference ({reference}), which the site "
                "shows as written",
                f"type the character itself: {typed}",
                "text.markup-shown",
            )
    return None


def _full_width_comment(text: str) -> Finding:
    if (note := FULL_WIDTH_COMMENT.search(text)) is None:
        return None
    return (
        f"the text ends in '{note.group().strip()}', a comment typed with a full-width '＃', "
        "which YAML reads as part of the text: learners would read it",
        "type the '#' half-width, with a space before it, to keep the note for trainers, or "
        "delete it",
        "text.full-width-comment",
    )


def _spaced(text: str) -> Finding:
    if (spaced := SPACE_IN_CHINESE.search(text)) is None:
        return None
    return (
        f"a space between two Chinese characters ({spaced.group()!r}), which Chinese text "
        "never has",
        "remove the space",
        "text.space-in-chinese",
    )


def _feedback_problems(
    questions: QuestionList, index: int, keys: Location, text: str | None, question_id: str
) -> Iterator[Problem]:
    """The feedback ``text`` on a wrong answer, at ``keys``: missing, or too short."""
    where = questions.at(index, *keys)
    if not text:
        yield warning(
            where,
            f"question '{question_id}': a wrong answer gets no feedback",
            f"add {_key_name(keys)}: saying why the answer is wrong, in at least "
            f"{WRONG_ANSWER_FEEDBACK} Chinese characters",
            "standards.feedback-missing",
        )
    elif (count := len(HAN.findall(text))) < WRONG_ANSWER_FEEDBACK:
        yield warning(
            where,
            f"question '{question_id}': the feedback on a wrong answer says too little "
            f"({text!r}, {count} Chinese characters)",
            f"say why the answer is wrong, in at least {WRONG_ANSWER_FEEDBACK} Chinese characters",
            "standards.feedback-too-short",
        )


def wrong_answer_feedback(question: Question) -> Iterator[tuple[Location, str | None]]:
    """The feedback a learner reads after a wrong answer (None where there is none), with
    the keys where it is written or belongs."""
    if isinstance(question, SingleChoice | MultipleChoice):
        for number, option in enumerate(question.options):
            if not option.correct:
                yield ("options", number, "feedback"), option.feedback
    elif isinstance(question, Scenario):
        for turn_number, turn in enumerate(question.turns):
            for reply_number, reply in enumerate(turn.replies):
                if not reply.correct:
                    keys = ("turns", turn_number, "replies", reply_number, "feedback")
                    yield keys, reply.feedback
    else:
        yield ("feedback", "incorrect"), question.feedback.incorrect


def _key_name(keys: Location) -> str:
    return "feedback: incorrect" if keys == ("feedback", "incorrect") else "feedback"
