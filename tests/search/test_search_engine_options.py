"""PostgreSQL connections run without JIT (it cost more than a search), keeping URL options."""

from __future__ import annotations

from typing import Any

from sqlalchemy import text

from hirekit.config import engine_options


def test_postgresql_urls_turn_jit_off_and_keep_their_own_options() -> None:
    plain = engine_options("postgresql+psycopg://db.example.com/hirekit")
    assert plain["connect_args"] == {"options": "-c jit=off"}
    schema = engine_options(
        "postgresql+psycopg://db.example.com/hirekit?options=-csearch_path%3Dhk"
    )
    assert schema["connect_args"] == {"options": "-csearch_path=hk -c jit=off"}
    assert schema["pool_pre_ping"] is True


def test_sqlite_urls_get_no_connect_args() -> None:
    assert engine_options("sqlite:///hirekit.sqlite3") == {"pool_pre_ping": True}


def test_the_apps_connections_use_the_engine_options(app: Any, db: Any) -> None:
    if db.session.connection().dialect.name != "postgresql":
        assert app.config["SQLALCHEMY_ENGINE_OPTIONS"] == {"pool_pre_ping": True}
        return
    assert db.session.execute(text("SHOW jit")).scalar() == "off"
    # The test database's URL puts the tables in a private schema: still in force.
    assert "hk_" in db.session.execute(text("SHOW search_path")).scalar()
