"""Publishing a build: ``site/`` replaced in one step, never half-written or lost.

A build happens in a scratch folder beside the output and is swapped in only when MkDocs
succeeds, so a failed build leaves the previous site exactly as it was.

A build may be killed at any moment. The new site replaces the old one in a single
exchange of the two folders where the platform has one (Linux ``renameat2``, macOS
``renamex_np``), else by two renames in a row. A build stopped between those (Ctrl+C,
an error) puts the old site back as it removes its scratch folder; one killed there
leaves the old site in its scratch folder, and the next build or check puts it back.
Builds of one project take turns (a lock on the ``build/`` folder), so whatever scratch
folder a build finds is stale, and it removes it.

The folder replaced must hold only a site a build wrote (:mod:`generator.site_manifest`):
a build that would delete anything else is refused before it starts, and checked again
just before the swap. What a build keeps there (``.git``, ``CNAME`` …) moves into the new
site as the old one's scratch folder is removed.
"""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from generator.errors import SetupError
from generator.project import BUILT_DOCS, BUILT_SITE, OLD_DOCS, OLD_SITE, Project
from generator.site_manifest import (
    KEPT,
    SHOWN,
    foreign_files,
    put_kept_back,
    set_aside_kept,
    write_manifest,
)

if sys.platform != "win32":
    import fcntl

SCRATCH_PREFIX = ".tmp-"
KEPT_FILES = "kept"
"""In a scratch folder: what a build keeps of the site it replaces, on its way to the new one."""
DISCARDED = ".discarded"
"""Suffix of a scratch folder being removed: nothing in it is ever put back."""
AT_FDCWD = -100
"""Linux's "the current folder" for ``renameat2``, whose paths are then read as given."""
EXCHANGE = 2
"""RENAME_EXCHANGE (Linux ``renameat2``) and RENAME_SWAP (macOS ``renamex_np``) are both 2."""


def refuse_site_target(project: Project) -> None:
    """Refuse to build where publishing would replace something other than the site.

    A file at ``site/`` would be replaced by the site. Where ``site/`` is a link, the build
    replaces the folder it links to as a whole (see :func:`publish_site`). Either folder
    must hold nothing but a site a build wrote.
    """
    site = project.site_dir
    if site.is_symlink():
        _refuse_linked_folder(project, site.resolve())
    elif os.path.lexists(site) and not site.is_dir():
        raise SetupError(
            "this is a file where the site folder goes, and a build would replace it",
            "move or rename the file, then build again",
            "output.site-not-a-folder",
            project.relative(site),
        )
    _refuse_other_files(project, site.resolve() if site.is_symlink() else site)


def _refuse_other_files(project: Project, folder: Path) -> None:
    """Refuse to replace ``folder`` while it holds files no build wrote: all would be lost."""
    found = foreign_files(folder, project.course_dir)
    if not found:
        return
    more = " and more" if len(found) > SHOWN else ""
    linked = project.site_dir.is_symlink()
    where = f"this is a link to {folder}, which" if linked else "this folder"
    instead = "link site/ to an empty folder" if linked else "make site/ a link to an empty one"
    raise SetupError(
        f"{where} holds files no build of the course wrote ({', '.join(found[:SHOWN])}{more}), "
        "and a build replaces the whole folder: they would be deleted",
        f"move them out of {project.shown(folder)}, or {instead}, then build again "
        f"(a build keeps only {', '.join(KEPT[:-1])} and {KEPT[-1]})",
        "output.site-holds-other-files",
        project.relative(project.site_dir),
    )


def _refuse_linked_folder(project: Project, target: Path) -> None:
    """The folder ``site/`` links to must be a folder of its own the build may replace."""
    shown = project.relative(project.site_dir)
    if os.path.lexists(target) and not target.is_dir():
        raise SetupError(
            f"this is a link to {target}, which is not a folder, and a build would replace it",
            "link site/ to a folder, or remove the link, then build again",
            "output.site-not-a-folder",
            shown,
        )
    own = (project.course_dir, project.quiz_dir, project.work_dir)
    if project.root.is_relative_to(target) or any(
        target.is_relative_to(path.resolve()) for path in own
    ):
        raise SetupError(
            f"this is a link to {target}, which holds the course's own files, and a build "
            "replaces the folder site/ links to as a whole",
            "link site/ to a folder that holds only the site, for example /srv/www-course",
            "output.site-link-unsafe",
            shown,
        )
    if os.path.ismount(target):
        raise SetupError(
            f"this is a link to {target}, a mount point, which a build cannot replace",
            f"link site/ to a folder inside it, for example {target / 'course'}, then build again",
            "output.site-link-not-replaceable",
            shown,
        )
    if not os.access(target.parent, os.W_OK | os.X_OK):
        raise SetupError(
            f"this is a link to {target}, which a build cannot replace: the new site takes "
            f"its place in one step, and that needs write access to {target.parent}",
            f"give write access to {target.parent}, or link site/ to a folder inside a folder "
            "you can write to, then build again",
            "output.site-link-not-replaceable",
            shown,
        )


def publish_site(project: Project, scratch: Path) -> None:
    """Swap the site and docs folder built in ``scratch`` into place.

    Where ``site/`` is a link (to a web server's folder, say), the folder it links to is
    replaced and the link kept. The new site lists its files, and the folder it replaces
    is checked once more: the build took a while, and a file put there meanwhile would be lost.
    """
    write_manifest(scratch / BUILT_SITE)
    refuse_site_target(project)
    if project.site_dir.is_symlink():
        _publish_through_link(scratch / BUILT_SITE, project.site_dir.resolve())
    else:
        _swap_site(scratch / BUILT_SITE, project.site_dir, scratch)
    swap_in(scratch / BUILT_DOCS, project.docs_dir, scratch / OLD_DOCS)


def _publish_through_link(new: Path, target: Path) -> None:
    """Put ``new`` at ``target`` by way of a scratch folder beside ``target``.

    Renames only work within one file system, and ``target`` may be on another than the
    build: the new site is moved (or copied) next to it first, so the swap stays one step.
    """
    with _scratch_beside(target) as beside:
        _move(new, beside / BUILT_SITE)
        _swap_site(beside / BUILT_SITE, target, beside)


def _swap_site(new: Path, target: Path, scratch: Path) -> None:
    """Swap the site ``new`` in at ``target``, what a build keeps of the old one (``.git``,
    ``CNAME`` …) set aside in ``scratch`` first; removing ``scratch`` puts it in the new
    one (:func:`_discard`), and so does the next build after one killed meanwhile."""
    set_aside_kept(target, scratch / KEPT_FILES)
    swap_in(new, target, scratch / OLD_SITE)


def _beside_prefix(target: Path) -> str:
    """Names of the scratch folders beside ``target`` start with this."""
    return f".{target.name}{SCRATCH_PREFIX}"


@contextmanager
def _scratch_beside(target: Path) -> Iterator[Path]:
    """A scratch folder next to ``target``, so on its disk; the old site goes back if need be."""
    scratch = Path(tempfile.mkdtemp(prefix=_beside_prefix(target), dir=target.parent))
    try:
        yield scratch
    finally:
        _discard(scratch, target)


def _move(folder: Path, target: Path) -> None:
    """Rename ``folder`` to ``target``, or copy it there where they are on different disks."""
    try:
        os.replace(folder, target)
    except OSError as error:
        if error.errno != errno.EXDEV:
            raise
        _copy_folder(folder, target)


def _copy_folder(folder: Path, target: Path) -> None:
    """Copy ``folder`` file by file; a failure names its file (``shutil.copytree`` collects
    every failure into one error that names none)."""
    target.mkdir()
    for path in sorted(folder.rglob("*")):  # a folder comes before what it holds
        copy = target / path.relative_to(folder)
        if path.is_dir():
            copy.mkdir()
        else:
            shutil.copy2(path, copy)


def swap_in(new: Path, target: Path, old: Path) -> None:
    """Put ``new`` at ``target`` in one step where the platform can; what was there ends up
    at ``old`` (in the scratch folder of a build)."""
    if not os.path.lexists(target):
        os.replace(new, target)
    elif not _exchange(new, target):
        os.replace(target, old)  # stopped here? _discard() or recover_output() puts it back
        os.replace(new, target)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two folders in one step; False where the platform or file system cannot.

    Python has no call for it, so the C library's is called directly.
    """
    library = _c_library()
    if library is None:
        return False
    paths = os.fsencode(first), os.fsencode(second)
    if hasattr(library, "renameat2"):
        result = library.renameat2(AT_FDCWD, paths[0], AT_FDCWD, paths[1], EXCHANGE)
    elif hasattr(library, "renamex_np"):
        result = library.renamex_np(paths[0], paths[1], EXCHANGE)
    else:
        return False
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in {errno.ENOSYS, errno.EINVAL, errno.ENOTSUP}:
        return False
    raise OSError(code, os.strerror(code), str(second))


@cache
def _c_library() -> ctypes.CDLL | None:
    return None if sys.platform == "win32" else ctypes.CDLL(None, use_errno=True)


def recover_output(project: Project) -> None:
    """Put back a site a killed build left aside, and remove stale scratch folders.

    Does nothing while another build of the project runs: its scratch folder is in use.
    """
    if project.work_dir.is_dir():
        with _build_lock(project, wait=False) as locked:
            if locked:
                _recover(project)


def _recover(project: Project) -> None:
    for scratch, site in _scratch_folders(project):
        _discard(scratch, site)


def _scratch_folders(project: Project) -> list[tuple[Path, Path]]:
    """Scratch folders of earlier builds, each with the site its old version would go back to."""
    site = project.site_dir
    found = [(scratch, site) for scratch in sorted(project.work_dir.glob(f"{SCRATCH_PREFIX}*"))]
    if site.is_symlink():
        try:
            target = site.resolve()  # where it leads, there or not (a killed build moved it)
        except RuntimeError:  # round in a loop: it leads nowhere, and nothing is beside it
            return found
        beside = sorted(target.parent.glob(f"{_beside_prefix(target)}*"))
        found += [(scratch, target) for scratch in beside]
    return found


@contextmanager
def _build_lock(project: Project, wait: bool = True) -> Iterator[bool]:
    """Hold the project's build lock (on the ``build/`` folder) while the block runs.

    Yields whether the lock is held. The operating system releases it when the process
    ends, even when killed. Windows has no such lock: builds there do not take turns.
    """
    project.work_dir.mkdir(exist_ok=True)
    if sys.platform == "win32":
        yield True
        return
    descriptor = os.open(project.work_dir, os.O_RDONLY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
    except BlockingIOError:
        os.close(descriptor)
        yield False
        return
    try:
        yield True
    finally:
        os.close(descriptor)


@contextmanager
def scratch_folder(project: Project) -> Iterator[Path]:
    """A temporary folder on the same disk as the output (so renames are atomic).

    Held under the build lock; stale scratch folders of killed builds go first.
    """
    with _build_lock(project):
        _recover(project)
        scratch = Path(tempfile.mkdtemp(prefix=SCRATCH_PREFIX, dir=project.work_dir))
        try:
            yield scratch
        finally:
            _discard(scratch, project.site_dir)


def _discard(scratch: Path, site: Path) -> None:
    """Remove a scratch folder, first putting back the old site it holds if ``site`` is missing,
    then what a build keeps of the site it replaced (``.git``, ``CNAME`` …).

    A build stopped between the two renames of the swap (Ctrl+C, an error) leaves the old
    site here and no ``site`` at all: removing the folder would lose the site.
    """
    if not scratch.name.endswith(DISCARDED):
        stranded = scratch / OLD_SITE
        if stranded.is_dir() and not os.path.lexists(site):
            os.replace(stranded, site)
        if (scratch / KEPT_FILES).is_dir() and site.is_dir():
            put_kept_back(scratch / KEPT_FILES, site)
    _remove(scratch)


def _remove(scratch: Path) -> None:
    """Delete a scratch folder; renamed first, so a half-deleted one is never restored."""
    discarded = scratch.with_name(scratch.name.removesuffix(DISCARDED) + DISCARDED)
    if scratch != discarded:
        os.replace(scratch, discarded)
    shutil.rmtree(discarded, ignore_errors=True)
