"""A persona: a person to train, with a profile, a role, a level and a trade."""

from __future__ import annotations

from pydantic import Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from declic.catalog.schema.base import Entity, Id, Line, Model, Text


class Need(Model):
    """A need the persona's story names, and what in its path answers it: a step on an irritant, a
    step teaching a prompt, the follow-up rendez-vous, or the obstacle the path page answers. A need
    written as plain text answers nothing in particular."""

    text: Text = Field(description="Le besoin, dans ses mots.")
    irritant: Id | None = Field(
        default=None, description="Irritant qu'une étape de son parcours traite (son cas d'usage dans son métier)."
    )
    prompt: Id | None = Field(default=None, description="Prompt qu'une étape de son parcours enseigne.")
    follow_up: bool = Field(
        default=False, description="Les rendez-vous de suivi (J+15, J+30, rituel mensuel) y répondent."
    )
    obstacle: Id | None = Field(
        default=None, description="Frein de la personne dont la réponse, sur la page du parcours, y répond."
    )
    one_at_a_time: bool = Field(
        default=False, description="Une chose à la fois : son parcours ne donne qu'une victoire rapide."
    )

    @model_validator(mode="after")
    def _one_answer(self) -> Need:
        answers = [self.irritant, self.prompt, self.obstacle, self.follow_up or None, self.one_at_a_time or None]
        if sum(answer is not None for answer in answers) > 1:
            raise PydanticCustomError(
                "need_answers",
                "un besoin a une seule réponse : irritant, prompt, follow_up, obstacle ou one_at_a_time",
                {"hint": "écrivez deux besoins si deux étapes y répondent"},
            )
        return self


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
    needs: tuple[Need, ...] = Field(
        min_length=1,
        description=(
            "Ce dont cette personne a besoin : un texte, ou « text » avec ce qui y répond dans son parcours "
            "(irritant, prompt, follow_up, obstacle, one_at_a_time). Les premiers viennent en tête du parcours."
        ),
    )
    works_alone: bool = Field(
        default=False,
        description=(
            "Seul à son poste, sans équipe : ses rendez-vous de suivi se font avec des pairs, son formateur "
            "ou un conseiller numérique de la chambre consulaire, jamais « en équipe »."
        ),
    )
    story: Text = Field(description="Son histoire en quelques phrases.")
    source: Id | None = Field(default=None, description="Source où cette personne est décrite, s'il y en a une.")

    @field_validator("needs", mode="before")
    @classmethod
    def _plain_needs(cls, value: object) -> object:
        """A need written as plain text is a need that names no step."""
        if isinstance(value, list | tuple):
            return [{"text": item} if isinstance(item, str) else item for item in value]
        return value
