"""The hirekit command, through the app's CLI runner."""

from __future__ import annotations

from hirekit.accounts import services
from hirekit.cli import cli


def test_help_lists_every_command(runner):
    output = runner.invoke(cli, ["--help"]).output
    for command in ("run", "worker", "setup", "users", "tokens", "demo", "db", "audit"):
        assert f"  {command} " in output, command


def test_users_create_and_list(runner, app):
    result = runner.invoke(
        args=[
            "users",
            "create",
            "--email",
            "Cli@Example.com",
            "--role",
            "hiring_manager",
            "--password",
            "cli-password-1",
        ]
    )
    assert result.exit_code == 0, result.output
    assert "created cli@example.com (hiring_manager)" in result.output
    assert services.authenticate("cli@example.com", "cli-password-1") is not None
    listing = runner.invoke(args=["users", "list"]).output
    assert "cli@example.com" in listing and "hiring_manager" in listing


def test_users_create_generates_and_prints_a_password(runner, app):
    result = runner.invoke(
        args=["users", "create", "--email", "gen@example.com", "--role", "admin"]
    )
    password = result.output.split("password: ")[1].strip()
    assert services.authenticate("gen@example.com", password) is not None


def test_users_create_rejects_bad_input_clearly(runner, app):
    duplicate = [
        "users",
        "create",
        "--email",
        "d@example.com",
        "--role",
        "admin",
        "--password",
        "cli-password-1",
    ]
    runner.invoke(args=duplicate)
    again = runner.invoke(args=duplicate)
    assert again.exit_code == 1
    assert "already exists" in again.output
    weak = runner.invoke(
        args=[
            "users",
            "create",
            "--email",
            "w@example.com",
            "--role",
            "admin",
            "--password",
            "short",
        ]
    )
    assert weak.exit_code == 1 and "Password too weak" in weak.output
    role = runner.invoke(args=["users", "create", "--email", "r@example.com", "--role", "wizard"])
    assert role.exit_code == 2


def _logins(output: str) -> dict[str, tuple[str, str]]:
    """email -> (role, password) from the sign-in block that ends the output."""
    lines = output.rstrip("\n").splitlines()
    start = max(i for i, line in enumerate(lines) if line.startswith("Sign in"))
    rows = [line.split(None, 2) for line in lines[start + 1 :]]
    return {email: (role, password) for email, role, password in rows}


def test_setup_creates_an_admin_once_and_loads_demo(runner, app):
    first = runner.invoke(args=["setup", "--demo"])
    assert first.exit_code == 0, first.output
    assert "loaded demo data" in first.output
    logins = _logins(first.output)
    role, password = logins["admin@example.com"]
    assert role == "admin"
    assert services.authenticate("admin@example.com", password).role == "admin"
    # Every demo user is listed with a password that signs them in, in their role.
    assert len(logins) == 5
    for email, (role, password) in logins.items():
        user = services.authenticate(email, password)
        assert user is not None and user.role == role, email
    second = runner.invoke(args=["setup"])
    assert "already set up" in second.output
    again = _logins(second.output)
    assert again["admin@example.com"][1].startswith("(password shown at first setup")
    assert {k: v for k, v in again.items() if k != "admin@example.com"} == {
        k: v for k, v in logins.items() if k != "admin@example.com"
    }
    assert services.count_users() == len(services.list_users())


def test_setup_leaves_out_a_demo_user_whose_password_changed(runner, app):
    assert runner.invoke(args=["setup", "--demo"]).exit_code == 0
    rita = services.find_by_email("rita.recruiter@example.com")
    services.reset_password(rita, "another-password-77")
    from hirekit.extensions import db

    db.session.commit()
    logins = _logins(runner.invoke(args=["setup"]).output)
    assert "rita.recruiter@example.com" not in logins
    assert "hank.manager@example.com" in logins


def test_setup_is_quiet_about_migrations_unless_verbose(runner, app):
    from hirekit.extensions import db

    # One migration to run each time: the newest, taken back first (with no transaction
    # of ours open, which PostgreSQL would make the schema change wait for).
    db.session.remove()
    assert runner.invoke(args=["db", "downgrade"]).exit_code == 0
    quiet = runner.invoke(args=["setup", "--no-demo"])
    assert quiet.exit_code == 0, quiet.output
    assert "Running upgrade" not in quiet.output
    assert quiet.output.splitlines()[0] == "created the first admin"
    db.session.remove()
    assert runner.invoke(args=["db", "downgrade"]).exit_code == 0
    loud = runner.invoke(args=["setup", "--verbose"])
    assert loud.exit_code == 0, loud.output
    assert "Running upgrade" in loud.output


def test_demo_load_is_idempotent(runner, app):
    assert "loaded demo data" in runner.invoke(args=["demo", "load"]).output
    count = services.count_users()
    assert "already loaded" in runner.invoke(args=["demo", "load"]).output
    assert services.count_users() == count


def test_audit_verify(runner, app, make_user):
    make_user("admin")
    result = runner.invoke(args=["audit", "verify"])
    assert result.exit_code == 0 and "intact" in result.output


def test_worker_burst_runs_due_jobs(runner, app):
    from hirekit.extensions import db
    from hirekit.queue import enqueue, get_job
    from tests.queue.sample_tasks import add

    job = enqueue(add, 2, 2)
    db.session.commit()
    result = runner.invoke(args=["worker", "--burst"])
    assert "ran 1 job(s)" in result.output
    db.session.expire_all()
    assert get_job(job.id).result == {"sum": 4}


def test_tokens_create_prints_a_working_token_once(runner, app, make_user, client):
    user = make_user("recruiter")
    result = runner.invoke(args=["tokens", "create", "--email", user.email, "--name", "bench"])
    assert result.exit_code == 0, result.output
    secret = result.output.strip()
    assert secret.startswith("hk_") and "\n" not in secret
    me = client.get("/api/v1/me", headers={"Authorization": f"Bearer {secret}"})
    assert me.status_code == 200
    assert me.get_json()["email"] == user.email
    from hirekit.accounts.models import ApiToken
    from hirekit.extensions import db

    stored = db.session.scalars(db.select(ApiToken).filter_by(user_id=user.id)).one()
    assert stored.name == "bench" and secret not in (stored.token_hash, stored.prefix)


def test_tokens_create_refuses_unknown_users_and_bad_names(runner, app, make_user):
    unknown = runner.invoke(args=["tokens", "create", "--email", "no@example.com", "--name", "x"])
    assert unknown.exit_code != 0
    assert "no active user with email no@example.com" in unknown.output
    user = make_user("recruiter")
    long = runner.invoke(args=["tokens", "create", "--email", user.email, "--name", "n" * 81])
    assert long.exit_code != 0
    assert "1 to 80 characters" in long.output
