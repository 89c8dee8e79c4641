"""Typed entities → the entities a guide keeps: its `only` and `hide` choices, with what follows.

An organisation keeps some trades or irritants of the default catalog and hides others; whatever
pointed to a removed entity is trimmed (a trade loses a hidden irritant) or removed with it (a
persona of a hidden trade). Pure: runs between `validate` and `link`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Set

from declic.catalog.schema.settings import Selection, Settings
from declic.catalog.validate import Entities
from declic.errors import CatalogError, Issue, suggest

SELECTABLE = tuple(Selection.model_fields)


def select(
    entities: Entities,
    settings: Settings,
    config_name: str,
    lines: Mapping[tuple, int] | None = None,
    absent: Set[tuple[str, str]] = frozenset(),
) -> Entities:
    """`lines`: the line of each field of the configuration, for the problems found here; `absent`:
    (kind, id) of files that exist but are not among `entities` (unpublished drafts), not unknown."""
    issues = list(_unknown_ids(entities, settings, config_name, lines or {}, absent))
    if issues:
        raise CatalogError(issues)
    kept = {
        kind: {entity_id for entity_id in entities.get(kind, {}) if _wanted(settings, kind, entity_id)}
        for kind in SELECTABLE
    }
    dropped = {kind: set(entities.get(kind, {})) - kept[kind] for kind in SELECTABLE}
    # Only what the selection removed is trimmed: an unknown id stays, for `link` to report it.
    result = dict(entities)
    result["irritants"] = _keep(entities, "irritants", kept)
    result["roles"] = _keep(entities, "roles", kept)
    result["trades"] = {
        trade_id: trade.model_copy(update={"irritants": irritants})
        for trade_id, trade in _keep(entities, "trades", kept).items()
        if (irritants := tuple(i for i in trade.irritants if i not in dropped["irritants"]))
    }
    dropped["trades"] |= set(_keep(entities, "trades", kept)) - set(result["trades"])
    result["prompts"] = {
        prompt_id: prompt.model_copy(
            update={
                "irritants": irritants,
                "roles": roles,
                # An exclusion of a trade the guide removed excludes nothing: it goes too.
                "excluded_trades": tuple(t for t in prompt.excluded_trades if t not in dropped["trades"]),
            }
        )
        for prompt_id, prompt in _keep(entities, "prompts", kept).items()
        if (irritants := tuple(i for i in prompt.irritants if i not in dropped["irritants"]))
        and (roles := tuple(r for r in prompt.roles if r not in dropped["roles"]))
    }
    removed_prompts = set(entities.get("prompts", {})) - set(result["prompts"])
    result["trades"] = {
        trade_id: trade.model_copy(
            update={"excluded_prompts": tuple(p for p in trade.excluded_prompts if p not in removed_prompts)}
        )
        for trade_id, trade in result["trades"].items()
    }
    result["personas"] = {
        persona_id: persona
        for persona_id, persona in _keep(entities, "personas", kept).items()
        if persona.trade not in dropped["trades"] and persona.role not in dropped["roles"]
    }
    return result


def _wanted(settings: Settings, kind: str, entity_id: str) -> bool:
    only = getattr(settings.only, kind)
    return (only is None or entity_id in only) and entity_id not in (getattr(settings.hide, kind) or ())


def _keep(entities: Entities, kind: str, kept: dict[str, set[str]]) -> dict:
    return {entity_id: entity for entity_id, entity in entities.get(kind, {}).items() if entity_id in kept[kind]}


def _unknown_ids(
    entities: Entities, settings: Settings, config_name: str, lines: Mapping[tuple, int], absent: Set[tuple[str, str]]
) -> Iterator[Issue]:
    for choice in ("only", "hide"):
        selection = getattr(settings, choice)
        for kind in SELECTABLE:
            known = entities.get(kind, {})
            for index, entity_id in enumerate(getattr(selection, kind) or ()):
                if entity_id not in known and (kind, entity_id) not in absent:
                    where = ("extra", "declic", choice, kind)
                    yield Issue(
                        config_name,
                        lines.get((*where, index)) or lines.get(where),
                        f"extra.declic.{choice}.{kind}[{index}]",
                        f"« {entity_id} » introuvable dans le catalogue",
                        suggest(entity_id, known),
                    )
