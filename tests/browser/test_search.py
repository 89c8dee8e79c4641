"""French search with Pagefind: the words people type find the cards, accents, plurals and
apostrophes included; a result opens its page."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect


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
