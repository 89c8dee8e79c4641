"""Raw documents and typed entities → what a guide publishes: with `extra.declic.publish: validated`,
only validated entities and what depends on them alone (a draft may even be unfinished); retired
entities (prompts, trades, irritants) always leave the catalog for a page of their own at their
address. A reference from a published entity to one that is not published is dropped with a notice.
Pure: no disk, no printing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Set

from declic.catalog.load import RawDocument
from declic.catalog.schema import KINDS, KINDS_BY_NAME
from declic.catalog.schema.review import UNPUBLISHED
from declic.catalog.schema.settings import Settings
from declic.catalog.validate import Entities
from declic.errors import CatalogError, Issue, suggest

REVIEWED = ("irritants", "trades", "prompts")
Key = tuple[str, str]  # (kind, id)

# Lists an entity cannot publish without: emptied by unpublished targets, the entity leaves too.
_REQUIRED_LISTS = {("trades", "irritants"), ("prompts", "irritants"), ("prompts", "roles"), ("personas", "starts_with")}


def retired(entities: Entities) -> dict[str, dict]:
    """Retired entities by kind (prompts, trades, irritants): their pages say why and where to go."""
    return {
        kind: {entity_id: entity for entity_id, entity in entities.get(kind, {}).items() if entity.status == "retiré"}
        for kind in REVIEWED
    }


def retired_cards(entities: Entities) -> dict[tuple[str, str], Key]:
    """The cards (trade id, irritant id) a retired trade or irritant had: (kind, id) of what retired."""
    gone = retired(entities)
    cards: dict[tuple[str, str], Key] = {}
    for trade_id, trade in entities.get("trades", {}).items():
        for irritant_id in trade.irritants:
            retiring = trade_id in gone["trades"] or irritant_id in gone["irritants"]
            if retiring and _has_card(entities, trade_id, irritant_id):
                cards[(trade_id, irritant_id)] = (
                    ("trades", trade_id) if trade_id in gone["trades"] else ("irritants", irritant_id)
                )
    return cards


def _waits(document: RawDocument) -> bool:
    return (
        document.kind.name in REVIEWED
        and isinstance(document.data, dict)
        and document.data.get("status") in UNPUBLISHED
    )


def waiting(documents: Iterable[RawDocument]) -> tuple[RawDocument, ...]:
    """The files whose own `status` says they wait for approval (brouillon, relecture)."""
    return tuple(document for document in documents if _waits(document))


def publishes_drafts(settings: Settings, drafts: bool) -> bool:
    return settings.publish != "validated" or drafts


def choose(
    stacks: Mapping[Key, tuple[RawDocument, ...]], settings: Settings, drafts: bool
) -> tuple[tuple[RawDocument, ...], tuple[RawDocument, ...]]:
    """The version of each entity a build uses, and the files it leaves out (read from the file itself,
    so that a draft still being written does not stop the build). An organisation's copy waiting for
    approval leaves the validated version it replaces (the default catalog's) published until it is
    validated: a page behind a printed QR code never disappears for a draft. `drafts`: the newest
    version of each, none left out (`declic build --drafts`, `serve`, `check`)."""
    if publishes_drafts(settings, drafts):
        return tuple(stack[-1] for stack in stacks.values()), ()
    documents, withheld = [], []
    for stack in stacks.values():
        published = [document for document in stack if not _waits(document)]
        if _waits(stack[-1]) and not published:
            withheld.append(stack[-1])
        documents.append(published[-1] if published and _waits(stack[-1]) else stack[-1])
    return tuple(documents), tuple(withheld)


def publish(
    entities: Entities, withheld: Set[Key], documents: tuple[RawDocument, ...]
) -> tuple[Entities, tuple[Issue, ...]]:
    """`withheld`: (kind, id) of the drafts left out (valid or not: an unfinished draft is not in
    `entities`); retired entities always leave. What depends on them alone leaves too; every other
    reference to them is dropped. Returns the published entities and one notice per dropped reference."""
    _check_replacements(entities, documents)
    where = {(document.kind.name, document.id): document for document in documents}
    gone: dict[Key, str] = {key: "brouillon non publié" for key in withheld}
    gone.update({(kind, entity_id): "retiré" for kind, ids in retired(entities).items() for entity_id in ids})
    if not gone:
        return entities, ()
    result = {kind: dict(ids) for kind, ids in entities.items()}
    for key in gone:
        result.get(key[0], {}).pop(key[1], None)
    notices: list[Issue] = []
    changed = True
    while changed:  # an entity that leaves may empty another one's list: until nothing moves
        changed = False
        for kind in KINDS:
            for entity_id, entity in list(result.get(kind.name, {}).items()):
                document = where.get((kind.name, entity_id))
                update, leaves = _trim(kind.name, entity, gone, document, notices)
                if leaves:
                    del result[kind.name][entity_id]
                    gone[(kind.name, entity_id)] = leaves
                    changed = True
                elif update:
                    result[kind.name][entity_id] = entity.model_copy(update=update)
    result["personas"] = {
        persona_id: kept
        for persona_id, persona in result.get("personas", {}).items()
        if (kept := _starts_with_cards(persona, entities, result, where.get(("personas", persona_id)), notices))
    }
    return result, tuple(sorted(set(notices)))


def _starts_with_cards(persona, before: Entities, after: Entities, document: RawDocument | None, notices: list):
    """A persona's path starts on cards; one whose prompts are all unpublished leaves its `starts_with`
    (a card missing even with every draft is `link`'s problem to report)."""
    kept = []
    for index, irritant_id in enumerate(persona.starts_with):
        if _has_card(before, persona.trade, irritant_id) and not _has_card(after, persona.trade, irritant_id):
            message = (
                f"parcours sans le cas d'usage « {persona.trade}/{irritant_id} » : ses prompts ne sont pas publiés"
            )
            notices.append(
                document.issue(("starts_with", index), message)
                if document
                else Issue("personas", None, "starts_with", message)
            )
        else:
            kept.append(irritant_id)
    if not kept:
        return None
    return persona if len(kept) == len(persona.starts_with) else persona.model_copy(update={"starts_with": tuple(kept)})


def _has_card(entities: Entities, trade_id: str, irritant_id: str) -> bool:
    trade = entities.get("trades", {}).get(trade_id)
    if trade is None or irritant_id not in trade.irritants:
        return False
    prompts = entities.get("prompts", {})
    return any(
        irritant_id in prompt.irritants
        and trade_id not in prompt.excluded_trades
        and prompt_id not in trade.excluded_prompts
        for prompt_id, prompt in prompts.items()
    )


def _trim(kind: str, entity, gone: Mapping[Key, str], document: RawDocument | None, notices: list[Issue]):
    """The fields of one entity without its references to what left; `leaves`: why it must leave too."""
    update: dict = {}
    fields = [(path, target) for path, target in KINDS_BY_NAME[kind].references if "." not in path]
    if kind in REVIEWED:
        fields.append(("replaced_by", kind))
    for field, target in fields:
        value = getattr(entity, field)
        label = KINDS_BY_NAME[target].label
        if isinstance(value, tuple):
            kept = tuple(item for item in value if (target, item) not in gone)
            if kept == value:
                continue
            for index, item in enumerate(value):
                if (target, item) in gone:
                    notices.append(_notice(document, kind, (field, index), label, item, gone[(target, item)]))
            if not kept and (kind, field) in _REQUIRED_LISTS:
                return None, "ne renvoie plus qu'à des fiches non publiées"
            update[field] = kept
        elif value is not None and (target, value) in gone:
            notices.append(_notice(document, kind, (field,), label, value, gone[(target, value)]))
            if field == "replaced_by":
                update[field] = None
            else:
                return None, f"son {label} « {value} » n'est pas publié"
    return update, None


def _notice(document: RawDocument | None, kind: str, path: tuple, label: str, target: str, why: str) -> Issue:
    article = "l'" if label[0] in "aeéiou" else "le "
    message = f"renvoi vers {article}{label} « {target} » retiré de cette publication ({why})"
    if document is None:
        return Issue(kind, None, ".".join(map(str, path)), message)
    return document.issue(path, message)


def _check_replacements(entities: Entities, documents: tuple[RawDocument, ...]) -> None:
    """`replaced_by` names an entity of the same kind, in service (an unpublished draft is not a typo)."""
    where = {(document.kind.name, document.id): document for document in documents}
    issues = []
    for kind in REVIEWED:
        known = entities.get(kind, {})
        label = KINDS_BY_NAME[kind].label
        for entity_id, entity in known.items():
            target = entity.replaced_by
            if target is None:
                continue
            document = where.get((kind, entity_id))
            file, line = (document.file, document.line(("replaced_by",))) if document else (entity_id, None)
            if target not in known and (kind, target) not in where:
                issues.append(
                    Issue(file, line, "replaced_by", f"{label} « {target} » introuvable", suggest(target, known))
                )
            elif target == entity_id or (target in known and known[target].status == "retiré"):
                issues.append(
                    Issue(
                        file,
                        line,
                        "replaced_by",
                        f"« {target} » est lui-même retiré",
                        f"indiquez un {label} en service",
                    )
                )
    if issues:
        raise CatalogError(issues)
