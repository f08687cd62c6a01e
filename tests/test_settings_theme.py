"""A theme other than Material, and keys under ``theme:`` and feature flags Material does
not know, are told at their line.

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
from tests.conftest import NO_SITE, run_generator
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


NOT_MATERIAL = (
    "the course is made for Material for MkDocs (its search, its navigation, the quizzes' "
    "looks), and MkDocs' own themes load highlight.js from cdnjs.cloudflare.com on every page"
)
NAME = "  name: material\n"


@pytest.mark.parametrize("name", ["mkdocs", "readthedocs"])
def test_a_theme_other_than_material_is_refused_at_its_name(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    """check and the build said OK, and every page loaded highlight.js from another site,
    without Material's search and navigation."""
    line = edit_settings(minimal_project, NAME, f"  name: {name}\n")
    expected = (
        f"mkdocs.yml:{line}:9: theme.name is '{name}', not 'material': {NOT_MATERIAL}; "
        "write 'name: material' under theme: [settings.theme-name]"
    )
    assert problems(minimal_project, capsys).splitlines() == [expected, "FAILED: 1 problem"]
    built = problems(minimal_project, capsys, "build").splitlines()
    assert built == [expected, "FAILED: 1 problem", NO_SITE]


def test_settings_without_a_theme_are_refused(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """MkDocs builds with its own theme, ``mkdocs``, when ``theme:`` is left out."""
    text = (minimal_project / "mkdocs.yml").read_text(encoding="utf-8")
    edit_settings(minimal_project, text[text.index("theme:\n") : text.index("plugins:\n")], "")
    assert problems(minimal_project, capsys).splitlines() == [
        "mkdocs.yml:1:1: mkdocs.yml names no theme, so MkDocs would use its own ('mkdocs'): "
        f"{NOT_MATERIAL}; add 'theme:' with 'name: material' under it [settings.theme-name]",
        "FAILED: 1 problem",
    ]


def test_a_theme_of_the_trainer_s_folder_alone_is_refused(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """MkDocs takes a theme with no name when ``custom_dir`` names its folder."""
    (minimal_project / "overrides").mkdir()
    line = edit_settings(minimal_project, NAME, "  custom_dir: overrides\n") - 1
    assert problems(minimal_project, capsys).splitlines() == [
        f"mkdocs.yml:{line}:1: theme has no 'name:', so it is not Material: {NOT_MATERIAL}; "
        "write 'name: material' under theme: [settings.theme-name]",
        "FAILED: 1 problem",
    ]


def test_a_theme_an_environment_variable_names_is_checked(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MOT_THEME", "mkdocs")
    line = edit_settings(minimal_project, NAME, "  name: !ENV MOT_THEME\n")
    assert problems(minimal_project, capsys).splitlines() == [
        f"mkdocs.yml:{line}:9: theme.name is 'mkdocs', not 'material': {NOT_MATERIAL}; its "
        "value comes from the environment variable MOT_THEME; write 'name: material' under "
        "theme: [settings.theme-name]",
        "FAILED: 1 problem",
    ]
    monkeypatch.setenv("MOT_THEME", "material")
    assert run_generator(minimal_project, "check") == 0, capsys.readouterr().err


PALETTE_FIX = (
    "write each palette as a mapping, one key a line (the course's mkdocs.yml has three, for "
    "the system's scheme, light and dark): '- scheme: slate', then 'primary: indigo' and "
    "'accent: deep orange' below it, lined up with 'scheme:' [settings.theme-palette]"
)
NOT_A_PALETTE = (
    "not a palette (a mapping of 'scheme:', 'primary:', 'accent:' and 'toggle:'): Material "
    "reads no colour from it, so"
)
DARK_ENTRY = "      scheme: slate\n      primary: indigo\n      accent: deep orange\n"
"""The course's dark palette, the third of its colour switch."""
PRIMARY = (
    "'amber', 'black', 'blue', 'blue grey', 'brown', 'cyan', 'deep orange', 'deep purple', "
    "'green', 'grey', 'indigo', 'light blue', 'light green', 'lime', 'orange', 'pink', "
    "'purple', 'red', 'teal', 'white', 'yellow'"
)
"""Material 9.8.1's primary colours, as its documentation writes them."""
ACCENT = (
    "'amber', 'blue', 'cyan', 'deep orange', 'deep purple', 'green', 'indigo', 'light blue', "
    "'light green', 'lime', 'orange', 'pink', 'purple', 'red', 'teal', 'yellow'"
)


def settings_warnings(project: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    """What ``check`` says of mkdocs.yml, once it has passed: warnings alone."""
    assert run_generator(project, "check") == 0, capsys.readouterr().err
    lines = capsys.readouterr().err.splitlines()
    return [line for line in lines if line.startswith("mkdocs.yml:")]


def test_a_palette_written_as_a_text_is_refused(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``palette: purple`` built a site in Material's indigo with no colour switch and no dark
    scheme, and check said OK."""
    settings = minimal_project / "mkdocs.yml"
    text = settings.read_text(encoding="utf-8")
    start, end = text.index("  palette:"), text.index("\nplugins:")
    settings.write_text(text[:start] + "  palette: purple\n" + text[end:], encoding="utf-8")
    line = text[:start].count("\n") + 1
    assert problems(minimal_project, capsys).splitlines() == [
        f"mkdocs.yml:{line}:12: theme.palette is 'purple', {NOT_A_PALETTE} the site has no "
        f"colour switch and no dark scheme, in Material's default indigo; {PALETTE_FIX}",
        "FAILED: 1 problem",
    ]


def test_an_entry_of_the_palette_that_is_no_mapping_is_refused(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dark = '    - media: "(prefers-color-scheme: dark)"\n'
    line = edit_settings(minimal_project, dark, f"    - slate\n{dark}")
    assert problems(minimal_project, capsys).splitlines() == [
        f"mkdocs.yml:{line}:7: theme.palette[2] is 'slate', {NOT_A_PALETTE} the colour switch, "
        f"once there, shows Material's default light indigo with no button to go on; "
        f"{PALETTE_FIX}",
        "FAILED: 1 problem",
    ]


def test_a_scheme_or_colour_material_does_not_have_is_a_warning_at_its_line(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Material writes the names into the page for its style sheets, which colour it for
    those they know alone: ``scheme: darkest`` left the page white in a browser set to dark."""
    line = edit_settings(
        minimal_project,
        DARK_ENTRY,
        "      scheme: darkest\n      primary: chartreuse\n      accent: Deep Orange\n",
    )
    assert settings_warnings(minimal_project, capsys) == [
        f"mkdocs.yml:{line}:15: warning: theme.palette[2].scheme is 'darkest', a scheme "
        "Material's style sheets and the course's (extra_css) do not define, so the page keeps "
        "Material's light colours, white in a browser set to dark too; write one of: 'default' "
        "(its light colours), 'slate' (its dark colours); or define a scheme of your own in a "
        'style sheet named in extra_css ([data-md-color-scheme="…"]) [settings.theme-scheme]',
        f"mkdocs.yml:{line + 1}:16: warning: theme.palette[2].primary is 'chartreuse', a colour "
        "Material's style sheets and the course's (extra_css) do not define, so the header and "
        f"the links keep Material's default indigo; write one of: {PRIMARY}; or, for a colour "
        "of your own, 'custom', with --md-primary-fg-color set in a style sheet named in "
        "extra_css [settings.theme-colour]",
        f"mkdocs.yml:{line + 2}:15: warning: theme.palette[2].accent is 'Deep Orange', a colour "
        "Material's style sheets and the course's (extra_css) do not define, so what is under "
        "the pointer keeps Material's default indigo; did you mean 'deep orange'? write one "
        f"of: {ACCENT}; or, for a colour of your own, 'custom', with --md-accent-fg-color set "
        "in a style sheet named in extra_css [settings.theme-colour]",
    ]
    assert run_generator(minimal_project, "check", "--strict") == 1


def test_the_names_material_has_and_those_the_course_s_style_sheets_define_pass(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A name as Material writes it into the page (``blue-grey``) or as its documentation
    does (``blue grey``), ``custom``, and a scheme or colour a style sheet of ``extra_css``
    defines; one only a comment of it names is not."""
    sheet = minimal_project / "course/stylesheets/brand.css"
    sheet.parent.mkdir()
    sheet.write_text(
        '[data-md-color-scheme="brand"] { --md-default-bg-color: #101418; }\n'
        "[data-md-color-accent='chartreuse'] { --md-accent-fg-color: #7fff00; }\n"
        '/* [data-md-color-scheme="dusk"] { } */\n',
        encoding="utf-8",
    )
    edit_settings(
        minimal_project, "  - assets/mot.css\n", "  - assets/mot.css\n  - stylesheets/brand.css\n"
    )
    entry = "      scheme: brand\n      primary: blue grey\n      accent: chartreuse\n"
    edit_settings(minimal_project, DARK_ENTRY, entry)
    edit_settings(
        minimal_project,
        "      scheme: default\n      primary: indigo\n      accent: deep orange\n",
        "      scheme: default\n      primary: custom\n      accent: deep-purple\n",
    )
    assert run_generator(minimal_project, "check", "--strict") == 0, capsys.readouterr().err
    edit_settings(minimal_project, "scheme: brand", "scheme: dusk")
    (warning,) = settings_warnings(minimal_project, capsys)
    assert "theme.palette[2].scheme is 'dusk', a scheme" in warning
    assert "write one of: 'brand', 'default' (its light colours), 'slate' (its dark" in warning


MEDIA_QUERIES = (
    "('(prefers-color-scheme)', '(prefers-color-scheme: light)', '(prefers-color-scheme: dark)')"
)
AUTOMATIC_FAILS = (
    ", and the automatic palette (media: '(prefers-color-scheme)') fails in such a browser: "
    "Material's script stops on it, the page keeps its light colours and the colour switch is "
    "gone"
)


@pytest.mark.parametrize(
    ("written", "meant", "lost"),
    [
        (
            "(prefers-color-scheme: darkk)",
            "(prefers-color-scheme: dark)",
            f"a browser set to dark does not get this palette{AUTOMATIC_FAILS}",
        ),
        (
            "(prefers-color-scheme: dark",
            "(prefers-color-scheme: dark)",
            f"a browser set to dark does not get this palette{AUTOMATIC_FAILS}",
        ),
        (
            "(prefers-color-scheme:dark)",
            "(prefers-color-scheme: dark)",
            f"a browser set to dark does not get this palette{AUTOMATIC_FAILS}",
        ),
        (
            "(prefers-colour-scheme)",
            "(prefers-color-scheme)",
            "the palette does not follow the browser's light or dark setting",
        ),
    ],
    ids=["misspelt", "parenthesis-left-out", "no-space", "british"],
)
def test_a_media_query_material_s_colour_scheme_does_not_read_is_a_warning_at_its_line(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], written: str, meant: str, lost: str
) -> None:
    """Material's automatic palette looks up the light and dark ones by their exact media
    queries: with the dark one misspelt, a browser set to dark got a white page, Material's
    script stopped on it (Cannot read properties of null), and the colour switch was gone,
    while ``check`` said OK."""
    line = edit_settings(minimal_project, f'"{meant}"', f'"{written}"')
    index = ["(prefers-color-scheme)", "", "(prefers-color-scheme: dark)"].index(meant)
    assert settings_warnings(minimal_project, capsys) == [
        f"mkdocs.yml:{line}:14: warning: theme.palette[{index}].media is '{written}', none of "
        f"the media queries Material's colour scheme reads, as written {MEDIA_QUERIES}, so "
        f"{lost}; did you mean '{meant}'? write one of them, in double quotes, as the "
        "repository's mkdocs.yml does [settings.theme-media]"
    ]
    assert run_generator(minimal_project, "check", "--strict") == 1


def test_a_palette_of_two_without_the_automatic_one_is_told_what_it_loses(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without a palette of media '(prefers-color-scheme)', Material picks the first whose
    media query the browser matches: a browser set to dark got the light palette."""
    text = (minimal_project / "mkdocs.yml").read_text(encoding="utf-8")
    start = text.index('    - media: "(prefers-color-scheme)"\n')
    end = text.index('    - media: "(prefers-color-scheme: light)"\n')
    edit_settings(minimal_project, text[start:end], "")
    line = edit_settings(minimal_project, "scheme: dark)", "scheme: darkk)")
    (warning,) = settings_warnings(minimal_project, capsys)
    assert warning.startswith(f"mkdocs.yml:{line}:14: warning: theme.palette[1].media is ")
    assert "so a browser set to dark does not get this palette; did you mean '(" in warning
