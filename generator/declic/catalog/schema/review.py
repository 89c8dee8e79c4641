"""The fields of a guide that stays alive: who answers for an entity, whether it is approved, when
it is due for review, and (prompts) which assistant it was tested with. Mixed into the entity
models; shapes only, but for one look at the clock: a review or a test dated after today is refused.
When they fall due is computed in `commands/review.py`.
"""

from __future__ import annotations

import re
from datetime import date as Date
from typing import Annotated, Literal

from pydantic import AfterValidator, BeforeValidator, Field, model_validator
from pydantic_core import PydanticCustomError

from declic.catalog.schema.base import Id, Line, Model, Text

Status = Literal["brouillon", "relecture", "validé", "retiré"]
UNPUBLISHED: frozenset[str] = frozenset({"brouillon", "relecture"})  # shown only with `--drafts`

_KIND_WORDS = {"Prompt": "prompt", "Trade": "métier", "Irritant": "irritant"}  # in a retired one's error
_PERIOD = re.compile(r"^(\d{1,3}) (jours?|semaines?|mois|ans?)$")


def _period(value: str) -> str:
    if not _PERIOD.match(value):
        raise PydanticCustomError(
            "period",
            "durée « {value} » illisible",
            {"value": value, "hint": "un nombre puis jours, semaines, mois ou ans : « 6 mois », « 1 an »"},
        )
    return value


# « 6 mois », « 2 semaines », « 1 an »: read by `review.add_period`.
Period = Annotated[str, AfterValidator(_period)]

_FRENCH_DATE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")


def _day(value: object) -> object:
    """A date as YAML gives it (text here): AAAA-MM-JJ, or a French error that says how to write it."""
    if isinstance(value, Date) or not isinstance(value, str):
        return value
    try:
        return Date.fromisoformat(value.strip())
    except ValueError:
        french = _FRENCH_DATE.match(value.strip())
        hint = (
            f"écrivez « {french.group(3)}-{int(french.group(2)):02d}-{int(french.group(1)):02d} »"
            if french
            else "année, mois, jour : « 2026-03-12 »"
        )
        raise PydanticCustomError(
            "day", "date « {value} » illisible ou impossible", {"value": value, "hint": hint}
        ) from None


FIRST_YEAR, LAST_YEAR = 2000, 2100  # a review or a test with an assistant happens in between


def _past_day(value: Date) -> Date:
    """A review or a test that took place: this century, and not after today (the clock's one check)."""
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise PydanticCustomError(
            "day_year",
            "date « {value} » impossible : l'année doit être entre {first} et {last}",
            {"value": value.isoformat(), "first": FIRST_YEAR, "last": LAST_YEAR, "hint": "vérifiez l'année"},
        )
    if value > Date.today():
        raise PydanticCustomError(
            "day_future",
            "date dans le futur : « {value} »",
            {
                "value": value.isoformat(),
                "hint": "c'est la date d'une relecture ou d'un essai déjà faits : aujourd'hui au plus tard",
            },
        )
    return value


Day = Annotated[Date, BeforeValidator(_day), AfterValidator(_past_day)]


class Reviewed(Model):
    """Mixed into irritants, trades and prompts: `class Irritant(Reviewed, Entity)`."""

    status: Status | None = Field(
        default=None,
        description=(
            "Où en est la fiche : brouillon, relecture (attend son approbation), validé, retiré. "
            "Sans statut, elle est publiée comme une fiche validée ; avec « publish: validated », "
            "seules les fiches validées (et ce qui ne dépend que d'elles) sont publiées."
        ),
    )
    owner: Line | None = Field(
        default=None, description="Qui répond de cette fiche : une personne ou une équipe (« Service qualité »)."
    )
    reviewed_on: Day | None = Field(default=None, description="Date de la dernière relecture, en AAAA-MM-JJ.")
    review_every: Period | None = Field(
        default=None,
        description="Tous les combien la relire (« 6 mois », « 1 an ») : « declic review » signale les retards.",
    )
    retired_because: Text | None = Field(
        default=None, description="Pourquoi la fiche est retirée (statut « retiré ») : affiché à son adresse."
    )
    replaced_by: Id | None = Field(
        default=None,
        description="La fiche de même sorte qui la remplace, vers laquelle la page de la fiche retirée renvoie.",
    )

    @model_validator(mode="after")
    def _retired_says_why(self) -> Reviewed:
        if self.status == "retiré" and not self.retired_because:
            raise PydanticCustomError(
                "retired_without_reason",
                "{kind} retiré sans raison",
                {
                    "kind": _KIND_WORDS.get(type(self).__name__, "fiche"),
                    "field": "status",
                    "hint": "ajoutez retired_because (et replaced_by s'il a un remplaçant)",
                },
            )
        return self


class Test(Model):
    assistant: Line = Field(description="Assistant utilisé, comme l'organisation le nomme (« Le Chat »).")
    model: Line | None = Field(default=None, description="Modèle ou version, s'il est connu (« Mistral Large 2 »).")
    date: Day = Field(description="Date de l'essai, en AAAA-MM-JJ.")
    result: Literal["ok", "à retoucher"] = Field(description="Résultat : ok, ou à retoucher.")
    note: Text | None = Field(default=None, description="Une remarque courte sur l'essai.")


class ReviewedPrompt(Reviewed):
    """A prompt's review fields: those of every entity, its tests, and where a retired one went."""

    tested: tuple[Test, ...] = Field(
        default=(),
        description=(
            "Les essais du prompt avec un assistant : la fiche montre le plus récent, « à revérifier » "
            "au-delà de « stale_after » (12 mois par défaut)."
        ),
    )
