"""Building blocks shared by every schema: ids, texts, facts with their source.

Pydantic models here describe one YAML file each; they check shapes and values, never
cross-references (that is `link.py`'s job).
"""

from __future__ import annotations

from typing import Annotated

from pydantic import AnyUrl, BaseModel, ConfigDict, Field, StringConstraints, UrlConstraints

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Minutes = Annotated[int, Field(ge=1, le=100_000)]
# Links that leave the site: https only, so no `javascript:` or plain-http address reaches a page.
HttpsUrl = Annotated[AnyUrl, UrlConstraints(allowed_schemes=["https"])]


class Model(BaseModel):
    """Strict base: unknown fields are errors, values never change after loading."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Entity(Model):
    """One YAML file. Its id is the file name, so it is set by the loader, not written."""

    former_ids: tuple[Id, ...] = Field(
        default=(),
        description="Anciens identifiants de cette fiche : leurs adresses redirigent vers la nouvelle.",
    )


class Fact(Model):
    """A figure or fact quoted on the site: always shown with where it comes from."""

    text: Text = Field(description="Le chiffre ou le fait, en une phrase (« 13 % des TPE/PME… »).")
    source: Id = Field(description="Identifiant de la source (dossier usecases/sources/).")
