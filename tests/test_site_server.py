"""The server the tests' sites run on keeps a browser's hang-up out of the output a test reads.

A browser closed mid-response left a traceback, ruled off with dashes, in the stderr that
a later test on the same worker captured as the generator's messages, and that test failed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SiteServer, serve_folder

PEER = ("127.0.0.1", 40000)


def error_printed(server: SiteServer, error: Exception, capsys: pytest.CaptureFixture[str]) -> str:
    try:
        raise error
    except Exception:
        server.handle_error(None, PEER)
    return capsys.readouterr().err


@pytest.mark.parametrize("error", [ConnectionResetError(104, "reset"), BrokenPipeError(32, "pipe")])
def test_a_browser_hanging_up_prints_nothing(
    error: Exception, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    with SiteServer(("127.0.0.1", 0), serve_folder(tmp_path)) as server:
        assert error_printed(server, error, capsys) == ""


def test_a_fault_in_a_handler_is_still_printed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    with SiteServer(("127.0.0.1", 0), serve_folder(tmp_path)) as server:
        printed = error_printed(server, ValueError("a handler's own fault"), capsys)
    assert "ValueError: a handler's own fault" in printed
