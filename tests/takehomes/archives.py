"""Small Flask projects packed as archives, written by the tests."""

from __future__ import annotations

import io
import tarfile
import zipfile

APP = {
    "app/__init__.py": (
        "import os\nfrom flask import Flask\n\n\n"
        "def create_app():\n"
        "    app = Flask(__name__)\n"
        '    app.config["SECRET_KEY"] = "hard-coded-secret-value"\n'
        "    from app.views import bp\n"
        "    app.register_blueprint(bp)\n"
        "    return app\n"
    ),
    "app/views.py": (
        "from flask import Blueprint, request\n"
        "from app.db import get_db\n\n"
        'bp = Blueprint("main", __name__)\n\n\n'
        '@bp.route("/users")\n'
        "def users():\n"
        '    name = request.args.get("name", "")\n'
        "    rows = get_db().execute(f\"SELECT * FROM users WHERE name = '{name}'\")\n"
        '    return {"users": [dict(r) for r in rows]}\n\n\n'
        '@bp.route("/items/<int:item_id>")\n'
        "def item(item_id):\n"
        '    row = get_db().execute("SELECT * FROM items WHERE id = ?", (item_id,)).fetchone()\n'
        '    return {"item": dict(row) if row else None}\n'
    ),
    "app/db.py": (
        "import sqlite3\nfrom flask import g\n\n\n"
        "def get_db():\n"
        '    if "db" not in g:\n'
        '        g.db = sqlite3.connect("app.db")\n'
        "    return g.db\n"
    ),
    "requirements.txt": "flask\n",
}


def zip_bytes(files: dict[str, str], top: str = "takehome/") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in files.items():
            archive.writestr(top + name, text)
    return buffer.getvalue()


def tar_gz_bytes(files: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for name, text in files.items():
            data = text.encode()
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def traversal_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("app.py", "from flask import Flask\napp = Flask(__name__)\n")
        archive.writestr("../../escape.py", "print('out')\n")
    return buffer.getvalue()
