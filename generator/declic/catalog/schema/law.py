"""A legal statement a page makes (« Ce que dit la loi »): the sentence, the text and article it
rests on, the text that amended it if its date comes from there, when it applies, its official link
and when someone last checked it against that link. Shapes only: the macro `law("id")` and the cards
and sheets whose `laws` name it print it, `declic review` says when it is due for a new check.
"""

from __future__ import annotations

from datetime import date as Date
from typing import Annotated

from pydantic import AfterValidator, BeforeValidator, Field
from pydantic_core import PydanticCustomError

from declic.catalog.schema.base import Entity, HttpsUrl, Line, Model, Text
from declic.catalog.schema.review import LAST_YEAR, Day, Period, _day

_LAW_FIRST_YEAR = 1800  # a code's article may apply since long before a review could take place


def _plausible_year(value: Date) -> Date:
    if not _LAW_FIRST_YEAR <= value.year <= LAST_YEAR:
        raise PydanticCustomError(
            "day_year",
            "date « {value} » impossible : l'année doit être entre {first} et {last}",
            {"value": value.isoformat(), "first": _LAW_FIRST_YEAR, "last": LAST_YEAR, "hint": "vérifiez l'année"},
        )
    return value


# A date a text applies from: in the past or still to come (a postponed obligation).
AppliesFrom = Annotated[Date, BeforeValidator(_day), AfterValidator(_plausible_year)]


class Amendment(Model):
    """The text that changed the rule, cited with its own official link: a date moved by an amending
    regulation is only true of the consolidated text, which a reader checks against both."""

    name: Line = Field(
        description=(
            "Le texte modificatif tel qu'il se lit après « modifié par », avec son article défini : "
            "« le règlement (UE) 2026/1744 du 8 juillet 2026 », « la loi n° 2023-1322 du 29 décembre 2023 »."
        )
    )
    article: Line | None = Field(
        default=None, description="L'article du texte modificatif qui change la règle (« article 1er, point 40 b) »)."
    )
    link: HttpsUrl = Field(description="Adresse officielle du texte modificatif, en https:// (EUR-Lex, Légifrance…).")


class Law(Entity):
    statement: Text = Field(
        description=(
            "Ce que dit le texte, en une ou deux phrases de français simple : la règle seule, sans conseil "
            "(les conseils restent sur la page)."
        )
    )
    text: Line = Field(
        description=(
            "Nom officiel et numéro du texte, tel que la citation l'affiche (« Règlement (UE) 2024/1689 "
            "du Parlement européen et du Conseil du 13 juin 2024 »)."
        )
    )
    article: Line = Field(description="Article, paragraphe ou annexe visés (« article 50, paragraphes 1 et 4 »).")
    amended_by: Amendment | None = Field(
        default=None,
        description=(
            "Le texte qui a modifié la règle, quand la date ou le contenu affichés viennent de lui (un report, "
            "une nouvelle rédaction) : cité après l'article, avec son propre lien officiel."
        ),
    )
    applies_from: AppliesFrom = Field(
        description="Date à partir de laquelle la règle s'applique, en AAAA-MM-JJ (passée ou à venir)."
    )
    link: HttpsUrl = Field(
        description=(
            "Adresse officielle du texte, en https:// : EUR-Lex, Légifrance, CNIL, service-public.fr, "
            "economie.gouv.fr. Une affirmation sans lien officiel n'entre pas dans les données."
        )
    )
    checked_on: Day = Field(description="Date de la dernière vérification sur le lien officiel, en AAAA-MM-JJ.")
    review_every: Period = Field(
        description="Tous les combien revérifier (« 6 mois », « 1 an ») : « declic review » signale les retards."
    )
    owner: Line | None = Field(
        default=None,
        description="Qui revérifie cette affirmation : une personne ou une équipe (« Service juridique »).",
    )
