"""Catalog → the pages to produce: where each lives, which template draws it, with what data.

Pure: no disk, no Jinja. The addresses decided here are the URL contract trainers link to.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from .calendar import follow_ups
from .catalog import Card, Catalog
from .explorer_data import part_counts
from .facets import DURATION_CHOICES, card_facets
from .pathing import LearningPath, learners, learning_path
from .prompt_text import fill

RELATED_LIMIT = 6


@dataclass(frozen=True)
class Page:
    path: str  # in the docs folder, e.g. "cas-usage/plombier/relancer-factures-impayees.md"
    template: str
    kind: str  # "card", "sheet", "path" or "index"
    id: str
    title: str
    links: tuple[str, ...]  # ids of the entities this page links to
    context: dict[str, Any] = field(repr=False, compare=False)


@dataclass(frozen=True)
class Tag:
    """A label above a page's title, and the explorer's filter (or index page) it opens."""

    label: str
    target: str = ""  # a docs path; no target: the label alone
    query: str = ""  # e.g. "metier=plombier"


def _explore(label: str, facet: str, value: str) -> Tag:
    return Tag(label, EXPLORER_PATH, f"{facet}={value}")


def card_path(trade_id: str, irritant_id: str) -> str:
    return f"cas-usage/{trade_id}/{irritant_id}.md"


def sheet_path(prompt_id: str) -> str:
    return f"fiches/{prompt_id}.md"


def path_path(learner_id: str) -> str:
    return f"parcours/{learner_id}.md"


def trade_path(trade_id: str) -> str:
    return f"cas-usage/{trade_id}/index.md"


def irritant_path(irritant_id: str) -> str:
    return f"irritants/{irritant_id}.md"


def obstacle_path(obstacle_id: str) -> str:
    return f"freins/{obstacle_id}.md"


SOURCES_PATH = "sources/index.md"
EXPLORER_PATH = "explorer/index.md"
SHEETS_PATH = "fiches/index.md"
PATHS_PATH = "parcours/index.md"
WORKSHOP_PATH = "atelier/index.md"


def plan(catalog: Catalog) -> tuple[Page, ...]:
    paths = tuple(learning_path(catalog, learner) for learner in learners(catalog))
    return (
        *(_card(catalog, card) for card in catalog.cards),
        *(_sheet(catalog, prompt_id) for prompt_id in catalog.prompts),
        *(_path(catalog, learning) for learning in paths),
        *_indexes(catalog, paths),
        _explorer(catalog),
        _workshop(),
    )


def _filled(catalog: Catalog, prompt_id: str, context: dict[str, str]) -> dict[str, Any]:
    prompt = catalog.prompts[prompt_id]
    values = {
        name: context[name] for name, variable in prompt.variables.items() if variable.from_trade and name in context
    }
    return {
        "id": prompt_id,
        "prompt": prompt,
        "segments": fill(prompt.text, values),
        "level": catalog.levels[prompt.level],
    }


def _card(catalog: Catalog, card: Card) -> Page:
    irritant = card.irritant
    # Those of the trade, and those held back by an obstacle this irritant raises.
    related = {
        *catalog.personas_of_trade(card.trade_id),
        *(
            persona_id
            for obstacle_id in irritant.obstacles
            for persona_id in catalog.personas_with_obstacle(obstacle_id)
        ),
    }
    # The trade's own personas first, then those who share the most obstacles with this irritant.
    raised = set(irritant.obstacles)
    personas = heapq.nsmallest(
        RELATED_LIMIT,
        ((persona_id, catalog.personas[persona_id]) for persona_id in related),
        key=lambda item: (item[1].trade != card.trade_id, -len(raised.intersection(item[1].obstacles)), item[0]),
    )
    same_irritant = [other for other in catalog.cards_of_irritant(card.irritant_id) if other.trade_id != card.trade_id]
    same_trade = [other for other in catalog.cards_of_trade(card.trade_id) if other.irritant_id != card.irritant_id]
    related_cards = [*same_irritant[:RELATED_LIMIT], *same_trade[:RELATED_LIMIT]]
    levels = {catalog.prompts[prompt_id].level for prompt_id in card.prompt_ids}
    tags = [
        _explore(card.trade.name, "metier", card.trade_id),
        _explore(catalog.categories[irritant.category].title, "categorie", irritant.category),
        *sorted((_explore(catalog.levels[level].title, "niveau", level) for level in levels), key=lambda t: t.label),
    ]
    return Page(
        card_path(card.trade_id, card.irritant_id),
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
        {
            "card": card,
            "category": catalog.categories[irritant.category],
            "prompts": [_filled(catalog, prompt_id, card.trade.context) for prompt_id in card.prompt_ids],
            "obstacles": [(obstacle_id, catalog.obstacles[obstacle_id]) for obstacle_id in irritant.obstacles],
            "personas": personas,
            "same_irritant": same_irritant[:RELATED_LIMIT],
            "same_trade": same_trade[:RELATED_LIMIT],
            "tags": [tag.label for tag in tags],  # the labels alone, as organisations' templates print them
            "tag_links": tags,
            "sources": catalog.sources,
        },
    )


def _sheet(catalog: Catalog, prompt_id: str) -> Page:
    prompt = catalog.prompts[prompt_id]
    cards = catalog.cards_of_prompt(prompt_id)
    tags = [_explore(catalog.levels[prompt.level].title, "niveau", prompt.level), Tag("Micro-fiche", SHEETS_PATH)]
    return Page(
        sheet_path(prompt_id),
        "sheet.md.j2",
        "sheet",
        prompt_id,
        prompt.title,
        (*prompt.irritants, *prompt.roles, *(card.id for card in cards)),
        {
            **_filled(catalog, prompt_id, {}),
            "irritants": [(irritant_id, catalog.irritants[irritant_id]) for irritant_id in prompt.irritants],
            "cards": cards[: RELATED_LIMIT * 2],
            "tags": [tag.label for tag in tags],
            "tag_links": tags,
            "sources": catalog.sources,
        },
    )


def _path(catalog: Catalog, learning: LearningPath) -> Page:
    learner = learning.learner
    persona = catalog.personas.get(learner.id) if learner.kind == "persona" else None
    return Page(
        path_path(learner.id),
        "path.md.j2",
        "path",
        learner.id,
        f"Parcours : {learner.title}",
        (learner.role, learner.profile, learner.level, *learning.prompt_ids),
        {
            "path": learning,
            "learner": learner,
            "persona": persona,
            "role": catalog.roles[learner.role],
            "profile": catalog.profiles[learner.profile],
            "level": catalog.levels[learner.level],
            "trade": catalog.trades[learner.trade] if learner.trade else None,
            "obstacles": [(obstacle_id, catalog.obstacles[obstacle_id]) for obstacle_id in learner.obstacles],
            "follow_ups": follow_ups(learning),
            "tag_links": [
                Tag("Parcours", PATHS_PATH),
                Tag(catalog.profiles[learner.profile].title),
                _explore(catalog.levels[learner.level].title, "niveau", learner.level),
            ],
            "booklet": booklet_query(learner.id, *_booklet_pages(learning)),
        },
    )


def _booklet_pages(learning: LearningPath) -> tuple[tuple[str, ...], tuple[str, ...]]:
    targets = [step.target for stage in learning.stages for step in stage.steps if step.target]
    cards = tuple(
        dict.fromkeys(t.removeprefix("cas-usage/").removesuffix(".md") for t in targets if t.startswith("cas-usage/"))
    )
    sheets = tuple(
        dict.fromkeys(t.removeprefix("fiches/").removesuffix(".md") for t in targets if t.startswith("fiches/"))
    )
    return cards, sheets


@dataclass(frozen=True)
class Entry:
    title: str
    target: str
    note: str = ""


@dataclass(frozen=True)
class Group:
    title: str
    entries: tuple[Entry, ...]
    lead: str = ""


def _listing(path: str, page_id: str, title: str, lead: str, groups: list[Group], links=(), booklet: str = "") -> Page:
    return Page(
        path,
        "listing.md.j2",
        "index",
        page_id,
        title,
        tuple(links),
        {
            "title": title,
            "lead": lead,
            "groups": [group for group in groups if group.entries or group.lead],
            "booklet": booklet,
        },
    )


def booklet_query(path_id: str = "", cards: tuple[str, ...] = (), sheets: tuple[str, ...] = ()) -> str:
    """The workshop kit's address for a booklet: a path's page, then its cards, then its sheets."""
    parts = {"parcours": path_id, "cartes": ",".join(cards), "fiches": ",".join(sheets)}
    return "&".join(f"{name}={value}" for name, value in parts.items() if value)


def _indexes(catalog: Catalog, paths: tuple[LearningPath, ...]) -> list[Page]:
    pages = []
    card_entry = lambda card, title: Entry(
        title, card_path(card.trade_id, card.irritant_id), f"« {card.irritant.quote} »"
    )
    by_sector: dict[str, list[Entry]] = defaultdict(list)
    for trade_id, trade in catalog.trades.items():
        cards = catalog.cards_of_trade(trade_id)
        by_sector[trade.sector].append(Entry(trade.name, trade_path(trade_id), f"{len(cards)} cas d'usage"))
        pages.append(
            _listing(
                trade_path(trade_id),
                trade_id,
                f"Cas d'usage : {trade.name}",
                trade.description,
                [Group("Les irritants de ce métier", tuple(card_entry(card, card.irritant.title) for card in cards))],
                [card.id for card in cards],
                booklet=booklet_query(cards=tuple(card.id for card in cards)),
            )
        )
    pages.append(
        _listing(
            "cas-usage/index.md",
            "cas-usage",
            "Cas d'usage par métier",
            "Choisissez votre métier : chaque cas part d'un irritant du quotidien et donne un prompt prêt à l'emploi.",
            [Group(sector, tuple(entries)) for sector, entries in sorted(by_sector.items())],
            catalog.trades,
        )
    )

    by_category: dict[str, list[Entry]] = defaultdict(list)
    for irritant_id, irritant in catalog.irritants.items():
        cards = catalog.cards_of_irritant(irritant_id)
        by_category[irritant.category].append(
            Entry(irritant.title, irritant_path(irritant_id), f"« {irritant.quote} »")
        )
        prompts = catalog.prompts_by_irritant.get(irritant_id, ())
        pages.append(
            _listing(
                irritant_path(irritant_id),
                irritant_id,
                irritant.title,
                f"« {irritant.quote} » {irritant.description}",
                [
                    Group("Par métier", tuple(card_entry(card, card.trade.name) for card in cards)),
                    Group(
                        "Les micro-fiches pour s'entraîner",
                        tuple(
                            Entry(catalog.prompts[p].title, sheet_path(p), catalog.prompts[p].sheet.objective)
                            for p in prompts
                        ),
                    ),
                    Group(
                        "Les freins en jeu",
                        tuple(Entry(catalog.obstacles[o].title, obstacle_path(o)) for o in irritant.obstacles),
                    ),
                ],
                [*(card.id for card in cards), *prompts],
            )
        )
    pages.append(
        _listing(
            "irritants/index.md",
            "irritants",
            "Les irritants du quotidien",
            "Les petites corvées qui font perdre du temps chaque semaine, classées par domaine.",
            [
                Group(catalog.categories[category].title, tuple(entries), catalog.categories[category].description)
                for category, entries in sorted(by_category.items(), key=lambda item: catalog.categories[item[0]].title)
            ],
            catalog.irritants,
        )
    )

    by_who: dict[str, list[Entry]] = defaultdict(list)
    for obstacle_id, obstacle in catalog.obstacles.items():
        irritants = [i for i, irritant in catalog.irritants.items() if obstacle_id in irritant.obstacles]
        personas = [p for p, persona in catalog.personas.items() if obstacle_id in persona.obstacles]
        by_who[obstacle.who].append(Entry(obstacle.title, obstacle_path(obstacle_id), obstacle.description))
        pages.append(
            _listing(
                obstacle_path(obstacle_id),
                obstacle_id,
                obstacle.title,
                obstacle.description,
                [
                    Group("Ce que la méthode y répond", (), obstacle.answer),
                    Group(
                        "Les irritants où il se manifeste",
                        tuple(Entry(catalog.irritants[i].title, irritant_path(i)) for i in irritants),
                    ),
                    Group(
                        "Les parcours qui en tiennent compte",
                        tuple(Entry(catalog.personas[p].name, path_path(p)) for p in personas),
                    ),
                    Group(
                        "Voir aussi",
                        (Entry("Tous les freins et la réponse de la méthode à chacun", "freins/index.md"),),
                    ),
                ],
                [*irritants, *personas],
            )
        )
    pages.append(
        _listing(
            "freins/index.md",
            "freins",
            "Les freins et comment les lever",
            "Ce qui retient les personnes d'essayer, et la réponse de la méthode à chaque frein.",
            [Group(WHO_TITLES[who], tuple(by_who[who])) for who in WHO_TITLES if who in by_who],
            catalog.obstacles,
        )
    )

    by_level: dict[str, list[Entry]] = defaultdict(list)
    for prompt_id, prompt in catalog.prompts.items():
        by_level[prompt.level].append(
            Entry(prompt.title, sheet_path(prompt_id), f"{prompt.duration_minutes} min · {prompt.sheet.objective}")
        )
    pages.append(
        _listing(
            SHEETS_PATH,
            "fiches",
            "Les micro-fiches",
            "Des exercices courts, de 20 minutes au plus : faire avec aide, comprendre, puis refaire seul.",
            [
                Group(catalog.levels[level].title, tuple(entries), catalog.levels[level].description)
                for level, entries in sorted(by_level.items(), key=lambda item: catalog.levels[item[0]].rank)
            ],
            catalog.prompts,
        )
    )

    path_entry = lambda learning: Entry(
        learning.learner.title,
        path_path(learning.learner.id),
        f"{catalog.profiles[learning.learner.profile].title} · {learning.minutes} min",
    )
    pages.append(
        _listing(
            PATHS_PATH,
            "parcours",
            "Les parcours",
            "Un parcours par rôle et par personne type, en quatre étapes : l'intérêt, les victoires rapides, "
            "les compétences, puis l'ancrage.",
            [
                Group("Par rôle", tuple(path_entry(p) for p in paths if p.learner.kind == "role")),
                Group("Par personne type", tuple(path_entry(p) for p in paths if p.learner.kind == "persona")),
            ],
            [p.learner.id for p in paths],
        )
    )

    pages.append(
        Page(
            SOURCES_PATH,
            "sources.md.j2",
            "index",
            "sources",
            "Les sources",
            tuple(catalog.sources),
            {"sources": catalog.sources},
        )
    )
    return pages


def _explorer(catalog: Catalog) -> Page:
    """The filters (only the choices some card has) and where the cards are: the page holds no card,
    `explorer_data` writes them, a part per trade."""
    cards = [(card, card_facets(catalog, card)) for card in catalog.cards]
    used = lambda attribute: {value for _, facets in cards for value in _values(getattr(facets, attribute))}
    return Page(
        EXPLORER_PATH,
        "explorer.md.j2",
        "index",
        "explorer",
        "Explorer les cas d'usage",
        tuple(card.id for card, _ in cards),
        {
            "total": len(cards),
            "parts": part_counts(catalog),
            "trades": sorted(((i, catalog.trades[i].name) for i in used("trade")), key=lambda item: item[1]),
            "categories": sorted(
                ((i, catalog.categories[i].title) for i in used("category")), key=lambda item: item[1]
            ),
            "obstacles": sorted(((i, catalog.obstacles[i].title) for i in used("obstacles")), key=lambda item: item[1]),
            "levels": [
                (i, catalog.levels[i].title)
                for i in sorted(used("levels"), key=lambda level: (catalog.levels[level].rank, level))
            ],
            "durations": DURATION_CHOICES,
        },
    )


def _values(value: str | tuple[str, ...] | int) -> tuple:
    return value if isinstance(value, tuple) else (value,)


def _workshop() -> Page:
    return Page(WORKSHOP_PATH, "workshop.md.j2", "index", "atelier", "Kit d'atelier", (), {})


WHO_TITLES = {
    "apprenant": "Les freins des apprenants",
    "formateur": "Les résistances des formateurs",
    "encadrement": "Les résistances de l'encadrement",
    "institution": "Les résistances des institutions et des financeurs",
}
