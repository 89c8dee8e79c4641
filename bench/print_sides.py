"""Paper: how many A4 sides each card and sheet of a built site prints on (Chromium's print to PDF,
as a trainer's browser prints), and a workshop kit of five cards. The aim: a card on one side, a
sheet on two at most, a kit of N cards on N sides.

    .venv/bin/python bench/print_sides.py site/

Every page's count goes to bench/out/print_sides.json; the summary, on the standard output.
"""

from __future__ import annotations

import collections
import json
import re
import statistics
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from local_site import served

KIT_CARDS = 5
LIMITS = {"card": 1, "sheet": 2, "kit": KIT_CARDS}
OUT = Path(__file__).resolve().parent / "out" / "print_sides.json"


def sides(page, url: str, ready: str = ".md-content") -> int:
    page.goto(url)
    page.locator(ready).first.wait_for()
    return len(re.findall(rb"/Type\s*/Page(?!s)", page.pdf(format="A4")))


def kit_cards(pages: list[dict]) -> list[str]:
    """Five cards spread over the catalog (its order: by trade, then irritant)."""
    cards = [entry["id"] for entry in pages if entry["kind"] == "card"]
    return cards[:: max(1, len(cards) // KIT_CARDS)][:KIT_CARDS]


def measure(site: Path) -> dict[str, list[tuple[str, int]]]:
    pages = json.loads((site / "catalogue.json").read_text(encoding="utf-8"))["pages"]
    found: dict[str, list[tuple[str, int]]] = {"card": [], "sheet": []}
    with served(site) as root, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        page = browser.new_page()
        for entry in pages:
            if entry["kind"] in found:
                found[entry["kind"]].append((entry["url"], sides(page, root + entry["url"])))
        kit = "atelier/?cartes=" + ",".join(kit_cards(pages))
        page.goto(root + kit)
        page.locator(".declic-workshop__card").nth(KIT_CARDS - 1).wait_for()
        found["kit"] = [(kit, len(re.findall(rb"/Type\s*/Page(?!s)", page.pdf(format="A4"))))]
        browser.close()
    return found


def main(site: str) -> None:
    found = measure(Path(site))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps({kind: dict(counts) for kind, counts in found.items()}, indent=1, ensure_ascii=False))
    for kind, counts in found.items():
        values = [count for _, count in counts]
        limit = LIMITS[kind]
        over = [(url, count) for url, count in counts if count > limit]
        spread = ", ".join(f"{n} face(s) : {k}" for n, k in sorted(collections.Counter(values).items()))
        print(
            f"{kind}: {len(values)} mesuré(s), {statistics.mean(values):.2f} faces A4 en moyenne, {max(values)} au plus "
            f"({spread}) ; {len(over)} au-delà de {limit}"
            + (" : " + ", ".join(f"{url} ({count})" for url, count in over) if over else "")
        )
    print(f"détail par page : {OUT}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "site")
