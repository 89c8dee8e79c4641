"""`declic build --offline`: a site opened from a folder or a USB key (file://), links and search
included. Pagefind fetches its index, which browsers refuse from file://: offline builds use the
built-in search, which Material's offline plugin ships as a script."""

from __future__ import annotations

from playwright.sync_api import expect


def test_the_offline_site_works_from_file_urls(page, offline_site):
    assert not (offline_site / "pagefind").exists()
    page.goto((offline_site / "index.html").as_uri())
    page.locator(".md-content a[href$='.html']").first.wait_for()
    page.goto((offline_site / "cas-usage" / "index.html").as_uri())
    page.get_by_role("link", name="Plombier").first.click()
    page.wait_for_url("**/cas-usage/plombier/index.html")
    page.locator(".md-content a[href$='relancer-factures.html']").first.click()
    page.wait_for_url("**/cas-usage/plombier/relancer-factures.html")
    page.get_by_label("Numéro de facture").fill("F-7")
    expect(page.locator(".declic-prompt code")).to_contain_text("la facture F-7 ;")


def test_the_offline_site_searches_in_french(page, offline_site):
    page.goto((offline_site / "fiches" / "index.html").as_uri())
    page.keyboard.press("s")  # Material's shortcut to its search field
    expect(page.locator(".md-search__input")).to_be_focused()
    page.keyboard.type("factures")
    result = page.locator(".md-search-result__item a").first
    expect(result).to_be_visible()
    assert result.get_attribute("href").split("#")[0].endswith(".html")
    result.click()
    page.wait_for_url(lambda url: url.startswith("file://") and ".html" in url)
    expect(page.locator("h1")).to_be_visible()


def test_the_offline_workshop_kit_says_what_to_do_instead(page, offline_site):
    page.goto((offline_site / "atelier" / "index.html").as_uri() + "?cartes=plombier/ecrire-devis")
    expect(page.get_by_role("status")).to_contain_text("Hors ligne")


def test_the_offline_explorer_filters(page, offline_site):
    page.goto((offline_site / "explorer" / "index.html").as_uri())
    page.get_by_label("Métier", exact=True).select_option("fleuriste")
    visible = page.locator("#declic-results li:visible a[data-card]")
    expect(visible).to_have_count(1)
    assert visible.get_attribute("href").endswith("fleuriste/relancer-factures.html")
    assert page.url.endswith("?metier=fleuriste")
