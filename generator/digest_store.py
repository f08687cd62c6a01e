"""Values kept between runs by digest, in one JSON file under ``build/cache/``.

A run reads the whole file, takes the values it finds, adds those it makes, and saves
the values it used (and no others) when they differ from what it read, so the file holds
what the course needs now and no more. The file carries a stamp: a digest of the
settings and versions its values depend on. A file with another stamp, or one that
cannot be read, counts as empty. Deleting the file is always safe.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from contextlib import suppress
from pathlib import Path
from typing import Any

from generator.settings_env import variables_read
from generator.write import write_output

METADATA = (".dist-info", ".egg-info")
PACKAGE_FOLDERS = ("site-packages", "dist-packages")
"""How the folders that say which distribution is installed, and its version, are named."""


class DigestStore:
    def __init__(self, path: Path, stamp: str) -> None:
        self.path = path
        self.stamp = stamp
        self.found: dict[str, Any] = _read(path, stamp)
        self.used: dict[str, Any] = {}
        self.made = False
        """Whether this run put a value (new, or in place of one it could not use)."""

    def get(self, key: str) -> Any | None:
        """The value kept under ``key``, or None; a value found is kept by the next save."""
        value = self.found.get(key)
        if value is not None:
            self.used[key] = value
        return value

    def put(self, key: str, value: Any) -> None:
        self.used[key] = value
        self.made = True

    def save(self) -> None:
        """Keep the values this run used, if they are not the ones it found. A folder that
        cannot take the file (read-only, or a file in its place) keeps nothing: the values
        are made again next time, and what the run tells is the same without them. Text
        is written as ASCII escapes, which hold any value, a file name that is not UTF-8
        (read as lone surrogates) too."""
        if not self.made and self.used.keys() == self.found.keys():
            return
        text = json.dumps({"stamp": self.stamp, "values": self.used})
        with suppress(OSError):
            write_output(self.path, lambda partial: partial.write_text(text, encoding="ascii"))


def stamp_of(*inputs: bytes) -> str:
    """A stamp for values made from ``inputs`` by the packages installed now and this version
    of Python (whose Unicode tables and HTML parser the checks read with).

    Every package counts, not only those known to make the values: a Markdown extension or
    a theme the settings name may come from any package. Installing one reads every file
    again once."""
    versions = json.dumps([sys.version, *_installed()]).encode()
    return hashlib.sha256(b"\0".join([versions, *inputs])).hexdigest()


def settings_read(config_file: Path) -> bytes:
    """What MkDocs reads the site's settings from: the bytes of ``config_file``, mkdocs.yml
    (none when it is missing), and the values of the environment variables its ``!ENV``
    tags name, which change the settings while the file stays the same."""
    settings = config_file.read_bytes() if config_file.is_file() else b""
    return settings + b"\0" + json.dumps(variables_read(settings)).encode()


def _installed() -> list[str]:
    """The distributions installed where Python imports packages from (``site-packages``,
    Debian's ``dist-packages``), by the names of their metadata folders, which hold the
    version (``Markdown-3.8.dist-info``): listing the folders takes well under a
    millisecond, where asking each distribution its version reads its files. The folder a
    command runs in, first on ``sys.path``, is not one: a preview started in the project
    and a check run from elsewhere made two stamps, and each threw away the other's values."""
    folders = (entry for entry in sys.path if os.path.basename(entry) in PACKAGE_FOLDERS)
    return sorted(
        name for folder in folders for name in _names_in(folder) if name.endswith(METADATA)
    )


def _names_in(folder: str) -> list[str]:
    """The names in ``folder``; none when it is no folder (a zip file) or cannot be read."""
    try:
        return os.listdir(folder)
    except OSError:
        return []


def _read(path: Path, stamp: str) -> dict[str, Any]:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        values = raw["values"] if raw["stamp"] == stamp else {}
        return dict(values)
    except (OSError, ValueError, TypeError, KeyError, RecursionError):
        return {}
