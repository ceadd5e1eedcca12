"""The store side of `reckon serve`: race-safe migrations, the audit log's hash chain, users and
tokens, and reviewers' corrections that every reader (lists, tallies, exports) sees and that
survive relinking and re-analysis."""

from __future__ import annotations

import io
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from linkfixtures import ambush_extractions, other_extractions, toll_update_extractions
from reckon import audit
from reckon.cli import main
from reckon.export import export
from reckon.link import member_keys
from reckon.store import head_revision, open_store
from reckon.store import review as rv
from reckon.store.incidents import (
    get_incident,
    list_incidents,
    list_tolls,
    relink,
    save_extraction,
)
from reckon.tally import tally
from reckon.users import (
    UserError,
    add_user,
    authenticate,
    create_token,
    revoke_token,
    set_active,
    set_role,
    user_for_token,
)


def _fill(store, extractions) -> None:
    for x in extractions:
        store.add_report(x.report, analyse=lambda _r, conn, x=x: save_extraction(conn, x))
    with store.transaction() as conn:
        relink(conn)


@pytest.fixture
def filled(tmp_path):
    store = open_store(tmp_path / "r.db")
    _fill(store, ambush_extractions() + toll_update_extractions() + other_extractions())
    yield store
    store.close()


def _ambush(conn):
    incs = [i for i in list_incidents(conn) if "amb-a" in {m["report_id"] for m in
            i.provenance["members"]}]  # fmt: skip
    assert len(incs) == 1
    return incs[0]


# -- migrations ----------------------------------------------------------------------------------

OPEN = "from reckon.store import open_store; import sys; print(open_store(sys.argv[1]).schema_revision())"


def test_processes_creating_one_new_store_together_all_succeed(tmp_path):
    for attempt in range(3):
        db = tmp_path / f"race{attempt}.db"
        procs = [
            subprocess.Popen([sys.executable, "-c", OPEN, str(db)], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
            for _ in range(4)
        ]  # fmt: skip
        outs = [p.communicate(timeout=120) for p in procs]
        for p, (out, err) in zip(procs, outs, strict=True):
            assert p.returncode == 0, err
            assert out.strip() == head_revision()


def generation(conn) -> int:
    return conn.execute(sa.text("SELECT generation FROM store_state")).scalar_one()


def test_schema_has_generation_triggers(filled):
    with filled.engine.connect() as conn:
        g0 = generation(conn)
    with filled.transaction() as conn:
        relink(conn)
    with filled.engine.connect() as conn:
        g1 = generation(conn)
    assert g1 > g0
    with filled.transaction() as conn:
        rv.accept(conn, _ambush(conn).id, actor="rita")
    with filled.engine.connect() as conn:
        assert generation(conn) > g1


# -- audit ---------------------------------------------------------------------------------------


def test_every_ingest_is_audited_and_the_chain_verifies(filled):
    with filled.engine.connect() as conn:
        ingests = audit.entries(conn, action="ingest")
        v = audit.verify(conn)
    assert {e.target for e in ingests} >= {"amb-a", "amb-b", "amb-c"}
    assert v.ok and v.entries == len(ingests)
    assert all(e.actor.startswith("cli:") for e in ingests)


def test_a_row_changed_by_hand_is_named_and_verify_exits_non_zero(filled):
    db = filled.engine.url.database
    with filled.transaction() as conn:
        inc = _ambush(conn)
        for best in (10, 11, 12):
            rv.correct(conn, inc.id, "fatalities", {"low": best, "best": best, "high": best},
                       f"the ministry's figure, {best}", actor="rita")  # fmt: skip
    runner = CliRunner()
    ok = runner.invoke(main, ["audit", "verify", "--db", db])
    assert ok.exit_code == 0, ok.output
    assert "intact" in ok.output
    with filled.engine.connect() as conn:
        target = audit.entries(conn, action="correct")[1].seq
    with filled.transaction() as conn:
        conn.execute(sa.text("UPDATE audit_log SET after = :a WHERE seq = :s"),
                     {"a": '{"field":"fatalities","reason":"nothing","value":null}', "s": target})  # fmt: skip
    bad = runner.invoke(main, ["audit", "verify", "--db", db])
    assert bad.exit_code == 1
    assert f"broken at entry {target}" in bad.output
    assert "correct of inc-" in bad.output


def test_entries_cut_from_the_end_are_noticed(filled):
    with filled.transaction() as conn:
        n = audit.verify(conn).entries
        conn.execute(sa.text("DELETE FROM audit_log WHERE seq = :s"), {"s": n})
        v = audit.verify(conn)
    assert not v.ok and v.broken == n


def test_concurrent_appenders_chain_one_after_another(filled):
    def work(who: str) -> None:
        for i in range(15):
            with filled.transaction() as conn:
                audit.append(conn, who, "note", f"{who}-{i}")

    threads = [threading.Thread(target=work, args=(w,)) for w in ("a", "b", "c")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    with filled.engine.connect() as conn:
        v = audit.verify(conn)
        notes = audit.entries(conn, action="note")
    assert v.ok, v.line()
    assert len(notes) == 45


# -- users and tokens ----------------------------------------------------------------------------


def test_users_roles_passwords_and_tokens(filled):
    with filled.transaction() as conn:
        u = add_user(conn, "rita", "reviewer", "correct horse", actor="cli:test")
        assert u.role == "reviewer" and u.can("coder") and not u.can("admin")
        with pytest.raises(UserError, match="already exists"):
            add_user(conn, "rita", "viewer", "another one", actor="cli:test")
        with pytest.raises(UserError, match="unknown role"):
            add_user(conn, "bob", "boss", "long enough", actor="cli:test")
        with pytest.raises(UserError, match="too short"):
            add_user(conn, "bob", "viewer", "short", actor="cli:test")
        assert authenticate(conn, "rita", "correct horse").name == "rita"
        assert authenticate(conn, "rita", "wrong horse") is None
        assert authenticate(conn, "nobody", "correct horse") is None
        token, rec = create_token(conn, "rita", "script", actor="cli:test")
        assert user_for_token(conn, token).name == "rita"
        assert user_for_token(conn, token + "x") is None
        set_role(conn, "rita", "viewer", actor="cli:test")
        assert user_for_token(conn, token).role == "viewer"  # a token has its user's role only
        revoke_token(conn, rec.id, actor="cli:test")
        assert user_for_token(conn, token) is None
        set_active(conn, "rita", False, actor="cli:test")
        assert authenticate(conn, "rita", "correct horse") is None
        actions = [e.action for e in audit.entries(conn) if e.target == "rita"]
    assert actions == ["user_add", "token_create", "user_role", "token_revoke", "user_active"]
    with filled.engine.connect() as conn:
        stored = conn.execute(sa.text("SELECT password_hash FROM users")).scalar()
    assert stored.startswith("$argon2id$") and "correct horse" not in stored


def test_cli_users_add_reads_the_password_from_stdin_and_tokens_create_prints_one(filled):
    db = filled.engine.url.database
    runner = CliRunner()
    r = runner.invoke(main, ["users", "add", "cora", "--role", "coder", "--db", db],
                      input="a long password\n")  # fmt: skip
    assert r.exit_code == 0, r.output
    assert "added cora (coder)" in r.output
    bad = runner.invoke(main, ["users", "add", "cora", "--role", "coder", "--db", db],
                        input="a long password\n")  # fmt: skip
    assert bad.exit_code == 1 and "already exists" in bad.output
    t = runner.invoke(main, ["tokens", "create", "cora", "--db", db])
    assert t.exit_code == 0
    token = t.stdout.strip().splitlines()[-1]
    with filled.engine.connect() as conn:
        assert user_for_token(conn, token).name == "cora"
        assert authenticate(conn, "cora", "a long password") is not None


# -- corrections ---------------------------------------------------------------------------------


def _acled(conn) -> str:
    buf = io.StringIO()
    export("acled-csv", list_incidents(conn), buf)
    return buf.getvalue()


def test_a_correction_wins_in_lists_tallies_and_exports_and_the_machine_value_stays(filled):
    with filled.transaction() as conn:
        inc = _ambush(conn)
        machine = inc.fatalities.best
        before_export = _acled(conn)
        got = rv.correct(conn, inc.id, "fatalities", {"low": 15, "best": 17, "high": 20},
                         "the hospital's count", actor="rita")  # fmt: skip
    assert got.fatalities.best == 17
    with filled.engine.connect() as conn:
        inc2 = get_incident(conn, inc.id)
        review = inc2.provenance["review"]
        assert review["status"] == "corrected"
        assert review["machine"]["fatalities"]["best"] == machine
        fig = inc2.provenance["figures"]["killed"]
        assert fig["rule"] == "correction" and fig["machine"]["best"] == machine
        assert fig["claims"]  # the claims stay visible
        assert _ambush(conn).fatalities.best == 17
        t = tally(list_incidents(conn), list_tolls(conn), by="admin1")
        assert t.total.best == sum(i.fatalities.best for i in list_incidents(conn) if i.fatalities
                                   and i.fatalities.best is not None)  # fmt: skip
        row = [r for r in _acled(conn).splitlines() if f"reckon_id={inc.id}" in r][0]
    assert ",17," in row and row not in before_export


def test_a_correction_survives_relink_reanalysis_and_a_new_report_joining(filled):
    with filled.transaction() as conn:
        inc = _ambush(conn)
        rv.correct(conn, inc.id, "fatalities", {"low": 21, "best": 21, "high": 21},
                   "reviewer's reading", actor="rita")  # fmt: skip
        rv.correct(conn, inc.id, "date", {"start": "2025-03-05", "end": "2025-03-06"},
                   "night of the 5th", actor="rita")  # fmt: skip
        relink(conn)
        assert _ambush(conn).fatalities.best == 21
    # re-analysis: the report's mentions are saved again (as a re-ingest would) and relinked
    xs = {x.report.id: x for x in ambush_extractions()}
    with filled.transaction() as conn:
        save_extraction(conn, xs["amb-a"])
        relink(conn)
        again = _ambush(conn)
        assert again.fatalities.best == 21
        assert again.date.start == "2025-03-05"
    # a copy of report A under a new id joins the incident: its id changes, the correction stays
    from reckon.model import Extraction

    x = xs["amb-b"]
    twin = Extraction(
        type(x.report)(
            **{
                **{f: getattr(x.report, f) for f in x.report.__slots__},
                "id": "amb-b2",
                "content_hash": "f" * 64,
            }
        ),  # fmt: skip
        incidents=[type(m)(**{f: getattr(m, f) for f in m.__slots__}) for m in x.incidents],
    )
    for m in twin.incidents:
        m.report_id = "amb-b2"
    _fill(filled, [twin])
    with filled.engine.connect() as conn:
        joined = _ambush(conn)
        assert "amb-b2#0" in member_keys(joined)
        assert joined.id != inc.id
        assert joined.fatalities.best == 21


def test_split_and_merge_are_audited_and_decisions_follow_their_mentions(filled):
    with filled.transaction() as conn:
        inc = _ambush(conn)
        rv.correct(conn, inc.id, "fatalities", {"low": 30, "best": 30, "high": None},
                   "as told by the monitor", actor="rita")  # fmt: skip
        keys = member_keys(inc)
        assert len(keys) >= 3
        parts = rv.split(conn, inc.id, [keys[-1]], "a different ambush", actor="rita")
        assert len(parts) == 2
        big = max(parts, key=lambda p: len(member_keys(p)))
        small = min(parts, key=lambda p: len(member_keys(p)))
        assert big.fatalities.best == 30  # the correction follows most of its mentions
        assert small.provenance["review"]["status"] == "unreviewed"
        merged = rv.merge(conn, [big.id, small.id], "the same ambush after all", actor="rita")
        assert set(member_keys(merged)) == set(keys)
        assert merged.fatalities.best == 30
        actions = [e.action for e in audit.entries(conn)]
    assert actions[-3:] == ["correct", "split", "merge"]


def test_reject_leaves_an_incident_out_and_proposals_wait_for_a_reviewer(filled):
    with filled.transaction() as conn:
        inc = _ambush(conn)
        n = len(list_incidents(conn))
        rv.correct(conn, inc.id, "injured", {"low": 4, "best": 4, "high": 4}, "the clinic",
                   actor="cora", propose=True)  # fmt: skip
        pending = get_incident(conn, inc.id)
        assert pending.injured is None or pending.injured.best != 4
        seq = pending.provenance["review"]["proposals"][0]["seq"]
        rv.decide_proposal(conn, seq, True, actor="rita")
        assert get_incident(conn, inc.id).injured.best == 4
        with pytest.raises(rv.ReviewError, match="reason"):
            rv.reject(conn, inc.id, "", actor="rita")
        rv.reject(conn, inc.id, "a training exercise, no event", actor="rita")
        assert len(list_incidents(conn)) == n - 1
        assert inc.id not in _acled(conn)
        assert get_incident(conn, inc.id).provenance["review"]["status"] == "rejected"
        rv.reopen(conn, inc.id, "new evidence", actor="rita")
        assert len(list_incidents(conn)) == n


@pytest.mark.parametrize("field,value", [
    ("fatalities", {"low": 5, "best": 3, "high": 9}),
    ("fatalities", {"best": -1}),
    ("event_type", {"event_type": "Battles", "sub_event_type": "Air/drone strike"}),
    ("date", {"start": "2025-13-01"}),
    ("location", {"name": "X", "lat": 100, "lon": 0}),
    ("actors", [{"text": "men", "role": "boss", "type": None}]),
    ("colour", "red"),
])  # fmt: skip
def test_bad_correction_values_are_refused_with_a_reason(filled, field, value):
    with filled.transaction() as conn:
        inc = _ambush(conn)
        with pytest.raises(rv.ReviewError):
            rv.correct(conn, inc.id, field, value, "because", actor="rita")


def test_cli_split_and_merge_are_audited(filled):
    db = filled.engine.url.database
    with filled.engine.connect() as conn:
        inc = _ambush(conn)
    keys = member_keys(inc)
    runner = CliRunner()
    r = runner.invoke(main, ["incidents", "split", inc.id, keys[-1], "--db", db])
    assert r.exit_code == 0, r.output
    with filled.engine.connect() as conn:
        e = audit.entries(conn, newest_first=True, limit=1)[0]
    assert e.action == "split" and e.actor.startswith("cli:") and e.target == inc.id


@pytest.mark.postgres
def test_review_and_audit_on_postgresql(pg_url):
    store = open_store(pg_url)
    try:
        assert store.schema_revision() == head_revision()
        _fill(store, ambush_extractions())
        with store.transaction() as conn:
            inc = _ambush(conn)
            rv.correct(conn, inc.id, "fatalities", {"low": 8, "best": 8, "high": 8}, "x",
                       actor="rita")  # fmt: skip
            relink(conn)
            assert _ambush(conn).fatalities.best == 8
            assert audit.verify(conn).ok
    finally:
        store.close()


@pytest.mark.postgres
def test_postgres_migration_race(pg_url):
    procs = [subprocess.Popen([sys.executable, "-c", OPEN, pg_url], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(3)]  # fmt: skip
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
        assert out.strip() == head_revision()


def test_store_opened_at_an_old_revision_is_read_without_decisions(tmp_path):
    """A store migrated by an older reckon (no review tables) still lists incidents."""
    from alembic import command
    from alembic.config import Config

    from reckon.store import MIGRATIONS

    db = tmp_path / "old.db"
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", f"sqlite:///{db}")
    command.upgrade(cfg, "0002")
    store = open_store(db, migrate=False)
    _fill(store, ambush_extractions())
    with store.engine.connect() as conn:
        assert list_incidents(conn)
    store.close()
    assert Path(db).exists()


def test_batch_stores_audit_every_report_they_add(tmp_path):
    """The Dask engine's batch writer appends an ingest entry per report, like add_report."""
    from reckon.store.batch import store_batch

    xs = ambush_extractions()
    with open_store(tmp_path / "b.db") as store:
        out = store_batch(store, [(x.report, x) for x in xs])
        again = store_batch(store, [(x.report, x) for x in xs[:1]])
        with store.engine.connect() as conn:
            ingests = audit.entries(conn, action="ingest")
            assert audit.verify(conn).ok
    assert all(o.created for o in out) and not again[0].created
    assert sorted(e.target for e in ingests) == sorted(x.report.id for x in xs)
