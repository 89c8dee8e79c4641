"""Schema → a new entity file: every field with its description as a comment, required fields
filled with placeholders and existing ids, optional ones commented out. The result passes
`declic check` as it is, so an editor starts from something valid.
"""

from __future__ import annotations

import typing
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel

from declic.build import load_and_link
from declic.catalog.model import Catalog
from declic.catalog.schema import Kind
from declic.catalog.schema.types import is_model, without_none
from declic.commands.targets import check_targets, write_text
from declic.site.project import Project

PLACEHOLDER = "À compléter"
EXAMPLE_VARIABLE = "exemple"
# Fields whose placeholder must satisfy a rule across fields: a prompt uses the variable it declares.
SPECIAL = {
    ("prompts", "text"): f"{PLACEHOLDER} : décrivez la tâche, puis utilisez la variable {{{EXAMPLE_VARIABLE}}}.",
}
# Optional, but the placeholder text uses a variable, and a figure needs an origin: an estimate until
# a source is found.
WRITTEN_ANYWAY = {("prompts", "variables"), ("irritants", "estimate"), ("prompts", "estimate")}


def skeleton(kind: Kind, entity_id: str, catalog: Catalog) -> str:
    references = dict(kind.references)
    lines = [
        f"# yaml-language-server: $schema=../../schemas/{kind.folder.rsplit('/', 1)[-1]}.schema.json",
        f"# Nouvelle fiche « {entity_id} ». Remplacez chaque « {PLACEHOLDER} », puis lancez : declic check",
        "# Les lignes commençant par # sont des commentaires ; retirez le # d'un champ facultatif pour l'utiliser.",
        "",
    ]
    lines += _fields(kind.model, kind.name, (), references, catalog, indent=0)
    return "\n".join(lines) + "\n"


def _fields(
    model: type[BaseModel], kind: str, path: tuple[str, ...], references: dict[str, str], catalog: Catalog, indent: int
) -> list[str]:
    pad = " " * indent
    lines = []
    for name, field in model.model_fields.items():
        required = field.is_required() or (kind, name) in SPECIAL or (kind, name) in WRITTEN_ANYWAY
        note = "" if required else " (facultatif)"
        if field.description:
            lines.append(f"{pad}# {field.description}{note}")
        value_lines = _value(field.annotation, kind, (*path, name), references, catalog, indent)
        body = [f"{pad}{name}:{value_lines[0]}", *value_lines[1:]]
        lines += body if required else [f"{pad}# {line[indent:]}" if line.strip() else line for line in body]
    return lines


def _value(
    annotation: Any, kind: str, path: tuple[str, ...], references: dict[str, str], catalog: Catalog, indent: int
) -> list[str]:
    """The value of a field as YAML lines: the first goes after « name: », the others below it."""
    annotation = without_none(annotation)
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    dotted = ".".join(path)
    if (kind, dotted) in SPECIAL:
        return [f" {_quoted(SPECIAL[(kind, dotted)])}"]
    if is_model(annotation):
        return ["", *_fields(annotation, kind, path, references, catalog, indent + 2)]
    if origin is tuple:
        item = args[0]
        count = len(args) if Ellipsis not in args else 1
        if is_model(item):
            lines = [""]
            for _ in range(count):
                inner = _fields(item, kind, (*path, "*"), references, catalog, indent + 4)
                first = next(index for index, line in enumerate(inner) if not line.lstrip().startswith("#"))
                inner[first] = " " * (indent + 2) + "- " + inner[first].lstrip()
                lines += inner
            return lines
        return [f" [{_scalar(item, kind, path, references, catalog)}]"]
    if origin is dict:
        if path[-1] == "by_trade":
            return [" {}"]
        if path == ("variables",):
            variable = _fields(args[1], kind, (*path, "*"), references, catalog, indent + 4)
            return ["", f"{' ' * (indent + 2)}{EXAMPLE_VARIABLE}:", *variable]
        names = sorted(
            {
                name
                for prompt in catalog.prompts.values()
                for name, variable in prompt.variables.items()
                if variable.from_trade or variable.trade_example
            }
        ) or ["metier"]
        return ["", *(f"{' ' * (indent + 2)}{name}: {PLACEHOLDER}" for name in names)]
    return [f" {_scalar(annotation, kind, path, references, catalog)}"]


def _scalar(annotation: Any, kind: str, path: tuple[str, ...], references: dict[str, str], catalog: Catalog) -> str:
    if path[-1] == "former_ids":
        return "ancien-identifiant"
    if path[-1] == "starts_with":  # an irritant with a card in the trade the skeleton names
        trade = next(iter(catalog.trades), "")
        cards = catalog.cards_of_trade(trade)
        return cards[0].irritant_id if cards else PLACEHOLDER.lower().replace(" ", "-")
    target = references.get(".".join(path))
    if target:
        known = list(getattr(catalog, target))
        return known[0] if known else f"{PLACEHOLDER.lower().replace(' ', '-')}"
    if annotation is bool:
        return "false"
    if annotation is int:
        return "10"
    if typing.get_origin(annotation) is Literal:
        return str(typing.get_args(annotation)[0])
    return PLACEHOLDER


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '\\"') + '"'


def new_entity(project: Project, kind: Kind, entity_id: str) -> tuple[Path, bool]:
    """`declic new`: a valid skeleton file for a new entity in the guide. Returns the file and
    whether it replaces an entity of the catalog the guide builds on. Never overwrites a file."""
    target = project.root / kind.folder / f"{entity_id}.yaml"
    check_targets(project.root, [target])  # first: a link there may also be read as an entity
    catalog = load_and_link(project)
    write_text(project.root, target, skeleton(kind, entity_id, catalog), exclusive=True)  # never overwrites
    return target, entity_id in getattr(catalog, kind.name)
