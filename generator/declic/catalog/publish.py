"""Raw documents and typed entities → what a guide publishes: with `extra.declic.publish: validated`,
only validated entities and what depends on them alone (a draft may even be unfinished); retired
prompts always leave the catalog for a page of their own at their address. Pure; reuses `select`.
"""

from __future__ import annotations

from declic.catalog.load import RawDocument
from declic.catalog.schema.review import UNPUBLISHED
from declic.catalog.schema.settings import Selection, Settings
from declic.catalog.select import select
from declic.catalog.validate import Entities
from declic.errors import CatalogError, Issue, suggest

REVIEWED = ("irritants", "trades", "prompts")


def retired_prompts(entities: Entities) -> dict:
    return {pid: prompt for pid, prompt in entities.get("prompts", {}).items() if prompt.status == "retiré"}


def unpublished(documents: tuple[RawDocument, ...], settings: Settings, drafts: bool) -> tuple[RawDocument, ...]:
    """The files a guide that publishes only validated entities leaves out: those waiting for approval,
    read from the file itself, so that a draft still being written (an import's to-do fields) does
    not stop the build. `drafts`: none is left out (`declic build --drafts`, `serve`, `check`)."""
    return () if settings.publish != "validated" or drafts else waiting(documents)


def waiting(documents: tuple[RawDocument, ...]) -> tuple[RawDocument, ...]:
    """The files whose own `status` says they wait for approval (brouillon, relecture)."""
    return tuple(
        document
        for document in documents
        if document.kind.name in REVIEWED
        and isinstance(document.data, dict)
        and document.data.get("status") in UNPUBLISHED
    )


def with_placeholders(entities: Entities, withheld: tuple[RawDocument, ...]) -> Entities:
    """An unpublished file that did not validate stands in as an empty entity: what depends on it is
    then trimmed like what depends on any unpublished entity, instead of pointing to nothing."""
    result = {kind: dict(ids) for kind, ids in entities.items()}
    for document in withheld:
        result.setdefault(document.kind.name, {}).setdefault(document.id, document.kind.model.model_construct())
    return result


def publish(
    entities: Entities,
    withheld: tuple[RawDocument, ...],
    documents: tuple[RawDocument, ...],
    config_name: str,
) -> Entities:
    """`withheld`: the files of `unpublished`, left out with what depends on them alone; retired
    prompts always leave (their own page says where to go)."""
    _check_replacements(entities, documents)
    left_out = {kind: set() for kind in REVIEWED}
    left_out["prompts"] |= set(retired_prompts(entities))
    for document in withheld:
        if document.id in entities.get(document.kind.name, {}):  # not already gone with `only` or `hide`
            left_out[document.kind.name].add(document.id)
    if not any(left_out.values()):
        return entities
    hide = Selection(**{kind: tuple(sorted(ids)) for kind, ids in left_out.items() if ids})
    # What hid an entity already decided what follows from it: the same rules, once more.
    return select(entities, Settings(hide=hide), config_name)


def _check_replacements(entities: Entities, documents: tuple[RawDocument, ...]) -> None:
    prompts = entities.get("prompts", {})
    where = {document.id: document for document in documents if document.kind.name == "prompts"}
    issues = []
    for prompt_id, prompt in prompts.items():
        target = prompt.replaced_by
        if target is None:
            continue
        document = where.get(prompt_id)
        file, line = (document.file, document.line(("replaced_by",))) if document else (prompt_id, None)
        if target not in prompts:
            issues.append(
                Issue(file, line, "replaced_by", f"prompt « {target} » introuvable", suggest(target, prompts))
            )
        elif target == prompt_id or prompts[target].status == "retiré":
            issues.append(
                Issue(file, line, "replaced_by", f"« {target} » est lui-même retiré", "indiquez un prompt en service")
            )
    if issues:
        raise CatalogError(issues)
