"""Catalog → the pages to produce, family by family (generator/pages/), in a stable order.

Pure: no disk, no Jinja. Each page's address comes from `urls`, the URL contract trainers link to.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from declic.catalog.model import Catalog
from declic.catalog.paths import learners, learning_path
from declic.pages import Page
from declic.pages.card import card_page
from declic.pages.explorer import explorer_page, workshop_page
from declic.pages.indexes import index_pages
from declic.pages.macros import Citation
from declic.pages.path import path_page
from declic.pages.sheet import sheet_page


def plan(catalog: Catalog, citations: Mapping[str, Sequence[Citation]] | None = None) -> tuple[Page, ...]:
    """`citations`: the hand-written pages that cite each source (`cited_sources`), for the sources page."""
    paths = tuple(learning_path(catalog, learner) for learner in learners(catalog))
    return (
        *(card_page(catalog, card) for card in catalog.cards),
        *(sheet_page(catalog, prompt_id) for prompt_id in catalog.prompts),
        *(path_page(catalog, learning) for learning in paths),
        *index_pages(catalog, paths, citations),
        explorer_page(catalog),
        workshop_page(),
    )
