"""The explorer of a 1,000-card guide on a slow phone (Chromium's CPU four times slower): its page
holds no card, its first view loads a few trades' cards, a trade filter loads that trade's alone,
and a filter across trades every card at once. How fast it answers is measured by `make bench`, not asserted here."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from conftest import ROOT
from declic.build import build
from declic.site.project import load_project

from .conftest import serve

sys.path.insert(0, str(ROOT / "bench"))
from synth import write_guide

CARDS = 1000


@pytest.fixture(scope="module")
def large_site(tmp_path_factory) -> Path:
    project = load_project(write_guide(tmp_path_factory.mktemp("large") / "guide", CARDS))
    build(project)
    return project.site_dir


@pytest.fixture(scope="module")
def large_url(large_site) -> Iterator[str]:
    yield from serve(large_site)


def test_a_large_explorer_loads_only_what_a_filter_needs(page, large_site, large_url):
    assert (large_site / "explorer" / "index.html").stat().st_size < 60_000  # no card in the page itself
    parts = sorted(path.stem for path in (large_site / "explorer" / "donnees").glob("*.js") if path.stem != "_tout")
    loaded: list[str] = []
    page.on("request", lambda request: loaded.append(request.url) if "/explorer/donnees/" in request.url else None)
    page.context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 4})
    page.goto(large_url + "explorer/")
    expect(page.locator("#declic-results li")).to_have_count(100)  # the first hundred
    expect(page.locator("#declic-count")).to_have_text(f"{CARDS} cas d'usage sur {CARDS}.")
    first_view = len(loaded)
    assert 0 < first_view < len(parts) / 2

    trade = parts[-1]  # last in the list: not loaded by the first view
    page.get_by_label("Métier", exact=True).select_option(trade)
    expect(page.locator("#declic-count")).to_have_text(re.compile(r"^\d+ cas d'usage sur 1000\.$"))
    assert len(loaded) == first_view + 1 and loaded[-1].endswith(f"/explorer/donnees/{trade}.js")
    links = page.locator("#declic-results a[data-card]")
    assert all(card.startswith(f"{trade}/") for card in links.evaluate_all("links => links.map(l => l.dataset.card)"))

    page.get_by_label("Métier", exact=True).select_option("")
    page.get_by_label("Durée", exact=True).select_option("5")  # a filter across trades: every card, one part
    expect(page.locator("#declic-count")).to_have_text(re.compile(r"^(\d+ cas d'usage sur 1000\.|Aucun .*)$"))
    assert loaded[-1].endswith("/explorer/donnees/_tout.js") and len(loaded) == first_view + 2
    page.get_by_role("button", name="Tout afficher").click()
    expect(page.locator("#declic-count")).to_have_text(f"{CARDS} cas d'usage sur {CARDS}.")
    page.locator(".declic-more").click()
    expect(page.locator("#declic-results li")).to_have_count(200)
