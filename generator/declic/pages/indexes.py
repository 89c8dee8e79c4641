"""Index pages: cards by trade and each trade's, irritants by category and each irritant's,
obstacles and each obstacle's, sheets by level, paths, sources. All but the sources page are
listings: groups of links, each with a note. The sources page says, for each source, which pages
cite it: hand-written ones (found before planning, given here) and generated ones (from the data)."""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from declic import urls
from declic.catalog.model import Card, Catalog
from declic.catalog.paths import LearningPath
from declic.catalog.schema import Source
from declic.catalog.schema.base import Figure
from declic.pages.macros import Citation
from declic.pages.page import Context, Page
from declic.pages.path import booklet_query

WHO_TITLES = {
    "apprenant": "Les freins des apprenants",
    "formateur": "Les résistances des formateurs",
    "encadrement": "Les résistances de l'encadrement",
    "institution": "Les résistances des institutions et des financeurs",
}


# The title and the lead of each index page.
INDEX_TEXTS = {
    "cas-usage": (
        "Cas d'usage par métier",
        "Choisissez votre métier : chaque cas part d'un irritant du quotidien et donne un prompt prêt à l'emploi.",
    ),
    "irritants": (
        "Les irritants du quotidien",
        "Les petites corvées qui font perdre du temps chaque semaine, classées par domaine.",
    ),
    "freins": (
        "Les freins et comment les lever",
        "Ce qui retient les personnes d'essayer, et la réponse de la méthode à chaque frein.",
    ),
    "fiches": (
        "Les micro-fiches",
        "Des exercices courts, de 20 minutes au plus : faire avec aide, comprendre, puis refaire seul.",
    ),
    "parcours": (
        "Les parcours",
        "Un parcours par rôle et par personne type, en quatre étapes : l'intérêt, les victoires rapides, les compétences, puis l'ancrage.",
    ),
}


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


@dataclass(frozen=True)
class ListingContext(Context):
    title: str
    lead: str
    groups: list[Group]
    booklet: str  # the workshop kit's query that prints the page's cards, or ""
    trade: tuple[str, str] | None = None  # a trade's page: its id and name, kept by the browser for search


@dataclass(frozen=True)
class CitedIn:
    """Where the site cites one source. A card shows its irritant's figures and its prompts': it is
    reached through them, so that the page stays one line per irritant or sheet, not per card."""

    pages: tuple[Entry, ...] = ()  # hand-written pages, through `source("id")`
    sheets: tuple[Entry, ...] = ()  # micro-fiches with a figure from it, shown too on the cards offering them
    irritants: tuple[Entry, ...] = ()  # irritants with a figure from it, shown on each of their cards
    cards: int = 0  # the cards that show at least one figure from it


@dataclass(frozen=True)
class SourcesContext(Context):
    sources: Mapping[str, Source]
    cited_in: Mapping[str, CitedIn]


def index_pages(
    catalog: Catalog, paths: tuple[LearningPath, ...], citations: Mapping[str, Sequence[Citation]] | None = None
) -> Iterator[Page]:
    yield from _trades(catalog)
    yield from _irritants(catalog)
    yield from _obstacles(catalog)
    yield _sheets(catalog)
    yield _paths(catalog, paths)
    yield Page(
        urls.SOURCES_PAGE,
        "sources.md.j2",
        "index",
        "sources",
        "Les sources",
        tuple(catalog.sources),
        SourcesContext(catalog.sources, cited_in(catalog, citations or {})),
    )


def cited_in(catalog: Catalog, citations: Mapping[str, Sequence[Citation]]) -> dict[str, CitedIn]:
    """Each source's citing pages: `citations`, the hand-written ones, and the generated pages whose
    figures (a cost, a time saved, a fact) name it. Sorted by title, as a reader looks them up."""

    def named(figures: Iterable[Figure]) -> set[str]:
        return {figure.source for figure in figures if figure.source}

    by_prompt = {p: named((prompt.time_saved, *prompt.facts)) for p, prompt in catalog.prompts.items()}
    by_irritant = {i: named((irritant.cost, *irritant.facts)) for i, irritant in catalog.irritants.items()}
    # One pass over each kind, whatever the number of sources.
    sheets: dict[str, list[Entry]] = defaultdict(list)
    for prompt_id, ids in by_prompt.items():
        for source_id in ids:
            sheets[source_id].append(Entry(catalog.prompts[prompt_id].title, urls.sheet(prompt_id)))
    irritants: dict[str, list[Entry]] = defaultdict(list)
    for irritant_id, ids in by_irritant.items():
        for source_id in ids:
            irritants[source_id].append(Entry(catalog.irritants[irritant_id].title, urls.irritant(irritant_id)))
    cards: dict[str, int] = defaultdict(int)
    for card in catalog.cards:
        for source_id in by_irritant[card.irritant_id].union(*(by_prompt[p] for p in card.prompt_ids)):
            cards[source_id] += 1

    def entries(found: Iterable[Entry]) -> tuple[Entry, ...]:
        return tuple(sorted(found, key=lambda entry: (_alphabetical(entry.title), entry.target)))

    return {
        source_id: CitedIn(
            entries(Entry(citation.title, citation.path) for citation in citations.get(source_id, ())),
            entries(sheets.get(source_id, ())),
            entries(irritants.get(source_id, ())),
            cards[source_id],
        )
        for source_id in catalog.sources
    }


def _alphabetical(title: str) -> str:
    """A title as a reader sorts it: « Écrire » among the E, not after the Z."""
    letters = unicodedata.normalize("NFD", title.casefold())
    return "".join(char for char in letters if not unicodedata.combining(char))


def _listing(
    path: str,
    page_id: str,
    title: str,
    lead: str,
    groups: list[Group],
    links: Iterable[str] = (),
    booklet: str = "",
    label: str = "",
    trade: tuple[str, str] | None = None,
) -> Page:
    kept = [group for group in groups if group.entries or group.lead]
    context = ListingContext(title, lead, kept, booklet, trade)
    return Page(path, "listing.md.j2", "index", page_id, title, tuple(links), context, label)


def _index(path: str, page_id: str, groups: list[Group], links: Iterable[str]) -> Page:
    title, lead = INDEX_TEXTS[page_id]
    return _listing(path, page_id, title, lead, groups, links)


def _by_vocabulary(entries: dict[str, list[Entry]], vocabulary: Mapping[str, Any], order) -> list[Group]:
    """One group per term of a vocabulary (categories, levels) that has entries, under its title and
    description, in the order `order(term)` gives."""
    ordered = sorted(entries.items(), key=lambda item: order(vocabulary[item[0]]))
    return [Group(vocabulary[term].title, tuple(found), vocabulary[term].description) for term, found in ordered]


def _card_entry(card: Card, title: str) -> Entry:
    return Entry(title, urls.card(card.trade_id, card.irritant_id), f"« {card.irritant.quote} »")


def _trades(catalog: Catalog) -> Iterator[Page]:
    by_sector: dict[str, list[Entry]] = defaultdict(list)
    for trade_id, trade in catalog.trades.items():
        cards = catalog.cards_of_trade(trade_id)
        by_sector[trade.sector].append(Entry(trade.name, urls.trade(trade_id), f"{len(cards)} cas d'usage"))
        yield _listing(
            urls.trade(trade_id),
            trade_id,
            f"Cas d'usage : {trade.name}",
            f"{trade.description} On dit aussi : {', '.join(trade.also_called)}."
            if trade.also_called
            else trade.description,
            [Group("Les irritants de ce métier", tuple(_card_entry(card, card.irritant.title) for card in cards))],
            [card.id for card in cards],
            booklet=booklet_query(cards=tuple(card.id for card in cards)),
            label=trade.name,
            trade=(trade_id, trade.name),
        )
    yield _index(
        urls.CARDS_INDEX,
        "cas-usage",
        [Group(sector, tuple(entries)) for sector, entries in sorted(by_sector.items())],
        catalog.trades,
    )


def _irritants(catalog: Catalog) -> Iterator[Page]:
    by_category: dict[str, list[Entry]] = defaultdict(list)
    for irritant_id, irritant in catalog.irritants.items():
        cards = catalog.cards_of_irritant(irritant_id)
        by_category[irritant.category].append(
            Entry(irritant.title, urls.irritant(irritant_id), f"« {irritant.quote} »")
        )
        prompts = catalog.prompts_by_irritant.get(irritant_id, ())
        yield _listing(
            urls.irritant(irritant_id),
            irritant_id,
            irritant.title,
            f"« {irritant.quote} » {irritant.description}",
            [
                # The irritant's quote heads the page: each card is named by its trade alone.
                Group(
                    "Par métier",
                    tuple(Entry(card.trade.name, urls.card(card.trade_id, card.irritant_id)) for card in cards),
                ),
                Group(
                    "Les micro-fiches pour s'entraîner",
                    tuple(
                        Entry(catalog.prompts[p].title, urls.sheet(p), catalog.prompts[p].sheet.objective)
                        for p in prompts
                    ),
                ),
                Group(
                    "Les freins en jeu",
                    tuple(Entry(catalog.obstacles[o].title, urls.obstacle(o)) for o in irritant.obstacles),
                ),
            ],
            [*(card.id for card in cards), *prompts],
            label=irritant.title,
        )
    yield _index(
        urls.IRRITANTS_INDEX,
        "irritants",
        _by_vocabulary(by_category, catalog.categories, lambda category: category.title),
        catalog.irritants,
    )


def _obstacles(catalog: Catalog) -> Iterator[Page]:
    by_who: dict[str, list[Entry]] = defaultdict(list)
    for obstacle_id, obstacle in catalog.obstacles.items():
        irritants = [i for i, irritant in catalog.irritants.items() if obstacle_id in irritant.obstacles]
        personas = [p for p, persona in catalog.personas.items() if obstacle_id in persona.obstacles]
        by_who[obstacle.who].append(Entry(obstacle.title, urls.obstacle(obstacle_id), obstacle.description))
        yield _listing(
            urls.obstacle(obstacle_id),
            obstacle_id,
            obstacle.title,
            obstacle.description,
            [
                Group("Ce que la méthode y répond", (), obstacle.answer),
                Group(
                    "Les irritants où il se manifeste",
                    tuple(Entry(catalog.irritants[i].title, urls.irritant(i)) for i in irritants),
                ),
                Group(
                    "Les parcours qui en tiennent compte",
                    tuple(Entry(catalog.personas[p].name, urls.path(p)) for p in personas),
                ),
                Group(
                    "Voir aussi",
                    (Entry("Tous les freins et la réponse de la méthode à chacun", urls.OBSTACLES_INDEX),),
                ),
            ],
            [*irritants, *personas],
        )
    yield _index(
        urls.OBSTACLES_INDEX,
        "freins",
        [Group(WHO_TITLES[who], tuple(by_who[who])) for who in WHO_TITLES if who in by_who],
        catalog.obstacles,
    )


def _sheets(catalog: Catalog) -> Page:
    by_level: dict[str, list[Entry]] = defaultdict(list)
    for prompt_id, prompt in catalog.prompts.items():
        by_level[prompt.level].append(
            Entry(prompt.title, urls.sheet(prompt_id), f"{prompt.duration_minutes} min · {prompt.sheet.objective}")
        )
    return _index(
        urls.SHEETS_INDEX,
        "fiches",
        _by_vocabulary(by_level, catalog.levels, lambda level: level.rank),
        catalog.prompts,
    )


def _paths(catalog: Catalog, paths: tuple[LearningPath, ...]) -> Page:
    def entry(learning: LearningPath) -> Entry:
        learner = learning.learner
        note = f"{catalog.profiles[learner.profile].title} · {learning.learning_minutes} min pour apprendre"
        return Entry(learner.title, urls.path(learner.id), note)

    return _index(
        urls.PATHS_INDEX,
        "parcours",
        [
            Group("Par rôle", tuple(entry(p) for p in paths if p.learner.kind == "role")),
            Group("Par personne type", tuple(entry(p) for p in paths if p.learner.kind == "persona")),
        ],
        [p.learner.id for p in paths],
    )
