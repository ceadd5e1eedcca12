"""Hand-built reports and extractions for the link, tally and export tests (our own texts)."""

from __future__ import annotations

import hashlib
import itertools

from reckon.model import (
    Actor,
    Count,
    DateInterval,
    Evidence,
    Extraction,
    Location,
    Mention,
    Report,
    Span,
    Toll,
)

PLACES = {
    "Jableh": dict(
        country="Syria",
        iso="SY",
        admin1="Latakia",
        lat=35.3609,
        lon=35.9256,
        precision=1,
        geonameid=170017,
    ),
    "Jablah": dict(
        country="Syria",
        iso="SY",
        admin1="Latakia",
        lat=35.3609,
        lon=35.9256,
        precision=1,
        geonameid=170017,
    ),
    "Baniyas": dict(
        country="Syria",
        iso="SY",
        admin1="Tartus",
        lat=35.1826,
        lon=35.9486,
        precision=1,
        geonameid=172410,
    ),
    "Latakia": dict(
        country="Syria",
        iso="SY",
        admin1="Latakia",
        lat=35.5,
        lon=36.0,
        precision=3,
        geonameid=173578,
    ),
    "Odesa": dict(
        country="Ukraine",
        iso="UA",
        admin1="Odessa",
        lat=46.4775,
        lon=30.7326,
        precision=1,
        geonameid=698740,
    ),
}


def report(rid: str, text: str, published: str | None, source: str | None = None) -> Report:
    return Report(
        id=rid,
        raw=text.encode(),
        raw_text=text,
        text=text,
        published=published,
        source=source,
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
    )


def span(text: str, phrase: str) -> Span:
    i = text.index(phrase)
    return Span(i, i + len(phrase), phrase)


def count(text: str, phrase: str, low, best, high, qualifier="exact") -> Count:
    return Count(low, best, high, qualifier, span(text, phrase))


def mention(
    r: Report,
    event_type: str,
    sub: str,
    day: str | None,
    place: str | None,
    *,
    killed: Count | None = None,
    injured: Count | None = None,
    actors: list[tuple[str, str, str | None]] = (),
    evidence: str | None = None,
) -> Mention:
    loc = None
    if place is not None:
        loc = Location(
            place,
            span(r.text, place) if place in r.text else None,
            resolved=True,
            **PLACES.get(place, {}),
        )
    ev = [Evidence.from_span("event", span(r.text, evidence))] if evidence else []
    return Mention(
        event_type,
        sub,
        date=DateInterval(day, day) if day else None,
        location=loc,
        actors=[Actor(t, role, typ) for t, role, typ in actors],
        fatalities=killed,
        injured=injured,
        evidence=ev,
        confidence=0.8,
        report_id=r.id,
    )


AMBUSH_A = (
    "Gunmen loyal to the former government ambushed a security patrol on the road into Jableh "
    "on Thursday evening, killing at least 13 members of the security forces, a security source "
    "told reporters. The attackers fled into the hills east of the coastal town after a gun battle "
    "that lasted more than an hour, and reinforcements were sent from Latakia overnight."
)
AMBUSH_B = (
    "Gunmen loyal to the former government ambushed a security patrol on the road into Jableh "
    "on Thursday evening, killing at least 13 members of the security forces, a security source "
    "told reporters. The attackers fled into the hills east of the coastal town after a gun fight "
    "that lasted more than an hour, and reinforcements were sent from Latakia overnight."
)
AMBUSH_C = (
    "Security forces came under attack near Jableh on Thursday when armed men opened fire on a "
    "patrol; a monitoring group said 16 officers died in the clashes, which it blamed on "
    "loyalists of the ousted president. The interior ministry said it would pursue the attackers."
)
TOLL_7 = (
    "At least 7 people were killed when a bomb hidden in a parked van exploded near the grain "
    "market in Jableh on Saturday morning, medics said."
)
TOLL_11 = (
    "The toll from Saturday's van bombing near the grain market in Jableh rose to 11 on Sunday, "
    "medics said, as two of the wounded died in hospital."
)
SEED_LIKE = (
    "Fighting on the coast has killed over 1,400 people since last Thursday, a monitor said. "
    "Security forces were ambushed in Jableh, resulting in multiple deaths among officers."
)
BANIYAS = (
    "Two men were shot dead by gunmen on a motorbike in Baniyas on Saturday afternoon, "
    "relatives said."
)
ODESA = "A missile struck a residential block in Odesa on Saturday, killing 4 people."


def ambush_extractions() -> list[Extraction]:
    """Three reports of one ambush (B is a near-verbatim copy of A) plus a later summary."""
    a = report("amb-a", AMBUSH_A, "2025-03-07", "Harbour Post")
    b = report("amb-b", AMBUSH_B, "2025-03-07", "Valley Courier")
    c = report("amb-c", AMBUSH_C, "2025-03-08", "Coast Monitor")
    s = report("amb-s", SEED_LIKE, "2025-03-10")
    out = []
    for r in (a, b):
        out.append(
            Extraction(
                r,
                incidents=[
                    mention(
                        r,
                        "Battles",
                        "Armed clash",
                        "2025-03-06",
                        "Jableh",
                        killed=count(r.text, "at least 13", 13, 13, None, "at_least"),
                        actors=[
                            (
                                "Gunmen loyal to the former government",
                                "perpetrator",
                                "Political militia",
                            ),
                            ("security forces", "target", "State forces"),
                        ],
                        evidence="ambushed a security patrol on the road into Jableh",
                    )
                ],
            )
        )
    out.append(
        Extraction(
            c,
            incidents=[
                mention(
                    c,
                    "Battles",
                    "Armed clash",
                    "2025-03-06",
                    "Jableh",
                    killed=count(c.text, "16", 16, 16, 16),
                    actors=[
                        ("loyalists of the ousted president", "perpetrator", "Political militia"),
                        ("Security forces", "target", "State forces"),
                    ],
                    evidence="Security forces came under attack near Jableh",
                )
            ],
        )
    )
    out.append(
        Extraction(
            s,
            incidents=[
                mention(
                    s,
                    "Battles",
                    "Armed clash",
                    None,
                    "Jableh",
                    killed=count(s.text, "multiple deaths", 2, 2, None, "vague"),
                    actors=[("Security forces", "target", "State forces")],
                    evidence="Security forces were ambushed in Jableh",
                )
            ],
            tolls=[
                Toll(
                    "killed",
                    count(s.text, "over 1,400", 1400, 1400, None, "at_least"),
                    period=DateInterval("2025-03-06", "2025-03-10"),
                    area="Latakia and Tartus",
                    evidence=[Evidence.from_span("count", span(s.text, "over 1,400"))],
                    report_id="amb-s",
                )
            ],
        )
    )
    return out


def toll_update_extractions() -> list[Extraction]:
    """One outlet: "at least 7 killed", then next day "the toll rose to 11"."""
    r1 = report("van-1", TOLL_7, "2025-05-10", "Harbour Post")
    r2 = report("van-2", TOLL_11, "2025-05-11", "Harbour Post")
    return [
        Extraction(
            r1,
            incidents=[
                mention(
                    r1,
                    "Explosions/Remote violence",
                    "Remote explosive/landmine/IED",
                    "2025-05-10",
                    "Jableh",
                    killed=count(r1.text, "At least 7", 7, 7, None, "at_least"),
                    evidence="a bomb hidden in a parked van exploded",
                )
            ],
        ),
        Extraction(
            r2,
            incidents=[
                mention(
                    r2,
                    "Explosions/Remote violence",
                    "Remote explosive/landmine/IED",
                    "2025-05-10",
                    "Jableh",
                    killed=count(r2.text, "11", 11, 11, 11),
                    evidence="Saturday's van bombing near the grain market in Jableh",
                )
            ],
        ),
    ]


def other_extractions() -> list[Extraction]:
    """Same day, nearby town, other event; and another country."""
    b = report("ban-1", BANIYAS, "2025-05-10", "Coast Monitor")
    o = report("ode-1", ODESA, "2025-05-10", "Steppe News")
    return [
        Extraction(
            b,
            incidents=[
                mention(
                    b,
                    "Violence against civilians",
                    "Attack",
                    "2025-05-10",
                    "Baniyas",
                    killed=count(b.text, "Two", 2, 2, 2),
                    actors=[
                        ("gunmen on a motorbike", "perpetrator", "Political militia"),
                        ("Two men", "target", "Civilians"),
                    ],
                    evidence="Two men were shot dead by gunmen",
                )
            ],
        ),
        Extraction(
            o,
            incidents=[
                mention(
                    o,
                    "Explosions/Remote violence",
                    "Shelling/artillery/missile attack",
                    "2025-05-10",
                    "Odesa",
                    killed=count(o.text, "4", 4, 4, 4),
                    actors=[("A missile", "perpetrator", "External/Other forces")],
                    evidence="A missile struck a residential block in Odesa",
                )
            ],
        ),
    ]


def groups_every_order(xs: list) -> list[list[str]]:
    """The incidents' report ids when ``xs`` are linked, checked to be the same for every
    order of the inputs."""
    from reckon.link import link_extractions, report_ids

    outs = []
    for perm in itertools.permutations(xs):
        outs.append(sorted(sorted(report_ids(i)) for i in link_extractions(list(perm))))
    assert all(o == outs[0] for o in outs)
    return outs[0]
