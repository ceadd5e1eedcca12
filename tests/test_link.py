"""Linking, copies and reconciliation on our own hand-built extractions."""

from __future__ import annotations

import itertools
import json
import os
from pathlib import Path

import pytest

from linkfixtures import (
    ambush_extractions,
    mention,
    other_extractions,
    report,
    toll_update_extractions,
)
from reckon.commands.link import render_incident_obj
from reckon.link import (
    RULE_VERSION,
    Claim,
    Override,
    detect_copies,
    incident_to_json,
    link_extractions,
    member_keys,
    pairwise_f1,
    reconcile,
    report_ids,
    signature,
    toponym_key,
)
from reckon.model import Extraction

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def _by_report(incs, rid):
    return [i for i in incs if rid in report_ids(i)]


def test_seed_like_ambush_and_copy_make_one_incident_with_two_independent_sources():
    a, b, _c, s = ambush_extractions()
    incs = link_extractions([a, b, s])
    assert len(incs) == 1
    inc = incs[0]
    assert sorted(report_ids(inc)) == ["amb-a", "amb-b", "amb-s"]
    assert inc.sources == 3
    assert inc.independent_sources == 2  # amb-b is a near-verbatim copy of amb-a
    assert inc.provenance["copies"]["amb-b"]["copy_of"] == "amb-a"
    assert inc.event_type == "Battles"
    assert inc.location is not None and inc.location.name == "Jableh"


def test_four_reports_three_voices_and_overtaken_lower_bounds():
    incs = link_extractions(ambush_extractions())
    assert len(incs) == 1
    inc = incs[0]
    assert (inc.sources, inc.independent_sources) == (4, 3)
    # "at least 13" (twice) and "multiple deaths" are lower bounds under the later 16
    assert inc.fatalities is not None
    assert (inc.fatalities.low, inc.fatalities.best, inc.fatalities.high) == (16, 16, 16)
    fig = inc.provenance["figures"]["killed"]
    assert fig["retained"] == ["amb-c#0"]
    assert set(fig["set_aside"]) == {"amb-a#0", "amb-b#0", "amb-s#0"}


def test_update_from_same_outlet_supersedes_and_show_lists_both_claims():
    incs = link_extractions(toll_update_extractions())
    assert len(incs) == 1
    inc = incs[0]
    assert inc.fatalities is not None and inc.fatalities.best == 11
    assert inc.fatalities.low == 11 and inc.fatalities.high == 11
    fig = inc.provenance["figures"]["killed"]
    assert fig["rule"] == RULE_VERSION
    assert [c["mention"] for c in fig["claims"]] == ["van-1#0", "van-2#0"]
    assert fig["claims"][1]["update"] is True  # "rose to 11"
    assert "same source" in fig["set_aside"]["van-1#0"]
    text = render_incident_obj(inc)
    assert '"At least 7"' in text and '"11"' in text
    assert "2025-05-10" in text and "2025-05-11" in text
    assert "rule ucdp-1" in text
    assert inc.independent_sources == 1  # one outlet updating its own story


def test_result_does_not_depend_on_input_order():
    xs = ambush_extractions() + toll_update_extractions() + other_extractions()
    ref = [json.dumps(incident_to_json(i), sort_keys=True) for i in link_extractions(xs)]
    for perm in (list(reversed(xs)), xs[3:] + xs[:3], xs[1::2] + xs[::2]):
        got = [json.dumps(incident_to_json(i), sort_keys=True) for i in link_extractions(perm)]
        assert got == ref


def test_nearby_town_other_event_and_other_country_stay_apart():
    incs = link_extractions(toll_update_extractions() + other_extractions())
    assert len(incs) == 3
    ban = _by_report(incs, "ban-1")[0]
    assert report_ids(ban) == ["ban-1"]
    expl = ban.provenance["members"][0]["explanation"]
    assert expl["decision"] == "new incident"
    assert expl["best_candidate"]["factors"]["place"] < 0.5
    ode = _by_report(incs, "ode-1")[0]
    # blocking never pairs mentions of two countries: nothing in Ukraine was a candidate
    expl = ode.provenance["members"][0]["explanation"]
    assert expl == {
        "decision": "new incident",
        "reason": "no other mention in its country within two days",
    }


def test_two_mentions_of_one_report_are_never_linked():
    r = report("dup-1", "A bomb exploded in Jableh on Saturday, killing 3 people.", "2025-05-10")
    m1 = mention(
        r, "Explosions/Remote violence", "Remote explosive/landmine/IED", "2025-05-10", "Jableh"
    )
    m2 = mention(
        r, "Explosions/Remote violence", "Remote explosive/landmine/IED", "2025-05-10", "Jableh"
    )
    incs = link_extractions([Extraction(r, incidents=[m1, m2])])
    assert len(incs) == 2
    assert all(i.provenance["members"][0]["explanation"]["reason"] == "same report" for i in incs)


def test_time_gap_vetoes_link():
    r1 = report("t-1", "Gunmen attacked a checkpoint in Jableh on Monday.", "2025-05-05")
    r2 = report("t-2", "Gunmen attacked a checkpoint in Jableh on Friday.", "2025-05-09")
    x1 = Extraction(r1, incidents=[mention(r1, "Battles", "Armed clash", "2025-05-05", "Jableh")])
    x2 = Extraction(r2, incidents=[mention(r2, "Battles", "Armed clash", "2025-05-09", "Jableh")])
    assert len(link_extractions([x1, x2])) == 2


def test_user_split_and_merge_overrides():
    xs = ambush_extractions()
    split = Override("split", (("amb-c#0",), ("amb-a#0", "amb-b#0", "amb-s#0")))
    incs = link_extractions(xs, [split])
    assert sorted(len(member_keys(i)) for i in incs) == [1, 3]
    merged = link_extractions(
        xs, [split, Override("merge", (("amb-c#0",), ("amb-a#0", "amb-b#0", "amb-s#0")))]
    )
    assert len(merged) == 1  # a later decision overrides the earlier one


def test_incident_ids_are_deterministic_hashes_of_members():
    incs = link_extractions(toll_update_extractions())
    assert incs[0].id.startswith("inc-") and len(incs[0].id) == 20
    assert incs[0].id == link_extractions(toll_update_extractions())[0].id


def test_copy_detection():
    a, b, c, s = ambush_extractions()
    sigs = [(x.report, signature(x.report.text)) for x in (c, b, a, s)]
    from reckon.link import ReportMeta

    found = detect_copies([(ReportMeta.of(r), sig) for r, sig in sigs])
    assert set(found) == {"amb-b"}
    assert found["amb-b"].copy_of == "amb-a" and found["amb-b"].similarity >= 0.8


def test_toponym_key_collapses_spelling_variants():
    assert len({toponym_key(n) for n in ("Jableh", "Jablah", "Jebleh")}) == 1
    assert len({toponym_key(n) for n in ("Deir ez-Zor", "Dayr al-Zawr", "Deir Ezzor")}) == 1
    assert toponym_key("Baniyas") != toponym_key("Jableh")


def _claim(mention, source, published, low, best, high, update=False):
    return Claim(
        "killed",
        mention,
        mention.split("#")[0],
        source,
        published,
        low,
        best,
        high,
        "exact",
        None,
        update,
    )


def test_reconcile_disagreement_prefers_most_voices_then_lower():
    fig = reconcile(
        [
            _claim("a#0", "A", "2025-01-02", 5, 5, 5),
            _claim("b#0", "B", "2025-01-02", 8, 8, 8),
        ]
    )
    assert (fig["low"], fig["best"], fig["high"]) == (5, 5, 8)
    fig = reconcile(
        [
            _claim("a#0", "A", "2025-01-02", 5, 5, 5),
            _claim("b#0", "B", "2025-01-02", 8, 8, 8),
            _claim("c#0", "C", "2025-01-03", 8, 8, 8),
        ]
    )
    assert fig["best"] == 8 and fig["low"] == 5


def test_reconcile_unbounded_high():
    fig = reconcile(
        [
            _claim("a#0", "A", "2025-01-02", 20, 20, None),
            _claim("b#0", "B", "2025-01-02", 5, 5, 5),
        ]
    )
    # "at least 20" is above the other's 5: a real disagreement, and nothing bounds it
    assert fig["best"] == 5 and fig["low"] == 5 and fig["high"] is None


@pytest.mark.parametrize("seed", range(30))
def test_reconcile_bounds_are_ordered(seed):
    import random

    rnd = random.Random(seed)
    claims = []
    for i in range(rnd.randint(1, 5)):
        low = rnd.choice([None, rnd.randint(0, 30)])
        best = rnd.randint(low or 0, 40)
        high = rnd.choice([None, best + rnd.randint(0, 10)])
        claims.append(
            _claim(
                f"r{i}#0",
                rnd.choice(["A", "B", None]),
                f"2025-01-0{rnd.randint(1, 5)}",
                low,
                best,
                high,
                rnd.random() < 0.3,
            )
        )
    fig = reconcile(claims)
    assert fig["low"] <= fig["best"]
    assert fig["high"] is None or fig["best"] <= fig["high"]
    assert len(fig["claims"]) == len(claims)


def test_pairwise_f1():
    gold = {"a": "1", "b": "1", "c": "2", "d": "2"}
    assert pairwise_f1(gold, [["a", "b"], ["c", "d"]])["f1"] == 1.0
    r = pairwise_f1(gold, [["a", "b", "c"], ["d"]])
    assert (r["tp"], r["fp"], r["fn"]) == (1, 2, 1)


def _gold_cluster_rows():
    path = SHARED / "eval" / "dev.gold.jsonl"
    if not path.exists():
        pytest.skip(f"gold data not found at {path}")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return [r for r in rows if r.get("cluster")]


def test_linker_on_gold_mentions_dev_clusters():
    """The linker alone, fed the gold mentions of the dev clusters (perfect extraction)."""
    from reckon.model import Actor, Count, DateInterval, Location, Mention, Report

    rows = _gold_cluster_rows()
    xs = []
    for r in rows:
        rep = Report(
            r["id"],
            r["text"].encode(),
            r["text"],
            r["text"],
            published=r.get("published"),
            source=r.get("source"),
        )
        ms = []
        for g in r["incidents"]:
            loc = g.get("location")
            d = g.get("date")
            f = g.get("fatalities")
            ms.append(
                Mention(
                    g["event_type"],
                    g["sub_event_type"],
                    date=DateInterval(d["start"], d["end"]) if d else None,
                    location=Location(
                        loc["name"],
                        country=loc.get("country"),
                        admin1=loc.get("admin1"),
                        lat=loc.get("lat"),
                        lon=loc.get("lon"),
                        precision=loc.get("precision"),
                        resolved=True,
                    )
                    if loc
                    else None,
                    actors=[Actor(a["text"], a["role"], a.get("type")) for a in g["actors"]],
                    fatalities=Count(f["low"], f["best"], f["high"]) if f else None,
                )
            )
        xs.append(Extraction(rep, incidents=ms))
    gold = {r["id"]: r["cluster"] for r in rows}
    for perm in (xs, list(reversed(xs))):
        score = pairwise_f1(gold, [report_ids(i) for i in link_extractions(perm)])
        print(f"linker on gold mentions: pairwise F1 {score['f1']:.3f} {score}")
        assert score["f1"] >= 0.85


@pytest.mark.slow
def test_pipeline_dev_clusters_pairwise_f1(capsys):
    """Real extract + geocode + link on the dev cluster reports; the issue targets F1 >= 0.85."""
    rows = _gold_cluster_rows()
    try:
        from reckon.extract import extract
        from reckon.geocode import geocode
        from reckon.ingest import report_from_text
    except ImportError as e:
        pytest.skip(f"pipeline stage not available yet: {e}")
    xs = []
    for r in rows:
        rep = report_from_text(
            r["text"],
            id=r["id"],
            title=r.get("title"),
            published=r.get("published"),
            source=r.get("source"),
        )
        xs.append(geocode(extract(rep)))
    gold = {r["id"]: r["cluster"] for r in rows}
    incs = link_extractions(xs)
    score = pairwise_f1(gold, [report_ids(i) for i in incs])
    rev = link_extractions(list(reversed(xs)))
    assert [incident_to_json(i) for i in rev] == [incident_to_json(i) for i in incs]
    with capsys.disabled():
        print(
            f"\ndev clusters, full pipeline: pairwise F1 {score['f1']:.3f} "
            f"(P {score['precision']:.3f} R {score['recall']:.3f}; target >= 0.85)"
        )
    assert score["f1"] >= 0.85  # the target on the dev clusters


def test_pairs_are_symmetric_in_scoring():
    from reckon.link import records_from_extraction, score_pair

    xs = ambush_extractions() + other_extractions()
    recs = [r for x in xs for r in records_from_extraction(x)]
    for a, b in itertools.combinations(recs, 2):
        assert score_pair(a, b).total == pytest.approx(score_pair(b, a).total)


# -- the store: save, relink, overrides ---------------------------------------------------------


PG_HOST = os.environ.get("RECKON_TEST_PGHOST", "127.0.0.1")
PG_PORT = int(os.environ.get("RECKON_TEST_PGPORT", "5432"))
PG_BASE = f"postgresql+psycopg://postgres@{PG_HOST}:{PG_PORT}"
PG_ADMIN = f"{PG_BASE}/{os.environ.get('RECKON_TEST_PGDATABASE', 'test')}"


def _pg_database():
    """A fresh PostgreSQL database for one test, or skip when no server is reachable."""
    import os

    import sqlalchemy as sa

    try:
        eng = sa.create_engine(
            PG_ADMIN, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 2}
        )
        with eng.connect() as c:
            name = f"reckon_link_{os.getpid()}"
            c.execute(sa.text(f"DROP DATABASE IF EXISTS {name}"))
            c.execute(sa.text(f"CREATE DATABASE {name}"))
    except Exception as e:  # no server, no driver, no rights
        pytest.skip(
            f"PostgreSQL not reachable at {PG_HOST}:{PG_PORT} ({type(e).__name__}): "
            "store tests ran on SQLite only"
        )
    return eng, name


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path):
    import sqlalchemy as sa

    from reckon.store import open_store

    if request.param == "sqlite":
        st = open_store(tmp_path / "link.db")
        yield st
        st.close()
        return
    eng, name = _pg_database()
    st = open_store(f"{PG_BASE}/{name}")
    try:
        yield st
    finally:
        st.close()
        with eng.connect() as c:
            c.execute(sa.text(f"DROP DATABASE IF EXISTS {name}"))
        eng.dispose()


def _dump(conn):
    import sqlalchemy as sa

    from reckon.store import incidents as si

    out = {}
    for t in si.TABLES:
        rows = conn.execute(sa.select(t)).mappings().all()
        out[t.name] = sorted(json.dumps(dict(r), sort_keys=True, default=str) for r in rows)
    return out


def test_store_schema_is_migrated_to_head(store):
    from reckon.store import head_revision

    assert store.schema_revision() == head_revision()


def test_store_save_twice_and_reverse_order_change_nothing(store, tmp_path):
    from reckon.store import open_store
    from reckon.store.incidents import get_incident, list_incidents, relink, save_extraction

    xs = ambush_extractions() + toll_update_extractions() + other_extractions()
    with store.transaction() as conn:
        for x in xs:
            save_extraction(conn, x)
        relink(conn)
        first = _dump(conn)
        incs = list_incidents(conn)
    with store.transaction() as conn:
        for x in xs:
            save_extraction(conn, x)
        relink(conn)
        assert _dump(conn) == first
    other = open_store(tmp_path / "reverse.db")
    try:
        with other.transaction() as conn:
            for x in reversed(xs):
                save_extraction(conn, x)
                relink(conn)
            assert _dump(conn) == first
    finally:
        other.close()
    assert [i.id for i in incs] == [i.id for i in link_extractions(xs)]
    with store.transaction() as conn:
        inc = get_incident(conn, incs[0].id)
        assert inc is not None and incident_to_json(inc) == incident_to_json(incs[0])


def test_store_split_merge_survive_relink(store):
    from reckon.commands.link import render_incident
    from reckon.store.incidents import (
        LinkError,
        list_incidents,
        merge_incidents,
        relink,
        save_extraction,
        split_incident,
    )

    with store.transaction() as conn:
        for x in ambush_extractions():
            save_extraction(conn, x)
        (inc,) = relink(conn)
        parts = split_incident(conn, inc.id, ["amb-c"])
        assert sorted(len(member_keys(i)) for i in parts) == [1, 3]
        relink(conn)
        assert len(list_incidents(conn)) == 2  # the user's decision survives relinking
        merged = merge_incidents(conn, [p.id for p in parts])
        assert merged.id == inc.id  # same members, same id
        relink(conn)
        assert [i.id for i in list_incidents(conn)] == [inc.id]
        assert "amb-c#0" in render_incident(conn, inc.id)
        with pytest.raises(LinkError, match="no incident"):
            split_incident(conn, "inc-nope", ["amb-a"])
        with pytest.raises(LinkError, match="not a mention"):
            split_incident(conn, inc.id, ["zzz#4"])
        with pytest.raises(LinkError, match="empty"):
            split_incident(conn, inc.id, ["amb-a", "amb-b", "amb-c", "amb-s"])


def test_analyse_and_store_hook(store):
    from reckon.store.incidents import analyse_and_store, list_incidents, list_tolls

    xs = {x.report.id: x for x in ambush_extractions()}
    for x in xs.values():
        store.add_report(
            x.report,
            analyse=lambda rep, conn: analyse_and_store(
                rep, conn, extract=lambda r: xs[r.id], geocode=lambda e: e
            ),
        )
    with store.transaction() as conn:
        incs = list_incidents(conn)
        assert len(incs) == 1 and incs[0].sources == 4
        assert [t.count.best for t in list_tolls(conn)] == [1400]


def test_copy_detection_large_store_uses_lsh_and_finds_the_copy():
    import random

    from reckon.link import ReportMeta

    rnd = random.Random(7)
    words = [f"w{i}" for i in range(400)]
    reps = [
        (ReportMeta(f"r{i:03d}", "2025-01-01"), signature(" ".join(rnd.choices(words, k=60))))
        for i in range(230)
    ]
    reps.append((ReportMeta("later", "2025-01-02"), reps[17][1]))
    found = detect_copies(reps)
    assert set(found) == {"later"} and found["later"].copy_of == "r017"


def test_reconcile_counts_a_copy_and_its_original_as_one_voice():
    from reckon.link import Copy

    claims = [
        _claim("a#0", "A", "2025-01-02", 5, 5, 5),
        _claim("b#0", "B", "2025-01-02", 5, 5, 5),
        _claim("c#0", "C", "2025-01-02", 8, 8, 8),
        _claim("d#0", "D", "2025-01-02", 8, 8, 8),
    ]
    assert reconcile(claims)["best"] == 5  # two voices each: the lower figure
    assert reconcile(claims, {"b": Copy("b", "a", 0.95)})["best"] == 8


def _pipeline():
    try:
        from reckon.extract import extract
        from reckon.geocode import geocode
        from reckon.ingest import report_from_text
    except ImportError as e:
        pytest.skip(f"pipeline stage not available yet: {e}")
    return extract, geocode, report_from_text


UNDER_ATTACK_A = (
    "A patrol of Syrian security forces came under attack in the coastal town of Jableh on "
    "Thursday, and several officers were killed in the assault, officials in Damascus said."
)
UNDER_ATTACK_B = (
    "A patrol of Syrian security forces was attacked in the coastal town of Jableh on "
    "Thursday, and several officers were killed in the assault, officials in Damascus said."
)


@pytest.mark.slow
@pytest.mark.parametrize(
    "pair", ["ambushed", "came under attack"], ids=["ambushed", "came-under-attack"]
)
def test_pipeline_seed_and_two_own_reports_of_the_jableh_ambush(pair):
    """Acceptance 3: the seed plus our report and its near-verbatim copy -> one ambush incident."""
    from linkfixtures import AMBUSH_A, AMBUSH_B

    if pair != "ambushed":
        AMBUSH_A, AMBUSH_B = UNDER_ATTACK_A, UNDER_ATTACK_B  # noqa: N806
    seed = SHARED / "seed" / "000_53e2a45ead0ef75f.txt"
    if not seed.exists():
        pytest.skip(f"seed article not found at {seed}")
    extract, geocode, report_from_text = _pipeline()
    reports = [
        report_from_text(seed.read_text(encoding="utf-8"), published="2025-03-10"),
        report_from_text(AMBUSH_A, id="own-a", published="2025-03-07", source="Harbour Post"),
        report_from_text(AMBUSH_B, id="own-b", published="2025-03-07", source="Valley Courier"),
    ]
    incs = link_extractions([geocode(extract(r)) for r in reports])
    ambush = [i for i in incs if "own-a#0" in member_keys(i)]
    assert len(ambush) == 1
    inc = ambush[0]
    assert inc.event_type == "Battles"
    assert "own-b#0" in member_keys(inc)
    assert reports[0].id in report_ids(inc)
    assert (inc.sources, inc.independent_sources) == (3, 2)


def test_mention_without_place_agrees_when_the_other_place_is_named_in_its_text():
    r1 = report(
        "p-1", "Shells hit a market in El Fasher on Sunday, killing 7 people.", "2025-06-29"
    )
    r2 = report(
        "p-2", "The toll from Sunday's shelling of a market in Al-Fashir rose to 11.", "2025-06-30"
    )
    r3 = report(
        "p-3", "The toll from Sunday's shelling of a market in Kadugli rose to 11.", "2025-06-30"
    )
    et, st = "Explosions/Remote violence", "Shelling/artillery/missile attack"
    x1 = Extraction(r1, incidents=[mention(r1, et, st, "2025-06-29", "El Fasher")])
    x1.incidents[0].location.country = "Sudan"
    x2 = Extraction(r2, incidents=[mention(r2, et, st, "2025-06-29", None)])
    x3 = Extraction(r3, incidents=[mention(r3, et, st, "2025-06-29", None)])
    incs = link_extractions([x1, x2, x3])
    assert sorted(sorted(report_ids(i)) for i in incs) == [["p-1", "p-2"], ["p-3"]]


def test_place_score_cases():
    from reckon.link import place_score
    from reckon.model import Location

    jab = Location(
        "Jableh",
        iso="SY",
        country="Syria",
        admin1="Latakia",
        lat=35.36,
        lon=35.93,
        precision=1,
        resolved=True,
    )
    jab_named = Location("Jablah", country="Syria")
    assert place_score(jab, jab_named)[0] >= 0.9  # iso on one side, name on the other
    ban = Location(
        "Baniyas",
        iso="SY",
        country="Syria",
        admin1="Tartus",
        lat=35.18,
        lon=35.95,
        precision=1,
        resolved=True,
    )
    assert place_score(jab, ban)[1] is not None  # different towns ~20 km apart: veto
    prov = Location(
        "Latakia",
        iso="SY",
        country="Syria",
        admin1="Latakia",
        lat=35.5,
        lon=36.0,
        precision=3,
        resolved=True,
    )
    assert place_score(jab, prov)[0] == 0.6
    ode = Location("Odesa", iso="UA", country="Ukraine", lat=46.48, lon=30.73, precision=1)
    assert place_score(jab, ode) == (0.0, "different countries")
    assert place_score(Location("Kafr Nabl"), Location("Maarat Misrin"))[0] < 0.2


@pytest.mark.slow
def test_pipeline_toll_update_from_same_outlet_ends_with_best_11(tmp_path):
    """Acceptance 4 through extract, geocode, the store and ``reckon show``."""
    from click.testing import CliRunner

    from linkfixtures import TOLL_7, TOLL_11
    from reckon.cli import main
    from reckon.store import open_store
    from reckon.store.incidents import analyse_and_store, list_incidents

    _, _, report_from_text = _pipeline()
    db = tmp_path / "toll.db"
    st = open_store(db)
    try:
        for text, rid, day in ((TOLL_11, "van-2", "2025-05-11"), (TOLL_7, "van-1", "2025-05-10")):
            st.add_report(
                report_from_text(text, id=rid, published=day, source="Harbour Post"),
                analyse=analyse_and_store,
            )
        with st.transaction() as conn:
            incs = [i for i in list_incidents(conn) if {"van-1", "van-2"} <= set(report_ids(i))]
    finally:
        st.close()
    assert len(incs) == 1 and incs[0].fatalities is not None
    assert incs[0].fatalities.best == 11
    res = CliRunner().invoke(main, ["show", incs[0].id, "--db", str(db)])
    assert res.exit_code == 0, res.output
    assert '"At least 7"' in res.output and '"11"' in res.output
    assert "2025-05-10" in res.output and "2025-05-11" in res.output and "ucdp-1" in res.output


def test_vague_or_unknown_time_links_only_copies():
    base = "Regime aircraft bombed the town of Maarat al-Numan, residents said."
    r1 = report("vg-1", base, None, "Outlet One")
    r2 = report(
        "vg-2",
        "Warplanes struck Maarat al-Numan again, according to residents.",
        None,
        "Outlet Two",
    )
    r3 = report("vg-3", base + " ", None, "Outlet Three")  # a copy of vg-1
    et, st = "Explosions/Remote violence", "Air/drone strike"

    def x(r, when):
        m = mention(r, et, st, None, None)
        m.date = when
        return Extraction(r, incidents=[m])

    from reckon.model import DateInterval

    month = DateInterval("2016-02-01", "2016-02-29")
    incs = link_extractions([x(r1, None), x(r2, month), x(r3, None)])
    groups = sorted(sorted(report_ids(i)) for i in incs)
    assert groups == [["vg-1", "vg-3"], ["vg-2"]]


def test_update_wording_supersedes_lower_figures_of_the_same_day_from_other_outlets():
    fig = reconcile(
        [
            _claim("a#0", "A", "2025-08-07", 2, 2, 2),
            _claim("b#0", "B", "2025-08-08", 2, 2, 2),
            _claim("c#0", "C", "2025-08-08", 3, 3, 3, update=True),
        ]
    )
    assert (fig["low"], fig["best"], fig["high"]) == (3, 3, 3)
    assert set(fig["set_aside"]) == {"a#0", "b#0"}


OWN_CLUSTERS = [
    ("a1", "A", "2025-02-04", "Idlib Post",
     "Russian warplanes struck a crowded market in Maarat al-Numan on Tuesday, killing at least "
     "nine civilians, rescuers said."),
    ("a2", "A", "2025-02-05", "Levant Wire",
     "Air strikes on Maarrat al-Nu'man killed nine civilians and wounded 20 on Tuesday, according "
     "to the White Helmets rescue service."),
    ("a3", "A", "2025-02-06", "Idlib Post",
     "The death toll from Tuesday's air strike on a market in Ma'arat al-Numan has risen to 12, "
     "rescuers said on Thursday."),
    ("b1", "B", "2025-02-04", "Levant Wire",
     "A car bomb exploded near a bus station in Idlib city on Tuesday evening, killing four people, "
     "a civil defence official said."),
    ("b2", "B", "2025-02-05", "North Syria Daily",
     "Four people died when a car bomb went off near the main bus station in the city of Idlib on "
     "Tuesday."),
    ("d1", "D", "2025-06-14", "Horn Observer",
     "Government troops clashed with al-Shabaab fighters near Jowhar on Saturday, leaving six "
     "soldiers dead, a military official said."),
]  # fmt: skip


@pytest.mark.slow
def test_pipeline_own_clusters_spelling_variants_and_nearby_events():
    """Our own reports: spelling variants link, a same-day bombing 30 km away stays apart."""
    extract, geocode, report_from_text = _pipeline()
    xs = [
        geocode(extract(report_from_text(text, id=rid, published=day, source=src)))
        for rid, _c, day, src, text in OWN_CLUSTERS
    ]
    incs = link_extractions(xs)
    groups = {frozenset(report_ids(i)) for i in incs}
    assert frozenset({"a1", "a2", "a3"}) in groups
    assert frozenset({"b1", "b2"}) in groups
    gold = {rid: c for rid, c, *_ in OWN_CLUSTERS}
    score = pairwise_f1(gold, [report_ids(i) for i in incs])
    assert score["precision"] == 1.0 and score["f1"] == 1.0
    market = next(i for i in incs if set(report_ids(i)) == {"a1", "a2", "a3"})
    assert market.fatalities is not None and market.fatalities.best == 12  # "has risen to 12"


def test_analysis_failure_never_loses_the_report(store):
    from reckon.store.incidents import analyse_and_store, list_incidents

    def boom(_report):
        raise RuntimeError("extractor bug")

    a = ambush_extractions()[0]
    rid, created = store.add_report(
        a.report, analyse=lambda rep, conn: analyse_and_store(rep, conn, extract=boom)
    )
    assert created and store.get_report(rid) is not None
    with store.transaction() as conn:
        assert list_incidents(conn) == []
