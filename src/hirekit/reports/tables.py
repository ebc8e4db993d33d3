"""The table beneath each chart: one shape for the HTML page, the CSV download and tests."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass

from hirekit.csv_safety import safe_cell

Cell = str | int | float | None


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    numeric: bool = True


@dataclass(frozen=True)
class Table:
    caption: str
    columns: Sequence[Column]
    rows: Sequence[Sequence[Cell]]

    def text(self, cell: Cell) -> str:
        """A cell as shown on the page and written to CSV: the same text in both."""
        if cell is None:
            return "—"
        if isinstance(cell, float):
            return f"{cell:.1f}"
        return str(cell)

    def csv(self) -> str:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow([c.label for c in self.columns])
        for row in self.rows:
            writer.writerow([safe_cell(self.text(cell)) for cell in row])
        return buffer.getvalue()


def rate(numerator: int, denominator: int) -> float | None:
    """A percentage, or ``None`` when there is nothing to divide by."""
    return 100.0 * numerator / denominator if denominator else None
