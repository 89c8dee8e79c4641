"""Docs folder → site folder, with mkdocs (then Pagefind), swapped in only when the build succeeded.

mkdocs empties its site_dir before building, so it builds into a fresh folder beside the site;
the two are then exchanged in one atomic step. A killed or failed build leaves the old site whole.
`extra.declic.search` picks the search engine: "pagefind" (indexed here, before the swap) or
"mkdocs" (Material's built-in one). An offline build works from file:// and uses the built-in one.
"""

from __future__ import annotations

import copy
import ctypes
import ctypes.util
import json
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, BuildError, ConfigurationError
from pagefind.service import get_executable

from . import __version__, urls
from .folders import mark
from .project import Project

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


class SiteBuildError(Exception):
    """mkdocs refused to build (a warning in strict mode, a broken link, a macro error)."""


# Browsers run no web worker from file://: Material's offline search needs this shim, which its
# offline plugin would fetch from a CDN unless a polyfill named "iframe-worker" is already listed.
IFRAME_WORKER = Path(__file__).parent / "vendor" / "iframe-worker-shim.js"
IFRAME_WORKER_URL = "iframe-worker-shim.js"


def build_site(project: Project, strict: bool = True, offline: bool = False) -> None:
    """mkdocs is given the docs folder, the site folder and the settings that `project` read and
    checked, rather than reading them again. The caller holds the guide's build lock, so any
    `.site.new-*` folder found here was left by a build that died."""
    site_dir = project.site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    _remove_leftovers(site_dir)
    fresh = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.new-", dir=site_dir.parent))
    fresh.chmod(0o777 & ~_umask())  # mkdtemp makes it private; a site is for a web server to read
    try:
        config = site_config(project, fresh, strict=strict, offline=offline)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build(config)
        finally:
            config.plugins.on_shutdown()
        if config.extra["declic"]["search"] == "pagefind":
            _index_for_search(fresh)
        if offline:
            shutil.copy(IFRAME_WORKER, fresh / IFRAME_WORKER_URL)
        mark(fresh)
    except (Abort, BuildError, ConfigurationError) as error:
        shutil.rmtree(fresh, ignore_errors=True)
        raise SiteBuildError(_in_french(str(error))) from None
    except SystemExit:  # mkdocs-macros ends the process when a macro fails (on_error_fail)
        shutil.rmtree(fresh, ignore_errors=True)
        raise SiteBuildError(
            "une macro d'une page a échoué : le message « [macros] » ci-dessus nomme la page et l'erreur"
        ) from None
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    swap_in(fresh, site_dir)


def site_config(
    project: Project, site_dir: Path, strict: bool = True, offline: bool = False, preview: bool = False
) -> MkDocsConfig:
    """mkdocs' configuration for one build, with what Déclic decides in it. `preview`: for
    `declic serve`, which shows the guide's problems in the page (see `preview.js`)."""
    options = _options(project, offline, preview)
    return load_config(
        str(project.config_file), docs_dir=str(project.docs_dir), site_dir=str(site_dir), strict=strict, **options
    )


def _in_french(message: str) -> str:
    """mkdocs' closing words, in French; its warnings above them name the page."""
    if match := re.match(r"Aborted with (\d+) warnings? in strict mode", message):
        count = int(match.group(1))
        plural = "s" if count > 1 else ""
        return f"mkdocs a relevé {count} avertissement{plural} (ci-dessus) et le mode strict les refuse"
    return message


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def _options(project: Project, offline: bool, preview: bool) -> dict[str, Any]:
    """What this build changes in mkdocs.yml: the search plugin, the offline settings, the pages
    left out of the navigation, and
    `extra.declic` replaced by the settings Déclic checked (the theme prints its colours raw).
    Offline and in the preview, search is Material's own: Pagefind indexes a finished site."""
    # Copies: mkdocs takes the plugins' settings apart as it reads them, and a project is built
    # more than once (`declic serve`'s quick build, then its full one).
    extra = copy.deepcopy(dict(project.config.get("extra") or {}))
    declic = {**project.settings.model_dump(mode="json"), "preview": preview, "version": __version__}
    engine = "mkdocs" if preview else project.settings.search
    plugins = _plugin_list(copy.deepcopy(project.config.get("plugins", ["search"])))
    options: dict[str, Any] = {}
    if offline:
        # Pagefind fetches its index, which browsers refuse from file://; Material's offline
        # plugin ships the built-in index as a script, which they load.
        engine = "mkdocs"
        options["use_directory_urls"] = False
        extra["polyfills"] = [*extra.get("polyfills", []), IFRAME_WORKER_URL]
        if not any(_plugin_name(item) == "offline" for item in plugins):
            plugins.append("offline")
    if engine == "mkdocs" and not any(_plugin_name(item) == "search" for item in plugins):
        plugins.append("search")
    if engine == "pagefind":
        plugins = [item for item in plugins if _plugin_name(item) != "search"]
    return {
        **options,
        "plugins": plugins,
        "not_in_nav": _not_in_nav(project.config.get("not_in_nav")),
        "extra": {**extra, "declic": {**declic, "search": engine}},
    }


def _not_in_nav(own: str | None) -> str:
    """The guide's own `not_in_nav` patterns, and those of the generated detail pages (urls.py)."""
    lines = (own or "").splitlines()
    return "\n".join([*lines, *(pattern for pattern in urls.NOT_IN_NAV if pattern not in lines)]) + "\n"


def _plugin_list(plugins: list | dict) -> list:
    return [{name: value} for name, value in plugins.items()] if isinstance(plugins, dict) else list(plugins)


def _plugin_name(item: str | dict) -> str:
    name = item if isinstance(item, str) else next(iter(item))
    return name.removeprefix("material/")


# Pagefind holds every page it indexes in memory, about a quarter of a megabyte each (2.9 GB for
# 11,500 pages): a larger site is indexed in parts, one after the other, which the search box
# queries together (Pagefind's `mergeIndex`). Each part costs a reader some 80 KB more per search,
# and a part that has never seen one word of a query answers with the pages that have the others.
PAGES_PER_INDEX = 3000
INDEX_PARTS = "declic-index-parts.json"  # in the main index's folder: the other parts, for declic.js


def _index_for_search(site: Path) -> None:
    """Pagefind's index, written into the site: `pagefind/`, then `pagefind-2/`… past
    PAGES_PER_INDEX pages. As Pagefind itself does, once some pages mark their body
    (`data-pagefind-body`), the others are left out: the explorer, the tags, redirects."""
    pages = sorted(site.rglob("*.html"))
    indexed = [page for page in pages if b"data-pagefind-body" in page.read_bytes()] or pages
    parts = [indexed[start : start + PAGES_PER_INDEX] for start in range(0, len(indexed), PAGES_PER_INDEX)]
    names = ["pagefind", *(f"pagefind-{number}" for number in range(2, len(parts) + 1))]
    for name, part in zip(names, parts, strict=True):
        # Named after the fresh site (`.site.new-…-pagefind-…`): if the build is killed, the next
        # one removes this folder with the fresh site's other leftovers.
        with tempfile.TemporaryDirectory(prefix=f"{site.name}-pagefind-", dir=site.parent) as folder:
            _copy_for_pagefind(site, part, Path(folder))
            _run_pagefind(Path(folder), site / name)
    (site / "pagefind" / INDEX_PARTS).write_text(json.dumps([f"{name}/" for name in names[1:]]), encoding="utf-8")


def _copy_for_pagefind(site: Path, pages: list[Path], folder: Path) -> None:
    """What Pagefind reads of each page: the page's head and its body (`data-pagefind-body`) alone,
    the only part it indexes (parsing the theme's navigation around it was a fifth of its time;
    the index comes out the same, file for file). Pagefind splits words on the straight apostrophe
    only, so the copy has « l'équipe » where the page has « l’équipe »: then « équipe » finds it."""
    for page in pages:
        copy = folder / page.relative_to(site)
        copy.parent.mkdir(parents=True, exist_ok=True)
        copy.write_text(_indexed_part(page.read_text(encoding="utf-8")).replace("\u2019", "'"), encoding="utf-8")


_BODY = "<div data-pagefind-body>"


def _indexed_part(html: str) -> str:
    """The head and the indexed body of a page built with Déclic's theme (main.html wraps the
    content in `_BODY`, inside Material's `<article>`); another page whole."""
    head_end, body = html.find("<body"), html.find(_BODY)
    end = html.find("</article>", body)
    if head_end < 0 or body < 0 or end < 0:
        return html
    return f"{html[:head_end]}<body>{html[body:end]}</body></html>"


def _run_pagefind(pages: Path, output: Path) -> None:
    executable = get_executable()  # run directly: `python -m pagefind` costs a Python start each time
    if executable is None:
        raise SiteBuildError("Pagefind est introuvable : réinstallez Déclic (make site) ou choisissez search: mkdocs")
    result = subprocess.run(
        [
            str(executable),
            "--site",
            str(pages),
            "--output-path",
            str(output),
            "--exclude-selectors",
            ".headerlink",
        ],  # the « ¶ » after each heading is no word
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode:
        raise SiteBuildError(f"l'index de recherche Pagefind n'a pas pu être construit : {result.stderr.strip()}")


def swap_in(fresh: Path, site_dir: Path) -> None:
    """Put `fresh` at `site_dir`; the old site is exchanged out atomically, then deleted."""
    if site_dir.exists() and _exchange(fresh, site_dir):
        shutil.rmtree(fresh, ignore_errors=True)  # `fresh` now holds the old site
        return
    if site_dir.exists():  # no atomic exchange here: the old site goes aside for a moment
        old = site_dir.with_name(f".{site_dir.name}.old-{os.getpid()}")
        site_dir.rename(old)
        fresh.rename(site_dir)
        shutil.rmtree(old, ignore_errors=True)
    else:
        fresh.rename(site_dir)


def _exchange(first: Path, second: Path) -> bool:
    """Linux renameat2(RENAME_EXCHANGE): swaps two paths at once. False where unavailable."""
    libc_name = ctypes.util.find_library("c")
    renameat2 = getattr(ctypes.CDLL(libc_name, use_errno=True), "renameat2", None) if libc_name else None
    if renameat2 is None:
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE)
    return result == 0


def _remove_leftovers(site_dir: Path) -> None:
    """Clean what a killed build left; an old site set aside without its successor is put back."""
    for old in sorted(site_dir.parent.glob(f".{site_dir.name}.old-*")):
        if site_dir.exists():
            shutil.rmtree(old, ignore_errors=True)
        else:
            old.rename(site_dir)
    for leftover in site_dir.parent.glob(f".{site_dir.name}.new-*"):
        shutil.rmtree(leftover, ignore_errors=True)
