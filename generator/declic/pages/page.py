"""What every page family shares: the page itself, the labels above its title, a prompt filled
in for a trade."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from declic import urls
from declic.catalog.link import card_example
from declic.catalog.model import Catalog
from declic.catalog.prompt_text import Segment, fill
from declic.catalog.schema import Level, Prompt

RELATED_LIMIT = 6


@dataclass(frozen=True)
class Context:
    """What a page's template receives: each field a variable of the template."""


@dataclass(frozen=True)
class Page:
    path: str  # in the docs folder, from urls (urls.card(…), urls.SHEETS_INDEX…)
    template: str
    kind: str  # "card", "sheet", "path" or "index"
    id: str
    title: str
    links: tuple[str, ...]  # ids of the entities this page links to
    context: Context = field(repr=False, compare=False)
    label: str = ""  # the entity's own name, where the title adds to it (a trade's page: its name)


@dataclass(frozen=True)
class Tag:
    """A label above a page's title, and the explorer's filter (or index page) it opens."""

    label: str
    target: str = ""  # a docs path; no target: the label alone
    query: str = ""  # e.g. "metier=plombier"


def explore(label: str, facet: str, value: str) -> Tag:
    return Tag(label, urls.EXPLORER_PAGE, f"{facet}={value}")


@dataclass(frozen=True)
class FilledPrompt:
    """A prompt as a page shows it: its text cut into segments, the trade's words filled in."""

    id: str
    prompt: Prompt
    segments: tuple[Segment, ...]
    level: Level
    examples: dict[str, str] = field(default_factory=dict)  # each blank's example on this page


def filled(catalog: Catalog, prompt_id: str, context: dict[str, str], trade_id: str | None = None) -> FilledPrompt:
    """`trade_id`: on that trade's card, whose context fills the blanks it can and whose examples are
    shown (another trade's never: no example then); without it, on the sheet, the prompt's own."""
    prompt = catalog.prompts[prompt_id]
    values = {
        name: context[name] for name, variable in prompt.variables.items() if variable.from_trade and name in context
    }
    examples = {
        name: (variable.example if trade_id is None else card_example(variable, trade_id, context.get(name)) or "")
        for name, variable in prompt.variables.items()
    }
    return FilledPrompt(prompt_id, prompt, fill(prompt.text, values), catalog.levels[prompt.level], examples)


def labels(tags: list[Tag]) -> list[str]:
    """The labels alone, as organisations' templates print them."""
    return [tag.label for tag in tags]


def pairs(ids: Any, entities: Any) -> list[tuple[str, Any]]:
    """(id, entity) of each id, in order: what a template loops over to link and title them."""
    return [(entity_id, entities[entity_id]) for entity_id in ids]
