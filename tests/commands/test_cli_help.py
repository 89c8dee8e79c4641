"""Every help screen of `declic` is French: click's headings, usage line and option markers too."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from declic.cli import main

ENGLISH = ("Usage:", "Options:", "Commands:", "Show this message", "Show the version", "[default:", "[required]")
COMMANDS = sorted(main.commands)


def _assert_french(text: str) -> None:
    assert "Utilisation" in text
    assert "Options" in text
    for english in ENGLISH:
        assert english not in text, english


@pytest.mark.parametrize("command", [[], *([name] for name in COMMANDS)], ids=["declic", *COMMANDS])
def test_help_is_french(command: list[str]) -> None:
    result = CliRunner().invoke(main, [*command, "--help"])
    assert result.exit_code == 0, result.output
    _assert_french(result.output)
    for metavar in (" TEXT", " PATH", " FOLDER", " KIND", " PATH_ID", "%Y"):
        assert metavar not in result.output, metavar


def test_group_help_lists_commands_in_french() -> None:
    output = CliRunner().invoke(main, ["--help"]).output
    assert "Commandes\u00a0:" in output
    assert "COMMANDE [ARGUMENTS]" in output
    assert "Affiche cette aide." in output


def test_option_markers_are_french() -> None:
    output = re.sub(r"[ \n]+", " ", CliRunner().invoke(main, ["calendar", "--help"]).output)  # lines unwrapped
    assert "[obligatoire]" in output
    assert "par\u00a0défaut\u00a0: mkdocs.yml" in output


def test_installed_command_help_is_french() -> None:
    """The `declic` program itself, as a user runs it: `declic --help` and `declic build --help`."""
    script = Path(sys.executable).with_name("declic")
    for args in ([], ["build"]):
        done = subprocess.run([str(script), *args, "--help"], capture_output=True, text=True, check=True)
        _assert_french(done.stdout)


def test_usage_error_shows_the_french_usage_line() -> None:
    result = CliRunner().invoke(main, ["bild"], prog_name="declic")
    assert result.exit_code == 2
    assert "Utilisation\u00a0: declic [OPTIONS]" in result.output
    assert "Usage" not in result.output


def test_every_subcommand_is_french() -> None:
    """A command added with `@main.command` gets the French help screen without asking."""
    assert all(isinstance(command, click.Command) for command in main.commands.values())
    assert {type(command).__name__ for command in main.commands.values()} == {"FrenchCommand"}
