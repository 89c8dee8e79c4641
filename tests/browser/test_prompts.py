"""A prompt on a card or a sheet: filled through a form, copied, opened in an assistant."""

from __future__ import annotations

import json
from urllib.parse import unquote

import yaml
from playwright.sync_api import expect

from conftest import MINI

CARD = "cas-usage/plombier/relancer-factures/"
SHEET = "fiches/relance-facture/"


def assistants() -> list[dict]:
    config = yaml.safe_load((MINI / "mkdocs.yml").read_text(encoding="utf-8"))
    return config["extra"]["declic"]["assistants"]


def test_a_filled_variable_changes_the_prompt_and_the_copied_text(page, site_url):
    page.goto(site_url + CARD)
    field = page.get_by_label("Numéro de facture")
    expect(field).to_have_value("")  # the example is a placeholder, not a value
    field.fill("F-2031-777")
    code = page.locator(".declic-prompt code")
    expect(code).to_contain_text("la facture F-2031-777 ;")
    page.get_by_role("button", name="Copier le prompt").click()
    expect(page.get_by_role("status").filter(has_text="Prompt copié")).to_be_visible()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == code.inner_text()
    assert "F-2031-777" in copied and "{{ jinja }}" in copied and "[Numéro de facture]" not in copied


def test_an_emptied_field_shows_the_blank_again(page, site_url):
    page.goto(site_url + SHEET)
    page.get_by_label("Accolades").fill("{y}")
    page.get_by_label("Accolades").fill("")
    expect(page.locator('.declic-prompt mark[data-variable="accolades"]')).to_have_text("[Accolades]")


def test_the_form_and_the_copy_button_work_with_the_keyboard(page, site_url):
    page.goto(site_url + CARD)
    page.get_by_label("Numéro de facture").focus()
    page.keyboard.press("Control+A")
    page.keyboard.type("F-9")
    page.keyboard.press("Tab")  # to the next field
    page.keyboard.press("Tab")  # to the copy button
    expect(page.get_by_role("button", name="Copier le prompt")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_role("status").filter(has_text="Prompt copié")).to_be_visible()
    assert "la facture F-9 ;" in page.evaluate("navigator.clipboard.readText()")


def test_open_in_sends_the_filled_prompt_only_when_clicked(page, site_url):
    # No network here: the assistant's answer is faked, what matters is the address it was sent.
    page.context.route(
        lambda url: url.startswith("https://"), lambda route: route.fulfill(body="assistant", content_type="text/plain")
    )
    page.goto(site_url + CARD)
    first = assistants()[0]
    link = page.get_by_role("link", name=f"Ouvrir dans {first['name']}")
    assert link.get_attribute("href") == first["url"]  # the reader's text is not in the page's links
    assert "noreferrer" in link.get_attribute("rel")
    expect(page.get_by_text("le texte du prompt part dans l'adresse de l'assistant", exact=False)).to_be_visible()
    page.get_by_label("Numéro de facture").fill("F-42")
    with page.expect_popup() as popup_info:
        link.click()
    popup = popup_info.value
    text = page.locator(".declic-prompt code").inner_text()
    assert popup.url.startswith(first["url"])
    assert unquote(popup.url.removeprefix(first["url"])) == text
    assert "la facture F-42 ;" in text
    assert link.get_attribute("href") == first["url"]
    popup.close()


def test_every_configured_https_assistant_gets_a_link(page, site_url):
    page.goto(site_url + SHEET)
    names = page.locator(".declic-open__link").all_text_contents()
    assert names == [
        f"{'Ouvrir dans' if item.get('prompt_in_url', True) else 'Copier puis ouvrir'} {item['name']} (nouvel onglet)"
        for item in assistants()
    ]


def test_an_assistant_that_does_not_read_its_address_gets_copy_then_open(page, site_url):
    page.context.route(
        lambda url: url.startswith("https://"), lambda route: route.fulfill(body="assistant", content_type="text/plain")
    )
    page.goto(site_url + CARD)
    page.get_by_label("Numéro de facture").fill("F-7")
    link = page.get_by_role("link", name="Copier puis ouvrir Claude")
    with page.expect_popup() as popup_info:
        link.click()
    assert popup_info.value.url == "https://claude.ai/new"  # nothing of the prompt in the address
    expect(page.locator(".declic-actions__status").first).to_have_text("Prompt copié\u00a0: collez-le dans Claude.")
    assert "la facture F-7 ;" in page.evaluate("navigator.clipboard.readText()")


def test_without_javascript_the_prompt_is_whole_and_selectable(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + CARD)
    code = page.locator(".declic-prompt code")
    expect(code).to_contain_text("la facture [Numéro de facture] ;")
    expect(page.locator(".declic-fill")).to_have_count(0)
    assert page.locator(".declic-prompt").evaluate("block => getComputedStyle(block).userSelect") != "none"
    config = json.loads(page.locator("#declic-config").inner_text())
    assert [item["url"] for item in config["assistants"]] == [item["url"] for item in assistants()]
    assert [item["prompt_in_url"] for item in config["assistants"]] == [
        item.get("prompt_in_url", True) for item in assistants()
    ]
    context.close()


def test_open_in_works_with_the_keyboard(page, site_url):
    page.context.route(
        lambda url: url.startswith("https://"), lambda route: route.fulfill(body="assistant", content_type="text/plain")
    )
    page.goto(site_url + SHEET)
    link = page.locator(".declic-open__link").first
    link.focus()
    with page.expect_popup() as popup_info:
        page.keyboard.press("Enter")
    assert unquote(popup_info.value.url).endswith(page.locator(".declic-prompt code").inner_text())
