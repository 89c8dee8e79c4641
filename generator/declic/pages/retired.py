"""Retired prompts, trades and irritants → one page each at every address they had (a trade's or an
irritant's cards too): why, and where to go instead. Pages printed with a QR code never 404."""

from __future__ import annotations

from dataclasses import dataclass

from declic import urls
from declic.catalog.model import Catalog
from declic.pages.page import Context, Page

# kind → (its page's title, its address, the index to go to instead and its name)
_KINDS = {
    "prompts": ("Prompt retiré", urls.sheet, urls.SHEETS_INDEX, "les micro-fiches"),
    "trades": ("Métier retiré", urls.trade, urls.CARDS_INDEX, "les cas d'usage"),
    "irritants": ("Irritant retiré", urls.irritant, urls.IRRITANTS_INDEX, "les irritants"),
}
_SAYS = {
    "prompts": "ce prompt n'est plus proposé",
    "trades": "ce métier n'est plus proposé",
    "irritants": "cet irritant n'est plus proposé",
}


@dataclass(frozen=True)
class RetiredContext(Context):
    heading: str  # « Prompt retiré : Relance de facture »
    says: str  # « ce prompt n'est plus proposé »
    because: str
    replacement: tuple[str, str] | None  # (docs path, title) of its replacement, when it is published
    index: tuple[str, str]  # (docs path, name) of the index to go to when nothing replaces it


def retired_pages(catalog: Catalog, retired) -> list[Page]:
    """One page per retired entity at the address it had, and one per card a retired trade or irritant had."""
    pages = []
    for kind, (label, address, index, index_name) in _KINDS.items():
        for entity_id, entity in retired.get(kind, {}).items():
            pages.append(_page(catalog, kind, entity_id, entity, address(entity_id), label, index, index_name))
    for (trade_id, irritant_id), (kind, entity_id) in retired.get("cards", {}).items():
        label, _, index, index_name = _KINDS[kind]
        entity = retired[kind][entity_id]
        pages.append(
            _page(catalog, kind, entity_id, entity, urls.card(trade_id, irritant_id), label, index, index_name)
        )
    return pages


def _page(catalog: Catalog, kind, entity_id, entity, path, label, index, index_name) -> Page:
    heading = f"{label} : {_title(entity, entity_id)}"
    target = entity.replaced_by
    replacement = None
    if target in getattr(catalog, kind):
        replacement = (_KINDS[kind][1](target), _title(getattr(catalog, kind)[target], target))
    return Page(
        path,
        "retired.md.j2",
        "retired",
        entity_id,
        heading,
        (target,) if replacement else (),
        RetiredContext(heading, _SAYS[kind], entity.retired_because, replacement, (index, index_name)),
    )


def _title(entity, entity_id: str) -> str:
    return getattr(entity, "title", None) or getattr(entity, "name", None) or entity_id
