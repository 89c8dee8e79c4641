"""What a reader's phone downloads: the largest HTML page of each kind (raw and gzipped), and the
first view of a few pages in Chromium (the page, its scripts and the data they load, gzipped the
way a web server sends them; style sheets, fonts and images aside).
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from search_cost import browsing, can_browse

FIRST_VIEWS = ("explorer/", "cas-usage/", "")  # the explorer, the cards index, the home page


def page_kinds(site: Path) -> dict[str, str]:
    """Site path of each page → its kind: the generated ones from catalogue.json, then by address."""
    catalog = json.loads((site / "catalogue.json").read_text(encoding="utf-8"))
    kinds = {page["url"]: page["kind"] for page in catalog["pages"]}
    special = {"explorer/": "explorer", "atelier/": "workshop"}
    result = {}
    for path in site.rglob("index.html"):
        url = path.parent.relative_to(site).as_posix() + "/" if path.parent != site else ""
        if "assets" in path.parts or "search" in path.parts:
            continue
        result[url] = special.get(url) or kinds.get(url) or "page"
    return result


def largest_pages(site: Path) -> dict[str, dict]:
    """Kind → the largest page of that kind: its address, bytes and gzipped bytes."""
    largest: dict[str, dict] = {}
    for url, kind in page_kinds(site).items():
        data = (site / url / "index.html").read_bytes()
        if len(data) > largest.get(kind, {}).get("bytes", -1):
            largest[kind] = {"url": url, "bytes": len(data), "gzip_bytes": len(gzip.compress(data, 6))}
    return largest


def first_views(site: Path, urls: tuple[str, ...] = FIRST_VIEWS) -> dict[str, int] | None:
    """Address → gzipped bytes of HTML, scripts and data its first view loads (None without Chromium)."""
    if not can_browse():
        return None
    views: dict[str, int] = {}
    with browsing(site) as (browser, base):
        for url in urls:
            page = browser.new_page(viewport={"width": 390, "height": 844})
            loaded: list[int] = []

            def count(response, loaded=loaded) -> None:
                if response.request.resource_type in ("document", "script", "fetch", "xhr") and response.ok:
                    loaded.append(len(gzip.compress(response.body(), 6)))

            page.on("response", count)
            page.goto(f"{base}/{url}", wait_until="networkidle")
            views[url] = sum(loaded)
            page.close()
    return views
