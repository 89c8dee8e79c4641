"""Shared vocabularies: categories, obstacles, profiles, roles, levels and sources.

They are data like the rest (one YAML file per entry) so that an organisation can add its own
without touching Python.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from declic.catalog.schema.base import Entity, HttpsUrl, Id, Line, Text
from declic.catalog.schema.review import Day


class Category(Entity):
    title: Line = Field(description="Nom de la catégorie d'irritants (« Relation client »).")
    description: Text = Field(description="Ce que cette catégorie regroupe, en une ou deux phrases.")


class Obstacle(Entity):
    title: Line = Field(description="Nom du frein (« La peur de mal faire »).")
    who: Literal["apprenant", "formateur", "encadrement", "institution"] = Field(
        default="apprenant", description="Qui ce frein retient."
    )
    description: Text = Field(description="À quoi on le reconnaît, avec les mots des personnes concernées.")
    answer: Text = Field(description="Comment la méthode y répond, concrètement.")
    source: Id = Field(description="Identifiant de la source qui décrit ce frein.")


class Profile(Entity):
    title: Line = Field(description="Nom du profil d'acculturation (« Pragmatique surchargé »).")
    description: Text = Field(description="Portrait du profil.")
    needs: tuple[Text, ...] = Field(min_length=1, description="Ce dont ce profil a besoin pour avancer.")
    step_minutes: int = Field(
        ge=5, le=20, description="Durée maximale d'une étape de parcours pour ce profil, en minutes."
    )
    quick_wins: int = Field(ge=1, le=5, description="Nombre de victoires rapides dans ses parcours.")
    skills: int = Field(ge=1, le=5, description="Nombre de compétences structurées dans ses parcours.")
    skips_basics: bool = Field(
        default=False,
        description=(
            "Une formation trop basique l'ennuie : quand il vise plus haut que le premier niveau, ses "
            "parcours ne donnent aucun prompt de ce premier niveau (découverte)."
        ),
    )
    source: Id = Field(description="Identifiant de la source qui décrit ce profil.")


class Level(Entity):
    title: Line = Field(description="Nom du niveau (« Découverte »).")
    rank: int = Field(ge=1, le=9, description="Rang du niveau : 1 pour le plus accessible.")
    description: Text = Field(description="Ce que sait faire une personne à ce niveau.")


class Role(Entity):
    title: Line = Field(description="Nom du rôle (« Dirigeants et managers »).")
    description: Text = Field(description="Qui est concerné.")
    goals: tuple[Text, ...] = Field(min_length=1, description="Ce que la formation doit leur apporter.")
    profile: Id = Field(description="Profil d'acculturation qui donne le rythme du parcours de ce rôle.")
    level: Id = Field(description="Niveau visé par le parcours de ce rôle.")
    source: Id = Field(description="Identifiant de la source qui décrit ce rôle.")


class Source(Entity):
    title: Line = Field(description="Titre du document.")
    author: Line | None = Field(default=None, description="Auteur ou organisme.")
    publisher: Line | None = Field(
        default=None, description="Éditeur : l'organisme ou le site qui publie le document, s'il n'en est pas l'auteur."
    )
    published_on: Day | None = Field(
        default=None,
        description="Date de publication, en AAAA-MM-JJ, quand le document la donne (sinon l'année seule).",
    )
    year: int = Field(ge=1900, le=2100, description="Année de publication.")
    kind: Line = Field(description="Nature du document (« livre blanc », « article », « enquête »).")
    url: HttpsUrl | None = Field(default=None, description="Adresse du document en ligne, en https://.")
    offline: Line | None = Field(
        default=None,
        description=(
            "À la place de l'adresse, quand le document n'en a pas : ce qu'en sait le lecteur, en quelques mots "
            "(« document non publié en ligne », « adresse en ligne non retrouvée »)."
        ),
    )

    @model_validator(mode="after")
    def _address_or_why_not(self) -> Source:
        if self.url is not None and self.offline is not None:
            raise PydanticCustomError(
                "source_url_and_offline",
                "une source a soit une adresse en ligne, soit une note qui dit pourquoi elle n'en a pas, pas les deux",
                {"field": "offline", "hint": "gardez url si le document se lit à cette adresse, sinon gardez offline"},
            )
        return self
