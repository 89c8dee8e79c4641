"""A prompt template and the micro-learning sheet that teaches it."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from declic.catalog.schema.base import Entity, Fact, Figure, Id, Line, Minutes, Model, Text
from declic.catalog.schema.review import ReviewedPrompt
from declic.catalog.schema.trade import VariableName


class Variable(Model):
    label: Line = Field(description="Libellé court, montré dans le formulaire (« Nom du client »).")
    description: Text = Field(description="Ce qu'il faut y mettre.")
    example: Text = Field(description="Exemple réaliste, sans donnée personnelle réelle.")
    example_for: tuple[Id, ...] = Field(
        default=(),
        description=(
            "Les métiers à qui l'exemple appartient (ses mots, sa situation) : il n'est montré que sur leurs "
            "cas d'usage. Vide : l'exemple est neutre et convient à tout métier."
        ),
    )
    by_trade: dict[Id, Text] = Field(
        default_factory=dict,
        description=(
            "Exemple propre à un métier, par identifiant de métier : montré sur le cas d'usage de ce métier "
            "à la place de l'exemple général."
        ),
    )
    type: Literal["text", "long_text", "number", "date"] = Field(default="text", description="Type de valeur attendue.")
    from_trade: bool = Field(default=False, description="Vrai si le contexte du métier remplit cette variable.")
    trade_example: bool = Field(
        default=False,
        description=(
            "Vrai si la valeur du contexte du métier n'est que l'exemple de ce champ, que la personne remplit : "
            "un fait sur elle (la taille de son équipe, seule ou non, sa région) n'est jamais écrit en silence "
            "dans le prompt."
        ),
    )

    @model_validator(mode="after")
    def _one_use_of_the_trade(self) -> Variable:
        if self.from_trade and self.trade_example:
            raise PydanticCustomError(
                "from_trade_and_example",
                "from_trade et trade_example à la fois : le métier remplit le champ, ou il n'en donne que l'exemple",
            )
        return self


class TimeSaved(Figure):
    """The gain of one use of this prompt: an estimate unless a source measured that very task."""

    minutes: Minutes = Field(description="Minutes gagnées à chaque usage du prompt.")
    per: Line = Field(
        description=(
            "Par quoi (« relance », « compte rendu ») : une seule tâche, jamais toute une entreprise. Le même nom "
            "que la tâche de l'irritant (cost.tasks) quand le prompt allège cette tâche-là."
        )
    )
    baseline_minutes: Minutes | None = Field(
        default=None,
        description=(
            "Temps que cette tâche prend à la personne, seule et sans assistant, en minutes : le point de départ du "
            "gain, et le même chiffre que la tâche de l'irritant (cost.tasks), à un quart près. Son temps à elle, "
            "jamais celui d'un collègue."
        ),
    )

    @model_validator(mode="after")
    def _gain_within_the_task(self) -> TimeSaved:
        if self.baseline_minutes is not None and self.minutes > self.baseline_minutes:
            raise PydanticCustomError(
                "gain_over_baseline",
                "{minutes} min gagnées sur une tâche qui en prend {baseline}",
                {
                    "minutes": self.minutes,
                    "baseline": self.baseline_minutes,
                    "field": "minutes",
                    "hint": "le gain d'un usage ne dépasse pas baseline_minutes, le temps de la tâche faite seule",
                },
            )
        return self


class QuizItem(Model):
    question: Text = Field(description="Une question sur ce que la fiche enseigne.")
    answer: Text = Field(description="La réponse attendue, en une ou deux phrases.")


class Sheet(Model):
    objective: Text = Field(description="Ce que la personne saura faire après la fiche.")
    experience: Text = Field(description="Expérience concrète : la situation de départ vécue.")
    observation: Text = Field(description="Ce qu'on observe en regardant le résultat.")
    principle: Text = Field(description="Le principe à retenir.")
    mistakes: tuple[Text, ...] = Field(min_length=1, description="Erreurs fréquentes.")
    quiz: tuple[QuizItem, QuizItem, QuizItem] = Field(description="Trois questions d'auto-évaluation.")
    redo_alone: Text = Field(description="L'exercice « je refais seul ».")


class Prompt(ReviewedPrompt, Entity):
    title: Line = Field(description="Titre du prompt (« Relance de facture, ferme et cordiale »).")
    irritants: tuple[Id, ...] = Field(min_length=1, description="Irritants que ce prompt résout.")
    roles: tuple[Id, ...] = Field(min_length=1, description="Rôles à qui il s'adresse.")
    level: Id = Field(description="Niveau requis (dossier personas/levels/).")
    duration_minutes: int = Field(ge=1, le=20, description="Durée de la fiche, 20 minutes au plus.")
    text: Text = Field(description="Le prompt. Les variables s'écrivent {nom_de_variable}.")
    variables: dict[VariableName, Variable] = Field(
        default_factory=dict, description="Chaque variable utilisée dans le texte."
    )
    steps: tuple[Text, ...] = Field(min_length=1, description="Les étapes, dans l'ordre.")
    check: tuple[Text, ...] = Field(min_length=1, description="Comment vérifier la réponse.")
    personal_data: bool = Field(
        description="Vrai si la situation peut amener à coller des données personnelles ou de clients."
    )
    never_paste: tuple[Text, ...] = Field(
        default=(), description="Ce qu'il ne faut jamais coller dans l'assistant, et quoi retirer avant."
    )
    time_saved: TimeSaved = Field(description="Temps gagné à chaque usage, avec sa source et son passage, ou estimé.")
    excluded_trades: tuple[Id, ...] = Field(
        default=(),
        description="Métiers à qui ce prompt ne convient pas, bien qu'ils vivent son irritant : pas de cas d'usage.",
    )
    facts: tuple[Fact, ...] = Field(default=(), description="Chiffres utiles, chacun avec sa source.")
    laws: tuple[Id, ...] = Field(
        default=(),
        description=(
            "Les affirmations juridiques (dossier usecases/laws/) sur lesquelles repose ce prompt : affichées "
            "avec leur texte, leur lien officiel et leur date de vérification sur la micro-fiche et les cas "
            "d'usage qui l'offrent. Les règles restent dans ces fichiers, pas dans les textes de la fiche."
        ),
    )
    sheet: Sheet = Field(description="Contenu pédagogique de la micro-fiche.")

    @model_validator(mode="after")
    def _personal_data_needs_a_rule(self) -> Prompt:
        if self.personal_data and not self.never_paste:
            # `field` lets the error point at the line of personal_data rather than at the file.
            raise PydanticCustomError(
                "personal_data_rule",
                "vrai, mais never_paste ne dit pas ce qu'il faut retirer avant de coller",
                {
                    "field": "personal_data",
                    "hint": "ajoutez never_paste, une ligne « - … » par donnée à retirer : noms, adresses, montants…",
                },
            )
        return self
