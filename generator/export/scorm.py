"""SCORM 1.2 package: the site plus ``imsmanifest.xml``, one SCO per module, for an LMS.

Each SCO (a module, or the exam) starts at its own launch page, ``scorm/<name>.html``: it
holds the SCO's one SCORM session (``mot-scorm-launch.js``) and shows the course in a frame
that fills it, so that the learner may follow any link inside while the session goes on.
The package's pages load ``mot-scorm.js`` after the quiz runtime: under a launch page it
tells it what the learner does (the launch page reports only its own SCO's quiz); anywhere
else it does nothing. The launch page reports the verdict the page itself gives, so the LMS
and the page never disagree; the manifest names no mastery score, with which an LMS (Moodle)
would judge the score again: once a trainer has raised a pass mark, it failed a learner
whose earlier pass the page keeps.

The package names its course (:func:`course_identity`) in the manifest and in every page,
where the runtime keeps the learner's progress under it instead of under the package's
address: an LMS serves each uploaded version at a new address (Moodle's
``/pluginfile.php/<context>/mod_scorm/content/<revision>/``), and the progress made in one
version must stay with the next.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from importlib.resources import files
from pathlib import Path, PurePosixPath
from urllib.parse import quote

from mkdocs.config.defaults import MkDocsConfig

from generator.build import build_variant
from generator.course_data import course_identity
from generator.errors import SetupError
from generator.export.job import ExportJob, without_source_maps
from generator.markdown_config import site_config
from generator.models import Course
from generator.project import (
    ASSETS_FOLDER,
    EXAM_PAGE,
    SCORM_LAUNCH_FOLDER,
    SCORM_MANIFEST,
    page_url,
)
from generator.publish import scratch_folder
from generator.render import template_environment
from generator.write import write_output, zip_folder

RUNTIME = f"{ASSETS_FOLDER}/scorm/mot-scorm.js"
LAUNCH_SCRIPT = f"{ASSETS_FOLDER}/scorm/mot-scorm-launch.js"
SCRIPTS = (RUNTIME, LAUNCH_SCRIPT)
MANIFEST_TITLE = 200
"""The most characters of a title in the manifest (imscp_rootv1p1p2.xsd)."""
EXAM_PACKAGE_SUFFIX = "-exam"
"""After the course's identity in the manifest of the exam's own package."""
COURSE_SETTING = "mot_course"
"""The key of ``extra`` in the settings that names the course to the pages' head
(``partials/mot-storage.html``), where the runtime finds it."""


@dataclass(frozen=True)
class Sco:
    """One launchable unit in the LMS: a module page and its quiz, or the exam."""

    name: str
    """The SCO's name, which is also its quiz's id: the module page's name, or ``exam``."""
    title: str
    href: str
    """The course page, e.g. ``01-significance.html``."""
    pass_mark: int
    """The course's pass mark for it (``module_pass_mark``, or the exam's ``pass_mark``)."""
    exam: bool = False

    @property
    def launch(self) -> str:
        """The launch page the LMS opens: it holds the session and shows ``href``."""
        return f"{SCORM_LAUNCH_FOLDER}/{self.name}.html"


def export_scorm(job: ExportJob) -> list[Path]:
    """The course: one SCO per module, and one for the exam."""
    return _package(job, scos(job.checked.course), "")


def export_scorm_exam(job: ExportJob) -> list[Path]:
    """The exam alone, for an LMS activity graded on it: Moodle grades a package as one
    activity, from all its SCOs, where a module quiz redone to 100% hides the exam's score."""
    exam = [unit for unit in scos(job.checked.course) if unit.exam]
    if not exam:
        raise SetupError(
            "the course has no final exam (quizzes/exam.yml), so there is no exam to package",
            "add quizzes/exam.yml (README.md, The final exam), or package the whole course: "
            "python -m generator export scorm",
            "export.no-exam",
        )
    return _package(job, exam, EXAM_PACKAGE_SUFFIX)


def _package(job: ExportJob, units: list[Sco], suffix: str) -> list[Path]:
    """The site with the SCORM runtime, a launch page for each of ``units`` and a manifest
    listing them, identified as the course's package, ``suffix`` after its identity."""
    runtime = {path: files("generator").joinpath(path).read_bytes() for path in SCRIPTS}
    with scratch_folder(job.project) as scratch:
        job.progress("building the site with the SCORM runtime")
        site = without_source_maps(
            build_variant(job.checked, scratch, job.packaged(use_scorm_runtime), runtime)
        )
        job.progress(f"writing {SCORM_MANIFEST} and a launch page per SCO")
        config = site_config(job.project)
        write_launch_pages(site, units, config.site_name, str(config.theme["language"]))
        manifest = render_manifest(units, config.site_name, shared_files(site), suffix)
        (site / SCORM_MANIFEST).write_text(manifest, encoding="utf-8")
        job.progress("writing the zip")
        return [write_output(job.output, lambda partial: zip_folder(site, partial))]


def use_scorm_runtime(config: MkDocsConfig) -> None:
    """Load the SCORM bridge on every page; let the address follow the section being read;
    name the course in every page, for the runtime to keep the progress under."""
    config.extra_javascript.append(RUNTIME)
    config.extra[COURSE_SETTING] = course_identity(config.site_name)
    config.theme["features"] = [*config.theme["features"], "navigation.tracking"]


def progress_key(identity: str) -> str:
    """Where the runtime (``KEY`` in mot-core.js) keeps the progress of the course named
    ``identity`` in the browser; the launch page hands it from one learner to the next."""
    return f"mot-course:{identity}:progress"


def scos(course: Course) -> list[Sco]:
    """One SCO per module, then the final exam when the course has one."""
    marks = course.pass_marks
    units = [
        Sco(module.page.name, module.meta.title, page_url(module.page.filename), marks.module)
        for module in course.modules
    ]
    if course.exam is not None:
        name = PurePosixPath(EXAM_PAGE).stem
        units.append(
            Sco(name, course.exam.config.title, page_url(EXAM_PAGE), marks.exam, exam=True)
        )
    return units


def shared_files(site: Path) -> list[str]:
    """Every file of the package, listed in the manifest's shared asset resource by its
    address relative to the manifest: a trainer's picture named ``客户 图.png`` is
    ``images/%E5%AE%A2%E6%88%B7%20%E5%9B%BE.png`` (an LMS reads ``href`` as a URL)."""
    return [
        quote(path.relative_to(site).as_posix())
        for path in sorted(site.rglob("*"))
        if path.is_file() and path.name != SCORM_MANIFEST
    ]


def write_launch_pages(site: Path, units: list[Sco], course_title: str, language: str) -> None:
    """``scorm/<name>.html`` for each SCO, beside the site's pages."""
    template = template_environment().get_template("export/scorm-launch.html.j2")
    (site / SCORM_LAUNCH_FOLDER).mkdir()
    for sco in units:
        page = template.render(
            sco=sco,
            course_title=course_title,
            language=language,
            launch_script=LAUNCH_SCRIPT,
            progress_key=progress_key(course_identity(course_title)),
        )
        (site / sco.launch).write_text(page, encoding="utf-8")


def render_manifest(units: list[Sco], title: str, files: list[str], suffix: str = "") -> str:
    """The manifest of a package of ``units``; ``suffix`` tells the exam's package apart
    from the course's in an LMS, which both are uploaded to."""
    template = template_environment().get_template(f"export/{SCORM_MANIFEST}.j2")
    return template.render(
        identifier=course_identity(title) + suffix,
        version="1.0",
        title=manifest_title(title),
        scos=[replace(unit, title=manifest_title(unit.title)) for unit in units],
        shared_files=files,
    )


def manifest_title(title: str) -> str:
    """``title`` within the 200 characters IMS content packaging allows a title: a longer
    one made the manifest invalid, which an LMS may refuse to import."""
    return title if len(title) <= MANIFEST_TITLE else title[: MANIFEST_TITLE - 1] + "…"
