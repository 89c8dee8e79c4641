"""Learning paths: the four stages of the method, chosen from the catalog for a role or a persona.

Pure functions of the Catalog. A path takes prompts that fit the learner (trade, role, obstacles,
level) and paces them by the acculturation profile: a tired sceptic gets fewer, shorter steps.
"""

from __future__ import annotations

from dataclasses import dataclass
from math import ceil

from .catalog import Catalog
from .schema import Prompt

MONTHLY_RITUAL_MINUTES = 30


@dataclass(frozen=True)
class Step:
    kind: str  # "irritant", "card", "sheet", "follow-up" or "ritual"
    title: str
    target: str | None  # docs path of the page it leads to
    minutes: int
    note: str = ""


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
    def longest_step(self) -> int:
        """The longest learning step; follow-ups and the monthly ritual are another rhythm."""
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


def _card_target(catalog: Catalog, learner: Learner, prompt: Prompt) -> tuple[str, str] | None:
    """The card of this learner's trade for this prompt, as (docs path, irritant id), if it exists."""
    if learner.trade is None:
        return None
    for irritant_id in prompt.irritants:
        if irritant_id in catalog.trades[learner.trade].irritants:
            return f"cas-usage/{learner.trade}/{irritant_id}.md", irritant_id
    return None


def _interest(catalog: Catalog, learner: Learner, prompt_ids: list[str]):
    for prompt_id in prompt_ids:
        prompt = catalog.prompts[prompt_id]
        card = _card_target(catalog, learner, prompt)
        irritant_id = card[1] if card else prompt.irritants[0]
        irritant = catalog.irritants[irritant_id]
        yield Step(
            "card" if card else "irritant",
            irritant.title,
            card[0] if card else f"irritants/{irritant_id}.md",
            prompt.duration_minutes,
            f"« {irritant.quote} »",
        )


def _practice(catalog: Catalog, learner: Learner, prompt_id: str) -> Step:
    prompt = catalog.prompts[prompt_id]
    card = _card_target(catalog, learner, prompt)
    if card:
        return Step("card", prompt.title, card[0], prompt.duration_minutes, catalog.irritants[card[1]].title)
    return _sheet(catalog, prompt_id)


def _sheet(catalog: Catalog, prompt_id: str) -> Step:
    prompt = catalog.prompts[prompt_id]
    return Step("sheet", prompt.title, f"fiches/{prompt_id}.md", prompt.duration_minutes, prompt.sheet.objective)


def _consolidation(catalog: Catalog, prompt_ids: list[str]) -> tuple[Step, ...]:
    redo = [catalog.prompts[prompt_id] for prompt_id in dict.fromkeys(prompt_ids)]
    minutes = sum(ceil(prompt.duration_minutes / 2) for prompt in redo)
    titles = ", ".join(f"« {prompt.title} »" for prompt in redo)
    return (
        Step("follow-up", "J+15 : refaire seul", None, minutes, f"Refaites seul, sans la fiche : {titles}."),
        Step(
            "follow-up",
            "J+30 : adapter à un nouveau cas",
            None,
            minutes,
            "Appliquez chaque prompt à une situation nouvelle et partagez le meilleur résultat avec l'équipe.",
        ),
        Step(
            "ritual",
            "Chaque mois : le rituel « IA du mois »",
            None,
            MONTHLY_RITUAL_MINUTES,
            "Une demi-heure en équipe pour montrer une réussite, un raté et une nouvelle idée.",
        ),
    )
