"""What a reader's phone downloads: the largest HTML page of each kind (raw and gzipped), and the
first view of a few pages in Chromium (the page, its scripts and the data they load, gzipped the
way a web server sends them; style sheets, fonts and images aside).
"""

from __future__ import annotations

import gzip
import json
import re
import time
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


def explorer_answers(site: Path) -> dict[str, float] | None:
    """On a phone-speed CPU (Chromium throttled 4×): seconds from opening the explorer to its first
    view, to the answer of a trade filter, and to that of a filter across trades (every part)."""
    if not can_browse():
        return None
    from playwright.sync_api import expect

    final = re.compile(r"^(\d+ cas d'usage sur \d+\.|Aucun .*)$")
    with browsing(site) as (browser, base):
        page = browser.new_page(viewport={"width": 390, "height": 844})
        page.context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 4})
        started = time.perf_counter()
        page.goto(f"{base}/explorer/")
        page.locator("#declic-results li").first.wait_for()
        first_view = time.perf_counter() - started
        trades = page.locator("#filtre-metier option").evaluate_all("options => options.map(o => o.value)")
        started = time.perf_counter()
        page.select_option("#filtre-metier", trades[-1])
        expect(page.locator("#declic-count")).to_have_text(final, timeout=120_000)
        trade = time.perf_counter() - started
        page.select_option("#filtre-metier", "")
        started = time.perf_counter()
        page.select_option("#filtre-duree", "5")
        expect(page.locator("#declic-count")).to_have_text(final, timeout=120_000)
        across = time.perf_counter() - started
        page.close()
    return {"first_view": first_view, "trade_filter": trade, "filter_across_trades": across}
