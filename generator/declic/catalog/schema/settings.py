"""A guide's own settings: `extra.declic` in its mkdocs.yml, declared once with their defaults."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints, field_validator
from pydantic_core import PydanticCustomError

from declic.catalog.schema.base import HttpsUrl, Id, Line, Model, Text
from declic.catalog.schema.review import Period

Color = Annotated[str, StringConstraints(pattern=r"^#[0-9a-fA-F]{6}$")]


class Assistant(Model):
    name: Line = Field(description="Nom affiché (« ChatGPT »).")
    url: HttpsUrl = Field(description="Adresse à laquelle le prompt encodé est ajouté (« https://chatgpt.com/?q= »).")
    prompt_in_url: bool = Field(
        default=True,
        description=(
            "L'adresse reçoit le prompt (« Ouvrir dans ChatGPT ») ; false : l'assistant ne lit pas le prompt dans son "
            "adresse, le bouton « Copier puis ouvrir Claude » copie le prompt et ouvre l'adresse telle quelle."
        ),
    )


class Colors(Model):
    primary: Color | None = Field(default=None, description="Couleur principale, en #rrggbb.")
    accent: Color | None = Field(default=None, description="Couleur des liens et boutons actifs, en #rrggbb.")


class Selection(Model):
    """Ids per kind, e.g. `{trades: [plombier, electricien]}`."""

    irritants: tuple[Id, ...] | None = None
    trades: tuple[Id, ...] | None = None
    prompts: tuple[Id, ...] | None = None
    personas: tuple[Id, ...] | None = None
    roles: tuple[Id, ...] | None = None


class Settings(Model):
    inherit_default_catalog: bool = Field(
        default=True, description="Partir du catalogue par défaut de Déclic et y ajouter le sien."
    )
    only: Selection = Field(
        default_factory=Selection, description="Ne garder que ces fiches du catalogue hérité (par sorte)."
    )
    hide: Selection = Field(default_factory=Selection, description="Masquer ces fiches (par sorte).")
    data_rules: tuple[Text, ...] = Field(
        default=(), description="Règles de données propres à l'organisation, affichées sur chaque cas d'usage."
    )
    assistants: tuple[Assistant, ...] | None = Field(
        default=None, description="Assistants proposés sur les prompts ; aucun si la liste est vide."
    )
    colors: Colors = Field(default_factory=Colors, description="Couleurs de l'organisation.")
    search: Literal["pagefind", "mkdocs"] = Field(
        default="pagefind", description="Moteur de recherche : pagefind (français, par morceaux) ou mkdocs."
    )
    templates: str | None = Field(default=None, description="Dossier de gabarits qui remplacent ceux de Déclic.")
    publish: Literal["all", "validated"] = Field(
        default="all",
        description=(
            "all : publier toutes les fiches ; validated : seulement celles au statut « validé » (ou sans statut) "
            "et ce qui en dépend. « declic build --drafts » et « declic serve » montrent les autres, avec un bandeau."
        ),
    )
    stale_after: Period = Field(
        default="12 mois", description="Au-delà de cette durée, le dernier essai d'un prompt est « à revérifier »."
    )

    @field_validator("only")
    @classmethod
    def _keeps_something(cls, only: Selection) -> Selection:
        empty = [kind for kind, ids in only if ids is not None and not ids]
        if empty:
            raise PydanticCustomError(
                "empty_selection",
                "« only: {kind}: [] » ne garderait aucune fiche de cette sorte",
                {"kind": empty[0], "hint": "listez les identifiants à garder, ou retirez la ligne pour tout garder"},
            )
        return only
