"""The linked catalog: every entity by kind and id, and the use-case cards the data connects.

A plain immutable object built once by `link`; every later stage only reads it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType
from typing import TypeVar

from declic.catalog.schema import (
    Category,
    Irritant,
    Law,
    Level,
    Obstacle,
    Persona,
    Profile,
    Prompt,
    Role,
    Source,
    Trade,
)


@dataclass(frozen=True)
class Card:
    """An irritant solved for a trade: exists when the trade lives it and a prompt solves it."""

    trade: Trade
    trade_id: str
    irritant: Irritant
    irritant_id: str
    prompt_ids: tuple[str, ...]

    @property
    def id(self) -> str:
        return f"{self.trade_id}/{self.irritant_id}"


@dataclass(frozen=True)
class Catalog:
    sources: Mapping[str, Source]
    categories: Mapping[str, Category]
    obstacles: Mapping[str, Obstacle]
    irritants: Mapping[str, Irritant]
    trades: Mapping[str, Trade]
    prompts: Mapping[str, Prompt]
    levels: Mapping[str, Level]
    profiles: Mapping[str, Profile]
    roles: Mapping[str, Role]
    personas: Mapping[str, Persona]
    laws: Mapping[str, Law]  # legal statements: the `law("id")` macro, and the cards and sheets that name them
    cards: tuple[Card, ...]
    prompts_by_irritant: Mapping[str, tuple[str, ...]] = field(repr=False)
    # What a reader would miss but that does not stop a build: blanks without an example of their trade.
    notices: tuple = field(default=(), repr=False)
    # In an organisation's guide, not a stop either: two durations of one task that disagree (link.task_figures).
    figure_notices: tuple = field(default=(), repr=False)
    # Retired entities by kind (prompts, trades, irritants): their pages say why and where to go.
    retired: Mapping[str, Mapping] = field(default_factory=dict, repr=False)
    # References from published entities to unpublished ones (drafts, retired), dropped: one notice each.
    dropped: tuple = field(default=(), repr=False)

    # Pages ask these for every card: grouped once, they keep planning linear in the number of cards.
    def cards_of_trade(self, trade_id: str) -> tuple[Card, ...]:
        return self._cards_by_trade.get(trade_id, ())

    def cards_of_irritant(self, irritant_id: str) -> tuple[Card, ...]:
        return self._cards_by_irritant.get(irritant_id, ())

    def cards_of_prompt(self, prompt_id: str) -> tuple[Card, ...]:
        return self._cards_by_prompt.get(prompt_id, ())

    def personas_of_trade(self, trade_id: str) -> tuple[str, ...]:
        return self._personas_by_trade.get(trade_id, ())

    def personas_with_obstacle(self, obstacle_id: str) -> tuple[str, ...]:
        return self._personas_by_obstacle.get(obstacle_id, ())

    @cached_property
    def _cards_by_trade(self) -> dict[str, tuple[Card, ...]]:
        return _group(self.cards, lambda card: (card.trade_id,))

    @cached_property
    def _cards_by_irritant(self) -> dict[str, tuple[Card, ...]]:
        return _group(self.cards, lambda card: (card.irritant_id,))

    @cached_property
    def _cards_by_prompt(self) -> dict[str, tuple[Card, ...]]:
        return _group(self.cards, lambda card: card.prompt_ids)

    @cached_property
    def _personas_by_trade(self) -> dict[str, tuple[str, ...]]:
        return _group(self.personas, lambda persona_id: (self.personas[persona_id].trade,))

    @cached_property
    def _personas_by_obstacle(self) -> dict[str, tuple[str, ...]]:
        return _group(self.personas, lambda persona_id: self.personas[persona_id].obstacles)


T = TypeVar("T")


def _group(items: Iterable[T], keys: Callable[[T], Iterable[str]]) -> dict[str, tuple[T, ...]]:
    """Items under each of their keys, in their original order."""
    groups: dict[str, list[T]] = defaultdict(list)
    for item in items:
        for key in keys(item):
            groups[key].append(item)
    return {key: tuple(group) for key, group in groups.items()}


def frozen(mapping: dict) -> Mapping:
    return MappingProxyType(dict(sorted(mapping.items())))
