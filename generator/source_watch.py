"""The preview's watch on the course's sources, through a folder's going and coming back.

MkDocs' live-reload server watches files and folders, but a watch ends when its folder
goes and MkDocs passes over changes of folders; :class:`SourceWatch` watches the folders
(the theme's own folder, ``theme.custom_dir``, and the snippets' among them) and the folder
that holds them, and asks :class:`PreviewServer` for a rebuild. Also here: the state of
the sources, which tells a save still being written.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import Any

from mkdocs.livereload import LiveReloadServer
from watchdog.events import (
    EVENT_TYPE_DELETED,
    EVENT_TYPE_MOVED,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers.api import ObservedWatch

from generator.errors import CourseError, SetupError
from generator.markdown_config import markdown_settings, site_config
from generator.page_snippets import SNIPPETS
from generator.project import Project
from generator.settings_search import named_dictionaries
from generator.settings_source import settings_bytes

POLL_SECONDS = 0.1
"""How often the sources are looked at (a few hundred files: cheap)."""
GOING = (EVENT_TYPE_DELETED, EVENT_TYPE_MOVED)
"""The events after which a path is no longer where it was."""
FileState = tuple[tuple[str, int, int], ...]
"""Files (the theme's own folder's, the snippets'), each with its size and time of change."""


def theme_state(project: Project) -> FileState:
    """The state of the project's theme folder (``theme.custom_dir``; none: empty): a
    template's edit changes no page's Markdown, so the preview builds every page again."""
    folder = site_config(project).theme.custom_dir
    if folder is None:
        return ()
    return _file_state(_files_in(Path(folder)))


def _nearest_folder(path: str) -> str:
    """``path``, or the nearest folder above it that is there."""
    while not os.path.isdir(path) and os.path.dirname(path) != path:
        path = os.path.dirname(path)
    return path


def _files_in(folder: Path, deep: bool = True) -> list[Path]:
    """The files in ``folder``, in its subfolders too when ``deep``, in order."""
    found = folder.rglob("*") if deep else folder.glob("*")
    return sorted(path for path in found if path.is_file())


def _file_state(files: list[Path]) -> FileState:
    state = []
    for path in files:
        with suppress(OSError):
            found = path.stat()
            state.append((str(path), found.st_size, found.st_mtime_ns))
    return tuple(state)


SnippetBase = tuple[str, bool]
"""A place pymdownx.snippets reads snippets from, as an absolute path, and whether its
subfolders are looked into too: for a folder of the project's (``snippets/``), not for the
project's own folder (``base_path: .``, the extension's default), where builds write
``build/`` and ``site/``, nor for one outside it (a home folder, with all it holds)."""


def snippet_bases(project: Project) -> list[SnippetBase]:
    """Where the snippets extension in ``mkdocs.yml`` reads snippets from (its ``base_path``,
    from the folder the generator runs in, as the extension takes it); none without it, or
    when the settings cannot be read."""
    try:
        extensions, settings = markdown_settings(project)
    except (CourseError, SetupError):
        return []
    if SNIPPETS not in extensions:
        return []
    bases = settings.get(SNIPPETS, {}).get("base_path", ["."])
    root = project.root.resolve()
    found = [Path(os.path.abspath(base)) for base in ([bases] if isinstance(bases, str) else bases)]
    return [(str(base), _inside(base.resolve(), root)) for base in found]


def _inside(place: Path, root: Path) -> bool:
    return place != root and place.is_relative_to(root)


def snippet_state(project: Project) -> FileState:
    """The files the snippets extension may read, with their sizes and times of change: a
    snippet's edit changes no page's Markdown, so the preview builds every page again."""
    files: list[Path] = []
    for base, deep in snippet_bases(project):
        place = Path(base)
        if place.is_dir():
            files += _files_in(place, deep)
        elif place.is_file():
            files.append(place)
    return _file_state(files)


def dictionary_files(project: Project) -> list[Path]:
    """The search's Chinese dictionaries ``mkdocs.yml`` names (``jieba_dict``,
    ``jieba_dict_user``), as the build reads them; none when the settings cannot be read.
    Read from the file as written: settings that name a dictionary jieba cannot read are
    refused, and the dictionary is watched all the same."""
    try:
        data = settings_bytes(project)
    except (CourseError, SetupError, OSError):
        return []
    return named_dictionaries(data, project.root)


def files_read_in(project: Project) -> tuple[FileState, FileState, FileState]:
    """The files the site's pages are built with beside their Markdown: the theme folder's
    templates, the snippets, and the search's dictionaries (an edited one splits every
    page's text for search anew)."""
    return theme_state(project), snippet_state(project), _file_state(dictionary_files(project))


SourceState = dict[Path, tuple[int, int]]
"""Each source of the course with its size and time of change."""


def source_state(project: Project) -> SourceState:
    """The course's pages, quizzes, settings, search terms and search dictionaries, each with
    its size and time of change: compared before and after a rebuild, they tell a save still
    being written when it was read (the time alone would not: a file may bear a time ahead
    of the clock); a preview that could not start waits for them to change."""
    folders = (project.course_dir, project.quiz_dir)
    state: SourceState = {}
    named = [project.config_file, project.terms_file, *dictionary_files(project)]
    for path in [*named, *(path for folder in folders for path in folder.rglob("*"))]:
        with suppress(OSError):
            found = path.stat()
            state[path] = (found.st_size, found.st_mtime_ns)
    return state


def _theme_folder(project: Project, unread: str | None = None) -> str | None:
    """The theme folder ``mkdocs.yml`` names (``theme.custom_dir``), as an absolute path;
    ``unread`` when the settings cannot be read (the preview says why)."""
    try:
        folder = site_config(project).theme.custom_dir
    except (CourseError, SetupError):
        return unread
    return os.path.abspath(folder) if folder else None


class PreviewServer(LiveReloadServer):
    """MkDocs' live-reload server, which :class:`SourceWatch` can also ask for a rebuild,
    and whose 404 page reloads after a rebuild as its pages do. Its ``builder`` says whether
    the open pages are to reload: MkDocs reloads them after every rebuild, and one that
    changed nothing (an editor's swap file written while the trainer types) threw away the
    answers of a quiz being tried in the preview."""

    def __init__(self, builder: Callable[[], bool], **options: Any) -> None:
        super().__init__(builder=self.rebuild, **options)
        self.build_and_tell = builder

    def rebuild(self) -> None:
        """Rebuild; when nothing changed, end without reloading the open pages."""
        if not self.build_and_tell():
            with self._epoch_cond:
                self._wanted_epoch = self._visible_epoch

    def request_rebuild(self) -> None:
        """Rebuild and reload the open pages, as MkDocs' own watches do on a file's change
        (they pass over the changes of folders, a watched folder's going among them)."""
        with self._rebuild_cond:
            self._want_rebuild = True
            self._rebuild_cond.notify_all()

    def reloading(self, page: bytes | None) -> bytes | None:
        """An error ``page`` (the site's 404 page) with the script that reloads it after each
        rebuild, which MkDocs adds only to the files it serves: a tab on the 404 page of a
        module not yet written stayed there, its problems panel too, after the fix."""
        if page is None:
            return None
        with self._epoch_cond:
            epoch = self._visible_epoch
        reloading: bytes = self._inject_js_into_html(page, epoch)  # type: ignore[no-untyped-call]
        return reloading


class SourceWatch(FileSystemEventHandler):
    """Watches ``course/``, ``quizzes/``, the theme's own folder, the snippets' places,
    ``mkdocs.yml``, ``search-terms.txt`` and the search's dictionaries, also
    through a folder's being deleted and put back (a colleague's copy restored, a folder
    renamed away and back).

    A watch on a folder ends when the folder goes (watchdog stops polling it), and MkDocs'
    watches pass over changes of folders, the going of the watched folder among them. So
    the folders are watched here, and so is the folder that holds them, without its
    subfolders (``build/`` and ``site/``, which builds write, are not looked into). Any
    change in a folder rebuilds; so does a source's going, so that the preview shows why
    (no home page, no quizzes); a folder that comes back is watched again and rebuilds,
    which empties the problems panel. A theme folder named in ``mkdocs.yml`` while the
    preview runs is watched from then on: its templates' edits went unseen, and a template's
    error stayed on the panel after its fix. So are the snippets' places (:data:`SnippetBase`),
    and the search's dictionaries (an edited one took effect at the next save of a source).
    """

    def __init__(self, project: Project, server: PreviewServer) -> None:
        super().__init__()
        self.project = project
        self.config_file = os.path.abspath(project.config_file)
        self.theme = _theme_folder(project)
        self.files, self.folders, self.flat = self.places()
        self.server = server
        self.watches: dict[str, ObservedWatch] = {}
        self.parents: set[str] = set()

    def places(self) -> tuple[list[str], list[str], list[str]]:
        """The files, the folders and the folders without their subfolders to watch: the
        sources, the search's dictionaries, the theme's folder and the snippets' places."""
        files = [self.config_file, os.path.abspath(self.project.terms_file)]
        files += [os.path.abspath(path) for path in dictionary_files(self.project)]
        folders = [os.path.abspath(self.project.course_dir), os.path.abspath(self.project.quiz_dir)]
        folders += [self.theme] if self.theme else []
        flat = []
        for base, deep in snippet_bases(self.project):
            if os.path.isfile(base):
                files.append(base)
            elif deep:
                folders.append(base)
            else:
                flat.append(base)
        return files, folders, flat

    def start(self) -> None:
        # MkDocs' own watch: it also makes MkDocs start watching and add its reload script
        # to the pages it serves.
        self.server.watch(self.config_file)
        self.watch_parents()
        self.watch_folders()

    def watch_parents(self) -> bool:
        """Watch the folder holding each source, and each folder whose subfolders are not
        read, without their subfolders, once; True when one was. A folder not there yet
        (a dictionary named in a folder still to be made) is watched through the nearest
        one that is: its making is seen, and the folder watched from then on."""
        parents = {os.path.dirname(source) for source in (*self.files, *self.folders)}
        started = False
        for parent in {_nearest_folder(folder) for folder in parents | set(self.flat)}:
            if parent in self.parents:
                continue
            try:
                self.server.observer.schedule(self, parent, recursive=False)
            except OSError:  # gone again at once: the folder above it sees it come back
                continue
            self.parents.add(parent)
            started = True
        return started

    def follow_settings(self) -> None:
        """Watch the theme folder, the snippets' places and the search's dictionaries
        ``mkdocs.yml`` names now, in place of those it named."""
        self.theme = _theme_folder(self.project, self.theme)
        self.files, self.folders, self.flat = self.places()
        for folder in [folder for folder in self.watches if folder not in self.folders]:
            self.server.observer.unschedule(self.watches.pop(folder))
        self.watch_parents()

    def watch_folders(self) -> bool:
        """Watch each folder that is there and not yet watched; True when one was."""
        started = False
        for folder in self.folders:
            if folder in self.watches or not os.path.isdir(folder):
                continue
            try:
                self.watches[folder] = self.server.observer.schedule(self, folder, recursive=True)
            except OSError:  # gone again at once: its parent's watch sees it come back
                continue
            started = True
        return started

    def on_any_event(self, event: FileSystemEvent) -> None:
        went = os.fsdecode(event.src_path) if event.event_type in GOING else None
        for folder in self.folders:
            # A folder's watch ends with its going, even when the folder is already back.
            if folder in self.watches and (folder == went or not os.path.isdir(folder)):
                self.server.observer.unschedule(self.watches.pop(folder))
        paths = [os.fsdecode(path) for path in (event.src_path, event.dest_path) if path]
        if self.config_file in paths:
            self.follow_settings()
        started = self.watch_folders() | self.watch_parents()
        if started or any(self.is_source(path) for path in paths):
            self.server.request_rebuild()

    def is_source(self, path: str) -> bool:
        """Whether ``path`` is mkdocs.yml, search-terms.txt, a search dictionary, a folder or
        anything in one, or a file of a folder whose subfolders are not read."""
        if os.path.dirname(path) in self.flat and not os.path.isdir(path):
            return True
        return path in self.files or any(
            path == folder or path.startswith(folder + os.sep) for folder in self.folders
        )
