"""Card → the facets a reader filters the catalog by: trade, category, obstacles, levels, duration.

Pure data from the Catalog, shared by `catalogue.json` and the explorer page so that both always
agree; no disk, no Jinja.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from declic.catalog.model import Card, Catalog

# The duration choices of the explorer: "at most N minutes" (prompts last 20 minutes at most).
DURATION_CHOICES = (5, 10, 15, 20)


@dataclass(frozen=True)
class Facets:
    trade: str
    category: str
    obstacles: tuple[str, ...]
    levels: tuple[str, ...]  # from the most accessible
    duration: int  # minutes of the shortest prompt: the time to a first result

    def as_json(self, catalog: Catalog) -> dict[str, Any]:
        return {
            "trade": self.trade,
            "category": self.category,
            "obstacles": list(self.obstacles),
            "levels": list(self.levels),
            "duration": self.duration,
            "labels": {
                "trade": catalog.trades[self.trade].name,
                "category": catalog.categories[self.category].title,
                "obstacles": [catalog.obstacles[obstacle].title for obstacle in self.obstacles],
                "levels": [catalog.levels[level].title for level in self.levels],
            },
        }


def card_facets(catalog: Catalog, card: Card) -> Facets:
    prompts = [catalog.prompts[prompt_id] for prompt_id in card.prompt_ids]
    levels = sorted({prompt.level for prompt in prompts}, key=lambda level: (catalog.levels[level].rank, level))
    return Facets(
        trade=card.trade_id,
        category=card.irritant.category,
        obstacles=card.irritant.obstacles,
        levels=tuple(levels),
        duration=min(prompt.duration_minutes for prompt in prompts),
    )
