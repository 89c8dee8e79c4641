"""Typed entities → Catalog: every id reference resolved, prompt variables matched, cards derived.

Takes what `validate` returns plus the raw documents (for file and line of each problem); gives
the immutable `Catalog`, or raises CatalogError listing every broken reference at once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Set
from typing import Any

from .catalog import Card, Catalog, frozen
from .errors import CatalogError, Issue, suggest
from .load import FieldPath, RawDocument
from .prompt_text import variable_names
from .schema import KINDS, KINDS_BY_NAME
from .validate import Entities


def link(entities: Entities, documents: tuple[RawDocument, ...]) -> Catalog:
    issues = link_issues(entities, documents)
    if issues:
        raise CatalogError(issues)
    return build_catalog(entities)


def link_issues(
    entities: Entities, documents: tuple[RawDocument, ...], broken: Set[tuple[str, str]] = frozenset()
) -> list[Issue]:
    """Every cross-reference problem. `broken`: (kind, id) of files that exist but failed to load or
    validate; references to them are not reported again as missing."""
    where = {(document.kind.name, document.id): document for document in documents}
    return [
        *_broken_references(entities, where, broken),
        *_prompt_variables(entities, where),
        *_trade_variables(entities, where),
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
        Card(trade, trade_id, kind("irritants")[irritant_id], irritant_id, tuple(by_irritant[irritant_id]))
        for trade_id, trade in sorted(kind("trades").items())
        for irritant_id in trade.irritants
        if by_irritant.get(irritant_id)
    )
    return Catalog(
        **{k.name: frozen(kind(k.name)) for k in KINDS},
        cards=cards,
        prompts_by_irritant=frozen({key: tuple(value) for key, value in by_irritant.items()}),
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
        for name in prompt.variables:
            if name not in used:
                yield document.issue(
                    ("variables", name),
                    "variable déclarée mais jamais utilisée dans le texte",
                    f"écrivez {{{name}}} dans le texte ou retirez-la",
                )


def _trade_variables(entities: Entities, where: dict) -> Iterator[Issue]:
    """A variable marked from_trade must be given by every trade that gets a card with this prompt."""
    for trade_id, trade in entities.get("trades", {}).items():
        document = where[("trades", trade_id)]
        for prompt_id, prompt in entities.get("prompts", {}).items():
            if not set(prompt.irritants) & set(trade.irritants):
                continue
            for name, variable in prompt.variables.items():
                if variable.from_trade and name not in trade.context:
                    yield document.issue(
                        ("context",),
                        f"la valeur « {name} » manque, le prompt « {prompt_id} » la tire du métier",
                        suggest(name, trade.context) or f"ajoutez « {name}: … » sous context",
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
