"""Material for MkDocs' end of life: `declic build` and `declic serve` say it once per run, in French, and
point to the README's plan (Material prints its own notice only when run as `mkdocs`)."""

from __future__ import annotations

from datetime import date

from click.testing import CliRunner

from declic.cli import main
from declic.site.stack import MATERIAL_END_OF_LIFE, end_of_life_notice

NOTICE = "Material for MkDocs, le thème"


def test_build_says_it_once(mini):
    result = CliRunner().invoke(main, ["build", "-f", str(mini)])
    assert result.exit_code == 0, result.output
    assert result.output.count(NOTICE) == 1
    assert "5 mai 2027" in result.output
    assert "Zensical" in result.output
    assert "Pérennité de la pile" in result.output
    assert "end of life" not in result.output  # Material's own words are not shown as well


def test_other_commands_do_not_say_it(mini):
    assert NOTICE not in CliRunner().invoke(main, ["check", "-f", str(mini)]).output


def test_the_notice_follows_the_date():
    before = end_of_life_notice(date(2026, 12, 1))
    after = end_of_life_notice(MATERIAL_END_OF_LIFE)
    assert "jusqu'au 5 mai 2027" in before and "n'est plus maintenu" not in before
    assert "n'est plus maintenu depuis le 5 mai 2027" in after


def test_the_readme_has_the_section_it_points_to():
    from conftest import ROOT

    assert "## Pérennité de la pile" in (ROOT / "README.md").read_text(encoding="utf-8")
