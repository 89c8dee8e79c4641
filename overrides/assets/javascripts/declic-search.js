/* Déclic in the browser: Pagefind's search, loaded on first use into the header's panel. */
(function (declic) {
  "use strict";

  var element = declic.element;

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
        new window.PagefindUI({
          element: panel, bundlePath: bundle.pathname, baseUrl: declic.siteRoot().pathname,
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

  declic.onPage(function () { enhanceSearch(); });
})(window.declic);
