"""Keys under ``theme:`` and feature flags Material does not know are told at their line.

Material passed over a misspelt key (``fetures:``, ``togle:``) or feature flag
(``navigation.instnat``) without a word, and ``check`` said OK. What the theme knows is read
from its folders, the trainer's own (``custom_dir``) too; tests/bad_input/mkdocs-yml-theme-*
hold the messages of the course's own shape of settings.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.theme import Theme

from generator.settings_theme import known_to_theme
from tests.conftest import run_generator
from tests.test_settings_printed_raw import edit_settings, problems


def test_a_palette_of_one_entry_has_its_keys_checked(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``palette:`` may be one mapping rather than a list of them."""
    settings = minimal_project / "mkdocs.yml"
    text = settings.read_text(encoding="utf-8")
    start, end = text.index("  palette:"), text.index("\nplugins:")
    palette = "  palette:\n    scheme: slate\n    primray: indigo\n"
    settings.write_text(text[:start] + palette + text[end:], encoding="utf-8")
    line = text[:start].count("\n") + 3
    assert problems(minimal_project, capsys).splitlines() == [
        f"mkdocs.yml:{line}:5: unknown key 'primray' under theme.palette: Material passes "
        "over it without a word, so what it was meant to set does not happen; did you mean "
        "'primary'? remove it or use one of: accent, media, primary, scheme, toggle "
        "[settings.theme-key]",
        "FAILED: 1 problem",
    ]


def test_a_key_a_template_of_the_theme_s_own_folder_reads_is_known(
    minimal_project: Path,
) -> None:
    """A custom_dir's template may read a setting of its own (``config.theme.banner``)."""
    template = minimal_project / "overrides/partials/copyright.html"
    template.parent.mkdir(parents=True)
    template.write_text("<p>{{ config.theme.banner }}</p>\n", encoding="utf-8")
    edit_settings(
        minimal_project,
        "  font: false ",
        "  custom_dir: overrides\n  banner: 新课上线\n  font: false ",
    )
    assert run_generator(minimal_project, "check") == 0


def test_the_flags_are_read_from_the_installed_material() -> None:
    """Material 9.8.1 documents 30 feature flags; its templates test some and its script the
    others, so that reading only one of them would tell a flag it has as unknown."""
    flags = known_to_theme([Path(folder) for folder in Theme("material").dirs]).flags
    assert len(flags) == 30
    assert {"navigation.instant", "navigation.tabs", "content.code.copy", "toc.follow"} <= set(
        flags
    )


def test_the_keys_of_font_and_icon_are_read_from_the_installed_material() -> None:
    """Material 9.8.1's templates read ``config.theme.font.text`` and 15 keys of
    ``config.theme.icon``; Zensical's read two more (``blog``, ``copy``)."""
    named = known_to_theme([Path(folder) for folder in Theme("material").dirs]).named
    assert named["font"] == ["code", "text"]
    assert {"logo", "repo", "edit", "view", "admonition", "tag", "top", "blog"} <= set(
        named["icon"]
    )
    assert len(named["icon"]) == 17


def test_a_flag_an_environment_variable_gives_is_left_to_material(
    minimal_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MOT_FEATURE", "navigation.tabs")
    edit_settings(minimal_project, "    - toc.follow", "    - !ENV MOT_FEATURE")
    assert run_generator(minimal_project, "check") == 0
