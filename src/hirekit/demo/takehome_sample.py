"""A small, made-up take-home answer: the project the demo's take-home review reads.

Kept as text rather than as files on disk so that it ships inside the package and
is never collected, linted or imported as hirekit's own code. It is a decent mid-level
answer with a few real faults (a SQL string built with an f-string, a hard-coded
secret key, debug mode on), so the review has evidence to show.
"""

from __future__ import annotations

import io
import zipfile

ROOT = "parcel-tracker"

FILES: dict[str, str] = {
    "README.md": """# Parcel tracker

A small REST API to record parcels and their delivery events.

    pip install -r requirements.txt
    flask --app tracker run
    pytest
""",
    "requirements.txt": "flask>=3.0\nflask-sqlalchemy>=3.1\npytest>=8\n",
    "tracker/__init__.py": """from flask import Flask

from tracker.models import db


def create_app(test_config=None):
    app = Flask(__name__)
    app.config["SECRET_KEY"] = "dev-secret-please-change"
    app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite:///tracker.db"
    if test_config:
        app.config.update(test_config)
    db.init_app(app)

    from tracker.parcels import bp

    app.register_blueprint(bp)
    with app.app_context():
        db.create_all()
    return app
""",
    "tracker/models.py": """from datetime import datetime, timezone

from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()


class Parcel(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    reference = db.Column(db.String(32), unique=True, nullable=False)
    recipient = db.Column(db.String(120), nullable=False)
    status = db.Column(db.String(20), default="registered")
    created_at = db.Column(db.DateTime, default=lambda: datetime.now(timezone.utc))

    def to_dict(self):
        return {
            "id": self.id,
            "reference": self.reference,
            "recipient": self.recipient,
            "status": self.status,
        }
""",
    "tracker/parcels.py": """from flask import Blueprint, abort, jsonify, request
from sqlalchemy import text

from tracker.models import Parcel, db

bp = Blueprint("parcels", __name__, url_prefix="/parcels")

STATUSES = {"registered", "in_transit", "delivered"}


@bp.get("")
def list_parcels():
    status = request.args.get("status")
    if status:
        rows = db.session.execute(
            text(f"SELECT id FROM parcel WHERE status = '{status}'")
        ).scalars()
        parcels = Parcel.query.filter(Parcel.id.in_(list(rows))).all()
    else:
        parcels = Parcel.query.order_by(Parcel.id).all()
    return jsonify([p.to_dict() for p in parcels])


@bp.post("")
def create_parcel():
    data = request.get_json(silent=True) or {}
    if not data.get("reference") or not data.get("recipient"):
        return jsonify(error="reference and recipient are required"), 400
    parcel = Parcel(reference=data["reference"], recipient=data["recipient"])
    db.session.add(parcel)
    db.session.commit()
    return jsonify(parcel.to_dict()), 201


@bp.get("/<int:parcel_id>")
def get_parcel(parcel_id):
    parcel = db.session.get(Parcel, parcel_id) or abort(404)
    return jsonify(parcel.to_dict())


@bp.patch("/<int:parcel_id>")
def update_status(parcel_id):
    parcel = db.session.get(Parcel, parcel_id) or abort(404)
    status = (request.get_json(silent=True) or {}).get("status")
    if status not in STATUSES:
        return jsonify(error="unknown status"), 400
    parcel.status = status
    db.session.commit()
    return jsonify(parcel.to_dict())
""",
    "run.py": """from tracker import create_app

app = create_app()

if __name__ == "__main__":
    app.run(debug=True)
""",
    "tests/conftest.py": """import pytest

from tracker import create_app


@pytest.fixture
def client():
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    return app.test_client()
""",
    "tests/test_parcels.py": """def test_create_and_read_a_parcel(client):
    created = client.post("/parcels", json={"reference": "P-1", "recipient": "Ana"})
    assert created.status_code == 201
    parcel_id = created.get_json()["id"]
    assert client.get(f"/parcels/{parcel_id}").get_json()["recipient"] == "Ana"


def test_create_needs_a_recipient(client):
    assert client.post("/parcels", json={"reference": "P-2"}).status_code == 400


def test_unknown_status_is_refused(client):
    created = client.post("/parcels", json={"reference": "P-3", "recipient": "Bo"})
    parcel_id = created.get_json()["id"]
    assert client.patch(f"/parcels/{parcel_id}", json={"status": "lost"}).status_code == 400
""",
}


def sample_archive() -> bytes:
    """The project as a .zip, the way a candidate would send it."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in FILES.items():
            archive.writestr(f"{ROOT}/{name}", text)
    return buffer.getvalue()
