"""An .ics file checked as RFC 5545 asks, whichever writer made it (the path page's calendar.js or
`declic calendar`): lines of at most 75 octets, never cut inside a character, a DTSTAMP in UTC."""

from __future__ import annotations

import re
from pathlib import Path

from icalendar import Calendar

# Long enough to be folded, with accents, a curly apostrophe, a comma to escape and two emoji (4 octets each).
LONG_NAME = "Paul, plombier-chauffagiste à Besançon 🔧 dépannages d’urgence, salles de bains et économies d’énergie 🚿"
# X-WR-CALNAME as written: an X- property's value is TEXT (RFC 5545, 3.8.8.2), its commas escaped;
# icalendar reads it back as is.
CALENDAR_NAME = "Déclic · " + LONG_NAME.replace(",", "\\,")


def name_paul(guide: Path) -> None:
    """Give the tiny guide's Paul (path « paul-plombier ») LONG_NAME; `guide` is its mkdocs.yml."""
    person = guide.parent / "personas" / "people" / "paul-plombier.yaml"
    text = person.read_text(encoding="utf-8")
    person.write_text(text.replace("name: Paul, plombier", f"name: {LONG_NAME}", 1), encoding="utf-8")


def read_ics(data: bytes) -> Calendar:
    """The calendar in `data`, after checking its physical lines; fails the test when one is wrong."""
    assert data.endswith(b"\r\n"), "la dernière ligne doit finir par CRLF"
    lines = data[:-2].split(b"\r\n")
    for number, line in enumerate(lines, 1):
        assert b"\n" not in line and b"\r" not in line, f"ligne {number} : fin de ligne isolée"
        assert len(line) <= 75, f"ligne {number} : {len(line)} octets"
        line.decode("utf-8")  # UnicodeDecodeError: the fold cut a character in two
    assert any(line.startswith(b" ") for line in lines), "aucune ligne repliée : le test n'exerce pas le pliage"
    unfolded = re.sub(rb"\r\n[ \t]", b"", data).decode("utf-8")
    stamps = [line for line in unfolded.split("\r\n") if line.startswith("DTSTAMP")]
    assert stamps and all(re.fullmatch(r"DTSTAMP:\d{8}T\d{6}Z", stamp) for stamp in stamps), stamps
    return Calendar.from_ical(unfolded)


def events_by_title(calendar: Calendar) -> dict:
    """The follow-up events by their title before « · the path's name »."""
    return {str(event["summary"]).split(" · ")[0]: event for event in calendar.walk("VEVENT")}
