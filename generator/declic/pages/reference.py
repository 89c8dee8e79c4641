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

    @property
    def label(self) -> str:
        """The field in plain French (« Anciens identifiants »), shown before its technical name."""
        return field_label(self.name)


# Each field's name in plain French, by its last part (a name means the same in every kind).
LABELS = {
    "statement": "Affirmation",
    "article": "Article",
    "applies_from": "S'applique depuis le",
    "amended_by": "Modifié par",
    "laws": "Ce que dit la loi",
    "link": "Lien officiel",
    "checked_on": "Vérifié le",
    "accent": "Couleur d'accent",
    "also_called": "Autres noms",
    "answer": "Réponse",
    "assistant": "Assistant",
    "assistants": "Assistants",
    "author": "Auteur",
    "baseline_minutes": "Durée de la tâche sans assistant",
    "by": "Estimé par",
    "by_trade": "Exemples par métier",
    "category": "Catégorie",
    "check": "Vérifications",
    "colors": "Couleurs",
    "context": "Contexte du métier",
    "cost": "Coût",
    "data_rules": "Règles de données",
    "date": "Date",
    "description": "Description",
    "duration_minutes": "Durée en minutes",
    "estimate": "Estimation",
    "example": "Exemple",
    "example_for": "Exemple propre aux métiers",
    "excluded_prompts": "Prompts exclus",
    "excluded_trades": "Métiers exclus",
    "experience": "Expérience",
    "facts": "Chiffres",
    "follow_up": "Rendez-vous de suivi",
    "former_ids": "Anciens identifiants",
    "from_trade": "Rempli par le métier",
    "goals": "Objectifs",
    "hide": "Fiches masquées",
    "inherit_default_catalog": "Hériter du catalogue par défaut",
    "irritant": "Irritant",
    "irritants": "Irritants",
    "kind": "Nature",
    "label": "Libellé",
    "level": "Niveau",
    "method": "Méthode",
    "minutes": "Minutes",
    "minutes_per_week": "Minutes par semaine",
    "mistakes": "Erreurs fréquentes",
    "model": "Modèle",
    "name": "Nom",
    "needs": "Besoins",
    "never_paste": "À ne jamais coller",
    "note": "Précision",
    "objective": "Objectif",
    "observation": "Observation",
    "obstacle": "Frein",
    "obstacles": "Freins",
    "offline": "Sans adresse en ligne",
    "one_at_a_time": "Une chose à la fois",
    "only": "Fiches gardées",
    "owner": "Responsable",
    "passage": "Passage",
    "per": "Par",
    "per_week": "Fois par semaine",
    "personal_data": "Données personnelles",
    "primary": "Couleur principale",
    "principle": "Principe",
    "profile": "Profil",
    "prompt": "Prompt",
    "prompt_in_url": "Prompt dans l'adresse",
    "publish": "Fiches publiées",
    "published_on": "Date de publication",
    "publisher": "Éditeur",
    "question": "Question",
    "quick_wins": "Victoires rapides",
    "quiz": "Quiz",
    "quote": "Citation",
    "rank": "Rang",
    "redo_alone": "Je refais seul",
    "replaced_by": "Remplacée par",
    "result": "Résultat",
    "retired_because": "Motif du retrait",
    "review_every": "Relire tous les",
    "reviewed_on": "Relue le",
    "role": "Rôle",
    "roles": "Rôles",
    "search": "Recherche",
    "sector": "Secteur",
    "sheet": "Micro-fiche",
    "skills": "Compétences",
    "skips_basics": "Saute les bases",
    "source": "Source",
    "stale_after": "Essai ancien après",
    "starts_with": "Commence par",
    "status": "Statut",
    "step_minutes": "Minutes par étape",
    "steps": "Étapes",
    "story": "Histoire",
    "tasks": "Tâches",
    "templates": "Gabarits",
    "tested": "Essais",
    "text": "Texte",
    "time_saved": "Temps gagné",
    "title": "Titre",
    "trade": "Métier",
    "trade_example": "Exemple donné par le métier",
    "type": "Type",
    "url": "Adresse",
    "variables": "Variables",
    "who": "Qui",
    "works_alone": "Travaille seul",
    "year": "Année",
}


def field_label(name: str) -> str:
    """« variables.*.by_trade » → « Exemples par métier ». A field without a label is a bug: the
    reference page would show a technical name alone."""
    last = name.rsplit(".", 1)[-1].removesuffix("[]")
    if last not in LABELS:
        raise KeyError(f"champ « {name} » sans libellé français : ajoutez-le à LABELS (declic/pages/reference.py)")
    return LABELS[last]


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
    if base is float:
        return "nombre"
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
