"""Workshops on paper: a card or a sheet prints on A4 without the site around it, the whole
prompt visible, with a QR code to the page."""

from __future__ import annotations

import re

import pytest
import segno
import yaml
from playwright.sync_api import expect

from conftest import MINI

HIDDEN_ON_PAPER = [
    ".md-header",
    ".md-sidebar--primary",
    ".md-footer",
    ".declic-search",
    ".declic-fill",
    ".declic-actions",
    ".declic-open__warning",
]


@pytest.mark.parametrize("path", ["cas-usage/plombier/relancer-factures/", "fiches/relance-facture/"])
def test_a_printed_page_shows_the_content_only(page, site_url, path):
    page.goto(site_url + path)
    expect(page.locator(".declic-qr")).to_be_hidden()  # on screen, the QR code is not shown
    page.emulate_media(media="print")
    for selector in HIDDEN_ON_PAPER:
        expect(page.locator(selector).first).to_be_hidden()
    expect(page.get_by_role("button")).to_have_count(0)
    code = page.locator(".declic-prompt code").first
    expect(code).to_be_visible()
    scroll, client = code.evaluate("code => [code.scrollHeight, code.clientHeight]")
    assert scroll <= client  # nothing of the prompt is hidden behind a scroll bar
    assert code.evaluate("code => getComputedStyle(code).whiteSpace") == "pre-wrap"


def test_the_qr_code_leads_to_the_page(page, site_url):
    site = yaml.safe_load((MINI / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]
    page.goto(site_url + "cas-usage/plombier/ecrire-devis/")
    page.emulate_media(media="print")
    qr = page.locator(".declic-qr")
    expect(qr).to_be_visible()
    address = site + "cas-usage/plombier/ecrire-devis/"
    assert qr.inner_text().split(":", 1)[1].split() == [address]
    expected = re.search(r' d="([^"]+)"', segno.make_qr(address, error="m").svg_inline()).group(1)
    assert qr.locator("svg path").get_attribute("d") == expected  # the code says this address


def test_a_printed_sheet_shows_the_quiz_answers(page, site_url):
    page.goto(site_url + "fiches/relance-facture/")
    pdf = page.pdf(format="A4")
    assert re.search(rb"/MediaBox\s*\[\s*0 0 595", pdf)  # A4: 595 × 842 points
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    expect(page.locator("details:not([open])")).to_have_count(0)
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    expect(page.locator("details[open]")).to_have_count(0)


@pytest.mark.parametrize(
    "path", ["cas-usage/agent-de-collectivite/rediger-courrier-administratif/", "fiches/expliquer-sans-jargon/"]
)
def test_a_printed_page_leaves_out_its_link_lists_and_fits_one_sheet(page, default_url, path):
    """Links a reader cannot follow on paper (« Pour qui », « Voir aussi », the other trades' cards)
    stay on screen; this one-solution card and this sheet of the default guide, 4 A4 pages or more
    before print was set like a leaflet, fit both sides of one sheet."""
    page.goto(default_url + path)
    expect(page.locator(".declic-related")).to_be_visible()
    page.emulate_media(media="print")
    expect(page.locator(".declic-related")).to_be_hidden()
    pdf = page.pdf(format="A4")
    assert len(re.findall(rb"/Type\s*/Page(?!s)", pdf)) <= 2


def test_without_a_site_address_a_printed_card_gives_the_address_it_was_opened_at(page, default_url, site_url):
    card = "cas-usage/agent-de-collectivite/rediger-courrier-administratif/"
    page.goto(default_url + card)  # built without DECLIC_SITE_URL: no QR code
    address = page.locator(".declic-address")
    expect(address).to_be_hidden()
    page.emulate_media(media="print")
    expect(address).to_have_text(f"Cette page en ligne\u00a0: {default_url}{card}")
    page.goto(site_url + "cas-usage/plombier/ecrire-devis/")  # with a site_url, the QR code says it
    expect(page.locator(".declic-address")).to_have_count(0)


def a4_sides(page) -> int:
    return len(re.findall(rb"/Type\s*/Page(?!s)", page.pdf(format="A4")))


def pages_over_one_sheet(page, default_url, default_catalog, kind: str) -> dict[str, int]:
    """Every page of `kind` that prints on more than both sides of one A4 sheet, with its sides."""
    over = {}
    for entry in default_catalog["pages"]:
        if entry["kind"] == kind:
            page.goto(default_url + entry["url"])
            if (sides := a4_sides(page)) > 2:
                over[entry["url"]] = sides
    return over


def test_every_card_prints_on_one_sheet_and_a_two_card_kit_on_two(page, default_url, default_catalog):
    """Both sides of one A4 sheet at most for every card of the default guide (a card's solutions
    after the first are summed up on paper), and each card of a kit on a sheet of its own."""
    assert pages_over_one_sheet(page, default_url, default_catalog, "card") == {}
    two = ",".join([entry["id"] for entry in default_catalog["pages"] if entry["kind"] == "card"][:2])
    page.goto(default_url + "atelier/?cartes=" + two)
    expect(page.locator(".declic-workshop__card")).to_have_count(2)
    assert a4_sides(page) <= 4


def test_every_sheet_prints_on_one_sheet(page, default_url, default_catalog):
    """A sheet is the whole Kolb cycle, quiz answers open, on both sides of one A4 sheet at most."""
    assert pages_over_one_sheet(page, default_url, default_catalog, "sheet") == {}
