"""A number beyond a limit of the schema, in the trainer's terms.

A whole number written with more digits than are read (:class:`LongNumber`) stands for one
beyond every limit; when most of them are leading zeros (``pass_mark: 000…0080``) the number
itself may be right, and the message says so rather than calling it too large.
"""

from __future__ import annotations

from generator.yaml_events import LONGEST_NUMBER, LongNumber


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
