"""`declic review`: who answers for what, and what is due: approvals waiting, reviews late, tests gone stale.

Takes a guide (drafts included) and today's date; returns the items, as text or as CSV for a
spreadsheet. Prints nothing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date

from declic.catalog.load import read_layers
from declic.catalog.publish import waiting
from declic.catalog.review_dates import add_period, french_date, latest_test
from declic.catalog.select import select
from declic.catalog.validate import validate
from declic.errors import CatalogError
from declic.pages.export import spreadsheet_csv
from declic.site.project import Project

NO_OWNER = "(sans responsable)"
REVIEWED_KINDS = {"prompts": "prompt", "irritants": "irritant", "trades": "métier"}


@dataclass(frozen=True)
class ReviewItem:
    owner: str
    kind: str  # « prompt », « irritant », « métier », « affirmation juridique »
    id: str
    title: str
    status: str
    reason: str  # what is to be done, in French
    due: date | None  # when it was due, for overdue reviews and stale tests
    to_do: bool = True  # False: a reminder (a retired entity that leads on to a validated one), not for --strict


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
    items += _law_items(entities.get("laws", {}), today)
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
        owner, title = entity.owner or NO_OWNER, _title(entity)
        if status == "retiré":
            reason, to_do = _retired(entity, entities)
            yield ReviewItem(owner, REVIEWED_KINDS[kind], entity_id, title, status, reason, None, to_do)
            continue
        for reason, due in _due(entity, status, stale_after, today):
            yield ReviewItem(owner, REVIEWED_KINDS[kind], entity_id, title, status, reason, due)


LAW = "affirmation juridique"
_LAW_TITLE_LENGTH = 70


def _law_items(laws: Mapping, today: date) -> Iterator[ReviewItem]:
    """Legal statements whose last check on their official link is older than their period."""
    for law_id, law in laws.items():
        if (due := add_period(law.checked_on, law.review_every)) < today:
            yield ReviewItem(
                law.owner or NO_OWNER,
                LAW,
                law_id,
                _short(law.statement),
                "validé",
                f"à revérifier sur le texte officiel ({law.text}, {law.article} ; {law.link}), "
                f"tous les {law.review_every}",
                due,
            )


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _LAW_TITLE_LENGTH else text[: _LAW_TITLE_LENGTH - 1].rsplit(" ", 1)[0] + "…"


def _title(entity) -> str:
    return getattr(entity, "title", None) or entity.name


def _retired(entity, entities: Mapping) -> tuple[str, bool]:
    """What the owner of a retired entity checks, that its address leads on to a validated replacement;
    and whether something is wrong (the replacement missing or not validated)."""
    if entity.replaced_by is None:
        return "retiré : vérifier que sa page dit bien pourquoi, sans renvoi vers une autre fiche", False
    replacement = entities.get(entity.replaced_by)
    where = f"« {_title(replacement)} » ({entity.replaced_by})" if replacement else f"« {entity.replaced_by} »"
    reason = f"retiré : vérifier que sa page renvoie bien vers {where}"
    if replacement is None:
        return f"{reason}, absent de ce guide", True
    if (replacement.status or "validé") != "validé":
        return f"{reason}, qui n'est pas validé ({replacement.status})", True
    return reason, False


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


def review_csv(items: list[ReviewItem]) -> bytes:
    """One header row, then one row per item; written as `cas-usage.csv` is (`;`, a BOM, no cell
    a spreadsheet would run as a formula): titles and owners are anyone's text."""
    return spreadsheet_csv(
        CSV_COLUMNS,
        (
            (
                item.owner,
                item.kind,
                item.id,
                item.title,
                item.status,
                item.reason,
                item.due.isoformat() if item.due else "",
            )
            for item in items
        ),
    )


def review(project: Project, today: date) -> list[ReviewItem]:
    """`declic review`: what each owner has to approve, review again or test again, drafts included;
    a draft that does not validate yet is listed with its number of problems. Any other file's
    problem is reported as by `declic check`."""
    documents, unreadable = read_layers(project.catalog_layers, project.root)
    unfinished: tuple[Unfinished, ...] = ()
    try:
        entities = validate(documents, unreadable)
    except CatalogError as error:
        drafts = {document.file: document for document in waiting(documents)}
        blocking = [issue for issue in error.issues if issue.file not in drafts]
        if blocking:
            raise CatalogError(blocking) from None
        entities = error.partial
        counts = Counter(issue.file for issue in error.issues)
        unfinished = tuple(
            Unfinished(
                document.kind.name,
                document.id,
                _text(document.data.get("owner")),
                _text(document.data.get("title") or document.data.get("name")),
                document.data["status"],
                counts[file],
            )
            for file, document in drafts.items()
            if counts[file]
        )
    entities = select(entities, project.settings, project.config_file.name, project.config_lines)
    return review_items(entities, project.settings.stale_after, today, unfinished)


def _text(value: object) -> str | None:
    return " ".join(value.split()) if isinstance(value, str) and value.strip() else None
