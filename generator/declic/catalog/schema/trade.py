"""A trade (métier): who does it, and the words that specialise a prompt for it."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints

from declic.catalog.schema.base import Entity, Fact, Id, Line, Text
from declic.catalog.schema.review import Reviewed

VariableName = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]


class Trade(Reviewed, Entity):
    name: Line = Field(description="Nom du métier (« Électricien »).")
    sector: Line = Field(description="Secteur (« Artisanat du bâtiment »).")
    description: Text = Field(description="Le métier en une ou deux phrases.")
    context: dict[VariableName, Text] = Field(
        description=(
            "Valeurs qui adaptent les prompts à ce métier : clients, documents, vocabulaire… "
            "Chaque clé est le nom d'une variable de prompt marquée « from_trade » (le métier la remplit) "
            "ou « trade_example » (le métier n'en donne que l'exemple). Le prompt dit « Mon métier : » "
            "avant « metier » : nommez l'activité (« la coiffure ») ou un nom qui vaut pour une femme comme "
            "pour un homme (« fleuriste »), et un exemple de « structure » qui ne désigne pas la personne "
            "(« avec deux coiffeuses salariées », pas « la gérante »)."
        )
    )
    irritants: tuple[Id, ...] = Field(min_length=1, description="Irritants vécus dans ce métier.")
    excluded_prompts: tuple[Id, ...] = Field(
        default=(),
        description="Prompts qui ne conviennent pas à ce métier, bien qu'il vive leur irritant : pas de cas d'usage.",
    )
    never_paste: tuple[Text, ...] = Field(
        default=(),
        description=(
            "Ce qu'il ne faut jamais coller dans l'assistant dans ce métier (santé, mineurs, situation sociale…), "
            "affiché sur chacun de ses cas d'usage en plus des règles du prompt."
        ),
    )
    facts: tuple[Fact, ...] = Field(default=(), description="Chiffres utiles, chacun avec sa source.")
    also_called: tuple[Text, ...] = Field(
        default=(),
        description=(
            "Les mots de tous les jours pour ce métier ou son commerce (« épicerie », « supérette ») : "
            "montrés sur ses cas d'usage, ils les font trouver par la recherche."
        ),
    )
