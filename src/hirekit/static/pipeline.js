// Drag and drop on a job's board. Progressive enhancement: each card's own
// menu form does the same move without JavaScript; this posts that form's
// fields to the same endpoint and moves the card in place.
"use strict";

function initBoard(board) {
  let dragged = null;

  // A column shows its first cards only: its count is the server's total, kept
  // up to date here as cards leave and arrive.
  function shift(list, by) {
    const count = list.closest(".board-column").querySelector(".count");
    if (!count) return;
    count.dataset.count = String(Number(count.dataset.count) + by);
    count.textContent = count.dataset.count;
  }

  async function moveCard(card, list) {
    const form = card.querySelector("form.card-menu");
    if (!form) return;
    const body = new FormData(form);
    body.set("action", list.dataset.dropAction);
    const origin = card.parentElement;
    list.append(card);
    card.classList.add("moving");
    try {
      const response = await fetch(card.dataset.moveUrl, {
        method: "POST",
        credentials: "same-origin",
        headers: { Accept: "application/json" },
        body,
      });
      if (!response.ok) throw new Error(String(response.status));
      shift(origin, -1);
      shift(list, 1);
      const days = card.querySelector(".days");
      if (days) days.textContent = "0 d";
      const select = form.querySelector("select[name=action]");
      for (const option of select.options) option.disabled = option.value === list.dataset.dropAction;
    } catch (error) {
      origin.append(card); // the server refused: put the card back
      card.classList.add("move-failed");
    } finally {
      card.classList.remove("moving");
    }
  }

  board.addEventListener("dragstart", (event) => {
    const card = event.target.closest("[data-card]");
    if (!card) return;
    dragged = card;
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", card.dataset.applicationId);
  });
  board.addEventListener("dragend", () => { dragged = null; });
  for (const list of board.querySelectorAll("[data-drop-action]")) {
    list.addEventListener("dragover", (event) => {
      if (!dragged) return;
      event.preventDefault();
      list.classList.add("drop-target");
    });
    list.addEventListener("dragleave", () => list.classList.remove("drop-target"));
    list.addEventListener("drop", (event) => {
      event.preventDefault();
      list.classList.remove("drop-target");
      if (dragged && dragged.parentElement !== list) moveCard(dragged, list);
    });
  }
}

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("[data-board]").forEach(initBoard);
});
