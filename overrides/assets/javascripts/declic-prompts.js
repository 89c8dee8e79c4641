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

  var FOLDED_LINES = 12;  /* a longer prompt shows its start, and a button for the rest */

  /* The fields and the copy button come before the prompt's text, so that on a phone the action is
     on the first screens; the text itself, long, folds. Example values are placeholders only: a
     blank left empty is copied as « [Libellé] », and the reader is told how many are left. */
  function enhancePrompt(block, index) {
    if (block.hasAttribute("data-declic-ready")) return;
    block.setAttribute("data-declic-ready", "");
    var code = block.querySelector("code");
    if (!code) return;
    var marks = Array.prototype.slice.call(block.querySelectorAll("mark.declic-blank"));
    /* The task's own fields first; a fact about the reader (their team's size, shown with their
       trade's as the example) last, the same on every card. */
    var ordered = marks.filter(function (mark) { return !mark.hasAttribute("data-about-reader"); })
      .concat(marks.filter(function (mark) { return mark.hasAttribute("data-about-reader"); }));
    var promptId = block.getAttribute("data-prompt") || "prompt";
    var tools = element("div", { class: "declic-tools" });
    var seen = {};
    var fields = [];
    var inputs = [];
    ordered.forEach(function (mark) {
      var name = mark.getAttribute("data-variable");
      if (seen[name]) return;
      seen[name] = true;
      var id = "declic-" + index + "-" + promptId + "-" + name;
      var label = mark.getAttribute("data-label") || name;
      var hint = mark.getAttribute("title") || "";
      var example = mark.getAttribute("data-example") || "";
      var long = mark.getAttribute("data-type") === "long_text";
      var input = long ? element("textarea", { id: id, name: name, rows: "3" }) :
        element("input", { id: id, name: name, type: "text" });
      if (example) input.setAttribute("placeholder", "ex.\u00a0: " + example);
      if (hint) input.setAttribute("aria-describedby", id + "-hint");
      input.addEventListener("input", function () { fill(name, input.value, label); });
      var field = element("div", { class: "declic-fill__field" }, [element("label", { for: id, text: label }), input]);
      if (hint) field.appendChild(element("p", { id: id + "-hint", class: "declic-fill__hint", text: hint }));
      fields.push(field);
      inputs.push({ input: input, label: label });
    });

    function fill(name, value, label) {
      marks.forEach(function (mark) {
        if (mark.getAttribute("data-variable") !== name) return;
        var filled = value.trim() !== "";
        mark.textContent = filled ? value : "[" + label + "]";
        mark.classList.toggle("declic-blank--filled", filled);
      });
    }

    function blanksLeft() {
      return inputs.filter(function (item) { return item.input.value.trim() === ""; })
        .map(function (item) { return item.label; });
    }

    if (fields.length) {
      tools.appendChild(element("fieldset", { class: "declic-fill" },
        [element("legend", { text: "Vos informations" })].concat(fields)));
      var instruction = block.previousElementSibling;
      if (instruction && instruction.classList.contains("declic-instruction")) {
        /* The page's own instruction stays for paper, where the blanks are brackets to fill by hand. */
        instruction.hidden = true;
        instruction.parentNode.insertBefore(element("p", { class: "declic-instruction declic-instruction--screen",
          text: "Remplissez les champs (en gris\u00a0: des exemples)\u00a0: le prompt se complète à mesure. Puis copiez-le." }), instruction);
      }
    }

    /* What was copied is said next to the button, in the bar pinned to the bottom of the screen:
       where the reader's thumb and eyes are, not below the links that follow. */
    var status = element("p", { class: "declic-status declic-actions__status", role: "status", "aria-live": "polite" });
    var copy = element("button", { type: "button", class: "md-button md-button--primary declic-copy", text: "Copier le prompt" });
    copy.addEventListener("click", function () {
      var left = blanksLeft();
      var done = left.length ?
        "Prompt copié. " + left.length + " champ" + (left.length > 1 ? "s" : "") + " à compléter\u00a0: " +
          left.join(", ") + "." :
        "Prompt copié\u00a0: collez-le dans votre assistant.";
      copyText(code.textContent).then(
        function () { declic.announce(status, done); },
        function () { declic.announce(status, "La copie a échoué\u00a0: sélectionnez le texte du prompt et copiez-le."); }
      );
    });
    var actions = element("div", { class: "declic-actions" }, [copy, status]);
    tools.appendChild(actions);
    /* A message about a copy is stale once the reader types again; gone, it no longer hides a field. */
    tools.addEventListener("input", function () { status.textContent = ""; });
    /* The pinned bar must not hide the field being filled: a field with the focus is brought above it. */
    tools.addEventListener("focusin", function (event) {
      var field = event.target.closest && event.target.closest(".declic-fill__field");
      if (!field) return;
      var hidden = field.getBoundingClientRect().bottom + 8 - actions.getBoundingClientRect().top;
      if (hidden > 0) window.scrollBy(0, hidden);
    });

    var targets = assistants();
    if (targets.length) {
      var links = targets.map(function (assistant) {
        var link = element("a", { href: assistant.url, target: "_blank", rel: "noopener noreferrer",
                                   referrerpolicy: "no-referrer", class: "md-button declic-open__link" });
        link.appendChild(element("span", { class: "declic-sr-only", text: " (nouvel onglet)" }));
        if (assistant.prompt_in_url === false) {
          /* This assistant does not read a prompt from its address: the prompt is copied, the
             assistant opened as it is, and the reader pastes. */
          link.insertBefore(document.createTextNode("Copier puis ouvrir " + assistant.name), link.firstChild);
          link.addEventListener("click", function () {
            copyText(code.textContent).then(
              function () { declic.announce(status, "Prompt copié\u00a0: collez-le dans " + assistant.name + "."); },
              function () { declic.announce(status, "La copie a échoué\u00a0: sélectionnez le texte du prompt et copiez-le."); }
            );
          });
          return link;
        }
        /* The reader's text goes into the address only at the moment of the click. */
        link.insertBefore(document.createTextNode("Ouvrir dans " + assistant.name), link.firstChild);
        link.addEventListener("click", function () {
          link.href = assistant.url + encodeURIComponent(code.textContent);
          window.setTimeout(function () { link.href = assistant.url; }, 0);
        });
        return link;
      });
      tools.appendChild(element("div", { class: "declic-open" }, links));
      tools.appendChild(element("p", { class: "declic-open__warning",
        text: "Avec «\u00a0Ouvrir dans\u00a0», le texte du prompt part dans l'adresse de l'assistant et quitte ce site\u00a0: " +
          "vérifiez qu'il ne contient aucune donnée personnelle." }));
    }
    block.parentNode.insertBefore(tools, block);
    fold(block, code);
  }

  function fold(block, code) {
    var lines = parseFloat(getComputedStyle(code).lineHeight) || 20;
    if (code.scrollHeight <= lines * (FOLDED_LINES + 3)) return;
    block.classList.add("declic-prompt--folded");
    var toggle = element("button", { type: "button", class: "md-button declic-unfold", "aria-expanded": "false",
                                      text: "Afficher tout le prompt" });
    toggle.addEventListener("click", function () {
      var folded = block.classList.toggle("declic-prompt--folded");
      toggle.setAttribute("aria-expanded", folded ? "false" : "true");
      toggle.textContent = folded ? "Afficher tout le prompt" : "Replier le prompt";
    });
    block.appendChild(toggle);
  }

  declic.onPage(function (content) {
    Array.prototype.forEach.call(content.querySelectorAll(".declic-prompt"), enhancePrompt);
  });
})(window.declic);
