"""Offline package: the site as a zip that works from the file system, with no network.

Material's own offline plugin inlines the search index and switches search to the
iframe-worker shim; the shim, which the plugin would load from a CDN, ships with the
generator (``generator/vendor/iframe-worker``, MIT, with its licence) and is copied into
the site instead, so the export needs nothing but the Python install.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from material.plugins.offline.plugin import OfflinePlugin
from mkdocs.config.defaults import MkDocsConfig

from generator.build import build_variant
from generator.export.job import ExportJob, without_source_maps
from generator.project import ASSETS_FOLDER
from generator.publish import scratch_folder
from generator.write import DocsContents, write_output, zip_folder

SHIM_FOLDER = "vendor/iframe-worker"
"""The shim and its licence, inside the generator package."""
SHIM_TARGET = f"{ASSETS_FOLDER}/vendor/iframe-worker/shim.js"
"""Where the shim lands in the site; the plugin skips its CDN URL when one names iframe-worker."""


def export_offline(job: ExportJob) -> list[Path]:
    shim = vendored_shim()
    with scratch_folder(job.project) as scratch:
        job.progress("building the site with Material's offline plugin")
        site = without_source_maps(
            build_variant(job.checked, scratch, job.packaged(use_offline_plugin), shim)
        )
        job.progress("writing the zip")
        # One folder inside, named as the zip: `unzip` makes none of its own, and a classroom
        # PC's desktop should not fill with the site's files.
        folder = job.output.stem
        return [write_output(job.output, lambda partial: zip_folder(site, partial, folder))]


def vendored_shim() -> DocsContents:
    """The shim and its licence, to be placed in the docs folder."""
    shipped = files("generator").joinpath(SHIM_FOLDER)
    licence = Path(SHIM_TARGET).with_name("LICENSE").as_posix()
    return {
        SHIM_TARGET: shipped.joinpath("shim.js").read_bytes(),
        licence: shipped.joinpath("LICENSE").read_bytes(),
    }


def use_offline_plugin(config: MkDocsConfig) -> None:
    """Enable Material's offline plugin for this build, with the shim served from the site
    (instant navigation is off in every package: :meth:`ExportJob.packaged`)."""
    config.extra["polyfills"] = [*config.extra.get("polyfills", []), SHIM_TARGET]
    plugin = OfflinePlugin()
    plugin.load_config({})
    config.plugins["material/offline"] = plugin
