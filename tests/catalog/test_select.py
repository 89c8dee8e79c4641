"""The selection stage: what a guide keeps of the inherited catalog, and what follows from it."""

from __future__ import annotations

import pytest

from declic.catalog.load import read_layers
from declic.catalog.schema.settings import Settings
from declic.catalog.select import select
from declic.catalog.validate import validate
from declic.errors import CatalogError
from declic.site.project import load_project


@pytest.fixture
def entities(mini):
    return validate(*read_layers(load_project(mini).catalog_layers, mini))


def test_hiding_an_irritant_trims_trades_and_drops_what_only_it_held(entities):
    kept = select(entities, Settings.model_validate({"hide": {"irritants": ["ecrire-devis"]}}), "mkdocs.yml")
    assert "ecrire-devis" not in kept["irritants"]
    assert kept["trades"]["plombier"].irritants == ("relancer-factures",)
    assert "descriptif-devis" not in kept["prompts"]  # it solved nothing else


def test_keeping_only_one_trade_drops_its_personas_elsewhere(entities):
    kept = select(entities, Settings.model_validate({"only": {"trades": ["fleuriste"]}}), "mkdocs.yml")
    assert list(kept["trades"]) == ["fleuriste"]
    assert "paul-plombier" not in kept["personas"]


def test_an_unknown_id_in_the_settings_is_reported_with_a_suggestion(entities):
    with pytest.raises(CatalogError) as error:
        select(entities, Settings.model_validate({"hide": {"trades": ["plombiers"]}}), "mkdocs.yml")
    assert [issue.format() for issue in error.value.issues] == [
        (
            "mkdocs.yml: extra.declic.hide.trades[0]: « plombiers » introuvable dans le catalogue "
            "(vouliez-vous dire « plombier » ?)"
        )
    ]
