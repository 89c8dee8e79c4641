"""French search with Pagefind: the words people type find the cards, accents, plurals and
apostrophes included; a result opens its page."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

CARD = re.compile(r"^/cas-usage/[^/]+/[^/]+/$")


def search(page, words: str) -> list[str]:
    """Open the header's search, type, and return the result addresses."""
    toggle = page.locator(".declic-search__toggle")
    if toggle.get_attribute("aria-expanded") != "true":
        toggle.click()
    field = page.locator(".pagefind-ui__search-input")
    expect(field).to_be_focused()
    field.fill(words)
    results = page.locator(".pagefind-ui__result-link")
    expect(results.first).to_be_visible()
    # Pagefind draws each result once its fragment has loaded: wait until all shown are drawn.
    page.wait_for_function("""() => {
        const shown = [...document.querySelectorAll(".pagefind-ui__result")];
        return shown.length > 0 && shown.every(result => result.querySelector(".pagefind-ui__result-link"));
    }""")
    return results.evaluate_all("links => links.map(link => new URL(link.href).pathname)")


@pytest.mark.parametrize(
    "words, page_path",
    [
        ("facture", "/cas-usage/plombier/relancer-factures/"),
        ("relances", "/cas-usage/plombier/relancer-factures/"),  # plural of « relance »
        ("devis", "/cas-usage/plombier/ecrire-devis/"),
        ("echeancier", "/cas-usage/plombier/ecrire-devis/"),  # no accent, after a curly apostrophe
    ],
)
def test_french_words_find_the_card(page, site_url, words, page_path):
    page.goto(site_url)
    assert page_path in search(page, words)


def test_a_result_opens_its_page(page, site_url):
    page.goto(site_url)
    search(page, "facture")
    first = page.locator(".pagefind-ui__result-link").first
    target = first.get_attribute("href")
    first.click()
    page.wait_for_url(lambda url: url.endswith(target))
    expect(page.locator("h1")).to_contain_text("factures")


def test_search_opens_and_closes_with_the_keyboard(page, site_url):
    page.goto(site_url + "fiches/")
    page.keyboard.press("/")
    field = page.locator(".pagefind-ui__search-input")
    expect(field).to_be_focused()
    page.keyboard.type("devis")
    expect(page.locator(".pagefind-ui__result-link").first).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.locator(".declic-search__panel")).to_be_hidden()
    expect(page.locator(".declic-search__toggle")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator(".declic-search__panel")).to_be_visible()


@pytest.mark.parametrize("words", ["facture", "relance", "devis", "compte rendu"])
def test_the_default_guide_finds_a_card_for_everyday_words(page, default_url, words):
    page.goto(default_url)
    assert any(path.startswith("/cas-usage/") and path.count("/") == 4 for path in search(page, words)), words


def test_result_titles_are_the_headings_text_only(page, default_url):
    page.goto(default_url)  # its headings carry a « ¶ » permalink
    search(page, "facture")
    titles = page.locator(".pagefind-ui__result-title").all_inner_texts()
    assert titles and not [title for title in titles if "¶" in title]


def all_results(page, site_url: str, words: str) -> list[str]:
    """Every page Pagefind's own API finds on that site, its parts merged as declic.js merges them."""
    page.goto(site_url)
    return page.evaluate(
        """async ([root, words]) => {
            const pagefind = await import(root + "pagefind/pagefind.js");
            const parts = await (await fetch(root + "pagefind/declic-index-parts.json")).json();
            for (const part of parts) await pagefind.mergeIndex(root + part);
            const found = await pagefind.search(words);
            const pages = await Promise.all(found.results.map(result => result.data()));
            return pages.map(data => new URL(data.url, location.href).pathname).sort();
        }""",
        [site_url, words],
    )


@pytest.mark.parametrize("words", ["echeancier", "suivant"])
def test_the_search_box_queries_every_part_of_an_index_in_parts(page, site_url, parted_site, parted_site_url, words):
    parts = json.loads((parted_site / "pagefind" / "declic-index-parts.json").read_text(encoding="utf-8"))
    assert len(parts) > 3 and all((parted_site / part / "pagefind-entry.json").is_file() for part in parts)
    page.goto(site_url)
    whole = set(search(page, words))
    page.goto(parted_site_url)
    assert set(search(page, words)) == whole


@pytest.mark.parametrize("words", ["relances", "facture", "client"])
def test_an_index_in_parts_finds_every_page_the_whole_index_finds(page, site_url, parted_site_url, words):
    whole = all_results(page, site_url, words)
    assert len(whole) > 5  # more than the search box shows at first
    assert all_results(page, parted_site_url, words) == whole


def test_a_card_is_not_found_by_what_it_repeats_from_other_pages(page, site_url):
    """A card shows its obstacles' answers, a link list and its prompt, each searchable on its own
    page: found there, the text does not also bring up every card that repeats it."""
    found = all_results(page, site_url, "premier gain en dix minutes")
    assert "/freins/manque-de-temps/" in found
    assert not [path for path in found if CARD.match(path)], found
    found = all_results(page, site_url, "descriptif du chantier suivant")
    assert "/fiches/descriptif-devis/" in found
    assert not [path for path in found if CARD.match(path)], found


def first_card(paths: list[str]) -> str:
    return next(path for path in paths if CARD.match(path))


@pytest.mark.parametrize(
    "words, trade",
    [
        ("devis plombier", "plombier-chauffagiste"),  # the trade named: its card first
        ("facture electricien", "electricien"),
        ("epicerie", "commerce-de-proximite"),  # an everyday word for the trade
        ("restaurant avis", "restaurateur"),
        ("boulangerie", "boulanger-patissier"),  # the home page's promise of a bakery is kept
        ("garage diagnostic", "garagiste"),
    ],
)
def test_a_query_naming_a_trade_finds_that_trades_card_first(page, default_url, words, trade):
    page.goto(default_url)
    assert first_card(search(page, words)).startswith(f"/cas-usage/{trade}/"), words


def test_sub_results_carry_their_pages_title(page, default_url):
    page.goto(default_url)
    search(page, "facture")
    titles = page.locator(".pagefind-ui__result-nested .pagefind-ui__result-title").all_inner_texts()
    assert titles
    assert not any(title.strip() in ("La situation", "Vérifier la réponse", "Les étapes") for title in titles)
    assert all("›" in title for title in titles), titles


def test_the_readers_trade_comes_first_under_a_chip_that_removes_it(page, default_url):
    """After the plumber's trade page, « relance facture » gives the plumber's card first; the chip
    « Plombier ou plombière chauffagiste ✕ » says so, and removing it gives Pagefind's order back."""
    page.goto(default_url)
    unbiased = search(page, "relance facture")
    assert not first_card(unbiased).startswith("/cas-usage/plombier-chauffagiste/"), unbiased[:3]
    page.goto(default_url + "cas-usage/plombier-chauffagiste/")
    assert page.evaluate("JSON.parse(localStorage.getItem('declic-metier')).id") == "plombier-chauffagiste"
    page.goto(default_url)  # kept in the browser, from page to page
    found = search(page, "relance facture")
    assert first_card(found) == "/cas-usage/plombier-chauffagiste/relancer-factures-impayees/", found[:3]
    chip = page.get_by_role(
        "button", name="Retirer le métier «\u00a0Plombier ou plombière chauffagiste\u00a0»", exact=False
    )
    expect(chip).to_have_text("Plombier ou plombière chauffagiste \u2715")
    expect(page.locator(".pagefind-ui__search-clear")).to_have_text("Effacer")
    chip.click()
    expect(chip).to_have_count(0)
    assert page.evaluate("localStorage.getItem('declic-metier')") is None
    page.wait_for_function(
        "first => !document.querySelector('.pagefind-ui__result-link')?.href.endsWith(first)",
        arg="/cas-usage/plombier-chauffagiste/relancer-factures-impayees/",
    )


def test_a_card_keeps_its_trade_for_search(page, default_url):
    page.goto(default_url + "cas-usage/electricien/relancer-factures-impayees/")
    assert page.evaluate("JSON.parse(localStorage.getItem('declic-metier')).name") == "Électricien ou électricienne"
