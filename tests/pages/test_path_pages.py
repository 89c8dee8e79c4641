"""A path page tells the truth about itself: the durations it states are those of the steps it
shows, and it shows a learner no shell command."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

DURATION = re.compile(r"(?:(\d+)\u00a0h(?:\u00a0(\d+))?|(\d+)\u00a0min)")


def minutes(text: str) -> int:
    hours, rest, alone = DURATION.search(text).groups()
    return int(alone) if alone else int(hours) * 60 + int(rest or 0)


def stated(meta: str, before: str) -> int:
    """The duration written just before `before` in the page's summary."""
    return minutes(meta[: meta.index(before)].rsplit("\u00a0:", 1)[-1].rsplit(",", 1)[-1])


def test_each_paths_stated_durations_are_those_of_its_steps(default_site):
    pages = sorted((default_site / "parcours").glob("*/index.html"))
    assert len(pages) > 15
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        meta = soup.select_one(".declic-meta").get_text(" ")
        learning = [
            minutes(item.get_text(" ").split("·")[-1])
            for stage in soup.select(".declic-stage")
            if stage["data-stage"] != "consolidation"
            for item in stage.select(":scope > ul > li")
        ]
        follow_ups = [
            minutes(item.get_text(" ").split("·")[-1])
            for item in soup.select('.declic-stage[data-stage="consolidation"] > ul > li')
        ]
        assert stated(meta, "pour apprendre") == sum(learning), page
        assert stated(meta, "au plus") == max(learning), page
        assert stated(meta, "de suivi") == sum(follow_ups[:-1]), page  # the last is the monthly ritual
        assert minutes(meta[meta.index("de suivi") :]) == follow_ups[-1], page


def test_no_shell_command_on_a_learners_page(default_site):
    for page in (default_site / "parcours").glob("*/index.html"):
        text = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one("article").get_text()
        assert "declic calendar" not in text and "--start" not in text, page


def test_a_paths_rhythm_note_fits_any_person(default_site):
    """The profile's portrait is printed on the path of every person of that profile, Martine's as
    Julien's: it says « cette personne », never « il » or « elle » of its own."""
    for page in (default_site / "parcours").glob("*/index.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        note = soup.select_one(".admonition.note").get_text(" ")
        assert not re.search(r"\b[Ii]l(s)?\b", note), (page, note)
