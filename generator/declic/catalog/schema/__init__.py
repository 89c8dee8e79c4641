"""One schema per kind of YAML file, and everything else Déclic knows of each kind: where its files
live, what it is called in French, its `declic new` name and the other kinds its fields point to.
Every other module derives what it needs from `KINDS`: adding a kind is one entry here.
"""

from __future__ import annotations

from dataclasses import dataclass

from declic.catalog.schema.base import Entity
from declic.catalog.schema.irritant import Irritant
from declic.catalog.schema.law import Law
from declic.catalog.schema.persona import Persona
from declic.catalog.schema.prompt import Prompt
from declic.catalog.schema.trade import Trade
from declic.catalog.schema.vocabulary import Category, Level, Obstacle, Profile, Role, Source


@dataclass(frozen=True)
class Kind:
    name: str  # plural, as used in the Catalog and in catalogue.json
    folder: str  # relative to the catalog root
    model: type[Entity]
    command: str  # `declic new <command>`
    label: str  # one of them, in an error message: « métier « x » introuvable »
    title: str  # its section of the reference page
    # (field path, kind it points to); "*" walks every item of a list.
    references: tuple[tuple[str, str], ...] = ()
    counted_as: str = ""  # its words in `declic check`'s summary; "": not counted there
    listed_as: str = ""  # the kind of page each of them has, for the `declic_list` macro


KINDS: tuple[Kind, ...] = (
    Kind("sources", "usecases/sources", Source, "source", "source", "Sources"),
    Kind(
        "categories",
        "usecases/categories",
        Category,
        "category",
        "catégorie",
        "Catégories d'irritants",
    ),
    Kind(
        "obstacles",
        "usecases/obstacles",
        Obstacle,
        "obstacle",
        "frein",
        "Freins",
        references=(("source", "sources"),),
        listed_as="index",
    ),
    Kind(
        "irritants",
        "usecases/irritants",
        Irritant,
        "irritant",
        "irritant",
        "Irritants",
        references=(
            ("category", "categories"),
            ("obstacles", "obstacles"),
            ("cost.source", "sources"),
            ("facts.*.source", "sources"),
            ("laws", "laws"),
        ),
        counted_as="irritants",
        listed_as="index",
    ),
    Kind(
        "trades",
        "usecases/trades",
        Trade,
        "trade",
        "métier",
        "Métiers",
        references=(("irritants", "irritants"), ("excluded_prompts", "prompts"), ("facts.*.source", "sources")),
        counted_as="métiers",
        listed_as="index",
    ),
    Kind(
        "prompts",
        "usecases/prompts",
        Prompt,
        "prompt",
        "prompt",
        "Prompts et micro-fiches",
        references=(
            ("irritants", "irritants"),
            ("roles", "roles"),
            ("level", "levels"),
            ("time_saved.source", "sources"),
            ("facts.*.source", "sources"),
            ("excluded_trades", "trades"),
            ("laws", "laws"),
        ),
        counted_as="prompts",
    ),
    Kind("levels", "personas/levels", Level, "level", "niveau", "Niveaux"),
    Kind(
        "profiles",
        "personas/profiles",
        Profile,
        "profile",
        "profil",
        "Profils d'acculturation",
        references=(("source", "sources"),),
    ),
    Kind(
        "roles",
        "personas/roles",
        Role,
        "role",
        "rôle",
        "Rôles",
        references=(("profile", "profiles"), ("level", "levels"), ("source", "sources")),
        counted_as="rôles",
        listed_as="path",
    ),
    Kind(
        "personas",
        "personas/people",
        Persona,
        "persona",
        "persona",
        "Personas",
        references=(
            ("profile", "profiles"),
            ("role", "roles"),
            ("level", "levels"),
            ("trade", "trades"),
            ("starts_with", "irritants"),
            ("obstacles", "obstacles"),
            ("needs.irritant", "irritants"),
            ("needs.prompt", "prompts"),
            ("needs.obstacle", "obstacles"),
            ("source", "sources"),
        ),
        counted_as="personas",
        listed_as="path",
    ),
    Kind("laws", "usecases/laws", Law, "law", "affirmation juridique", "Ce que dit la loi"),
)
KINDS_BY_NAME = {kind.name: kind for kind in KINDS}
KINDS_BY_COMMAND = {kind.command: kind for kind in KINDS}
