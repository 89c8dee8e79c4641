"""Reading type annotations of the schemas: shared by the error messages, the reference page and
the skeletons of `declic new`, which all walk the same models."""

from __future__ import annotations

import types
import typing
from typing import Any

from pydantic import BaseModel


def is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def without_none(annotation: Any) -> Any:
    """`X | None` → `X`; anything else unchanged."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
        return args[0] if len(args) == 1 else annotation
    return annotation


def element(annotation: Any) -> Any:
    """The type of an item of `tuple[X, ...]` or `list[X]`, or of a value of `dict[str, X]`."""
    args = [arg for arg in typing.get_args(annotation) if arg is not Ellipsis]
    return args[-1] if args else annotation
