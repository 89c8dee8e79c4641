"""Following a path: each step ticked « essayé » or « adopté », kept in this browser, reset at will."""

from __future__ import annotations

from playwright.sync_api import expect

PATH = "parcours/gerants/"


def test_a_ticked_step_is_kept_after_a_reload_and_can_be_reset(page, site_url):
    page.goto(site_url + PATH)
    steps = page.locator(".declic-stage li")
    total = steps.count()
    summary = page.locator(".declic-progress__summary")
    expect(summary).to_have_text(f"0 étape essayée sur {total}, dont 0 adoptée.")
    first = steps.first.get_by_role("checkbox", name="essayé", exact=False)
    first.focus()
    page.keyboard.press("Space")  # the keyboard ticks it too
    expect(summary).to_have_text(f"1 étape essayée sur {total}, dont 0 adoptée.")
    steps.nth(1).get_by_role("checkbox", name="adopté", exact=False).check()
    expect(summary).to_have_text(f"2 étapes essayées sur {total}, dont 1 adoptée.")  # adopted implies tried

    page.reload()
    expect(page.locator(".declic-progress__summary")).to_have_text(f"2 étapes essayées sur {total}, dont 1 adoptée.")
    expect(steps.first.get_by_role("checkbox", name="essayé", exact=False)).to_be_checked()
    assert page.locator("progress").evaluate("bar => bar.value") == 2

    page.get_by_role("button", name="Remettre le parcours à zéro").click()
    expect(page.locator(".declic-stage input:checked")).to_have_count(0)
    page.reload()
    expect(page.locator(".declic-stage input:checked")).to_have_count(0)


def test_progress_is_kept_per_path(page, site_url):
    page.goto(site_url + PATH)
    page.locator(".declic-stage li").first.get_by_role("checkbox", name="essayé", exact=False).check()
    page.goto(site_url + "parcours/paul-plombier/")
    expect(page.locator(".declic-stage input:checked")).to_have_count(0)
    stored = page.evaluate("Object.keys(localStorage)")
    assert [key for key in stored if key.startswith("declic-parcours:")] == ["declic-parcours:/" + PATH]
