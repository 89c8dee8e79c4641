/* Déclic in the browser: a path's progress. Each step ticked « essayé » or « adopté », kept in
   this browser only. */
(function (declic) {
  "use strict";

  var element = declic.element;

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
      declic.announce(summary, "Parcours remis à zéro. " + describe());
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

  declic.onPage(enhancePath);
})(window.declic);
