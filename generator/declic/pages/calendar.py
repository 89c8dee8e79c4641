"""A learning path's follow-ups (follow_up.SCHEDULE) → an iCalendar file.

The path page embeds `follow_ups(path)` so that the browser builds the same calendar from a
date the reader picks.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from icalendar import Calendar, Event, vText

from declic.catalog.paths import LearningPath

EVENT_HOUR = time(9, 0)


@dataclass(frozen=True)
class FollowUp:
    days: int  # after the start date
    minutes: int
    title: str
    description: str
    months: int = 0  # repeats every month, this many times; 0: once


def follow_ups(path: LearningPath) -> tuple[FollowUp, ...]:
    return tuple(
        FollowUp(step.days, step.minutes, step.title, step.note, step.months)
        for stage in path.stages
        for step in stage.steps
        if step.days
    )


def path_calendar(path: LearningPath, start: date, page_url: str = "") -> bytes:
    made = datetime.now(UTC).replace(microsecond=0)  # DTSTAMP: when the file was made, in UTC (RFC 5545)
    calendar = Calendar()
    calendar.add("prodid", "-//Déclic//Parcours//FR")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", vText(f"Déclic · {path.learner.title}"))  # TEXT: commas escaped
    for follow_up in follow_ups(path):
        begins = datetime.combine(start + timedelta(days=follow_up.days), EVENT_HOUR)
        event = Event()
        event.add("uid", f"{path.learner.id}-j{follow_up.days}{'-mensuel' if follow_up.months else ''}@declic")
        event.add("dtstamp", made)
        event.add("dtstart", begins)
        event.add("dtend", begins + timedelta(minutes=follow_up.minutes))
        event.add("summary", f"{follow_up.title} · {path.learner.title}")
        event.add("description", follow_up.description + (f"\n{page_url}" if page_url else ""))
        if follow_up.months:
            event.add("rrule", {"freq": "monthly", "count": follow_up.months})
        calendar.add_component(event)
    return calendar.to_ical()
