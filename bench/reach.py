"""Where a reader finds the copy button: for every card and sheet of a built site, the top of the
first « Copier le prompt » button, in screens, at 390 × 844 (a phone) and 1280 × 800 (a desktop).

    .venv/bin/python bench/reach.py site/      # the site `make site` built
Prints the median and the largest, and how many pages are beyond 1.5 screens (phone) or 1 (desktop).
"""

from __future__ import annotations

import json
import statistics
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from local_site import served

SIZES = {"phone": ({"width": 390, "height": 844}, 1.5), "desktop": ({"width": 1280, "height": 800}, 1.0)}


def measure(site: Path) -> dict[str, list[tuple[str, float]]]:
    pages = json.loads((site / "catalogue.json").read_text(encoding="utf-8"))["pages"]
    addresses = [page["url"] for page in pages if page["kind"] in ("card", "sheet")]
    found: dict[str, list[tuple[str, float]]] = {}
    with served(site) as root, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        for name, (viewport, _) in SIZES.items():
            page = browser.new_page(viewport=viewport)
            found[name] = []
            for address in addresses:
                page.goto(root + address)
                button = page.locator(".declic-copy").first
                button.wait_for()
                top = button.evaluate("b => b.getBoundingClientRect().bottom + window.scrollY")
                found[name].append((address, top / viewport["height"]))
            page.close()
        browser.close()
    return found


def main(site: str) -> None:
    for name, positions in measure(Path(site)).items():
        screens = [value for _, value in positions]
        limit = SIZES[name][1]
        beyond = sum(value > limit for value in screens)
        print(
            f"{name}: bas du bouton à {statistics.median(screens):.2f} écran (médiane), "
            f"{max(screens):.2f} au plus ; {beyond} page(s) sur {len(screens)} au-delà de {limit} écran"
        )
        for address, value in sorted(positions, key=lambda item: -item[1])[:4]:
            print(f"  {value:.2f}  {address}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "site")
