/* Déclic in the browser: what a printed page needs. The quiz's answers open, and a card or sheet
   says where it lives online. */
(function (declic) {
  "use strict";

  var element = declic.element;

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

  declic.onPage(addPrintedAddress);
})(window.declic);
