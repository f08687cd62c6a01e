"""The Markdown pages generated for the fixture course, pinned page by page.

Every generated Markdown page and the course data the runtime reads are compared with
``tests/golden/site/``, so a change anywhere in the pipeline shows as a readable diff. The
rest of the docs folder (the question banks of the 错题本, the runtime) is tested in the
browser, where it runs.
After an intended change, rewrite them with ``pytest tests/test_golden_site.py
--update-golden`` and review the diff.
"""

from __future__ import annotations

import difflib
import json
from pathlib import Path

from generator import build
from generator.course_data import course_data
from generator.project import Project

GOLDEN_SITE = Path(__file__).parent / "golden/site"
COURSE_DATA = "course-data.json"


def generated_files(project: Project) -> dict[str, str]:
    """The pages of the docs folder and the course data, pretty-printed, as text."""
    checked = build.check(project)
    contents = build.docs_contents(checked)
    pages = {name: data.decode("utf-8") for name, data in contents.items() if name.endswith(".md")}
    data = json.dumps(json.loads(course_data(checked.course)), ensure_ascii=False, indent=2)
    return {**pages, COURSE_DATA: data + "\n"}


def test_generated_docs_match_golden(minimal_project: Path, update_golden: bool) -> None:
    generated = generated_files(Project(minimal_project))
    if update_golden:
        GOLDEN_SITE.mkdir(parents=True, exist_ok=True)
        for stale in GOLDEN_SITE.iterdir():
            stale.unlink()
        for name, text in generated.items():
            (GOLDEN_SITE / name).write_text(text, encoding="utf-8")
    golden = {path.name: path.read_text(encoding="utf-8") for path in GOLDEN_SITE.iterdir()}
    assert sorted(generated) == sorted(golden), "pages added or removed (--update-golden)"
    diffs = [
        "".join(
            difflib.unified_diff(
                golden[name].splitlines(keepends=True),
                text.splitlines(keepends=True),
                fromfile=f"golden/site/{name}",
                tofile=name,
            )
        )
        for name, text in generated.items()
        if golden[name] != text
    ]
    assert diffs == [], "generated pages differ (rerun with --update-golden):\n" + "\n".join(diffs)


READ_BY_EARLIER_RUNTIMES = {
    "title": str,
    "passMarks": dict,
    "areas": list,
    "modules": list,
    "stages": list,
    "exam": dict,
}
MODULE_KEYS_READ_BY_EARLIER_RUNTIMES = {
    "id": str,
    "title": str,
    "url": str,
    "questions": dict,
    "examQuestions": list,
}


def test_the_course_data_keeps_the_shapes_an_earlier_runtime_reads(minimal_project: Path) -> None:
    """Instant navigation keeps a tab's scripts: a tab opened before the trainer published
    again runs the earlier runtime on the pages published since. Made a map of ids to
    stages, the list of each module's exam-only questions read, in that runtime, as no
    question at all, and the record following the course dropped their answers and their
    place in the 错题本. What is new comes as a key of its own."""
    checked = build.check(Project(minimal_project))
    data = json.loads(course_data(checked.course))
    assert {key: type(data[key]) for key in READ_BY_EARLIER_RUNTIMES} == READ_BY_EARLIER_RUNTIMES
    for module in data["modules"]:
        shapes = {key: type(module[key]) for key in MODULE_KEYS_READ_BY_EARLIER_RUNTIMES}
        assert shapes == MODULE_KEYS_READ_BY_EARLIER_RUNTIMES
        assert all(isinstance(question_id, str) for question_id in module["examQuestions"])
