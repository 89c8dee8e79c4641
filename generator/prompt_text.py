"""Prompt variables: finding `{name}` in a prompt and filling them, in plain Python.

A contributor's prompt is never compiled as a template: only `{lowercase_name}` is a variable,
every other character (other braces, Jinja or Markdown syntax) is kept as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator, Mapping

VARIABLE = re.compile(r"\{([a-z][a-z0-9_]*)\}")


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
    return tuple(_merge(_segments(text, values)))


def _segments(text: str, values: Mapping[str, str]) -> Iterator[Segment]:
    position = 0
    for match in VARIABLE.finditer(text):
        yield Segment(text[position : match.start()])
        name = match.group(1)
        yield Segment(values[name]) if name in values else Segment(name, variable=name)
        position = match.end()
    yield Segment(text[position:])


def _merge(segments: Iterator[Segment]) -> Iterator[Segment]:
    pending = ""
    for segment in segments:
        if segment.variable is None:
            pending += segment.text
            continue
        if pending:
            yield Segment(pending)
            pending = ""
        yield segment
    if pending:
        yield Segment(pending)
