"""A persona: a person to train, with a profile, a role, a level and a trade."""

from __future__ import annotations

from pydantic import Field

from declic.catalog.schema.base import Entity, Id, Line, Text


class Persona(Entity):
    name: Line = Field(description="Prénom et situation (« Karim, logisticien débordé »).")
    profile: Id = Field(description="Profil d'acculturation (dossier personas/profiles/).")
    role: Id = Field(description="Rôle dans l'organisation (dossier personas/roles/).")
    level: Id = Field(description="Niveau de compétence (dossier personas/levels/).")
    trade: Id = Field(description="Métier (dossier usecases/trades/).")
    starts_with: tuple[Id, ...] = Field(
        min_length=1,
        description=(
            "Irritants par lesquels son parcours commence (leurs identifiants), sur le cas d'usage de son "
            "métier : ceux que son histoire raconte."
        ),
    )
    obstacles: tuple[Id, ...] = Field(min_length=1, description="Freins qui le retiennent.")
    needs: tuple[Text, ...] = Field(min_length=1, description="Ce dont cette personne a besoin.")
    story: Text = Field(description="Son histoire en quelques phrases.")
    source: Id | None = Field(default=None, description="Source où cette personne est décrite, s'il y en a une.")
