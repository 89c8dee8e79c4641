/* Déclic in the browser: the workshop kit. The chosen cards (or a path's booklet), fetched and
   laid out one per printed side, each with its QR code or, when the guide has no published address,
   its address as seen from the kit's own page. */
(function (declic) {
  "use strict";

  var element = declic.element;
  var WORKSHOP_LIMIT = 60;

  function enhanceWorkshop(root) {
    var holder = root.querySelector("#declic-workshop");
    if (!holder || holder.hasAttribute("data-declic-ready")) return;
    holder.setAttribute("data-declic-ready", "");
    /* A booklet is the same kit: a path's page (parcours=), then cards (cartes=) and sheets (fiches=). */
    var params = new URLSearchParams(location.search);
    var where = declic.addresses(holder);
    function listed(name, pattern, folder) {
      return (params.get(name) || "").split(",").filter(function (id) { return pattern.test(id); })
        .map(function (id) { return folder + id; });
    }
    var ids = [].concat(listed("parcours", declic.SLUG, where.path), listed("cartes", declic.CARD_ID, where.card),
      listed("fiches", declic.SLUG, where.sheet)).slice(0, WORKSHOP_LIMIT);
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
    var root_ = declic.siteRoot();
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
      status.textContent = ids.length + " page" + (ids.length > 1 ? "s prêtes" : " prête") + " à imprimer\u00a0: " +
        ids.length + " face" + (ids.length > 1 ? "s" : "") + " A4, une par cas d'usage.";
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
    /* Without a QR code (no site_url), the card's address in text, under its title. */
    if (!section.querySelector(".declic-qr")) {
      var note = element("p", { class: "declic-address", text: "Cette page en ligne\u00a0: " + url.href });
      var title = section.querySelector("h1");
      if (title) title.parentNode.insertBefore(note, title.nextSibling);
      else section.insertBefore(note, section.firstChild);
    }
    return section;
  }

  declic.onPage(enhanceWorkshop);
})(window.declic);
