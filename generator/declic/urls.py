"""Every page's address: the URL contract trainers link to, written here and nowhere else.

Docs paths (`cas-usage/plombier/relancer-factures-impayees.md`) are what the pipeline passes
around; templates, the explorer's data, the browser scripts and mkdocs' `not_in_nav` get them from
this module. Pure: no disk.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from types import SimpleNamespace

CARDS = "cas-usage"
SHEETS = "fiches"
PATHS = "parcours"
IRRITANTS = "irritants"
OBSTACLES = "freins"
EXPLORER = "explorer"
WORKSHOP = "atelier"
SOURCES = "sources"
REFERENCE = "reference"
GROUP = "suivi"  # the trainer's « Suivi d'un groupe »: learners' completion codes read back

CARDS_INDEX = f"{CARDS}/index.md"
SHEETS_INDEX = f"{SHEETS}/index.md"
PATHS_INDEX = f"{PATHS}/index.md"
IRRITANTS_INDEX = f"{IRRITANTS}/index.md"
OBSTACLES_INDEX = f"{OBSTACLES}/index.md"
EXPLORER_PAGE = f"{EXPLORER}/index.md"
EXPLORER_DATA = f"{EXPLORER}/donnees"  # one script per trade (explorer_data.py)
WORKSHOP_PAGE = f"{WORKSHOP}/index.md"
SOURCES_PAGE = f"{SOURCES}/index.md"
REFERENCE_PAGE = f"{REFERENCE}/index.md"
GROUP_PAGE = f"{GROUP}/index.md"
CHARTER_PAGE = "charte.md"  # hand-written (content/), linked from every data rule


def card(trade_id: str, irritant_id: str) -> str:
    return f"{CARDS}/{trade_id}/{irritant_id}.md"


def trade(trade_id: str) -> str:
    return f"{CARDS}/{trade_id}/index.md"


def _pages_in(folder: str) -> Callable[[str], str]:
    def address(entity_id: str) -> str:
        return f"{folder}/{entity_id}.md"

    return address


sheet = _pages_in(SHEETS)  # a prompt's micro-learning sheet
path = _pages_in(PATHS)  # a role's or a persona's learning path
irritant = _pages_in(IRRITANTS)
obstacle = _pages_in(OBSTACLES)


def explorer_part(name: str) -> str:
    return f"{EXPLORER_DATA}/{name}.js"


# Cards, sheets, paths and detail pages are reached from the index pages, the explorer and search:
# listing them in the navigation would copy the whole catalog into every page.
NOT_IN_NAV = (
    f"/{WORKSHOP_PAGE}",
    f"/{CARDS}/*/",
    f"/{IRRITANTS}/*.md",
    f"/{OBSTACLES}/*.md",
    f"/{SHEETS}/*.md",
    f"/{PATHS}/*.md",
)


def browser_addresses() -> dict[str, str]:
    """The folders the browser scripts find pages in, from the site's root: the workshop kit fetches
    cards, sheets and paths by id, the explorer links cards and loads its parts (`<id>.js`). The
    scripts add `<id>/` or `<id>.html`, as the site was built (offline builds use .html)."""
    return {"card": f"{CARDS}/", "sheet": f"{SHEETS}/", "path": f"{PATHS}/", "part": f"{EXPLORER_DATA}/"}


def address(docs_path: str) -> str:
    """Where a docs file is served with directory URLs: `a/b.md`, `a/b/index.md` → `a/b/`;
    other files where they are."""
    stem, dot, suffix = docs_path.rpartition(".")
    if not dot or suffix not in ("md", "html"):
        return docs_path
    if suffix == "html" and stem.rpartition("/")[2] != "index":
        return docs_path
    stem = stem.removesuffix("index").rstrip("/") if stem.rpartition("/")[2] == "index" else stem
    return f"{stem}/" if stem else ""


def absolute(site_url: str, docs_path: str) -> str:
    """The published address of a page, or "" when the guide has no `site_url`."""
    return f"{site_url.rstrip('/')}/{address(docs_path)}" if site_url else ""


def relative(target: str, start: str) -> str:
    """`posixpath.relpath(target, start)` for two relative paths, by their parts alone: relpath asks
    the system for the working directory on every call, which took a quarter of the rendering time."""
    target_parts, start_parts = target.split("/"), start.split("/") if start else []
    common = 0
    for target_part, start_part in zip(target_parts, start_parts, strict=False):
        if target_part != start_part:
            break
        common += 1
    return "/".join([".."] * (len(start_parts) - common) + target_parts[common:]) or "."


def served(docs_path: str, directory_urls: bool = True) -> str:
    """A docs page's URL as mkdocs serves it: `a/b.md` → `a/b/`, `a/index.md` → `a/`, the home
    page → `./`; without directory URLs (offline builds) `a/b.html`, `a/index.html`."""
    stem = docs_path.removesuffix(".md")
    if not directory_urls:
        return f"{stem}.html"
    folder, _, name = stem.rpartition("/")
    if name == "index":
        return f"{folder}/" if folder else "./"
    return f"{stem}/"


def href(target: str, start: str, directory_urls: bool = True) -> str:
    """The link from docs page `start` to docs page `target` that mkdocs itself writes for a Markdown
    link between them (`get_relative_url` of their served URLs): for links written as HTML, which
    mkdocs leaves alone, so that the page is the same byte for byte."""
    url, other = served(target, directory_urls), served(start, directory_urls)
    folder, _, name = other.rpartition("/")
    other_parts = [part for part in (folder if "." in name else other).split("/") if part not in ("", ".")]
    url_parts = [part for part in url.split("/") if part not in ("", ".")]
    common = 0
    for other_part, url_part in zip(other_parts, url_parts, strict=False):
        if other_part != url_part:
            break
        common += 1
    relative = "/".join([".."] * (len(other_parts) - common) + url_parts[common:]) or "."
    return relative + "/" if url.endswith("/") else relative


def to_root(docs_path: str, directory_urls: bool = True) -> str:
    """From a docs page's served URL up to the site's root: `../../`, or "" from the home page."""
    url = served(docs_path, directory_urls)
    folder, _, name = url.rpartition("/")
    return "../" * len([part for part in (folder if "." in name else url).split("/") if part not in ("", ".")])


def relative_address(target_address: str, from_address: str) -> str:
    """From one served address (`a/b/`) to another, as a link a redirect page can hold."""
    return posixpath.relpath(target_address or ".", from_address or ".") + "/"


def for_templates() -> SimpleNamespace:
    """What templates call `urls`: the addresses above and nothing else (a module would hand the
    guide's own templates, sandboxed, the modules it imports)."""
    names = [name for name, value in globals().items() if name.isupper() and isinstance(value, str)]
    functions = {"card": card, "trade": trade, "sheet": sheet, "path": path, "irritant": irritant, "obstacle": obstacle}
    return SimpleNamespace(**{name: globals()[name] for name in names}, **functions)
