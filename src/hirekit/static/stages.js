// Stage editor: "Up" and "Down" buttons that move a row and renumber the order
// fields. Progressive enhancement: without this file the order numbers are typed.
"use strict";

function renumber(body) {
  body.querySelectorAll("[data-stage-row]").forEach((row, index) => {
    row.querySelector("[data-order]").value = String(index + 1);
  });
}

function addButtons(body) {
  for (const row of body.querySelectorAll("[data-stage-row]")) {
    const cell = row.querySelector("[data-order]").parentElement;
    const name = () => row.querySelector("input[type=text]").value || "the new stage";
    for (const [label, step] of [["Up", -1], ["Down", 1]]) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "link";
      button.textContent = label;
      button.addEventListener("click", () => {
        button.setAttribute("aria-label", `Move ${name()} ${label.toLowerCase()}`);
        const sibling = step < 0 ? row.previousElementSibling : row.nextElementSibling;
        if (!sibling) return;
        if (step < 0) sibling.before(row);
        else sibling.after(row);
        renumber(body);
        button.focus();
      });
      button.setAttribute("aria-label", `Move ${name()} ${label.toLowerCase()}`);
      cell.append(button);
    }
  }
}

document.addEventListener("DOMContentLoaded", () => {
  for (const form of document.querySelectorAll("[data-stage-editor]")) {
    const body = form.querySelector("tbody");
    if (body) addButtons(body);
  }
});
