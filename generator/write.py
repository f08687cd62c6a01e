"""Write stage: the only code that touches the generated docs folder and ``site/``.

A build happens in a temporary folder beside the output and is swapped in only
when MkDocs succeeds, so a failed build leaves the previous site exactly as it was.
Exports follow the same rule: each file is written beside its target and renamed
into place when complete, so a failed export leaves no partial file behind.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from importlib.resources import files
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException

from generator.errors import CourseError, Problem
from generator.render import Rendered
from generator.search_terms import register_search_terms

ASSETS_FOLDER = "assets"
WORK_FOLDER = "build"
DOCS_FOLDER = "build/docs"
"""The generated docs folder; ``docs_dir`` in mkdocs.yml names it too, for ``mkdocs serve``."""
SITE_FOLDER = "site"
DIST_FOLDER = "dist"
"""Where exports go by default; never part of the published site."""

OUTPUT_MODE = 0o644
"""Exports are readable by everyone, like the files of a build (a temporary file is not)."""

ConfigAdjustment = Callable[[MkDocsConfig], None]
"""Changes an export makes to the loaded mkdocs.yml settings before building (a site variant)."""


def docs_files(root: Path, rendered: Rendered) -> dict[str, bytes]:
    """Everything the docs folder must hold: rendered pages, runtime assets, course media."""
    contents = {name: text.encode("utf-8") for name, text in rendered.items()}
    for asset in files("generator").joinpath(ASSETS_FOLDER).iterdir():
        if asset.is_file():
            contents[f"{ASSETS_FOLDER}/{asset.name}"] = asset.read_bytes()
    course_dir = root / "course"
    for path in sorted(course_dir.rglob("*")):
        if path.is_file() and path.suffix != ".md":
            contents[path.relative_to(course_dir).as_posix()] = path.read_bytes()
    return contents


def sync_docs(docs_dir: Path, contents: dict[str, bytes]) -> list[str]:
    """Make ``docs_dir`` hold exactly ``contents``, touching only files that changed.

    Used by live preview: MkDocs rebuilds whatever changed, so unchanged files stay put.
    Returns the names written or removed.
    """
    changed: list[str] = []
    for name, data in contents.items():
        target = docs_dir / name
        if not target.is_file() or target.read_bytes() != data:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            changed.append(name)
    for existing in sorted(docs_dir.rglob("*"), reverse=True):
        name = existing.relative_to(docs_dir).as_posix()
        if existing.is_file() and name not in contents:
            existing.unlink()
            changed.append(name)
        elif existing.is_dir() and not any(existing.iterdir()):
            existing.rmdir()
    return changed


def build_site(root: Path, contents: dict[str, bytes], config_file: Path) -> Path:
    """Run ``mkdocs build --strict`` on ``contents`` and swap the result into place.

    Returns the site folder. Raises CourseError when MkDocs reports a problem.
    """
    register_search_terms(root)
    site_dir, docs_dir = root / SITE_FOLDER, root / DOCS_FOLDER
    with scratch_folder(root) as scratch:
        new_site = build_site_variant(contents, config_file, scratch)
        _swap_in(new_site, site_dir, scratch / "old-site")
        _swap_in(scratch / "docs", docs_dir, scratch / "old-docs")
    return site_dir


def build_site_variant(
    contents: dict[str, bytes],
    config_file: Path,
    scratch: Path,
    adjust: ConfigAdjustment | None = None,
) -> Path:
    """Build ``contents`` into ``scratch/site`` (docs in ``scratch/docs``); return the site folder.

    ``adjust`` changes the settings of mkdocs.yml for this build only (an export's variant).
    Raises CourseError when MkDocs reports a problem.
    """
    new_docs, new_site = scratch / "docs", scratch / "site"
    sync_docs(new_docs, contents)
    _run_mkdocs(config_file, new_docs, new_site, adjust)
    return new_site


def write_output(target: Path, write: Callable[[Path], object]) -> Path:
    """Let ``write`` fill a temporary file beside ``target``, then rename it into place.

    Nothing is left behind if ``write`` fails: neither a partial ``target`` nor the temporary file.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(handle)
    partial = Path(name)
    try:
        write(partial)
        partial.chmod(OUTPUT_MODE)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return target


def zip_folder(folder: Path, archive: Path) -> None:
    """Write every file under ``folder`` into the zip ``archive``, paths relative to ``folder``."""
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as bundle:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                bundle.write(path, path.relative_to(folder).as_posix())


@contextmanager
def scratch_folder(root: Path) -> Iterator[Path]:
    """A temporary folder on the same disk as the output (so renames are atomic)."""
    parent = root / WORK_FOLDER
    parent.mkdir(exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=".tmp-", dir=parent))
    try:
        yield scratch
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _swap_in(new: Path, target: Path, old: Path) -> None:
    if target.exists():
        os.replace(target, old)
    os.replace(new, target)


class _WarningCollector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _run_mkdocs(
    config_file: Path, docs_dir: Path, site_dir: Path, adjust: ConfigAdjustment | None
) -> None:
    collector = _WarningCollector()
    mkdocs_logger = logging.getLogger("mkdocs")
    mkdocs_logger.addHandler(collector)
    try:
        config = load_config(
            str(config_file), docs_dir=str(docs_dir), site_dir=str(site_dir), strict=True
        )
        if adjust is not None:
            adjust(config)
        build(config)
    except MkDocsException as error:
        messages = collector.messages or [str(error)]
        raise CourseError([_mkdocs_problem(config_file, message) for message in messages]) from None
    finally:
        mkdocs_logger.removeHandler(collector)


def _mkdocs_problem(config_file: Path, message: str) -> Problem:
    return Problem(
        Path(config_file.name),
        1,
        1,
        f"MkDocs: {' '.join(message.split())}",
        "fix the page or setting it names; the previous site was left as it was",
    )
