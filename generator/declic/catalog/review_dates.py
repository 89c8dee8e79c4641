"""Dates of the review cycle: a period added to a date, a date in French, a prompt's latest test.

Takes entities' dates and a guide's periods; returns dates and the « Testé le… » line that cards and
sheets show. Compares with the `today` it is given, never with the clock.
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from declic.catalog.schema.review import Test

MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)


def add_period(start: date, period: str) -> date:
    """`start` + « 6 mois », « 2 semaines », « 1 an »… (a 31st becomes the month's last day). Past the
    last date Python knows (year 9999), it is `date.max`: never due."""
    count_text, unit = period.split(" ", 1)
    count = int(count_text)
    try:
        if unit.startswith("jour"):
            return start + timedelta(days=count)
        if unit.startswith("semaine"):
            return start + timedelta(weeks=count)
        months = count * 12 if unit.startswith("an") else count
        year, month = divmod(start.month - 1 + months, 12)
        year += start.year
        return date(year, month + 1, min(start.day, calendar.monthrange(year, month + 1)[1]))
    except (OverflowError, ValueError):
        return date.max


def french_date(day: date) -> str:
    return f"{'1er' if day.day == 1 else day.day} {MONTHS[day.month - 1]} {day.year}"


@dataclass(frozen=True)
class TestNote:
    """The latest test of a prompt, as its pages show it."""

    text: str  # « Testé le 12 mars 2026 avec Le Chat : ok »
    stale: bool  # older than the guide's `stale_after`: « à revérifier »


def latest_test(tests: tuple[Test, ...]) -> Test | None:
    return max(tests, key=lambda test: test.date, default=None)


def test_note(tests: tuple[Test, ...], stale_after: str, today: date) -> TestNote | None:
    test = latest_test(tests)
    if test is None:
        return None
    assistant = f"{test.assistant} ({test.model})" if test.model else test.assistant
    text = f"Testé le {french_date(test.date)} avec {assistant}\u00a0: {test.result}"
    return TestNote(text, add_period(test.date, stale_after) < today)


def test_notes(prompts: Mapping, stale_after: str, today: date) -> dict[str, TestNote]:
    """Prompt id → its latest test, for the templates (prompts never tested have none)."""
    return {
        prompt_id: note
        for prompt_id, prompt in prompts.items()
        if (note := test_note(prompt.tested, stale_after, today)) is not None
    }
