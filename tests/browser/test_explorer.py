"""The explorer: filters combined at once, kept in the address; a selection becomes a workshop kit."""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import expect


def cards(mini_site) -> list[dict]:
    catalog = json.loads((mini_site / "catalogue.json").read_text(encoding="utf-8"))
    return [page for page in catalog["pages"] if page["kind"] == "card"]


def open_explorer(page, address: str) -> None:
    page.goto(address)
    expect(page.locator("#declic-filters")).to_be_visible()  # shown once the script has set it up


def shown(page) -> set[str]:
    return set(
        page.locator("#declic-results li:visible a[data-card]").evaluate_all(
            "links => links.map(link => link.dataset.card)"
        )
    )


def test_filters_combine_and_live_in_the_address(page, site_url, mini_site):
    every = cards(mini_site)
    open_explorer(page, site_url + "explorer/")
    assert shown(page) == {card["id"] for card in every}
    page.get_by_label("Métier", exact=True).select_option("plombier")
    plumber = {card["id"] for card in every if card["facets"]["trade"] == "plombier"}
    assert shown(page) == plumber
    page.get_by_label("Durée", exact=True).select_option("10")
    quick = {card["id"] for card in every if card["facets"]["trade"] == "plombier" and card["facets"]["duration"] <= 10}
    assert shown(page) == quick and quick < plumber
    expect(page.locator("#declic-count")).to_have_text(f"{len(quick)} cas d'usage sur {len(every)}.")
    query = parse_qs(urlsplit(page.url).query)
    assert query == {"metier": ["plombier"], "duree": ["10"]}

    page.goto(page.url)  # the address a trainer sends
    expect(page.get_by_label("Métier", exact=True)).to_have_value("plombier")
    expect(page.get_by_label("Durée", exact=True)).to_have_value("10")
    assert shown(page) == quick


def test_a_filter_on_a_list_facet_and_the_reset(page, site_url, mini_site):
    every = cards(mini_site)
    open_explorer(page, site_url + "explorer/?niveau=avance")
    assert shown(page) == {card["id"] for card in every if "avance" in card["facets"]["levels"]}
    page.get_by_label("Frein", exact=True).select_option("manque-de-temps")
    assert shown(page) == {
        card["id"]
        for card in every
        if "avance" in card["facets"]["levels"] and "manque-de-temps" in card["facets"]["obstacles"]
    }
    expect(page.locator("#declic-count")).to_contain_text("Aucun cas d'usage")
    page.get_by_role("button", name="Tout afficher").click()
    # The list is redrawn after the click: wait for it before reading it (read at once, CI saw it empty).
    expect(page.locator("#declic-results li:visible a[data-card]")).to_have_count(len(every))
    assert shown(page) == {card["id"] for card in every}
    assert urlsplit(page.url).query == ""


def test_the_filters_work_with_the_keyboard(page, site_url, mini_site):
    open_explorer(page, site_url + "explorer/")
    page.get_by_label("Métier", exact=True).focus()
    page.keyboard.press("ArrowDown")  # the first trade, alphabetically
    first = min((card["facets"]["labels"]["trade"], card["facets"]["trade"]) for card in cards(mini_site))[1]
    assert shown(page) == {card["id"] for card in cards(mini_site) if card["facets"]["trade"] == first}


def test_a_workshop_kit_is_made_with_the_keyboard(page, site_url, mini_site):
    open_explorer(page, site_url + "explorer/")
    page.locator(".declic-pick").first.focus()
    page.keyboard.press("Space")
    link = page.locator("#declic-workshop-link")
    expect(link).to_have_text("Préparer l'atelier (1 cas d'usage)")
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: urlsplit(url).path.endswith("/atelier/"))
    expect(page.locator(".declic-workshop__card")).to_have_count(1)


def test_chosen_cards_make_a_workshop_kit_one_per_sheet(page, site_url, mini_site):
    chosen = sorted(card["id"] for card in cards(mini_site))[:2]
    open_explorer(page, site_url + "explorer/")
    expect(page.locator("#declic-workshop-bar")).to_be_hidden()
    for card_id in chosen:
        title = next(card["title"] for card in cards(mini_site) if card["id"] == card_id)
        page.get_by_label(f"Choisir pour l'atelier\u00a0: {title}").check()
    link = page.locator("#declic-workshop-link")
    expect(link).to_have_text("Préparer l'atelier (2 cas d'usage)")
    assert parse_qs(urlsplit(page.url).query)["cartes"] == [",".join(chosen)]
    link.click()
    page.wait_for_url(lambda url: urlsplit(url).path.endswith("/atelier/"))
    sections = page.locator(".declic-workshop__card")
    expect(sections).to_have_count(2)
    expect(page.get_by_role("status")).to_have_text("2 pages prêtes à imprimer : 2 faces A4, une par cas d'usage.")
    titles = sections.locator("h1").all_inner_texts()
    expected = [next(card["title"] for card in cards(mini_site) if card["id"] == card_id) for card_id in chosen]
    assert titles == expected
    page.emulate_media(media="print")
    breaks = sections.evaluate_all("cards => cards.map(card => getComputedStyle(card).breakBefore)")
    assert breaks == ["auto", "page"]  # the second card starts a new sheet
    expect(page.get_by_role("button", name="Imprimer le kit")).to_be_hidden()
    pdf = page.pdf(format="A4")
    assert len(re.findall(rb"/Type\s*/Page(?!s)", pdf)) >= 2


def test_a_workshop_address_with_unknown_or_bad_ids(browser, site_url):
    page = browser.new_page()  # the unknown card's 404 is expected in the console here
    page.goto(site_url + "atelier/?cartes=plombier/inconnu,../../etc,plombier/ecrire-devis")
    expect(page.get_by_role("status")).to_have_text("2 pages prêtes à imprimer : 2 faces A4, une par cas d'usage.")
    expect(page.locator(".declic-workshop__card")).to_have_count(2)
    expect(page.get_by_text("La page «\u00a0cas-usage/plombier/inconnu\u00a0» est introuvable.")).to_be_visible()
    page.close()


def test_a_path_booklet_gathers_the_path_its_cards_and_its_sheets(page, site_url):
    page.goto(site_url + "parcours/paul-plombier/")
    page.get_by_role("link", name="Imprimer le livret de ce parcours, une page par feuille").click()
    page.wait_for_url(lambda url: urlsplit(url).path.endswith("/atelier/"))
    sections = page.locator(".declic-workshop__card")
    # Paul's path, then its two cards; its sheets come after them (the tiny guide's path teaches the
    # prompts of its cards only since a step no longer repeats another, so it has none).
    expect(sections).to_have_count(3)
    titles = sections.locator("h1").all_inner_texts()
    assert titles[0] == "Parcours\u00a0: Paul, plombier"
    assert titles[1:3] == ["Relancer les factures impayées · Plombier", "Écrire le descriptif du devis · Plombier"]


def test_a_trade_booklet_has_every_card_of_the_trade(page, site_url, mini_site):
    page.goto(site_url + "cas-usage/plombier/")
    page.get_by_role("link", name="Imprimer le livret de ce métier, un cas d'usage par face A4").click()
    page.wait_for_url(lambda url: urlsplit(url).path.endswith("/atelier/"))
    expected = [card for card in cards(mini_site) if card["id"].startswith("plombier/")]
    expect(page.locator(".declic-workshop__card")).to_have_count(len(expected))
