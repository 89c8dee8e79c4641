"""Catalog → the trainer's « Suivi d'un groupe » page: every path's steps, tag and version, for the
page's script to read learners' completion codes against. Pure: no disk, no Jinja.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from . import urls
from .catalog import Catalog
from .pages import Context, Page
from .pathing import learners, learning_path
from .progress_code import progress_data


@dataclass(frozen=True)
class GroupContext(Context):
    paths: list[dict[str, Any]]  # progress_code.progress_data of each path


def group_page(catalog: Catalog) -> Page:
    paths = [progress_data(learning_path(catalog, learner)) for learner in learners(catalog)]
    return Page(
        urls.GROUP_PAGE,
        "group.md.j2",
        "index",
        "suivi",
        "Suivi d'un groupe",
        tuple(path["path"] for path in paths),
        GroupContext(paths),
    )
