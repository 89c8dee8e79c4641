"""The explorer (filters over every card) and the workshop kit (the chosen cards, one per sheet):
pages that hold no card themselves; the browser fetches them (explorer_data.py, the card pages)."""

from __future__ import annotations

from dataclasses import dataclass

from declic import urls
from declic.catalog.facets import DURATION_CHOICES, card_facets
from declic.catalog.model import Catalog
from declic.pages.explorer_data import part_counts
from declic.pages.page import Context, Page


@dataclass(frozen=True)
class ExplorerContext(Context):
    total: int
    parts: list[tuple[str, int]]  # (trade id, its number of cards) of each part of the explorer's data
    trades: list[tuple[str, str]]  # (id, title) of each choice of a filter, only those some card has
    categories: list[tuple[str, str]]
    obstacles: list[tuple[str, str]]
    levels: list[tuple[str, str]]
    durations: tuple[int, ...]
    addresses: dict[str, str]  # where the browser finds a card, a part… (urls.browser_addresses)


@dataclass(frozen=True)
class WorkshopContext(Context):
    addresses: dict[str, str]


def explorer_page(catalog: Catalog) -> Page:
    cards = [(card, card_facets(catalog, card)) for card in catalog.cards]
    used = lambda attribute: {value for _, facets in cards for value in _values(getattr(facets, attribute))}
    by_title = lambda items: sorted(items, key=lambda item: item[1])
    return Page(
        urls.EXPLORER_PAGE,
        "explorer.md.j2",
        "index",
        "explorer",
        "Explorer les cas d'usage",
        tuple(card.id for card, _ in cards),
        ExplorerContext(
            total=len(cards),
            parts=part_counts(catalog),
            trades=by_title((i, catalog.trades[i].name) for i in used("trade")),
            categories=by_title((i, catalog.categories[i].title) for i in used("category")),
            obstacles=by_title((i, catalog.obstacles[i].title) for i in used("obstacles")),
            levels=[
                (i, catalog.levels[i].title)
                for i in sorted(used("levels"), key=lambda level: (catalog.levels[level].rank, level))
            ],
            durations=DURATION_CHOICES,
            addresses=urls.browser_addresses(),
        ),
    )


def workshop_page() -> Page:
    return Page(
        urls.WORKSHOP_PAGE,
        "workshop.md.j2",
        "index",
        "atelier",
        "Kit d'atelier",
        (),
        WorkshopContext(urls.browser_addresses()),
    )


def _values(value: str | tuple[str, ...] | int) -> tuple:
    return value if isinstance(value, tuple) else (value,)
