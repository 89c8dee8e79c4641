"""Rendered pages and hand-written content → the docs folder mkdocs reads.

The only stage before mkdocs that touches the disk. It writes a file only when its bytes change
(so `serve` rebuilds only what changed), each atomically, and removes files nobody produces any more.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path

from declic import urls
from declic.errors import CatalogError, Issue, display_path
from declic.site.folders import MARKER


@dataclass(frozen=True)
class WriteReport:
    written: tuple[str, ...]
    removed: tuple[str, ...]
    unchanged: int


def collect_content(folders: tuple[Path, ...], root: Path) -> dict[str, Path]:
    """Hand-written files by docs path; a later folder (an organisation's) wins over an earlier one.

    What is published is what the folder holds: a link that leads out of its folder (to
    `/proc/self/environ`, to a key beside the guide) or anything but a regular file is refused
    with its path, all of them at once, and never followed when writing."""
    files: dict[str, Path] = {}
    issues: list[Issue] = []
    for folder in folders:
        if not folder.is_dir():
            continue
        inside = folder.resolve()
        for top, directories, names in os.walk(folder, followlinks=False):
            here = Path(top)
            for name in [*directories, *names]:
                path = here / name
                if (name in names and name.startswith(".")) or (name in directories and not path.is_symlink()):
                    continue
                problem = _unpublishable(path, inside)
                if problem:
                    issues.append(Issue(display_path(path, root), None, "", problem, _LINK_HINT))
                elif name in names:
                    files[path.relative_to(folder).as_posix()] = path
    if issues:
        raise CatalogError(issues)
    return files


_LINK_HINT = "remplacez le lien par une copie du fichier, dans le dossier du guide"


def _unpublishable(path: Path, inside: Path) -> str | None:
    if path.is_symlink():
        target = path.resolve()
        if not target.is_relative_to(inside):
            return f"ce lien mène hors du dossier {inside.name}/ ({target}) : Déclic ne publie pas ce qui est hors du guide"
        if target.is_dir():
            return "ce lien mène à un dossier : Déclic ne suit pas les liens de dossier"
    if not path.is_file():
        return "ce n'est pas un fichier ordinaire (tube, périphérique, socket, lien brisé) : il ne peut pas être publié"
    return None


def check_pages_readable(content: Mapping[str, Path], root: Path) -> None:
    """Hand-written Markdown pages are UTF-8: mkdocs would stop on another encoding with a traceback."""
    issues = []
    for path, source in sorted(content.items()):
        if path.endswith(".md"):
            try:
                source.read_bytes().decode("utf-8")
            except UnicodeDecodeError as error:
                line = source.read_bytes()[: error.start].count(b"\n") + 1
                issues.append(
                    Issue(
                        display_path(source, root),
                        line,
                        "",
                        "la page n'est pas encodée en UTF-8",
                        "enregistrez-la en UTF-8",
                    )
                )
    if issues:
        raise CatalogError(issues)


def check_conflicts(generated: Mapping[str, bytes], content: Mapping[str, Path], root: Path) -> None:
    """A generated page never replaces a hand-written one: both at one address is an error, also
    when their files differ (`a/x.md` and `a/x/index.md` are both served at `a/x/`)."""
    addresses = {urls.address(path): path for path in generated}
    issues = [
        Issue(
            display_path(source, root),
            None,
            "",
            f"cette page écrite à la main a la même adresse qu'une page générée ({addresses[urls.address(path)]})",
            "renommez ou déplacez la page écrite à la main",
        )
        for path, source in sorted(content.items())
        if urls.address(path) in addresses
    ]
    if issues:
        raise CatalogError(issues)


def write_docs(generated: Mapping[str, bytes], content: Mapping[str, Path], docs_dir: Path) -> WriteReport:
    wanted: dict[str, bytes] = {path: source.read_bytes() for path, source in content.items()}
    wanted.update(generated)
    docs_dir.mkdir(parents=True, exist_ok=True)
    folders = {docs_dir}  # made or known to exist: one mkdir per folder, not per file
    written = []
    for path, data in sorted(wanted.items()):
        target = docs_dir / path
        if _holds(target, data):
            continue
        if target.parent not in folders:
            target.parent.mkdir(parents=True, exist_ok=True)
            folders.add(target.parent)
        _atomic_write(target, data)
        written.append(path)
    return WriteReport(tuple(written), _remove_stale(docs_dir, wanted.keys()), len(wanted) - len(written))


def _holds(target: Path, data: bytes) -> bool:
    """The file already has these bytes (its size is compared first: most changes change it)."""
    try:
        return target.stat().st_size == len(data) and target.read_bytes() == data
    except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
        return False


def _remove_stale(docs_dir: Path, wanted: Collection[str]) -> tuple[str, ...]:
    """Delete the files nobody produces any more, then the folders they leave empty; the marker that
    makes the folder Déclic's stays."""
    removed = []
    wanted = {*wanted, MARKER}
    for folder, _folder_names, file_names in os.walk(docs_dir, topdown=False):  # children before parents
        here = Path(folder)
        relative = here.relative_to(docs_dir).as_posix()
        prefix = "" if relative == "." else f"{relative}/"
        for name in file_names:
            if prefix + name not in wanted:
                (here / name).unlink()
                removed.append(prefix + name)
        if here != docs_dir and not any(here.iterdir()):
            here.rmdir()
    return tuple(sorted(removed, reverse=True))


def _atomic_write(target: Path, data: bytes) -> None:
    # A name unique to this process and thread: two regenerations of `serve` can overlap.
    temporary = target.with_name(f".{target.name}.{os.getpid()}-{threading.get_ident()}.tmp")
    try:
        with open(temporary, "wb") as stream:
            stream.write(data)
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
