"""Problems found in a catalog, and how they are printed.

A stage collects every problem it finds and raises `CatalogError` once, at its end, so that an
editor sees all of them at once. Bugs are ordinary exceptions and keep their traceback.
"""

from __future__ import annotations

import difflib
import errno
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True, order=True)
class Issue:
    file: str
    line: int | None
    field: str
    message: str
    hint: str | None = None

    def format(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        field = f" {self.field}:" if self.field else ""
        hint = f" ({self.hint})" if self.hint else ""
        return f"{where}:{field} {self.message}{hint}"


class CatalogError(Exception):
    """The catalog (user input) is wrong; carries every problem found."""

    def __init__(self, issues: Iterable[Issue], partial: Any = None):
        self.issues = tuple(sorted(set(issues), key=_sort_key))
        self.partial = partial  # what the stage could still produce, for later stages to check too
        super().__init__("\n".join(issue.format() for issue in self.issues))


def _sort_key(issue: Issue) -> tuple:
    return (issue.file, issue.line or 0, issue.field, issue.message)


def suggest(wrong: str, candidates: Iterable[str]) -> str | None:
    """A « did you mean » hint for a misspelt id or field, or None when nothing is close."""
    match = difflib.get_close_matches(wrong, list(candidates), n=1, cutoff=0.6)
    return f"vouliez-vous dire « {match[0]} » ?" if match else None


def display_path(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


_SYSTEM_ERRORS = {
    errno.ENOSPC: "le disque est plein",
    errno.EDQUOT: "le quota du disque est atteint",
    errno.EACCES: "permission refusée",
    errno.EPERM: "opération interdite (fichier protégé ou immuable)",
    errno.EROFS: "le disque est en lecture seule",
    errno.ENOENT: "fichier ou dossier introuvable",
    errno.ENOTDIR: "un fichier se trouve là où un dossier est attendu",
    errno.EISDIR: "un dossier se trouve là où un fichier est attendu",
    errno.EEXIST: "existe déjà",
    errno.ENAMETOOLONG: "nom de fichier trop long",
    errno.ENOTEMPTY: "le dossier n'est pas vide",
}


def system_error(error: OSError) -> str:
    """An OSError in French, with the path it is about: the system's own text is English."""
    what = _SYSTEM_ERRORS.get(error.errno or 0, f"erreur n° {error.errno}")
    return f"{error.filename} : {what}" if error.filename else what
