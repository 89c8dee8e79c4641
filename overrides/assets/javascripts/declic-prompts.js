/* Déclic in the browser: prompts to fill and copy. One field per blank, the prompt updated as the
   reader types; « Ouvrir dans… » hands the filled prompt to an assistant. */
(function (declic) {
  "use strict";

  var element = declic.element;

  function assistants() {
    var node = document.getElementById("declic-config");
    var list = node ? JSON.parse(node.textContent).assistants || [] : [];
    return list.filter(function (item) {
      return item && typeof item.url === "string" && item.url.indexOf("https://") === 0 && item.name;
    });
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
        function () { declic.announce(status, "Prompt copié\u00a0: collez-le dans votre assistant."); },
        function () { declic.announce(status, "La copie a échoué\u00a0: sélectionnez le texte du prompt et copiez-le."); }
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

  declic.onPage(function (content) {
    Array.prototype.forEach.call(content.querySelectorAll(".declic-prompt"), enhancePrompt);
  });
})(window.declic);
