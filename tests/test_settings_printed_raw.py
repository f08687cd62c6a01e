"""Settings of mkdocs.yml that Material prints raw, or reads a file by, are checked.

Material 9.8.1 prints the site's address (every page's canonical link), the style sheets'
and the edit button's addresses, the text direction, the fonts' names and the table of
contents' title as they are; it reads its words from a template named by the language,
and its icons from files named in the settings. Each is refused at its line by ``check``,
with how to fix it, through ``!ENV`` too; nothing reaches a page or ends in a traceback.
"""

from __future__ import annotations

import errno
import logging
from pathlib import Path

import pytest
from jinja2 import TemplateNotFound
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from generator import settings_env
from generator.errors import system_problem
from generator.markdown_config import INVALID_SETTING
from generator.project import Project
from tests.conftest import NO_SITE, run_generator

SITE_URL = "site_url: !ENV SITE_URL"
SET_AGAIN = "SITE_URL={} where it is set, with nothing before or after it"
HOSTILE = '"><img src=x onerror=alert(1)>'
AS_HTML = "which every page would read as HTML; this setting is plain text"
ADDRESS_FIX = "write '%22' instead, or leave it out: only a page's body may hold HTML"
LANGUAGES = (
    "af, ar, az, be, bg, bn, ca, cs, cy, da, de, el, en, eo, es, et, eu, fa, fi, fr, gl, he, "
    "hi, hr, hu, hy, id, is, it, ja, ka, kn, ko, ku-IQ, lb, lt, lv, mk, mn, ms, my, nb, nl, "
    "nn, pl, pt, pt-BR, ro, ru, sa, sh, si, sk, sl, sq, sr, sv, ta, te, th, tl, tr, uk, ur, "
    "uz, vi, zh, zh-Hant, zh-TW"
)
FONTS = (
    "theme.font is not set to false, so every page would load its fonts from Google Fonts "
    "(fonts.googleapis.com), which is blocked in mainland China; keep 'font: false' under "
    "theme: the pages then use the fonts of the learner's device [settings.theme-font]"
)


def edit_settings(project: Path, old: str, new: str) -> int:
    """Replace ``old``, found once in the project's mkdocs.yml, by ``new``; return the line
    where ``new`` starts."""
    settings = project / "mkdocs.yml"
    text = settings.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    settings.write_text(text.replace(old, new), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def problems(project: Path, capsys: pytest.CaptureFixture[str], command: str = "check") -> str:
    assert run_generator(project, command) == 1
    return capsys.readouterr().err


def built_pages(project: Path) -> str:
    return "".join(page.read_text(encoding="utf-8") for page in project.rglob("site/*.html"))


def test_the_site_address_written_out_is_an_address(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every page prints site_url, unescaped, into its canonical link."""
    line = edit_settings(minimal_project, SITE_URL, f"site_url: 'https://x.example/a{HOSTILE}/'")
    assert problems(minimal_project, capsys) == (
        f"mkdocs.yml:{line}:11: 'site_url' contains '\"', {AS_HTML}; {ADDRESS_FIX} "
        "[settings.markup]\nFAILED: 1 problem\n"
    )
    problems(minimal_project, capsys, "build")
    assert "onerror=alert(1)" not in built_pages(minimal_project)


@pytest.mark.parametrize(
    ("written", "problem"),
    [
        (
            '"https://x.example/mot/\\n"',
            "has a line break (U+000A); it must be one line; write it on one line (use '>-' to "
            "fold a long text); Markdown such as headings belongs in the page body "
            "[text.line-break]",
        ),
        (
            "'https://x.example/mot/ '",
            "has a space around it, which no web address holds; remove it: "
            "https://x.example/mot/ [settings.address]",
        ),
        (
            '"\\u3000https://x.example/mot/"',
            "has a space around it, which no web address holds; remove it: "
            "https://x.example/mot/ [settings.address]",
        ),
    ],
    ids=["line-break", "space-after", "full-width-space-before"],
)
def test_the_site_address_written_out_holds_nothing_around_it(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], written: str, problem: str
) -> None:
    """A space around the address was to be written as %20."""
    line = edit_settings(minimal_project, SITE_URL, f"site_url: {written}")
    assert problems(minimal_project, capsys) == (
        f"mkdocs.yml:{line}:11: 'site_url' {problem}\nFAILED: 1 problem\n"
    )


@pytest.mark.parametrize(
    ("address", "problem"),
    [
        (
            'https://x.example/a"><script>alert(1)</script>/',
            f"contains '\"', {AS_HTML}; its value comes from the environment variable "
            f"SITE_URL; {ADDRESS_FIX} [settings.markup]",
        ),
        (
            "https://x.example/my course/",
            "contains a space, which no web address holds; its value comes from the environment "
            "variable SITE_URL; write it as %20 [settings.address]",
        ),
        (
            "https://x.example/mot/\n",
            "has a line break (U+000A); it must be one line; its value comes from the environment "
            "variable SITE_URL, which holds 'https://x.example/mot/\\n'; set "
            f"{SET_AGAIN.format('https://x.example/mot/')} [text.line-break]",
        ),
        (
            "https://x.example/\nmot/",
            "has a line break (U+000A); it must be one line; its value comes from the environment "
            "variable SITE_URL, which holds 'https://x.example/\\nmot/'; set SITE_URL again "
            "where it is set, typing its value: one pasted in may bring a line break or an "
            "invisible character along [text.line-break]",
        ),
        (
            "\thttps://x.example/mot/",
            "contains U+0009, which cannot be shown as text; its value comes from the environment "
            "variable SITE_URL, which holds '\\thttps://x.example/mot/'; set "
            f"{SET_AGAIN.format('https://x.example/mot/')} [text.control-character]",
        ),
        (
            " https://x.example/mot/",
            "has a space around it, which no web address holds; its value comes from the "
            "environment variable SITE_URL, which holds ' https://x.example/mot/'; set "
            f"{SET_AGAIN.format('https://x.example/mot/')} [settings.address]",
        ),
    ],
    ids=["quote", "space", "line-break-after", "line-break-inside", "tab-before", "space-before"],
)
def test_the_site_address_an_environment_variable_gives_is_an_address(
    minimal_project: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    address: str,
    problem: str,
) -> None:
    """The Pages workflow sets SITE_URL: the message names it, at site_url's line. MkDocs
    drops a line break, a tab or a space before the address: the site was built for what no
    one wrote, and the OK line printed the line break."""
    line = edit_settings(minimal_project, SITE_URL, SITE_URL)
    monkeypatch.setenv("SITE_URL", address)
    assert problems(minimal_project, capsys, "build") == (
        f"mkdocs.yml:{line}:11: 'site_url' as !ENV gives it {problem}\nFAILED: 1 problem\n"
        f"{NO_SITE}\n"
    )
    assert "<script>alert(1)" not in built_pages(minimal_project)


@pytest.mark.parametrize(
    ("old", "new", "shown", "column"),
    [
        ("  - assets/mot.css\n", f"  - 'x.css{HOSTILE}'\n", "'extra_css[0]'", 5),
        (SITE_URL, f"repo_url: https://example.com/mot\nedit_uri: 'x{HOSTILE}/'", "'edit_uri'", 11),
        (
            "    - toc.follow\n",
            "    - content.action.edit\n"
            f"    - toc.follow\n  icon:\n    admonition:\n      'note{HOSTILE}': material/pencil\n",
            "a name under 'theme.icon'",
            7,
        ),
        (
            "      permalink: true\n",
            f"      permalink: true\n      title: '目录{HOSTILE}'\n",
            "'markdown_extensions.toc.title'",
            14,
        ),
        (
            "  - footnotes:\n",
            f"  - footnotes:\n      BACKLINK_TEXT: '↩{HOSTILE}'\n",
            "'markdown_extensions.footnotes.BACKLINK_TEXT'",
            22,
        ),
    ],
    ids=["style-sheet", "edit-uri", "icon-name", "toc-title", "footnote-backlink"],
)
def test_addresses_and_names_material_prints_raw_are_checked(
    minimal_project: Path,
    capsys: pytest.CaptureFixture[str],
    old: str,
    new: str,
    shown: str,
    column: int,
) -> None:
    """A style sheet's and the edit button's addresses land unescaped in an ``href``, the
    note boxes' icon names in a ``<style>``, the contents' title in the sidebar, and the
    footnotes' link-back text in every footnote (Python-Markdown pastes it in)."""
    line = edit_settings(minimal_project, old, new) + new.count("\n", 0, new.index(HOSTILE))
    err = problems(minimal_project, capsys)
    assert err.startswith(f"mkdocs.yml:{line}:{column}: {shown} contains '\"', {AS_HTML}; ")
    assert err.endswith(" [settings.markup]\nFAILED: 1 problem\n")


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        (
            "  font: false ",
            f"  direction: 'rtl{HOSTILE}'\n  font: false ",
            f"14: theme.direction 'rtl{HOSTILE}' is not a text direction; write ltr or rtl, "
            "or leave it out: the language sets it [settings.theme-direction]",
        ),
        ("  font: false ", f"  font:\n    text: 'Roboto{HOSTILE}'\n  #", f"3: {FONTS}"),
        ("  font: false ", "  font: {text: Noto Sans SC}\n  #", f"9: {FONTS}"),
    ],
)
def test_the_theme_s_direction_and_fonts_are_checked(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], old: str, new: str, problem: str
) -> None:
    """The direction lands unescaped in every ``<body dir>``; any font but ``false`` makes
    every page ask Google Fonts for it (and prints its name unescaped)."""
    line = edit_settings(minimal_project, old, new)
    assert problems(minimal_project, capsys) == f"mkdocs.yml:{line}:{problem}\nFAILED: 1 problem\n"


def test_a_theme_without_font_false_is_refused(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Material's default fonts come from Google Fonts too: the problem is shown where the
    theme's settings start, under ``theme:``."""
    font = edit_settings(minimal_project, "  font: false ", "  #")
    assert (
        problems(minimal_project, capsys)
        == f"mkdocs.yml:{font - 2}:3: {FONTS}\nFAILED: 1 problem\n"
    )


@pytest.mark.parametrize("language", ["zh-CN", "cn", "zh_CN", "zh-Hans"])
def test_a_language_material_lacks_is_named_by_check(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], language: str
) -> None:
    """Material reads its words from partials/languages/<language>.html: the build stopped
    on a missing template with 'None' for a message."""
    line = edit_settings(minimal_project, "  language: zh\n", f"  language: {language}\n")
    expected = (
        f"mkdocs.yml:{line}:13: theme.language '{language}' is not a language Material knows; "
        f"write one of {LANGUAGES} (the course uses zh) [settings.theme-language]\n"
        "FAILED: 1 problem\n"
    )
    assert problems(minimal_project, capsys) == expected
    assert problems(minimal_project, capsys, "build") == f"{expected}{NO_SITE}\n"


def test_a_language_from_the_environment_names_the_variable(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    line = edit_settings(minimal_project, "language: zh\n", "language: !ENV [MOT_LANG, zh]\n")
    monkeypatch.setenv("MOT_LANG", "zh-CN")
    assert problems(minimal_project, capsys).startswith(
        f"mkdocs.yml:{line}:13: theme.language 'zh-CN' is not a language Material knows; its "
        "value comes from the environment variable MOT_LANG; write one of af, "
    )
    monkeypatch.delenv("MOT_LANG")
    assert run_generator(minimal_project, "check") == 0


def test_an_os_error_that_is_not_the_system_s_is_named(minimal_project: Path) -> None:
    """jinja2's TemplateNotFound is an OSError without the system's text (``strerror``)."""
    project = Project(minimal_project)
    missing = system_problem(project, TemplateNotFound("partials/languages/zh-CN.html"))
    assert str(missing) == (
        "TemplateNotFound: partials/languages/zh-CN.html; undo the last change to the course "
        "or its settings, and run the command again [setup.unexpected-error]"
    )
    refused = system_problem(project, PermissionError(errno.EACCES, "Permission denied", "x"))
    assert str(refused) == (
        "x: Permission denied; check the path, free space and permissions [setup.os-error]"
    )


def mkdocs_complaint(project: Path, caplog: pytest.LogCaptureFixture) -> str:
    """What MkDocs logs about the one setting of the project's mkdocs.yml it refuses."""
    with caplog.at_level(logging.ERROR, "mkdocs.config"), pytest.raises(MkDocsException):
        load_config(str(project / "mkdocs.yml"), docs_dir=str(project / "course"))
    found = INVALID_SETTING.match(caplog.records[0].getMessage())
    assert found is not None
    return found.group(2)


@pytest.mark.parametrize(
    ("old", "new", "column", "reason"),
    [
        ("alternate_style: true", "alternate_style: maybe", 24, "Cannot parse bool value: 'maybe'"),
        ("alternate_style: true", "alternate_stile: true", 7, "it has no option 'alternate_stile'"),
        ("- pymdownx.details", "- pymdownx.detials", 5, "No module named 'pymdownx.detials'"),
    ],
)
def test_an_extension_that_fails_to_load_is_named_without_its_traceback(
    minimal_project: Path,
    caplog: pytest.LogCaptureFixture,
    old: str,
    new: str,
    column: int,
    reason: str,
) -> None:
    """MkDocs' complaint holds the traceback; the trainer sees its last line, at the option
    it quotes (or at the extension)."""
    line = edit_settings(minimal_project, old, new)
    name = new.removeprefix("- ") if new.startswith("-") else "pymdownx.tabbed"
    data = (minimal_project / "mkdocs.yml").read_bytes()
    problem = settings_env.extension_problem(
        data, Path("mkdocs.yml"), mkdocs_complaint(minimal_project, caplog)
    )
    assert str(problem) == (
        f"mkdocs.yml:{line}:{column}: the Markdown extension '{name}' cannot load: {reason}; "
        "correct its name or its options, or undo the last change to mkdocs.yml "
        "[settings.extension]"
    )


def test_check_names_an_extension_that_fails_to_load_without_its_traceback(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = edit_settings(minimal_project, "alternate_style: true", "alternate_style: maybe")
    assert problems(minimal_project, capsys) == (
        f"mkdocs.yml:{line}:24: the Markdown extension 'pymdownx.tabbed' cannot load: Cannot "
        "parse bool value: 'maybe'; correct its name or its options, or undo the last change "
        "to mkdocs.yml [settings.extension]\nFAILED: 1 problem\n"
    )


ICON_LIST = "(Material's icons are listed at https://squidfunk.github.io/mkdocs-material/reference/icons-emojis/)"


@pytest.mark.parametrize(
    ("old", "new", "column", "problem"),
    [
        (
            "icon: material/weather-night",
            "icon: material/weather-nite",
            15,
            "theme.palette[1].toggle.icon names the icon 'material/weather-nite', which the "
            "theme does not have, so the build would stop; write material/weather-night or "
            f"material/weather-sunset or material/weather-hail {ICON_LIST}",
        ),
        (
            "  font: false ",
            "  icon:\n    admonition:\n      tip: fontawesome/solid/lightbulp\n  font: false ",
            12,
            "theme.icon.admonition.tip names the icon 'fontawesome/solid/lightbulp', which the "
            "theme does not have, so the build would stop; write fontawesome/solid/lightbulb or "
            f"fontawesome/solid/list-ul or fontawesome/solid/gbp {ICON_LIST}",
        ),
        (
            "extra_css:",
            "extra:\n  social:\n    - icon: wechat\n      link: https://example.com\nextra_css:",
            13,
            "extra.social[0].icon names the icon 'wechat', which the theme does not have, so "
            f"the build would stop; write simple/wechat {ICON_LIST}",
        ),
    ],
    ids=["palette", "admonition", "social"],
)
def test_an_icon_the_theme_lacks_is_named_by_check(
    minimal_project: Path,
    capsys: pytest.CaptureFixture[str],
    old: str,
    new: str,
    column: int,
    problem: str,
) -> None:
    """A misspelt icon passed check, and stopped the build at a missing template."""
    misspelt = problem.split("'")[1]
    line = edit_settings(minimal_project, old, new) + new[: new.index(misspelt)].count("\n")
    expected = f"mkdocs.yml:{line}:{column}: {problem} [settings.icon]\nFAILED: 1 problem\n"
    assert problems(minimal_project, capsys) == expected
    assert problems(minimal_project, capsys, "build") == f"{expected}{NO_SITE}\n"


def test_an_icon_of_the_theme_s_own_folder_counts(minimal_project: Path) -> None:
    """A custom_dir may add icons: theme.icon.logo: mot/logo, in overrides/.icons/mot/."""
    icon = minimal_project / "overrides/.icons/mot/logo.svg"
    icon.parent.mkdir(parents=True)
    icon.write_text('<svg xmlns="http://www.w3.org/2000/svg"/>', encoding="utf-8")
    edit_settings(
        minimal_project,
        "  font: false ",
        "  custom_dir: overrides\n  icon:\n    logo: mot/logo\n  font: false ",
    )
    assert run_generator(minimal_project, "check") == 0


def test_an_icon_an_environment_variable_names_is_named_with_the_variable(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The trainer who set the variable never edited mkdocs.yml: the problem says which
    variable gave the name."""
    line = edit_settings(
        minimal_project,
        "icon: material/weather-night",
        "icon: !ENV [MOT_NIGHT_ICON, material/weather-night]",
    )
    monkeypatch.setenv("MOT_NIGHT_ICON", "material/weather-nite")
    assert problems(minimal_project, capsys).startswith(
        f"mkdocs.yml:{line}:15: theme.palette[1].toggle.icon names the icon "
        "'material/weather-nite', which the theme does not have, so the build would stop; its "
        "value comes from the environment variable MOT_NIGHT_ICON; write material/weather-night"
    )
    monkeypatch.delenv("MOT_NIGHT_ICON")
    assert run_generator(minimal_project, "check") == 0


def test_a_contents_title_an_environment_variable_gives_is_checked(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The table of contents' title went into every page unchecked when !ENV gave it."""
    line = edit_settings(
        minimal_project,
        "      permalink: true\n",
        "      permalink: true\n      title: !ENV [MOT_TOC_TITLE, 目录]\n",
    )
    monkeypatch.setenv("MOT_TOC_TITLE", f"目录{HOSTILE}")
    assert problems(minimal_project, capsys).startswith(
        f"mkdocs.yml:{line + 1}:14: 'markdown_extensions.toc.title' as !ENV gives it contains "
        f"'\"', {AS_HTML}"
    )
    monkeypatch.delenv("MOT_TOC_TITLE")
    assert run_generator(minimal_project, "check") == 0


DIRECTORY_URLS = (
    "so MkDocs would write each page into a folder of its own (01-significance/index.html), "
    "where the course's links to its other pages, review links among them, lead nowhere"
)


@pytest.mark.parametrize(
    ("new", "column", "state", "fix"),
    [
        (
            "use_directory_urls: true",
            21,
            "is not false",
            "set it to false: use_directory_urls: false",
        ),
        ("", None, "is not set", "write 'use_directory_urls: false' at the left edge of a line"),
    ],
    ids=["true", "left out"],
)
def test_pages_written_as_folders_are_refused(
    minimal_project: Path,
    capsys: pytest.CaptureFixture[str],
    new: str,
    column: int | None,
    state: str,
    fix: str,
) -> None:
    """MkDocs' default: every page a folder, where the course's relative links to other
    pages (下一模块, the 错题本, the question banks' review links) lead nowhere; check
    said OK and the build passed."""
    text = (minimal_project / "mkdocs.yml").read_text(encoding="utf-8")
    old = next(line for line in text.split("\n") if line.startswith("use_directory_urls:"))
    line = edit_settings(minimal_project, old, new)
    place = f"{line}:{column}" if column else "1:1"
    assert problems(minimal_project, capsys) == (
        f"mkdocs.yml:{place}: use_directory_urls {state}, {DIRECTORY_URLS}; {fix} "
        "[settings.directory-urls]\nFAILED: 1 problem\n"
    )


def test_a_full_width_space_before_the_address_a_variable_gives_is_named_with_the_fix(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """MkDocs keeps U+3000, a Chinese keyboard's space, and refuses the address as having no
    scheme: the fix said to set a valid value, not which."""
    line = edit_settings(minimal_project, SITE_URL, SITE_URL)
    monkeypatch.setenv("SITE_URL", "\u3000https://x.example/mot/")
    told = problems(minimal_project, capsys, "build").splitlines()
    assert told[0].startswith(f"mkdocs.yml:{line}:")
    assert told[0].endswith(
        "its value '\\u3000https://x.example/mot/' comes from the environment variable "
        "SITE_URL, with a space around it, which no web address holds; set "
        f"{SET_AGAIN.format('https://x.example/mot/')} [settings.invalid]"
    )
    assert told[1:] == ["FAILED: 1 problem", NO_SITE]
