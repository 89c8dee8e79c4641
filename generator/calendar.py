"""A learning path's follow-ups → an iCalendar file: J+15, J+30 and the monthly ritual.

`follow_ups` is the one description of those dates; the path page embeds it so that the
browser builds the same calendar from a date the reader picks.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from icalendar import Calendar, Event

from .pathing import LearningPath

RITUAL_MONTHS = 6
EVENT_HOUR = time(9, 0)


@dataclass(frozen=True)
class FollowUp:
    days: int  # after the start date
    minutes: int
    title: str
    description: str
    monthly: bool = False  # repeats every month, RITUAL_MONTHS times


def follow_ups(path: LearningPath) -> tuple[FollowUp, ...]:
    consolidation = next(stage for stage in path.stages if stage.key == "consolidation")
    days = {"J+15": 15, "J+30": 30}
    events = []
    for step in consolidation.steps:
        offset = next((value for key, value in days.items() if step.title.startswith(key)), None)
        if offset is not None:
            events.append(FollowUp(offset, step.minutes, step.title, step.note))
        elif step.kind == "ritual":
            events.append(FollowUp(30, step.minutes, step.title, step.note, monthly=True))
    return tuple(events)


def path_calendar(path: LearningPath, start: date, page_url: str = "") -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//Déclic//Parcours//FR")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"Déclic · {path.learner.title}")
    for follow_up in follow_ups(path):
        begins = datetime.combine(start + timedelta(days=follow_up.days), EVENT_HOUR)
        event = Event()
        event.add("uid", f"{path.learner.id}-j{follow_up.days}{'-mensuel' if follow_up.monthly else ''}@declic")
        event.add("dtstamp", datetime.combine(start, time(0, 0)))
        event.add("dtstart", begins)
        event.add("dtend", begins + timedelta(minutes=follow_up.minutes))
        event.add("summary", f"{follow_up.title} · {path.learner.title}")
        event.add("description", follow_up.description + (f"\n{page_url}" if page_url else ""))
        if follow_up.monthly:
            event.add("rrule", {"freq": "monthly", "count": RITUAL_MONTHS})
        calendar.add_component(event)
    return calendar.to_ical()
