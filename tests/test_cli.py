"""The command line as a trainer uses it: check, build, atomic output."""

from __future__ import annotations

import errno
import os
import re
import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from generator import build, cli
from generator.errors import PROBLEMS_PER_FILE, Problem, SetupError, Severity, capped
from generator.listen_address import ListenAddress, check_port_free, listen_address
from generator.mkdocs_run import warning_problem
from generator.project import Project
from tests.conftest import NO_SITE, PROJECT, run_generator, scratch_left, serve_command, snapshot


def test_check_prints_one_ok_line(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_generator(minimal_project, "check") == 0
    assert capsys.readouterr().out == "OK: 2 modules, 9 questions and 1 exam-only question\n"


def test_an_ampersand_that_starts_no_character_reference_passes(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """'R&D' and 'Q&A' are text on a page; '&amp;' and '&copy' would be read as characters."""
    settings = minimal_project / "mkdocs.yml"
    text = settings.read_text(encoding="utf-8")
    name = re.search(r"^site_name: .*$", text, re.MULTILINE)
    assert name is not None
    pages = ("01-sample.md", "02-second.md", "exam.md", "exam_certificate.md", "mistakes.md")
    nav = '\nnav:\n  - "常见问题 Q&A": index.md\n' + "".join(f"  - {page}\n" for page in pages)
    settings.write_text(text.replace(name.group(), "site_name: R&D 客服") + nav, encoding="utf-8")
    assert run_generator(minimal_project, "check") == 0, capsys.readouterr().err
    assert run_generator(minimal_project, "build") == 0, capsys.readouterr().err
    page = (minimal_project / "site/01-sample.html").read_text(encoding="utf-8")
    assert "R&D 客服</title>" in page and "常见问题 Q&amp;A" in page


def test_a_printed_setting_an_environment_variable_gives_is_checked_as_plain_text(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A description from the environment (``!ENV``) is printed into every page as it is,
    like one written out: HTML in it is refused at the tag's line, and text passes."""
    settings = minimal_project / "mkdocs.yml"
    text = settings.read_text(encoding="utf-8")
    written = re.search(r"^site_description: .*$", text, re.MULTILINE)
    assert written is not None
    line = text[: written.start()].count("\n") + 1
    tagged = "site_description: !ENV [MOT_DESCRIPTION, 课程简介]"
    settings.write_text(text.replace(written.group(), tagged), encoding="utf-8")
    monkeypatch.setenv("MOT_DESCRIPTION", '"><script>alert(1)</script>')
    assert run_generator(minimal_project, "check") == 1
    assert capsys.readouterr().err.startswith(
        f"mkdocs.yml:{line}:19: 'site_description' as !ENV gives it contains '\"', "
        "which every page would read as HTML"
    )
    monkeypatch.setenv("MOT_DESCRIPTION", "关键时刻 MOT 课程")
    assert run_generator(minimal_project, "check") == 0, capsys.readouterr().err


def test_an_address_without_its_scheme_names_the_variable_that_gave_it(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """site_url comes from SITE_URL: the trainer who set it wrongly never edited mkdocs.yml.
    An address written from its slashes on (//user.github.io/repo/) had the example fix
    https:////user.github.io/repo/."""
    for given in ("user.github.io/repo/", "//user.github.io/repo/"):
        monkeypatch.setenv("SITE_URL", given)
        assert run_generator(minimal_project, "build") == 1
        assert capsys.readouterr().err == (
            "mkdocs.yml:10:1: the setting 'site_url' is not valid: The URL isn't valid, it "
            f"should include the http:// (scheme); its value '{given}' comes from the "
            "environment variable SITE_URL; set SITE_URL with the scheme, e.g. "
            "SITE_URL=https://user.github.io/repo/ [settings.invalid]\nFAILED: 1 problem\n"
            f"{NO_SITE}\n"
        )


PRINTED_EXTRA = """\
extra:
  consent:
    title: "Cookie <script>alert('consent')</script>"
    description: 我们使用 Cookie&#33;
  social:
    - icon: fontawesome/brands/github
      link: https://example.com/mot?lang=zh&page=1
      name: "<img src=x onerror=alert('social')>"
"""


def test_the_copyright_and_the_texts_under_extra_are_plain_text(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Material prints ``copyright`` into every page's footer, and texts under ``extra`` (a
    cookie notice, a social link's name) into pages, as they are: HTML there is refused at
    its line, and the build writes no page that runs it."""
    settings = minimal_project / "mkdocs.yml"
    text = settings.read_text(encoding="utf-8")
    copyright = "copyright: \"© 2024 MOT <script>alert('copyright')</script>\"\n"
    settings.write_text(text + copyright + PRINTED_EXTRA, encoding="utf-8")
    line = text.count("\n") + 1
    assert run_generator(minimal_project, "check") == 1
    err = capsys.readouterr().err
    where = [problem.split(" contains ")[0] for problem in err.splitlines()[:-1]]
    assert where == [
        f"mkdocs.yml:{line}:12: 'copyright'",
        f"mkdocs.yml:{line + 3}:12: 'extra.consent.title'",
        f"mkdocs.yml:{line + 4}:18: 'extra.consent.description'",
        f"mkdocs.yml:{line + 8}:13: 'extra.social[0].name'",
    ]
    assert err.endswith("[settings.markup]\nFAILED: 4 problems\n")
    assert run_generator(minimal_project, "build") == 1
    assert not (minimal_project / "site").exists(), "a refused build writes no page"


def test_the_colour_switch_names_are_plain_text(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Material prints a palette toggle's name into the switch's title and aria-label as it
    is: a quote ended the attribute and let the rest of the name in as HTML."""
    settings = minimal_project / "mkdocs.yml"
    text = settings.read_text(encoding="utf-8")
    name = "name: 切换到深色模式"
    assert text.count(name) == 1
    line = text[: text.index(name)].count("\n") + 1
    column = text.splitlines()[line - 1].index(name) + 7
    hostile = "name: '深色\" onmouseover=\"alert(1)'"
    settings.write_text(text.replace(name, hostile), encoding="utf-8")
    assert run_generator(minimal_project, "check") == 1
    assert capsys.readouterr().err.startswith(
        f"mkdocs.yml:{line}:{column}: 'theme.palette[1].toggle.name' contains '\"'"
    )
    assert run_generator(minimal_project, "build") == 1
    assert not (minimal_project / "site").exists(), "a refused build writes no page"


def test_the_repository_and_the_theme_s_addresses_are_plain_text(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Material prints the repository's name into every page's header as it is, and its
    address and the logo's into attributes: HTML there ran on every page, and an address
    keeps only what an attribute keeps ('&region=cn')."""
    settings = minimal_project / "mkdocs.yml"
    text = settings.read_text(encoding="utf-8")
    line = text.count("\n") + 1
    added = (
        'repo_name: "x<img src=x onerror=alert(1)>"\n'
        'repo_url: "https://example.com/mot?lang=zh&region=cn&a=\\"b"\n'
        "extra:\n  social:\n    - icon: fontawesome/brands/github\n"
        "      link: 'https://example.com/\"onmouseover=alert(1)'\n"
    )
    settings.write_text(text + added, encoding="utf-8")
    assert run_generator(minimal_project, "check") == 1
    err = capsys.readouterr().err
    assert [problem.split(" contains ")[0] for problem in err.splitlines()[:-1]] == [
        f"mkdocs.yml:{line}:12: 'repo_name'",
        f"mkdocs.yml:{line + 1}:11: 'repo_url'",
        f"mkdocs.yml:{line + 5}:13: 'extra.social[0].link'",
    ]
    assert run_generator(minimal_project, "build") == 1
    assert not (minimal_project / "site").exists(), "a refused build writes no page"
    settings.write_text(
        text.replace("theme:\n", 'theme:\n  logo: "images/logo.png\\" onload=\\"alert(1)"\n', 1)
        + "repo_url: https://example.com/mot?lang=zh&region=cn\n",
        encoding="utf-8",
    )
    capsys.readouterr()
    assert run_generator(minimal_project, "check") == 1
    assert "'theme.logo' contains '\"'" in capsys.readouterr().err


def test_a_colour_switch_name_an_environment_variable_gives_is_checked(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = minimal_project / "mkdocs.yml"
    text = settings.read_text(encoding="utf-8")
    name = "name: 切换到深色模式"
    settings.write_text(text.replace(name, "name: !ENV [PALETTE_NAME, 深色]"), encoding="utf-8")
    monkeypatch.setenv("PALETTE_NAME", 'a"<b>')
    assert run_generator(minimal_project, "check") == 1
    assert "'theme.palette[1].toggle.name' as !ENV gives it contains '\"'" in (
        capsys.readouterr().err
    )
    monkeypatch.delenv("PALETTE_NAME")
    assert run_generator(minimal_project, "check") == 0


def test_a_copyright_sign_an_ampersand_and_a_link_under_extra_pass(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """'©' written as the character, 'R&D' and a link with a query are text; a text under
    ``extra`` an environment variable gives (``!ENV``) is checked once MkDocs has read it."""
    settings = minimal_project / "mkdocs.yml"
    text = settings.read_text(encoding="utf-8")
    extra = (
        "copyright: © 2024 R&D 客服部\n"
        "extra:\n"
        "  social:\n"
        "    - icon: fontawesome/brands/github\n"
        "      link: https://example.com/mot?lang=zh&page=1\n"
        "      name: !ENV [MOT_SOCIAL, 我们的代码]\n"
    )
    settings.write_text(text + extra, encoding="utf-8")
    monkeypatch.setenv("MOT_SOCIAL", '"><script>alert(1)</script>')
    assert run_generator(minimal_project, "check") == 1
    assert capsys.readouterr().err.startswith(
        f"mkdocs.yml:{text.count(chr(10)) + 6}:13: 'extra.social[0].name' as !ENV gives it "
        "contains '\"', which every page would read as HTML"
    )
    monkeypatch.delenv("MOT_SOCIAL")
    assert run_generator(minimal_project, "build") == 0, capsys.readouterr().err
    page = (minimal_project / "site/01-sample.html").read_text(encoding="utf-8")
    assert "© 2024 R&D 客服部" in page


def test_a_link_under_extra_may_hold_what_text_may_not(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A browser reads '&reg' before a letter or '=' as it is in a link's ``href``, where
    Material prints a social link; in text it reads '®', so a text there is still refused."""
    settings = minimal_project / "mkdocs.yml"
    text = settings.read_text(encoding="utf-8")
    extra = (
        "extra:\n"
        "  social:\n"
        "    - icon: fontawesome/brands/youtube\n"
        "      link: https://www.youtube.com/watch?v=abc&list=PL1&region=cn\n"
        "    - icon: fontawesome/brands/github\n"
        "      link: https://example.com/?a=1&notify=1&section=2&para=3\n"
        "      name: 通知&region\n"
        "  alternate:\n"
        "    - link: /en/?a=1&region=cn\n"
        "  homepage: https://example.com/?a=1&region=cn\n"
    )
    settings.write_text(text + extra, encoding="utf-8")
    assert run_generator(minimal_project, "check") == 1
    assert capsys.readouterr().err == (
        f"mkdocs.yml:{text.count(chr(10)) + 7}:13: 'extra.social[1].name' contains '&reg', "
        "which every page would read as HTML; this setting is plain text; write the "
        "character it stands for, '®', instead: only a page's body may hold HTML "
        "[settings.markup]\nFAILED: 1 problem\n"
    )


@pytest.mark.parametrize(
    ("setting", "shown"),
    [
        ('site_name: "MOT:&copy2024"', "'site_name' contains '&copy'"),
        ('copyright: "MOT:&copy2024"', "'copyright' contains '&copy'"),
        ('site_name: "#&lt3"', "'site_name' contains '&lt'"),
        ("extra:\n  consent:\n    title: https://example.com/?a&reg=1", "contains '&reg'"),
    ],
)
def test_a_text_shaped_like_a_link_is_still_text(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], setting: str, shown: str
) -> None:
    """Only a link Material prints into an ``href`` keeps '&copy2024' as it is; the site's
    name and the copyright are text, where a browser shows 'MOT:©2024', whatever they look
    like."""
    settings = minimal_project / "mkdocs.yml"
    key = setting.split(":")[0]
    text = re.sub(rf"^{key}: .*\n", "", settings.read_text(encoding="utf-8"), flags=re.M)
    settings.write_text(f"{text}{setting}\n", encoding="utf-8")
    assert run_generator(minimal_project, "check") == 1
    err = capsys.readouterr().err
    assert f"{shown}, which every page would read as HTML" in err, err


@pytest.mark.parametrize(
    ("copyright", "fix"),
    [
        ("Copyright &copy; 2024 培训部", "write the character it stands for, '©', instead:"),
        ("R&amp;D 培训部", "write the character it stands for, '&', instead:"),
        (
            "<a href='https://example.com'>培训部</a>",
            "remove the tag '<a href='https://example.com'>':",
        ),
    ],
)
def test_a_reference_or_a_tag_in_a_printed_setting_is_told_what_to_write(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], copyright: str, fix: str
) -> None:
    """Material's own example copyright, '&copy;', would show '＆copy;' written full-width:
    the fix is the character it stands for, and a tag is to be left out."""
    settings = minimal_project / "mkdocs.yml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(f"{text}copyright: {copyright}\n", encoding="utf-8")
    assert run_generator(minimal_project, "check") == 1
    err = capsys.readouterr().err
    assert f"; {fix} only a page's body may hold HTML [settings.markup]\n" in err


def keep_one_module(project: Path) -> None:
    """Leave only 01-sample in the minimal course."""
    (project / "course/02-second.md").unlink()
    (project / "quizzes/02-second.yml").unlink()
    exam = project / "quizzes/exam.yml"
    drawn = [line for line in exam.read_text().splitlines(True) if "02-second" not in line]
    exam.write_text("".join(drawn))


def test_a_course_of_one_module_says_module_not_modules(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    keep_one_module(minimal_project)
    assert run_generator(minimal_project, "check") == 0
    assert capsys.readouterr().out == "OK: 1 module, 7 questions\n"


def test_check_runs_as_a_module_without_traceback(minimal_project: Path) -> None:
    quiz = minimal_project / "quizzes/01-sample.yml"
    quiz.write_text(quiz.read_text().replace("type: single", "type: singel"))
    result = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(minimal_project), "check"],
        capture_output=True,
        text=True,
        cwd=PROJECT,
        check=False,
    )
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "quizzes/01-sample.yml:3:5: question 's1-single': unknown question type 'singel'; "
        "did you mean 'single'? write type: single (the types: single, multiple, true_false, "
        "ordering, matching, fill_in, scenario) [schema.unknown-type]",
        "FAILED: 1 problem",
    ]


ENGINES = [
    pytest.param(engine, marks=[pytest.mark.zensical] * (engine == "zensical"))
    for engine in build.ENGINES
]


@pytest.mark.parametrize("engine", ENGINES)
def test_build_writes_the_site(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], engine: str
) -> None:
    assert run_generator(minimal_project, "build", "--engine", engine) == 0
    assert "site written to site/" in capsys.readouterr().out
    site = minimal_project / "site"
    assert (site / "index.html").is_file()
    module_html = (site / "01-sample.html").read_text(encoding="utf-8")
    assert 'data-question-id="s1-single"' in module_html
    assert (site / "assets/mot-quiz.js").is_file()
    assert re.search(r'src="(\./)?assets/mot-core\.js"', module_html)  # Zensical writes ./
    assert 'data-mot-parts="questions quiz"' in module_html
    assert (site / "assets/mot-questions.js").is_file()
    assert not (site / "assets/mot-engine.js").exists(), "joined into mot-questions.js"
    assert "mot-serve" not in module_html and not (site / "assets/serve").exists(), "serve only"
    assert scratch_left(minimal_project) == []
    assert (minimal_project / "build/docs").is_dir()


@pytest.mark.parametrize("engine", ENGINES)
def test_failed_build_leaves_previous_site_untouched(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], engine: str
) -> None:
    assert run_generator(minimal_project, "build", "--engine", engine) == 0
    before = snapshot(minimal_project / "site")
    quiz = minimal_project / "quizzes/01-sample.yml"
    quiz.write_text(quiz.read_text().replace("review: 01-sample.md#listening", "review: x.md#y"))
    capsys.readouterr()
    assert run_generator(minimal_project, "build", "--engine", engine) == 1
    assert "[review.unknown-page]" in capsys.readouterr().err
    assert snapshot(minimal_project / "site") == before
    assert scratch_left(minimal_project) == []
    assert (minimal_project / "build/docs").is_dir()


PUBLISHED = "https://trainer.example.org/mot/"


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("address", ["", PUBLISHED])
def test_a_site_names_no_address_but_the_published_one(
    minimal_project: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    engine: str,
    address: str,
) -> None:
    """Built without SITE_URL, the site names no address (the live preview's would be every
    page's canonical address and fill its sitemap), and the build says what that costs;
    built with it, the OK line names the address, so that a stale one shows."""
    if address:
        monkeypatch.setenv("SITE_URL", address)
    else:
        monkeypatch.delenv("SITE_URL", raising=False)
    assert run_generator(minimal_project, "build", "--engine", engine) == 0
    site = minimal_project / "site"
    texts = {path.name: path.read_text(encoding="utf-8") for path in site.glob("*.*ml")}
    assert "sitemap.xml" in texts and "404.html" in texts
    assert [name for name, text in texts.items() if "127.0.0.1" in text] == []
    canonical = f'<link rel="canonical" href="{PUBLISHED}01-sample.html">'
    assert (canonical in texts["01-sample.html"]) == bool(address)
    printed = capsys.readouterr()
    assert (cli.NO_ADDRESS in printed.err) == (not address)
    ok_line = next(line for line in printed.out.splitlines() if line.startswith("OK: "))
    built_by = " by Zensical" if engine == "zensical" else ""
    built_for = f" for {PUBLISHED}" if address else ""
    assert ok_line.endswith(f"site written to site/{built_by}{built_for}")


def test_mkdocs_failure_leaves_previous_site_and_no_scratch(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A problem only MkDocs sees (here a link to a missing image) also keeps the old site."""
    assert run_generator(minimal_project, "build") == 0
    before = snapshot(minimal_project / "site")
    page = minimal_project / "course/01-sample.md"
    page.write_text(page.read_text() + "\n![图](missing.png)\n")
    assert run_generator(minimal_project, "build") == 1
    assert "missing.png" in capsys.readouterr().err
    assert snapshot(minimal_project / "site") == before
    assert scratch_left(minimal_project) == []
    assert (minimal_project / "build/docs").is_dir()


def test_deleted_module_disappears_from_next_build(minimal_project: Path) -> None:
    extra_page = minimal_project / "course/02-extra.md"
    extra_page.write_text(
        (minimal_project / "course/01-sample.md")
        .read_text()
        .replace("s1-", "s9-")
        .replace("01-sample.md", "02-extra.md")
    )
    extra_quiz = minimal_project / "quizzes/02-extra.yml"
    extra_quiz.write_text(
        (minimal_project / "quizzes/01-sample.yml")
        .read_text()
        .replace("s1-", "s9-")
        .replace("01-sample.md", "02-extra.md")
    )
    exam = minimal_project / "quizzes/exam.yml"
    drawn = exam.read_text()
    exam.write_text(drawn + "  02-extra: 1\n")  # a module with a pool is drawn from
    assert run_generator(minimal_project, "build") == 0
    assert (minimal_project / "site/02-extra.html").is_file()
    extra_page.unlink()
    extra_quiz.unlink()
    exam.write_text(drawn)
    assert run_generator(minimal_project, "build") == 0
    assert not (minimal_project / "site/02-extra.html").exists()
    assert not (minimal_project / "build/docs/02-extra.md").exists()


def test_a_mkdocs_warning_points_at_the_source_line(minimal_project: Path) -> None:
    """``check`` reports such a link itself; a warning MkDocs might add is placed the same way.
    Its fix says nothing of the site: an export and the preview report it too, where no
    previous site was left as it was (the build says what became of the site itself)."""
    page = minimal_project / "course/01-sample.md"
    text = page.read_text()
    page.write_text(text + "\n![图](missing.png)\n")
    line = len(text.splitlines()) + 2
    warning = "Doc file '01-sample.md' contains a link 'missing.png', but ... not found"
    problem = warning_problem(Project(minimal_project), warning)
    assert (problem.path.as_posix(), problem.line, problem.fix, problem.code) == (
        "course/01-sample.md",
        line,
        "fix what it names here",
        "mkdocs.warning",
    )


def test_a_warning_about_a_generated_exam_page_points_at_the_exam_settings(
    minimal_project: Path,
) -> None:
    problem = warning_problem(
        Project(minimal_project), "Doc file 'exam.md' contains a link 'x.md', but ... not found"
    )
    assert (problem.path.as_posix(), problem.line, problem.code) == (
        "quizzes/exam.yml",
        1,
        "mkdocs.warning",
    )


def serve_refused(project: Path, dev_addr: str) -> subprocess.CompletedProcess[str]:
    """``serve`` on ``dev_addr``, which is expected to stop before it serves."""
    return subprocess.run(
        serve_command(project, dev_addr),
        capture_output=True,
        text=True,
        cwd=PROJECT,
        check=False,
        timeout=60,
    )


@contextmanager
def two_ports_in_a_row_in_use() -> Iterator[int]:
    """Other programs listening on 127.0.0.1, on a port and on the one after it."""
    for _ in range(50):
        with socket.socket() as first, socket.socket() as second:
            first.bind(("127.0.0.1", 0))
            port = first.getsockname()[1]
            try:
                second.bind(("127.0.0.1", port + 1))
            except OSError:
                continue
            first.listen()
            second.listen()
            yield port
            return
    raise AssertionError("no two ports in a row were free to hold")


def test_serve_on_a_port_in_use_says_so_and_how_to_choose_a_free_one(
    minimal_project: Path,
) -> None:
    """The port after one in use was suggested though another program held it too."""
    with two_ports_in_a_row_in_use() as port:
        result = serve_refused(minimal_project, f"127.0.0.1:{port}")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"port {port} on 127.0.0.1 is in use by another program (another preview?); stop that "
        f"program, or preview on another port: make serve PORT={port + 2} (python -m generator "
        f"serve --dev-addr 127.0.0.1:{port + 2}) [setup.port-in-use]",
        "FAILED",
    ]
    assert not (minimal_project / "build").exists(), "nothing is generated before the port is free"


def test_serve_on_another_machines_address_says_so_not_that_the_port_is_in_use(
    minimal_project: Path,
) -> None:
    """192.0.2.1 is kept for examples, no machine's: the port was said to be in use, and the
    trainer looked for a program that did not exist."""
    result = serve_refused(minimal_project, "192.0.2.1:8729")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "cannot preview on 192.0.2.1:8729: 192.0.2.1 is not an address of this machine; "
        "preview on this machine's own address, 127.0.0.1: make serve PORT=8729 (python -m "
        "generator serve --dev-addr 127.0.0.1:8729) [setup.bad-address]",
        "FAILED",
    ]
    assert not (minimal_project / "build").exists()


@pytest.mark.parametrize(
    ("dev_addr", "refusal", "said"),
    [
        (
            "localhost:8729",
            socket.gaierror(socket.EAI_NONAME, "Name or service not known"),
            "cannot preview on localhost:8729: 'localhost' is a name this machine does not know; "
            "preview on this machine's own address, 127.0.0.1: make serve PORT=8729 (python -m "
            "generator serve --dev-addr 127.0.0.1:8729) [setup.bad-address]",
        ),
        (
            "127.0.0.1:80",
            PermissionError(errno.EACCES, "Permission denied"),
            "the system does not let the preview use port 80 on 127.0.0.1 (ports below 1024 "
            "are kept for the system's own services, and Windows keeps some others); preview "
            "on another port: make serve PORT=8000 (python -m generator serve --dev-addr "
            "127.0.0.1:8000) [setup.port-not-allowed]",
        ),
        (
            "[::1]:8729",
            OSError(errno.EADDRINUSE, "Address already in use"),
            "port 8729 on ::1 is in use by another program (another preview?); stop that "
            "program, or preview on another port: python -m generator serve --dev-addr "
            "[::1]:8730 [setup.port-in-use]",
        ),
    ],
    ids=["unknown-localhost", "port-kept-back", "ipv6-in-use"],
)
def test_a_port_that_cannot_be_used_for_another_reason_is_not_said_to_be_in_use(
    monkeypatch: pytest.MonkeyPatch, dev_addr: str, refusal: OSError, said: str
) -> None:
    """A machine without the name localhost, a port only an administrator may use, a port
    in use on an address make serve does not take: ``bind``'s refusal is made here, as the
    tests may run as root."""

    def refuse(*_arguments: object) -> None:
        raise refusal

    monkeypatch.setattr(socket.socket, "bind", refuse)
    with pytest.raises(SetupError) as caught:
        check_port_free(listen_address(dev_addr))
    assert str(caught.value) == said


@pytest.mark.parametrize("host", ["localhst", "my-laptop", socket.gethostname(), "[localhost]"])
def test_a_host_name_is_refused_before_anything_runs_as_mkdocs_would_refuse_it(
    minimal_project: Path, host: str
) -> None:
    """MkDocs listens on localhost or an IP address only. A name the machine knew (its own)
    passed the port's probe; MkDocs then refused it as a setting of mkdocs.yml, and the
    preview waited for a fix there."""
    result = serve_refused(minimal_project, f"{host}:8729")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"cannot preview on {host}:8729: '{host}' is not an IP address (the preview listens on "
        "localhost or an IP address of this machine, no other name); preview on this "
        "machine's own address, 127.0.0.1: make serve PORT=8729 (python -m generator serve "
        "--dev-addr 127.0.0.1:8729) [setup.bad-address]",
        "FAILED",
    ]
    assert not (minimal_project / "build").exists()


@pytest.mark.parametrize(
    ("dev_addr", "host", "setting", "url"),
    [
        ("[::1]:8729", "::1", "[::1]:8729", "http://[::1]:8729/"),
        ("::1:8729", "::1", "[::1]:8729", "http://[::1]:8729/"),
        ("[0:0::1]:8729", "::1", "[::1]:8729", "http://[::1]:8729/"),
        ("localhost:8729", "localhost", "localhost:8729", "http://localhost:8729/"),
        ("127.0.0.1:8729", "127.0.0.1", "127.0.0.1:8729", "http://127.0.0.1:8729/"),
    ],
)
def test_an_address_is_read_as_mkdocs_reads_it_and_written_as_a_browser_needs_it(
    dev_addr: str, host: str, setting: str, url: str
) -> None:
    """``[::1]:8000`` was told to be an unknown name; ``::1:8000`` was served, but the
    terminal's link read http://::1:8000/, which no browser opens."""
    address = listen_address(dev_addr)
    assert (address.host, address.setting, address.url) == (host, setting, url)


def test_an_ipv6_address_is_probed_as_the_dev_server_listens_on_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The dev server listens on an IPv6 address (``::1``) with an IPv6 socket; the port's
    check looked for it among IPv4 addresses, and said the port was in use."""
    probed: list[tuple[socket.AddressFamily, object]] = []

    def bind(probe: socket.socket, address: object) -> None:
        probed.append((probe.family, address))

    monkeypatch.setattr(socket.socket, "bind", bind)
    check_port_free(ListenAddress("::1", 8729))
    check_port_free(ListenAddress("127.0.0.1", 8729))
    assert probed == [(socket.AF_INET6, ("::1", 8729)), (socket.AF_INET, ("127.0.0.1", 8729))]


def test_make_serve_takes_the_port_from_port() -> None:
    dry_run = subprocess.run(
        ["make", "-n", "serve", "PORT=8001"],
        capture_output=True,
        text=True,
        cwd=PROJECT,
        check=True,
    )
    assert "-m generator serve --dev-addr 127.0.0.1:8001" in dry_run.stdout


def ctrl_c(*_arguments: object) -> None:
    raise KeyboardInterrupt


@pytest.mark.parametrize(
    ("command", "said"),
    [
        (["check"], "Interrupted."),
        (["outline"], "Interrupted."),
        (["export", "gift"], "Interrupted: no file was left half-written."),
    ],
)
def test_ctrl_c_stops_a_command_with_one_line(
    command: list[str],
    said: str,
    minimal_project: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """No traceback, and the exit status shells give a command stopped with Ctrl+C.

    (Ctrl+C during a build: tests/test_site_swap.py.)"""
    monkeypatch.setattr(build, "load_course", ctrl_c)
    try:
        status = run_generator(minimal_project, *command)
    except KeyboardInterrupt:
        pytest.fail("Ctrl+C ended the command with a traceback")
    assert status == 130
    assert capsys.readouterr().err.splitlines()[-1:] == [said]
    assert not (minimal_project / "dist").exists()


class CtrlCWhileLoading:
    """An import hook that stops ``module`` loading as Ctrl+C would."""

    def __init__(self, module: str) -> None:
        self.module = module

    def find_spec(self, name: str, *_arguments: object) -> None:
        if name == self.module:
            raise KeyboardInterrupt


def test_ctrl_c_while_the_commands_load_stops_with_one_line(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first moment of ``serve`` or any command loads the exports' modules; Ctrl+C there
    said nothing but a traceback."""
    monkeypatch.delitem(sys.modules, "generator.export", raising=False)
    monkeypatch.setattr(sys, "meta_path", [CtrlCWhileLoading("generator.export"), *sys.meta_path])
    try:
        status = run_generator(minimal_project, "serve")
    except KeyboardInterrupt:
        pytest.fail("Ctrl+C ended the command with a traceback")
    assert status == 130
    assert capsys.readouterr().err.splitlines() == ["Interrupted."]


def test_a_full_disk_is_named_at_the_file_being_written(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A copy that fills the disk names its source first: that file is fine where it is."""
    assert run_generator(minimal_project, "build") == 0
    before = snapshot(minimal_project / "site")
    capsys.readouterr()

    def disk_full(source: str, target: str, **_options: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(source), None, str(target))

    monkeypatch.setattr(shutil, "copyfile", disk_full)
    assert run_generator(minimal_project, "build") == 1
    assert re.fullmatch(
        r"build/\.tmp-\w+/site/\S+: the disk is full: no space was left to write this file; "
        r"free some space on that disk, then run the command again \[setup\.disk-full\]\n"
        r"FAILED\n",
        capsys.readouterr().err,
    )
    assert snapshot(minimal_project / "site") == before
    assert scratch_left(minimal_project) == []


def test_help_describes_the_commands_for_a_trainer(capsys: pytest.CaptureFixture[str]) -> None:
    """No notes for the generator's developers, in their markup, above the commands."""
    with pytest.raises(SystemExit) as exit_status:
        run_generator(PROJECT, "--help")
    assert exit_status.value.code == 0
    shown = capsys.readouterr().out
    assert not re.search(r"``|:mod:|:func:|generator\.build", shown)
    assert all(command in shown for command in ("check", "build", "serve", "outline", "export"))
    assert "README.md" in shown


@pytest.mark.parametrize("command", ["check", "build", "outline", "serve", "export"])
def test_root_may_follow_the_command(
    minimal_project: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    """``check --root copy`` was refused (unrecognized arguments) without saying that
    ``--root`` had to come first; after the command it names the folder too, and wins."""
    monkeypatch.chdir(minimal_project.parent)
    for arguments in ([command, "--root", str(minimal_project)], ["--root", "x", command]):
        if command == "export":
            arguments.insert(arguments.index(command) + 1, "gift")
        if arguments[0] == "--root":  # before the command, then after it: the later one
            arguments += ["--root", str(minimal_project)]
        parsed = cli._parser().parse_args(arguments)
        assert parsed.root == minimal_project


def test_check_with_root_after_it_checks_that_folder(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["check", "--root", str(minimal_project)]) == 0
    assert capsys.readouterr().out.startswith("OK: ")


def test_a_missing_project_folder_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "no-such-project"
    assert run_generator(missing, "check") == 1
    assert capsys.readouterr().err == (
        f"{missing.as_posix()}: the project folder does not exist; check the folder named "
        "with --root, or run the command in the project folder [setup.no-project]\nFAILED\n"
    )
    assert not missing.exists()


def test_a_file_named_as_the_project_folder_is_told_it_is_a_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--root mkdocs.yml`` was told that the project folder does not exist."""
    settings = tmp_path / "mkdocs.yml"
    settings.write_text("site_name: MOT\n", encoding="utf-8")
    assert run_generator(settings, "check") == 1
    assert capsys.readouterr().err == (
        f"{settings.as_posix()}: this is a file, not the folder that holds course/, quizzes/ "
        "and mkdocs.yml; check the folder named with --root, or run the command in the "
        "project folder [setup.no-project]\nFAILED\n"
    )


def test_a_folder_that_holds_no_project_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A trainer in the wrong folder is told so, not asked to create course/ there."""
    (tmp_path / "notes.txt").write_text("not a course", encoding="utf-8")
    assert run_generator(tmp_path, "check") == 1
    assert capsys.readouterr().err == (
        f"{tmp_path.as_posix()}: this folder holds no course project (no course/, quizzes/ "
        "or mkdocs.yml); check the folder named with --root, or run the command in the "
        "project folder [setup.no-project]\nFAILED\n"
    )
    assert [path.name for path in tmp_path.iterdir()] == ["notes.txt"]


def problems_in(name: str, count: int, severity: Severity = Severity.ERROR) -> list[Problem]:
    return [
        Problem(Path(name), line, 1, "wrong", "fix it", "quiz.x", severity)
        for line in range(1, count + 1)
    ]


def test_each_file_shows_its_first_problems_and_counts_the_rest() -> None:
    """A mistake repeated down a file printed one line per item: megabytes for a long list."""
    shown = capped([*problems_in("b.yml", 500), *problems_in("a.yml", 3)])
    assert [str(problem) for problem in shown[PROBLEMS_PER_FILE + 3 :]] == [
        "b.yml:51:1: … and 450 more problems in this file from here on, most like the ones "
        "above; fix those first: the rest often go with them [problems.more-in-file]"
    ]
    assert shown[:3] == problems_in("a.yml", 3)
    assert shown[3 : PROBLEMS_PER_FILE + 3] == problems_in("b.yml", PROBLEMS_PER_FILE)


def test_one_problem_more_is_shown_rather_than_counted() -> None:
    many = problems_in("a.yml", PROBLEMS_PER_FILE + 1)
    assert capped(many) == many


def test_warnings_beyond_the_first_are_counted_as_warnings() -> None:
    summary = capped(problems_in("a.yml", 100, Severity.WARNING))[-1]
    assert str(summary).startswith("a.yml:51:1: warning: … and 50 more problems")


def test_a_long_run_of_spaces_on_a_yaml_line_is_checked_at_once(minimal_project: Path) -> None:
    """The pattern that read tabs at a line's end as spaces met a run of spaces at each of
    its places, and took time growing with its square: 300,000 spaces pasted on a quiz's
    line held check for a minute."""
    with (minimal_project / "quizzes/01-sample.yml").open("a", encoding="utf-8") as file:
        file.write("#" + " " * 300_000 + "x\n")
    command = [sys.executable, "-m", "generator", "--root", str(minimal_project), "check"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=30, check=False)
    assert done.returncode == 0, done.stdout
    assert done.stdout.splitlines()[-1].startswith("OK: "), done.stdout


WITHOUT_ROOTS_PASS = [
    "setpriv",
    *(f"--{s}=-dac_override,-dac_read_search" for s in ("inh-caps", "bounding-set")),
]
"""Run as root, a command still meets the folders' permissions (as root, in CI, it would
read any folder)."""


@pytest.mark.parametrize("folder", ["course", "quizzes", "course/images"])
def test_a_folder_that_cannot_be_read_is_named_as_such(minimal_project: Path, folder: str) -> None:
    """course/ unreadable was told as 'course/assets: Permission denied' (the first file
    looked for), quizzes/ as its first quiz, and course/images/ not at all: its pictures
    were said to be missing."""
    unread = minimal_project / folder
    unread.mkdir(exist_ok=True)
    command = [sys.executable, "-m", "generator", "--root", str(minimal_project), "check"]
    unread.chmod(0)
    try:
        as_user = WITHOUT_ROOTS_PASS if os.geteuid() == 0 else []
        done = subprocess.run([*as_user, *command], capture_output=True, text=True, check=False)
    finally:
        unread.chmod(0o755)
    fix = f"give yourself the right to read it (on Linux or a Mac: chmod -R u+rwX {folder})"
    if folder == "course/images":
        fix += ", or move it out of the project"
    assert (done.returncode, done.stderr.splitlines()) == (
        1,
        [
            f"{folder}/: this folder cannot be read (Permission denied), so nothing in it can "
            f"be checked or published; {fix} [source.unreadable]",
            "FAILED: 1 problem",
        ],
    )


def test_a_bug_of_the_generator_ends_with_what_to_do(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bug's traceback was the last a trainer saw, with no word of what to do."""

    def fails(project: Project) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(build, "check", fails)
    assert run_generator(minimal_project, "check") == 1
    error = capsys.readouterr().err
    assert error.startswith("Traceback (most recent call last):")
    assert error.endswith(
        "the generator failed on this command (RuntimeError: a bug); undo the last change to "
        "the course and run the command again, and report this, with the lines above and the "
        "files you changed, as a bug in the generator [setup.generator-failed]\nFAILED\n"
    )
