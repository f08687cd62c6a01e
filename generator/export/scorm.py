"""SCORM 1.2 package: the site plus ``imsmanifest.xml``, one SCO per module, for an LMS.

The package's pages load ``mot-scorm.js`` after the quiz runtime: inside an LMS it reports
each module's quiz to the SCORM API; anywhere else it does nothing. Each SCO's mastery
score is the course's own pass mark (``module_pass_mark`` for a module, ``pass_mark`` for
the exam), and the script reports the verdict the page itself gives, so the LMS and the
page never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path, PurePosixPath

from mkdocs.config.defaults import MkDocsConfig

from generator.build import build_variant
from generator.export.job import ExportJob
from generator.markdown_config import site_config
from generator.models import Course
from generator.project import EXAM_PAGE, page_url
from generator.render import template_environment
from generator.write import scratch_folder, write_output, zip_folder

RUNTIME = "assets/scorm/mot-scorm.js"
MANIFEST = "imsmanifest.xml"
IDENTIFIER = "mot-course"


@dataclass(frozen=True)
class Sco:
    """One launchable unit in the LMS: a module page and its quiz, or the exam."""

    name: str
    title: str
    href: str
    mastery_score: int


def export_scorm(job: ExportJob) -> list[Path]:
    runtime = {RUNTIME: files("generator").joinpath(RUNTIME).read_bytes()}
    with scratch_folder(job.project) as scratch:
        job.progress("building the site with the SCORM runtime")
        site = build_variant(job.checked, scratch, use_scorm_runtime, runtime)
        job.progress(f"writing {MANIFEST}")
        title = site_config(job.project).site_name
        manifest = render_manifest(job.checked.course, title, shared_files(site))
        (site / MANIFEST).write_text(manifest, encoding="utf-8")
        job.progress("writing the zip")
        return [write_output(job.output, lambda partial: zip_folder(site, partial))]


def use_scorm_runtime(config: MkDocsConfig) -> None:
    """Load the SCORM bridge on every page; let the address follow the section being read."""
    config.extra_javascript.append(RUNTIME)
    config.theme["features"] = [*config.theme["features"], "navigation.tracking"]


def scos(course: Course) -> list[Sco]:
    """One SCO per module, then the final exam when the course has one."""
    marks = course.pass_marks
    units = [
        Sco(module.page.name, module.meta.title, page_url(module.page.filename), marks.module)
        for module in course.modules
    ]
    if course.exam is not None:
        name = PurePosixPath(EXAM_PAGE).stem
        units.append(Sco(name, course.exam.config.title, page_url(EXAM_PAGE), marks.exam))
    return units


def shared_files(site: Path) -> list[str]:
    """Every file of the package, listed in the manifest's shared asset resource."""
    return [
        path.relative_to(site).as_posix()
        for path in sorted(site.rglob("*"))
        if path.is_file() and path.name != MANIFEST
    ]


def render_manifest(course: Course, title: str, files: list[str]) -> str:
    template = template_environment().get_template(f"export/{MANIFEST}.j2")
    return template.render(
        identifier=IDENTIFIER, version="1.0", title=title, scos=scos(course), shared_files=files
    )
