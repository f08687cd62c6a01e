"""jieba's dictionary, which splits the search's Chinese into words: the files the search's
settings name, read from the folder of mkdocs.yml, and nothing kept from an earlier build.

Material's search plugin hands jieba the files its ``jieba_dict`` and ``jieba_dict_user``
settings name as each build starts, and jieba read a relative path from the folder the
command ran in: a build run from another folder than the project's failed on a dictionary
beside mkdocs.yml. The build hands them over as paths from the folder of mkdocs.yml, as
``check`` reads them (:mod:`generator.settings_search`) and as MkDocs reads the theme's own
folder.

jieba keeps one dictionary for the whole process, and the plugin takes back none it handed
over. The live preview, which builds in one process until it stops, kept a dictionary jieba
could not read once the setting was mended or deleted, and failed on every save until it was
restarted; a dictionary deleted from the settings stayed in use. So every build starts from
jieba's own dictionary, loaded only when a page is split (:func:`start_afresh`), and the
preview loads the dictionaries and the course's search terms itself, again only when they
changed or the last loading failed (:class:`PreviewDictionary`): the plugin would hand a
``jieba_dict`` over at every build, and jieba load it again each time (0.6 s) and lose the
course's terms with it. A word added to jieba cannot be taken back as if it had never been
(``del_word`` forces it apart, even a word of jieba's own dictionary), so changed terms load
the dictionary again too.
"""

from __future__ import annotations

import logging
import os
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from generator.project import Project
from generator.search_terms import add_search_terms
from generator.settings_search import DICTIONARIES, dictionary_path

SEARCH_PLUGIN = "material/search"
Dictionaries = tuple[str | None, ...]
"""The files the settings of :data:`DICTIONARIES` name, in that order (None: not set)."""
Loaded = tuple[list[tuple[str | None, tuple[int, int] | None]], list[str]]
"""What jieba's dictionary was loaded from: each dictionary's file, with its time and size
when it was read, and the search terms."""


def dictionaries_from_root(project: Project, config: MkDocsConfig) -> Dictionaries:
    """Give Material's search plugin in ``config`` the paths of its dictionaries from the
    project's folder; return them."""
    search = _search_settings(config)
    if search is None:
        return tuple(None for _ in DICTIONARIES)
    named = tuple(
        str(dictionary_path(project.root, value)) if (value := search[name]) else None
        for name in DICTIONARIES
    )
    for name, path in zip(DICTIONARIES, named, strict=True):
        search[name] = path
    return named


def start_afresh(project: Project) -> None:
    """jieba as a fresh process has it, with nothing of an earlier build's: its own dictionary,
    loaded when a text is first split, and cached in the project's cache folder (in the
    system's temporary folder, shared by every user, a cache another user left could be
    neither replaced, and jieba printed a traceback, nor trusted). It loads without a word:
    it printed its own lines ("Building prefix dict from ...") on every build, and before
    the problem with a dictionary it could not read."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    project.cache_dir.mkdir(parents=True, exist_ok=True)
    jieba.dt.tmp_dir = str(project.cache_dir)
    jieba.dt.dictionary = jieba.DEFAULT_DICT
    jieba.dt.initialized = False
    jieba.dt.user_word_tag_tab.clear()
    jieba.finalseg.Force_Split_Words.clear()  # a user dictionary's words of frequency 0


def load_dictionaries(project: Project, dictionaries: Dictionaries, terms: list[str]) -> None:
    """Load into jieba ``dictionaries`` (its own in place of a main one not set), then
    ``terms``, as a build has them once its first page is split. Raises what jieba raises
    on a dictionary it cannot read."""
    import jieba

    start_afresh(project)
    main, user = dictionaries
    if main is not None:
        jieba.set_dictionary(main)
    jieba.initialize()  # now, not at the first page split: a failure is told by this loading
    if user is not None:
        with open(user, "rb") as file:  # jieba leaves a file it opens itself open
            jieba.load_userdict(file)
    add_search_terms(terms)


class PreviewDictionary:
    """jieba's dictionary for the live preview's builds, loaded again only when what it is
    loaded from changed, or the last loading failed."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self.loaded: Loaded | None = None
        """None until a loading succeeds: one that failed left jieba half-loaded (a main
        dictionary it cannot read stays named, and is read again at every build)."""

    def use(self, config: MkDocsConfig, terms: list[str]) -> None:
        """Have jieba hold the dictionaries ``config`` names and ``terms``, and keep the
        search plugin from handing the dictionaries to jieba again as the build starts."""
        dictionaries = dictionaries_from_root(self.project, config)
        search = _search_settings(config)
        if search is not None:
            for name in DICTIONARIES:
                search[name] = None
        wanted = ([(path, _stamp(path)) for path in dictionaries], terms)
        if wanted != self.loaded:
            self.loaded = None
            load_dictionaries(self.project, dictionaries, terms)
            self.loaded = wanted


def _search_settings(config: MkDocsConfig) -> Any:
    """The settings of Material's search plugin in ``config``, if it has the plugin."""
    search = config.plugins.get(SEARCH_PLUGIN)
    return None if search is None else search.config


def _stamp(path: str | None) -> tuple[int, int] | None:
    """The time and size of the file ``path``, which change when it is saved."""
    if path is None:
        return None
    try:
        found = os.stat(path)
    except OSError:
        return None
    return found.st_mtime_ns, found.st_size
