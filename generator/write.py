"""Write stage: the only code that touches the generated docs folder, ``site/`` and exports.

A build happens in a scratch folder beside the output and is swapped in only when MkDocs
succeeds, so a failed build leaves the previous site exactly as it was. Exports follow
the same rule: each file is written beside its target and renamed into place when
complete, so a failed export leaves no partial file behind.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from generator.project import Project

OUTPUT_MODE = 0o644
"""Exports are readable by everyone, like the files of a build (a temporary file is not)."""

DocsContents = dict[str, bytes]
"""File name relative to the docs folder -> its bytes."""


def sync_docs(docs_dir: Path, contents: DocsContents) -> list[str]:
    """Make ``docs_dir`` hold exactly ``contents``, touching only files that changed.

    Live preview relies on this: MkDocs rebuilds whatever changed, so unchanged files
    stay put. Returns the names written or removed.
    """
    changed = update_docs(docs_dir, contents)
    for existing in sorted(docs_dir.rglob("*"), reverse=True):
        name = existing.relative_to(docs_dir).as_posix()
        if existing.is_file() and name not in contents:
            existing.unlink()
            changed.append(name)
        elif existing.is_dir() and not any(existing.iterdir()):
            existing.rmdir()
    return changed


def update_docs(docs_dir: Path, contents: DocsContents) -> list[str]:
    """Write the files of ``contents`` that differ from what ``docs_dir`` holds; leave the rest.

    Returns the names written.
    """
    changed: list[str] = []
    for name, data in contents.items():
        target = docs_dir / name
        if not target.is_file() or target.read_bytes() != data:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            changed.append(name)
    return changed


def publish_site(project: Project, scratch: Path) -> None:
    """Swap the site and docs folder built in ``scratch`` into place."""
    _swap_in(scratch / "site", project.site_dir, scratch / "old-site")
    _swap_in(scratch / "docs", project.docs_dir, scratch / "old-docs")


def _swap_in(new: Path, target: Path, old: Path) -> None:
    if target.exists():
        os.replace(target, old)
    os.replace(new, target)


@contextmanager
def scratch_folder(project: Project) -> Iterator[Path]:
    """A temporary folder on the same disk as the output (so renames are atomic)."""
    project.work_dir.mkdir(exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=".tmp-", dir=project.work_dir))
    try:
        yield scratch
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def write_scratch_file(scratch: Path, name: str, text: str) -> Path:
    """A file a build needs beside its docs folder (an engine's settings); gone with the scratch."""
    target = scratch / name
    target.write_text(text, encoding="utf-8")
    return target


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
