"""Screenshots of the learner's journeys through the real course, to look at after a change.

``make screenshots`` builds the course in a scratch folder, serves it on 127.0.0.1 and walks
a new learner through it in headless Chromium: the home page, a module quiz answered wrong
and right to its results panel, a customer dialogue played through a wrong branch, the
final exam in progress and handed in, the 错题本, the dashboard afterwards, the certificate
(on screen and as printed), the glossary, the 404 page and every diagram. Every step is
taken on a desktop (1280×800) and a phone (390×844), in light and dark mode, into
``build/screenshots/`` as ``NN-step-viewport-scheme.png`` (the printed certificate also as
a PDF). Answers come from the course's YAML through the generator. Every page's random
numbers start from one seed, so each run draws the same exam paper and shuffles options
the same way: two runs' pictures differ only where the course or the site changed. Not
part of ``make test``: look at the pictures yourself.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Literal

from playwright.sync_api import Browser, Locator, Page, expect, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator import build  # noqa: E402
from generator.export.pdf import CHROMIUM_FLAGS, chromium_executable  # noqa: E402
from generator.models import Course, Module, Scenario  # noqa: E402
from generator.project import Project  # noqa: E402
from tests.browsing import (  # noqa: E402
    answer,
    answer_exam,
    every_question,
    give_answer,
    restart_exam_dialogue,
)
from tests.conftest import serve_folder, serving  # noqa: E402

OUTPUT = ROOT / "build/screenshots"
NO_HEADER = ".md-header { visibility: hidden; }"
VIEWPORTS = {"desktop": (1280, 800), "phone": (390, 844)}
Scheme = Literal["light", "dark"]
SCHEMES: tuple[Scheme, ...] = ("light", "dark")
DRAW_SEED = 20261203
SAME_DRAW = f"""(() => {{
  let state = {DRAW_SEED};
  Math.random = () => {{
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }};
}})();"""


class Camera:
    """Takes numbered screenshots of one viewport and scheme."""

    def __init__(self, page: Page, label: str) -> None:
        self.page = page
        self.label = label
        self.count = 0

    def shoot(self, step: str, full_page: bool = False) -> None:
        """The viewport, once the header has finished swapping the site name for the page
        title (a transition the shot had caught halfway, the two titles overlapping)."""
        self.count += 1
        self.page.screenshot(path=self.path(step), full_page=full_page, animations="disabled")

    def shoot_part(self, step: str, part: Locator) -> None:
        """One element whole, without the fixed header, which would cover a band of a part
        taller than the viewport where the shot is stitched."""
        part.screenshot(path=self.path(step), animations="disabled", style=NO_HEADER)

    def path(self, step: str) -> Path:
        return OUTPUT / f"{self.count:02d}-{step}-{self.label}.png"


def quiz_journey(page: Page, url: str, camera: Camera, module: Module) -> None:
    """A module quiz answered all wrong to its last explanation and on to its results
    panel, then retried right."""
    page.goto(f"{url}{module.page.name}.html#quiz")
    expect(page.locator(".mot-quiz[data-ready]")).to_have_count(1)
    camera.shoot("quiz-fresh")
    for index in range(len(module.quiz.questions)):
        form = answer(page, module, index, right=False)
        if index == 0:
            form.scroll_into_view_if_needed()
            camera.shoot("quiz-first-answer-wrong")
    camera.shoot("quiz-last-answer-wrong")
    page.get_by_role("link", name="查看本模块成绩").click()
    camera.shoot("quiz-results-failed")
    page.get_by_role("button", name="只重做答错的题").click()
    for index in range(len(module.quiz.questions)):
        answer(page, module, index, right=True)
    page.get_by_role("link", name="查看本模块成绩").click()
    camera.shoot("quiz-results-passed")


def dialogue_journey(page: Page, url: str, camera: Camera, course: Course) -> None:
    """The first module dialogue whose wrong first reply branches, played to its end."""
    module, question = next(
        (module, question)
        for module in course.modules
        for question in module.quiz.questions
        if isinstance(question, Scenario)
    )
    page.goto(f"{url}{module.page.name}.html")
    form = page.locator(f'form[data-question-id="{question.id}"]')
    expect(page.locator(".mot-quiz[data-ready]")).to_have_count(1)
    give_answer(form, question, right=False)
    expect(form).to_have_attribute("data-result", "incorrect")
    form.scroll_into_view_if_needed()
    camera.shoot("dialogue-wrong-branch")
    camera.shoot_part("dialogue-transcript", form)
    form.get_by_role("button", name="重来这段对话").click()
    expect(form).not_to_have_attribute("data-result", "incorrect")


def exam_journey(page: Page, url: str, camera: Camera, course: Course) -> None:
    """The exam started, left and resumed, a dialogue played wrong (no verdicts yet), the
    paper handed in wrong, its misses tried again in the 错题本, then passed."""
    questions = every_question(course)
    page.goto(f"{url}exam.html")
    expect(page.locator(".mot-exam[data-ready]")).to_have_count(1)
    camera.shoot("exam-ready")
    page.get_by_role("button", name="开始考试").click()
    first = page.locator('.mot-exam-paper .mot-question:not([data-question-type="scenario"])').first
    give_answer(first, questions[first.get_attribute("data-question-id") or ""], right=False)
    camera.shoot("exam-in-progress")
    page.goto(f"{url}index.html")
    page.goto(f"{url}exam.html")
    camera.shoot("exam-resumed")
    dialogue = page.locator('.mot-exam-paper .mot-question[data-question-type="scenario"]')
    if not dialogue.count():
        sys.exit(f"The exam paper drawn from DRAW_SEED {DRAW_SEED} has no dialogue: change it")
    dialogue = dialogue.first
    give_answer(dialogue, questions[dialogue.get_attribute("data-question-id") or ""], right=False)
    camera.shoot_part("exam-dialogue", dialogue)
    restart_exam_dialogue(page, dialogue)
    answer_exam(page, page, questions, right=False)
    camera.shoot("exam-results-failed")
    camera.shoot_part("exam-dialogue-graded", dialogue)
    page.goto(f"{url}mistakes.html")
    camera.shoot("mistakes-filled")
    form = page.locator(".mot-mistakes .mot-question:visible").first
    question = questions[form.get_attribute("data-question-id") or ""]
    give_answer(form, question, right=True)
    if not isinstance(question, Scenario):
        form.locator(".mot-submit").click()
    expect(form).to_have_attribute("data-result", "correct")
    form.scroll_into_view_if_needed()
    camera.shoot("mistakes-one-answered-right")
    page.goto(f"{url}exam.html")
    page.get_by_role("button", name="再考一次（重新抽题）").click()
    answer_exam(page, page, questions, right=True)
    camera.shoot("exam-results-passed")


def walk(browser: Browser, url: str, course: Course, viewport: str, scheme: Scheme) -> None:
    width, height = VIEWPORTS[viewport]
    context = browser.new_context(
        viewport={"width": width, "height": height}, locale="zh-CN", color_scheme=scheme
    )
    context.add_init_script(SAME_DRAW)
    page = context.new_page()
    camera = Camera(page, f"{viewport}-{scheme}")
    page.goto(url)
    camera.shoot("home-fresh")
    quiz_journey(page, url, camera, course.modules[0])
    page.goto(url)
    page.locator(".mot-dashboard").scroll_into_view_if_needed()
    camera.shoot("home-after-one-module")
    dialogue_journey(page, url, camera, course)
    for module in course.modules[1:]:
        page.goto(f"{url}{module.page.name}.html")
        for index in range(len(module.quiz.questions)):
            answer(page, module, index, right=True)
    exam_journey(page, url, camera, course)
    mistakes_cleared(page, url, camera, course)
    page.goto(url)
    page.locator(".mot-dashboard").scroll_into_view_if_needed()
    camera.shoot("home-after-all")
    certificate(page, camera)
    for name in ("glossary", "404"):
        page.goto(f"{url}{name}.html")
        camera.shoot(name)
    diagrams(page, url, camera, course)
    context.close()


def diagrams(page: Page, url: str, camera: Camera, course: Course) -> None:
    """Every diagram of the course, each whole: a phone draws it at half its size, its
    labels grown by a third."""
    camera.count += 1
    for module in course.modules:
        page.goto(f"{url}{module.page.name}.html")
        for number, figure in enumerate(page.locator(".mot-figure").all(), 1):
            camera.shoot_part(f"diagram-{module.page.name}-{number}", figure)


def mistakes_cleared(page: Page, url: str, camera: Camera, course: Course) -> None:
    """The 错题本's last questions answered right on its page: it says it is cleared."""
    questions = every_question(course)
    page.goto(f"{url}mistakes.html")
    expect(page.locator(".mot-mistakes[data-ready]")).to_have_count(1)
    for form in page.locator(".mot-mistakes .mot-question:visible").all():
        question = questions[form.get_attribute("data-question-id") or ""]
        give_answer(form, question, right=True)
        if not isinstance(question, Scenario):
            form.locator(".mot-submit").click()
    page.locator("h1").scroll_into_view_if_needed()
    camera.shoot("mistakes-cleared")


def certificate(page: Page, camera: Camera) -> None:
    page.goto(page.url.rsplit("/", 1)[0] + "/exam_certificate.html")
    page.get_by_label("证书上的姓名").fill("欧阳晓梅")
    page.get_by_role("button", name="生成证书").click()
    page.locator(".mot-certificate").scroll_into_view_if_needed()
    camera.shoot("certificate")
    pdf = OUTPUT / f"{camera.count:02d}-certificate-printed-{camera.label}.pdf"
    page.pdf(path=pdf, prefer_css_page_size=True, print_background=True)


def main() -> None:
    OUTPUT.mkdir(parents=True, exist_ok=True)
    for old in OUTPUT.glob("*.p*"):
        old.unlink()
    checked = build.check(Project(ROOT))
    with tempfile.TemporaryDirectory(dir=ROOT / "build") as scratch:
        site = Path(scratch) / "site"
        with serving(serve_folder(site)) as origin:
            os.environ["SITE_URL"] = f"{origin}/"
            build.build_variant(checked, Path(scratch))
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=chromium_executable(), args=CHROMIUM_FLAGS, headless=True
                )
                for viewport in VIEWPORTS:
                    for scheme in SCHEMES:
                        walk(browser, f"{origin}/", checked.course, viewport, scheme)
                        print(f"  … {viewport}, {scheme}", flush=True)
                browser.close()
    print(f"OK: screenshots in {OUTPUT.relative_to(ROOT)}/")


if __name__ == "__main__":
    main()
