/* Déclic: in `declic serve` only, the guide's problems shown on the page (the file, the line, the
   field and what is wrong), above the last good version of the page. The list comes from the
   preview server (generator/declic/commands/serve.py, PROBLEMS_FILE) and is shown as text, never as markup. */
(function () {
  "use strict";

  var script = document.currentScript;
  if (!script || !script.dataset.problems) return;

  function show(lines) {
    var old = document.getElementById("declic-problems");
    if (old) old.remove();
    if (!lines.length) return;
    var box = document.createElement("section");
    box.id = "declic-problems";
    box.className = "declic-problems";
    box.setAttribute("role", "alert");
    var title = document.createElement("h2");
    title.textContent = lines.length > 1
      ? "Le guide a " + lines.length + " problèmes : cette page montre sa dernière version valide."
      : "Le guide a un problème : cette page montre sa dernière version valide.";
    box.appendChild(title);
    var list = document.createElement("ul");
    lines.forEach(function (line) {
      var item = document.createElement("li");
      var code = document.createElement("code");
      code.textContent = line;
      item.appendChild(code);
      list.appendChild(item);
    });
    box.appendChild(list);
    document.body.insertBefore(box, document.body.firstChild);
  }

  fetch(script.dataset.problems, { cache: "no-store" })
    .then(function (response) { return response.ok ? response.json() : []; })
    .then(show, function () {});
})();
