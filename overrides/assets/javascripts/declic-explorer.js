/* Déclic in the browser: the catalog explorer. Filters and the workshop selection live in the
   address, so that a reader can send it. */
(function (declic) {
  "use strict";

  var element = declic.element;
  var FILTERS = [
    { name: "metier", attribute: "trade" },
    { name: "categorie", attribute: "category" },
    { name: "frein", attribute: "obstacles", list: true },
    { name: "niveau", attribute: "levels", list: true },
    { name: "duree", attribute: "duration", atMost: true }
  ];
  /* The explorer's cards come in parts, one per trade (generator/declic/pages/explorer_data.py): a part is
     loaded only when a filter needs it, so the first view weighs the same at any catalog size. */
  var PAGE_SIZE = 100;
  var PARTS_AT_ONCE = 6;  // as many requests as a browser sends to one server at once
  var parts = {};
  var waiting = {};
  var EVERY_CARD = "_tout";  /* the part of a filter across trades: every card in one request */
  window.declicExplorerPart = function (part) {
    parts[part.part] = part.cards;
    (waiting[part.part] || []).forEach(function (resolve) { resolve(); });
    delete waiting[part.part];
  };

  function loadPart(folder, trade) {
    if (parts[trade]) return Promise.resolve();
    return new Promise(function (resolve, reject) {
      if (waiting[trade]) { waiting[trade].push(resolve); return; }
      waiting[trade] = [resolve];
      var script = element("script", { src: new URL(folder + trade + ".js", declic.siteRoot()).href });
      script.onerror = function () { delete waiting[trade]; reject(new Error(trade)); };
      document.head.appendChild(script);
    });
  }

  function enhanceExplorer(root) {
    var form = root.querySelector("#declic-filters");
    var results = root.querySelector("#declic-results");
    if (!form || !results || form.hasAttribute("data-declic-ready")) return;
    form.setAttribute("data-declic-ready", "");
    form.hidden = false;
    var noScript = root.querySelector("#declic-no-script");
    if (noScript) noScript.hidden = true;
    var count = root.querySelector("#declic-count");
    var bar = root.querySelector("#declic-workshop-bar");
    var workshopLink = root.querySelector("#declic-workshop-link");
    var workshopHref = workshopLink ? workshopLink.getAttribute("href") : null;
    var directoryUrls = !(workshopHref && /\.html$/.test(workshopHref));
    var where = declic.addresses(results);
    var total = Number(results.getAttribute("data-total"));
    var trades = JSON.parse(results.getAttribute("data-parts")).map(function (part) { return part[0]; });
    var categories = {};
    Array.prototype.forEach.call(form.elements.categorie.options, function (option) {
      categories[option.value] = option.textContent;
    });
    var params = new URLSearchParams(location.search);
    var selected = (params.get("cartes") || "").split(",").filter(function (id) { return declic.CARD_ID.test(id); });
    var list = element("ul");
    var more = element("button", { type: "button", class: "md-button declic-more", hidden: true });
    results.appendChild(list);
    results.appendChild(more);
    var limit = PAGE_SIZE;
    var generation = 0;
    FILTERS.forEach(function (filter) {
      var select = form.elements[filter.name];
      var value = params.get(filter.name);
      if (select && value && select.querySelector('option[value="' + CSS.escape(value) + '"]')) select.value = value;
      if (select) select.addEventListener("change", function () { limit = PAGE_SIZE; apply(); });
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
    form.addEventListener("reset", function () { window.setTimeout(function () { limit = PAGE_SIZE; apply(); }, 0); });
    more.addEventListener("click", function () { limit += PAGE_SIZE; apply(); });
    apply();

    function chosenFilters() {
      var chosen = {};
      FILTERS.forEach(function (filter) { chosen[filter.name] = form.elements[filter.name].value; });
      return chosen;
    }

    function matches(row, chosen) {
      var values = { metier: row[0].split("/")[0], categorie: row[2], frein: row[3], niveau: row[4], duree: row[5] };
      return FILTERS.every(function (filter) {
        var wanted = chosen[filter.name];
        var value = values[filter.name];
        if (!wanted) return true;
        if (filter.list) return value.indexOf(wanted) >= 0;
        if (filter.atMost) return Number(value) <= Number(wanted);
        return value === wanted;
      });
    }

    /* Parts are loaded one after the other, and the list drawn after each: the first results show
       while the others come. Unfiltered, only as many parts as the first screenfuls need. */
    function apply() {
      var chosen = chosenFilters();
      var mine = ++generation;
      var unfiltered = FILTERS.every(function (filter) { return !chosen[filter.name]; });
      /* A trade: its part. Nothing chosen: the trades' parts, only as many as the first screenfuls
         need. Any other filter: every card, in one part. */
      var needed = chosen.metier ? [chosen.metier] : unfiltered ? trades : [EVERY_CARD];
      remember(chosen);
      step(0);

      function step(index) {
        if (mine !== generation) return;  // the reader changed a filter meanwhile
        while (index < needed.length && parts[needed[index]]) index += 1;
        var complete = index === needed.length;
        var found = draw(chosen, needed, complete, unfiltered);
        if (complete || (unfiltered && found > limit)) return;
        var batch = needed.slice(index, index + PARTS_AT_ONCE);
        Promise.all(batch.map(function (trade) {
          return loadPart(where.part, trade).catch(function () {});  // a missing part: its cards are left out
        })).then(function () { step(index + batch.length); });
      }
    }

    function draw(chosen, needed, complete, unfiltered) {
      var rows = [];
      needed.forEach(function (trade) {
        (parts[trade] || []).forEach(function (row) {
          if (declic.CARD_ID.test(row[0]) && matches(row, chosen)) rows.push(row);
        });
      });
      list.textContent = "";
      rows.slice(0, limit).forEach(function (row) { list.appendChild(item(row)); });
      more.hidden = rows.length <= limit && (complete || !unfiltered);
      more.textContent = "Afficher " + PAGE_SIZE + " cas d'usage de plus";
      if (unfiltered) count.textContent = total + " cas d'usage sur " + total + ".";
      else if (!complete) count.textContent = rows.length + " cas d'usage trouvés pour l'instant…";
      else count.textContent = rows.length ? rows.length + " cas d'usage sur " + total + "." :
        "Aucun cas d'usage ne correspond à ces choix\u00a0: retirez un filtre.";
      return rows.length;
    }

    function item(row) {
      var id = row[0];
      var link = element("a", { href: new URL(where.card + id + (directoryUrls ? "/" : ".html"), declic.siteRoot()).href,
                                "data-card": id, text: row[1] });
      var box = element("input", { type: "checkbox", class: "declic-pick",
                                   "aria-label": "Choisir pour l'atelier\u00a0: " + row[1] });
      box.checked = selected.indexOf(id) >= 0;
      box.addEventListener("change", function () {
        selected = selected.filter(function (other) { return other !== id; });
        if (box.checked) selected.push(id);
        remember(chosenFilters());
      });
      var minutes = row[5];
      var duration = minutes >= 60 ? Math.floor(minutes / 60) + "\u00a0h" + (minutes % 60 ? "\u00a0" + String(minutes % 60).padStart(2, "0") : "") : minutes + "\u00a0min";
      return element("li", {}, [box, link, document.createTextNode(" · " + (categories[row[2]] || row[2]) + " · " + duration)]);
    }

    function remember(chosen) {
      var query = {};
      FILTERS.forEach(function (filter) { query[filter.name] = chosen[filter.name]; });
      query.cartes = selected.join(",");
      history.replaceState(history.state, "", location.pathname + declic.queryString(query) + location.hash);
      if (bar && workshopLink) {
        bar.hidden = selected.length === 0;
        workshopLink.href = workshopHref + declic.queryString({ cartes: selected.join(",") });
        workshopLink.textContent = "Préparer l'atelier (" + selected.length + " cas d'usage)";
      }
    }
  }

  declic.onPage(enhanceExplorer);
})(window.declic);
