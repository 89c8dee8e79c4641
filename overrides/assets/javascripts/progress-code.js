/* Déclic: a learner's completion code, and the trainer's « Suivi d'un groupe » page that reads codes.
   The path page keeps its ticks in localStorage (declic.js, key "declic-parcours:" + the page's path);
   this file turns them into a short code and back. Nothing is sent anywhere.

   A code, in Crockford's base 32 (no I, L, O, U: it survives being read aloud or copied by hand):
     3 characters  the path's tag        (generator/declic/pages/progress_code.py)
     3 characters  the version of its steps (changes when a step is added, removed or moved)
     3 characters  the day of the last change, counted from 1 January 2025
     ⌈2n/5⌉        each of the n steps on 2 bits: 0 not tried, 1 tried, 2 adopted
     1 character   a check: a miscopied character is almost always caught
   shown in groups of four: « 49J3-FS0Q-2R8X-4 ». */
(function () {
  "use strict";

  var ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  var EPOCH = Date.UTC(2025, 0, 1);
  var DAY = 86400000;
  var PROGRESS = "declic-parcours:";  // declic.js's key for the ticks of a path page
  var CHANGED = "declic-suivi:";  // this file's: the day those ticks last changed
  var GROUP_LIST = "declic-suivi-groupe:";  // the trainer's list of codes, on the group page
  var FIRST_NAME = "declic-prenom";  // the learner's first name, for the trainer's link (every path)
  var STATES = ["pas essayé", "essayé", "adopté"];
  var MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
                "octobre", "novembre", "décembre"];

  /* ---- The code itself ---- */

  function checkCharacter(values) {
    var sum = 0;
    values.forEach(function (value, index) { sum += value * ((index % 30) + 1); });
    return ALPHABET[sum % 31];
  }

  function encode(tag, version, day, states) {
    var bits = "";
    states.forEach(function (state) { bits += (state >> 1) + "" + (state & 1); });
    while (bits.length % 5) bits += "0";
    var body = tag + version + ALPHABET[(day >> 10) & 31] + ALPHABET[(day >> 5) & 31] + ALPHABET[day & 31];
    for (var i = 0; i < bits.length; i += 5) body += ALPHABET[parseInt(bits.slice(i, i + 5), 2)];
    var code = body + checkCharacter(values(body));
    return code.match(/.{1,4}/g).join("-");
  }

  function values(text) {
    return text.split("").map(function (character) { return ALPHABET.indexOf(character); });
  }

  /* Spaces, dashes and case do not matter; I and L read as 1, O as 0, as Crockford's base 32 says. */
  function normalise(text) {
    return text.toUpperCase().replace(/[\s\-.]/g, "").replace(/[IL]/g, "1").replace(/O/g, "0");
  }

  /* → {tag, version, body} or {problem}; the states are read once the path is known. */
  function parse(text) {
    var code = normalise(text);
    if (!code) return { problem: "empty" };
    if (/[^0-9A-Z]/.test(code) || /U/.test(code) || code.length < 11) return { problem: "unreadable" };
    var body = code.slice(0, -1);
    if (checkCharacter(values(body)) !== code.slice(-1)) return { problem: "unreadable" };
    var day = values(body.slice(6, 9)).reduce(function (total, value) { return total * 32 + value; }, 0);
    return { tag: body.slice(0, 3), version: body.slice(3, 6), day: day, data: body.slice(9) };
  }

  function states(parsed, count) {
    if (parsed.data.length !== Math.ceil(2 * count / 5)) return null;
    var bits = values(parsed.data).map(function (value) { return ("0000" + value.toString(2)).slice(-5); }).join("");
    var result = [];
    for (var i = 0; i < count; i++) {
      var state = parseInt(bits.slice(2 * i, 2 * i + 2), 2);
      if (state > 2) return null;
      result.push(state);
    }
    return result;
  }

  function today() {
    var now = new Date();
    return Math.floor((Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) - EPOCH) / DAY);
  }

  function frenchDate(day) {
    var date = new Date(EPOCH + day * DAY);
    var number = date.getUTCDate();
    return (number === 1 ? "1er" : number) + " " + MONTHS[date.getUTCMonth()] + " " + date.getUTCFullYear();
  }

  /* ---- Helpers ---- */

  function element(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (key) {
      if (key === "text") node.textContent = attributes[key];
      else node.setAttribute(key, attributes[key]);
    });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function storage() {
    try { return window.localStorage; } catch (error) { return null; }
  }

  function read(store, key, fallback) {
    try { return JSON.parse((store && store.getItem(key)) || "null") || fallback; } catch (error) { return fallback; }
  }

  function copy(text, status, done) {
    function said() { status.textContent = ""; window.setTimeout(function () { status.textContent = done; }, 50); }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(said, function () { status.textContent = "Copie refusée : sélectionnez le texte et copiez-le."; });
    } else {
      status.textContent = "Sélectionnez le texte et copiez-le (Ctrl+C).";
    }
  }

  function plural(count, word) { return count + " " + word + (count > 1 ? "s" : ""); }

  /* ---- The path page: the learner's code ---- */

  /* The steps as declic.js keys them: the stage, then the step's link (or its title). */
  function stepKeys(root) {
    var keys = [];
    Array.prototype.forEach.call(root.querySelectorAll(".declic-stage"), function (stage) {
      Array.prototype.forEach.call(stage.querySelectorAll(":scope > ul > li"), function (item) {
        var link = item.querySelector("a[href]");
        var title = (item.querySelector("strong") || item).textContent.trim();
        keys.push(stage.getAttribute("data-stage") + ":" + (link ? link.getAttribute("href") : title));
      });
    });
    return keys;
  }

  /* The JSON a page embeds for a box, the first time the box is met; null after, or without data. */
  function embedded(box, data) {
    if (box.hasAttribute("data-declic-ready") || !data) return null;
    box.setAttribute("data-declic-ready", "");
    return JSON.parse(data.textContent);
  }

  function setUpCode(box) {
    var path = embedded(box, document.querySelector("script.declic-progress-code"));
    if (!path) return;
    var keys = stepKeys(document);
    if (keys.length !== path.steps.length) return;  // a guide's own path template: no code rather than a wrong one
    var store = storage();
    var followLink = box.querySelector("a[href]");
    var value = element("code", { class: "declic-code__value" });
    var summary = element("p", { class: "declic-code__summary" });
    var status = element("p", { class: "declic-status", role: "status", "aria-live": "polite" });
    var copyCode = element("button", { type: "button", class: "md-button md-button--primary", text: "Copier le code" });
    var copyLink = element("button", { type: "button", class: "md-button", text: "Copier le lien pour le formateur" });
    /* The first name is optional, and stays in this browser: it goes only into the copied link, so
       that the trainer's page lists the code under it. */
    var nameId = "declic-code-prenom";
    var name = element("input", { id: nameId, type: "text", autocomplete: "given-name", class: "declic-code__name" });
    try { name.value = (store && store.getItem(FIRST_NAME)) || ""; } catch (error) { name.value = ""; }
    name.addEventListener("input", function () {
      try { if (store) store.setItem(FIRST_NAME, name.value.trim()); } catch (error) { /* kept on screen only */ }
    });
    box.appendChild(element("p", {}, ["Votre code\u00a0: ", value]));
    box.appendChild(summary);
    box.appendChild(element("p", { class: "declic-code__field" }, [
      element("label", { for: nameId, text: "Votre prénom (facultatif, ajouté au lien pour le formateur)\u00a0: " }), name
    ]));
    box.appendChild(element("div", { class: "declic-code__actions" }, [copyCode, copyLink]));
    box.appendChild(status);

    function current() {
      var ticks = read(store, PROGRESS + location.pathname, {});
      var list = keys.map(function (key) { var tick = ticks[key]; return tick ? (tick.adopted ? 2 : 1) : 0; });
      var changed = read(store, CHANGED + location.pathname, null);
      var day = changed && changed.states === list.join("") ? changed.day : today();
      return { states: list, day: day, code: encode(path.tag, path.version, day, list) };
    }
    function link(code) {
      var target = new URL(followLink ? followLink.getAttribute("href") : "../../suivi/", location.href);
      var query = new URLSearchParams({ code: code });
      var first = name.value.replace(/[:\r\n]/g, " ").trim();
      if (first) query.set("prenom", first);
      target.search = query.toString();
      return target.href;
    }
    function show() {
      var now = current();
      value.textContent = now.code;
      var tried = now.states.filter(function (state) { return state > 0; }).length;
      var adopted = now.states.filter(function (state) { return state === 2; }).length;
      summary.textContent = "Au " + frenchDate(now.day) + "\u00a0: " + plural(tried, "étape") + " essayée" +
        (tried > 1 ? "s" : "") + " sur " + now.states.length + ", dont " + adopted + " adoptée" + (adopted > 1 ? "s" : "") + ".";
    }
    /* The day of a change is kept with the ticks it saw, so reopening the page later keeps that day. */
    function changed() {
      window.setTimeout(function () {
        var ticks = read(store, PROGRESS + location.pathname, {});
        var list = keys.map(function (key) { var tick = ticks[key]; return tick ? (tick.adopted ? 2 : 1) : 0; });
        try { if (store) store.setItem(CHANGED + location.pathname, JSON.stringify({ states: list.join(""), day: today() })); } catch (error) { /* kept on screen only */ }
        show();
      }, 0);
    }
    var scope = box.closest("article") || document.body;  // replaced with the page: no listener outlives it
    scope.addEventListener("change", function (event) {
      if (event.target.closest && event.target.closest(".declic-stage")) changed();
    });
    scope.addEventListener("click", function (event) {
      if (event.target.closest && event.target.closest(".declic-progress button")) changed();
    });
    copyCode.addEventListener("click", function () { copy(current().code, status, "Code copié."); });
    copyLink.addEventListener("click", function () { copy(link(current().code), status, "Lien copié."); });
    show();
  }

  /* ---- The trainer's page: a group's codes → a table per step ---- */

  function setUpGroup(root) {
    var paths = embedded(root, document.getElementById("declic-group-paths"));
    if (!paths) return;
    /* A tag is 15 bits of the path's id: two paths of a large guide may share one, so a code is
       matched on its tag and the version of the steps together (30 bits). */
    var byTag = {};
    paths.forEach(function (path) { (byTag[path.tag] = byTag[path.tag] || []).push(path); });
    function current(entry) {
      return (byTag[entry.tag] || []).filter(function (path) { return path.version === entry.version; })[0];
    }
    function titles(list) {
      return list.map(function (path) { return "«\u00a0" + path.title + "\u00a0»"; }).join(" ou ");
    }

    var select = element("select", { id: "declic-group-path" },
      [element("option", { value: "", text: "Tous, un tableau par parcours" })].concat(paths.map(function (path) {
        return element("option", { value: path.path, text: path.title });
      })));
    var codes = element("textarea", { id: "declic-group-codes", rows: "6", spellcheck: "false", autocapitalize: "characters",
                                      placeholder: "Léa : 49J3-FS0Q-2R8X-4\nKarim : …" });
    var submit = element("button", { type: "submit", class: "md-button md-button--primary", text: "Lire les codes" });
    var clear = element("button", { type: "button", class: "md-button", text: "Vider la liste" });
    var form = element("form", { class: "declic-group__form" }, [
      element("p", {}, [element("label", { for: "declic-group-path", text: "Parcours suivi\u00a0: " }), select]),
      element("p", {}, [element("label", { for: "declic-group-codes", text: "Les codes, un par ligne (un prénom puis «\u00a0:\u00a0» devant, si vous voulez)\u00a0:" })]),
      codes,
      element("div", { class: "declic-group__actions" }, [submit, clear]),
      element("p", { class: "declic-group__note", text: "La liste reste dans ce navigateur, pour la prochaine fois ; rien n'est envoyé." })
    ]);
    var output = element("div", { class: "declic-group__output", role: "status", "aria-live": "polite" });
    root.appendChild(form);
    root.appendChild(output);

    /* The list is kept in this browser: codes received as links (suivi/?code=…), opened one after
       another, add up to the group's list. */
    var store = storage();
    var listKey = GROUP_LIST + location.pathname;
    function keep() {
      try { if (store) store.setItem(listKey, codes.value); } catch (error) { /* kept on screen only */ }
    }
    form.addEventListener("submit", function (event) { event.preventDefault(); keep(); show(); });
    select.addEventListener("change", show);
    clear.addEventListener("click", function () { codes.value = ""; keep(); output.textContent = ""; codes.focus(); });

    try { codes.value = (store && store.getItem(listKey)) || ""; } catch (error) { codes.value = ""; }
    /* A link may carry the learner's first name (suivi/?code=…&prenom=Léa): the line is « Léa : code ».
       The same link opened twice adds nothing; the same code from two names is two learners. */
    var query = new URLSearchParams(location.search);
    var names = query.getAll("prenom");
    var known = codes.value.split(/\r?\n/).map(function (line) { return line.trim().toUpperCase(); });
    var given = [];
    query.getAll("code").forEach(function (code, index) {
      code = code.trim();
      var name = (names[index] || "").replace(/[:\r\n]/g, " ").trim();
      var line = name ? name + " : " + code : code;
      var seen = known.indexOf(line.toUpperCase()) >= 0 || given.indexOf(line) >= 0 ||
        (!name && codes.value.toUpperCase().indexOf(code.toUpperCase()) >= 0);
      if (code && !seen) given.push(line);
    });
    if (given.length) codes.value = (codes.value.trim() ? codes.value.trim() + "\n" : "") + given.join("\n");
    if (codes.value.trim()) { keep(); show(); }

    function lines() {
      return codes.value.split(/\r?\n/).map(function (line, index) {
        var at = line.lastIndexOf(":");
        var label = at >= 0 ? line.slice(0, at).trim() : "";
        var text = (at >= 0 ? line.slice(at + 1) : line).trim();
        if (at < 0 && /\s/.test(text)) {  // « Léa 49J3-FS0Q-… »: the last word is the code
          label = text.replace(/\s+\S+$/, "");
          text = text.replace(/^.*\s/, "");
        }
        return { number: index + 1, label: label, text: text };
      }).filter(function (line) { return line.text; });
    }

    function show() {
      output.textContent = "";
      var entries = lines().map(function (line) { var parsed = parse(line.text); parsed.line = line; return parsed; });
      if (!entries.length) {
        output.appendChild(element("p", { text: "Collez au moins un code." }));
        return;
      }
      /* One table per path read; a chosen path reads only its codes. */
      var chosen = select.value ? paths.filter(function (p) { return p.path === select.value; })[0] : null;
      var groups = [];
      var problems = [];
      entries.forEach(function (entry) {
        var who = "Ligne " + entry.line.number + (entry.line.label ? " («\u00a0" + entry.line.label + "\u00a0»)" : "") + "\u00a0: ";
        var candidates = entry.problem ? [] : byTag[entry.tag] || [];
        var owner = entry.problem ? null : current(entry);
        /* An older code of a tag two paths share: the path already read among them, if any. */
        var reading = groups.filter(function (g) { return candidates.indexOf(g.path) >= 0; })[0];
        var path = chosen || owner || (reading && reading.path) || candidates[0];
        if (entry.problem) {
          problems.push(who + "code illisible\u00a0; vérifiez-le, un caractère a pu être mal recopié.");
        } else if (!candidates.length) {
          problems.push(who + "ce code ne vient d'aucun parcours de ce guide (un autre guide, ou un parcours qui n'existe plus).");
        } else if (chosen && (owner ? owner !== chosen : candidates.indexOf(chosen) < 0)) {
          problems.push(who + "ce code est celui du parcours " + titles(owner ? [owner] : candidates) + ", pas de «\u00a0" + chosen.title +
            "\u00a0»\u00a0: choisissez «\u00a0Tous\u00a0» ou ce parcours dans la liste pour le lire.");
        } else if (!owner) {
          problems.push(who + "ce code vient d'une version plus ancienne du parcours «\u00a0" + path.title +
            "\u00a0»\u00a0: ses étapes ont changé depuis. Demandez un nouveau code, fait sur la page actuelle du parcours.");
        } else {
          var list = states(entry, path.steps.length);
          if (!list) { problems.push(who + "code illisible\u00a0; vérifiez-le, un caractère a pu être mal recopié."); return; }
          var group = groups.filter(function (g) { return g.path === path; })[0];
          if (!group) groups.push(group = { path: path, learners: [], unnamed: 0 });
          var name = entry.line.label;
          /* Each learner once: a name given again keeps its latest code. */
          var same = name ? group.learners.filter(function (l) { return l.name.toUpperCase() === name.toUpperCase(); })[0] : null;
          if (same) {
            if (entry.day >= same.day) { same.day = entry.day; same.states = list; }
            return;
          }
          group.learners.push({ name: name || "Personne " + (++group.unnamed), day: entry.day, states: list });
        }
      });
      if (problems.length) {
        output.appendChild(element("p", { text: plural(problems.length, "code") + " non " + (problems.length > 1 ? "lus" : "lu") + "\u00a0:" }));
        output.appendChild(element("ul", { class: "declic-group__problems" }, problems.map(function (text) { return element("li", { text: text }); })));
      }
      groups.forEach(function (group) {
        output.appendChild(element("h2", { text: "Parcours\u00a0: " + group.path.title }));
        output.appendChild(table(group.path, group.learners));
      });
    }

    function table(path, learners) {
      var head = element("tr", {}, [element("th", { scope: "col", text: "Étape" })].concat(learners.map(function (learner) {
        return element("th", { scope: "col" }, [learner.name, element("br"), element("small", { text: "au " + frenchDate(learner.day) })]);
      }), [element("th", { scope: "col", text: "Le groupe" })]));
      var rows = path.steps.map(function (title, index) {
        var tried = 0, adopted = 0;
        var cells = learners.map(function (learner) {
          var state = learner.states[index];
          if (state > 0) tried++;
          if (state === 2) adopted++;
          return element("td", { class: "declic-group__cell", "data-state": String(state), text: state ? STATES[state] : "—" });
        });
        return element("tr", {}, [element("th", { scope: "row", text: title })].concat(cells, [
          element("td", { class: "declic-group__cell" }, ["essayé " + tried + "/" + learners.length, element("br"),
                                                          "adopté " + adopted + "/" + learners.length])
        ]));
      });
      var caption = element("caption", { text: "Avancement de " + plural(learners.length, "personne") + ", étape par étape" });
      return element("div", { class: "declic-group__table", tabindex: "0", role: "region", "aria-label": "Tableau du groupe, parcours " + path.title }, [
        element("table", {}, [caption, element("thead", {}, [head]), element("tbody", {}, rows)])
      ]);
    }
  }

  function run() {
    document.querySelectorAll(".declic-code").forEach(setUpCode);
    document.querySelectorAll("#declic-group").forEach(setUpGroup);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(run);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run);
  else run();
})();
