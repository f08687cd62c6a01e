"""The files mkdocs.yml names (a trainer's own scripts and style sheets, the logo and the
favicon) are published, or named as missing at their line (generator/settings_files.py).

A trainer's ``course/stylesheets/extra.css`` named in ``extra_css`` was left out of the site
as "not published", since no page links to it, and a name with a typo went into every page
as it was: both builds passed, and every page asked for a file that was not there.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import NO_SITE, run_generator
from tests.test_settings_printed_raw import edit_settings, problems
from tests.test_settings_trust import only_problem

STYLE_SHEETS = "  - assets/mot.css\n"
SCRIPTS = "  - assets/mot-core.js\n"
THEME = "  font: false "
MISSING = (
    "which is no file of the site: every page would ask for it and get nothing{variable}; "
    "{fix} [settings.missing-file]"
)


def add_file(project: Path, name: str, text: str) -> None:
    path = project / "course" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_the_trainers_own_files_are_published_and_loaded(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Files no page links to, outside course/images/ and course/media/: once named in
    mkdocs.yml they are in the site, where every page loads them."""
    add_file(minimal_project, "stylesheets/extra.css", "body { color: #123456 }")
    add_file(minimal_project, "js/extra.js", "window.extraLoaded = true;")
    add_file(minimal_project, "logo.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>")
    edit_settings(minimal_project, STYLE_SHEETS, f"{STYLE_SHEETS}  - stylesheets/extra.css\n")
    edit_settings(
        minimal_project, SCRIPTS, f"{SCRIPTS}  - path: js/extra.js?v=2\n    defer: true\n"
    )
    edit_settings(minimal_project, THEME, f"  logo: logo.svg\n{THEME}")
    assert run_generator(minimal_project, "build") == 0
    assert "Not published" not in capsys.readouterr().out
    site = minimal_project / "site"
    assert (site / "stylesheets/extra.css").read_text(encoding="utf-8").startswith("body")
    assert (site / "js/extra.js").is_file()
    assert (site / "logo.svg").is_file()
    page = (site / "01-sample.html").read_text(encoding="utf-8")
    for address in ("stylesheets/extra.css", "js/extra.js?v=2", "logo.svg"):
        assert f'="{address}"' in page, address


@pytest.mark.parametrize(
    ("old", "new", "at", "setting", "value"),
    [
        (STYLE_SHEETS, f"{STYLE_SHEETS}  - stylesheets/extra.css\n", (1, 5),
         "extra_css[1]", "stylesheets/extra.css"),
        (SCRIPTS, f"{SCRIPTS}  - path: js/extra.js\n    type: module\n", (1, 11),
         "extra_javascript[1]", "js/extra.js"),
        (SCRIPTS, f"{SCRIPTS}  - assets/mot-cor.js\n", (1, 5),
         "extra_javascript[1]", "assets/mot-cor.js"),
        (THEME, f"  favicon: images/favicon.png\n{THEME}", (0, 12),
         "theme.favicon", "images/favicon.png"),
    ],
    ids=["style-sheet", "script-path", "runtime-typo", "favicon"],
)  # fmt: skip
def test_a_named_file_that_is_not_there_is_refused_at_its_line(
    minimal_project: Path,
    capsys: pytest.CaptureFixture[str],
    old: str,
    new: str,
    at: tuple[int, int],
    setting: str,
    value: str,
) -> None:
    line = edit_settings(minimal_project, old, new)
    fix = (
        f"save the file as course/{value}, or remove the line (names in mkdocs.yml start from "
        "course/)"
    )
    expected = f"mkdocs.yml:{line + at[0]}:{at[1]}: {setting} names '{value}', " + MISSING.format(
        variable="", fix=fix
    )
    assert only_problem(minimal_project, capsys) == expected
    assert problems(minimal_project, capsys, "build").splitlines()[0] == expected
    assert not (minimal_project / "site").exists()


@pytest.mark.parametrize(
    ("written", "meant"),
    [("course/stylesheets/extra.css", "stylesheets/extra.css"), ("Extra.CSS", "extra.css")],
    ids=["from-the-project", "letter-case"],
)
def test_the_file_meant_is_suggested(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], written: str, meant: str
) -> None:
    add_file(minimal_project, meant, "body {}")
    line = edit_settings(minimal_project, STYLE_SHEETS, f"{STYLE_SHEETS}  - {written}\n")
    fix = (
        f"did you mean '{meant}'? names in mkdocs.yml start from course/ and keep the file's "
        "letter case"
    )
    assert only_problem(minimal_project, capsys) == (
        f"mkdocs.yml:{line + 1}:5: extra_css[1] names '{written}', "
        + MISSING.format(variable="", fix=fix)
    )


def test_a_name_an_environment_variable_gives_is_checked(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MOT_EXTRA_CSS", "brand.css")
    line = edit_settings(minimal_project, STYLE_SHEETS, f"{STYLE_SHEETS}  - !ENV MOT_EXTRA_CSS\n")
    fix = (
        "save the file as course/brand.css, or remove the line (names in mkdocs.yml start "
        "from course/)"
    )
    variable = "; its value comes from the environment variable MOT_EXTRA_CSS"
    assert only_problem(minimal_project, capsys) == (
        f"mkdocs.yml:{line + 1}:5: extra_css[1] names 'brand.css', "
        + MISSING.format(variable=variable, fix=fix)
    )
    add_file(minimal_project, "brand.css", "body {}")
    assert run_generator(minimal_project, "check") == 0, capsys.readouterr().err


NOT_A_PATH = {
    "extra_css": (
        "style sheet",
        "write the style sheet's path under course/ as a text, with no key before it "
        "(- stylesheets/extra.css), or delete the entry",
    ),
    "extra_javascript": (
        "script",
        "write the script's path under course/ as a text (- js/extra.js), or as "
        "'- path: js/extra.js' with 'defer: true' below it, or delete the entry",
    ),
}


def not_a_path(setting: str, what: str, given: str = "") -> str:
    """The problem of the second entry of ``setting``, which is ``what`` (``given``: the
    variable that gave it)."""
    loaded, fix = NOT_A_PATH[setting]
    return (
        f"{setting}[1] is {what}, not a file's path: each entry of {setting} names a {loaded} "
        f"every page loads{given}; {fix} [settings.invalid]"
    )


@pytest.mark.parametrize(
    ("old", "entry", "column", "setting", "what"),
    [
        (STYLE_SHEETS, "- 5", 5, "extra_css", "the number 5"),
        (STYLE_SHEETS, "-", 4, "extra_css", "empty"),
        (STYLE_SHEETS, "- ''", 5, "extra_css", "empty"),
        (SCRIPTS, "- 5", 5, "extra_javascript", "the number 5"),
        (SCRIPTS, "- path: ''", 11, "extra_javascript", "empty"),
    ],
    ids=["style-sheet-number", "style-sheet-nothing", "style-sheet-empty", "script-number",
         "script-path-empty"],
)  # fmt: skip
def test_an_entry_that_is_no_files_path_is_refused_at_its_line(
    minimal_project: Path,
    capsys: pytest.CaptureFixture[str],
    old: str,
    entry: str,
    column: int,
    setting: str,
    what: str,
) -> None:
    """check said OK to a number under extra_css, and the build ended in a Python traceback;
    an empty entry put href="None" (or ".") into every page. MkDocs refused a number under
    extra_javascript in its own words, at the line of 'extra_javascript:'."""
    line = edit_settings(minimal_project, old, f"{old}  {entry}\n") + 1
    expected = f"mkdocs.yml:{line}:{column}: {not_a_path(setting, what)}"
    assert only_problem(minimal_project, capsys) == expected
    built = problems(minimal_project, capsys, "build")
    assert built.splitlines() == [expected, "FAILED: 1 problem", NO_SITE]


@pytest.mark.parametrize(
    ("value", "what", "given"),
    [("", "empty", "; its value comes from the environment variable MOT_EXTRA_CSS"),
     (None, "empty (none of the environment variables its !ENV names is set)", "")],
    ids=["empty", "not-set"],
)  # fmt: skip
def test_an_entry_an_environment_variable_leaves_empty_is_refused(
    minimal_project: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    value: str | None,
    what: str,
    given: str,
) -> None:
    if value is None:
        monkeypatch.delenv("MOT_EXTRA_CSS", raising=False)
    else:
        monkeypatch.setenv("MOT_EXTRA_CSS", value)
    line = edit_settings(minimal_project, STYLE_SHEETS, f"{STYLE_SHEETS}  - !ENV MOT_EXTRA_CSS\n")
    expected = f"mkdocs.yml:{line + 1}:5: {not_a_path('extra_css', what, given)}"
    assert only_problem(minimal_project, capsys) == expected


def test_the_themes_and_the_runtimes_own_files_need_no_copy(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Material's favicon and the runtime's files are in the site without being in course/;
    an absolute path is the server's business, as MkDocs leaves it."""
    edit_settings(minimal_project, THEME, f"  favicon: assets/images/favicon.png\n{THEME}")
    edit_settings(
        minimal_project, SCRIPTS, f"{SCRIPTS}  - assets/mot-quiz.js\n  - /shared/site.js\n"
    )
    assert run_generator(minimal_project, "check") == 0, capsys.readouterr().err


COPYRIGHT = "<div class='trainer-copyright'>© 培训部</div>"
"""A partial of the theme the generator does not replace, as a trainer overrides it."""


def add_theme_folder(project: Path, templates: dict[str, str]) -> int:
    """Give the project a theme folder (``theme.custom_dir``) holding ``templates``; return
    the line naming it."""
    for name, text in templates.items():
        path = project / "overrides" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return edit_settings(project, THEME, f"  custom_dir: overrides\n{THEME}")


def test_a_template_the_generator_replaces_is_named(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The trainer's main.html and footer were never used, and nothing said so."""
    line = add_theme_folder(
        minimal_project,
        {
            "main.html": '{% extends "base.html" %}{% block announce %}通知{% endblock %}',
            "partials/footer.html": "<footer>页脚</footer>",
            "partials/copyright.html": COPYRIGHT,
        },
    )
    fix = (
        "delete {name} from the folder; add to every page with a style sheet or script of your "
        "own under course/ (extra_css, extra_javascript), or override another of the theme's "
        "partials (partials/header.html, partials/copyright.html) [settings.template-replaced]"
    )
    assert problems(minimal_project, capsys).splitlines() == [
        f"mkdocs.yml:{line}:15: theme.custom_dir holds {name}, which the course's own {name} "
        f"replaces: nothing in it would show; {fix.format(name=name)}"
        for name in ("main.html", "partials/footer.html")
    ] + ["FAILED: 2 problems"]


def test_a_partial_of_the_trainers_own_shows(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add_theme_folder(minimal_project, {"partials/copyright.html": COPYRIGHT})
    assert run_generator(minimal_project, "build") == 0, capsys.readouterr().err
    assert COPYRIGHT in (minimal_project / "site/01-sample.html").read_text(encoding="utf-8")


TEMPLATE_FIX = (
    "correct the template (Jinja2, as Material's own), or delete it to use the theme's "
    "[settings.template-error]"
)


@pytest.mark.parametrize(
    ("template", "line", "complaint"),
    [
        ("<p>\n{% if %}\n", 2,
         "TemplateSyntaxError: Expected an expression, got 'end of statement block'"),
        ("<p>\n\n{{ undefined_fn() }}\n", 3, "UndefinedError: 'undefined_fn' is undefined"),
        ('{% include "partials/nothere.html" %}\n', 1,
         "it names the template 'partials/nothere.html', which neither this folder nor the "
         "theme has"),
        ("<p>\n{{ 1 // 0 }}\n", 2, "ZeroDivisionError: integer division or modulo by zero"),
    ],
    ids=["syntax", "undefined", "not-found", "python-error"],
)  # fmt: skip
def test_a_broken_template_of_the_trainers_is_named_at_its_line(
    minimal_project: Path,
    capsys: pytest.CaptureFixture[str],
    template: str,
    line: int,
    complaint: str,
) -> None:
    """A Python traceback had ended the build."""
    add_theme_folder(minimal_project, {"partials/copyright.html": template})
    assert problems(minimal_project, capsys, "build").splitlines() == [
        f"overrides/partials/copyright.html:{line}:1: the template failed: {complaint}; "
        f"{TEMPLATE_FIX}",
        "FAILED: 1 problem",
        NO_SITE,
    ]


@pytest.mark.parametrize(
    ("setting", "template"),
    [("social: 3", "social.html:13"), ("alternate: 3", "alternate.html:12")],
)
def test_a_setting_of_the_wrong_kind_for_the_theme_is_named_at_its_line(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], setting: str, template: str
) -> None:
    """Material's templates fail on a number where they loop over a list; a Python
    traceback had ended the build (TypeError, not one of Jinja2's own errors)."""
    settings = minimal_project / "mkdocs.yml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(f"{text}extra:\n  {setting}\n", encoding="utf-8")
    line = text.count("\n") + 2
    assert problems(minimal_project, capsys, "build").splitlines() == [
        f"mkdocs.yml:{line}:1: the theme's templates failed (at {template}): TypeError: "
        "'int' object is not iterable; a setting here gives the theme a value of the wrong "
        "kind (a number or a word where it expects a list, under extra: most often); undo the "
        "last change to the settings, and run the command again [settings.template-error]",
        "FAILED: 1 problem",
        NO_SITE,
    ]


def test_check_names_a_template_jinja_cannot_read(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """check said OK: only the build failed on it. A file the build never reads (notes, a
    copy) is left alone."""
    templates = {"partials/copyright.html": "<p>\n{% if %}", "notes/scratch.html": "{{ x </p>"}
    add_theme_folder(minimal_project, templates)
    assert problems(minimal_project, capsys).splitlines() == [
        "overrides/partials/copyright.html:2:1: the template failed: TemplateSyntaxError: "
        f"Expected an expression, got 'end of statement block'; {TEMPLATE_FIX}",
        "FAILED: 1 problem",
    ]


def test_check_names_a_partial_of_the_trainers_that_jinja_cannot_read(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A partial of the trainer's own, which no theme has, was read by the build alone: an
    override that includes it took check's OK to a failed build."""
    templates = {
        "partials/copyright.html": '{% include "partials/banner.html" %}',
        "partials/banner.html": '<p>\n{% import "partials/links.html" as links %}',
        "partials/links.html": "{% macro link() %}\n{% if %}{% endmacro %}",
    }
    add_theme_folder(minimal_project, templates)
    assert problems(minimal_project, capsys).splitlines() == [
        "overrides/partials/links.html:2:1: the template failed: TemplateSyntaxError: "
        f"Expected an expression, got 'end of statement block'; {TEMPLATE_FIX}",
        "FAILED: 1 problem",
    ]


def test_a_theme_folder_that_is_not_there_is_named_at_its_line(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """MkDocs' words were said at 'theme:', and told the trainer to undo the last change to
    mkdocs.yml, which had not changed: the folder had gone."""
    line = add_theme_folder(minimal_project, {"partials/copyright.html": COPYRIGHT})
    shutil.rmtree(minimal_project / "overrides")
    assert problems(minimal_project, capsys).splitlines() == [
        f"mkdocs.yml:{line}:15: theme.custom_dir names the folder 'overrides', which is not "
        "there; put the folder back beside mkdocs.yml (the theme's own templates go in it), "
        "correct its name, or delete the custom_dir line to use the theme as it is "
        "[settings.invalid]",
        "FAILED: 1 problem",
    ]


def test_a_plugin_not_installed_is_told_to_be_deleted_or_installed(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """MkDocs' words, and 'correct it, or undo the last change', said nothing of what to do
    with a plugin the trainer added from a tutorial."""
    line = edit_settings(minimal_project, "plugins:\n", "plugins:\n  - minify\n") + 1
    assert problems(minimal_project, capsys).splitlines() == [
        f"mkdocs.yml:{line}:5: the plugin 'minify' is not installed, so MkDocs cannot build "
        "with it; delete '- minify' from 'plugins:'; to use it, install the package that "
        "provides it and add that package to the dependencies in pyproject.toml, so that every "
        "computer that builds the course installs it [settings.invalid]",
        "FAILED: 1 problem",
    ]


@pytest.mark.parametrize("text", ["", "# 课程设置\n", "\n\n"])
def test_settings_emptied_by_mistake_are_told_to_be_restored(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    """It was told that 'site_name' was not valid: "Required configuration not provided."."""
    (minimal_project / "mkdocs.yml").write_text(text, encoding="utf-8")
    assert problems(minimal_project, capsys).splitlines() == [
        "mkdocs.yml:1:1: mkdocs.yml holds no settings (it is empty, or holds comments only), "
        "so MkDocs cannot build the course; undo the last change to it, or restore it: "
        "git checkout -- mkdocs.yml [settings.invalid]",
        "FAILED: 1 problem",
    ]


def test_a_missing_site_name_is_named_with_the_line_to_add(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit_settings(minimal_project, "site_name: 关键时刻 MOT 客户服务课程\n", "")
    assert problems(minimal_project, capsys).splitlines() == [
        "mkdocs.yml:1:1: 'site_name:' is missing from mkdocs.yml, and MkDocs cannot build "
        "without it; add the line 'site_name: 关键时刻 MOT 客户服务课程' at the top of the file "
        "[settings.invalid]",
        "FAILED: 1 problem",
    ]
