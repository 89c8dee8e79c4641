"""Building blocks shared by every schema: ids, texts, facts with their source.

Pydantic models here describe one YAML file each; they check shapes and values, never
cross-references (that is `link.py`'s job).
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import (
    AfterValidator,
    AnyUrl,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    UrlConstraints,
    model_validator,
)
from pydantic_core import PydanticCustomError
from slugify import slugify

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
MAX_ID_LENGTH = 80  # an id is a folder or file name in the site, and part of a printed address
# An id is also an address: a page named `index` would be the listing of its folder.
RESERVED_IDS = frozenset({"index"})
# Names Windows refuses for a file, whatever the extension: a site holding one cannot be copied there.
WINDOWS_NAMES = frozenset(
    {"con", "prn", "aux", "nul", *(f"com{n}" for n in range(1, 10)), *(f"lpt{n}" for n in range(1, 10))}
)


def id_problem(entity_id: str) -> str | None:
    """Why a file name cannot be an id, in French, or None when it can."""
    if not re.match(ID_PATTERN, entity_id):
        return f"« {entity_id} » n'est pas un identifiant valide : minuscules sans accent, chiffres et tirets"
    if entity_id in RESERVED_IDS:
        return f"« {entity_id} » est un identifiant réservé : c'est l'adresse de la page qui liste les fiches"
    if entity_id in WINDOWS_NAMES:
        return f"« {entity_id} » est un nom de fichier que Windows refuse : le site ne pourrait pas y être copié"
    if len(entity_id) > MAX_ID_LENGTH:
        return (
            f"« {entity_id[:20]}… » est trop long pour un identifiant : "
            f"{len(entity_id)} caractères, {MAX_ID_LENGTH} au plus"
        )
    return None


def suggested_id(entity_id: str) -> str:
    """A valid id close to `entity_id`, for the hint that goes with `id_problem`."""
    slug = slugify(entity_id, max_length=MAX_ID_LENGTH, word_boundary=True) or "fiche"
    return f"{slug}-1" if slug in RESERVED_IDS | WINDOWS_NAMES else slug


Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=MAX_ID_LENGTH)]
# Characters no text of a guide holds, whatever its field: control codes (a terminal runs `ESC ]…BEL`
# and `ESC [31m` as commands), C1 codes, non-characters, and the bidirectional overrides that make a
# text read otherwise than it is written. Tabs and line breaks only in texts of several lines.
_FORBIDDEN = "\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufdd0-\ufdef\ufffe\uffff"
FORBIDDEN_CHARACTER = re.compile(f"[{_FORBIDDEN}]")
FORBIDDEN_IN_LINE = re.compile(f"[{_FORBIDDEN}\t\n]")


def character_problem(value: str, multiline: bool = True) -> tuple[str, str] | None:
    """The first character `value` may not hold, as (message, hint) in French, or None. The one rule
    for every text: the loader applies it to every value, `declic import` to what it writes."""
    found = (FORBIDDEN_CHARACTER if multiline else FORBIDDEN_IN_LINE).search(value)
    if found is None:
        return None
    code = f"U+{ord(found.group()):04X}"
    if found.group() in "\t\n":
        what = "tabulation" if found.group() == "\t" else "retour à la ligne"
        return f"{what} interdit dans ce champ d'une ligne ({code})", "écrivez ce texte sur une seule ligne"
    return f"caractère invisible interdit ({code})", "retirez-le : il vient souvent d'un copier-coller"


def _one_line(value: str) -> str:
    if problem := character_problem(value, multiline=False):
        message, hint = problem
        raise PydanticCustomError("one_line", message, {"hint": hint})
    return value


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
# A text of one line: a title, a name, an owner (printed as is in `declic review`'s lines).
Line = Annotated[Text, AfterValidator(_one_line)]
Minutes = Annotated[int, Field(ge=1, le=100_000)]
# Characters a web address never holds unencoded, and that Markdown or HTML would read as syntax.
_NOT_IN_ADDRESS = re.compile(r"""[\s<>"'()\[\]{}|\\^`]""")


def _plain_address(value: object) -> object:
    if not isinstance(value, str) or not value.strip().startswith("https://"):
        return value  # the scheme's own error says more
    if found := _NOT_IN_ADDRESS.search(value.strip()):
        character = found.group()
        shown = "une espace" if character.isspace() else f"« {character} »"
        raise PydanticCustomError(
            "url_character",
            "caractère interdit dans une adresse web : {shown}",
            {
                "shown": shown,
                "hint": f"écrivez « %{ord(character):02X} » à sa place, ou copiez l'adresse depuis le navigateur",
            },
        )
    return value


# Links that leave the site: https only, so no `javascript:` or plain-http address reaches a page,
# and nothing in them that a page could read as markup.
HttpsUrl = Annotated[AnyUrl, UrlConstraints(allowed_schemes=["https"]), BeforeValidator(_plain_address)]


class Model(BaseModel):
    """Strict base: unknown fields are errors, values never change after loading."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Entity(Model):
    """One YAML file. Its id is the file name, so it is set by the loader, not written."""

    former_ids: tuple[Id, ...] = Field(
        default=(),
        description="Anciens identifiants de cette fiche : leurs adresses redirigent vers la nouvelle.",
    )


class Estimate(Model):
    """Who put a figure forward and how, when no source measured it."""

    by: Line = Field(description="Qui a estimé ce chiffre (« l'équipe éditoriale de Déclic »).")
    method: Text = Field(
        description="Comment, en une phrase : le calcul et ses hypothèses (« trois devis par semaine × 40 min »)."
    )


class Figure(Model):
    """A figure says where it comes from: a source and the passage that contains it, or an estimate
    with who made it and how, never both and never neither."""

    source: Id | None = Field(
        default=None, description="Source qui contient ce chiffre (dossier usecases/sources/), avec passage."
    )
    passage: Text | None = Field(
        default=None,
        description="Le court passage ou la page de la source où se lit ce chiffre, cité entre « ».",
    )
    estimate: Estimate | None = Field(
        default=None, description="À la place d'une source : qui a estimé ce chiffre et comment."
    )

    @model_validator(mode="after")
    def _sourced_or_estimated(self) -> Figure:
        if self.estimate is not None and (self.source or self.passage):
            raise PydanticCustomError(
                "figure_both",
                "un chiffre est soit tiré d'une source, soit estimé, pas les deux",
                {
                    "field": "estimate",
                    "hint": "gardez source et passage si la source contient ce chiffre, sinon gardez estimate seul",
                },
            )
        if self.estimate is None and not (self.source and self.passage):
            missing = "passage" if self.source else "source"
            raise PydanticCustomError(
                "figure_unsourced",
                "chiffre sans origine : il faut une source avec son passage, ou une estimation",
                {
                    "field": missing,
                    "hint": "ajoutez source et passage, le court passage de la source qui contient ce chiffre ; "
                    "ou, s'il n'est écrit nulle part, estimate avec by (qui l'estime) et method (comment)",
                },
            )
        return self


class Fact(Figure):
    """A figure or fact quoted on the site: always shown with where it comes from."""

    text: Text = Field(description="Le chiffre ou le fait, en une phrase (« 13 % des TPE/PME… »).")
