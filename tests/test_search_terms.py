"""Course terms stay whole in the search index (jieba would split them)."""

from __future__ import annotations

import json
from pathlib import Path

import jieba

from generator.project import Project
from generator.search_terms import read_search_terms, register_search_terms
from tests.conftest import PROJECT, run_generator


def test_terms_file_lists_the_key_terms() -> None:
    terms = read_search_terms(Project(PROJECT))
    assert {"服务补救", "首人负责", "关键时刻"} <= set(terms)
    assert all(not term.startswith("#") for term in terms)


def test_registered_terms_are_not_split() -> None:
    register_search_terms(Project(PROJECT))
    assert "服务补救" in jieba.lcut("做好服务补救工作")


def test_search_index_keeps_a_term_of_the_project_whole(minimal_project: Path) -> None:
    """开篇情景 is in no other terms file, and jieba alone splits it into 开篇 + 情景."""
    (minimal_project / "search-terms.txt").write_text("# terms\n开篇情景\n", encoding="utf-8")
    assert run_generator(minimal_project, "build") == 0
    index = json.loads((minimal_project / "site/search/search_index.json").read_text())
    text = " ".join(entry["text"] for entry in index["docs"])
    assert "\u200b开篇情景\u200b" in text
