"""Rendered pages and hand-written content → the docs folder mkdocs reads.

The only stage before mkdocs that touches the disk. It writes a file only when its bytes change
(so `serve` rebuilds only what changed), each atomically, and removes files nobody produces any more.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

from .errors import CatalogError, Issue, display_path


@dataclass(frozen=True)
class WriteReport:
    written: tuple[str, ...]
    removed: tuple[str, ...]
    unchanged: int


def collect_content(content_dirs: tuple[Path, ...]) -> dict[str, Path]:
    """Hand-written files by docs path; a later folder (an organisation's) wins over an earlier one."""
    files: dict[str, Path] = {}
    for folder in content_dirs:
        if folder.is_dir():
            for path in sorted(folder.rglob("*")):
                if path.is_file() and not path.name.startswith("."):
                    files[path.relative_to(folder).as_posix()] = path
    return files


def check_conflicts(generated: Mapping[str, bytes], content: Mapping[str, Path], root: Path) -> None:
    """A generated page never replaces a hand-written one: both at one address is an error."""
    issues = [Issue(display_path(content[path], root), None, "",
                    f"cette page écrite à la main a la même adresse qu'une page générée ({path})",
                    "renommez ou déplacez la page écrite à la main")
              for path in sorted(generated.keys() & content.keys())]
    if issues:
        raise CatalogError(issues)


def write_docs(generated: Mapping[str, bytes], content: Mapping[str, Path], docs_dir: Path) -> WriteReport:
    wanted: dict[str, bytes] = {path: source.read_bytes() for path, source in content.items()}
    wanted.update(generated)
    docs_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for path, data in sorted(wanted.items()):
        target = docs_dir / path
        if target.is_file() and target.stat().st_size == len(data) and target.read_bytes() == data:
            continue
        _atomic_write(target, data)
        written.append(path)
    removed = []
    for existing in sorted(docs_dir.rglob("*"), reverse=True):
        relative = existing.relative_to(docs_dir).as_posix()
        if existing.is_file() and relative not in wanted:
            existing.unlink()
            removed.append(relative)
        elif existing.is_dir() and not any(existing.iterdir()):
            existing.rmdir()
    return WriteReport(tuple(written), tuple(removed), len(wanted) - len(written))


def _atomic_write(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
