// Progressive enhancement: a destructive form asks in a dialog instead of on a second page.
// Without this file the server answers the first post with a confirmation page.
"use strict";

function needsConfirm(form) {
  // data-confirm-when="reject:,withdraw" limits the question to some values of the "action" field.
  const when = form.dataset.confirmWhen;
  if (!when) return true;
  const action = form.querySelector("[name=action]");
  const value = action ? action.value : "";
  return when.split(",").some((prefix) => value.startsWith(prefix));
}

function initConfirm(form) {
  form.addEventListener("submit", (event) => {
    const flag = form.querySelector("input[name=confirm]");
    if (flag) flag.remove();
    if (!needsConfirm(form)) return;
    let message = form.dataset.confirm;
    if (message.includes("{count}")) {
      // A bulk form: with nothing picked the server answers with what is missing.
      const picked = document.querySelectorAll(`input[form="${form.id}"]:checked`).length;
      if (!picked) return;
      message = message.replace("{count}", String(picked));
    }
    if (!window.confirm(message)) {
      event.preventDefault();
      return;
    }
    const input = document.createElement("input");
    input.type = "hidden";
    input.name = "confirm";
    input.value = "yes";
    form.appendChild(input);
  });
}

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("form[data-confirm]").forEach(initConfirm);
});
