"""Catalog and pages → `catalogue.json`, the machine-readable catalog other tools (and tests) read."""

from __future__ import annotations

import json
import posixpath
from typing import Any

from .catalog import Catalog
from .facets import card_facets
from .plan import Page

SCHEMA_VERSION = 1
KIND_KEYS = ("irritants", "trades", "personas", "prompts", "roles", "obstacles", "categories",
             "levels", "profiles", "sources")


def page_url(path: str) -> str:
    """Docs path → site address, as mkdocs' directory URLs make it."""
    stem = path.removesuffix(".md")
    if posixpath.basename(stem) == "index":
        stem = posixpath.dirname(stem)
    return f"{stem}/" if stem else ""


def catalog_json(catalog: Catalog, pages: tuple[Page, ...]) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "counts": {**{kind: len(getattr(catalog, kind)) for kind in KIND_KEYS},
                   "cards": len(catalog.cards),
                   "sheets": sum(page.kind == "sheet" for page in pages),
                   "paths": sum(page.kind == "path" for page in pages)},
        "pages": [_page_entry(catalog, page) for page in pages],
        "entities": {kind: list(getattr(catalog, kind)) for kind in KIND_KEYS},
    }


def _page_entry(catalog: Catalog, page: Page) -> dict[str, Any]:
    entry = {"kind": page.kind, "id": page.id, "title": page.title, "url": page_url(page.path),
             "file": page.path, "links": list(dict.fromkeys(page.links))}
    if page.kind == "card":  # what the explorer and other tools filter cards by
        entry["facets"] = card_facets(catalog, page.context["card"]).as_json(catalog)
    return entry


def dump(data: dict[str, Any]) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n").encode()
