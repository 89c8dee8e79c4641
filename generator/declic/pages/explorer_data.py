"""Catalog → the explorer's data: one small script per trade (`explorer/donnees/<trade>.js`),
which the explorer loads only for what the reader filters, so that its first view weighs the same
at 100 cards as at 10,000. Scripts rather than JSON: browsers load them from file:// too (a USB
key, `declic build --offline`), where they refuse `fetch`. Pure: no disk, no Jinja.
"""

from __future__ import annotations

import json

from declic import urls
from declic.catalog.facets import card_facets
from declic.catalog.model import Card, Catalog
from declic.pages.script_data import script_json

CALLBACK = "declicExplorerPart"  # defined by declic.js before it loads a part
EVERY_CARD = "_tout"  # a filter across trades reads this part; no trade id starts with "_"


def explorer_parts(catalog: Catalog) -> dict[str, bytes]:
    """Docs path → script: one per trade with cards, and one with them all. A card is a row: id
    (`trade/irritant`), title, category, obstacles, levels, minutes (labels are the page's filters)."""
    by_trade: dict[str, list[Card]] = {}
    for card in catalog.cards:
        by_trade.setdefault(card.trade_id, []).append(card)
    rows = {trade_id: [_row(catalog, card) for card in cards] for trade_id, cards in by_trade.items()}
    scripts = {urls.explorer_part(trade_id): _script(trade_id, trade_rows) for trade_id, trade_rows in rows.items()}
    scripts[urls.explorer_part(EVERY_CARD)] = _script(
        EVERY_CARD, [row for trade_rows in rows.values() for row in trade_rows]
    )
    return scripts


def part_counts(catalog: Catalog) -> list[tuple[str, int]]:
    """(trade id, number of cards) of every part, in the order of the trade filter's options."""
    counts: dict[str, int] = {}
    for card in catalog.cards:
        counts[card.trade_id] = counts.get(card.trade_id, 0) + 1
    return sorted(counts.items(), key=lambda item: catalog.trades[item[0]].name)


def _row(catalog: Catalog, card: Card) -> list:
    facets = card_facets(catalog, card)
    title = f"{card.irritant.title} · {card.trade.name}"
    return [card.id, title, facets.category, facets.obstacles, facets.levels, facets.duration]


def _script(name: str, rows: list[list]) -> bytes:
    data = script_json(json.dumps({"part": name, "cards": rows}, ensure_ascii=False, separators=(",", ":")))
    return f"window.{CALLBACK}({data});\n".encode()
