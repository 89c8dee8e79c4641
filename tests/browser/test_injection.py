"""In the browser, catalog text with HTML, scripts and links in it is shown and never run: on the
pages, in the prompt form, the explorer, the workshop kit and the search results."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from declic.build import build
from declic.site.project import load_project
from guides import attacked_guide

from .conftest import serve
from .test_search import search

PAGES = (
    "cas-usage/plombier/relancer-factures/",
    "fiches/relance-facture/",
    "parcours/paul-plombier/",
    "explorer/",
    "atelier/?parcours=paul-plombier&cartes=plombier/relancer-factures&fiches=relance-facture",
    "irritants/",
)


@pytest.fixture(scope="module")
def attacked_url(tmp_path_factory) -> Iterator[str]:
    project = load_project(attacked_guide(tmp_path_factory.mktemp("attacked-browser") / "guide", "pagefind"))
    build(project)
    yield from serve(project.site_dir)


@pytest.mark.parametrize("address", PAGES)
def test_catalog_text_shows_and_runs_nothing(browser, attacked_url, address):
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(attacked_url + address)
    page.wait_for_load_state("networkidle")
    if address.startswith("cas-usage/"):  # the reader's form puts the examples back into the prompt
        field = page.locator(".declic-fill input, .declic-fill textarea").first
        field.fill("<img src=x onerror=alert('XSS-form')>")
        page.wait_for_timeout(200)
        assert "<img src=x onerror=alert('XSS-form')>" in page.locator(".declic-prompt code").first.inner_text()
    body = page.locator("body").inner_text()
    assert "alert('XSS" in body  # the attacks are on the page, as text
    assert dialogs == []
    page.close()


def test_search_results_show_catalog_text_and_run_nothing(browser, attacked_url):
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(attacked_url)
    addresses = search(page, "alert")
    assert addresses  # the attacks are indexed as words
    page.wait_for_timeout(500)
    assert "alert" in page.locator(".pagefind-ui__results").inner_text()
    assert dialogs == []
    page.close()
