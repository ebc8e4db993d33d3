// Live job-post check on the job form. Progressive enhancement: without this
// file the form still saves, and the job page shows the check after saving.
"use strict";

function renderIssues(list, issues) {
  list.replaceChildren();
  for (const issue of issues) {
    const item = document.createElement("li");
    item.className = `lint-issue lint-${issue.severity}`;
    const message = document.createElement("strong");
    message.textContent = issue.message;
    item.append(message);
    if (issue.quote) {
      const quote = document.createElement("blockquote");
      quote.textContent = issue.quote;
      item.append(quote);
    }
    const hint = document.createElement("p");
    hint.className = "hint";
    hint.textContent = `Try: ${issue.suggestion}`;
    item.append(hint);
    list.append(item);
  }
}

function initJobForm(form) {
  const output = document.querySelector("[data-lint-output]");
  if (!output) return;
  const list = output.querySelector("[data-lint-issues]");
  const status = output.querySelector("[data-lint-status]");
  const csrf = form.querySelector("[name=csrf_token]").value;
  const value = (name) => (form.elements[name] ? form.elements[name].value : "");
  let timer = null;
  let sent = 0;

  async function check() {
    const ticket = ++sent;
    const body = {
      text: value("description"),
      title: value("title"),
      level: value("level"),
      use_case: value("use_case"),
      currency: value("currency"),
      salary_min: value("salary_min"),
      salary_max: value("salary_max"),
    };
    try {
      const response = await fetch(form.dataset.lintUrl, {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRFToken": csrf },
        body: JSON.stringify(body),
      });
      if (ticket !== sent) return; // a newer check is on its way
      if (!response.ok) {
        status.textContent = "The check is unavailable right now; it runs again when you save.";
        return;
      }
      const result = await response.json();
      renderIssues(list, result.issues);
      status.textContent = result.issues.length
        ? `${result.issues.length} possible hiring mistake(s):`
        : "No hiring mistakes found.";
    } catch (error) {
      status.textContent = "The check is unavailable right now; it runs again when you save.";
    }
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(check, uiTiming("uiDebounceMs", 400));
  }
  form.addEventListener("input", schedule);
  form.addEventListener("change", schedule);
  check();
}

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("[data-job-form]").forEach(initJobForm);
});
