// Scorecard drafts save themselves a moment after each change; the form still
// works without this script through its "Save draft" button.
(function () {
  "use strict";
  var form = document.getElementById("scorecard-form");
  if (!form || form.dataset.autosave !== "1") { return; }
  var status = document.getElementById("autosave-status");
  var timer = null;
  var pause = 2 * uiTiming("uiDebounceMs", 400); // hirekit.js runs first (deferred, in order)
  function save() {
    var data = new FormData(form);
    data.set("action", "save");
    fetch(form.action, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "X-Autosave": "1", "Accept": "application/json" }
    }).then(function (response) {
      return response.json().then(function (body) {
        if (status) {
          status.textContent = body.saved ? "Draft saved " + new Date().toLocaleTimeString() : (body.error || "Not saved");
        }
      });
    }).catch(function () {
      if (status) { status.textContent = "Not saved: connection problem"; }
    });
  }
  function later() {
    if (timer) { clearTimeout(timer); }
    timer = setTimeout(save, pause);
  }
  form.addEventListener("change", later);
  form.addEventListener("input", later);
}());
