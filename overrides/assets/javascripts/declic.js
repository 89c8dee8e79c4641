/* Déclic in the browser: what its features share, and the loop that runs them on each page Material
   shows (document$ fires again after instant navigation). Each feature is a file of its own
   (declic-prompts.js, declic-progress.js, declic-explorer.js, declic-workshop.js, declic-search.js,
   declic-print.js) that registers with `declic.onPage`. Classic scripts rather than ES modules:
   browsers refuse module scripts from file://, where the offline build is opened. Every page works
   without them; they only add controls. */
(function () {
  "use strict";

  var features = [];

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

  function siteRoot() {
    var node = document.getElementById("__config");
    var base = node ? JSON.parse(node.textContent).base : ".";
    return new URL(base + "/", location.href);
  }

  /* Where the site keeps cards, sheets, paths and the explorer's parts (generator/declic/urls.py), as the
     page that needs them says: `data-addresses` on its root element. */
  function addresses(node) {
    return JSON.parse(node.getAttribute("data-addresses") || "{}");
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

  function run() {
    var content = document.querySelector(".md-content") || document.body;
    features.forEach(function (feature) { feature(content); });
  }

  /* The feature files run after this one: the first page is drawn once they have all registered. */
  function start() {
    if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(run);
    else run();
  }

  window.declic = {
    SLUG: /^[a-z0-9]+(-[a-z0-9]+)*$/,
    CARD_ID: /^[a-z0-9]+(-[a-z0-9]+)*\/[a-z0-9]+(-[a-z0-9]+)*$/,
    element: element,
    siteRoot: siteRoot,
    addresses: addresses,
    queryString: queryString,
    announce: announce,
    onPage: function (feature) { features.push(feature); }
  };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else window.setTimeout(start, 0);
})();
