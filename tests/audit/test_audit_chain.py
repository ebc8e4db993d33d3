"""The keyed, anchored audit chain: forgery, deletion, truncation, concurrent writers."""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import threading

from sqlalchemy import delete, select, update

from hirekit.audit import services as audit
from hirekit.audit.chain import details_digest
from hirekit.audit.models import AuditEntry
from hirekit.extensions import db
from tests.conftest import csrf_token


def _entries(make_user, n=5):
    actor = make_user("admin")
    made = [audit.record(f"test.{i}", actor=actor, details={"n": i}) for i in range(n)]
    db.session.commit()
    return made


def _payload(entry: AuditEntry) -> bytes:
    fields = [entry.seq, entry.id, entry.prev_hash, entry.at.isoformat(), entry.actor_id]
    fields += [entry.actor_email, entry.action, entry.subject_type, entry.subject_id]
    return json.dumps([*fields, details_digest(entry.details)], default=str).encode()


def _rewrite_from(entry_id: int, sign) -> None:
    """Edit entry ``entry_id`` and recompute it and every later link, as a forger would."""
    db.session.execute(
        update(AuditEntry).where(AuditEntry.id == entry_id).values(details={"n": "forged"})
    )
    db.session.commit()
    prev = None
    for entry in db.session.scalars(select(AuditEntry).order_by(AuditEntry.seq)):
        if entry.id >= entry_id:
            entry.prev_hash = prev
            entry.hash = sign(_payload(entry))
        prev = entry.hash
    db.session.commit()


def test_a_forger_recomputing_plain_hashes_is_caught(app, runner, make_user):
    entries = _entries(make_user)
    _rewrite_from(entries[2].id, lambda p: hashlib.sha256(p).hexdigest())
    result = runner.invoke(args=["audit", "verify"])
    assert result.exit_code == 1
    assert f"broken at entry {entries[2].id}" in result.output


def test_a_forger_with_a_guessed_key_is_caught(app, make_user):
    entries = _entries(make_user)
    _rewrite_from(entries[2].id, lambda p: hmac.new(b"guess", p, hashlib.sha256).hexdigest())
    assert audit.verify().broken_at == entries[2].id


def test_with_the_key_the_same_rewrite_verifies(app, make_user):
    """The check above fails for want of the key, not for how the test rewrites."""
    entries = _entries(make_user)
    key = app.config["AUDIT_KEY"].encode()
    _rewrite_from(entries[2].id, lambda p: hmac.new(key, p, hashlib.sha256).hexdigest())
    assert audit.verify().ok


def test_deleting_an_entry_in_the_middle_is_caught(app, make_user):
    entries = _entries(make_user)
    db.session.execute(delete(AuditEntry).where(AuditEntry.id == entries[2].id))
    db.session.commit()
    result = audit.verify()
    assert result.broken_at == entries[3].id
    assert "missing" in result.reason


def test_deleting_the_first_entry_is_caught(app, make_user):
    entries = _entries(make_user)
    db.session.execute(delete(AuditEntry).where(AuditEntry.id == entries[0].id))
    db.session.commit()
    assert audit.verify().broken_at == entries[1].id


def test_truncation_is_caught_against_the_anchor(app, runner, make_user):
    entries = _entries(make_user)
    printed = runner.invoke(args=["audit", "anchor"])
    assert printed.exit_code == 0
    anchor = printed.output.strip()
    assert re.fullmatch(r"\d+:[0-9a-f]{64}", anchor)
    assert anchor == f"{entries[-1].seq}:{entries[-1].hash}"
    assert runner.invoke(args=["audit", "verify", "--anchor", anchor]).exit_code == 0

    tail = [e.id for e in entries[3:]]
    db.session.execute(delete(AuditEntry).where(AuditEntry.id.in_(tail)))
    db.session.commit()
    # Without the anchor a cut tail looks like a shorter, intact log...
    assert runner.invoke(args=["audit", "verify"]).exit_code == 0
    # ...the anchor an operator kept elsewhere tells.
    result = runner.invoke(args=["audit", "verify", "--anchor", anchor])
    assert result.exit_code == 1
    assert "truncated" in result.output


def test_a_rewritten_log_does_not_match_the_anchor(app, runner, make_user):
    entries = _entries(make_user)
    anchor = f"{entries[-1].seq}:{entries[-1].hash}"
    key = app.config["AUDIT_KEY"].encode()
    _rewrite_from(entries[1].id, lambda p: hmac.new(key, p, hashlib.sha256).hexdigest())
    result = runner.invoke(args=["audit", "verify", "--anchor", anchor])
    assert result.exit_code == 1
    assert "anchor" in result.output


def test_a_malformed_anchor_is_a_usage_error(app, runner):
    result = runner.invoke(args=["audit", "verify", "--anchor", "5:nothex"])
    assert result.exit_code == 2
    assert "SEQ:HASH" in result.output


def test_an_empty_log_has_no_anchor(app, runner):
    result = runner.invoke(args=["audit", "anchor"])
    assert result.exit_code == 1
    assert "empty" in result.output


def test_concurrent_writers_never_fork_the_chain(app, make_user):
    """Each writer reads the newest entry, appends, and commits a moment later.

    Without a lock both read the same newest entry and append after it.
    """
    actor = make_user("admin")
    actor_id, actor_email = actor.id, actor.email
    before = len(db.session.scalars(select(AuditEntry.id)).all())
    errors: list[BaseException] = []
    start = threading.Barrier(2)

    class Who:
        id = actor_id
        email = actor_email

    def write(name: str) -> None:
        try:
            with app.app_context():
                start.wait()
                for i in range(15):
                    audit.record(f"race.{name}", actor=Who(), details={"i": i})
                    threading.Event().wait(0.005)  # the request goes on before it commits
                    db.session.commit()
                db.session.remove()
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(n,)) for n in ("a", "b")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    db.session.expire_all()
    seqs = list(db.session.scalars(select(AuditEntry.seq).order_by(AuditEntry.seq)))
    assert seqs == list(range(1, before + 31))
    links = list(db.session.scalars(select(AuditEntry.prev_hash)))
    assert len(set(links)) == before + 30
    assert audit.verify().ok


def test_the_audit_page_verifies_on_demand_only(client, login_as, make_user):
    admin = login_as("admin")
    _entries(make_user, 2)
    # An entry edited in the database: a page load does not read the whole chain...
    db.session.execute(update(AuditEntry).where(AuditEntry.seq == 1).values(action="x.y"))
    db.session.commit()
    page = client.get("/admin/audit").get_data(as_text=True)
    assert "broken" not in page
    head = audit.head()
    assert head is not None and str(head) in page
    # ...the button does, and names the edited entry.
    token = csrf_token(client, "/admin/audit")
    answer = client.post("/admin/audit/verify", data={"csrf_token": token}, follow_redirects=True)
    assert "Hash chain broken at entry" in answer.get_data(as_text=True)
    assert admin.id


def _legacy_rows(n: int, break_at: int | None = None) -> None:
    """Entries as the unkeyed chain wrote them: plain SHA-256, no sequence number."""
    from datetime import UTC, datetime

    import sqlalchemy as sa

    from hirekit.db import UTCDateTime

    table = sa.table(
        "audit_entries",
        *(sa.column(c) for c in ("id", "actor_id", "actor_email", "action", "subject_type")),
        *(sa.column(c) for c in ("subject_id", "prev_hash", "hash")),
        sa.column("at", UTCDateTime()),
        sa.column("details", sa.JSON()),
    )
    prev = "0" * 64
    at = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
    for i in range(1, n + 1):
        details = {"n": i}
        values = dict(actor_id=None, actor_email="system", action="old.thing", subject_type="")
        values.update(subject_id="", details=details, prev_hash=prev, hash=f"placeholder{i}")
        # Ids from the database's own sequence, as the old code got them.
        new_id = db.session.execute(
            table.insert().values(at=at, **values).returning(table.c.id)
        ).scalar_one()
        fields = [new_id, prev, at.isoformat(), None, "system", "old.thing", "", ""]
        fields.append(details_digest(details))
        digest = hashlib.sha256(json.dumps(fields, default=str).encode()).hexdigest()
        edited = {"n": "edited"} if i == break_at else details
        db.session.execute(
            table.update().where(table.c.id == new_id).values(hash=digest, details=edited)
        )
        prev = digest
    db.session.commit()


def test_the_migration_keys_an_existing_chain_and_says_how_it_found_it(app):
    from flask_migrate import downgrade, upgrade

    downgrade(revision="7c1a0e0d0005")
    _legacy_rows(3)
    upgrade()
    entries = list(db.session.scalars(select(AuditEntry).order_by(AuditEntry.seq)))
    assert [e.seq for e in entries] == [1, 2, 3, 4]
    assert entries[-1].action == "audit.rekeyed"
    assert entries[-1].details == {"entries": 3, "legacy_chain": "intact"}
    assert audit.verify().ok


def test_the_migration_records_an_earlier_break_rather_than_hide_it(app):
    from flask_migrate import downgrade, upgrade

    downgrade(revision="7c1a0e0d0005")
    _legacy_rows(3, break_at=2)
    upgrade()
    last = db.session.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()
    assert last is not None
    second = db.session.scalars(select(AuditEntry).where(AuditEntry.seq == 2)).one()
    assert last.details == {
        "entries": 3,
        "legacy_chain": f"entry {second.id} did not match its hash",
    }
