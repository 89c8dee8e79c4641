"""The catalog model of issue 16: figures sourced or estimated, per-trade examples, excluded pairs,
trade never-paste rules and the irritants a persona's path starts with; checked on the tiny guide."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from pydantic import ValidationError

from declic.build import load_and_link
from declic.catalog.coverage import coverage
from declic.catalog.link import card_example
from declic.catalog.paths import learners, learning_path
from declic.catalog.schema.base import Fact
from declic.cli import main
from declic.errors import CatalogError
from declic.pages.plan import plan
from declic.site.project import load_project


def _edit(mini: Path, relative: str, old: str, new: str) -> None:
    path = mini.parent / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{relative}: {old!r}"
    path.write_text(text.replace(old, new), encoding="utf-8")


NUMERO = "  numero: {label: Numéro de facture, description: Le numéro., example: F-2024-012}"
PER_TRADE = (
    "  numero:\n    label: Numéro de facture\n    description: Le numéro.\n    example: F-2024-012\n"
    "    example_for: [plombier]\n    by_trade: {fleuriste: BON-2024-7}"
)


def _per_trade_examples(mini: Path) -> None:
    """The invoice number as each trade writes it: the plumber's, and the florist's own."""
    _edit(mini, "usecases/prompts/relance-facture.yaml", NUMERO, PER_TRADE)


def _problems(mini: Path) -> list[str]:
    with pytest.raises(CatalogError) as error:
        load_and_link(load_project(mini))
    return [issue.format() for issue in error.value.issues]


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"source": "livre-blanc"}, "passage", "chiffre sans origine"),
        ({}, "source", "chiffre sans origine"),
        (
            {"source": "livre-blanc", "passage": "« vingt minutes »", "estimate": {"by": "moi", "method": "au jugé"}},
            "estimate",
            "soit tiré d'une source, soit estimé, pas les deux",
        ),
    ],
)
def test_a_figure_is_sourced_with_its_passage_or_estimated(fields, field, message):
    with pytest.raises(ValidationError) as error:
        Fact(text="Une relance prend vingt minutes.", **fields)
    (item,) = error.value.errors()
    assert item["ctx"]["field"] == field
    assert message in item["msg"]
    assert Fact(text="Vingt minutes.", estimate={"by": "moi", "method": "chronométré sur trois relances"})
    assert Fact(text="Vingt minutes.", source="livre-blanc", passage="« vingt minutes »")


def test_the_error_names_the_file_line_and_field_of_an_unsourced_figure(mini):
    _edit(mini, "usecases/irritants/relancer-factures.yaml", "    passage: « une relance prend vingt minutes »\n", "")
    assert _problems(mini) == [
        "usecases/irritants/relancer-factures.yaml:11: facts[0].passage: chiffre sans origine : il faut une source "
        "avec son passage, ou une estimation (ajoutez source et passage, le court passage de la source qui contient "
        "ce chiffre ; ou, s'il n'est écrit nulle part, estimate avec by (qui l'estime) et method (comment))"
    ]


def test_each_card_shows_its_own_trades_example(mini):
    _per_trade_examples(mini)
    catalog = load_and_link(load_project(mini))
    numero = catalog.prompts["relance-facture"].variables["numero"]
    assert card_example(numero, "plombier") == "F-2024-012"  # the prompt's own, its trade
    assert card_example(numero, "fleuriste") == "BON-2024-7"  # the florist's own
    assert card_example(numero, "menuisier") is None  # another trade's: never shown
    examples = _numero_examples(catalog)
    assert examples == {"fleuriste/relancer-factures": "BON-2024-7", "plombier/relancer-factures": "F-2024-012"}


def _numero_examples(catalog) -> dict[str, str]:
    """Card id → the example its « Numéro de facture » field shows."""
    return {
        page.id: item.examples["numero"]
        for page in plan(catalog)
        if page.kind == "card"
        for item in page.context.prompts
        if item.id == "relance-facture"
    }


def test_check_lists_each_card_that_shows_no_example_of_its_trade(mini):
    """Not a stop (an organisation's own trade may meet a default prompt not written for it yet): the
    card shows no example there, and `declic check` names the file, line and field."""
    _per_trade_examples(mini)
    _edit(mini, "usecases/prompts/relance-facture.yaml", "    by_trade: {fleuriste: BON-2024-7}\n", "")
    catalog = load_and_link(load_project(mini))
    expected = (
        "usecases/prompts/relance-facture.yaml:17: variables.numero.example: sur le cas d'usage du métier "
        "« fleuriste », pas d'exemple : celui du prompt est d'un autre métier (plombier) (ajoutez « fleuriste: … » "
        "sous variables.numero.by_trade, dans les mots de ce métier, ou excluez le couple (excluded_trades))"
    )
    assert [notice.format() for notice in catalog.notices] == [expected]
    examples = _numero_examples(catalog)
    assert examples == {"fleuriste/relancer-factures": "", "plombier/relancer-factures": "F-2024-012"}
    result = CliRunner().invoke(main, ["check", "-f", str(mini)])
    assert result.exit_code == 0
    assert f"Exemples d'un autre métier, non montrés (1)\u00a0:\n  {expected}\n" in result.output


def test_an_example_for_an_unknown_trade_is_reported(mini):
    _per_trade_examples(mini)
    _edit(mini, "usecases/prompts/relance-facture.yaml", "{fleuriste: BON-2024-7}", "{fleuristes: BON-2024-7}")
    expected = "usecases/prompts/relance-facture.yaml:19: variables.numero.by_trade.fleuristes: métier « fleuristes »"
    assert any(problem.startswith(expected) for problem in _problems(mini))


@pytest.mark.parametrize(
    ("relative", "old", "new"),
    [
        (
            "usecases/trades/fleuriste.yaml",
            "irritants: [relancer-factures]",
            "irritants: [relancer-factures]\nexcluded_prompts: [relance-facture]",
        ),
        ("usecases/prompts/relance-facture.yaml", "level: debutant", "level: debutant\nexcluded_trades: [fleuriste]"),
    ],
)
def test_an_excluded_pair_makes_no_card_and_is_listed(mini, relative, old, new):
    _edit(mini, relative, old, new)
    catalog = load_and_link(load_project(mini))
    assert [card.id for card in catalog.cards] == ["plombier/relancer-factures", "plombier/ecrire-devis"]
    summary = coverage(catalog)
    assert summary.excluded_pairs == ("relance-facture × fleuriste",)
    assert summary.pairs_without_card == ()
    assert not any("fleuriste/relancer-factures" in page.links for page in plan(catalog))
    output = CliRunner().invoke(main, ["check", "-f", str(mini)]).output
    assert "Couples prompt × métier exclus (1)\u00a0: relance-facture × fleuriste." in output


def test_a_trades_own_rules_are_printed_on_its_cards(mini):
    result = CliRunner().invoke(main, ["generate", "-f", str(mini)])
    assert result.exit_code == 0, result.output
    docs = mini.parent / "build" / "docs"
    florist = (docs / "cas-usage/fleuriste/relancer-factures.md").read_text(encoding="utf-8")
    plumber = (docs / "cas-usage/plombier/relancer-factures.md").read_text(encoding="utf-8")
    rule = "Le nom et l'adresse de la personne à qui les fleurs sont livrées."
    assert "Dans votre métier (Fleuriste), ne collez jamais" in florist and rule in florist
    assert rule not in plumber
    assert "le nom du client" in florist and "le nom du client" in plumber  # the prompt's own rule, on both


def test_a_persona_path_starts_on_its_trades_card_of_its_irritant(mini):
    catalog = load_and_link(load_project(mini))
    (paul,) = [learner for learner in learners(catalog) if learner.id == "paul-plombier"]
    first = learning_path(catalog, paul).stages[0].steps[0]
    assert first.target == "cas-usage/plombier/relancer-factures.md"


def test_a_persona_cannot_start_with_an_irritant_its_trade_has_no_card_for(mini):
    _edit(
        mini,
        "usecases/trades/plombier.yaml",
        "irritants: [relancer-factures, ecrire-devis]",
        "irritants: [ecrire-devis]",
    )
    assert _problems(mini) == [
        "personas/people/paul-plombier.yaml:6: starts_with[0]: le métier « plombier » n'a pas de cas d'usage pour "
        "l'irritant « relancer-factures » (choisissez un irritant de son métier qu'un prompt résout : ecrire-devis)"
    ]


def test_steps_are_no_longer_than_the_profile_allows(mini):
    catalog = load_and_link(load_project(mini))
    for learner in learners(catalog):
        path = learning_path(catalog, learner)
        assert path.longest_step <= 15, learner.id  # the profile of the tiny guide takes 15-minute steps
