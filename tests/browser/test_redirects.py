"""A renamed card, sheet or path keeps its old address: a page there sends the reader on."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect


@pytest.mark.parametrize(
    "old, new",
    [
        ("cas-usage/chauffagiste/", "cas-usage/plombier/"),  # trade renamed
        ("cas-usage/chauffagiste/ecrire-devis/", "cas-usage/plombier/ecrire-devis/"),  # its cards move
        ("cas-usage/plombier/relances/", "cas-usage/plombier/relancer-factures/"),  # irritant renamed
        ("cas-usage/chauffagiste/relances/", "cas-usage/plombier/relancer-factures/"),  # both
        ("irritants/relances/", "irritants/relancer-factures/"),
        ("fiches/relance-cordiale/", "fiches/relance-facture/"),
    ],
)
def test_an_old_address_leads_to_the_new_page(page, site_url, old, new):
    page.goto(site_url + old)
    page.wait_for_url(site_url + new)
    expect(page.locator("h1")).to_be_visible()


def test_the_redirect_page_has_a_link_and_a_canonical_address(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.route("**/*", lambda route: route.continue_())
    response = page.request.get(site_url + "fiches/relance-cordiale/")
    html = response.text()
    assert 'rel="canonical" href="https://guide.example.org/essai/fiches/relance-facture/"' in html
    page.set_content(html)
    expect(page.get_by_role("link", name="Relance cordiale")).to_have_attribute("href", "../relance-facture/")
    context.close()
