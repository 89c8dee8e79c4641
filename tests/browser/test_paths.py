"""Following a path: each step ticked « essayé » or « adopté », kept in this browser, reset at will."""

from __future__ import annotations

from datetime import datetime

import pytest
from playwright.sync_api import expect

from browser.conftest import serve, themed_guide
from declic.build import build
from declic.site.project import load_project
from ics_file import CALENDAR_NAME, LONG_NAME, events_by_title, name_paul, read_ics

PATH = "parcours/gerants/"


@pytest.fixture(scope="module")
def long_name_url(tmp_path_factory):
    """The tiny guide, themed, with Paul named at length (accents, emoji): his calendar gets folded."""
    config = themed_guide(tmp_path_factory.mktemp("long-name") / "mini")
    name_paul(config)
    project = load_project(config)
    build(project, strict=True)
    yield from serve(project.site_dir)


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


def test_the_downloaded_calendar_is_folded_on_characters_and_has_the_follow_ups(page, long_name_url, tmp_path):
    page.goto(long_name_url + "parcours/paul-plombier/")
    page.get_by_label("Date de début du parcours").fill("2026-12-01")
    with page.expect_download() as download:
        page.get_by_role("button", name="Télécharger le calendrier (.ics)").click()
    assert download.value.suggested_filename == "parcours-paul-plombier.ics"
    target = tmp_path / "paul.ics"
    download.value.save_as(target)
    calendar = read_ics(target.read_bytes())
    assert str(calendar["x-wr-calname"]) == CALENDAR_NAME
    events = events_by_title(calendar)
    assert {str(event["summary"]) for event in events.values()} == {f"{title} · {LONG_NAME}" for title in events}
    starts = {title: event.decoded("dtstart") for title, event in events.items()}
    assert starts == {
        "J+15\u00a0: refaire seul": datetime(2026, 12, 16, 9, 0),
        "J+30\u00a0: adapter à un nouveau cas": datetime(2026, 12, 31, 9, 0),
        "Chaque mois\u00a0: le rituel «\u00a0IA du mois\u00a0»": datetime(2026, 12, 31, 9, 0),
    }
    ritual = events["Chaque mois\u00a0: le rituel «\u00a0IA du mois\u00a0»"]
    assert ritual.decoded("dtend") == datetime(2026, 12, 31, 9, 30)
    assert ritual["rrule"]["FREQ"] == ["MONTHLY"] and ritual["rrule"]["COUNT"] == [6]
    assert str(events["J+15\u00a0: refaire seul"]["description"]).endswith("\n" + page.url)
