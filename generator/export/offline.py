"""Offline package: the site as a zip that works from the file system, with no network.

Material's own offline plugin inlines the search index and switches search to the
iframe-worker shim; the shim, which the plugin would load from a CDN, is copied from
``node_modules`` (the npm ``iframe-worker`` package) into the site instead.
"""

from __future__ import annotations

from pathlib import Path

from material.plugins.offline.plugin import OfflinePlugin
from mkdocs.config.defaults import MkDocsConfig

from generator.build import build_variant
from generator.errors import SetupError
from generator.export.job import ExportJob
from generator.project import Project
from generator.write import DocsContents, scratch_folder, write_output, zip_folder

SHIM_PACKAGE = Path("node_modules/iframe-worker")
SHIM_SOURCE = "shim/index.js"
SHIM_TARGET = "assets/vendor/iframe-worker/shim.js"
"""Where the shim lands in the site; the plugin skips its CDN URL when one names iframe-worker."""
INSTANT_NAVIGATION = "navigation.instant"


def export_offline(job: ExportJob) -> list[Path]:
    job.progress("copying the iframe-worker shim from node_modules")
    shim = vendored_shim(job.project)
    with scratch_folder(job.project) as scratch:
        job.progress("building the site with Material's offline plugin")
        site = build_variant(job.checked, scratch, use_offline_plugin, shim)
        job.progress("writing the zip")
        return [write_output(job.output, lambda partial: zip_folder(site, partial))]


def vendored_shim(project: Project) -> DocsContents:
    """The shim and its licence, to be placed in the docs folder."""
    package = project.root / SHIM_PACKAGE
    shim = package / SHIM_SOURCE
    if not shim.is_file():
        raise SetupError(
            "the iframe-worker shim that offline search needs is not installed",
            "run `npm install` in the project folder (make export-offline does it)",
            "setup.no-iframe-worker",
            SHIM_PACKAGE / SHIM_SOURCE,
        )
    licence = Path(SHIM_TARGET).with_name("LICENSE").as_posix()
    return {SHIM_TARGET: shim.read_bytes(), licence: (package / "LICENSE").read_bytes()}


def use_offline_plugin(config: MkDocsConfig) -> None:
    """Enable Material's offline plugin for this build, with the shim served from the site.

    Instant navigation is turned off: it cannot work over file://, and with it Material
    9.8 completes ``document$`` without ever emitting it there, so no page script would run.
    """
    features = config.theme["features"]
    config.theme["features"] = [f for f in features if not f.startswith(INSTANT_NAVIGATION)]
    config.extra["polyfills"] = [*config.extra.get("polyfills", []), SHIM_TARGET]
    plugin = OfflinePlugin()
    plugin.load_config({})
    config.plugins["material/offline"] = plugin
