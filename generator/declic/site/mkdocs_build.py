"""Docs folder → site folder, with mkdocs (then Pagefind), swapped in only when the build succeeded.

mkdocs empties its site_dir before building, so it builds into a fresh folder beside the site;
the two are then exchanged in one atomic step. A killed or failed build leaves the old site whole.
`extra.declic.search` picks the search engine: "pagefind" (indexed here, before the swap) or
"mkdocs" (Material's built-in one). An offline build works from file:// and uses the built-in one.
"""

from __future__ import annotations

import copy
import logging
import os
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, BuildError, ConfigurationError

from declic import __version__, urls
from declic.site.errors import SiteBuildError
from declic.site.folders import mark
from declic.site.project import Project
from declic.site.search_index import index_for_search
from declic.site.swap import remove_leftovers, swap_in

_log = logging.getLogger("declic")

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
    remove_leftovers(site_dir)
    fresh = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.new-", dir=site_dir.parent))
    fresh.chmod(0o777 & ~_umask())  # mkdtemp makes it private; a site is for a web server to read
    mark(fresh)  # at once: a build killed from here on leaves a folder the next one may remove
    try:
        config = site_config(project, fresh, strict=strict, offline=offline)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build(config)
        finally:
            config.plugins.on_shutdown()
        if config.extra["declic"]["search"] == "pagefind":
            index_for_search(fresh)
        if offline:
            shutil.copy(IFRAME_WORKER, fresh / IFRAME_WORKER_URL)
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
    plugins = _without_old_macros(_plugin_list(copy.deepcopy(project.config.get("plugins", ["search"]))))
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
        "site_url": project.site_url,  # the address Déclic checked, not read again
        "plugins": plugins,
        "not_in_nav": _not_in_nav(project.config.get("not_in_nav")),
        "extra": {**extra, "declic": {**declic, "search": engine}},
    }


def _not_in_nav(own: str | None) -> str:
    """The guide's own `not_in_nav` patterns, and those of the generated detail pages (urls.py)."""
    lines = (own or "").splitlines()
    return "\n".join([*lines, *(pattern for pattern in urls.NOT_IN_NAV if pattern not in lines)]) + "\n"


# Guides made before Déclic filled the pages' macros itself name its module in mkdocs-macros' settings.
OLD_MACROS_MODULES = ("generator.macros", "declic.pages.macros")


def _without_old_macros(plugins: list) -> list:
    """The macros plugin's entry for Déclic's old module is dropped, with a notice saying what to
    change: Déclic fills `render_macros: true` pages itself, in its sandbox. A guide's own modules
    (its code) stay, with the plugin."""
    kept = []
    for item in plugins:
        if _plugin_name(item) != "macros" or isinstance(item, str):
            kept.append(item)
            continue
        settings = dict(next(iter(item.values())) or {})
        modules = [module for module in settings.get("modules") or [] if module not in OLD_MACROS_MODULES]
        if modules != list(settings.get("modules") or []):
            _log.warning(
                "mkdocs.yml nomme le module de macros de Déclic (%s), qui n'existe plus : Déclic remplit "
                "lui-même les pages marquées render_macros: true. Retirez ce module de plugins > macros "
                "(et le plugin macros s'il ne sert qu'à lui).",
                ", ".join(module for module in settings.get("modules") or [] if module in OLD_MACROS_MODULES),
            )
        if modules:
            kept.append({next(iter(item)): {**settings, "modules": modules}})
    return kept


def _plugin_list(plugins: list | dict) -> list:
    return [{name: value} for name, value in plugins.items()] if isinstance(plugins, dict) else list(plugins)


def _plugin_name(item: str | dict) -> str:
    name = item if isinstance(item, str) else next(iter(item))
    return name.removeprefix("material/")
