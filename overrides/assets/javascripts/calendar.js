/* Déclic: a path's follow-ups (J+15, J+30, monthly ritual) as an .ics file, from a start date the
   reader picks. The dates come from the page (generator/declic/pages/calendar.py's follow_ups), so this file
   and `declic calendar` always agree. Nothing leaves the browser. */
(function () {
  "use strict";

  function pad(number) { return String(number).padStart(2, "0"); }

  function stamp(date) {
    return date.getFullYear() + pad(date.getMonth() + 1) + pad(date.getDate()) +
      "T" + pad(date.getHours()) + pad(date.getMinutes()) + "00";
  }

  function text(value) {
    return String(value).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\n/g, "\\n");
  }

  function octets(character) {  // its size in UTF-8
    var code = character.codePointAt(0);
    return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }

  // RFC 5545: lines of at most 75 octets (UTF-8), continued with one space, never cut inside a
  // character: Array.from walks code points, so an emoji's two UTF-16 halves stay together.
  function fold(line) {
    var out = [], current = "", size = 0;
    Array.from(line).forEach(function (character) {
      var length = octets(character);
      if (size + length > 75) { out.push(current); current = " "; size = 1; }
      current += character;
      size += length;
    });
    out.push(current);
    return out.join("\r\n");
  }

  function utcStamp(date) {  // DTSTAMP: when the file was made, in UTC
    return date.getUTCFullYear() + pad(date.getUTCMonth() + 1) + pad(date.getUTCDate()) + "T" +
      pad(date.getUTCHours()) + pad(date.getUTCMinutes()) + pad(date.getUTCSeconds()) + "Z";
  }

  function calendar(pathId, title, followUps, start) {
    var made = utcStamp(new Date());
    var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Déclic//Parcours//FR", "X-WR-CALNAME:" + text("Déclic · " + title)];
    followUps.forEach(function (item) {
      var begins = new Date(start.getFullYear(), start.getMonth(), start.getDate() + item.days, 9, 0);
      var ends = new Date(begins.getTime() + item.minutes * 60000);
      lines.push("BEGIN:VEVENT",
        "UID:" + pathId + "-j" + item.days + (item.months ? "-mensuel" : "") + "@declic",
        "DTSTAMP:" + made,
        "DTSTART:" + stamp(begins), "DTEND:" + stamp(ends),
        "SUMMARY:" + text(item.title + " · " + title),
        "DESCRIPTION:" + text(item.description + "\n" + window.location.href));
      if (item.months) lines.push("RRULE:FREQ=MONTHLY;COUNT=" + item.months);
      lines.push("END:VEVENT");
    });
    lines.push("END:VCALENDAR");
    return lines.map(fold).join("\r\n") + "\r\n";
  }

  function setUp(box) {
    if (box.dataset.ready) return;
    box.dataset.ready = "1";
    var data = box.parentNode.querySelector("script.declic-follow-ups");
    if (!data) return;
    var followUps = JSON.parse(data.textContent);
    var form = document.createElement("form");
    form.className = "declic-calendar__form";
    var id = "declic-start-" + box.dataset.path;
    form.innerHTML = '<label for="' + id + '">Date de début du parcours</label> ' +
      '<input type="date" id="' + id + '" required> ' +
      '<button type="submit" class="md-button">Télécharger le calendrier (.ics)</button>';
    var input = form.querySelector("input");
    input.valueAsDate = new Date();
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var parts = input.value.split("-").map(Number);
      var start = new Date(parts[0], parts[1] - 1, parts[2]);
      var blob = new Blob([calendar(box.dataset.path, box.dataset.title, followUps, start)], { type: "text/calendar" });
      var link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = "parcours-" + box.dataset.path + ".ics";
      document.body.appendChild(link);
      link.click();
      link.remove();
    });
    box.appendChild(form);
  }

  function run() { document.querySelectorAll(".declic-calendar").forEach(setUp); }

  if (window.document$) window.document$.subscribe(run); else document.addEventListener("DOMContentLoaded", run);
})();
