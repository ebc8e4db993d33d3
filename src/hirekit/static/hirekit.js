// Progressive enhancement only: every page works without this file.
"use strict";

function initQuestionFilter(form) {
  const items = Array.from(document.querySelectorAll(".questions .question"));
  const count = document.querySelector("[data-question-count]");
  const q = form.querySelector("[name=q]");
  const useCase = form.querySelector("[name=use_case]");
  const topic = form.querySelector("[name=topic]");
  function apply() {
    const words = q.value.toLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const item of items) {
      const text = item.textContent.toLowerCase();
      const ok = (!useCase.value || item.dataset.useCases.split(" ").includes(useCase.value)) &&
        (!topic.value || item.dataset.topic === topic.value) &&
        words.every((w) => text.includes(w));
      item.classList.toggle("hidden", !ok);
      if (ok) shown += 1;
    }
    if (count) count.textContent = String(shown);
  }
  for (const el of [q, useCase, topic]) el.addEventListener("input", apply);
  form.addEventListener("submit", (event) => { event.preventDefault(); apply(); });
}

// The page's timing in milliseconds, set by the server (HIREKIT_UI_POLL_MS,
// HIREKIT_UI_DEBOUNCE_MS); the defaults stand in for a page rendered without them.
function uiTiming(name, fallback) {
  const value = Number(document.body && document.body.dataset[name]);
  return value > 0 ? value : fallback;
}

function initTaskStatus(box) {
  const every = uiTiming("uiPollMs", 1000);
  const url = box.dataset.taskStatus;
  const bar = box.querySelector("progress");
  async function poll() {
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    if (!response.ok) return;
    const job = await response.json();
    bar.value = job.progress;
    for (const field of ["status", "attempts", "error"]) {
      const el = box.querySelector(`[data-field=${field}]`);
      if (el) el.textContent = job[field];
    }
    if (job.status === "done" && job.result && job.result.url) {
      window.location.assign(job.result.url);
    } else if (job.status !== "done" && job.status !== "failed") {
      setTimeout(poll, every);
    }
  }
  setTimeout(poll, every / 2);
}

// The browser's IANA time zone suggests the user's own (sign-in default, profile form).
function fillBrowserTimeZone(input) {
  if (input.value) return;
  try {
    input.value = Intl.DateTimeFormat().resolvedOptions().timeZone || "";
  } catch (e) {
    // An old browser without the Intl API: the field stays empty and UTC applies.
  }
}

// An instant rendered in UTC by the server, shown in the browser's own time zone
// (named, so nobody guesses). Without Intl the UTC text stays.
function showLocalTime(el) {
  const instant = new Date(el.getAttribute("datetime"));
  if (Number.isNaN(instant.getTime())) return;
  try {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const text = new Intl.DateTimeFormat(undefined, {
      weekday: "long", day: "numeric", month: "long", year: "numeric",
      hour: "2-digit", minute: "2-digit", timeZone: zone,
    }).format(instant);
    el.title = el.textContent;
    el.textContent = `${text} (${zone})`;
  } catch (e) {
    // Keep the server's UTC text.
  }
}

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("time[data-local-time]").forEach(showLocalTime);
  document.querySelectorAll("[data-browser-time-zone]").forEach(fillBrowserTimeZone);
  document.querySelectorAll("[data-question-filter]").forEach(initQuestionFilter);
  document.querySelectorAll("[data-task-status]").forEach(initTaskStatus);
});
