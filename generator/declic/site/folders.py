"""The folders Déclic empties and rewrites (generated pages, merged theme, site) and the templates
folder it reads: checked against the guide's own files before anything is touched.

Déclic deletes only what it wrote. Each folder it writes must lie inside the guide, apart from the
guide's sources and from the other output folders; a folder it creates holds a marker file, and an
existing folder without one (an editor's `docs/`, `.git/`) is never emptied.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from declic.errors import CatalogError, Issue

MARKER = ".declic-dossier"
MARKER_TEXT = (
    "Ce dossier est produit par Déclic : son contenu est effacé et réécrit à chaque construction.\n"
    "N'y rangez rien : vos pages vont dans content/, vos fiches dans usecases/ et personas/.\n"
)
# What every folder written by Déclic before markers existed holds: such a folder is adopted.
_EARLIER_SIGNS = ("catalogue.json", "assets/javascripts/declic.js")
# The guide's sources, by name in its folder: never written, never inside an output folder.
SOURCE_FOLDERS = ("usecases", "personas", "content", "overrides", "schemas")


@dataclass(frozen=True)
class Output:
    """A folder Déclic writes, with the setting that names it (for the error's line)."""

    path: Path
    setting: str  # "docs_dir", "site_dir", or "" for a folder Déclic places itself
    value: str  # as written in mkdocs.yml


def check_folders(
    root: Path,
    config_file: Path,
    outputs: Iterable[Output],
    templates: Output | None,
    lines: dict[str, int | None],
) -> None:
    """Every problem with where the guide's settings point, at once; nothing is touched."""
    root = root.resolve()
    outputs = tuple(outputs)
    sources = [(config_file.resolve(), f"la configuration {config_file.name}")]
    sources += [((root / name).resolve(), f"le dossier {name}/") for name in SOURCE_FOLDERS]
    if templates:
        sources.append((templates.path.resolve(), f"le dossier de gabarits {templates.value}"))
    issues: list[Issue] = []

    def refuse(folder: Output, message: str, hint: str) -> None:
        issues.append(Issue(config_file.name, lines.get(folder.setting), folder.setting, message, hint))

    for folder in (*outputs, *([templates] if templates else [])):
        if not _inside(folder.path.resolve(), root) or folder.path.resolve() == root:
            where = "est le dossier du guide lui-même" if folder.path.resolve() == root else "est hors du guide"
            refuse(
                folder,
                f"« {folder.value} » {where} : Déclic n'écrit et ne lit que dans un sous-dossier du guide",
                f"par exemple « {folder.setting}: {_DEFAULTS.get(folder.setting, 'build/docs')} »",
            )
    if issues:
        raise CatalogError(issues)
    for folder in outputs:
        found = len(issues)
        resolved = folder.path.resolve()
        for source, label in sources:
            relation = _relation(resolved, source)
            if relation:
                refuse(
                    folder,
                    f"« {folder.value} » {_contracted(relation, label)} du guide : Déclic vide ce dossier à chaque "
                    "construction et effacerait ces fichiers",
                    f"choisissez un dossier à part, par exemple « {folder.setting}: {_DEFAULTS[folder.setting]} »",
                )
        for other in outputs:
            relation = _relation(resolved, other.path.resolve()) if other is not folder and folder.setting else ""
            if relation:
                role = f"{other.setting}" if other.setting else "le thème du guide"
                refuse(
                    folder,
                    f"« {folder.value} » {relation} {other.value}, où Déclic écrit aussi ({role})",
                    "donnez à chaque dossier de sortie le sien, par exemple « docs_dir: build/docs » et « site_dir: site »",
                )
        problem = _foreign(folder.path) if len(issues) == found else ""
        if problem:
            refuse(folder, f"« {folder.value} » {problem}", "choisissez un autre dossier, ou videz-le vous-même")
    if issues:
        raise CatalogError(_unique(issues))


_DEFAULTS = {"docs_dir": "build/docs", "site_dir": "site", "extra.declic.templates": "gabarits", "": "build"}


def claim(folder: Path) -> None:
    """Make `folder` Déclic's before writing into it (created if need be, with its marker)."""
    if (folder / MARKER).is_file():
        return
    problem = _foreign(folder)
    if problem:  # checked by `check_folders` already; only a folder changed since then gets here
        raise CatalogError([Issue(str(folder), None, "", f"ce dossier {problem}", "choisissez-en un autre")])
    folder.mkdir(parents=True, exist_ok=True)
    mark(folder)


def mark(folder: Path) -> None:
    (folder / MARKER).write_text(MARKER_TEXT, encoding="utf-8")


def is_marked(folder: Path) -> bool:
    """A real folder (not a link to one) that holds Déclic's marker: one Déclic made."""
    return folder.is_dir() and not folder.is_symlink() and (folder / MARKER).is_file()


def _foreign(folder: Path) -> str:
    """Why Déclic may not empty `folder`, or "" when it may (absent, empty, or its own)."""
    if not folder.exists() and not folder.is_symlink():
        return ""
    if not folder.is_dir():
        return "est un fichier, pas un dossier"
    if (folder / MARKER).is_file() or any((folder / sign).is_file() for sign in _EARLIER_SIGNS):
        return ""
    if any(folder.iterdir()):
        return "existe déjà et contient des fichiers que Déclic n'a pas écrits : il ne le videra pas"
    return ""


def _inside(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


def _relation(folder: Path, other: Path) -> str:
    if folder == other:
        return "est"
    if _inside(other, folder):
        return "contient"
    if _inside(folder, other):
        return "est à l'intérieur de"
    return ""


def _contracted(relation: str, label: str) -> str:
    """« est à l'intérieur de » + « le dossier content/ » → « est à l'intérieur du dossier content/ »."""
    text = f"{relation} {label}"
    return text.replace(" de le ", " du ").replace(" de les ", " des ")


def _unique(issues: list[Issue]) -> list[Issue]:
    return list(dict.fromkeys(issues))
