"""A page that has not changed since the last build gets its search entries from the cache.

The cached entries are marked (their text replaced) between two builds: an entry that
comes back marked was taken from the cache, one that does not was made anew by Material.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from generator.project import Project
from generator.search_cache import CACHE_FILE
from generator.search_index import DOCUMENTS
from tests.conftest import run_generator
from tests.test_search_terms import PROJECT_TERM, with_project_term

MARK = "从缓存取出"


def built_index(project: Path) -> bytes:
    assert run_generator(project, "build") == 0
    return (project / "site" / DOCUMENTS).read_bytes()


def entries_by_page(project: Path) -> dict[str, list[str]]:
    """The text of each entry of the built site's index, by page."""
    texts: dict[str, list[str]] = {}
    for entry in json.loads((project / "site" / DOCUMENTS).read_bytes())["docs"]:
        texts.setdefault(entry["location"].split("#")[0], []).append(entry["text"])
    return texts


def mark_the_cache(project: Path) -> None:
    path = Project(project).cache_dir / CACHE_FILE
    cache: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    for entries in cache["values"].values():
        for entry in entries:
            entry["text"] = MARK
    path.write_text(json.dumps(cache, ensure_ascii=False), encoding="utf-8")


def test_a_second_build_writes_the_same_index(minimal_project: Path) -> None:
    first = built_index(minimal_project)
    assert (Project(minimal_project).cache_dir / CACHE_FILE).is_file()
    assert built_index(minimal_project) == first


def test_unchanged_pages_take_their_entries_from_the_cache(minimal_project: Path) -> None:
    built_index(minimal_project)
    mark_the_cache(minimal_project)
    built_index(minimal_project)
    texts = entries_by_page(minimal_project)
    assert len(texts) > 5
    assert {page: {MARK} for page in texts} == {page: set(found) for page, found in texts.items()}


def test_a_changed_page_is_indexed_anew_and_the_others_are_not(minimal_project: Path) -> None:
    built_index(minimal_project)
    mark_the_cache(minimal_project)
    page = minimal_project / "course/02-second.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n新加的一段话。\n", encoding="utf-8")
    built_index(minimal_project)
    texts = entries_by_page(minimal_project)
    changed = " ".join(texts.pop("02-second.html"))
    assert MARK not in changed
    assert "新加" in changed
    assert {text for found in texts.values() for text in found} == {MARK}


def test_new_search_terms_index_every_page_anew(minimal_project: Path) -> None:
    built_index(minimal_project)
    mark_the_cache(minimal_project)
    built_index(with_project_term(minimal_project))
    text = " ".join(text for found in entries_by_page(minimal_project).values() for text in found)
    assert MARK not in text
    assert PROJECT_TERM in text  # split, it holds a zero-width space


def test_a_damaged_cache_is_ignored(minimal_project: Path) -> None:
    first = built_index(minimal_project)
    path = Project(minimal_project).cache_dir / CACHE_FILE
    ours = json.loads(path.read_text(encoding="utf-8"))
    wrong_shape = {**ours, "values": {key: {"text": MARK} for key in ours["values"]}}
    damages = ("{not json", '{"stamp": 1, "values": []}', '{"values": {"x": 1}}', "[]")
    for damage in (*damages, json.dumps(wrong_shape)):
        path.write_text(damage, encoding="utf-8")
        assert built_index(minimal_project) == first
    assert json.loads(path.read_text(encoding="utf-8")) == ours, "made again and saved"


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")  # jieba's:
# load_userdict leaves the dictionary's file open
def test_an_edited_jieba_dictionary_indexes_every_page_anew(
    minimal_project: Path, tmp_path: Path
) -> None:
    """The entries were kept by the search terms alone: words added to a dictionary that
    the search plugin's jieba_dict_user names split no page until build/cache was deleted."""
    dictionary = tmp_path / "words.txt"
    dictionary.write_text("缓存测试词甲\n", encoding="utf-8")
    settings = minimal_project / "mkdocs.yml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(
        text.replace("      lang: zh", f"      lang: zh\n      jieba_dict_user: {dictionary}"),
        encoding="utf-8",
    )
    built_index(minimal_project)
    for edit in ("缓存测试词乙\n", ""):
        mark_the_cache(minimal_project)
        if edit:
            dictionary.write_text(dictionary.read_text(encoding="utf-8") + edit, encoding="utf-8")
        built_index(minimal_project)
        texts = {text for found in entries_by_page(minimal_project).values() for text in found}
        assert (texts == {MARK}) == (not edit)
