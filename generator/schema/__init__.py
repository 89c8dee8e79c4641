"""One schema per kind of YAML file, and where each kind lives on disk."""

from __future__ import annotations

from dataclasses import dataclass

from .base import Entity
from .irritant import Irritant
from .persona import Persona
from .prompt import Prompt
from .trade import Trade
from .vocabulary import Category, Level, Obstacle, Profile, Role, Source


@dataclass(frozen=True)
class Kind:
    name: str  # plural, as used in the Catalog and in catalogue.json
    folder: str  # relative to the catalog root
    model: type[Entity]


KINDS: tuple[Kind, ...] = (
    Kind("sources", "usecases/sources", Source),
    Kind("categories", "usecases/categories", Category),
    Kind("obstacles", "usecases/obstacles", Obstacle),
    Kind("irritants", "usecases/irritants", Irritant),
    Kind("trades", "usecases/trades", Trade),
    Kind("prompts", "usecases/prompts", Prompt),
    Kind("levels", "personas/levels", Level),
    Kind("profiles", "personas/profiles", Profile),
    Kind("roles", "personas/roles", Role),
    Kind("personas", "personas/people", Persona),
)
KINDS_BY_NAME = {kind.name: kind for kind in KINDS}
