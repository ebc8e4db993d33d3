"""Similarity between submissions."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from textwrap import dedent

from tests.engines.codereview.conftest import write_tree

from hirekit.engines.codereview import Fingerprint, fingerprint, similar

ORIGINAL = """
from flask import Blueprint, request, jsonify
from .models import Order, db

bp = Blueprint("orders", __name__)


def _total(lines):
    total = 0
    for line in lines:
        if line["qty"] <= 0:
            raise ValueError("quantity must be positive")
        total += line["qty"] * line["price"]
        if line.get("discount"):
            total -= min(line["discount"], line["price"]) * line["qty"]
    return round(total, 2)


@bp.post("/orders")
def create_order():
    payload = request.get_json() or {}
    lines = payload.get("lines", [])
    if not lines:
        return jsonify(error="no lines"), 400
    try:
        total = _total(lines)
    except ValueError as exc:
        return jsonify(error=str(exc)), 422
    order = Order(customer=payload.get("customer"), total=total, status="new")
    db.session.add(order)
    db.session.commit()
    return jsonify(id=order.id, total=total), 201


@bp.get("/orders/<int:order_id>")
def get_order(order_id):
    order = db.session.get(Order, order_id)
    if order is None:
        return jsonify(error="not found"), 404
    return jsonify(id=order.id, total=order.total, status=order.status)
"""


def _renamed(text: str) -> str:
    for old, new in [("total", "amount"), ("lines", "items"), ("line", "it"), ("order", "o"),
                     ("payload", "data"), ("_amount", "_sum")]:  # fmt: skip
        text = text.replace(old, new)
    return "# copied, lightly edited\n" + text


def _fp(tmp_path: Path, name: str, files: dict[str, str]) -> Fingerprint:
    return fingerprint(write_tree(tmp_path / name, files))


def test_renamed_copy_matches_and_names_the_files(tmp_path: Path) -> None:
    a = _fp(tmp_path, "a", {"shop/orders.py": ORIGINAL})
    b = _fp(tmp_path, "b", {"app/views.py": _renamed(ORIGINAL), "app/extra.py": "X = 1\n"})
    [match] = similar(a, {"bob": b})
    assert match.other == "bob" and match.similarity > 0.8
    assert match.files[0].file == "shop/orders.py"
    assert match.files[0].other_file == "app/views.py"


def test_unrelated_code_and_boilerplate_do_not_match(tmp_path: Path) -> None:
    a = _fp(tmp_path, "a", {"shop/orders.py": ORIGINAL})
    other = dedent(
        """
        import csv, sys
        def main(path):
            with open(path) as fh:
                rows = list(csv.DictReader(fh))
            by_city = {}
            for row in rows:
                by_city.setdefault(row["city"], []).append(float(row["temp"]))
            for city, temps in sorted(by_city.items()):
                print(city, sum(temps) / len(temps), max(temps), min(temps))
            return 0
        """
    )
    b = _fp(tmp_path, "b", {"report.py": other})
    assert similar(a, {"x": b}) == []
    hello = (
        "from flask import Flask\napp = Flask(__name__)\n@app.route('/')\ndef index():\n"
        "    return render_template('index.html')\n"
        "if __name__ == '__main__':\n    app.run(debug=True)\n"
    )
    h1 = _fp(tmp_path, "h1", {"app.py": hello})
    h2 = _fp(tmp_path, "h2", {"main.py": hello})
    assert similar(h1, {"h2": h2}) == []


def test_fingerprint_round_trips_through_json(tmp_path: Path) -> None:
    a = _fp(tmp_path, "a", {"shop/orders.py": ORIGINAL})
    text = a.to_json()
    assert isinstance(json.loads(text)["files"]["shop/orders.py"][0], int)
    again = Fingerprint.from_json(text)
    assert again == a
    assert similar(again, {"self": a})[0].similarity == 1.0


def test_fingerprint_of_report_equals_fingerprint_of_path(
    tmp_path: Path, reviewed: Callable[[dict[str, str]], object]
) -> None:
    from hirekit.engines.codereview import review

    root = write_tree(tmp_path / "a", {"shop/orders.py": ORIGINAL})
    assert fingerprint(review(root)) == fingerprint(root)
