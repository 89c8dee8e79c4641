"""Learning paths: one page per role and per persona, the four stages of the method."""

from __future__ import annotations

from dataclasses import dataclass

from declic import urls
from declic.catalog.model import Catalog
from declic.catalog.paths import Learner, LearningPath
from declic.catalog.schema import Level, Obstacle, Persona, Profile, Role, Trade
from declic.pages.calendar import FollowUp, follow_ups
from declic.pages.page import Context, Page, Tag, explore, pairs
from declic.pages.progress_code import progress_data


@dataclass(frozen=True)
class PathContext(Context):
    path: LearningPath
    learner: Learner
    persona: Persona | None
    role: Role
    profile: Profile
    level: Level
    trade: Trade | None
    obstacles: list[tuple[str, Obstacle]]
    follow_ups: tuple[FollowUp, ...]
    tag_links: list[Tag]
    booklet: str  # the workshop kit's query that prints this path with its cards and sheets
    progress: dict  # what its completion code refers to (progress_code.progress_data)


def path_page(catalog: Catalog, learning: LearningPath) -> Page:
    learner = learning.learner
    steps = [step for stage in learning.stages for step in stage.steps]
    return Page(
        urls.path(learner.id),
        "path.md.j2",
        "path",
        learner.id,
        f"Parcours : {learner.title}",
        (learner.role, learner.profile, learner.level, *learning.prompt_ids),
        PathContext(
            path=learning,
            learner=learner,
            persona=catalog.personas.get(learner.id) if learner.kind == "persona" else None,
            role=catalog.roles[learner.role],
            profile=catalog.profiles[learner.profile],
            level=catalog.levels[learner.level],
            trade=catalog.trades[learner.trade] if learner.trade else None,
            obstacles=pairs(learner.obstacles, catalog.obstacles),
            follow_ups=follow_ups(learning),
            tag_links=[
                Tag("Parcours", urls.PATHS_INDEX),
                Tag(catalog.profiles[learner.profile].title),
                explore(catalog.levels[learner.level].title, "niveau", learner.level),
            ],
            booklet=booklet_query(
                learner.id,
                tuple(dict.fromkeys(step.ref for step in steps if step.kind == "card")),
                tuple(dict.fromkeys(step.ref for step in steps if step.kind == "sheet")),
            ),
            progress=progress_data(learning),
        ),
    )


def booklet_query(path_id: str = "", cards: tuple[str, ...] = (), sheets: tuple[str, ...] = ()) -> str:
    """The workshop kit's address for a booklet: a path's page, then its cards, then its sheets."""
    parts = {"parcours": path_id, "cartes": ",".join(cards), "fiches": ",".join(sheets)}
    return "&".join(f"{name}={value}" for name, value in parts.items() if value)
