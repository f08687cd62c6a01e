"""The checks of a page's lines and text that each find one kind of slip on their own.

Each takes the page and its lines as written (:data:`LINE_CHECKS`) or its text with code
left as empty lines (:data:`TEXT_CHECKS`), and yields the problems it finds, at their
line and column; :mod:`generator.page_checks` runs them on every page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from generator.errors import Problem
from generator.models import Page
from generator.page_alt_text import pictures_without_text
from generator.page_blocks import (
    broken_blocks,
    chinese_box_kinds,
    empty_boxes,
    unknown_box_kinds,
    unquoted_titles,
)
from generator.page_editor_marks import editor_marks
from generator.page_full_width import (
    full_width_bold,
    full_width_headings,
    full_width_links,
    spaced_list_markers,
)
from generator.page_heading_ids import (
    full_width_ids,
    ids_missing_a_brace,
    ids_not_last,
    indented_headings,
)
from generator.page_heading_levels import (
    skipped_heading_levels,
    underlined_headings,
    unspaced_headings,
)
from generator.page_headings import level_one_headings
from generator.page_indented_code import box_text_shown_as_code
from generator.page_joined_lines import paragraphs_in_list, turns_joined
from generator.page_link_addresses import bare_addresses, empty_addresses
from generator.page_link_slips import link_slips
from generator.page_lists import lists_shown_as_text
from generator.page_raw_markdown import markdown_in_raw_html
from generator.page_resources import head_elements
from generator.page_stray_marks import marks_taken
from generator.page_tables import broken_tables, lost_cells, text_under_tables
from generator.page_text import Lines

LINE_CHECKS: tuple[Callable[[Page, Lines], Iterable[Problem]], ...] = (
    level_one_headings,
    full_width_ids,
    ids_not_last,
    ids_missing_a_brace,
    indented_headings,
    underlined_headings,
    box_text_shown_as_code,
    markdown_in_raw_html,
    turns_joined,
    paragraphs_in_list,
)
"""Checks of a page's lines, as written."""
TEXT_CHECKS: tuple[Callable[[Page, str], Iterable[Problem]], ...] = (
    broken_blocks,
    unquoted_titles,
    chinese_box_kinds,
    unknown_box_kinds,
    full_width_headings,
    full_width_bold,
    skipped_heading_levels,
    unspaced_headings,
    full_width_links,
    link_slips,
    empty_addresses,
    bare_addresses,
    pictures_without_text,
    spaced_list_markers,
    lists_shown_as_text,
    broken_tables,
    lost_cells,
    text_under_tables,
    empty_boxes,
    head_elements,
    marks_taken,
    editor_marks,
)
"""Checks of a page's text, its code left as empty lines."""
