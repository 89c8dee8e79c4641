"""Path pages → the trainer's « Suivi d'un groupe » page: every path's steps, tag and version, for the
page's script to read learners' completion codes against. Pure: no disk, no Jinja.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from declic import urls
from declic.pages import Context, Page
from declic.pages.path import PathContext


@dataclass(frozen=True)
class GroupContext(Context):
    paths: list[dict[str, Any]]  # progress_code.progress_data of each path


def group_page(pages: tuple[Page, ...]) -> Page:
    """`pages`: the planned pages; each path page carries its steps' data (progress_code.progress_data)."""
    paths = [page.context.progress for page in pages if isinstance(page.context, PathContext)]
    return Page(
        urls.GROUP_PAGE,
        "group.md.j2",
        "index",
        "suivi",
        "Suivi d'un groupe",
        tuple(path["path"] for path in paths),
        GroupContext(paths),
    )
