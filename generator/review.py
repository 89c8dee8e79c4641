"""Who answers for what, and what is due: review dates, approvals waiting, tests gone stale.

Takes the validated entities (drafts included), the drafts that do not validate yet and today's date; returns the items of
`declic review` and the « Testé le… » line of each prompt. Reads no file, prints nothing.
"""

from __future__ import annotations

import calendar
import csv
import io
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from .schema.review import Test

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
NO_OWNER = "(sans responsable)"
REVIEWED_KINDS = {"prompts": "prompt", "irritants": "irritant", "trades": "métier"}


def add_period(start: date, period: str) -> date:
    """`start` + « 6 mois », « 2 semaines », « 1 an »… (a 31st becomes the month's last day)."""
    count_text, unit = period.split(" ", 1)
    count = int(count_text)
    if unit.startswith("jour"):
        return start + timedelta(days=count)
    if unit.startswith("semaine"):
        return start + timedelta(weeks=count)
    months = count * 12 if unit.startswith("an") else count
    year, month = divmod(start.month - 1 + months, 12)
    year += start.year
    return date(year, month + 1, min(start.day, calendar.monthrange(year, month + 1)[1]))


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


@dataclass(frozen=True)
class ReviewItem:
    owner: str
    kind: str  # « prompt », « irritant », « métier »
    id: str
    title: str
    status: str
    reason: str  # what is to be done, in French
    due: date | None  # when it was due, for overdue reviews and stale tests


@dataclass(frozen=True)
class Unfinished:
    """A draft whose file does not validate yet (an import's to-do fields): listed, not checked."""

    kind: str  # plural: "prompts"
    id: str
    owner: str | None
    title: str | None
    status: str
    problems: int


def review_items(
    entities: Mapping[str, Mapping], stale_after: str, today: date, unfinished: tuple[Unfinished, ...] = ()
) -> list[ReviewItem]:
    """Everything someone has to act on, by owner, then kind and id."""
    items = [item for kind in REVIEWED_KINDS for item in _items(kind, entities.get(kind, {}), stale_after, today)]
    items += [
        ReviewItem(
            draft.owner or NO_OWNER,
            REVIEWED_KINDS[draft.kind],
            draft.id,
            draft.title or draft.id,
            draft.status,
            f"brouillon inachevé : {draft.problems} champ{'s' if draft.problems > 1 else ''} à compléter "
            "(declic check les nomme)",
            None,
        )
        for draft in unfinished
    ]
    return sorted(items, key=lambda item: (item.owner == NO_OWNER, item.owner.lower(), item.kind, item.id))


def _items(kind: str, entities: Mapping, stale_after: str, today: date) -> Iterator[ReviewItem]:
    for entity_id, entity in entities.items():
        status = entity.status or "validé"
        if status == "retiré":
            continue
        for reason, due in _due(entity, status, stale_after, today):
            title = getattr(entity, "title", None) or getattr(entity, "name", entity_id)
            yield ReviewItem(entity.owner or NO_OWNER, REVIEWED_KINDS[kind], entity_id, title, status, reason, due)


def _due(entity, status: str, stale_after: str, today: date) -> Iterator[tuple[str, date | None]]:
    if status == "relecture":
        yield "à approuver", None
    elif status == "brouillon":
        yield "brouillon à terminer", None
    if entity.review_every:
        if entity.reviewed_on is None:
            yield f"jamais relu (relecture tous les {entity.review_every})", None
        elif (due := add_period(entity.reviewed_on, entity.review_every)) < today:
            yield f"relecture en retard (tous les {entity.review_every})", due
    test = latest_test(getattr(entity, "tested", ()))
    if test is not None and (due := add_period(test.date, stale_after)) < today:
        yield f"essai à revérifier (dernier le {french_date(test.date)} avec {test.assistant})", due


def review_text(items: list[ReviewItem]) -> str:
    if not items:
        return "Rien à relire : aucune fiche en attente, aucune relecture en retard, aucun essai à revérifier.\n"
    lines = []
    owner = None
    for item in items:
        if item.owner != owner:
            owner = item.owner
            count = sum(1 for other in items if other.owner == owner)
            lines += ["" if lines else None, f"{owner} ({count} point{'s' if count > 1 else ''})\u00a0:"]
        due = f", depuis le {french_date(item.due)}" if item.due else ""
        lines.append(f"  - {item.kind} « {item.title} » ({item.id}) : {item.reason}{due}")
    return "\n".join(line for line in lines if line is not None) + "\n"


CSV_COLUMNS = ("responsable", "sorte", "identifiant", "titre", "statut", "à faire", "échéance")


def review_csv(items: list[ReviewItem]) -> str:
    """Comma-separated, one header row: what trackers (GitLab, Jira, a spreadsheet) import."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for item in items:
        due = item.due.isoformat() if item.due else ""
        writer.writerow((item.owner, item.kind, item.id, item.title, item.status, item.reason, due))
    return out.getvalue()
