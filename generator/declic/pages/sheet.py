"""Micro-learning sheets: one per prompt, the Kolb cycle around it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from declic import urls
from declic.catalog.follow_up import SCHEDULE, Rendezvous
from declic.catalog.model import Card, Catalog
from declic.catalog.prompt_text import Segment
from declic.catalog.schema import Irritant, Law, Level, Prompt, Source
from declic.pages.page import RELATED_LIMIT, Context, Page, Tag, explore, filled, labels, pairs


@dataclass(frozen=True)
class SheetContext(Context):
    id: str
    prompt: Prompt
    segments: tuple[Segment, ...]  # the prompt's text, no trade's words filled in
    level: Level
    irritants: list[tuple[str, Irritant]]
    cards: tuple[Card, ...]  # the trades' cards that offer this prompt
    follow_up: tuple[Rendezvous, ...]  # « Le suivi »
    laws: list[Law]  # the legal statements the prompt rests on
    tags: list[str]
    tag_links: list[Tag]
    sources: Mapping[str, Source]


def sheet_page(catalog: Catalog, prompt_id: str) -> Page:
    prompt = catalog.prompts[prompt_id]
    cards = catalog.cards_of_prompt(prompt_id)
    tags = [explore(catalog.levels[prompt.level].title, "niveau", prompt.level), Tag("Micro-fiche", urls.SHEETS_INDEX)]
    text = filled(catalog, prompt_id, {})
    return Page(
        urls.sheet(prompt_id),
        "sheet.md.j2",
        "sheet",
        prompt_id,
        prompt.title,
        (*prompt.irritants, *prompt.roles, *(card.id for card in cards)),
        SheetContext(
            id=prompt_id,
            prompt=prompt,
            segments=text.segments,
            level=text.level,
            irritants=pairs(prompt.irritants, catalog.irritants),
            cards=cards[: RELATED_LIMIT * 2],
            follow_up=SCHEDULE,
            laws=[catalog.laws[law_id] for law_id in prompt.laws],
            tags=labels(tags),
            tag_links=tags,
            sources=catalog.sources,
        ),
    )
