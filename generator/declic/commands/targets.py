"""Where the commands that write a guide's own files (`init`, `new`, `import`, `schemas`) may write.

Takes the guide's folder and a file to write in it; refuses, with the path, a file that is a
symbolic link, and a folder on the way that a link leads out of the guide. Never follows a link.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterable
from pathlib import Path

from declic.errors import CatalogError, Issue

_LINK = "lien symbolique"


def _link_issue(path: Path) -> Issue:
    return Issue(
        str(path),
        None,
        "",
        f"est un {_LINK} (vers {os.readlink(path) if path.is_symlink() else '?'}) : "
        "Déclic n'écrit jamais à travers un lien, un vrai fichier était attendu",
        "supprimez le lien, ou copiez à sa place le fichier qu'il désigne",
    )


def _folder_issue(path: Path) -> Issue:
    return Issue(
        str(path),
        None,
        "",
        f"est un {_LINK} vers {os.readlink(path)}, hors du guide : Déclic n'écrit que dans les dossiers du guide",
        "remplacez le lien par un vrai dossier du guide",
    )


def target_problem(root: Path, target: Path) -> Issue | None:
    """Why `target` (a path under `root`) must not be written, or None."""
    inside = root.resolve()
    current = root
    for part in target.relative_to(root).parts[:-1]:
        current = current / part
        if current.is_symlink():
            resolved = current.resolve()
            if not current.exists() or not (resolved == inside or resolved.is_relative_to(inside)):
                return _folder_issue(current)
    if target.is_symlink():
        return _link_issue(target)
    return None


def check_targets(root: Path, targets: Iterable[Path]) -> None:
    """Every problem of `targets` at once, before anything is written. The folders on the way are
    checked once for all the files they hold (an import writes thousands into one)."""
    issues, folders_checked = [], set()
    for target in targets:
        if target.parent in folders_checked:
            issue = _link_issue(target) if target.is_symlink() else None
        else:
            issue = target_problem(root, target)
            if issue is None or issue.file == str(target):
                folders_checked.add(target.parent)
        if issue and issue not in issues:
            issues.append(issue)
    if issues:
        raise CatalogError(issues)


def write_text(root: Path, target: Path, text: str, exclusive: bool = False) -> None:
    """Write `target` under `root`, never through a link (checked, then refused by the system if a
    link appears meanwhile). `exclusive`: FileExistsError rather than replace a file."""
    check_targets(root, [target])
    target.parent.mkdir(parents=True, exist_ok=True)
    flags = os.O_WRONLY | os.O_CREAT | os.O_NOFOLLOW | (os.O_EXCL if exclusive else os.O_TRUNC)
    try:
        descriptor = os.open(target, flags, 0o666)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise CatalogError([_link_issue(target)]) from None
        raise
    with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as file:
        file.write(text)
