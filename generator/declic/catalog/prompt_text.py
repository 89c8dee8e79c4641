"""Prompt variables: finding `{name}` in a prompt and filling them, in plain Python.

A contributor's prompt is never compiled as a template: only `{lowercase_name}` is a variable (not `{{name}}`),
every other character (other braces, Jinja or Markdown syntax) is kept as written.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

# `{{name}}` is not a variable: doubled braces are a prompt's own text (a template it shows).
VARIABLE = re.compile(r"(?<!\{)\{([a-z][a-z0-9_]*)\}(?!\})")


def variable_names(text: str) -> list[str]:
    """Names used in `text`, in order of first use."""
    return list(dict.fromkeys(VARIABLE.findall(text)))


@dataclass(frozen=True)
class Segment:
    """A piece of a filled prompt: literal text, or a blank left for the reader (`variable` set)."""

    text: str
    variable: str | None = None


def fill(text: str, values: Mapping[str, str]) -> tuple[Segment, ...]:
    """Split `text` into literal segments, with `values` substituted, and blanks for the rest."""
    segments: list[Segment] = []
    pending = ""
    for literal, name in _pieces(text):
        pending += literal
        if name is None:
            continue
        if name in values:
            pending += values[name]
            continue
        if pending:
            segments.append(Segment(pending))
            pending = ""
        segments.append(Segment(name, variable=name))
    if pending:
        segments.append(Segment(pending))
    return tuple(segments)


@lru_cache(maxsize=1024)
def _pieces(text: str) -> tuple[tuple[str, str | None], ...]:
    """`text` cut before each variable: (literal, variable name), the last name None. A prompt is
    filled for every card that offers it: it is cut once."""
    pieces = []
    position = 0
    for match in VARIABLE.finditer(text):
        pieces.append((text[position : match.start()], match.group(1)))
        position = match.end()
    pieces.append((text[position:], None))
    return tuple(pieces)
