"""What a build put in the site, so that a build replaces only a folder a build wrote.

A build replaces ``site/`` (or the folder ``site/`` links to) as a whole. A trainer who
linked ``site`` to a folder holding other files (``ln -s ~/资料 site``) lost them all, and
the build said OK. Each build now lists the files of the site it publishes in the site
itself (:data:`MANIFEST`), and a build refuses to replace a folder holding a file that is
not on the list found there.

A site built before the list existed has none; it is known by its shape instead: the
runtime's style sheet, which every build has written (``assets/mot.css``), and at its top
only what a build writes there: pages (``*.html``), ``assets/``, the search's files, the
sitemap, and names the course has at the top of ``course/`` (a folder of pictures, a
handout a page links to). Everything in it came from one build, as a whole, and is
replaced as a whole, as before. A folder of another shape, unless it is empty, is not
replaced.

A few names a trainer keeps in a published folder are no part of the site, and a build
keeps them: :data:`KEPT`. They move from the old site into the new one
(:func:`set_aside_kept`, :func:`put_kept_back`), as MkDocs' own build keeps a site
folder's hidden files. MkDocs keeps every one; a build here keeps these only, and refuses
a folder with any other (a home folder's ``.bashrc`` or ``.ssh``), which would otherwise
be published with the site.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from itertools import islice
from pathlib import Path

MANIFEST = ".mot-site-files"
"""The list of the site's files, in the site: one path a line, after comment lines."""
HEADER = (
    "# The files the last build of the MOT course generator wrote into this folder.\n"
    "# A build replaces the folder as a whole, and refuses to while it holds another file\n"
    "# (only .git, .nojekyll, CNAME, .htaccess and .well-known are kept).\n"
)
KEPT = (".git", ".nojekyll", "CNAME", ".htaccess", ".well-known")
"""Kept from one site to the next: a clone or ``git worktree`` of a ``gh-pages`` branch
(``.git``), GitHub Pages' settings for a branch it publishes (``.nojekyll``, ``CNAME``), a
web server's (``.htaccess``, ``.well-known/`` for its certificates)."""
RUNTIME_STYLE_SHEET = "assets/mot.css"
"""In every site a build has written: an earlier build's site, with no list, is known by it."""
SHOWN = 3
"""How many of the files a build would delete a refusal names; one more found says "and more"."""
WRITTEN_AT_TOP = {"assets", "search", "search.json", "sitemap.xml", "sitemap.xml.gz"}
"""Besides pages and the course's own names, what a build writes at the site's top
(``search.json`` by Zensical)."""


def write_manifest(site: Path) -> None:
    """List every file of ``site``, the site a build is about to publish, in it."""
    listed = "".join(f"{name}\n" for name in sorted(_files(site)))
    (site / MANIFEST).write_text(HEADER + listed, encoding="utf-8", errors="surrogateescape")


def foreign_files(folder: Path, course_dir: Path) -> list[str]:
    """The first files in ``folder``, where a build would publish the site, that no build
    put there, but for those a build keeps: paths relative to ``folder``, in name order,
    :data:`SHOWN` and one more at most; none where there is no folder. Only so many are
    looked for: a link to a home folder is refused at once, not after a walk through it."""
    if not folder.is_dir():
        return []
    return list(islice(_foreign(folder, course_dir), SHOWN + 1))


def _foreign(folder: Path, course_dir: Path) -> Iterator[str]:
    manifest = folder / MANIFEST
    if manifest.is_file() and not manifest.is_symlink():
        text = manifest.read_text(encoding="utf-8", errors="surrogateescape")
        listed = {line for line in text.splitlines() if not line.startswith("#")}
        return (name for name in _files(folder) if name not in listed)
    if not (folder / RUNTIME_STYLE_SHEET).is_file():
        return _files(folder)
    course_names = _top_names(course_dir)
    unknown = {
        entry
        for entry in os.listdir(folder)
        if entry not in course_names and not _written_at_top(folder / entry)
    }
    return (name for name in _files(folder) if name.split("/")[0] in unknown)


def _written_at_top(path: Path) -> bool:
    """Whether an earlier build's site may have ``path`` at its top (or keeps it)."""
    name = path.name
    is_page = name.endswith(".html") and path.is_file() and not path.is_symlink()
    return name in WRITTEN_AT_TOP or name in KEPT or is_page


def _top_names(course_dir: Path) -> set[str]:
    """The names at the top of ``course/``: a build publishes a folder or file of the
    course under its own name."""
    try:
        return set(os.listdir(course_dir))
    except OSError:
        return set()


def _files(folder: Path, under: str = "") -> Iterator[str]:
    """The paths of everything in ``folder`` that is not a folder (files, links), through
    its folders (not through links), but for the list itself and what a build keeps."""
    with os.scandir(folder) as listing:
        entries = sorted(listing, key=lambda entry: entry.name)
    for entry in entries:
        name = f"{under}{entry.name}"
        if not under and entry.name in {MANIFEST, *KEPT}:
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from _files(Path(entry.path), f"{name}/")
        else:
            yield name


def set_aside_kept(site: Path, holder: Path) -> None:
    """Move what a build keeps (:data:`KEPT`) out of ``site``, the folder about to be
    replaced, into ``holder``, a new folder in the build's scratch folder."""
    holder.mkdir()
    for name in KEPT:
        if os.path.lexists(site / name):
            os.replace(site / name, holder / name)


def put_kept_back(holder: Path, site: Path) -> None:
    """Move what :func:`set_aside_kept` set aside into ``site``, the new site (or the old
    one, put back after a failed swap), unless the site has a file of that name."""
    for name in KEPT:
        if os.path.lexists(holder / name) and not os.path.lexists(site / name):
            os.replace(holder / name, site / name)
