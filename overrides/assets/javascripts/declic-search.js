/* Déclic in the browser: Pagefind's search, loaded on first use into the header's panel. The
   trade a reader chose (a trade's page, reached from its home tile, or one of its cards) is kept in
   the browser: its pages come first in the results (pagefind-ranked/pagefind.js), under a chip that
   removes it. */
(function (declic) {
  "use strict";

  var element = declic.element;
  var TRADE_KEY = "declic-metier";

  function readerTrade() {
    try {
      var kept = JSON.parse(window.localStorage.getItem(TRADE_KEY) || "null");
      return kept && typeof kept.name === "string" && declic.SLUG.test(kept.id || "") ? kept : null;
    } catch (error) {
      return null;  /* storage refused (private mode, file://): search works without it */
    }
  }
  declic.readerTrade = readerTrade;

  function keepTrade(content) {
    var mark = content.querySelector(".declic-trade-mark[data-declic-trade]");
    if (!mark) return;
    try {
      window.localStorage.setItem(TRADE_KEY, JSON.stringify({ id: mark.getAttribute("data-declic-trade"), name: mark.textContent.trim() }));
    } catch (error) { /* nothing kept: results in Pagefind's order */ }
  }

  function forgetTrade() {
    try { window.localStorage.removeItem(TRADE_KEY); } catch (error) { /* nothing to forget */ }
  }

  function enhanceSearch() {
    var box = document.querySelector("[data-declic-search]");
    if (!box || box.hasAttribute("data-declic-ready")) return;
    box.setAttribute("data-declic-ready", "");
    var toggle = box.querySelector(".declic-search__toggle");
    var panel = box.querySelector(".declic-search__panel");
    var loaded = null;
    var ui = null;
    var chipRow = element("div", { class: "declic-search__chips" });
    function showChip() {
      var trade = readerTrade();
      chipRow.textContent = "";
      chipRow.hidden = !trade;
      if (!trade) return;
      var chip = element("button", { type: "button", class: "declic-search__chip",
        "aria-label": "Retirer le métier «\u00a0" + trade.name + "\u00a0» (ses pages viennent en premier)" });
      chip.appendChild(element("span", { text: trade.name }));
      chip.appendChild(element("span", { "aria-hidden": "true", text: " \u2715" }));
      chip.addEventListener("click", function () {
        forgetTrade();
        showChip();
        var input = panel.querySelector("input");
        if (input) input.focus();
        /* Pagefind's UI searches the same words again when its filters are set (none here). */
        if (ui) ui.triggerFilters({});
      });
      chipRow.appendChild(element("span", { class: "declic-search__chips-label", text: "En premier\u00a0:" }));
      chipRow.appendChild(chip);
    }
    function open() {
      showChip();
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
      /* A large site is indexed in parts (generator/declic/site/search_index.py): the first part lists the others. */
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
        var holder = element("div", { class: "declic-search__ui" });
        panel.appendChild(holder);
        /* Pagefind's UI imports `<bundlePath>pagefind.js`: Déclic's, which ranks the reader's trade first. */
        var ranked = new URL("assets/javascripts/pagefind-ranked/", declic.siteRoot());
        ui = new window.PagefindUI({
          element: holder, bundlePath: ranked.pathname, baseUrl: declic.siteRoot().pathname,
          mergeIndex: loaded[0].map(function (part) { return { bundlePath: new URL(part, declic.siteRoot()).pathname }; }),
          showSubResults: true, showImages: false, resetStyles: false,
          /* A section's name (« La situation ») is on every card: a sub-result says whose it is. */
          processResult: function (result) {
            var page = result.meta && result.meta.title;
            (result.sub_results || []).forEach(function (sub) {
              if (page && sub.title && sub.title !== page) sub.title = page + " › " + sub.title;
            });
            return result;
          },
          translations: { placeholder: "Rechercher dans le guide (facture, relance, devis…)", clear_search: "Effacer" }
        });
        /* The chip under the field, above the results. */
        var form = holder.querySelector(".pagefind-ui__form");
        if (form) form.insertBefore(chipRow, form.querySelector(".pagefind-ui__drawer"));
        else panel.insertBefore(chipRow, holder);
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

  declic.onPage(function (content) { keepTrade(content); enhanceSearch(); });
})(window.declic);
