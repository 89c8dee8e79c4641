"""Raw documents → typed entities, each checked against the schema of its kind.

Takes what `load` returns; gives one pydantic model per file, keyed by kind and id. Pydantic's
errors are turned into French messages pointing at the file, line and field. No cross-reference
is checked here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from pydantic import BaseModel, ValidationError
from slugify import slugify

from declic.catalog.load import FieldPath, RawDocument, format_field
from declic.catalog.schema.base import Entity
from declic.catalog.schema.types import element, is_model, without_none
from declic.errors import CatalogError, Issue, suggest

Entities = dict[str, dict[str, Entity]]  # kind name → id → entity


def validate(documents: tuple[RawDocument, ...], earlier: Iterable[Issue] = ()) -> Entities:
    """`earlier`: problems of the files that could not be read, reported with this stage's at once."""
    entities: Entities = {}
    issues: list[Issue] = list(earlier)
    for document in documents:
        try:
            entity = document.kind.model.model_validate(document.data)
        except ValidationError as error:
            issues.extend(_issues(document, error))
            continue
        entities.setdefault(document.kind.name, {})[document.id] = entity
    if issues:
        raise CatalogError(issues, partial=entities)
    return entities


def _issues(document: RawDocument, error: ValidationError) -> list[Issue]:
    return schema_issues(error, document.kind.model, document.file, document.line, entity_id=document.id)


def schema_issues(
    error: ValidationError,
    model: type[BaseModel],
    file: str,
    line: Callable[[FieldPath], int | None],
    prefix: FieldPath = (),
    entity_id: str | None = None,
) -> list[Issue]:
    """Pydantic's errors for one file → French problems with line and field; `prefix` is where the
    validated object sits in the file (`extra.declic` in mkdocs.yml)."""
    items = error.errors(include_url=False)
    # A list whose items are wrong is also reported "too short" once they are dropped: say it once.
    wrong_items = {tuple(item["loc"][:-1]) for item in items if item["loc"] and isinstance(item["loc"][-1], int)}
    issues = []
    for item in items:
        loc: FieldPath = tuple(part for part in item["loc"] if part != "[key]")  # a dict key's own error
        if item["type"] == "too_short" and loc in wrong_items:
            continue
        if "field" in item.get("ctx", {}):  # a rule across fields names the one it is about
            loc = (*loc, item["ctx"]["field"])
        message, hint = _explain(model, loc, item, entity_id)
        where = (*prefix, *(loc[:-1] if item["type"] == "missing" else loc))
        issues.append(Issue(file, line(where), format_field((*prefix, *loc)), message, hint))
    return issues


def _explain(
    model: type[BaseModel], loc: FieldPath, item: dict[str, Any], entity_id: str | None
) -> tuple[str, str | None]:
    kind, ctx, value = item["type"], item.get("ctx", {}), item.get("input")
    if kind == "missing":
        if loc and isinstance(loc[-1], int):  # a fixed-length tuple (the quiz) one item short
            return f"{_ordinal(loc[-1] + 1)} élément manquant", _description(model, loc[:-1])
        return "champ obligatoire manquant", _description(model, loc)
    if value is None and kind.endswith("_type"):
        return "valeur vide", _description(model, loc) or "écrivez une valeur après « : », ou retirez la ligne"
    if kind == "extra_forbidden":
        if loc == ("id",) and entity_id is not None:
            return "champ inconnu", _id_hint(entity_id, value)
        return "champ inconnu", suggest(str(loc[-1]), _field_names(model, loc[:-1])) or (
            "champs possibles : " + ", ".join(sorted(_field_names(model, loc[:-1])))
        )
    if kind == "string_pattern_mismatch" and ctx.get("pattern", "").startswith("^#"):
        return f"couleur en « #rrggbb » attendue, trouvé « {value} »", _COLOR_HINTS.get(
            str(value).strip().lower(), "six chiffres hexadécimaux, par exemple « #1f6f8b »"
        )
    if kind == "string_pattern_mismatch":
        if not str(value).strip():
            return "identifiant vide", "écrivez l'identifiant d'une fiche : le nom de son fichier sans « .yaml »"
        if "a-z0-9" in ctx.get("pattern", "") and "_" not in ctx.get("pattern", ""):
            return (
                f"identifiant invalide « {value} » : minuscules sans accent, chiffres et tirets",
                f"écrivez « {slugify(str(value))} »",
            )
        return (
            f"nom invalide « {value} » : minuscules sans accent, chiffres et « _ »",
            f"écrivez « {slugify(str(value), separator='_')} »",
        )
    if kind in ("string_type",):
        return f"texte attendu, trouvé {_shape(value)}", (
            "un texte qui commence par « [ » se met entre guillemets" if isinstance(value, list) else None
        )
    if kind == "int_parsing_size":
        return "nombre bien trop grand", _description(model, loc)
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"nombre entier attendu, trouvé « {value} »", _number_hint(loc, value)
    if kind in ("float_parsing", "float_type"):
        decimal = re.fullmatch(r"\s*(\d+),(\d+)\s*", str(value))
        return f"nombre attendu, trouvé « {value} »", (
            f"écrivez « {decimal.group(1)}.{decimal.group(2)} », avec un point" if decimal else _description(model, loc)
        )
    if kind in ("bool_parsing", "bool_type"):
        return f"« true » ou « false » attendu, trouvé « {value} »", _BOOLEAN_HINTS.get(
            str(value).strip().lower(), "écrivez « true » pour oui, « false » pour non"
        )
    if kind == "greater_than":
        return f"doit valoir plus de {ctx['gt']:g}, trouvé {value}", _description(model, loc)
    if kind == "greater_than_equal":
        return f"doit valoir au moins {ctx['ge']}, trouvé {value}", _description(model, loc)
    if kind == "less_than_equal":
        return f"doit valoir au plus {ctx['le']}, trouvé {value}", _description(model, loc)
    if kind == "string_too_long":
        return f"trop long : {len(str(value))} caractères, {ctx['max_length']} au plus", _description(model, loc)
    if kind == "string_too_short":
        return "ne doit pas être vide", _description(model, loc)
    if kind in ("too_short", "too_long"):
        bound = ctx["min_length"] if kind == "too_short" else ctx["max_length"]
        limit = "au moins" if kind == "too_short" else "au plus"
        return (
            f"{limit} {_items(bound)} attendu{'s' if bound > 1 else ''}, trouvé {ctx['actual_length']}",
            _description(model, loc),
        )
    if kind == "literal_error":
        expected = [option.strip(" '") for option in ctx["expected"].replace(" or ", ", ").split(",")]
        return f"valeur « {value} » inconnue, attendu : {', '.join(expected)}", suggest(str(value), expected)
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return f"des champs « nom: valeur » attendus, trouvé {_shape(value)}", None
    if kind in ("list_type", "tuple_type"):
        hint = None
        if isinstance(value, str) and value.startswith("-"):
            hint = f"mettez une espace après le tiret : « - {value[1:].strip()} »"
        elif isinstance(value, str) and value.strip().lower() in _NOTHING:
            hint = "pour une liste vide, écrivez « [] » ou retirez la ligne"
        elif isinstance(value, str) and "," not in value:
            hint = f"une liste d'un seul élément s'écrit « [{value.strip()}] »"
        return f"une liste attendue (une ligne « - … » par élément), trouvé {_shape(value)}", hint
    if kind in ("url_scheme", "url_parsing", "url_type"):
        return f"adresse web en « https:// » attendue, trouvé « {value} »", _url_hint(value)
    if kind == "value_error":
        return str(item["msg"]).removeprefix("Value error, "), None
    if "hint" in ctx:  # a schema's own rule (PydanticCustomError) carries its French message and hint
        return str(item["msg"]), ctx["hint"]
    return str(item["msg"]), None


_COLOR_HINTS = {
    name: f"« {name} » n'est pas accepté : écrivez « {code} »"
    for name, code in {
        "red": "#d32f2f",
        "rouge": "#d32f2f",
        "blue": "#1976d2",
        "bleu": "#1976d2",
        "green": "#388e3c",
        "vert": "#388e3c",
        "orange": "#f57c00",
        "black": "#000000",
        "noir": "#000000",
        "white": "#ffffff",
        "blanc": "#ffffff",
        "indigo": "#3f51b5",
    }.items()
}
_NOTHING = {"no", "non", "none", "aucun", "aucune", "rien", "false"}
_BOOLEAN_HINTS = {
    "oui": "écrivez « true »",
    "non": "écrivez « false »",
    "vrai": "écrivez « true »",
    "faux": "écrivez « false »",
}


def _id_hint(entity_id: str, value: Any) -> str:
    if value is None or str(value) == entity_id:
        return f"l'identifiant est le nom du fichier, « {entity_id} » : retirez ce champ"
    return (
        f"l'identifiant est le nom du fichier, « {entity_id} » : retirez ce champ, "
        f"ou renommez le fichier « {slugify(str(value)) or entity_id}.yaml »"
    )


def _number_hint(loc: FieldPath, value: Any) -> str | None:
    text = str(value).strip()
    if date := re.fullmatch(r"(\d{4})-\d{1,2}-\d{1,2}", text):
        if loc[-1:] != ("year",):
            return "une date n'est pas un nombre"
        if 1900 <= int(date.group(1)) <= 2100:
            return f"une date n'est pas une année : écrivez « {date.group(1)} »"
        return "écrivez l'année seule, par exemple « 2025 »"
    if number := re.fullmatch(r"(\d+(?:\.\d+)?)[eE]\+?(\d)", text):  # 1e3: YAML reads it as text
        return f"écrivez le nombre en chiffres : « {round(float(number.group()))} »"
    if number := re.fullmatch(r"\d+[.,]\d+", text):
        return f"un nombre entier, sans décimales : par exemple « {round(float(number.group().replace(',', '.')))} »"
    if number := re.match(r"(\d+)\s*[^\d\s.,]", text):
        return f"écrivez le nombre seul, sans unité : « {number.group(1)} »"
    return None


def _url_hint(value: Any) -> str | None:
    text = str(value).strip()
    if text.startswith("http://"):
        return f"écrivez « https://{text.removeprefix('http://')} » si le site l'accepte"
    if re.match(r"^[\w-]+(\.[\w-]+)+(/|$)", text):
        return f"écrivez « https://{text} »"
    return "seuls les liens vers des sites web en https:// sont acceptés"


def _ordinal(number: int) -> str:
    return "1er" if number == 1 else f"{number}e"


def _items(count: int) -> str:
    return f"{count} élément{'s' if count > 1 else ''}"


def _shape(value: Any) -> str:
    if isinstance(value, dict):
        return "des champs"
    if isinstance(value, list):
        return "une liste"
    if value is None:
        return "une valeur vide"
    return f"« {value} »"


def _model_at(model: type[BaseModel], loc: FieldPath) -> type[BaseModel] | None:
    """The model that describes the object at `loc`, following fields, list items and dict values."""
    current: Any = model
    for part in loc:
        if is_model(current):
            field = current.model_fields.get(part) if isinstance(part, str) else None
            if field is None:
                return None
            current = without_none(field.annotation)
        else:
            current = without_none(element(current))
    return current if is_model(current) else None


def _field_names(model: type[BaseModel], loc: FieldPath) -> list[str]:
    target = _model_at(model, loc)
    return list(target.model_fields) if target else []


def _description(model: type[BaseModel], loc: FieldPath) -> str | None:
    target = _model_at(model, loc[:-1])
    if target and isinstance(loc[-1], str) and loc[-1] in target.model_fields:
        return target.model_fields[loc[-1]].description
    return None
