"""Catalog → what it covers and where it has holes, for `declic check`'s summary.

Holes are not errors (a guide can grow step by step), but an editor wants to see them: irritants
no prompt solves, trade × irritant pairs without a card, paths with an empty stage.
"""

from __future__ import annotations

from dataclasses import dataclass

from .catalog import Catalog
from .pathing import learners, learning_path


@dataclass(frozen=True)
class Coverage:
    cards: int
    pairs: int  # trade × irritant pairs the trades declare
    pairs_without_card: tuple[str, ...]
    unsolved_irritants: tuple[str, ...]
    trades_without_card: tuple[str, ...]
    empty_stages: tuple[tuple[str, str], ...]  # (path id, stage title)


def coverage(catalog: Catalog) -> Coverage:
    pairs = [(trade_id, irritant_id) for trade_id, trade in catalog.trades.items() for irritant_id in trade.irritants]
    with_card = {(card.trade_id, card.irritant_id) for card in catalog.cards}
    empty = []
    for learner in learners(catalog):
        path = learning_path(catalog, learner)
        empty += [(learner.id, stage.title) for stage in path.stages if not stage.steps]
    return Coverage(
        cards=len(catalog.cards),
        pairs=len(pairs),
        pairs_without_card=tuple(
            f"{trade}/{irritant}" for trade, irritant in pairs if (trade, irritant) not in with_card
        ),
        unsolved_irritants=tuple(i for i in catalog.irritants if not catalog.prompts_by_irritant.get(i)),
        trades_without_card=tuple(t for t in catalog.trades if not any(card.trade_id == t for card in catalog.cards)),
        empty_stages=tuple(empty),
    )
