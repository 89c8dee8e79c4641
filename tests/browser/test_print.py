"""Workshops on paper: a card prints on one A4 side, a sheet on two at most, without the site
around them, the whole prompt visible at 9 pt or more, blanks as lines to write on, with a QR code
to the page (or its address); a kit of N cards on N sides."""

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
    ".declic-law",  # « Ce que dit la loi »: its citations are links, followed online
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
def test_a_printed_page_leaves_out_its_link_lists(page, default_url, path):
    """Links a reader cannot follow on paper (« Pour qui », « Voir aussi », the other trades' cards)
    stay on screen."""
    page.goto(default_url + path)
    expect(page.locator(".declic-related")).to_be_visible()
    page.emulate_media(media="print")
    expect(page.locator(".declic-related")).to_be_hidden()


def test_a_printed_card_is_set_at_9_pt_with_lines_for_its_blanks(page, default_url):
    """Body text and the prompt at 9 pt (12 px) or more; an empty field is a line to write on; what
    the side leaves out is named, with where to find it."""
    page.goto(default_url + "cas-usage/plombier-chauffagiste/relancer-factures-impayees/")
    page.get_by_label("Prestation facturée").fill("Entretien de chaudière")
    page.emulate_media(media="print")
    sizes = page.locator("article").evaluate(
        """article => Array.from(article.querySelectorAll('p, li, code'))
             .filter(node => node.offsetParent !== null && !node.closest('.admonition, .declic-meta, .declic-address,'
                     + ' .declic-print-only, .declic-qr, mark'))
             .map(node => parseFloat(getComputedStyle(node).fontSize))"""
    )
    assert sizes and min(sizes) >= 12, sorted(set(sizes))
    empty = page.locator(".declic-prompt mark.declic-blank:not(.declic-blank--filled)").first
    assert empty.evaluate("mark => getComputedStyle(mark).borderBottomStyle") == "solid"
    assert empty.evaluate("mark => getComputedStyle(mark).width") not in ("", "auto", "0px")
    filled = page.locator(".declic-prompt mark.declic-blank--filled").first
    expect(filled).to_have_text("Entretien de chaudière")
    assert filled.evaluate("mark => getComputedStyle(mark).borderBottomStyle") == "none"
    expect(page.locator(".declic-print-summary")).to_be_visible()
    expect(page.locator(".declic-print-summary")).to_contain_text("En ligne (code QR ou adresse en haut)")
    expect(page.locator(".declic-situation")).to_be_hidden()


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


def pages_over(page, default_url, default_catalog, kind: str, limit: int) -> dict[str, int]:
    """Every page of `kind` that prints on more than `limit` A4 sides, with its sides."""
    over = {}
    for entry in default_catalog["pages"]:
        if entry["kind"] == kind:
            page.goto(default_url + entry["url"])
            if (sides := a4_sides(page)) > limit:
                over[entry["url"]] = sides
    return over


def test_every_card_prints_on_one_side(page, default_url, default_catalog):
    """One A4 side for every card of the default guide: the first prompt whole, the rest summed up."""
    assert pages_over(page, default_url, default_catalog, "card", 1) == {}


def test_a_five_card_kit_prints_five_sides_each_with_its_address(page, default_url, default_catalog):
    """Built without site_url: each card of the kit says its address, as seen from the kit's page."""
    cards = [entry["id"] for entry in default_catalog["pages"] if entry["kind"] == "card"][::37][:5]
    page.goto(default_url + "atelier/?cartes=" + ",".join(cards))
    expect(page.locator(".declic-workshop__card")).to_have_count(5)
    expect(page.locator("#declic-workshop [role=status]")).to_contain_text("5 faces A4, une par cas d'usage")
    expect(page.locator(".declic-workshop-intro")).to_contain_text(
        "Chaque cas d'usage tient sur une face A4 (N cas d'usage, N faces)"
    )
    for index, card in enumerate(cards):
        address = page.locator(".declic-workshop__card").nth(index).locator(".declic-address")
        expect(address).to_have_text(f"Cette page en ligne\u00a0: {default_url}cas-usage/{card}/")
    assert a4_sides(page) == 5


def test_a_kit_card_prints_its_qr_code_when_the_guide_has_an_address(page, site_url):
    page.goto(site_url + "atelier/?cartes=plombier/relancer-factures,plombier/ecrire-devis")
    expect(page.locator(".declic-workshop__card")).to_have_count(2)
    page.emulate_media(media="print")
    expect(page.locator(".declic-workshop__card .declic-qr")).to_have_count(2)
    expect(page.locator(".declic-workshop__card .declic-address")).to_have_count(0)
    assert a4_sides(page) == 2


def test_every_sheet_prints_on_one_sheet(page, default_url, default_catalog):
    """A sheet is the whole Kolb cycle, quiz answers open, on both sides of one A4 sheet at most."""
    assert pages_over(page, default_url, default_catalog, "sheet", 2) == {}
