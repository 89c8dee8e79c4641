"""An irritant: an everyday pain point, told by the person who lives it."""

from __future__ import annotations

from pydantic import Field

from declic.catalog.schema.base import Entity, Fact, Figure, Id, Line, Minutes, Text
from declic.catalog.schema.review import Reviewed


class Cost(Figure):
    minutes_per_week: Minutes = Field(description="Temps perdu chaque semaine, en minutes.")
    note: Text | None = Field(default=None, description="Précision sur ce coût (« en haute saison »).")


class Irritant(Reviewed, Entity):
    title: Line = Field(description="L'irritant en quelques mots (« Relancer les factures impayées »).")
    quote: Text = Field(description="L'irritant dit par la personne qui le vit, à la première personne.")
    description: Text = Field(description="La situation, concrètement.")
    category: Id = Field(description="Catégorie (dossier usecases/categories/).")
    cost: Cost = Field(description="Ce que l'irritant coûte en temps, avec sa source ou son estimation.")
    obstacles: tuple[Id, ...] = Field(
        default=(), description="Freins que cet irritant réveille (dossier usecases/obstacles/)."
    )
    facts: tuple[Fact, ...] = Field(default=(), description="Chiffres utiles, chacun avec sa source.")
    laws: tuple[Id, ...] = Field(
        default=(),
        description=(
            "Ce que dit la loi sur cette situation : des affirmations juridiques (dossier usecases/laws/), "
            "affichées avec leur texte, leur lien officiel et leur date de vérification sur chaque cas d'usage."
        ),
    )
