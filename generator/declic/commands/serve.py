"""Live preview: `declic serve`. An edit shows in the browser in well under a second: the guide's
own files are watched (real changes only), the docs folder is regenerated (only changed files are
written), and mkdocs rebuilds just the pages whose Markdown changed, then reloads the browser.

The first build writes the home page only, so that the address answers within seconds (the whole
default guide takes many more); the full build follows at once in the background, and a page asked
for before it is there waits for it rather than answering « not found ».

Such a quick build leaves what spans the whole site (navigation, tags, the search index) as it
was; a full build follows in the background, into a folder of its own that replaces the served
one when no edit came in meanwhile; an edit stops it between two pages, so that it does not hold
the interpreter while the editor waits for the next quick build. While the guide has a problem (a YAML error, a broken
mkdocs.yml), the last good site stays served and the problems show in the terminal, once, and
on the page (`preview.js` reads PROBLEMS_FILE).
"""

from __future__ import annotations

import json
import logging
import shutil
import signal
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from time import perf_counter
from urllib.parse import urlsplit

from jinja2 import BytecodeCache
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.exceptions import Abort, BuildError, ConfigurationError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from declic.build import generate
from declic.commands.address import Address
from declic.errors import CatalogError
from declic.site.mkdocs_build import site_config
from declic.site.project import Project, load_project

# What changes a file. watchdog 6 also reports files opened and closed unwritten, which the
# generator's own reads of the YAML cause: reacting to those regenerated forever.
CHANGES = frozenset({"created", "modified", "deleted", "moved"})
PROBLEMS_FILE = "declic-apercu.json"  # at the root of the served site, read by preview.js
HOME_PAGE = "index.md"  # in the docs folder


class _Server(LiveReloadServer):
    """mkdocs' live-reload server, told to rebuild by Déclic's own watcher (inotify, at once)
    rather than by its polling one (every half second). `on_ready()` runs once, from its serving
    loop: the port is bound, listening and answered from then on."""

    on_ready: Callable[[], None] = staticmethod(lambda: None)
    _announced = False
    complete: threading.Event  # the served folder holds every page (see `Preview`), not the home page only
    WAIT_FOR_PAGES = 120.0  # seconds a request for a page not built yet waits for the full build

    def _serve_request(self, environ, start_response):
        found = super()._serve_request(environ, start_response)
        if found is None and not self.complete.is_set():
            # Only the home page is built yet: the page asked for comes with the full build.
            self.complete.wait(self.WAIT_FOR_PAGES)
            found = super()._serve_request(environ, start_response)
        return found

    def service_actions(self) -> None:
        # socketserver calls it after each turn of `serve_forever`'s loop: the first one means served.
        super().service_actions()
        if not self._announced:
            self._announced = True
            self.on_ready()

    def request_rebuild(self) -> None:
        # The same steps as the callback of `LiveReloadServer.watch` (mkdocs 1.6).
        with self._rebuild_cond:
            self._want_rebuild = True
            self._rebuild_cond.notify_all()


def _not_the_dirty_warning(record: logging.LogRecord) -> bool:
    """mkdocs warns of every quick build's stale navigation; the full build that follows fixes it."""
    return "'dirty' build" not in record.getMessage()


def _not_a_vanished_page(record: logging.LogRecord) -> bool:
    """mkdocs logs a page that went away while it read it (a deletion during a build) as an error
    before raising; the preview builds again (see `Preview._build`), so it is no error."""
    message = record.getMessage()
    return not (message.startswith("Error reading page") and "[Errno 2]" in message)


def _interrupt(signum: int, frame: object) -> None:
    signal.signal(signum, signal.SIG_IGN)  # a second one would cut the cleaning short
    raise KeyboardInterrupt


class _Outdated(BaseException):
    """An edit came in during a background build: it would show an older guide, so it stops. Not an
    Exception: mkdocs reports those as the page's errors."""


class _StopWhen(BasePlugin):
    """Ends a build between two pages once `outdated()` says so."""

    def __init__(self, outdated: Callable[[], bool]):
        self.outdated = outdated

    def on_page_markdown(self, markdown: str, **_: object) -> str:
        if self.outdated():
            raise _Outdated
        return markdown


class _HomePageOnly(BasePlugin):
    """The first build's: mkdocs writes the home page only (a dirty build skips the pages it is told
    are unchanged), and the theme's files. The pages of the navigation are read and converted all
    the same, for their titles, which the home page's menus show; the others wait for the full build."""

    def __init__(self) -> None:
        self.in_nav: set[str] = set()
        self.writing = False

    def _wanted(self, file) -> bool:
        return file.src_uri == HOME_PAGE or (not self.writing and file.src_uri in self.in_nav)

    def on_files(self, files, **_: object):
        for file in files.documentation_pages():
            file.is_modified = lambda file=file: self._wanted(file)
        return files

    def on_nav(self, nav, **_: object):
        self.in_nav = {page.file.src_uri for page in nav.pages}
        return nav

    def on_env(self, env, **_: object):  # every page read; mkdocs writes them next
        self.writing = True
        return env


class _CompiledTemplates(BytecodeCache):
    """The theme's templates, compiled once per preview: each build makes a new Jinja environment,
    and compiling Material's templates again took a seventh of a quick build."""

    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket) -> None:
        if bucket.key in self._compiled:
            bucket.bytecode_from_string(self._compiled[bucket.key])

    def dump_bytecode(self, bucket) -> None:
        self._compiled[bucket.key] = bucket.bytecode_to_string()

    def attach(self, theme) -> None:
        make = theme.get_env

        def get_env():
            env = make()
            env.bytecode_cache = self
            return env

        theme.get_env = get_env


def _keep_the_search_index(config) -> None:
    """A quick build rebuilds a few pages: Material's search would index only those and write that
    as the whole index. It is left out of the quick build (the served index stays the last full
    build's, until the next one), which also saves it a fifth of its time."""
    search = next((plugin for name, plugin in config.plugins.items() if name.endswith("search")), None)
    for event in ("page_context", "post_build"):
        config.plugins.events[event] = [
            method for method in config.plugins.events[event] if getattr(method, "__self__", None) is not search
        ]


class _OnChange(FileSystemEventHandler):
    def __init__(self, react: Callable[[], None]):
        self._react = react

    def on_any_event(self, event: FileSystemEvent) -> None:
        if (
            event.event_type in CHANGES
            and not event.is_directory
            and not Path(str(event.src_path)).name.startswith(".")
        ):
            self._react()  # the server waits for a pause in the events before it builds


def watched_folders(project: Project) -> list[Path]:
    folders = [layer / name for layer in project.catalog_layers for name in ("usecases", "personas")]
    folders += list(project.content_dirs)
    folders += [*project.theme_layers, project.root / "overrides"]
    if project.templates:
        folders.append(project.templates)
    return [folder for folder in folders if folder.is_dir()]


class Preview:
    """One guide served with live reload. `report(lines)` prints the problems of the last build
    (an empty list once they are fixed); `rebuilt(written, seconds)` says that an edit is shown,
    with the number of generated files it changed; `ready(url)`, once, that the first build is
    served: the port answers from then on (the first build, the home page only, before it)."""

    def __init__(
        self,
        config_file: Path,
        address: Address,
        report: Callable[[list[str]], None],
        rebuilt: Callable[[int, float], None],
        ready: Callable[[str], None] = lambda url: None,
        vanished: Callable[[str], None] = lambda path: None,
    ):
        self.config_file = config_file
        self.report = report
        self.rebuilt = rebuilt
        self.vanished = vanished
        self._vanished: str | None = None  # the file the last quick build found gone
        self.project = load_project(config_file, drafts=True)  # a guide that cannot even start is the CLI's to report
        mount = urlsplit(self.project.site_url or "/").path or "/"
        self.server = _Server(
            builder=self._quick_build,
            host=address.host,
            port=address.port,
            root=tempfile.mkdtemp(prefix="declic-apercu-"),
            mount_path=mount,
        )
        self.server.build_delay = 0.05  # the pause in events that ends an editor's save
        self.server.on_ready = self._ready
        self._announce = ready
        self.server.complete = threading.Event()
        self._templates = _CompiledTemplates()
        self._lock = threading.Lock()  # the served folder, and the count of quick builds
        self._quick_builds = 0
        self._written = 0
        self._full_wanted = threading.Event()
        self._stopped = threading.Event()

    def run(self) -> None:
        # Stopped by a signal (a process manager, an editor's task runner) as by Ctrl+C: the
        # served folders are removed on the way out rather than left in the temporary folder.
        signal.signal(signal.SIGTERM, _interrupt)
        logging.getLogger("mkdocs.commands.build").addFilter(_not_the_dirty_warning)
        logging.getLogger("mkdocs.commands.build").addFilter(_not_a_vanished_page)
        if not self._build(Path(self.server.root), dirty=True, home_page_only=True):
            self.server.complete.set()  # a guide with a problem: no full build until it is fixed
        observer = Observer()
        handler = _OnChange(self.server.request_rebuild)
        observer.schedule(handler, str(self.config_file.parent), recursive=False)  # mkdocs.yml
        for folder in watched_folders(self.project):
            observer.schedule(handler, str(folder), recursive=True)
        observer.start()
        # mkdocs injects its reload script only when it watches a path: its config file, then.
        self.server.watch(str(self.config_file), recursive=False)
        full_builds = threading.Thread(target=self._full_builds, daemon=True)
        full_builds.start()
        try:
            self.server.serve()
        except KeyboardInterrupt:
            pass
        finally:
            self._stopped.set()
            self._full_wanted.set()
            full_builds.join(timeout=60)  # it stops at its next page, then removes its folder
            observer.stop()
            self.server.shutdown()
            observer.join()
            shutil.rmtree(self.server.root, ignore_errors=True)

    def _ready(self) -> None:
        """The first build is served: say where, then build every page in the background."""
        self._announce(self.server.url)
        if not self.server.complete.is_set():
            self._full_wanted.set()

    def _quick_build(self) -> None:
        """After an edit: regenerate, then rebuild only the pages whose Markdown changed. While the
        served folder holds the first build's home page only, the home page only: the other pages,
        missing, would all count as changed, and they come with the full build that follows."""
        started = perf_counter()
        with self._lock:
            self._quick_builds += 1
            root = Path(self.server.root)
        if self._build(root, dirty=True, home_page_only=not self.server.complete.is_set()):
            self.rebuilt(self._written, perf_counter() - started)
            self._full_wanted.set()
        elif self._vanished is None:  # a problem in the guide (not a file gone in passing, built again)
            self.server.complete.set()  # no full build until it is fixed: no page to wait for

    def _full_builds(self) -> None:
        while True:
            self._full_wanted.wait()
            self._full_wanted.clear()
            if self._stopped.is_set():
                return
            with self._lock:
                started_after = self._quick_builds
            folder = Path(tempfile.mkdtemp(prefix="declic-apercu-"))
            outdated = lambda started=started_after: self._stopped.is_set() or self._quick_builds != started
            built = self._build(folder, dirty=False, regenerate=False, outdated=outdated)
            with self._lock:  # no edit came in since it started: it shows what the quick builds show
                current = self._quick_builds == started_after
                if built and current:
                    folder, self.server.root = Path(self.server.root), str(folder)
            if current:  # every page served, or a failed build: nothing more to wait for
                self.server.complete.set()  # (an edit's quick build, otherwise, asks for the next full build)
            shutil.rmtree(folder, ignore_errors=True)

    def _build(
        self,
        site: Path,
        dirty: bool,
        regenerate: bool = True,
        outdated: Callable[[], bool] | None = None,
        home_page_only: bool = False,
    ) -> bool:
        """Build into `site`; on a problem, keep what `site` holds and list the problems in it.
        `outdated`: for a background build, whether an edit came in since it started (it then stops).
        `home_page_only`: the first build, which writes the home page and the theme's files only."""
        try:
            if regenerate:
                self.project = load_project(self.config_file, drafts=True)
                self._written = len(generate(self.project).report.written)
            project = self.project
            config = site_config(project, site, strict=False, preview=True)
            config.site_url = self.server.url
            self._templates.attach(config.theme)
            if dirty:
                _keep_the_search_index(config)
            if home_page_only:
                config.plugins["declic-home-page-only"] = _HomePageOnly()
            if outdated is not None:
                config.plugins["declic-stop-when-outdated"] = _StopWhen(outdated)
            config.plugins.on_startup(command="serve", dirty=dirty)
            try:
                mkdocs_build(config, serve_url=self.server.url, dirty=dirty)
            finally:
                config.plugins.on_shutdown()
        except CatalogError as error:
            return self._show(site, [issue.format() for issue in error.issues])
        except (Abort, BuildError, ConfigurationError) as error:
            return self._show(site, [f"{project.config_file.name}: mkdocs : {error}"])
        except SystemExit:  # mkdocs-macros ends the process when a macro fails
            return self._show(site, ["une macro d'une page a échoué : le message « [macros] » ci-dessus en dit plus"])
        except _Outdated:
            return False
        except FileNotFoundError as error:
            # A file went away while this build read it: a page deleted, or a stale one the quick
            # build of that deletion removed under a background build. What `site` holds stays
            # served; a quick build says so and starts again, a background build is simply outdated.
            if outdated is None:
                path = str(error.filename or error)
                if path == self._vanished:  # gone again: not a deletion in passing, a file missing
                    return self._show(site, [f"{path} : fichier introuvable pendant la construction"])
                self._vanished = path
                self.vanished(path)
                self.server.request_rebuild()
            return False
        if regenerate:
            self._vanished = None
        return self._show(site, [], report=regenerate)

    def _show(self, site: Path, lines: list[str], report: bool = True) -> bool:
        if site.is_dir():
            (site / PROBLEMS_FILE).write_text(json.dumps(lines, ensure_ascii=False), encoding="utf-8")
        if report:
            self.report(lines)
        return not lines
