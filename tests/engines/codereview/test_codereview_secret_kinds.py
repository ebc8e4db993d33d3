"""hardcoded-secret: what is a secret and what only looks like one."""

from __future__ import annotations

from collections.abc import Callable

from tests.engines.codereview.codereview_helpers import findings

from hirekit.engines.codereview import Report

Reviewed = Callable[[dict[str, str]], Report]


def _secrets(report: Report) -> list[tuple[str, int, str]]:
    return [(f.file, f.line, f.severity) for f in findings(report, "hardcoded-secret")]


def test_test_only_configuration_is_not_a_finding(reviewed: Reviewed) -> None:
    report = reviewed(
        {
            "shop/configs/test.py": 'MAIL_PASSWORD = "pw-9f8e7d6c"\nAPI_KEY = "k_4c5d6e7f8a"\n',
            "shop/test_settings.py": 'SECRET_KEY = "z9y8x7w6v5"\n',
            "shop/config.py": """
            import os
            class Config:
                SECRET_KEY = os.environ["SECRET_KEY"]
            class TestingConfig(Config):
                SECRET_KEY = "t3st-k3y-0192"
                DB_PASSWORD = "Qw3rty!2024"
            class TestConfig(Config):
                API_TOKEN = "tok_81726354"
            class ProductionConfig(Config):
                DB_PASSWORD = "Pr0d!pass-5521"
            """,
        }
    )
    assert _secrets(report) == [("shop/config.py", 10, "high")]


def test_placeholders_to_replace_are_not_findings(reviewed: Reviewed) -> None:
    report = reviewed(
        {
            "settings.py": """
            MAIL_PASSWORD = "your-mail-password"
            ADMIN_PASSWORD = "changeme"
            STRIPE_API_KEY = "<your-key>"
            GITHUB_TOKEN = "xxx"
            DB_PASSWORD = "replace-me"
            SMTP_PASSWORD = "put-your-password-here"
            UPLOAD_TOKEN = "CHANGE_THIS"
            MYSQL_URL = "mysql+pymysql://user:password@localhost:3306/database"
            """
        }
    )
    assert _secrets(report) == []


def test_a_signing_key_counts_whatever_its_text(reviewed: Reviewed) -> None:
    report = reviewed(
        {
            "settings.py": """
            SECRET_KEY = "changeme"
            JWT_SECRET_KEY = "your-jwt-secret"
            RESET_PASSWORD = "reset-password"
            """,
            "app.py": """
            from flask import Flask
            app = Flask(__name__)
            app.secret_key = "<replace>"
            app.config["SECRET_KEY"] = "secret-key"
            """,
        }
    )
    assert _secrets(report) == [
        ("app.py", 3, "medium"),
        ("app.py", 4, "medium"),
        ("settings.py", 1, "medium"),
        ("settings.py", 2, "medium"),
    ]


def test_sentinels_and_empty_values_are_not_secrets(reviewed: Reviewed) -> None:
    report = reviewed(
        {
            "models.py": """
            class User:
                password = "*"
                token = ""
            def disable(user):
                user.password = "!"
                user.password_hash = "*"
            """
        }
    )
    assert _secrets(report) == []


def test_seed_data_in_a_populate_command_is_not_a_finding(reviewed: Reviewed) -> None:
    report = reviewed(
        {
            "commands.py": """
            import click
            from flask import Flask
            app = Flask(__name__)

            @app.cli.command("seed")
            def seed_db():
                create_user(email="a@example.com", password="Passw0rd!1")

            def populate_demo():
                create_user(email="b@example.com", password="An0ther!pass")

            def create_admin():
                create_user(email="root@example.com", password="R00t!secret9")
            """
        }
    )
    assert _secrets(report) == [("commands.py", 13, "medium")]


def test_env_fallback_is_low_whatever_the_context(reviewed: Reviewed) -> None:
    report = reviewed(
        {
            "config.py": """
            import os
            DEFAULT_SECRET = "f4llb4ck-K3y-2024"
            class Config:
                SECRET_KEY = os.environ.get("SECRET_KEY", "Xk2!pq9-Lm3z")
                MAIL_PASSWORD = os.getenv("MAIL_PASSWORD") or "M@ilPass-7731"
                SIGNING = os.getenv("APP_SECRET", DEFAULT_SECRET)
            class DevelopmentConfig(Config):
                SECRET_KEY = os.environ.get("SECRET_KEY", "dev")
                MAIL_PASSWORD = os.getenv("MAIL_PASSWORD", "your-mail-password")
            """,
            "app.py": """
            import os
            from flask import Flask
            def create_app():
                app = Flask(__name__)
                app.config["SECRET_KEY"] = os.environ.get("SECRET_KEY", "Xk2!pq9-Lm3z")
                return app
            """,
        }
    )
    got = findings(report, "hardcoded-secret")
    assert [(f.file, f.line) for f in got] == [
        ("app.py", 5),
        ("config.py", 2),
        ("config.py", 4),
        ("config.py", 5),
        ("config.py", 8),
    ]
    assert {f.severity for f in got} == {"low"}
    assert all("Rated low wherever it appears" in f.why for f in got)


def test_salts_and_keys_under_other_names(reviewed: Reviewed) -> None:
    report = reviewed(
        {
            "config.py": """
            SECURITY_PASSWORD_SALT = "s4lt-9d8c7b6a"
            HASHIDS_SALT = "q8w7e6r5t4y3"
            STRIPE_KEY = "sk_live_51HbC2d3E4f5G6h"
            MAPBOX_TOKEN = "pk.eyJ1IjoiZGVtbzEyMyJ9"
            RECAPTCHA_PRIVATE_KEY = "6LcAbCdEfGhIjKlMn0pQrStU"
            SORT_KEY = "created_at"
            CACHE_KEY_PREFIX = "shop_"
            PRIMARY_KEY = "id"
            RECAPTCHA_PUBLIC_KEY = "6LcPuBl1cKeY0123456789"
            STRIPE_PUBLISHABLE_KEY = "pk_live_51HbC2d3E4f5G6h"
            """
        }
    )
    assert [line for _file, line, _sev in _secrets(report)] == [1, 2, 3, 4, 5]


def test_a_settings_file_loaded_with_from_pyfile_is_read(reviewed: Reviewed) -> None:
    report = reviewed(
        {
            "app.py": """
            from flask import Flask
            app = Flask(__name__)
            app.config.from_pyfile("settings.cfg")
            """,
            "settings.cfg": 'SECRET_KEY = "x9!kq2-Lz7@p"\nDEBUG = True\n',
            "other.cfg": "[section]\nkey = value\n",
            "setup.cfg": "[metadata]\nname = shop\n",
        }
    )
    assert _secrets(report) == [("settings.cfg", 1, "high")]
    assert [(f.file, f.line) for f in findings(report, "debug-run")] == [("settings.cfg", 2)]
    assert findings(report, "syntax-error") == []
