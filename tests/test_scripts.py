"""The maintainers' scripts outside ``make test`` still fit the site they walk."""

from __future__ import annotations

import re

from tests.conftest import PROJECT

PRESSED = re.compile(r'get_by_role\("(?:button|link)", name="([^"]+)"')
"""A control the screenshot script finds by its name, to press it."""


def site_sources() -> str:
    """The runtime's scripts and the generator's templates: where a control's name is set."""
    assets = sorted((PROJECT / "generator/assets").glob("*.js"))
    templates = sorted((PROJECT / "generator/templates").rglob("*.j2"))
    return "\n".join(path.read_text(encoding="utf-8") for path in [*assets, *templates])


def test_every_control_the_screenshot_script_presses_is_named_so_on_the_site() -> None:
    """``make screenshots`` waited 30 s for 查看本章成绩 and stopped with a traceback: the
    link had become 查看本模块成绩, and no test runs the script."""
    script = (PROJECT / "scripts/screenshots.py").read_text(encoding="utf-8")
    pressed = set(PRESSED.findall(script))
    assert len(pressed) >= 5
    sources = site_sources()
    assert sorted(name for name in pressed if name not in sources) == []
