"""click's own messages (a mistyped command, a bad date, a missing argument) in French.

click writes them in English; `FrenchGroup` runs the command line itself, catches click's
exceptions and prints them translated, with the same exit codes (2 for a usage error).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable

import click

from declic.commands.french_help import FrenchCommand, FrenchContext, french_help_option
from declic.errors import suggest

_Rule = tuple[re.Pattern[str], Callable[[re.Match[str]], str]]


def _quoted(text: str) -> str:
    return ", ".join(f"« {item} »" for item in re.findall(r"'([^']*)'", text)) or text


_VALUES: list[_Rule] = [
    (
        re.compile(r"'(.*)' is not one of (.*)\.$", re.S),
        lambda m: (
            f"« {m[1]} » n'est pas l'une des valeurs possibles : {_quoted(m[2])}"
            + (f" ({hint})" if (hint := suggest(m[1], re.findall(r"'([^']*)'", m[2]))) else "")
        ),
    ),
    (
        re.compile(r"'(.*)' does not match the formats? (.*)\.$", re.S),
        lambda m: f"« {m[1]} » n'est pas une date au format AAAA-MM-JJ",
    ),
    (re.compile(r"'(.*)' is not a valid integer", re.S), lambda m: f"« {m[1]} » n'est pas un nombre entier"),
    (re.compile(r"(?:File|Directory|Path) '(.*)' does not exist\.", re.S), lambda m: f"« {m[1]} » n'existe pas"),
    (re.compile(r"(?:File|Path) '(.*)' is a directory\.", re.S), lambda m: f"« {m[1]} » est un dossier"),
]
_USAGE: list[_Rule] = [
    (re.compile(r"No such command '(.*)'\.", re.S), lambda m: f"commande « {m[1]} » inconnue"),
    (
        re.compile(r"No such option:? '?([^'\s]+?)'?\.?(?:\s*\(?Did you mean(?: one of:)? (.*?)\?\)?)?$", re.S),
        lambda m: f"option « {m[1]} » inconnue" + (f" (vouliez-vous dire {_quoted(m[2])} ?)" if m[2] else ""),
    ),
    (re.compile(r"Missing argument '(.*)'\.", re.S), lambda m: f"argument « {m[1]} » manquant"),
    (re.compile(r"Missing option '(.*)'\.", re.S), lambda m: f"option « {m[1]} » obligatoire manquante"),
    (re.compile(r"Option '(.*)' requires an argument\.", re.S), lambda m: f"l'option « {m[1]} » attend une valeur"),
    (
        re.compile(r"Option '(.*)' does not take a value\.", re.S),
        lambda m: f"l'option « {m[1]} » ne prend pas de valeur",
    ),
    (re.compile(r"Got unexpected extra arguments? \((.*)\)", re.S), lambda m: f"argument en trop : « {m[1]} »"),
    (
        re.compile(r"Invalid value for '?(.*?)'?: (.*)", re.S),
        lambda m: f"valeur invalide pour « {m[1]} » : {translate(m[2], _VALUES)}",
    ),
]


def translate(message: str, rules: list[_Rule] = _USAGE) -> str:
    for pattern, french in rules:
        if match := pattern.match(message.strip()):
            return french(match)
    return message


def _command_hint(error: click.UsageError) -> str:
    """« did you mean » for a mistyped command name."""
    match = re.match(r"No such command '(.*)'\.", error.format_message())
    group = error.ctx.command if error.ctx else None
    if match and isinstance(group, click.Group):
        hint = suggest(match[1], group.list_commands(error.ctx))
        return f" ({hint})" if hint else ""
    return ""


class FrenchGroup(click.Group):
    """The `declic` group: its usage errors and its help screens, and those of its commands, in French."""

    context_class = FrenchContext
    command_class = FrenchCommand

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("subcommand_metavar", "COMMANDE [ARGUMENTS]...")
        super().__init__(*args, **kwargs)

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        return french_help_option(super().get_help_option(ctx))

    def main(self, *args, **kwargs):  # type: ignore[override]
        kwargs.pop("standalone_mode", None)
        try:
            result = super().main(*args, standalone_mode=False, **kwargs)
        except click.UsageError as error:
            if error.ctx is not None:
                click.echo(error.ctx.get_usage(), err=True)
                click.echo(f"Aide : « {error.ctx.command_path} --help ».", err=True)
            click.secho(f"Erreur : {translate(error.format_message())}{_command_hint(error)}", fg="red", err=True)
            sys.exit(error.exit_code)
        except click.ClickException as error:
            click.secho(f"Erreur : {error.format_message()}", fg="red", err=True)
            sys.exit(error.exit_code)
        except click.Abort:
            click.echo("Interrompu.", err=True)
            sys.exit(1)
        sys.exit(result if isinstance(result, int) else 0)
