"""The Chinese dictionaries jieba splits the search's text with, as each build hands them over.

Material's search plugin hands jieba the files its ``jieba_dict`` and ``jieba_dict_user``
settings name as each build starts, and jieba read a relative path from the folder the
command ran in: a build run from another folder than the project's failed on a dictionary
beside mkdocs.yml. The build hands them over as paths from the folder of mkdocs.yml, as
``check`` reads them (:mod:`generator.settings_search`) and as MkDocs reads the theme's own
folder.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from generator.project import Project
from generator.settings_search import DICTIONARIES, dictionary_path

SEARCH_PLUGIN = "material/search"


def dictionaries_from_root(project: Project, config: MkDocsConfig) -> None:
    """Give Material's search plugin in ``config`` the paths of its dictionaries from the
    project's folder."""
    search = config.plugins.get(SEARCH_PLUGIN)
    if search is None:
        return
    for name in DICTIONARIES:
        if value := search.config[name]:
            search.config[name] = str(dictionary_path(project.root, value))
