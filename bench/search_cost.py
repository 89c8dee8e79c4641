"""The search index a built site carries, and what one query makes a reader's browser download.

lunr (mkdocs-material's built-in search) downloads its whole `search/search_index.json` before the
first result. Pagefind downloads small chunks: its measured cost is read in Chromium, from the
responses of a real query typed in the site's search box (or, without one, of a query and the
five results a results list shows first).
"""

from __future__ import annotations

import gzip
import http.server
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path

QUERY = "facture"
RESULTS_SHOWN = 5
SEARCH_BUTTON, SEARCH_FIELD, SEARCH_RESULT = (
    ".declic-search__toggle",
    ".pagefind-ui__search-input",
    ".pagefind-ui__result-link",
)
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-gpu"]


def folder_bytes(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def search_cost(site: Path) -> dict:
    """Engine, index size on disk, and bytes downloaded by one query (None when not measurable)."""
    lunr = site / "search" / "search_index.json"
    pagefind = site / "pagefind"
    if pagefind.is_dir():
        loaded = _pagefind_query(site)
        return {
            "engine": "pagefind",
            # A large site's index comes in parts: pagefind/, pagefind-2/…
            "index_bytes": sum(folder_bytes(part) for part in site.glob("pagefind*") if part.is_dir()),
            "query_bytes": None if loaded is None else sum(loaded.values()),
            "query_parts": loaded,
        }
    if lunr.is_file():
        data = lunr.read_bytes()
        # The whole file before the first result; a server that compresses sends its gzip.
        return {"engine": "lunr", "index_bytes": len(data), "query_bytes": len(gzip.compress(data, 6))}
    return {"engine": "none", "index_bytes": 0, "query_bytes": 0}


def can_browse() -> bool:
    """Playwright and Chromium are here (`make test` installs them; `make bench` may run without)."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return False
    return CHROMIUM.exists()


@contextmanager
def browsing(site: Path) -> Iterator[tuple[object, str]]:
    """Chromium, and the address of `site` on a local server."""
    from playwright.sync_api import sync_playwright

    with serving(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser, base
        finally:
            browser.close()


def _pagefind_query(site: Path) -> dict[str, int] | None:
    """Bytes of Pagefind's files the page and one query download, by kind of file."""
    if not can_browse():
        return None
    loaded: dict[str, int] = {}
    with browsing(site) as (browser, base):
        page = browser.new_page()
        page.on("requestfinished", lambda request: _count(request, loaded))
        page.goto(f"{base}/", wait_until="load")
        if page.locator(SEARCH_BUTTON).count():  # the site's own search box, as a reader uses it
            page.locator(SEARCH_BUTTON).click()
            page.locator(SEARCH_FIELD).fill(QUERY)
            page.locator(SEARCH_RESULT).first.wait_for()
            page.wait_for_load_state("networkidle")
        else:  # Pagefind's API alone: a query and the first results a list would show
            page.evaluate(
                """async ([query, shown]) => {
                    const pagefind = await import("/pagefind/pagefind.js");
                    const search = await pagefind.search(query);
                    await Promise.all(search.results.slice(0, shown).map((result) => result.data()));
                }""",
                [QUERY, RESULTS_SHOWN],
            )
    parts: dict[str, int] = {}
    for url, size in loaded.items():
        if _PAGEFIND_FILE.search(url):
            kind = next((kind for key, kind in PARTS if key in url), "other")
            parts[kind] = parts.get(kind, 0) + size
    return parts


# Pagefind's files by what they are: the first key found in an address names its kind.
_PAGEFIND_FILE = re.compile(r"/pagefind(-\d+)?/")
PARTS = (
    ("/fragment/", "fragments"),
    ("declic-index-parts", "index parts"),
    ("/index/", "index chunks"),
    (".pf_meta", "page list"),
    ("-ui.", "search box"),
    ("wasm.", "engine"),
    ("pagefind", "engine"),
)


def _count(request, loaded: dict[str, int]) -> None:
    sizes = request.sizes()
    loaded[request.url] = sizes["responseBodySize"] + sizes["responseHeadersSize"]


@contextmanager
def serving(site: Path) -> Iterator[str]:
    """The site on a local server, for Chromium; yields its address."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args) -> None:
        pass
