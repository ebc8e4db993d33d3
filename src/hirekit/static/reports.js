// Progressive enhancement: report tables become sortable by clicking a column header.
// Without this file the tables are plain, already ordered, and fully readable.
"use strict";

function sortTable(table, index, numeric, ascending) {
  const body = table.tBodies[0];
  const rows = Array.from(body.rows).filter((r) => r.cells.length > 1);
  const value = (row) => {
    const cell = row.cells[index];
    if (numeric) {
      const v = cell.dataset.value;
      return v === undefined ? -Infinity : Number(v);
    }
    return cell.textContent.trim().toLowerCase();
  };
  rows.sort((a, b) => {
    const x = value(a), y = value(b);
    const order = x < y ? -1 : x > y ? 1 : 0;
    return ascending ? order : -order;
  });
  for (const row of rows) body.appendChild(row);
}

function initSortable(table) {
  const headers = Array.from(table.tHead.rows[0].cells);
  headers.forEach((th, index) => {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "sort";
    button.textContent = th.textContent;
    th.textContent = "";
    th.appendChild(button);
    th.setAttribute("aria-sort", "none");
    button.addEventListener("click", () => {
      const ascending = th.getAttribute("aria-sort") !== "ascending";
      for (const other of headers) other.setAttribute("aria-sort", "none");
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      sortTable(table, index, th.classList.contains("num"), ascending);
    });
  });
}

document.addEventListener("DOMContentLoaded", () => {
  for (const table of document.querySelectorAll("table[data-sortable]")) initSortable(table);
});
