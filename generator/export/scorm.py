"""SCORM 1.2 package: the site plus ``imsmanifest.xml``, one SCO per module, for an LMS.

The package's pages load ``mot-scorm.js`` after the quiz runtime: inside an LMS it reports
each module's quiz to the SCORM API; anywhere else it does nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from generator.export.job import ExportJob
from generator.markdown_config import site_config
from generator.models import Course
from generator.progress_data import EXAM_PAGE
from generator.render import template_environment
from generator.write import build_site_variant, scratch_folder, write_output, zip_folder

RUNTIME = "assets/scorm/mot-scorm.js"
MANIFEST = "imsmanifest.xml"
MASTERY_SCORE = 80
"""Percent of right answers that passes a module; mot-scorm.js uses the same pass mark."""
IDENTIFIER = "mot-course"


@dataclass(frozen=True)
class Sco:
    """One launchable unit in the LMS: a module page and its quiz."""

    name: str
    title: str

    @property
    def href(self) -> str:
        return f"{self.name}.html"


def export_scorm(job: ExportJob) -> list[Path]:
    contents = {**job.docs_contents(), RUNTIME: scorm_runtime()}
    with scratch_folder(job.root) as scratch:
        job.progress("building the site with the SCORM runtime")
        site = build_site_variant(contents, job.config_file, scratch, use_scorm_runtime)
        job.progress(f"writing {MANIFEST}")
        title = site_config(job.config_file).site_name
        manifest = render_manifest(job.course, title, shared_files(site))
        (site / MANIFEST).write_text(manifest, encoding="utf-8")
        job.progress("writing the zip")
        return [write_output(job.output, lambda partial: zip_folder(site, partial))]


def scorm_runtime() -> bytes:
    return files("generator").joinpath(RUNTIME).read_bytes()


def use_scorm_runtime(config: MkDocsConfig) -> None:
    """Load the SCORM bridge on every page; let the address follow the section being read."""
    config.extra_javascript.append(RUNTIME)
    config.theme["features"] = [*config.theme["features"], "navigation.tracking"]


def scos(course: Course) -> list[Sco]:
    """One SCO per module, then the final exam when the course has one."""
    units = [Sco(module.page.name, module.meta.title) for module in course.modules]
    if course.exam is not None:
        units.append(Sco(Path(EXAM_PAGE).stem, course.exam.config.title))
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
        identifier=IDENTIFIER,
        version="1.0",
        title=title,
        scos=scos(course),
        mastery_score=MASTERY_SCORE,
        shared_files=files,
    )
