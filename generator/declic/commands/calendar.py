"""`declic calendar`: the iCalendar file of a path's follow-up meetings, from a start date.

Takes a guide, a path's id and a date; returns the file's bytes. Writes nothing.
"""

from __future__ import annotations

from datetime import date

from declic import urls
from declic.build import load_and_link
from declic.catalog.paths import learners, learning_path
from declic.errors import suggest
from declic.pages.calendar import path_calendar
from declic.site.project import Project


def follow_up_calendar(project: Project, path_id: str, start: date) -> bytes:
    """`declic calendar`: the iCalendar file of a path's follow-ups from `start`. LookupError, with
    a French message, when no role or persona has that id."""
    catalog = load_and_link(project)
    by_id = {learner.id: learner for learner in learners(catalog)}
    if path_id not in by_id:
        hint = suggest(path_id, by_id)
        raise LookupError(f"parcours « {path_id} » introuvable" + (f" ({hint})" if hint else ""))
    path = learning_path(catalog, by_id[path_id])
    return path_calendar(path, start, urls.absolute(project.site_url, urls.path(path_id)))
