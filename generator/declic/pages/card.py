"""Cards: an irritant solved for a trade, with the prompts that solve it filled in for that trade."""

from __future__ import annotations

import heapq
from collections.abc import Mapping
from dataclasses import dataclass

from declic import urls
from declic.catalog.model import Card, Catalog
from declic.catalog.schema import Category, Law, Obstacle, Persona, Source
from declic.catalog.schema.base import Fact
from declic.pages.page import RELATED_LIMIT, Context, FilledPrompt, Page, Tag, explore, filled, labels, pairs

PERSONAS_LIMIT = 4


@dataclass(frozen=True)
class CardContext(Context):
    card: Card
    category: Category
    prompts: list[FilledPrompt]
    facts: list[Fact]  # the irritant's and its prompts', each once
    laws: list[Law]  # the legal statements of the irritant and its prompts, each once
    obstacles: list[tuple[str, Obstacle]]
    personas: list[tuple[str, Persona]]
    same_irritant: list[Card]
    same_trade: list[Card]
    tags: list[str]
    tag_links: list[Tag]
    sources: Mapping[str, Source]


def card_page(catalog: Catalog, card: Card) -> Page:
    irritant = card.irritant
    personas = _personas(catalog, card)
    same_irritant = [other for other in catalog.cards_of_irritant(card.irritant_id) if other.trade_id != card.trade_id]
    same_trade = [other for other in catalog.cards_of_trade(card.trade_id) if other.irritant_id != card.irritant_id]
    related_cards = [*same_irritant[:RELATED_LIMIT], *same_trade[:RELATED_LIMIT]]
    levels = {catalog.prompts[prompt_id].level for prompt_id in card.prompt_ids}
    tags = [
        explore(card.trade.name, "metier", card.trade_id),
        explore(catalog.categories[irritant.category].title, "categorie", irritant.category),
        *sorted((explore(catalog.levels[level].title, "niveau", level) for level in levels), key=lambda t: t.label),
    ]
    return Page(
        urls.card(card.trade_id, card.irritant_id),
        "card.md.j2",
        "card",
        card.id,
        f"{irritant.title} · {card.trade.name}",
        (
            card.trade_id,
            card.irritant_id,
            *card.prompt_ids,
            *irritant.obstacles,
            *(persona_id for persona_id, _ in personas),
            *(other.id for other in related_cards),
        ),
        CardContext(
            card=card,
            category=catalog.categories[irritant.category],
            prompts=[filled(catalog, prompt_id, card.trade.context, card.trade_id) for prompt_id in card.prompt_ids],
            facts=list(
                {
                    fact.text: fact
                    for fact in (*irritant.facts, *(f for p in card.prompt_ids for f in catalog.prompts[p].facts))
                }.values()
            ),
            laws=[
                catalog.laws[law_id]
                for law_id in dict.fromkeys(
                    (*irritant.laws, *(law_id for p in card.prompt_ids for law_id in catalog.prompts[p].laws))
                )
            ],
            obstacles=pairs(irritant.obstacles, catalog.obstacles),
            personas=personas,
            same_irritant=same_irritant[:RELATED_LIMIT],
            same_trade=same_trade[:RELATED_LIMIT],
            tags=labels(tags),
            tag_links=tags,
            sources=catalog.sources,
        ),
    )


def _personas(catalog: Catalog, card: Card) -> list[tuple[str, Persona]]:
    """« Pour qui »: the personas of this card's trade, and those of another trade that lives the same
    irritant and whose role its prompts are for; its trade's first, then those who share the most
    obstacles with the irritant; at most PERSONAS_LIMIT."""
    roles = {role for prompt_id in card.prompt_ids for role in catalog.prompts[prompt_id].roles}
    raised = set(card.irritant.obstacles)
    fitting = (
        (persona_id, persona)
        for persona_id, persona in catalog.personas.items()
        if persona.trade == card.trade_id
        or (persona.role in roles and card.irritant_id in catalog.trades[persona.trade].irritants)
    )
    return heapq.nsmallest(
        PERSONAS_LIMIT,
        fitting,
        key=lambda item: (item[1].trade != card.trade_id, -len(raised.intersection(item[1].obstacles)), item[0]),
    )
