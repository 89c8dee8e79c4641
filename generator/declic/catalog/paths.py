"""Learning paths: the four stages of the method, chosen from the catalog for a role or a persona.

Pure functions of the Catalog. A path takes prompts that fit the learner (trade, role, obstacles,
level) and paces them by the acculturation profile: a tired sceptic gets fewer, shorter steps. A
persona's path starts on its own trade's card of the irritant its story tells; every step fits its
trade and its role, and none is longer than its profile allows: rather fewer steps than a wrong one.
"""

from __future__ import annotations

from dataclasses import dataclass
from math import ceil

from declic import urls
from declic.catalog.follow_up import SCHEDULE
from declic.catalog.model import Catalog

# The shortest prompt worth a step (fill in, run, check) takes about ten minutes: a five-minute
# profile gets steps of ten minutes at most, the others their own length.
SHORTEST_STEP_MINUTES = 10


def step_limit(profile_minutes: int) -> int:
    """The longest learning step a profile gets, in minutes."""
    return max(profile_minutes, SHORTEST_STEP_MINUTES)


@dataclass(frozen=True)
class Step:
    kind: str  # "irritant", "card", "sheet", "follow-up" or "ritual"
    title: str
    target: str | None  # docs path of the page it leads to
    minutes: int
    note: str = ""
    ref: str = ""  # the id of what it leads to: a card's (trade/irritant), a prompt's, an irritant's
    prompt: str = ""  # the prompt a card or a sheet step teaches
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
    starts_with: tuple[str, ...] = ()  # irritant ids: a persona's path starts on their cards


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
            persona.starts_with,
        )
        for persona_id, persona in catalog.personas.items()
    )
    return (*roles, *personas)


def learning_path(catalog: Catalog, learner: Learner) -> LearningPath:
    profile = catalog.profiles[learner.profile]
    rank = catalog.levels[learner.level].rank
    limit = step_limit(profile.step_minutes)
    ranked = sorted(catalog.prompts, key=lambda prompt_id: (-_score(catalog, learner, prompt_id), prompt_id))
    level_of = lambda prompt_id: catalog.levels[catalog.prompts[prompt_id].level].rank
    short = lambda prompt_id: catalog.prompts[prompt_id].duration_minutes <= limit
    fits = lambda prompt_id: _fits(catalog, learner, prompt_id) and short(prompt_id)
    taken: list[str] = []

    def pick(count: int, *preferred) -> list[str]:
        """The best `count` prompts not yet taken that fit the learner, relaxing the preferences one by
        one if too few fit; never a prompt that does not fit (trade, role, length)."""
        for active in range(len(preferred), -1, -1):
            chosen = [
                prompt_id
                for prompt_id in ranked
                if prompt_id not in taken and fits(prompt_id) and all(rule(prompt_id) for rule in preferred[:active])
            ][:count]
            if len(chosen) == count or active == 0:
                taken.extend(chosen)
                return chosen
        return []

    if learner.starts_with:
        first = _starts(catalog, learner, ranked, fits)
        taken.extend(prompt_id for prompt_id, _ in first)
    else:
        first = [(prompt_id, None) for prompt_id in pick(1, lambda p: level_of(p) <= rank)]
    quick = pick(profile.quick_wins, lambda p: level_of(p) <= max(rank, 2))
    skills = pick(profile.skills, lambda p: level_of(p) >= rank, lambda p: level_of(p) <= rank + 1)
    # A small catalog runs out of new prompts: the sheet of one already met deepens it instead.
    met = [prompt_id for prompt_id, _ in first] + quick
    skills += [p for p in met if p not in skills and short(p)][: profile.skills - len(skills)]
    interest = tuple(_interest(catalog, learner, first))
    # J+15 redoes what a step taught: an irritant's page (no card of the learner's trade) only shows it.
    taught = [prompt_id for (prompt_id, _), step in zip(first, interest, strict=True) if step.kind == "card"]
    stages = (
        Stage("interest", "Susciter l'intérêt : partir d'un irritant", interest),
        Stage("quick-wins", "Obtenir des victoires rapides", tuple(_practice(catalog, learner, p) for p in quick)),
        Stage("skills", "Structurer les compétences", tuple(_sheet(catalog, p) for p in skills)),
        Stage("consolidation", "Ancrer dans la durée", _consolidation(catalog, [*taught, *quick, *skills])),
    )
    return LearningPath(learner, stages, tuple(taken))


def _starts(catalog: Catalog, learner: Learner, ranked: list[str], fits) -> list[tuple[str, str]]:
    """(prompt, irritant) for each irritant a persona starts with: the best prompt of its trade's card,
    one that fits the persona if there is one."""
    cards = {card.irritant_id: card for card in catalog.cards_of_trade(learner.trade or "")}
    chosen: list[tuple[str, str]] = []
    for irritant_id in learner.starts_with:
        card = cards.get(irritant_id)
        if card is None:  # `link` reports it
            continue
        options = [p for p in ranked if p in card.prompt_ids and p not in {c for c, _ in chosen}]
        best = next((p for p in options if fits(p)), options[0] if options else None)
        if best is not None:
            chosen.append((best, irritant_id))
    return chosen


def _score(catalog: Catalog, learner: Learner, prompt_id: str) -> int:
    prompt = catalog.prompts[prompt_id]
    score = 4 * _fits_trade(catalog, learner, prompt_id) + 3 * (learner.role in prompt.roles)
    obstacles = {obstacle for irritant in prompt.irritants for obstacle in catalog.irritants[irritant].obstacles}
    score += 2 * len(obstacles & set(learner.obstacles))
    return score - abs(catalog.levels[prompt.level].rank - catalog.levels[learner.level].rank)


def _fits_trade(catalog: Catalog, learner: Learner, prompt_id: str) -> bool:
    """The learner's trade has a card with this prompt (always true for a role)."""
    return learner.trade is None or _card_target(catalog, learner, prompt_id) is not None


def _fits(catalog: Catalog, learner: Learner, prompt_id: str) -> bool:
    return _fits_trade(catalog, learner, prompt_id) and learner.role in catalog.prompts[prompt_id].roles


def _card_target(catalog: Catalog, learner: Learner, prompt_id: str, irritant_id: str | None = None) -> str | None:
    """The irritant of this learner's trade's card that offers this prompt, if any (`irritant_id`: that one)."""
    if learner.trade is None:
        return None
    for card in catalog.cards_of_trade(learner.trade):
        if prompt_id in card.prompt_ids and irritant_id in (None, card.irritant_id):
            return card.irritant_id
    return None


def _card_step(learner: Learner, irritant_id: str, prompt_id: str, title: str, minutes: int, note: str) -> Step:
    target = urls.card(learner.trade, irritant_id)
    return Step("card", title, target, minutes, note, ref=f"{learner.trade}/{irritant_id}", prompt=prompt_id)


def _interest(catalog: Catalog, learner: Learner, first: list[tuple[str, str | None]]):
    for prompt_id, start in first:
        prompt = catalog.prompts[prompt_id]
        card = _card_target(catalog, learner, prompt_id, start)
        irritant_id = card or prompt.irritants[0]
        irritant = catalog.irritants[irritant_id]
        quote = f"« {irritant.quote} »"
        if card:
            yield _card_step(learner, card, prompt_id, irritant.title, prompt.duration_minutes, quote)
        else:
            target = urls.irritant(irritant_id)
            yield Step("irritant", irritant.title, target, prompt.duration_minutes, quote, ref=irritant_id)


def _practice(catalog: Catalog, learner: Learner, prompt_id: str) -> Step:
    prompt = catalog.prompts[prompt_id]
    card = _card_target(catalog, learner, prompt_id)
    if card:
        return _card_step(
            learner, card, prompt_id, prompt.title, prompt.duration_minutes, catalog.irritants[card].title
        )
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
        prompt=prompt_id,
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
