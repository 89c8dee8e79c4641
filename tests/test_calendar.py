"""A path's follow-up calendar, read back with a real iCalendar parser."""

from __future__ import annotations

from datetime import datetime

from click.testing import CliRunner
from icalendar import Calendar

from declic.cli import main


def test_calendar_of_a_path_has_its_follow_ups(mini, tmp_path):
    target = tmp_path / "paul.ics"
    result = CliRunner().invoke(
        main, ["calendar", "paul-plombier", "--start", "2026-12-01", "-o", str(target), "-f", str(mini)]
    )
    assert result.exit_code == 0, result.output
    calendar = Calendar.from_ical(target.read_bytes())
    events = {str(event["summary"]).split(" · ")[0]: event for event in calendar.walk("VEVENT")}
    assert set(events) == {
        "J+15\u00a0: refaire seul",
        "J+30\u00a0: adapter à un nouveau cas",
        "Chaque mois\u00a0: le rituel «\u00a0IA du mois\u00a0»",
    }
    assert events["J+15\u00a0: refaire seul"].decoded("dtstart") == datetime(2026, 12, 16, 9, 0)
    assert events["J+30\u00a0: adapter à un nouveau cas"].decoded("dtstart") == datetime(2026, 12, 31, 9, 0)
    ritual = events["Chaque mois\u00a0: le rituel «\u00a0IA du mois\u00a0»"]
    assert ritual["rrule"]["FREQ"] == ["MONTHLY"] and ritual["rrule"]["COUNT"] == [6]
    assert len({str(event["uid"]) for event in events.values()}) == 3


def test_an_unknown_path_gets_a_suggestion(mini):
    result = CliRunner().invoke(main, ["calendar", "paul-plomber", "--start", "2026-12-01", "-f", str(mini)])
    assert result.exit_code == 1
    assert "parcours « paul-plomber » introuvable (vouliez-vous dire « paul-plombier » ?)" in result.output
