"""The runtime as the build writes it: no newer JavaScript than the sources are linted for
(eslint.config.mjs), since a minifier may rewrite code in newer syntax."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from generator.runtime import JOINED_FILES, runtime_assets
from tests.conftest import NODE_MODULES, PROJECT

PARSE_SCRIPTS = PROJECT / "tests/node/parse-scripts.js"


def sources_language_level() -> str:
    """The ECMAScript version ESLint holds the runtime's sources to (eslint.config.mjs)."""
    config = (PROJECT / "eslint.config.mjs").read_text(encoding="utf-8")
    found = re.search(r"ecmaVersion: (\d+)", config)
    assert found is not None
    return found.group(1)


def parse_errors(level: str, scripts: list[Path]) -> list[str]:
    assert (NODE_MODULES / "espree").is_dir(), "run `make test` (it runs `npm install`)"
    result = subprocess.run(
        ["node", str(PARSE_SCRIPTS), level, *map(str, scripts)],
        capture_output=True,
        text=True,
        check=False,
    )
    return result.stdout.splitlines()


def written_scripts(folder: Path) -> list[Path]:
    """The runtime's scripts as the build writes them, saved into ``folder``."""
    scripts = []
    for name, data in runtime_assets().items():
        if name.endswith(".js"):
            path = folder / name.replace("/", "_")
            path.write_bytes(data)
            scripts.append(path)
    return scripts


def test_the_minified_scripts_parse_at_the_sources_language_level(tmp_path: Path) -> None:
    scripts = written_scripts(tmp_path)
    sources = {path.name for path in (PROJECT / "generator/assets").glob("*.js")}
    joined = {name for name in JOINED_FILES if name.endswith(".js")}
    served = sources.difference(*(JOINED_FILES[name] for name in joined)) | joined
    assert {path.name.removeprefix("assets_") for path in scripts} >= served
    assert parse_errors(sources_language_level(), scripts) == []


def test_syntax_newer_than_the_level_is_found(tmp_path: Path) -> None:
    newer = tmp_path / "newer.js"
    newer.write_text("var found = {};\nfound.count ??= 0;\n", encoding="utf-8")
    [error] = parse_errors(sources_language_level(), [newer])
    assert error.startswith(f"{newer}: ")
