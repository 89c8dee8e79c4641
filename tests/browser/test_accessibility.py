"""axe-core finds no serious or critical violation on the pages people use most, with Déclic's
controls in place (prompt form, path progress, explorer, search panel open)."""

from __future__ import annotations

import re
import shutil

import pytest
from axe_playwright_python.sync_playwright import Axe

from browser.conftest import serve
from conftest import ROOT
from declic.build import build
from declic.site.project import load_project
from guides import mixed_guide

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


def test_the_group_page_with_its_table_and_refused_codes_has_no_serious_violation(page, site_url):
    page.goto(site_url + "parcours/gerants/")
    untouched = page.locator(".declic-code__value").inner_text()
    page.locator(".declic-stage li").first.get_by_role("checkbox", name="adopté", exact=False).check()
    page.wait_for_function("old => document.querySelector('.declic-code__value').textContent !== old", arg=untouched)
    code = page.locator(".declic-code__value").inner_text()
    page.goto(site_url + "suivi/")
    page.fill("#declic-group-codes", f"Léa : {code}\nBob : 0000-0000-0000")
    page.get_by_role("button", name="Lire les codes").click()
    page.locator(".declic-group__table").wait_for()
    assert serious_violations(page) == []


@pytest.fixture(scope="module")
def drafts_url(tmp_path_factory):
    """The guide with every status (tests/commands/test_review.py), in Déclic's theme, built with its drafts."""
    root = tmp_path_factory.mktemp("drafts") / "guide"
    config = mixed_guide(root)
    shutil.copytree(ROOT / "overrides", root / "overrides")
    text = re.sub(r"(?m)^  language: fr$", "  language: fr\n  custom_dir: overrides", config.read_text(), count=1)
    config.write_text(text, encoding="utf-8")
    project = load_project(config, drafts=True)
    build(project, strict=True)
    yield from serve(project.site_dir)


@pytest.mark.parametrize("path", ["fiches/descriptif-devis/", "fiches/ancienne-relance/"])
def test_the_draft_band_and_the_retired_page_have_no_serious_violation(page, drafts_url, path):
    page.goto(drafts_url + path)
    page.wait_for_load_state("networkidle")
    assert page.locator(".declic-draft").count() == 1
    assert serious_violations(page) == []
