"""click's help screens in French: headings, the usage line and the option markers.

click writes them through gettext in English; `FrenchContext` gives every context (the group's and each
subcommand's) a formatter that writes them in French. The text of each command and option is ours.
"""

from __future__ import annotations

import re

import click

_HEADINGS = {"Options": "Options", "Commands": "Commandes", "Positional arguments": "Arguments"}
_MARKERS = [
    (re.compile(r"\bdefault: "), "par\u00a0défaut\u00a0: "),
    (re.compile(r"\benv var: "), "variable d'environnement\u00a0: "),
    (re.compile(r"\brequired\b"), "obligatoire"),
]
_EXTRA = re.compile(r"\[([^\[\]]*)\]$")  # the markers click appends to an option's help: "[default: x; required]"
HELP_OPTION = "Affiche cette aide."


def _markers(text: str) -> str:
    def french(match: re.Match[str]) -> str:
        inside = match[1]
        for pattern, replacement in _MARKERS:
            inside = pattern.sub(replacement, inside)
        return f"[{inside}]"

    return _EXTRA.sub(french, text)


class FrenchHelpFormatter(click.HelpFormatter):
    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, "Utilisation\u00a0: " if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{_HEADINGS.get(heading, heading)}\u00a0:\n")

    def write_dl(self, rows, col_max: int = 30, col_spacing: int = 2) -> None:
        super().write_dl([(term, _markers(text)) for term, text in rows], col_max, col_spacing)


class FrenchContext(click.Context):
    formatter_class = FrenchHelpFormatter


class FrenchCommand(click.Command):
    """A subcommand whose help screen is French; `FrenchGroup` makes its commands of this class."""

    context_class = FrenchContext

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        return french_help_option(super().get_help_option(ctx))


def french_help_option(option: click.Option | None) -> click.Option | None:
    if option is not None:
        option.help = HELP_OPTION
    return option
