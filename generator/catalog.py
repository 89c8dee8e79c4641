"""The linked catalog: every entity by kind and id, and the use-case cards the data connects.

A plain immutable object built once by `link`; every later stage only reads it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Mapping

from .schema import Category, Irritant, Level, Obstacle, Persona, Profile, Prompt, Role, Source, Trade


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
    cards: tuple[Card, ...]
    prompts_by_irritant: Mapping[str, tuple[str, ...]] = field(repr=False)

    def cards_of_trade(self, trade_id: str) -> tuple[Card, ...]:
        return tuple(card for card in self.cards if card.trade_id == trade_id)

    def cards_of_irritant(self, irritant_id: str) -> tuple[Card, ...]:
        return tuple(card for card in self.cards if card.irritant_id == irritant_id)


def frozen(mapping: dict) -> Mapping:
    return MappingProxyType(dict(sorted(mapping.items())))
