"""Linking and what is derived from the linked catalog: cards, filled prompts, paced paths."""

from __future__ import annotations

from conftest import ROOT
from declic.build import load_and_link
from declic.catalog.paths import learners, learning_path
from declic.catalog.prompt_text import Segment, fill, variable_names
from declic.site.project import load_project


def test_a_card_exists_for_each_trade_irritant_pair_a_prompt_solves(mini):
    catalog = load_and_link(load_project(mini))
    assert [card.id for card in catalog.cards] == [
        "fleuriste/relancer-factures",
        "plombier/relancer-factures",
        "plombier/ecrire-devis",
    ]
    assert catalog.cards_of_irritant("relancer-factures")[0].prompt_ids == ("relance-facture",)


def test_only_lowercase_names_in_braces_are_variables():
    text = "Bonjour {client}, voici {{ jinja }}, {Majuscule} et {a b}."
    assert variable_names(text) == ["client"]
    assert fill(text, {}) == (
        Segment("Bonjour "),
        Segment("client", variable="client"),
        Segment(", voici {{ jinja }}, {Majuscule} et {a b}."),
    )
    assert fill(text, {"client": "Mme Durand"}) == (
        Segment("Bonjour Mme Durand, voici {{ jinja }}, {Majuscule} et {a b}."),
    )


def test_a_tired_sceptic_gets_fewer_and_shorter_steps_than_a_self_taught_early_adopter():
    catalog = load_and_link(load_project(ROOT / "mkdocs.yml"))
    paths = {learner.id: learning_path(catalog, learner) for learner in learners(catalog)}
    by_profile = {}
    for path in paths.values():
        by_profile.setdefault(path.learner.profile, []).append(path)

    def learning_steps(path):
        return [step for stage in path.stages if stage.key in ("quick-wins", "skills") for step in stage.steps]

    tired, eager = by_profile["reticent-fatigue"], by_profile["autodidacte-connecte"]
    # Steps must also fit each person's trade and role, so a small catalog caps some eager paths:
    # compared on average, and on the longest step.
    average = lambda group: sum(len(learning_steps(path)) for path in group) / len(group)
    assert average(tired) < average(eager)
    assert max(path.longest_step for path in tired) < max(path.longest_step for path in eager)
    for path in paths.values():
        assert [stage.key for stage in path.stages] == ["interest", "quick-wins", "skills", "consolidation"]
        assert all(stage.steps for stage in path.stages), path.learner.id
        assert path.minutes == sum(step.minutes for stage in path.stages for step in stage.steps)
