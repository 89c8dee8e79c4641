"""Typed entities → Catalog: every id reference resolved, prompt variables matched, cards derived.

Takes what `validate` returns plus the raw documents (for file and line of each problem); gives
the immutable `Catalog`, or raises CatalogError listing every broken reference at once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Set
from dataclasses import replace
from typing import Any

from declic.catalog.load import FieldPath, RawDocument, format_field
from declic.catalog.model import Card, Catalog, frozen
from declic.catalog.prompt_text import variable_names
from declic.catalog.schema import KINDS, KINDS_BY_NAME
from declic.catalog.validate import Entities
from declic.errors import CatalogError, Issue, suggest


def link(entities: Entities, documents: tuple[RawDocument, ...], figures_stop: bool = True) -> Catalog:
    """`figures_stop`: two figures of one task that disagree stop the build (Déclic's own catalog),
    or are only listed (an organisation's guide: see `task_figures`)."""
    issues = link_issues(entities, documents, figures_stop=figures_stop)
    if issues:
        raise CatalogError(issues)
    where = {(document.kind.name, document.id): document for document in documents}
    # Not a stop: an organisation's own trade may meet a default prompt that has no example in its
    # words yet. The card shows no example there, and `declic check` lists each such blank.
    return replace(
        build_catalog(entities),
        notices=tuple(sorted(set(_card_examples(entities, where)))),
        figure_notices=() if figures_stop else tuple(sorted(set(task_figures(entities, where)))),
    )


def link_issues(
    entities: Entities,
    documents: tuple[RawDocument, ...],
    broken: Set[tuple[str, str]] = frozenset(),
    figures_stop: bool = True,
) -> list[Issue]:
    """Every cross-reference problem. `broken`: (kind, id) of files that exist but failed to load or
    validate; references to them are not reported again as missing."""
    where = {(document.kind.name, document.id): document for document in documents}
    return [
        *(task_figures(entities, where) if figures_stop else ()),
        *_broken_references(entities, where, broken),
        *_prompt_variables(entities, where),
        *_trade_variables(entities, where),
        *_example_trades(entities, where, broken),
        # A check over the cards a catalog makes: only once every file is valid, or a broken file would
        # show up again as a missing card.
        *(() if broken else _persona_starts(entities, where)),
        *_path_collisions(entities, where),
        *_former_id_collisions(entities, where),
    ]


def build_catalog(entities: Entities) -> Catalog:
    kind = lambda name: entities.get(name, {})
    by_irritant: dict[str, list[str]] = defaultdict(list)
    for prompt_id, prompt in sorted(kind("prompts").items()):
        for irritant_id in prompt.irritants:
            by_irritant[irritant_id].append(prompt_id)
    cards = tuple(
        Card(trade, trade_id, kind("irritants")[irritant_id], irritant_id, prompt_ids)
        for trade_id, trade in sorted(kind("trades").items())
        for irritant_id in trade.irritants
        if (prompt_ids := _fitting(kind("prompts"), by_irritant.get(irritant_id, ()), trade_id, trade))
    )
    return Catalog(
        **{k.name: frozen(kind(k.name)) for k in KINDS},
        cards=cards,
        prompts_by_irritant=frozen({key: tuple(value) for key, value in by_irritant.items()}),
    )


def _fitting(prompts: dict, prompt_ids, trade_id: str, trade) -> tuple[str, ...]:
    """The prompts of an irritant that neither the prompt nor the trade excludes for this pair."""
    return tuple(
        prompt_id
        for prompt_id in prompt_ids
        if trade_id not in prompts[prompt_id].excluded_trades and prompt_id not in trade.excluded_prompts
    )


def excluded_pairs(entities_or_catalog) -> tuple[tuple[str, str], ...]:
    """(prompt id, trade id) of every pair a prompt or a trade excludes, where the trade lives one of the
    prompt's irritants (an exclusion that changes nothing is not listed)."""
    prompts = _kind(entities_or_catalog, "prompts")
    trades = _kind(entities_or_catalog, "trades")
    return tuple(
        (prompt_id, trade_id)
        for prompt_id, prompt in sorted(prompts.items())
        for trade_id, trade in sorted(trades.items())
        if set(prompt.irritants) & set(trade.irritants)
        and (trade_id in prompt.excluded_trades or prompt_id in trade.excluded_prompts)
    )


# Context values that say something about the reader, not about the trade: a card shows them as the
# example of a blank the reader fills, never written into the prompt (a plumber may work alone).
ABOUT_THE_READER = frozenset({"structure"})


def _kind(entities_or_catalog, name: str) -> dict:
    if isinstance(entities_or_catalog, dict):
        return entities_or_catalog.get(name, {})
    return getattr(entities_or_catalog, name)


def card_example(variable, trade_id: str, trade_value: str | None = None) -> str | None:
    """The example a card of this trade shows for a variable: the trade's context value (`trade_value`)
    for a `trade_example` variable, else its own, the prompt's when it is neutral or belongs to this
    trade, else none (another trade's words never reach a card)."""
    if variable.trade_example and trade_value is not None:
        return trade_value
    if trade_id in variable.by_trade:
        return variable.by_trade[trade_id]
    if not variable.example_for or trade_id in variable.example_for:
        return variable.example
    return None


def _example_trades(entities: Entities, where: dict, broken: Set[tuple[str, str]]) -> Iterator[Issue]:
    """The trades named in examples exist (a typo would hide an example for good)."""
    trades = entities.get("trades", {})
    for prompt_id, prompt in entities.get("prompts", {}).items():
        document = where[("prompts", prompt_id)]
        for name, variable in prompt.variables.items():
            named = [(("example_for", index), value) for index, value in enumerate(variable.example_for)]
            named += [(("by_trade", value), value) for value in variable.by_trade]
            for loc, trade_id in named:
                # A trade that exists but that the guide's selection left out is not a typo.
                if trade_id not in trades and ("trades", trade_id) not in broken and ("trades", trade_id) not in where:
                    yield document.issue(
                        ("variables", name, *loc),
                        f"métier « {trade_id} » introuvable",
                        suggest(trade_id, trades) or f"créez le fichier « {_folder('trades')}/{trade_id}.yaml »",
                    )


def _card_examples(entities: Entities, where: dict) -> Iterator[Issue]:
    """Per card, each blank that shows no example, since its prompt's example belongs to other trades
    and `by_trade` has none for this one."""
    prompts = entities.get("prompts", {})
    trades = entities.get("trades", {})
    by_irritant: dict[str, list[str]] = defaultdict(list)
    for prompt_id, prompt in sorted(prompts.items()):
        for irritant_id in prompt.irritants:
            by_irritant[irritant_id].append(prompt_id)
    for trade_id, trade in sorted(trades.items()):
        shown = {
            p for irritant_id in trade.irritants for p in _fitting(prompts, by_irritant[irritant_id], trade_id, trade)
        }
        for prompt_id in sorted(shown):
            prompt, document = prompts[prompt_id], where[("prompts", prompt_id)]
            for name, variable in prompt.variables.items():
                if variable.from_trade and name in trade.context:
                    continue
                if card_example(variable, trade_id, trade.context.get(name)) is None:
                    owners = ", ".join(variable.example_for)
                    yield document.issue(
                        ("variables", name, "example"),
                        f"sur le cas d'usage du métier « {trade_id} », pas d'exemple : celui du prompt est d'un autre "
                        f"métier ({owners})",
                        f"ajoutez « {trade_id}: … » sous variables.{name}.by_trade, dans les mots de ce métier, "
                        f"ou excluez le couple (excluded_trades)",
                    )


def _persona_starts(entities: Entities, where: dict) -> Iterator[Issue]:
    """A persona's path starts on its own trade's card of each irritant it names."""
    trades = entities.get("trades", {})
    prompts = entities.get("prompts", {})
    for persona_id, persona in entities.get("personas", {}).items():
        trade = trades.get(persona.trade)
        if trade is None:
            continue  # reported as a broken reference
        document = where[("personas", persona_id)]
        for index, irritant_id in enumerate(persona.starts_with):
            solving = [p for p, prompt in sorted(prompts.items()) if irritant_id in prompt.irritants]
            if irritant_id in trade.irritants and _fitting(prompts, solving, persona.trade, trade):
                continue
            if irritant_id not in entities.get("irritants", {}):
                continue  # reported as a broken reference
            yield document.issue(
                ("starts_with", index),
                f"le métier « {persona.trade} » n'a pas de cas d'usage pour l'irritant « {irritant_id} »",
                suggest(irritant_id, trade.irritants)
                or "choisissez un irritant de son métier qu'un prompt résout : " + ", ".join(trade.irritants),
            )


def _broken_references(entities: Entities, where: dict, broken: Set[tuple[str, str]]) -> Iterator[Issue]:
    for kind in KINDS:
        for entity_id, entity in entities.get(kind.name, {}).items():
            document = where[(kind.name, entity_id)]
            for path, target in kind.references:
                for loc, value in _walk(entity, path.split(".")):
                    known = entities.get(target, {})
                    if value is not None and value not in known and (target, value) not in broken:
                        yield document.issue(
                            loc,
                            f"{KINDS_BY_NAME[target].label} « {value} » introuvable",
                            suggest(value, known) or f"créez le fichier « {_folder(target)}/{value}.yaml »",
                        )


def _walk(value: Any, parts: list[str], loc: FieldPath = ()) -> Iterator[tuple[FieldPath, Any]]:
    """Yield (location, id) for every id found at a dotted path; lists are walked item by item."""
    if isinstance(value, tuple):
        for index, item in enumerate(value):
            yield from _walk(item, parts, (*loc, index))
        return
    if not parts:
        yield loc, value
        return
    head, *rest = parts
    if head == "*":
        yield from _walk(value, rest, loc)
    else:
        yield from _walk(getattr(value, head), rest, (*loc, head))


def _prompt_variables(entities: Entities, where: dict) -> Iterator[Issue]:
    for prompt_id, prompt in entities.get("prompts", {}).items():
        document = where[("prompts", prompt_id)]
        used = variable_names(prompt.text)
        for name in used:
            if name not in prompt.variables:
                yield document.issue(
                    ("text",),
                    f"variable « {{{name}}} » utilisée mais non déclarée dans variables",
                    suggest(name, prompt.variables) or f"ajoutez « {name}: » sous variables",
                )
        for name, variable in prompt.variables.items():
            if name in ABOUT_THE_READER and variable.from_trade:
                yield document.issue(
                    ("variables", name, "from_trade"),
                    f"« {name} » est un fait sur la personne (la taille de son équipe, seule ou non) : "
                    "le métier n'en donne que l'exemple",
                    "écrivez « trade_example: true » à la place de « from_trade: true »",
                )
            if name not in used:
                yield document.issue(
                    ("variables", name),
                    "variable déclarée mais jamais utilisée dans le texte",
                    f"écrivez {{{name}}} dans le texte ou retirez-la",
                )


def _trade_variables(entities: Entities, where: dict) -> Iterator[Issue]:
    """A variable marked from_trade or trade_example must be given by every trade that gets a card with
    this prompt."""
    for trade_id, trade in entities.get("trades", {}).items():
        document = where[("trades", trade_id)]
        for prompt_id, prompt in entities.get("prompts", {}).items():
            if not set(prompt.irritants) & set(trade.irritants) or not _fitting(
                {prompt_id: prompt}, (prompt_id,), trade_id, trade
            ):
                continue
            for name, variable in prompt.variables.items():
                if (variable.from_trade or variable.trade_example) and name not in trade.context:
                    yield document.issue(
                        ("context",),
                        f"la valeur « {name} » manque, le prompt « {prompt_id} » la tire du métier",
                        suggest(name, trade.context) or f"ajoutez « {name}: … » sous context",
                    )


# Two figures of one task may differ by this share of the larger one: beyond it, one of them is wrong.
QUARTER = 0.25


def same_task(a: str, b: str) -> bool:
    """« Rapport d’intervention » and « rapport d'intervention » name one task."""
    plain = lambda text: " ".join(text.replace("’", "'").casefold().split())
    return plain(a) == plain(b)


def disagree(a: int, b: int) -> bool:
    """True when two durations of one task differ by more than a quarter of the larger."""
    return abs(a - b) > QUARTER * max(a, b)


def task_figures(entities: Entities, where: dict) -> Iterator[Issue]:
    """One task, one duration: a prompt's baseline (`time_saved.baseline_minutes`, the task done alone)
    and the same task in its irritant's cost (`cost.tasks`, the task of the same `per`) differ by a
    quarter at most. An error in Déclic's catalog; in an organisation's guide, a notice that
    `declic check` lists: its own figures for a default irritant must not stop it on a default prompt
    it did not write, nor a new Déclic stop a guide that built yesterday."""
    irritants = entities.get("irritants", {})
    for prompt_id, prompt in sorted(entities.get("prompts", {}).items()):
        baseline, per = prompt.time_saved.baseline_minutes, prompt.time_saved.per
        if baseline is None:
            continue
        for irritant_id in prompt.irritants:
            irritant = irritants.get(irritant_id)
            if irritant is None:
                continue  # reported as a broken reference
            for index, task in enumerate(irritant.cost.tasks):
                if same_task(task.per, per) and disagree(baseline, task.minutes):
                    other = where[("irritants", irritant_id)]
                    at = ("cost", "tasks", index, "minutes")
                    yield where[("prompts", prompt_id)].issue(
                        ("time_saved", "baseline_minutes"),
                        f"{baseline} min par {per}, mais l'irritant « {irritant_id} » compte {task.minutes} min "
                        "pour la même tâche : plus d'un quart d'écart",
                        f"une tâche a une seule durée, le temps de la personne seule : accordez ce chiffre et "
                        f"{format_field(at)} ({other.file}:{other.line(at)}), et la méthode de chaque estimation",
                    )


def _path_collisions(entities: Entities, where: dict) -> Iterator[Issue]:
    """Roles and personas share their paths' addresses (urls.path)."""
    for persona_id in entities.get("personas", {}):
        if persona_id in entities.get("roles", {}):
            document = where[("personas", persona_id)]
            yield document.issue(
                (),
                f"« {persona_id} » est déjà l'identifiant d'un rôle",
                "les parcours des rôles et des personas partagent leurs adresses : renommez le fichier",
            )


# Kinds whose ids are page addresses, grouped by the address space they share.
ADDRESS_SPACES = (("trades",), ("irritants",), ("prompts",), ("roles", "personas"))


def _former_id_collisions(entities: Entities, where: dict) -> Iterator[Issue]:
    """An old id redirects to one page only, and never hides a page that exists (nor loops back)."""
    for kinds in ADDRESS_SPACES:
        current = {entity_id: entity for kind in kinds for entity_id, entity in entities.get(kind, {}).items()}
        claimed: dict[str, str] = {}
        for kind in kinds:
            for entity_id, entity in sorted(entities.get(kind, {}).items()):
                document = where[(kind, entity_id)]
                for index, old in enumerate(entity.former_ids):
                    at = ("former_ids", index)
                    if old == entity_id:
                        yield document.issue(
                            at, f"« {old} » est l'identifiant actuel de cette fiche", "retirez-le de former_ids"
                        )
                    elif old in current and entity_id in current[old].former_ids:
                        yield document.issue(
                            at,
                            f"cycle : « {entity_id} » et « {old} » se donnent l'un l'autre comme ancien identifiant",
                            "une ancienne adresse ne mène qu'à la fiche qui l'a remplacée : retirez-la de l'une des deux",
                        )
                    elif old in current:
                        yield document.issue(
                            at,
                            f"« {old} » est l'identifiant d'une fiche existante",
                            "une ancienne adresse ne peut pas cacher une page : retirez-la de former_ids",
                        )
                    elif old in claimed:
                        yield document.issue(
                            at,
                            f"« {old} » est déjà l'ancien identifiant de « {claimed[old]} »",
                            "une ancienne adresse ne peut mener qu'à une page",
                        )
                    else:
                        claimed[old] = entity_id


def _folder(kind: str) -> str:
    return KINDS_BY_NAME[kind].folder
