"""What every export gets: the checked course, where to write, and a way to report progress;
and what a package leaves out of the site it builds."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from generator.build import CheckedCourse
from generator.markdown_config import published_site_url
from generator.mkdocs_run import ConfigAdjustment
from generator.project import NOT_FOUND_PAGE, Project

INSTANT_NAVIGATION = "navigation.instant"
SOURCE_MAPS = ("*.js.map", "*.css.map")


@dataclass(frozen=True)
class ExportJob:
    checked: CheckedCourse
    output: Path

    @property
    def project(self) -> Project:
        return self.checked.project

    def progress(self, step: str) -> None:
        """Tell the trainer which step of a long export is running."""
        print(f"  … {step}", flush=True)

    def packaged(self, adjust: ConfigAdjustment) -> ConfigAdjustment:
        """``adjust``, with the published address as the site's, or none, no 404 page and no
        instant navigation.

        A package is opened from a file or in an LMS: an address given only as the fallback
        of an ``!ENV`` tag in mkdocs.yml (the live preview's, say) would otherwise be every
        page's canonical address and fill the sitemap, and no server answers with a 404 page
        there, whose links from the site's root (``/assets/…``) would load nothing anyway.
        Instant navigation cannot work over file://, where Material 9.8 completes
        ``document$`` without ever emitting it, so that no page script would run: a SCORM
        package unzipped to look at showed its quizzes greyed out for good. In an LMS it
        loads every page anyway (it keeps to links under the site's address).
        """
        address = published_site_url(self.project) or None

        def adjusted(config: MkDocsConfig) -> None:
            adjust(config)
            config.site_url = address
            config.theme.static_templates.discard(NOT_FOUND_PAGE)
            features = config.theme["features"]
            config.theme["features"] = [f for f in features if not f.startswith(INSTANT_NAVIGATION)]

        return adjusted


def without_source_maps(site: Path) -> Path:
    """``site`` without the theme's source maps, which only a browser's developer tools read:
    no learner needs them, and they were a fifth of a package's zip (1.2 MB unpacked)."""
    for pattern in SOURCE_MAPS:
        for path in site.rglob(pattern):
            path.unlink()
    return site
