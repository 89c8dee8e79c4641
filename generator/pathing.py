"""Learning paths: the four stages of the method, chosen from the catalog for a role or a persona.

Pure functions of the Catalog. A path takes prompts that fit the learner (trade, role, obstacles,
level) and paces them by the acculturation profile: a tired sceptic gets fewer, shorter steps.
"""

from __future__ import annotations

from dataclasses import dataclass
from math import ceil

from . import urls
from .catalog import Catalog
from .follow_up import SCHEDULE
from .schema import Prompt


@dataclass(frozen=True)
class Step:
    kind: str  # "irritant", "card", "sheet", "follow-up" or "ritual"
    title: str
    target: str | None  # docs path of the page it leads to
    minutes: int
    note: str = ""
    ref: str = ""  # the id of what it leads to: a card's (trade/irritant), a prompt's, an irritant's
    days: int = 0  # a follow-up: days after the start
    months: int = 0  # a ritual: how many months it repeats


@dataclass(frozen=True)
class Stage:
    key: str
    title: str
    steps: tuple[Step, ...]

    @property
    def minutes(self) -> int:
        return sum(step.minutes for step in self.steps)


@dataclass(frozen=True)
class Learner:
    """Who a path is for: a role, or a persona (who also has a trade and obstacles)."""

    id: str
    kind: str  # "role" or "persona"
    title: str
    role: str
    profile: str
    level: str
    trade: str | None = None
    obstacles: tuple[str, ...] = ()


@dataclass(frozen=True)
class LearningPath:
    learner: Learner
    stages: tuple[Stage, ...]
    prompt_ids: tuple[str, ...]

    @property
    def minutes(self) -> int:
        return sum(stage.minutes for stage in self.stages)

    @property
    def learning_minutes(self) -> int:
        """The time of the learning steps; the follow-ups and the monthly ritual come after."""
        return sum(stage.minutes for stage in self.stages if stage.key != "consolidation")

    @property
    def longest_step(self) -> int:
        """The longest learning step."""
        return max(
            (step.minutes for stage in self.stages if stage.key != "consolidation" for step in stage.steps), default=0
        )


def learners(catalog: Catalog) -> tuple[Learner, ...]:
    roles = (
        Learner(role_id, "role", role.title, role_id, role.profile, role.level)
        for role_id, role in catalog.roles.items()
    )
    personas = (
        Learner(
            persona_id,
            "persona",
            persona.name,
            persona.role,
            persona.profile,
            persona.level,
            persona.trade,
            persona.obstacles,
        )
        for persona_id, persona in catalog.personas.items()
    )
    return (*roles, *personas)


def learning_path(catalog: Catalog, learner: Learner) -> LearningPath:
    profile = catalog.profiles[learner.profile]
    rank = catalog.levels[learner.level].rank
    ranked = sorted(catalog.prompts, key=lambda prompt_id: (-_score(catalog, learner, prompt_id), prompt_id))
    level_of = lambda prompt_id: catalog.levels[catalog.prompts[prompt_id].level].rank

    def pick(count: int, *rules) -> list[str]:
        """The best `count` prompts not yet taken, relaxing the rules one by one if too few fit."""
        for active in range(len(rules), -1, -1):
            chosen = [
                prompt_id
                for prompt_id in ranked
                if prompt_id not in taken and all(rule(prompt_id) for rule in rules[:active])
            ][:count]
            if len(chosen) == count or active == 0:
                taken.extend(chosen)
                return chosen
        return []

    taken: list[str] = []
    short = lambda prompt_id: catalog.prompts[prompt_id].duration_minutes <= profile.step_minutes
    first = pick(1, lambda p: level_of(p) <= rank, short, lambda p: _fits_trade(catalog, learner, p))
    quick = pick(profile.quick_wins, lambda p: level_of(p) <= max(rank, 2), short)
    skills = pick(profile.skills, lambda p: level_of(p) >= rank, lambda p: level_of(p) <= rank + 1)
    # A small catalog runs out of new prompts: the sheet of one already met deepens it instead.
    skills += [p for p in [*first, *quick] if p not in skills][: profile.skills - len(skills)]
    stages = (
        Stage("interest", "Susciter l'intérêt : partir d'un irritant", tuple(_interest(catalog, learner, first))),
        Stage("quick-wins", "Obtenir des victoires rapides", tuple(_practice(catalog, learner, p) for p in quick)),
        Stage("skills", "Structurer les compétences", tuple(_sheet(catalog, p) for p in skills)),
        Stage("consolidation", "Ancrer dans la durée", _consolidation(catalog, [*first, *quick, *skills])),
    )
    return LearningPath(learner, stages, tuple(taken))


def _score(catalog: Catalog, learner: Learner, prompt_id: str) -> int:
    prompt = catalog.prompts[prompt_id]
    score = 4 * _fits_trade(catalog, learner, prompt_id) + 3 * (learner.role in prompt.roles)
    obstacles = {obstacle for irritant in prompt.irritants for obstacle in catalog.irritants[irritant].obstacles}
    score += 2 * len(obstacles & set(learner.obstacles))
    return score - abs(catalog.levels[prompt.level].rank - catalog.levels[learner.level].rank)


def _fits_trade(catalog: Catalog, learner: Learner, prompt_id: str) -> bool:
    if learner.trade is None:
        return True
    lived = catalog.trades[learner.trade].irritants
    return any(irritant in lived for irritant in catalog.prompts[prompt_id].irritants)


def _card_target(catalog: Catalog, learner: Learner, prompt: Prompt) -> str | None:
    """The irritant of this learner's trade that this prompt solves, if any: their card for it."""
    if learner.trade is None:
        return None
    lived = catalog.trades[learner.trade].irritants
    return next((irritant_id for irritant_id in prompt.irritants if irritant_id in lived), None)


def _card_step(learner: Learner, irritant_id: str, title: str, minutes: int, note: str) -> Step:
    target = urls.card(learner.trade, irritant_id)
    return Step("card", title, target, minutes, note, ref=f"{learner.trade}/{irritant_id}")


def _interest(catalog: Catalog, learner: Learner, prompt_ids: list[str]):
    for prompt_id in prompt_ids:
        prompt = catalog.prompts[prompt_id]
        card = _card_target(catalog, learner, prompt)
        irritant_id = card or prompt.irritants[0]
        irritant = catalog.irritants[irritant_id]
        quote = f"« {irritant.quote} »"
        if card:
            yield _card_step(learner, card, irritant.title, prompt.duration_minutes, quote)
        else:
            target = urls.irritant(irritant_id)
            yield Step("irritant", irritant.title, target, prompt.duration_minutes, quote, ref=irritant_id)


def _practice(catalog: Catalog, learner: Learner, prompt_id: str) -> Step:
    prompt = catalog.prompts[prompt_id]
    card = _card_target(catalog, learner, prompt)
    if card:
        return _card_step(learner, card, prompt.title, prompt.duration_minutes, catalog.irritants[card].title)
    return _sheet(catalog, prompt_id)


def _sheet(catalog: Catalog, prompt_id: str) -> Step:
    prompt = catalog.prompts[prompt_id]
    return Step(
        "sheet",
        prompt.title,
        urls.sheet(prompt_id),
        prompt.duration_minutes,
        prompt.sheet.objective,
        ref=prompt_id,
    )


def _consolidation(catalog: Catalog, prompt_ids: list[str]) -> tuple[Step, ...]:
    redo = [catalog.prompts[prompt_id] for prompt_id in dict.fromkeys(prompt_ids)]
    redo_minutes = sum(ceil(prompt.duration_minutes / 2) for prompt in redo)
    titles = ", ".join(f"« {prompt.title} »" for prompt in redo)
    return tuple(
        Step(
            "ritual" if rendezvous.months else "follow-up",
            rendezvous.title,
            None,
            rendezvous.minutes or redo_minutes,
            rendezvous.path_note.format(prompts=titles),
            days=rendezvous.days,
            months=rendezvous.months,
        )
        for rendezvous in SCHEDULE
    )
