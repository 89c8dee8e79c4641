"""Schemas → the « Référence du catalogue » page: every field of every kind, with its description.

The descriptions are the ones declared in generator/schema/, so the page never drifts from what
the generator checks.
"""

from __future__ import annotations

import typing
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from pydantic import BaseModel

from declic import urls
from declic.catalog.schema import KINDS
from declic.catalog.schema.settings import Settings
from declic.catalog.schema.types import is_model, without_none
from declic.pages import Context, Page
from declic.pages.export import SCHEMA_VERSION


@dataclass(frozen=True)
class FieldDoc:
    name: str
    type: str
    required: bool
    description: str


@dataclass(frozen=True)
class KindDoc:
    name: str
    title: str
    folder: str
    fields: tuple[FieldDoc, ...]


@dataclass(frozen=True)
class ReferenceContext(Context):
    kinds: tuple[KindDoc, ...]
    schema_version: int
    settings: tuple[FieldDoc, ...]  # extra.declic in a guide's mkdocs.yml


def reference_page() -> Page:
    kinds = tuple(KindDoc(kind.name, kind.title, kind.folder, tuple(_fields(kind.model))) for kind in KINDS)
    return Page(
        urls.REFERENCE_PAGE,
        "reference.md.j2",
        "index",
        "reference",
        "Référence du catalogue",
        (),
        ReferenceContext(kinds, SCHEMA_VERSION, tuple(field for field in _fields(Settings) if field.description)),
    )


def _fields(model: type[BaseModel], prefix: str = "") -> list[FieldDoc]:
    docs = []
    for name, field in model.model_fields.items():
        annotation = without_none(field.annotation)
        docs.append(
            FieldDoc(
                prefix + name,
                _type_label(annotation, str(field.metadata)),
                field.is_required(),
                field.description or "",
            )
        )
        inner = _inner_model(annotation)
        if inner:
            marker = (
                "[]"
                if typing.get_origin(annotation) is tuple
                else ".*"
                if typing.get_origin(annotation) is dict
                else ""
            )
            docs += _fields(inner, f"{prefix}{name}{marker}.")
    return docs


def _type_label(annotation: Any, constraints: str = "") -> str:
    """French label of a type; `constraints` is pydantic's metadata of a top-level field (an id's pattern)."""
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is tuple:
        item = _plural(_type_label(args[0]))
        return _of("liste", item) if Ellipsis in args else f"{len(args)} {item}"
    if origin is dict:
        return _of("dictionnaire", _plural(_type_label(args[1])))
    if origin is Literal:
        return "une valeur parmi : " + ", ".join(str(arg) for arg in args)
    if is_model(annotation):
        return "champs"
    base = typing.get_args(annotation)[0] if typing.get_origin(annotation) is typing.Annotated else annotation
    metadata = constraints + (
        str(typing.get_args(annotation)[1:]) if typing.get_origin(annotation) is typing.Annotated else ""
    )
    if base is bool:
        return "true ou false"
    if base is date:
        return "date (AAAA-MM-JJ)"
    if base is int:
        return "nombre entier"
    return "identifiant" if "a-z0-9" in metadata else "texte"


PLURALS = {
    "texte": "textes",
    "identifiant": "identifiants",
    "champs": "groupes de champs",
    "nombre entier": "nombres entiers",
}


def _plural(label: str) -> str:
    return PLURALS.get(label, label)


def _of(noun: str, items: str) -> str:
    return f"{noun} d'{items}" if items[0] in "aeiouéè" else f"{noun} de {items}"


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    candidates = [annotation, *typing.get_args(annotation)]  # the model itself, or a list's or dict's items
    return next((c for c in candidates if is_model(c)), None)
