"""Catalog → the pages to produce, family by family (generator/pages/), in a stable order.

Pure: no disk, no Jinja. Each page's address comes from `urls`, the URL contract trainers link to.
"""

from __future__ import annotations

from .catalog import Catalog
from .pages import Page
from .pages.card import card_page
from .pages.explorer import explorer_page, workshop_page
from .pages.indexes import index_pages
from .pages.path import path_page
from .pages.sheet import sheet_page
from .pathing import learners, learning_path


def plan(catalog: Catalog) -> tuple[Page, ...]:
    paths = tuple(learning_path(catalog, learner) for learner in learners(catalog))
    return (
        *(card_page(catalog, card) for card in catalog.cards),
        *(sheet_page(catalog, prompt_id) for prompt_id in catalog.prompts),
        *(path_page(catalog, learning) for learning in paths),
        *index_pages(catalog, paths),
        explorer_page(catalog),
        workshop_page(),
    )
