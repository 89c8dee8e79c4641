"""Catalog and pages → `catalogue.json`, the machine-readable catalog other tools (and tests) read,
and `cas-usage.csv`; `spreadsheet_csv` writes every CSV Déclic gives to a spreadsheet."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any

from declic import urls
from declic.catalog.facets import card_facets
from declic.catalog.model import Catalog
from declic.catalog.schema import KINDS
from declic.pages import Page

SCHEMA_VERSION = 1


def catalog_json(catalog: Catalog, pages: tuple[Page, ...]) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "counts": {
            **{kind.name: len(getattr(catalog, kind.name)) for kind in KINDS},
            "cards": len(catalog.cards),
            "sheets": sum(page.kind == "sheet" for page in pages),
            "paths": sum(page.kind == "path" for page in pages),
        },
        "pages": [_page_entry(catalog, page) for page in pages],
        "entities": {kind.name: list(getattr(catalog, kind.name)) for kind in KINDS},
    }


def _page_entry(catalog: Catalog, page: Page) -> dict[str, Any]:
    entry = {
        "kind": page.kind,
        "id": page.id,
        "title": page.title,
        "url": urls.address(page.path),
        "file": page.path,
        "links": list(dict.fromkeys(page.links)),
    }
    if page.label:
        entry["label"] = page.label
    if page.kind == "card":  # what the explorer and other tools filter cards by
        entry["facets"] = card_facets(catalog, page.context.card).as_json(catalog)
    return entry


def dump(data: dict[str, Any]) -> bytes:
    """One line per page and per top-level entry: readable, a diff shows which page changed, and
    written by json's C encoder (with `indent`, json falls back to Python: 1 s at 10,000 cards)."""
    lines = []
    for key, value in data.items():
        name = json.dumps(key)
        if isinstance(value, list) and value:
            items = ",\n".join(json.dumps(item, ensure_ascii=False) for item in value)
            lines.append(f"{name}: [\n{items}\n]")
        else:
            lines.append(f"{name}: {json.dumps(value, ensure_ascii=False)}")
    return ("{\n" + ",\n".join(lines) + "\n}\n").encode()


CSV_COLUMNS = (
    "métier",
    "irritant",
    "catégorie",
    "prompts",
    "niveau",
    "durée (min)",
    "temps gagné (min)",
    "gagné par",
    "adresse",
)


def cards_csv(catalog: Catalog) -> bytes:
    """One row per card, for spreadsheets."""
    rows = []
    for card in catalog.cards:
        prompts = [catalog.prompts[prompt_id] for prompt_id in card.prompt_ids]
        first = min(prompts, key=lambda prompt: prompt.duration_minutes)
        rows.append(
            (
                card.trade.name,
                card.irritant.title,
                catalog.categories[card.irritant.category].title,
                " | ".join(prompt.title for prompt in prompts),
                " | ".join(dict.fromkeys(catalog.levels[prompt.level].title for prompt in prompts)),
                first.duration_minutes,
                first.time_saved.minutes,
                first.time_saved.per,
                urls.address(urls.card(card.trade_id, card.irritant_id)),
            )
        )
    return spreadsheet_csv(CSV_COLUMNS, rows)


def spreadsheet_csv(header: Iterable[Any], rows: Iterable[Iterable[Any]]) -> bytes:
    """A CSV for spreadsheets: `;` and a BOM, as French Excel and LibreOffice expect, every cell
    that a spreadsheet would run as a formula kept as text. Every CSV Déclic writes goes through it."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(_spreadsheet_cell(cell) for cell in header)
    for row in rows:
        writer.writerow(_spreadsheet_cell(cell) for cell in row)
    return buffer.getvalue().encode("utf-8-sig")


def _spreadsheet_cell(value: Any) -> Any:
    """Catalog text that a spreadsheet would run as a formula (`=…`, `+…`, `-…`, `@…`) is kept as
    text by a leading apostrophe, as OWASP advises for CSV exports."""
    if isinstance(value, str) and value.startswith(("=", "+", "-", "@", "\t", "\r")):
        return "'" + value
    return value
