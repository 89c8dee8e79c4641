"""An irritant: an everyday pain point, told by the person who lives it."""

from __future__ import annotations

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from declic.catalog.schema.base import Entity, Fact, Figure, Id, Line, Minutes, Model, Text
from declic.catalog.schema.review import Reviewed

# How far the week's cost may stray from the sum of its tasks: the rounding of an « environ ».
ROUNDING = 0.1


class Task(Model):
    """One task the weekly cost is made of: how long it takes the person once, and how often."""

    per: Line = Field(
        description=(
            "La tâche, dite comme le « per » du temps gagné des prompts qui l'allègent (« rapport d'intervention ») : "
            "c'est ce nom qui relie les deux chiffres d'une même tâche."
        )
    )
    minutes: Minutes = Field(
        description=(
            "Temps qu'une fois la tâche prend à la personne, seule et sans assistant, en minutes : son temps à elle, "
            "jamais celui d'un collègue. Le prompt qui allège cette tâche part du même chiffre (baseline_minutes)."
        )
    )
    per_week: float = Field(
        gt=0,
        le=1000,
        description=(
            "Combien de fois par semaine, en moyenne : 0.25 pour une fois par mois ; pour une tâche de quelques "
            "fois par an, ce nombre divisé par 42 semaines travaillées (0.14 pour six fois par an)."
        ),
    )


class Cost(Figure):
    minutes_per_week: Minutes = Field(
        description="Temps perdu chaque semaine, en minutes : la somme arrondie des tâches, quand elles sont dites."
    )
    tasks: tuple[Task, ...] = Field(
        default=(),
        description=(
            "Les tâches qui font ce coût, chacune avec sa durée et sa fréquence : minutes_per_week en est la somme, "
            "arrondie. Vide quand le coût n'est pas une tâche qui se répète (un créneau perdu, une attente)."
        ),
    )
    note: Text | None = Field(default=None, description="Précision sur ce coût (« en haute saison »).")

    @model_validator(mode="after")
    def _week_is_its_tasks(self) -> Cost:
        if not self.tasks:
            return self
        total = sum(task.minutes * task.per_week for task in self.tasks)
        if abs(total - self.minutes_per_week) > ROUNDING * max(total, self.minutes_per_week):
            sum_text = " + ".join(f"{_number(task.per_week)} × {task.minutes} min" for task in self.tasks)
            raise PydanticCustomError(
                "cost_not_its_tasks",
                "{minutes} min par semaine, mais les tâches en font {total} ({sum_text})",
                {
                    "minutes": self.minutes_per_week,
                    "total": round(total),
                    "sum_text": sum_text,
                    "field": "minutes_per_week",
                    "hint": "minutes_per_week est la somme des tâches, arrondie : corrigez l'un ou l'autre",
                },
            )
        return self


def _number(value: float) -> str:
    """12.0 → « 12 », 0.25 → « 0,25 »: a number as a French reader writes it."""
    return f"{value:g}".replace(".", ",")


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
