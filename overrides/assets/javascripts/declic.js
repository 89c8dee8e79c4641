/* Déclic in the browser: prompts to fill and copy, the catalog explorer, the workshop kit,
   path progress and Pagefind's search. Every page works without it; this only adds controls.
   Runs on each page Material shows (document$ fires again after instant navigation). */
(function () {
  "use strict";

  var SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
  var CARD_ID = /^[a-z0-9]+(-[a-z0-9]+)*\/[a-z0-9]+(-[a-z0-9]+)*$/;
  var FILTERS = [
    { name: "metier", attribute: "trade" },
    { name: "categorie", attribute: "category" },
    { name: "frein", attribute: "obstacles", list: true },
    { name: "niveau", attribute: "levels", list: true },
    { name: "duree", attribute: "duration", atMost: true }
  ];
  var WORKSHOP_LIMIT = 60;

  function element(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (key) {
      if (key === "text") node.textContent = attributes[key];
      else if (key === "hidden") node.hidden = attributes[key];
      else node.setAttribute(key, attributes[key]);
    });
    (children || []).forEach(function (child) { node.appendChild(child); });
    return node;
  }

  function siteConfig() {
    var node = document.getElementById("__config");
    return node ? JSON.parse(node.textContent) : { base: "." };
  }

  function siteRoot() {
    return new URL(siteConfig().base + "/", location.href);
  }

  function assistants() {
    var node = document.getElementById("declic-config");
    var list = node ? JSON.parse(node.textContent).assistants || [] : [];
    return list.filter(function (item) {
      return item && typeof item.url === "string" && item.url.indexOf("https://") === 0 && item.name;
    });
  }

  /* An address people can read and send: ids keep their "/" and lists their ",". */
  function queryString(params) {
    var parts = [];
    Object.keys(params).forEach(function (key) {
      if (params[key]) parts.push(key + "=" + encodeURIComponent(params[key]).replace(/%2F/g, "/").replace(/%2C/g, ","));
    });
    return parts.length ? "?" + parts.join("&") : "";
  }

  function announce(node, message) {
    node.textContent = "";
    window.setTimeout(function () { node.textContent = message; }, 50);
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    return new Promise(function (resolve, reject) {
      var area = element("textarea", { readonly: "", "aria-hidden": "true", class: "declic-offscreen" });
      area.value = text;
      document.body.appendChild(area);
      area.select();
      var done = document.execCommand("copy");
      area.remove();
      (done ? resolve : reject)();
    });
  }

  /* ---- Prompts: one field per blank, the prompt updated as the reader types ---- */

  function enhancePrompt(block, index) {
    if (block.hasAttribute("data-declic-ready")) return;
    block.setAttribute("data-declic-ready", "");
    var code = block.querySelector("code");
    if (!code) return;
    var marks = Array.prototype.slice.call(block.querySelectorAll("mark.declic-blank"));
    var promptId = block.getAttribute("data-prompt") || "prompt";
    var tools = element("div", { class: "declic-tools" });
    var seen = {};
    var fields = [];
    marks.forEach(function (mark) {
      var name = mark.getAttribute("data-variable");
      if (seen[name]) return;
      seen[name] = true;
      var id = "declic-" + index + "-" + promptId + "-" + name;
      var label = mark.getAttribute("data-label") || name;
      var hint = mark.getAttribute("title") || "";
      var long = mark.getAttribute("data-type") === "long_text";
      var input = long ? element("textarea", { id: id, name: name, rows: "3" }) :
        element("input", { id: id, name: name, type: "text" });
      input.value = mark.getAttribute("data-example") || "";
      if (hint) input.setAttribute("aria-describedby", id + "-hint");
      input.addEventListener("input", function () { fill(name, input.value, label); });
      var field = element("div", { class: "declic-fill__field" }, [element("label", { for: id, text: label }), input]);
      if (hint) field.appendChild(element("p", { id: id + "-hint", class: "declic-fill__hint", text: hint }));
      fields.push(field);
      fill(name, input.value, label);
    });

    function fill(name, value, label) {
      marks.forEach(function (mark) {
        if (mark.getAttribute("data-variable") !== name) return;
        var filled = value.trim() !== "";
        mark.textContent = filled ? value : "[" + label + "]";
        mark.classList.toggle("declic-blank--filled", filled);
      });
    }

    if (fields.length) {
      tools.appendChild(element("fieldset", { class: "declic-fill" },
        [element("legend", { text: "Complétez le prompt\u00a0: il se met à jour à mesure que vous écrivez." })].concat(fields)));
    }

    var status = element("p", { class: "declic-status", role: "status", "aria-live": "polite" });
    var copy = element("button", { type: "button", class: "md-button md-button--primary declic-copy", text: "Copier le prompt" });
    copy.addEventListener("click", function () {
      copyText(code.textContent).then(
        function () { announce(status, "Prompt copié\u00a0: collez-le dans votre assistant."); },
        function () { announce(status, "La copie a échoué\u00a0: sélectionnez le texte du prompt et copiez-le."); }
      );
    });
    var actions = element("div", { class: "declic-actions" }, [copy]);
    tools.appendChild(actions);

    var targets = assistants();
    if (targets.length) {
      var links = targets.map(function (assistant) {
        /* The reader's text goes into the address only at the moment of the click. */
        var link = element("a", { href: assistant.url, target: "_blank", rel: "noopener noreferrer",
                                   referrerpolicy: "no-referrer", class: "md-button declic-open__link" });
        link.appendChild(document.createTextNode("Ouvrir dans " + assistant.name));
        link.appendChild(element("span", { class: "declic-sr-only", text: " (nouvel onglet)" }));
        link.addEventListener("click", function () {
          link.href = assistant.url + encodeURIComponent(code.textContent);
          window.setTimeout(function () { link.href = assistant.url; }, 0);
        });
        return link;
      });
      links.forEach(function (link) { actions.appendChild(link); });
      tools.appendChild(element("p", { class: "declic-open__warning",
        text: "Avec «\u00a0Ouvrir dans\u00a0», le texte du prompt quitte ce site\u00a0: vérifiez qu'il ne contient aucune donnée personnelle." }));
    }
    tools.appendChild(status);
    block.parentNode.insertBefore(tools, block.nextSibling);
  }

  /* ---- Paths: each step ticked « essayé » or « adopté », kept in this browser only ---- */

  function storage() {
    try { return window.localStorage; } catch (error) { return null; }
  }

  function enhancePath(root) {
    var stages = root.querySelectorAll(".declic-stage");
    if (!stages.length || root.querySelector(".declic-progress")) return;
    var store = storage();
    var key = "declic-parcours:" + location.pathname;
    var state = {};
    try { state = JSON.parse((store && store.getItem(key)) || "{}"); } catch (error) { state = {}; }
    var steps = [];
    Array.prototype.forEach.call(stages, function (stage) {
      Array.prototype.forEach.call(stage.querySelectorAll(":scope > ul > li"), function (item) {
        var link = item.querySelector("a[href]");
        var title = (link || item.querySelector("strong") || item).textContent.trim();
        var stepKey = stage.getAttribute("data-stage") + ":" + (link ? link.getAttribute("href") : title);
        var boxes = {};
        var group = element("span", { class: "declic-step" });
        [["tried", "essayé"], ["adopted", "adopté"]].forEach(function (pair) {
          var box = element("input", { type: "checkbox", "aria-label": pair[1] + "\u00a0: " + title });
          box.checked = !!(state[stepKey] && state[stepKey][pair[0]]);
          box.addEventListener("change", function () {
            if (pair[0] === "adopted" && box.checked) boxes.tried.checked = true;
            if (pair[0] === "tried" && !box.checked) boxes.adopted.checked = false;
            save();
          });
          boxes[pair[0]] = box;
          group.appendChild(element("label", { class: "declic-step__choice" }, [box, document.createTextNode(" " + pair[1])]));
        });
        item.appendChild(group);
        steps.push({ key: stepKey, boxes: boxes });
      });
    });

    var bar = element("progress", { max: String(steps.length), value: "0", "aria-label": "Étapes essayées" });
    var summary = element("p", { class: "declic-progress__summary", role: "status", "aria-live": "polite" });
    var reset = element("button", { type: "button", class: "md-button", text: "Remettre le parcours à zéro" });
    var box = element("div", { class: "declic-progress" }, [
      element("p", { class: "declic-progress__title", text: "Votre avancement, gardé dans ce navigateur seulement\u00a0:" }),
      bar, summary, reset
    ]);
    reset.addEventListener("click", function () {
      steps.forEach(function (step) { step.boxes.tried.checked = false; step.boxes.adopted.checked = false; });
      save();
      announce(summary, "Parcours remis à zéro. " + describe());
    });
    var heading = stages[0].previousElementSibling;
    stages[0].parentNode.insertBefore(box, heading && /^H[1-6]$/.test(heading.tagName) ? heading : stages[0]);
    update();

    function describe() {
      var tried = steps.filter(function (step) { return step.boxes.tried.checked; }).length;
      var adopted = steps.filter(function (step) { return step.boxes.adopted.checked; }).length;
      bar.value = tried;
      return tried + " étape" + (tried > 1 ? "s" : "") + " essayée" + (tried > 1 ? "s" : "") + " sur " + steps.length +
        ", dont " + adopted + " adoptée" + (adopted > 1 ? "s" : "") + ".";
    }
    function update() { summary.textContent = describe(); }
    function save() {
      var data = {};
      steps.forEach(function (step) {
        if (step.boxes.tried.checked) data[step.key] = { tried: true, adopted: step.boxes.adopted.checked };
      });
      try { if (store) store.setItem(key, JSON.stringify(data)); } catch (error) { /* full or refused: kept on screen only */ }
      update();
    }
  }

  /* ---- The explorer: filters and the workshop selection live in the address ---- */

  /* The explorer's cards come in parts, one per trade (generator/explorer_data.py): a part is
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

  function loadPart(trade) {
    if (parts[trade]) return Promise.resolve();
    return new Promise(function (resolve, reject) {
      if (waiting[trade]) { waiting[trade].push(resolve); return; }
      waiting[trade] = [resolve];
      var script = element("script", { src: new URL("explorer/donnees/" + trade + ".js", siteRoot()).href });
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
    var total = Number(results.getAttribute("data-total"));
    var trades = JSON.parse(results.getAttribute("data-parts")).map(function (part) { return part[0]; });
    var categories = {};
    Array.prototype.forEach.call(form.elements.categorie.options, function (option) {
      categories[option.value] = option.textContent;
    });
    var params = new URLSearchParams(location.search);
    var selected = (params.get("cartes") || "").split(",").filter(function (id) { return CARD_ID.test(id); });
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
          return loadPart(trade).catch(function () {});  // a missing part: its cards are left out
        })).then(function () { step(index + batch.length); });
      }
    }

    function draw(chosen, needed, complete, unfiltered) {
      var rows = [];
      needed.forEach(function (trade) {
        (parts[trade] || []).forEach(function (row) {
          if (CARD_ID.test(row[0]) && matches(row, chosen)) rows.push(row);
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
      var link = element("a", { href: new URL("cas-usage/" + id + (directoryUrls ? "/" : ".html"), siteRoot()).href,
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
      history.replaceState(history.state, "", location.pathname + queryString(query) + location.hash);
      if (bar && workshopLink) {
        bar.hidden = selected.length === 0;
        workshopLink.href = workshopHref + queryString({ cartes: selected.join(",") });
        workshopLink.textContent = "Préparer l'atelier (" + selected.length + " cas d'usage)";
      }
    }
  }

  /* ---- The workshop kit: the chosen cards, fetched and laid out one per sheet ---- */

  function enhanceWorkshop(root) {
    var holder = root.querySelector("#declic-workshop");
    if (!holder || holder.hasAttribute("data-declic-ready")) return;
    holder.setAttribute("data-declic-ready", "");
    /* A booklet is the same kit: a path's page (parcours=), then cards (cartes=) and sheets (fiches=). */
    var params = new URLSearchParams(location.search);
    function listed(name, pattern, folder) {
      return (params.get(name) || "").split(",").filter(function (id) { return pattern.test(id); })
        .map(function (id) { return folder + "/" + id; });
    }
    var ids = [].concat(listed("parcours", SLUG, "parcours"), listed("cartes", CARD_ID, "cas-usage"),
      listed("fiches", SLUG, "fiches")).slice(0, WORKSHOP_LIMIT);
    var status = element("p", { class: "declic-status", role: "status", "aria-live": "polite" });
    holder.appendChild(status);
    if (!ids.length) {
      status.textContent = "Aucun cas d'usage choisi\u00a0: cochez-en dans l'explorateur, puis revenez ici.";
      return;
    }
    /* From a folder or a USB key, browsers refuse to read one page from another. */
    if (location.protocol === "file:") {
      status.textContent = "Hors ligne, le kit ne peut pas rassembler les cas d'usage\u00a0: ouvrez chacun et imprimez-le, il tient sur sa propre page.";
      return;
    }
    var back = root.querySelector("#declic-explorer-link");
    var directoryUrls = !(back && /\.html$/.test(back.getAttribute("href")));
    var print = element("button", { type: "button", class: "md-button md-button--primary declic-print", text: "Imprimer le kit" });
    print.addEventListener("click", function () { window.print(); });
    holder.insertBefore(print, status);
    status.textContent = "Chargement de " + ids.length + " page" + (ids.length > 1 ? "s" : "") + "…";
    var root_ = siteRoot();
    Promise.all(ids.map(function (id) {
      var url = new URL(id + (directoryUrls ? "/" : ".html"), root_);
      return fetch(url).then(function (response) {
        if (!response.ok) throw new Error(String(response.status));
        return response.text();
      }).then(function (html) {
        return cardSection(new DOMParser().parseFromString(html, "text/html"), url);
      }).catch(function () {
        return element("section", { class: "declic-workshop__card" },
          [element("p", { text: "La page «\u00a0" + id + "\u00a0» est introuvable." })]);
      });
    })).then(function (sections) {
      sections.forEach(function (section) { holder.appendChild(section); });
      status.textContent = ids.length + " page" + (ids.length > 1 ? "s prêtes" : " prête") + " à imprimer, une par feuille.";
    });
  }

  function cardSection(page, url) {
    var article = page.querySelector("[data-pagefind-body]") || page.querySelector("article");
    var section = element("section", { class: "declic-workshop__card" });
    if (!article) return section;
    article.querySelectorAll(".headerlink, script, .md-source-file").forEach(function (node) { node.remove(); });
    article.querySelectorAll("[id]").forEach(function (node) { node.removeAttribute("id"); });
    article.querySelectorAll("[href]").forEach(function (node) {
      if (!/^(#|[a-z]+:)/i.test(node.getAttribute("href"))) node.setAttribute("href", new URL(node.getAttribute("href"), url).href);
    });
    article.querySelectorAll("[src]").forEach(function (node) { node.setAttribute("src", new URL(node.getAttribute("src"), url).href); });
    Array.prototype.forEach.call(article.childNodes, function (node) { section.appendChild(document.importNode(node, true)); });
    return section;
  }

  /* ---- Pagefind: loaded on first use, into the header's panel ---- */

  function enhanceSearch() {
    var box = document.querySelector("[data-declic-search]");
    if (!box || box.hasAttribute("data-declic-ready")) return;
    box.setAttribute("data-declic-ready", "");
    var toggle = box.querySelector(".declic-search__toggle");
    var panel = box.querySelector(".declic-search__panel");
    var loaded = null;
    function open() {
      panel.hidden = false;
      toggle.setAttribute("aria-expanded", "true");
      loaded = loaded || load();
      loaded.then(function () {
        var input = panel.querySelector("input");
        if (input) input.focus();
      });
    }
    function close() {
      panel.hidden = true;
      toggle.setAttribute("aria-expanded", "false");
    }
    function load() {
      var bundle = new URL(box.getAttribute("data-bundle"), location.href);
      /* A large site is indexed in parts (generator/site.py): the first part lists the others. */
      var parts = fetch(new URL("declic-index-parts.json", bundle)).then(function (response) {
        if (!response.ok) throw new Error(String(response.status));
        return response.json();
      });
      var script = new Promise(function (resolve, reject) {
        var tag = element("script", { src: new URL("pagefind-ui.js", bundle).href });
        tag.onload = resolve;
        tag.onerror = reject;
        document.head.appendChild(tag);
      });
      return Promise.all([parts, script]).then(function (loaded) {
        new window.PagefindUI({
          element: panel, bundlePath: bundle.pathname, baseUrl: siteRoot().pathname,
          mergeIndex: loaded[0].map(function (part) { return { bundlePath: new URL(part, siteRoot()).pathname }; }),
          showSubResults: true, showImages: false, resetStyles: false,
          translations: { placeholder: "Rechercher dans le guide (facture, relance, devis…)" }
        });
        /* Pagefind's field has a placeholder but no name of its own for screen readers. */
        var input = panel.querySelector("input");
        if (input) input.setAttribute("aria-label", "Rechercher dans le guide");
      }, function () {
        panel.textContent = "La recherche n'a pas pu se charger.";
      });
    }
    toggle.addEventListener("click", function () { if (panel.hidden) open(); else close(); });
    box.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && !panel.hidden) { close(); toggle.focus(); }
    });
    document.addEventListener("click", function (event) {
      if (!panel.hidden && !box.contains(event.target)) close();
    });
    document.addEventListener("keydown", function (event) {
      var target = event.target;
      var typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
      if (!typing && event.key === "/" && panel.hidden) { event.preventDefault(); open(); }
    });
  }

  /* Closed answers (quiz) would be cut from the printed page. */
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details:not([open])").forEach(function (details) {
      details.setAttribute("open", "");
      details.setAttribute("data-declic-printed", "");
    });
  });
  window.addEventListener("afterprint", function () {
    document.querySelectorAll("details[data-declic-printed]").forEach(function (details) {
      details.removeAttribute("open");
      details.removeAttribute("data-declic-printed");
    });
  });

  /* A printed card or sheet says where it lives online: a QR code when the guide knows its published
     address (site_url), otherwise the address this page was opened at, in text. */
  function addPrintedAddress(content) {
    var article = content.querySelector("article");
    if (!article || article.querySelector(".declic-qr, .declic-address") || !article.querySelector(".declic-prompt")) return;
    if (!/^https?:$/.test(location.protocol)) return;
    var address = location.origin + location.pathname;
    var title = article.querySelector("h1");
    var note = element("p", { class: "declic-address", text: "Cette page en ligne\u00a0: " + address });
    if (title) title.parentNode.insertBefore(note, title.nextSibling);
    else article.insertBefore(note, article.firstChild);
  }

  function run() {
    var content = document.querySelector(".md-content") || document.body;
    addPrintedAddress(content);
    Array.prototype.forEach.call(content.querySelectorAll(".declic-prompt"), enhancePrompt);
    enhancePath(content);
    enhanceExplorer(content);
    enhanceWorkshop(content);
    enhanceSearch();
  }

  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(run);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run);
  else run();
})();
