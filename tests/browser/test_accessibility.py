"""axe-core finds no serious or critical violation on the pages people use most, with Déclic's
controls in place (prompt form, path progress, explorer, search panel open)."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

SERIOUS = {"serious", "critical"}
MINI_PAGES = [
    "",
    "cas-usage/plombier/relancer-factures/",
    "fiches/relance-facture/",
    "parcours/gerants/",
    "explorer/",
    "atelier/?cartes=plombier/ecrire-devis",
]


def serious_violations(page, **options) -> list[str]:
    results = Axe().run(page, options={"resultTypes": ["violations"], **options})
    return [
        f"{item['id']} ({item['impact']}): {[node['target'] for node in item['nodes']]}"
        for item in results.response["violations"]
        if item["impact"] in SERIOUS
    ]


@pytest.mark.parametrize("path", MINI_PAGES)
def test_the_tiny_guide_has_no_serious_violation(page, site_url, path):
    page.goto(site_url + path)
    page.wait_for_load_state("networkidle")
    assert serious_violations(page) == []


def test_the_open_search_panel_has_no_serious_violation(page, site_url):
    page.goto(site_url + "cas-usage/plombier/relancer-factures/")
    page.locator(".declic-search__toggle").click()
    page.locator(".pagefind-ui__search-input").fill("facture")
    page.locator(".pagefind-ui__result-link").first.wait_for()
    assert serious_violations(page) == []


def test_the_offline_guide_has_no_serious_violation(page, offline_site):
    page.goto((offline_site / "cas-usage" / "plombier" / "relancer-factures.html").as_uri())
    # axe would fetch the stylesheets again with XMLHttpRequest, which file:// refuses.
    assert serious_violations(page, preload=False) == []


def default_pages(default_catalog) -> list[str]:
    first = {
        kind: next(page["url"] for page in default_catalog["pages"] if page["kind"] == kind)
        for kind in ("card", "sheet", "path")
    }
    return ["", first["card"], first["sheet"], first["path"], "explorer/"]


def test_the_default_guide_has_no_serious_violation(page, default_url, default_catalog):
    found = {}
    for path in default_pages(default_catalog):
        page.goto(default_url + path)
        page.wait_for_load_state("networkidle")
        found[path] = serious_violations(page)
    assert found == {path: [] for path in found}
