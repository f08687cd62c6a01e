"""Settings of mkdocs.yml that would run code, link or load elsewhere, or lose what the
pages need, are refused at their line by ``check`` (generator/settings_trust.py,
generator/settings_needed.py).

MkDocs reads mkdocs.yml with PyYAML's full loader: a ``!!python/object/apply:`` tag ran
while ``check`` read the file, and ``hooks`` ran Python files at every check. A
``javascript:`` link in ``nav`` went into every page, an ``extra_javascript`` from another
site too, and a mkdocs.yml without ``admonition`` or the runtime's script built a broken
site with status 0.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_generator
from tests.test_settings_printed_raw import edit_settings, problems

CODE_TAG = (
    "makes MkDocs run Python code when it reads mkdocs.yml; the course allows no such tag but "
    "the Markdown extensions' own functions, named as their documentation names them "
    "(!!python/name:pymdownx.superfences.fence_code_format; AUTHORING.md lists them all); "
    "remove the tag and its value, "
    "and run no mkdocs command on a copy of the course that came with it [settings.code-tag]"
)
DANGERS = {
    "javascript": "runs code",
    "vbscript": "runs code",
    "data": "opens what it holds, code too",
}
"""Why each kind of link is refused; any other: it may open a file or a program."""


def link_fix(scheme: str) -> str:
    danger = DANGERS.get(scheme, "may open a file or a program")
    return (
        f"which every page would print as a link (a '{scheme}:' link {danger}); write a web "
        "address (https://…), a mailto: address or a page of the site (01-intro.md): a link "
        "there may be nothing else [settings.link-scheme]"
    )


ELSEWHERE = (
    "not a file of the site: every page would load it from another site, and mainland China "
    "blocks many: the course loads no script, style sheet, font or picture from another site; "
    "remove it, or save the file in the site and name it by its path there [settings.elsewhere]"
)


def append_settings(project: Path, text: str) -> int:
    """Add ``text`` at the end of the project's mkdocs.yml; return the line where it starts."""
    settings = project / "mkdocs.yml"
    old = settings.read_text(encoding="utf-8")
    settings.write_text(old + text, encoding="utf-8")
    return old.count("\n") + 1


def only_problem(project: Path, capsys: pytest.CaptureFixture[str]) -> str:
    *lines, total = problems(project, capsys).splitlines()
    assert total == "FAILED: 1 problem", lines
    return lines[0]


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("!!python/object/apply:builtins.open [{ran}, w]", "!!python/object/apply:builtins.open"),
        (
            "!<tag:yaml.org,2002:python/object/apply:builtins.open> [{ran}, w]",
            "!!python/object/apply:builtins.open",
        ),
        ("!!python/object/new:builtins.open [{ran}, w]", "!!python/object/new:builtins.open"),
        ("!!python/name:os.system ''", "!!python/name:os.system"),
        ("!!python/module:this ''", "!!python/module:this"),
    ],
    ids=["apply", "verbatim", "new", "name-outside-extensions", "module"],
)
def test_a_tag_that_runs_code_is_refused_before_mkdocs_reads_it(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], written: str, shown: str
) -> None:
    """``!!python/object/apply:builtins.open [file, w]`` created the file during ``check``."""
    ran = minimal_project / "ran.txt"
    line = append_settings(minimal_project, f"extra:\n  note: {written.format(ran=ran)}\n")
    assert only_problem(minimal_project, capsys) == (
        f"mkdocs.yml:{line + 1}:9: the tag '{shown}' {CODE_TAG}"
    )
    assert not ran.exists()


def test_a_function_the_extensions_packages_import_from_elsewhere_is_refused(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Material's blog plugin imports ``shutil.rmtree``, so its name passed as one of the
    extensions' functions; as the headings' ``slugify``, ``check`` called it with each
    heading without an id, and deleted the folder the heading named."""
    victim = minimal_project / "victim"
    (victim / "kept.txt").parent.mkdir()
    (victim / "kept.txt").write_text("留着", encoding="utf-8")
    rmtree = "!!python/name:material.plugins.blog.plugin.rmtree"
    slugify = "      slugify: !!python/object/apply:pymdownx.slugs.slugify\n"
    line = edit_settings(
        minimal_project,
        f"{slugify}        kwds:\n          case: lower\n",
        f"      slugify: {rmtree}\n",
    )
    with (minimal_project / "course/01-sample.md").open("a", encoding="utf-8") as page:
        page.write(f"\n## {victim}\n")
    assert only_problem(minimal_project, capsys) == (
        f"mkdocs.yml:{line}:16: the tag '{rmtree}' {CODE_TAG}"
    )
    assert (victim / "kept.txt").read_text(encoding="utf-8") == "留着"


def test_a_tag_mkdocs_does_not_read_is_named(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = edit_settings(minimal_project, "site_url: !ENV SITE_URL", "site_url: !include x.yml")
    assert only_problem(minimal_project, capsys) == (
        f"mkdocs.yml:{line}:11: the tag '!include' is not one MkDocs reads; remove it: the "
        "settings' tags are !ENV and !relative [settings.tag]"
    )


def test_the_markdown_extensions_functions_and_yamls_own_tags_stay(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The course's ``!!python/object/apply:pymdownx.slugs.slugify`` and ``!ENV`` stay too."""
    edit_settings(
        minimal_project,
        "  - pymdownx.superfences\n",
        "  - pymdownx.superfences:\n"
        "      custom_fences:\n"
        "        - name: !!str diagram\n"
        "          class: diagram\n"
        "          format: !!python/name:pymdownx.superfences.fence_code_format ''\n",
    )
    assert run_generator(minimal_project, "check") == 0, capsys.readouterr().err


def test_hooks_are_refused_and_not_run(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ran = minimal_project / "ran.txt"
    (minimal_project / "hook.py").write_text(f"open({str(ran)!r}, 'w').close()\n", "utf-8")
    line = append_settings(minimal_project, "hooks:\n  - hook.py\n")
    assert only_problem(minimal_project, capsys) == (
        f"mkdocs.yml:{line}:1: 'hooks' makes MkDocs run the Python files it names at every "
        "check and build (Zensical ignores them); the course runs no hooks; remove 'hooks:' "
        "and the files under it [settings.hooks]"
    )
    assert not ran.exists()


def test_settings_inherited_from_another_file_are_refused_and_not_read(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The inherited file, which no check reads, is read with the same loader as mkdocs.yml."""
    ran = minimal_project / "ran.txt"
    other = minimal_project / "other.yml"
    other.write_text(f"extra:\n  x: !!python/object/apply:builtins.open [{ran}, w]\n", "utf-8")
    line = append_settings(minimal_project, "INHERIT: other.yml\n")
    assert only_problem(minimal_project, capsys) == (
        f"mkdocs.yml:{line}:1: 'INHERIT' makes MkDocs read settings from another file, which "
        "the course's checks do not read (it may run code); copy the settings you need into "
        "mkdocs.yml and remove 'INHERIT:' [settings.inherit]"
    )
    assert not ran.exists()


@pytest.mark.parametrize(
    ("settings", "at", "name", "shown"),
    [
        ("nav:\n  - index.md\n  - 外部: javascript:alert(1)\n", (2, 9), "the nav entry '外部'",
         "'javascript:alert(1)', a 'javascript:'"),
        ("nav:\n  - [' JavaScript:alert(1)']\n", (1, 6), "an entry of 'nav'",
         "' JavaScript:alert(1)', a 'javascript:'"),
        ("extra:\n  homepage: data:text/html,x\n", (1, 13), "extra.homepage",
         "'data:text/html,x', a 'data:'"),
        ("extra:\n  social:\n    - icon: fontawesome/brands/github\n      link: VBScript:x\n",
         (3, 13), "extra.social[0].link", "'VBScript:x', a 'vbscript:'"),
        ("repo_url: javascript://example.com/%0Aalert(1)\n", (0, 11), "repo_url",
         "'javascript://example.com/%0Aalert(1)', a 'javascript:'"),
        ("repo_url: https://example.com/mot\nedit_uri: jar:x\n", (1, 11), "edit_uri",
         "'jar:x', a 'jar:'"),
    ],
    ids=["nav", "nav-spaced-upper-case", "homepage", "social", "repo-url", "edit-uri"],
)  # fmt: skip
def test_a_link_every_page_prints_is_a_web_address_mail_or_page(
    minimal_project: Path,
    capsys: pytest.CaptureFixture[str],
    settings: str,
    at: tuple[int, int],
    name: str,
    shown: str,
) -> None:
    """``repo_url: javascript://example.com/%0Aalert(1)`` passes MkDocs' own check."""
    line = append_settings(minimal_project, settings)
    assert only_problem(minimal_project, capsys) == (
        f"mkdocs.yml:{line + at[0]}:{at[1]}: {name} links to {shown} address, "
        + link_fix(shown.rsplit("'", 2)[1].removesuffix(":"))
    )


def test_a_link_with_a_tab_in_its_scheme_is_refused_too(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A browser leaves tabs and line breaks out of an address: ``java\\tscript:`` runs."""
    append_settings(minimal_project, 'nav:\n  - 外部: "java\\tscript:alert(1)"\n')
    assert "the nav entry '外部' links to 'java\\tscript:alert(1)', a 'javascript:'" in (
        only_problem(minimal_project, capsys)
    )


def test_a_link_an_environment_variable_gives_names_it(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Read as MkDocs reads ``!ENV``: the variable's value, or else the fallback."""
    line = append_settings(minimal_project, "extra:\n  homepage: !ENV [MOT_HOME, index.html]\n")
    assert run_generator(minimal_project, "check") == 0, capsys.readouterr().err
    monkeypatch.setenv("MOT_HOME", "javascript:alert(1)")
    assert only_problem(minimal_project, capsys) == (
        f"mkdocs.yml:{line + 1}:13: extra.homepage links to 'javascript:alert(1)', a "
        "'javascript:' address, which every page would print as a link (a 'javascript:' link "
        "runs code); its value comes from the environment variable MOT_HOME; "
        "write a web address (https://…), a mailto: address or a page of the site "
        "(01-intro.md): a link there may be nothing else [settings.link-scheme]"
    )


def test_web_and_mail_addresses_and_pages_are_links(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    append_settings(
        minimal_project,
        "repo_url: HTTPS://example.com/mot\n"
        "edit_uri: edit/main/course/\n"
        "extra:\n"
        "  homepage: index.html\n"
        "  social:\n"
        "    - icon: fontawesome/solid/paper-plane\n"
        "      link: mailto:trainer@example.com\n"
        "    - icon: fontawesome/brands/github\n"
        "      link: //example.com/mot\n",
    )
    assert run_generator(minimal_project, "check") == 0, capsys.readouterr().err


@pytest.mark.parametrize(
    ("old", "new", "at", "name", "shown"),
    [
        ("  - assets/mot-core.js\n", "  - assets/mot-core.js\n  - https://cdn.example.com/x.js\n",
         (1, 5), "extra_javascript[1]", "https://cdn.example.com/x.js"),
        ("  - assets/mot-core.js\n",
         "  - assets/mot-core.js\n  - path: //cdn.example.com/x.js\n    type: module\n",
         (1, 11), "extra_javascript[1]", "//cdn.example.com/x.js"),
        ("  - assets/mot.css\n", "  - assets/mot.css\n  - HTTP://fonts.example.com/a.css\n",
         (1, 5), "extra_css[1]", "HTTP://fonts.example.com/a.css"),
        ("  font: false ", "  logo: https://example.com/logo.png\n  font: false ",
         (0, 9), "theme.logo", "https://example.com/logo.png"),
    ],
    ids=["script", "script-path", "style-sheet", "logo"],
)  # fmt: skip
def test_a_file_from_another_site_is_refused(
    minimal_project: Path,
    capsys: pytest.CaptureFixture[str],
    old: str,
    new: str,
    at: tuple[int, int],
    name: str,
    shown: str,
) -> None:
    line = edit_settings(minimal_project, old, new)
    assert only_problem(minimal_project, capsys) == (
        f"mkdocs.yml:{line + at[0]}:{at[1]}: {name} names '{shown}', {ELSEWHERE}"
    )


def test_a_file_written_into_a_setting_is_refused_as_such(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A 'data:' picture is loaded from nowhere: it was said to come from another site."""
    line = edit_settings(
        minimal_project, "  font: false ", "  favicon: data:image/png;base64,AAAA\n  font: false "
    )
    assert only_problem(minimal_project, capsys) == (
        f"mkdocs.yml:{line}:12: theme.favicon names 'data:image/png;base64,AAAA', a 'data:' "
        "address that holds the file itself, not a file of the site: the course keeps its "
        "scripts, style sheets and pictures as files; remove it, or save the file in the site "
        "and name it by its path there [settings.elsewhere]"
    )


def test_a_setting_too_long_is_told_to_shorten_not_to_move_into_the_page_body(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = append_settings(minimal_project, f"site_author: {'很长的名字' * 250}\n")
    assert only_problem(minimal_project, capsys) == (
        f"mkdocs.yml:{line}:14: 'site_author' is 1,250 characters long; a one-line text "
        "holds at most 1,000; shorten it; a picture or a script belongs in a file of the site, "
        "named by its path [text.too-long]"
    )


def test_google_analytics_is_refused(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = append_settings(
        minimal_project, "extra:\n  analytics:\n    provider: google\n    property: G-XXXXXXXX\n"
    )
    assert only_problem(minimal_project, capsys) == (
        f"mkdocs.yml:{line + 1}:3: 'extra.analytics' makes every page load Google Analytics "
        "from www.googletagmanager.com and report each visit there, and mainland China blocks "
        "it: the course loads nothing from another site; remove 'analytics:' and the settings "
        "under it [settings.analytics]"
    )


def test_an_extension_the_pages_need_is_named_where_it_goes(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without ``admonition`` every note showed as text, and the build passed."""
    edit_settings(minimal_project, "  - admonition\n  - attr_list\n", "")
    line = edit_settings(minimal_project, "markdown_extensions:\n", "markdown_extensions:\n")
    assert only_problem(minimal_project, capsys) == (
        f"mkdocs.yml:{line}:1: markdown_extensions lacks 'admonition' (for notes and dialogues, "
        "!!! tip \"…\") and 'attr_list' (for headings' ids, {#quiz}): without them the pages "
        "show these as plain text; add '  - admonition' and '  - attr_list' under "
        "markdown_extensions: [settings.needed-extension]"
    )


def test_an_extension_named_with_its_package_counts(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit_settings(minimal_project, "  - admonition\n", "  - markdown.extensions.admonition\n")
    assert run_generator(minimal_project, "check") == 0, capsys.readouterr().err


def test_the_runtime_every_page_loads_is_named_where_it_goes(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without mot-core.js no question worked, and the build passed; a setting not written
    at all is named at the file's start."""
    edit_settings(minimal_project, "  - assets/mot-core.js\n", "  - assets/other.js\n")
    edit_settings(minimal_project, "extra_css:\n  - assets/mot.css\n", "")
    line = edit_settings(minimal_project, "extra_javascript:", "extra_javascript:")
    assert problems(minimal_project, capsys) == (
        "mkdocs.yml:1:1: extra_css lacks 'assets/mot.css', the styles of every page and of the "
        "questions: without it the questions lose theirs; add the setting 'extra_css:' with "
        "'  - assets/mot.css' under it [settings.needed-file]\n"
        f"mkdocs.yml:{line}:1: extra_javascript lacks 'assets/mot-core.js', the quiz runtime's "
        "core: without it no question, progress or result works; add '  - assets/mot-core.js' "
        "under extra_javascript: [settings.needed-file]\n"
        "FAILED: 2 problems\n"
    )
