"""Live preview: the docs folder is regenerated when a YAML file or a hand-written page changes,
and mkdocs' own server rebuilds and reloads the browser when the docs folder changes.

Only changed files are rewritten (see `write`), so one edited irritant rebuilds its own pages and
the reload does not loop on itself.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from mkdocs.commands.serve import serve as mkdocs_serve
from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from .project import Project

DEBOUNCE_SECONDS = 0.3
# What changes a file. watchdog 6 also reports files opened and closed unwritten, which the
# generator's own reads of the YAML cause: reacting to those regenerated forever.
CHANGES = frozenset({"created", "modified", "deleted", "moved"})


class _Regenerate(FileSystemEventHandler):
    def __init__(self, regenerate: Callable[[], None]):
        self._regenerate = regenerate
        self._timer: threading.Timer | None = None
        self._lock = threading.Lock()

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type not in CHANGES or event.is_directory or Path(str(event.src_path)).name.startswith("."):
            return
        with self._lock:  # an editor's save is often several events: regenerate once
            if self._timer:
                self._timer.cancel()
            self._timer = threading.Timer(DEBOUNCE_SECONDS, self._regenerate)
            self._timer.daemon = True
            self._timer.start()


def watched_folders(project: Project) -> list[Path]:
    folders = [layer / name for layer in project.catalog_layers for name in ("usecases", "personas")]
    folders += list(project.content_dirs)
    if project.templates:
        folders.append(project.templates)
    return [folder for folder in folders if folder.is_dir()]


def serve(project: Project, regenerate: Callable[[], None], address: str) -> None:
    regenerate()
    observer = Observer()
    handler = _Regenerate(regenerate)
    for folder in watched_folders(project):
        observer.schedule(handler, str(folder), recursive=True)
    observer.start()
    try:
        mkdocs_serve(str(project.config_file), livereload=True, dev_addr=address, docs_dir=str(project.docs_dir))
    finally:
        observer.stop()
        observer.join()
