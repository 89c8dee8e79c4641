"""Linking and what is derived from the linked catalog: cards, filled prompts, paced paths."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT
from declic.build import load_and_link
from declic.catalog.link import disagree, same_task
from declic.catalog.paths import learners, learning_path
from declic.catalog.prompt_text import Segment, fill, variable_names
from declic.cli import main
from declic.errors import CatalogError
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


def _timed_twice(mini: Path, baseline: int, task: int) -> None:
    """The tiny guide's invoice reminder, timed on its prompt (`baseline`) and on its irritant (`task`)."""
    irritant = mini.parent / "usecases" / "irritants" / "relancer-factures.yaml"
    irritant.write_text(
        irritant.read_text(encoding="utf-8").replace(
            "  minutes_per_week: 90\n",
            f"  minutes_per_week: {6 * task}\n  tasks: [{{per: Relance, minutes: {task}, per_week: 6}}]\n",
        ),
        encoding="utf-8",
    )
    prompt = mini.parent / "usecases" / "prompts" / "relance-facture.yaml"
    prompt.write_text(
        prompt.read_text(encoding="utf-8").replace("per: relance,", f"per: relance, baseline_minutes: {baseline},"),
        encoding="utf-8",
    )


def test_two_durations_of_one_task_may_differ_by_a_quarter_at_most():
    assert disagree(25, 15) and disagree(15, 25)
    assert not disagree(25, 22)
    assert not disagree(20, 15)  # exactly a quarter of the larger
    assert same_task("Rapport d’intervention", " rapport  d'intervention")
    assert not same_task("relance de facture", "deuxième relance")


@pytest.mark.parametrize(("baseline", "task", "stops"), [(25, 15, True), (25, 22, False)])
def test_in_declic_s_own_catalog_a_task_timed_twice_differently_stops_the_build(
    mini, monkeypatch, baseline, task, stops
):
    monkeypatch.setattr("declic.build._figures_stop", lambda project: True)
    _timed_twice(mini, baseline, task)
    if not stops:
        assert load_and_link(load_project(mini)).figure_notices == ()
        return
    with pytest.raises(CatalogError) as error:
        load_and_link(load_project(mini))
    (issue,) = error.value.issues
    assert (issue.file, issue.field) == ("usecases/prompts/relance-facture.yaml", "time_saved.baseline_minutes")
    assert issue.message == (
        "25 min par relance, mais l'irritant « relancer-factures » compte 15 min pour la même tâche : "
        "plus d'un quart d'écart"
    )
    assert "cost.tasks[0].minutes (usecases/irritants/relancer-factures.yaml:" in issue.hint


def test_in_an_organisation_s_guide_it_is_listed_and_the_guide_still_builds(mini):
    _timed_twice(mini, 25, 15)
    assert [issue.field for issue in load_and_link(load_project(mini)).figure_notices] == [
        "time_saved.baseline_minutes"
    ]
    result = CliRunner().invoke(main, ["check", "-f", str(mini)])
    assert result.exit_code == 0, result.output
    assert "Durées d'une même tâche en désaccord (1)\u00a0:\n  usecases/prompts/relance-facture.yaml:" in result.output
