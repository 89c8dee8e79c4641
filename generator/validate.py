"""Raw documents → typed entities, each checked against the schema of its kind.

Takes what `load` returns; gives one pydantic model per file, keyed by kind and id. Pydantic's
errors are turned into French messages pointing at the file, line and field. No cross-reference
is checked here.
"""

from __future__ import annotations

import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError
from slugify import slugify

from .errors import CatalogError, Issue, suggest
from .load import FieldPath, RawDocument, format_field
from .schema.base import Entity

Entities = dict[str, dict[str, Entity]]  # kind name → id → entity


def validate(documents: tuple[RawDocument, ...]) -> Entities:
    entities: Entities = {}
    issues: list[Issue] = []
    for document in documents:
        try:
            entity = document.kind.model.model_validate(document.data)
        except ValidationError as error:
            issues.extend(_issues(document, error))
            continue
        entities.setdefault(document.kind.name, {})[document.id] = entity
    if issues:
        raise CatalogError(issues)
    return entities


def _issues(document: RawDocument, error: ValidationError) -> list[Issue]:
    issues = []
    for item in error.errors(include_url=False):
        loc: FieldPath = tuple(item["loc"])
        message, hint = _explain(document.kind.model, loc, item)
        line = document.line(loc[:-1] if item["type"] == "missing" else loc)
        issues.append(Issue(document.file, line, format_field(loc), message, hint))
    return issues


def _explain(model: type[BaseModel], loc: FieldPath, item: dict[str, Any]) -> tuple[str, str | None]:
    kind, ctx, value = item["type"], item.get("ctx", {}), item.get("input")
    if kind == "missing":
        description = _description(model, loc)
        return "champ obligatoire manquant", description
    if kind == "extra_forbidden":
        if loc == ("id",):
            return "champ inconnu", "l'identifiant est le nom du fichier : retirez ce champ"
        return "champ inconnu", suggest(str(loc[-1]), _field_names(model, loc[:-1])) or (
            "champs possibles : " + ", ".join(sorted(_field_names(model, loc[:-1]))))
    if kind == "string_pattern_mismatch":
        if "a-z0-9" in ctx.get("pattern", "") and "_" not in ctx.get("pattern", ""):
            return (f"identifiant invalide « {value} » : minuscules sans accent, chiffres et tirets",
                    f"écrivez « {slugify(str(value))} »")
        return f"nom invalide « {value} » : minuscules sans accent, chiffres et « _ »", f"écrivez « {slugify(str(value), separator='_')} »"
    if kind in ("string_type",):
        return f"texte attendu, trouvé {_shape(value)}", None
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"nombre entier attendu, trouvé « {value} »", None
    if kind in ("bool_parsing", "bool_type"):
        return f"« true » ou « false » attendu, trouvé « {value} »", None
    if kind == "greater_than_equal":
        return f"doit valoir au moins {ctx['ge']}, trouvé {value}", None
    if kind == "less_than_equal":
        return f"doit valoir au plus {ctx['le']}, trouvé {value}", None
    if kind == "string_too_short":
        return "ne doit pas être vide", _description(model, loc)
    if kind == "too_short":
        return f"au moins {ctx['min_length']} élément(s) attendu(s), trouvé {ctx['actual_length']}", None
    if kind == "too_long":
        return f"au plus {ctx['max_length']} élément(s) attendu(s), trouvé {ctx['actual_length']}", None
    if kind == "literal_error":
        expected = [option.strip(" '") for option in ctx["expected"].replace(" or ", ", ").split(",")]
        return f"valeur « {value} » inconnue, attendu : {', '.join(expected)}", suggest(str(value), expected)
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return f"des champs « nom: valeur » attendus, trouvé {_shape(value)}", None
    if kind in ("list_type", "tuple_type"):
        return f"une liste attendue (une ligne « - … » par élément), trouvé {_shape(value)}", None
    if kind == "value_error":
        return str(item["msg"]).removeprefix("Value error, "), None
    return str(item["msg"]), None


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
        if _is_model(current):
            field = current.model_fields.get(part) if isinstance(part, str) else None
            if field is None:
                return None
            current = _without_none(field.annotation)
        else:
            current = _without_none(_element(current))
    return current if _is_model(current) else None


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _without_none(annotation: Any) -> Any:
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
        return args[0] if len(args) == 1 else annotation
    return annotation


def _element(annotation: Any) -> Any:
    """The type of an item of `tuple[X, ...]`, `list[X]` or of a value of `dict[str, X]`."""
    args = [arg for arg in typing.get_args(annotation) if arg is not Ellipsis]
    return args[-1] if args else annotation


def _field_names(model: type[BaseModel], loc: FieldPath) -> list[str]:
    target = _model_at(model, loc)
    return list(target.model_fields) if target else []


def _description(model: type[BaseModel], loc: FieldPath) -> str | None:
    target = _model_at(model, loc[:-1])
    if target and isinstance(loc[-1], str) and loc[-1] in target.model_fields:
        return target.model_fields[loc[-1]].description
    return None
