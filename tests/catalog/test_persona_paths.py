"""Each persona's path fits the person it is named after: what its story needs comes as steps, no step
comes twice, the level it aims for is reached, one thing at a time when it says so, and someone who
works alone is never sent back to « l'équipe »."""

from __future__ import annotations

from functools import cache

import pytest

from conftest import ROOT
from declic.build import load_and_link
from declic.catalog.paths import learners, learning_path, step_limit
from declic.site.project import load_project


@cache
def catalog():
    return load_and_link(load_project(ROOT / "mkdocs.yml"))


@cache
def paths():
    return {learner.id: learning_path(catalog(), learner) for learner in learners(catalog())}


PERSONAS = sorted(catalog().personas)


def steps(path, *keys):
    return [step for stage in path.stages if not keys or stage.key in keys for step in stage.steps]


def rank(level_id: str) -> int:
    return catalog().levels[level_id].rank


@pytest.mark.parametrize("persona_id", PERSONAS)
def test_each_need_its_story_names_is_a_step_of_its_path(persona_id):
    persona, path = catalog().personas[persona_id], paths()[persona_id]
    learning = steps(path, "interest", "quick-wins", "skills")
    taught = {step.prompt for step in learning if step.prompt}
    irritants = {step.ref.split("/")[-1] for step in learning if step.kind in ("card", "irritant")}
    irritants |= {irritant for prompt_id in taught for irritant in catalog().prompts[prompt_id].irritants}
    for irritant_id in persona.starts_with:
        assert f"{persona.trade}/{irritant_id}" in {step.ref for step in steps(path, "interest")}, irritant_id
    for need in persona.needs:
        answers = [need.irritant, need.prompt, need.obstacle, need.follow_up or None, need.one_at_a_time or None]
        assert any(answers), f"{persona_id}: « {need.text} » ne dit pas ce qui y répond"
        if need.irritant:
            assert need.irritant in irritants, (persona_id, need.text)
        if need.prompt:
            assert need.prompt in taught, (persona_id, need.text)
        if need.obstacle:
            assert need.obstacle in persona.obstacles, (persona_id, need.text)
        if need.follow_up:
            assert {step.kind for step in steps(path, "consolidation")} >= {"follow-up", "ritual"}
        if need.one_at_a_time:
            assert len(steps(path, "quick-wins")) <= 1, (persona_id, need.text)


@pytest.mark.parametrize("path_id", sorted(paths()))
def test_no_step_repeats_another(path_id):
    learning = steps(paths()[path_id], "interest", "quick-wins", "skills")
    prompts = [step.prompt for step in learning if step.prompt]
    pages = [step.target for step in learning]
    assert len(prompts) == len(set(prompts)), prompts
    assert len(pages) == len(set(pages)), pages


def test_who_works_alone_is_never_sent_to_a_team():
    alone = {persona_id for persona_id, persona in catalog().personas.items() if persona.works_alone}
    assert {"nadia-secretaire-de-mairie", "sebastien-peintre-a-son-compte"} <= alone
    for persona_id in alone:
        for step in steps(paths()[persona_id], "consolidation"):
            assert "équipe" not in f"{step.title} {step.note}", (persona_id, step.note)
        assert "conseiller numérique" in " ".join(step.note for step in steps(paths()[persona_id], "consolidation"))
    assert "équipe" in " ".join(step.note for step in steps(paths()["harry-logisticien"], "consolidation"))


@pytest.mark.parametrize("persona_id", PERSONAS)
def test_the_level_aimed_for_is_reached_and_basics_skipped_by_who_finds_them_boring(persona_id):
    persona, path = catalog().personas[persona_id], paths()[persona_id]
    profile = catalog().profiles[persona.profile]
    level_of = lambda prompt_id: rank(catalog().prompts[prompt_id].level)
    met = {step.prompt for step in steps(path, "interest")}
    fitting = [
        prompt_id
        for prompt_id, prompt in catalog().prompts.items()
        if persona.role in prompt.roles
        and any(prompt_id in card.prompt_ids for card in catalog().cards_of_trade(persona.trade))
    ]
    skills = [step.prompt for step in steps(path, "skills")]
    if rank(persona.level) > 1 and any(level_of(p) >= rank(persona.level) for p in fitting if p not in met):
        assert any(level_of(p) >= rank(persona.level) for p in skills), (persona_id, skills)
    if profile.skips_basics and rank(persona.level) > 1:
        for step in steps(path, "interest", "quick-wins", "skills"):
            assert level_of(step.prompt) > 1, (persona_id, step.prompt)


@pytest.mark.parametrize("persona_id", PERSONAS)
def test_one_thing_at_a_time_means_one_quick_win(persona_id):
    persona = catalog().personas[persona_id]
    said = [*catalog().profiles[persona.profile].needs, *(need.text for need in persona.needs)]
    if any("à la fois" in text for text in said):
        assert len(steps(paths()[persona_id], "quick-wins")) == 1, persona_id


@pytest.mark.parametrize("path_id", sorted(paths()))
def test_only_a_skill_the_story_names_or_the_level_needs_is_longer_than_the_pace(path_id):
    path = paths()[path_id]
    limit = step_limit(catalog().profiles[path.learner.profile].step_minutes)
    for step in steps(path, "interest", "quick-wins"):
        assert step.minutes <= limit, (path_id, step.title)
    for step in steps(path, "skills"):
        assert step.minutes <= limit or step.prompt in path.beyond_pace, (path_id, step.title)
