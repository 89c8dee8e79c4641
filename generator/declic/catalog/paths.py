"""Learning paths: the four stages of the method, chosen from the catalog for a role or a persona.

Pure functions of the Catalog. A path takes prompts that fit the learner (trade, role, obstacles,
level) and paces them by the acculturation profile: a tired sceptic gets fewer, shorter steps. A
persona's path starts on its own trade's card of the irritant its story tells, then takes what its
needs name (an irritant, a prompt) before anything else; every step fits its trade and its role, and
none is longer than its profile allows (rather fewer steps than a wrong one), except in the skills
stage a prompt its story names or the one that reaches the level it aims for. No prompt and no card
comes twice; someone who works alone gets follow-ups without « l'équipe ».
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
    focus: tuple[tuple[str, str], ...] = ()  # ("irritant" | "prompt", id) its needs name, in their order
    one_at_a_time: bool = False  # one new thing at a time: one quick win
    works_alone: bool = False  # follow-ups with peers, the trainer, a chamber's digital adviser: no team


@dataclass(frozen=True)
class LearningPath:
    learner: Learner
    stages: tuple[Stage, ...]
    prompt_ids: tuple[str, ...]
    # Skills-stage prompts longer than the profile's pace: named by the story, or reaching the level aimed for.
    beyond_pace: tuple[str, ...] = ()

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
            tuple(
                (kind, value)
                for need in persona.needs
                for kind, value in (("irritant", need.irritant), ("prompt", need.prompt))
                if value
            ),
            any(need.one_at_a_time for need in persona.needs),
            persona.works_alone,
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
    # Someone bored by basics who aims past the first level gets no prompt of the first level.
    first_rank = min(level.rank for level in catalog.levels.values())
    suits = lambda prompt_id: (
        _fits(catalog, learner, prompt_id) and not (profile.skips_basics and level_of(prompt_id) == first_rank < rank)
    )
    fits = lambda prompt_id: suits(prompt_id) and short(prompt_id)
    taken: list[str] = []

    def pick(count: int, *preferred, among=ranked, fit=fits) -> list[str]:
        """The best `count` prompts not yet taken that fit the learner, relaxing the preferences one by
        one if too few fit; never a prompt that does not fit (trade, role, length)."""
        if count <= 0:
            return []
        for active in range(len(preferred), -1, -1):
            chosen = [
                prompt_id
                for prompt_id in among
                if prompt_id not in taken and fit(prompt_id) and all(rule(prompt_id) for rule in preferred[:active])
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
    interest = tuple(_interest(catalog, learner, first))
    # An irritant's page (no card of the learner's trade) only shows its prompt: a later step may teach it.
    shown = {prompt_id for (prompt_id, _), step in zip(first, interest, strict=True) if step.kind != "card"}
    taken = [prompt_id for prompt_id in taken if prompt_id not in shown]
    # What the story names comes first: as quick wins when quick and below the level aimed for (any
    # level for a beginner), else as structured skills.
    named = [p for p in _named(catalog, learner, ranked, suits, fits) if p not in taken]
    quick_count = 1 if learner.one_at_a_time else profile.quick_wins
    easy = lambda p: level_of(p) <= max(rank, 2)
    quick = pick(quick_count, among=[p for p in named if level_of(p) < rank or rank == 1])
    skills = pick(len(named), among=named, fit=suits)
    beyond = [p for p in skills if not short(p)]
    # The level aimed for is reached in the skills stage, even by a step longer than the profile's pace.
    if rank > 1 and not any(level_of(p) >= rank for p in skills):
        reaching = pick(1, lambda p: level_of(p) == rank, fit=lambda p: suits(p) and level_of(p) >= rank)
        skills += reaching
        beyond += [p for p in reaching if not short(p)]
    # A small catalog runs short of prompts: past the first level, the skills stage gets one before the
    # quick wins are filled.
    structured = (lambda p: level_of(p) >= rank, lambda p: level_of(p) <= rank + 1)
    skills += pick(0 if skills or rank == 1 else 1, *structured)
    quick += pick(quick_count - len(quick), easy)
    skills += pick(profile.skills - len(skills), *structured)
    if not quick:  # nothing else left: a quick skill that the level does not need becomes the quick win
        reaching = [p for p in skills if level_of(p) >= rank]
        movable = [p for p in skills if short(p) and (level_of(p) < rank or len(reaching) > 1)]
        quick, skills = movable[:1], [p for p in skills if p not in movable[:1]]
    used_cards = {step.ref for step in interest if step.kind == "card"}
    practice = []
    for prompt_id in quick:  # a card already met is not met again: its other prompt comes as its sheet
        step = _practice(catalog, learner, prompt_id, used_cards)
        used_cards.add(step.ref)
        practice.append(step)
    # J+15 redoes what a step taught, not what an irritant's page showed.
    taught = [prompt_id for prompt_id, _ in first if prompt_id not in shown]
    stages = (
        Stage("interest", "Susciter l'intérêt : partir d'un irritant", interest),
        Stage("quick-wins", "Obtenir des victoires rapides", tuple(practice)),
        Stage("skills", "Structurer les compétences", tuple(_sheet(catalog, p) for p in skills)),
        Stage(
            "consolidation",
            "Ancrer dans la durée",
            _consolidation(catalog, [*taught, *quick, *skills], learner.works_alone),
        ),
    )
    every = dict.fromkeys([*(prompt_id for prompt_id, _ in first), *taken])
    return LearningPath(learner, stages, tuple(every), tuple(beyond))


def _named(catalog: Catalog, learner: Learner, ranked: list[str], suits, fits) -> list[str]:
    """The prompts a persona's needs name, in their order: a prompt itself if it fits, an irritant by the
    best prompt of its trade's card (a quick one if there is one); nothing for a card already started on."""
    cards = {card.irritant_id: card for card in catalog.cards_of_trade(learner.trade or "")}
    named: list[str] = []
    for kind, value in learner.focus:
        if kind == "prompt":
            options = [value] if value in catalog.prompts and suits(value) else []
        else:
            card = cards.get(value)
            if card is None or value in learner.starts_with:
                continue
            options = [p for p in ranked if p in card.prompt_ids and suits(p) and p not in named]
            options = [next((p for p in options if fits(p)), options[0])] if options else []
        named += [p for p in options if p not in named]
    return named


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


def _practice(catalog: Catalog, learner: Learner, prompt_id: str, used_cards: set[str] = frozenset()) -> Step:
    prompt = catalog.prompts[prompt_id]
    card = _card_target(catalog, learner, prompt_id)
    if card and f"{learner.trade}/{card}" not in used_cards:
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


def _consolidation(catalog: Catalog, prompt_ids: list[str], works_alone: bool = False) -> tuple[Step, ...]:
    redo = [catalog.prompts[prompt_id] for prompt_id in dict.fromkeys(prompt_ids)]
    redo_minutes = sum(ceil(prompt.duration_minutes / 2) for prompt in redo)
    titles = ", ".join(f"« {prompt.title} »" for prompt in redo)
    return tuple(
        Step(
            "ritual" if rendezvous.months else "follow-up",
            rendezvous.title,
            None,
            rendezvous.minutes or redo_minutes,
            rendezvous.note_for(works_alone).format(prompts=titles),
            days=rendezvous.days,
            months=rendezvous.months,
        )
        for rendezvous in SCHEDULE
    )
