// Live preview of an email template while it is edited. Progressive
// enhancement: without this file the "Preview" button shows the same preview.
"use strict";

function initTemplateForm(form) {
  const subject = document.querySelector("[data-preview-subject]");
  const body = document.querySelector("[data-preview-body]");
  const error = document.querySelector("[data-preview-error]");
  let timer = null;
  let sent = 0;

  async function refresh() {
    const ticket = ++sent;
    const data = new FormData(form);
    let response;
    try {
      response = await fetch(form.dataset.previewUrl, {
        method: "POST",
        body: data,
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      });
    } catch {
      return; // offline: the button still previews
    }
    if (ticket !== sent) return; // a newer edit already asked
    const answer = await response.json();
    if (response.ok) {
      error.hidden = true;
      subject.textContent = answer.subject;
      body.textContent = answer.body;
    } else {
      const details = (answer.error && answer.error.details) || {};
      const problems = Object.entries(details).map(([name, text]) => `${name}: ${text}`);
      error.textContent = problems.join(" · ") || (answer.error && answer.error.message) || "";
      error.hidden = false;
    }
  }

  form.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, uiTiming("uiDebounceMs", 400));
  });
}

document.addEventListener("DOMContentLoaded", () => {
  const form = document.querySelector("[data-mail-template]");
  if (form) initTemplateForm(form);
});
