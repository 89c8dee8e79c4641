"""The card and the sheet on a phone: the action first. At 390 × 844 the first prompt's fields and
its copy button are within the first screen and a half, on every card and sheet of the default
guide; on a desktop screen, the copy button is on the first screen. Blanks are honest: examples are
placeholders, and copying with blanks left says how many."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
SHOTS = Path(__file__).resolve().parents[2] / "build" / "captures"


def card_and_sheet_addresses(site: Path) -> list[str]:
    pages = json.loads((site / "catalogue.json").read_text(encoding="utf-8"))["pages"]
    return [page["url"] for page in pages if page["kind"] in ("card", "sheet")]


def copy_button_top(page, url: str) -> float:
    """Where the first copy button starts, in px from the top of the page."""
    page.goto(url)
    button = page.locator(".declic-copy").first
    expect(button).to_be_visible()
    return button.evaluate("button => button.getBoundingClientRect().top + window.scrollY")


@pytest.mark.parametrize(("viewport", "screens"), [(PHONE, 1.5), (DESKTOP, 1.0)], ids=["phone", "desktop"])
def test_the_copy_button_is_within_reach_on_every_card_and_sheet(browser, default_site, default_url, viewport, screens):
    context = browser.new_context(viewport=viewport, locale="fr-FR")
    page = context.new_page()
    far = {}
    addresses = card_and_sheet_addresses(default_site)
    assert len(addresses) > 100
    for address in addresses:
        top = copy_button_top(page, default_url + address)
        # The button's bottom edge too must be on screen: its top plus its height (about 40 px).
        if top + 48 > viewport["height"] * screens:
            far[address] = round(top / viewport["height"], 2)
    context.close()
    assert far == {}, f"bouton « Copier » au-delà de {screens} écran(s), en écrans : {far}"


def test_a_phone_sees_the_fields_before_the_prompt_text(browser, default_url):
    context = browser.new_context(viewport=PHONE, locale="fr-FR")
    page = context.new_page()
    page.goto(default_url + "cas-usage/plombier-chauffagiste/relancer-factures-impayees/")
    field = page.locator(".declic-fill input, .declic-fill textarea").first
    code = page.locator(".declic-prompt code").first
    assert field.bounding_box()["y"] < code.bounding_box()["y"]
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "carte-390.png"))
    page.goto(default_url + "fiches/relance-facture-cordiale/")
    page.screenshot(path=str(SHOTS / "fiche-390.png"))
    context.close()


def test_examples_are_placeholders_and_copying_counts_the_blanks_left(page, site_url):
    page.goto(site_url + "cas-usage/plombier/relancer-factures/")
    field = page.get_by_label("Numéro de facture")
    expect(field).to_have_value("")
    expect(field).to_have_attribute("placeholder", "ex.\u00a0: F-2024-012")
    instruction = page.locator(".declic-instruction").first
    expect(instruction).to_contain_text("Remplissez les champs")
    page.get_by_role("button", name="Copier le prompt").click()
    status = page.get_by_role("status").filter(has_text="Prompt copié")
    expect(status).to_have_text("Prompt copié. 2 champs à compléter\u00a0: Numéro de facture, Accolades.")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert "[Numéro de facture]" in copied and "F-2024-012" not in copied
    field.fill("F-1")
    page.get_by_role("button", name="Copier le prompt").click()
    expect(status).to_contain_text("1 champ à compléter")


def test_without_javascript_the_instruction_matches_the_brackets(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "cas-usage/plombier/relancer-factures/")
    expect(page.locator(".declic-instruction").first).to_have_text(
        "Complétez les passages entre crochets, puis copiez le texte dans votre assistant."
    )
    expect(page.locator(".declic-prompt mark").first).to_contain_text("[")
    context.close()


def test_a_long_prompt_folds_and_opens(page, default_url):
    page.set_viewport_size(PHONE)
    page.goto(default_url + "cas-usage/plombier-chauffagiste/relancer-factures-impayees/")
    toggle = page.get_by_role("button", name="Afficher tout le prompt").first
    expect(toggle).to_have_attribute("aria-expanded", "false")
    code = page.locator(".declic-prompt code").first
    folded = code.bounding_box()["height"]
    toggle.click()
    expect(page.get_by_role("button", name="Replier le prompt").first).to_have_attribute("aria-expanded", "true")
    assert code.bounding_box()["height"] > folded


@pytest.mark.parametrize("tile", ["Plombier ou plombière chauffagiste", "Relancer les factures impayées"])
def test_from_home_a_card_is_two_taps_away(browser, default_url, tile):
    """A trade's tile, then one of its cards; or an irritant's tile, then the card of a trade."""
    context = browser.new_context(viewport=PHONE, locale="fr-FR", has_touch=True)
    page = context.new_page()
    page.goto(default_url)
    target = page.locator(".declic-tiles a", has_text=tile).first
    box = target.bounding_box()
    assert box["height"] >= 44 and box["width"] >= 44  # WCAG 2.5.5 target size
    target.tap()
    page.locator("article li a").first.tap()
    page.wait_for_url("**/cas-usage/*/*/")
    expect(page.locator(".declic-copy").first).to_be_visible()
    if tile.startswith("Plombier"):
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.goto(default_url)
        page.screenshot(path=str(SHOTS / "accueil-390.png"))
    context.close()


def test_a_paths_tick_boxes_are_thumb_sized(browser, default_url):
    context = browser.new_context(viewport=PHONE, locale="fr-FR")
    page = context.new_page()
    page.goto(default_url + "parcours/martine-epiciere/")
    choices = page.locator(".declic-step__choice")
    expect(choices.first).to_be_visible()
    for index in range(choices.count()):
        box = choices.nth(index).bounding_box()
        assert box["width"] >= 44 and box["height"] >= 44, index
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "parcours-390.png"))
    context.close()


PLUMBER_CARD = "cas-usage/plombier-chauffagiste/relancer-factures-impayees/"


def inside(box: dict, viewport: dict) -> bool:
    return (
        box["y"] >= 0
        and box["x"] >= 0
        and box["y"] + box["height"] <= viewport["height"]
        and box["x"] + box["width"] <= viewport["width"]
    )


def test_the_copy_message_is_next_to_the_button_on_screen(browser, default_url):
    """Pressed early (pinned to the bottom of the first screen) or after filling every field, the
    copy button's message is within the screen, says what is left to fill, and is announced."""
    context = browser.new_context(viewport=PHONE, locale="fr-FR", permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(default_url + PLUMBER_CARD)
    copy = page.locator(".declic-copy").first
    status = page.locator(".declic-tools").first.locator("[role=status]")
    expect(status).to_have_attribute("aria-live", "polite")
    assert copy.bounding_box()["y"] + copy.bounding_box()["height"] <= PHONE["height"]  # pinned on the first screen
    copy.click()
    expect(status).to_contain_text("Prompt copié. 5 champs à compléter\u00a0: Prestation facturée, Numéro de facture")
    assert inside(status.bounding_box(), PHONE), status.bounding_box()
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "copie-tot-390.png"))
    fields = page.locator(".declic-tools").first.locator("input, textarea")
    for index in range(fields.count() - 1):
        fields.nth(index).fill("x")
    expect(status).to_be_empty()  # typing again makes the message stale
    copy.click()
    expect(status).to_have_text(re.compile(r"^Prompt copié\. 1 champ à compléter\u00a0: [^,]+\.$"))
    assert inside(status.bounding_box(), PHONE), status.bounding_box()
    page.screenshot(path=str(SHOTS / "copie-apres-390.png"))
    context.close()


def test_the_pinned_button_does_not_hide_the_second_field(browser, default_url):
    """Neither at load (scroll 0) nor once the first field is filled and Tab pressed."""
    context = browser.new_context(viewport=PHONE, locale="fr-FR")
    page = context.new_page()
    page.goto(default_url + PLUMBER_CARD)
    tools = page.locator(".declic-tools").first
    expect(tools.locator(".declic-fill__field label").nth(1)).to_have_text("Numéro de facture")
    assert page.evaluate("window.scrollY") == 0
    label = tools.locator(".declic-fill__field label").nth(1).bounding_box()
    bar = tools.locator(".declic-actions").bounding_box()
    assert label["y"] + label["height"] <= bar["y"], (label, bar)
    tools.locator("input, textarea").first.focus()
    page.keyboard.type("Entretien de chaudière")
    page.keyboard.press("Tab")
    label = tools.locator(".declic-fill__field label").nth(1).bounding_box()
    bar = tools.locator(".declic-actions").bounding_box()
    assert label["y"] + label["height"] <= bar["y"], (label, bar)
    assert label["y"] >= 0
    context.close()


def test_the_readers_team_is_a_field_with_the_trades_as_example(browser, default_url):
    """Issue 28: the plumber card does not say « de cinq personnes » for the reader: a field, last,
    shows it as the example; the copied prompt says it only once the reader typed it."""
    context = browser.new_context(viewport=PHONE, locale="fr-FR", permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(default_url + PLUMBER_CARD)
    tools = page.locator(".declic-tools").first
    field = tools.get_by_label("Structure")
    expect(field).to_have_value("")
    expect(field).to_have_attribute(
        "placeholder", "ex.\u00a0: entreprise artisanale de plomberie et de chauffage de cinq personnes"
    )
    expect(tools.locator(".declic-fill__field label").last).to_have_text("Structure")
    copy = tools.locator(".declic-copy")
    copy.click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert "[Structure]" in copied and "cinq personnes" not in copied
    field.fill("entreprise individuelle, je travaille seul")
    copy.click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert "je travaille seul" in copied and "[Structure]" not in copied and "cinq personnes" not in copied
    context.close()


def test_the_home_page_fits_in_three_desktop_screens(browser, default_url):
    """Issue 28: the tiles first, then a few short sections; the details are on the method page."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-FR")
    page = context.new_page()
    page.goto(default_url)
    expect(page.locator(".declic-tiles").first).to_be_visible()
    screens = page.evaluate("document.body.scrollHeight") / 900
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "accueil-1280.png"), full_page=True)
    context.close()
    assert screens <= 3, f"{screens:.2f} écrans"
