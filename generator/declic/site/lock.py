"""One build at a time per guide: `generate` and `build` hold a lock file beside mkdocs.yml.

Two builds of one guide would write the same docs folder and each remove the other's unfinished
site; the second is refused instead. The lock is the system's (flock): a killed build releases it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from filelock import FileLock, Timeout

from declic.errors import CatalogError, Issue
from declic.site.project import Project

LOCK_FILE = ".declic.lock"


@contextmanager
def one_build_at_a_time(project: Project) -> Iterator[None]:
    lock = FileLock(project.root / LOCK_FILE, timeout=0, is_singleton=False)
    try:
        lock.acquire()
    except Timeout:
        raise CatalogError(
            [
                Issue(
                    project.config_file.name,
                    None,
                    "",
                    "une construction est déjà en cours pour ce guide",
                    "attendez qu'elle se termine, puis relancez",
                )
            ]
        ) from None
    try:
        yield
    finally:
        lock.release()
