"""A number beyond a limit of the schema, or not a whole number, in the trainer's terms.

A whole number written with more digits than are read (:class:`LongNumber`) stands for one
beyond every limit; when most of them are leading zeros (``pass_mark: 000…0080``) the number
itself may be right, and the message says so rather than calling it too large.

A value that is not a whole number (``80%``, ``0.8``) is answered with the number it means
when it says one, and otherwise with an example that fits the key: a trainer copies the fix
as it stands, so it must never be a number that changes what was meant. The number is
offered only alone or with a unit its key is counted in (``10分钟``, not ``1小时``), and a
pass mark written as a fraction, with a fractional part, is offered as a percentage (``1.0``
is 100; ``"1"`` is 1).

A whole number written as no page shows one (``0x50``, ``+80``, ``1_000``: an
:class:`OtherNotation`) is named as written, with the number YAML reads, and offered in plain
digits; so is a number written with an exponent (``8e1``), which YAML reads as 80.0.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal

from generator.models import DEFAULT_PASS_MARK, MOST_MINUTES, MOST_PERCENT
from generator.yaml_events import LONGEST_NUMBER, LongNumber, OtherNotation
from generator.yaml_written import found_value

PERCENTAGES = {"pass_mark", "module_pass_mark"}
"""Keys whose whole number is a percentage, so that a fraction (``0.8``) means 80."""
EXAMPLES = {"minutes": 30, "pass_mark": DEFAULT_PASS_MARK, "module_pass_mark": DEFAULT_PASS_MARK}
"""A whole number that fits each key, where the value means none."""
HIGHEST = {"minutes": MOST_MINUTES, **dict.fromkeys(PERCENTAGES, MOST_PERCENT)}
"""The largest whole number each key takes: a fix never offers one beyond it."""
DRAW_EXAMPLE = 2
"""The example for any other whole number: how many questions ``draw:`` takes from a module."""
UNITS = {
    "minutes": frozenset({"分钟", "分", "min", "minutes"}),
    **dict.fromkeys(PERCENTAGES, frozenset({"%", "％", "分"})),
}
"""The units each key is counted in, which a trainer may write after the number."""
DRAW_UNITS = frozenset({"题", "道"})
"""The units of any other whole number: questions ``draw:`` takes."""
NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


def out_of_range(key: str, value: object, bound: str) -> tuple[str, str, str]:
    """The message, fix and code for ``value`` of ``key``, which is not ``bound``
    ("at most 100")."""
    shorter = value.without_leading_zeros() if isinstance(value, LongNumber) else None
    if isinstance(value, LongNumber) and shorter is not None:
        return (
            f"'{key}' is written as {value!r}, more digits than the {LONGEST_NUMBER} a "
            "number may have, most of them leading zeros",
            f"write it without the leading zeros, as {key}: {shorter} (it must be {bound})",
            "too-many-digits",
        )
    return f"'{key}' must be {bound}, not {value!r}", f"change the value of '{key}'", "out-of-range"


def not_a_whole_number(subject: str, key: str, value: object, written: str) -> tuple[str, str, str]:
    """The message, fix and code for ``value`` of ``key`` (``subject``: "'minutes'"), which
    is not a whole number in plain digits; ``written`` is the value as the trainer wrote it,
    which names a number YAML reads otherwise (``8e1``, read as 80.0)."""
    if isinstance(value, OtherNotation):
        return (
            f"{subject} is written {value.notation()}, as {value}, which YAML reads as "
            f"{value.number}",
            f"{whole_number_fix(key, value)} (in plain digits)",
            "not-a-number",
        )
    found = f"the number {written}" if isinstance(value, float) else found_value(value)
    said = "is empty" if value is None else f"must be a whole number, not {found}"
    return (
        f"{subject} {said}",
        f"{whole_number_fix(key, value)} (no quotes, no unit)",
        "not-a-number",
    )


def whole_number_fix(key: str, value: object) -> str:
    """How to write ``key``, whose ``value`` is not a whole number: as the number the value
    holds (``80%``, ``'80'``, ``80.0``, ``0x50``; ``0.8`` or ``1.0`` as a percentage), if it
    is a whole one."""
    number, bare = _number_in(key, value)
    percentage = ""
    if number is not None and bare and key in PERCENTAGES and _is_fraction(number):
        number, percentage = number * 100, "a pass mark is a percentage: "
    example = f"{key}: {EXAMPLES.get(key, DRAW_EXAMPLE)}"
    if number is None or number <= 0 or number != number.to_integral_value():
        return f"write a whole number, such as {example}"
    if key in HIGHEST and number > HIGHEST[key]:
        return f"write a whole number from 1 to {HIGHEST[key]}, such as {example}"
    return f"{percentage}write {key}: {int(number)}"


def _is_fraction(number: Decimal) -> bool:
    """Whether ``number`` was written as a fraction of one: from 0 to 1 and with a fractional
    part (``0.8``, ``1.0``), where a bare ``1`` is one percent."""
    return 0 < number <= 1 and int(number.as_tuple().exponent) < 0


def _number_in(key: str, value: object) -> tuple[Decimal | None, bool]:
    """The one number in ``value``, if it holds one alone or before a unit ``key`` is
    counted in, and whether it is alone."""
    if isinstance(value, float) and math.isfinite(value):
        return Decimal(str(value)), True
    if isinstance(value, OtherNotation):
        return Decimal(value.number), True
    numbers = NUMBER.findall(value) if isinstance(value, str) else []
    if not isinstance(value, str) or len(numbers) != 1:
        return None, False
    before, _, after = value.partition(numbers[0])
    unit = after.strip().lower()
    if before.strip() or (unit and unit not in UNITS.get(key, DRAW_UNITS)):
        return None, False
    return Decimal(numbers[0]), not unit
