"""A path's follow-up calendar, read back with a real iCalendar parser."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from click.testing import CliRunner
from icalendar import Calendar

from declic.cli import main
from ics_file import CALENDAR_NAME, LONG_NAME, events_by_title, name_paul, read_ics


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


def test_a_long_accented_name_is_folded_on_characters_and_stamped_in_utc(mini, tmp_path):
    name_paul(mini)
    target = tmp_path / "paul.ics"
    before = datetime.now(UTC).replace(microsecond=0)
    result = CliRunner().invoke(
        main, ["calendar", "paul-plombier", "--start", "2026-12-01", "-o", str(target), "-f", str(mini)]
    )
    assert result.exit_code == 0, result.output
    calendar = read_ics(target.read_bytes())
    assert str(calendar["x-wr-calname"]) == CALENDAR_NAME
    events = events_by_title(calendar)
    assert {str(event["summary"]) for event in events.values()} == {f"{title} · {LONG_NAME}" for title in events}
    assert events["J+15\u00a0: refaire seul"].decoded("dtstart") == datetime(2026, 12, 16, 9, 0)
    assert events["J+30\u00a0: adapter à un nouveau cas"].decoded("dtstart") == datetime(2026, 12, 31, 9, 0)
    ritual = events["Chaque mois\u00a0: le rituel «\u00a0IA du mois\u00a0»"]
    assert ritual.decoded("dtstart") == datetime(2026, 12, 31, 9, 0)
    assert ritual.decoded("dtend") == datetime(2026, 12, 31, 9, 30)
    for event in events.values():  # when the file was made, not the start date
        assert before <= event.decoded("dtstamp") <= datetime.now(UTC) + timedelta(seconds=1)


def test_an_unknown_path_gets_a_suggestion(mini):
    result = CliRunner().invoke(main, ["calendar", "paul-plomber", "--start", "2026-12-01", "-f", str(mini)])
    assert result.exit_code == 1
    assert "parcours « paul-plomber » introuvable (vouliez-vous dire « paul-plombier » ?)" in result.output
