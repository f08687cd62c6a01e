"""Write stage: the code that writes the generated docs folder, the exports and the caches.

An export or a cache file is written beside its target and renamed into place when
complete, so a failed run leaves no partial file behind; the docs folder is synced in a
build's scratch folder, which replaces the project's only when the build succeeds. A
build's site is published by :mod:`generator.publish`; what a build, an export or the
preview writes into its own scratch folder before that (the SCORM manifest, the answer
key's draft, the problems panel's list) is written there by the code that builds it.
"""

from __future__ import annotations

import glob
import os
import shutil
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

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

    Returns the names written, and those of files removed to make way for them.
    """
    changed: list[str] = []
    for name, data in contents.items():
        target = docs_dir / name
        if not target.is_file() or target.read_bytes() != data:
            changed += _make_way(docs_dir, target)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            changed.append(name)
    return changed


def _make_way(docs_dir: Path, target: Path) -> list[str]:
    """Remove what stands where ``target`` goes: a folder of its name, or a file where one of
    its folders goes (a file of the course's media made a folder of that name, or the
    other way round), as the preview writes into the docs folder of the last save.
    Returns the names of the files removed."""
    removed: list[str] = []
    if target.is_dir() and not target.is_symlink():
        files = [path for path in target.rglob("*") if not path.is_dir()]
        removed = [path.relative_to(docs_dir).as_posix() for path in files]
        shutil.rmtree(target)
    for folder in reversed(target.relative_to(docs_dir).parents[:-1]):
        if (docs_dir / folder).is_file() or (docs_dir / folder).is_symlink():
            (docs_dir / folder).unlink()
            removed.append(folder.as_posix())
    return removed


def write_scratch_file(scratch: Path, name: str, text: str) -> Path:
    """A file a build needs beside its docs folder (an engine's settings); gone with the scratch."""
    target = scratch / name
    target.write_text(text, encoding="utf-8")
    return target


def write_output(target: Path, write: Callable[[Path], object]) -> Path:
    """Let ``write`` fill a temporary file beside ``target``, then rename it into place.

    Nothing is left behind if ``write`` fails: neither a partial ``target`` nor the temporary file.
    A temporary file that a killed run left (its process is gone) is removed first.
    """
    return write_outputs({target: write})[0]


def write_outputs(writers: dict[Path, Callable[[Path], object]]) -> list[Path]:
    """:func:`write_output` for files that belong together (the answer key's HTML and PDF):
    each is filled beside its target first, and only when all are complete are they renamed
    into place, so a full disk keeps the earlier set whole rather than leaving one new file
    beside an old one. A failure names the target, not the temporary file."""
    partials: dict[Path, Path] = {}
    try:
        for target, write in writers.items():
            partials[target] = _temporary_beside(target)
            _fill(partials[target], target, write)
        for target, partial in partials.items():
            _replace(partial, target)
    finally:
        for partial in partials.values():
            partial.unlink(missing_ok=True)
    return list(writers)


def _temporary_beside(target: Path) -> Path:
    """An empty temporary file beside ``target``, named after it and this process."""
    target.parent.mkdir(parents=True, exist_ok=True)
    for leftover in _leftovers(target):
        leftover.unlink(missing_ok=True)
    prefix = f".{target.name}.{os.getpid()}."
    try:
        handle, name = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=target.parent)
    except OSError as error:  # named at the file asked for, not the one it tried to make
        raise OSError(error.errno, error.strerror, str(target)) from None
    os.close(handle)
    return Path(name)


def _fill(partial: Path, target: Path, write: Callable[[Path], object]) -> None:
    try:
        write(partial)
        partial.chmod(OUTPUT_MODE)
    except OSError as error:
        raise _at_target(error, partial, target) from None


def _at_target(error: OSError, partial: Path, target: Path) -> OSError:
    """``error`` named at ``target`` where it names the temporary file, or no file at all (a
    zip archive's full disk)."""
    named = {error.filename, error.filename2} - {None}
    if error.errno is None or (named and str(partial) not in named):
        return error
    return OSError(error.errno, error.strerror, str(target))


def _leftovers(target: Path) -> list[Path]:
    """The temporary files beside ``target`` of runs whose process has gone (killed before
    they could clean up), named ``.<target>.<process id>.<random>.tmp``. Only where a
    process can be asked whether it lives (POSIX: on Windows, signal 0 would stop it)."""
    if os.name != "posix":
        return []
    found = []
    for path in target.parent.glob(f".{glob.escape(target.name)}.*.tmp"):
        process = path.name[len(target.name) + 2 :].split(".", 1)[0]
        if process.isdigit() and not _running(int(process)):
            found.append(path)
    return found


def _running(process: int) -> bool:
    try:
        os.kill(process, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's: it runs
        return True
    return True


def _replace(partial: Path, target: Path) -> None:
    """Rename ``partial`` to ``target``; a failure names ``target`` (a folder in the way),
    not the temporary file the trainer never asked for."""
    try:
        os.replace(partial, target)
    except OSError as error:
        raise _at_target(error, partial, target) from None


def zip_folder(folder: Path, archive: Path, under: str = "") -> None:
    """Write every file under ``folder`` into the zip ``archive``, paths relative to ``folder``
    and, given ``under``, inside a folder of that name."""
    prefix = f"{under}/" if under else ""
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as bundle:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                bundle.write(path, prefix + path.relative_to(folder).as_posix())
