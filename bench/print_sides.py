"""Paper: how many A4 sides each card and sheet of a built site prints on (Chromium's print to PDF,
as a trainer's browser prints), and a workshop kit of two cards.

    .venv/bin/python bench/print_sides.py site/
"""

from __future__ import annotations

import json
import re
import statistics
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from local_site import served


def sides(page, url: str, ready: str = ".md-content") -> int:
    page.goto(url)
    page.locator(ready).first.wait_for()
    return len(re.findall(rb"/Type\s*/Page(?!s)", page.pdf(format="A4")))


def measure(site: Path) -> dict[str, list[tuple[str, int]]]:
    pages = json.loads((site / "catalogue.json").read_text(encoding="utf-8"))["pages"]
    found: dict[str, list[tuple[str, int]]] = {"card": [], "sheet": []}
    with served(site) as root, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        page = browser.new_page()
        for entry in pages:
            if entry["kind"] in found:
                found[entry["kind"]].append((entry["url"], sides(page, root + entry["url"])))
        cards = [entry["id"] for entry in pages if entry["kind"] == "card"][:2]
        kit = root + "atelier/?cartes=" + ",".join(cards)
        found["kit"] = [(kit, sides(page, kit, ".declic-workshop__card"))]
        browser.close()
    return found


def main(site: str) -> None:
    for kind, counts in measure(Path(site)).items():
        values = [count for _, count in counts]
        worst = sorted(counts, key=lambda item: -item[1])[:3]
        print(
            f"{kind}: {statistics.mean(values):.2f} faces A4 en moyenne, {max(values)} au plus, "
            f"{sum(value > 2 for value in values)} sur {len(values)} au-delà de 2 ; "
            + ", ".join(f"{url} ({count})" for url, count in worst)
        )


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "site")
