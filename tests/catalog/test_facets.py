"""The facets of each card in catalogue.json, checked against the YAML files they come from."""

from __future__ import annotations

import yaml

from conftest import ROOT


def yaml_files(folder: str) -> dict[str, dict]:
    return {path.stem: yaml.safe_load(path.read_text(encoding="utf-8")) for path in (ROOT / folder).glob("*.yaml")}


def test_each_card_has_the_facets_of_its_trade_irritant_and_prompts(default_catalog):
    irritants = yaml_files("usecases/irritants")
    prompts = yaml_files("usecases/prompts")
    levels = yaml_files("personas/levels")
    cards = [page for page in default_catalog["pages"] if page["kind"] == "card"]
    assert cards
    for card in cards:
        trade_id, irritant_id = card["id"].split("/")
        solving = [prompt for prompt in prompts.values() if irritant_id in prompt["irritants"]]
        facets = card["facets"]
        assert facets["trade"] == trade_id
        assert facets["category"] == irritants[irritant_id]["category"]
        assert facets["obstacles"] == irritants[irritant_id].get("obstacles", [])
        assert set(facets["levels"]) == {prompt["level"] for prompt in solving}
        assert [levels[level]["rank"] for level in facets["levels"]] == sorted(
            levels[level]["rank"] for level in facets["levels"]
        )
        assert facets["duration"] == min(prompt["duration_minutes"] for prompt in solving)
        assert facets["labels"]["levels"] == [levels[level]["title"] for level in facets["levels"]]
