"""How the live preview stops: ``kill`` and a closing terminal as Ctrl+C does."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

STOP_SIGNALS = ("SIGTERM", "SIGHUP")
"""What ``kill`` and a closing terminal send; Windows has no SIGHUP."""


@contextmanager
def stopped_as_by_ctrl_c() -> Iterator[None]:
    """``kill`` (SIGTERM) and the terminal's closing (SIGHUP) stop the preview as Ctrl+C does,
    removing its temporary folder; by default they end it on the spot, leaving the folder."""
    stops = [getattr(signal, name) for name in STOP_SIGNALS if hasattr(signal, name)]
    previous = {stop: signal.signal(stop, _interrupt) for stop in stops}
    try:
        yield
    finally:
        for stop, handler in previous.items():
            signal.signal(stop, handler)


def _interrupt(signal_number: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt
