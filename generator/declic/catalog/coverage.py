"""Catalog → what it covers and where it has holes, for `declic check`'s summary.

Holes are not errors (a guide can grow step by step), but an editor wants to see them: irritants
no prompt solves, trade × irritant pairs without a card, paths with an empty stage; and the prompt ×
trade pairs excluded on purpose.
"""

from __future__ import annotations

from dataclasses import dataclass

from declic.catalog.link import excluded_pairs
from declic.catalog.model import Catalog
from declic.catalog.paths import learners, learning_path


@dataclass(frozen=True)
class Coverage:
    cards: int
    pairs: int  # trade × irritant pairs the trades declare
    pairs_without_card: tuple[str, ...]
    unsolved_irritants: tuple[str, ...]
    trades_without_card: tuple[str, ...]
    empty_stages: tuple[tuple[str, str], ...]  # (path id, stage title)
    excluded_pairs: tuple[str, ...] = ()  # « prompt × trade » pairs a prompt or a trade excludes


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
            f"{trade}/{irritant}"
            for trade, irritant in pairs
            if (trade, irritant) not in with_card and not _all_excluded(catalog, trade, irritant)
        ),
        unsolved_irritants=tuple(i for i in catalog.irritants if not catalog.prompts_by_irritant.get(i)),
        trades_without_card=tuple(t for t in catalog.trades if not any(card.trade_id == t for card in catalog.cards)),
        empty_stages=tuple(empty),
        excluded_pairs=excluded_summary(catalog),
    )


def _all_excluded(catalog: Catalog, trade_id: str, irritant_id: str) -> bool:
    """A pair without a card on purpose: every prompt of the irritant is excluded for the trade."""
    prompts = catalog.prompts_by_irritant.get(irritant_id, ())
    excluded = set(excluded_pairs(catalog))
    return bool(prompts) and all((prompt_id, trade_id) in excluded for prompt_id in prompts)


def excluded_summary(catalog: Catalog) -> tuple[str, ...]:
    """The excluded pairs, as `declic check` and `declic build` list them."""
    return tuple(f"{prompt_id} × {trade_id}" for prompt_id, trade_id in excluded_pairs(catalog))
