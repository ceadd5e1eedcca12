"""Texts full of violent words that tell no event, and real reports that must keep theirs.

Every sentence and report here is written for these tests (none is copied from any data set).
Classes: a violent word that names a kind of act whose trend or share is told; a violent noun
that is the subject of a modal ("fighting could break out"); anyone-who and penalties-for
generics; threats and expectations with words between the verb and "to"; what an anniversary,
"last year's" or a career recalls; testimony to a committee and charges in court; talks about a
ceasefire; troops deployed for relief or guard duty; fights with no armed side; and whole reports
read as a tally, an obituary or a parade. The realis controls of each class keep their incident.
The reports in ``fixtures/noevent/`` (own_no_event.jsonl: must come out empty; own_event.jsonl:
must give ``n`` incidents) cover the genres; rows with ``known`` are open failures, skipped.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reckon.extract import extract
from reckon.ingest import report_from_text

pytestmark = pytest.mark.slow

FIXTURES = Path(__file__).parent / "fixtures" / "noevent"

NONEVENT = {
    "trend": [
        "Attacks on health workers have risen sharply across the region, the agency said.",
        "Kidnappings for ransom have doubled in the north-west, according to the governor's office.",
        "Drone strikes accounted for most of the civilian deaths recorded by the monitor, it said.",
        "Sexual violence in the camps has increased, aid workers warned on Friday.",
        "Abductions of schoolchildren have become all too common in the region, the bishop said.",
        "Cattle raids have surged since the rains failed, elders said.",
        "Ambushes on the highway have declined since the army set up checkpoints, officials said.",
        "Shootings of motorcycle taxi riders have grown in the city, the union said.",
    ],
    "modal-subject": [
        "Residents said fighting could break out again at any moment.",
        "Without a police force in the town, looting would follow, elders warned.",
        "Clashes may erupt if the vote is delayed, analysts said.",
        "Officials fear that reprisal attacks will follow the funeral.",
        "Diplomats said a ground offensive might begin within days.",
        "Aid workers said massacres could happen if the peacekeepers leave.",
        "If the talks collapse, militias may resume raids on the villages, a mediator said.",
        "The governor said kidnappings and killings would continue unless herders were disarmed.",
    ],
    "generic": [
        "The bill would jail anyone who attacks a health worker for ten years.",
        "Whoever kidnaps a child will face the death penalty under the new law.",
        "The minister promised tougher penalties for attacks on journalists.",
        "Campaigners called for stronger laws against abductions of women.",
        "The code sets out punishments for looting during emergencies.",
        "Any soldier who shoots an unarmed civilian will be court-martialled, the general said.",
        "The charter offers protections against arbitrary arrest.",
        "Rights groups demanded measures against killings of activists.",
    ],
    "threat-plan": [
        "The group had threatened last month to attack schools across the province.",
        "The rebels vowed on Sunday to storm the capital.",
        "Troops are expected to launch a new offensive in the coming weeks.",
        "The army is poised to begin air strikes on the rebel positions.",
        "Police said the gang was preparing to kidnap a businessman.",
        "Two men accused of trying to abduct a girl were handed to police.",
        "The militia is set to attack the border towns, intelligence sources said.",
        "The commander said his men were ready to fight the insurgents.",
    ],
    "recalled-past": [
        "Families marked the anniversary of the siege in which gunmen killed eleven pupils.",
        "Survivors gathered on the anniversary of the bombing that killed 40 shoppers.",
        "The senators questioned the police chief over last year's riots, in which officers shot dead 12 protesters.",
        "Under his command, troops recaptured several towns and hundreds of fighters were killed.",
        "The memorial honours those killed in the ambush, a plaque in memory of the dead says.",
        "Activists commemorated the massacre of villagers by soldiers.",
        "The minister said the previous year's clashes had left the valley divided.",
        "The monument remembers the victims of the attack on the market.",
    ],
    "testimony-court": [
        "The police chief told the committee that rioters had attacked police stations with petrol bombs.",
        "A survivor told the inquiry that soldiers shot villagers as they fled.",
        "The general testified before the senate panel that his troops had never fired on protesters.",
        "Six officers charged with the murder of two traders who were shot in a raid were granted bail.",
        "Two men indicted for the kidnapping of a priest appeared in court.",
        "The soldier pleaded not guilty to killing a farmer at a checkpoint.",
        "The court granted bail to a man accused of the attack on a police post.",
        "A witness told the commission that gunmen had burned the village.",
    ],
    "talks": [
        "The two sides agreed to discuss a ceasefire at their next meeting.",
        "Mediators proposed a ceasefire for the holy month.",
        "The envoy called for a ceasefire in the north.",
        "Both delegations said they would consider a truce.",
        "Church leaders pressed for a lasting ceasefire between the militias.",
        "The rebels demanded a nationwide ceasefire before any talks.",
    ],
    "relief": [
        "Soldiers were deployed to help evacuate residents stranded by the floods.",
        "Troops were sent to distribute food in the flooded districts.",
        "The army deployed engineers to clear debris after the earthquake.",
        "Police were deployed to protect worshippers during the festival.",
        "Soldiers were dispatched to search for survivors of the landslide.",
        "The navy deployed ships to rescue migrants off the coast.",
    ],
    "no-armed-side": [
        "The bus driver is fighting with every passenger on this route lol.",
        "Two supermarket chains are locked in a bloody battle for customers.",
        "The neighbours have been fighting over the fence for years.",
        "Two brothers clashed over the family shop, relatives said.",
    ],
}

REALIS = [
    ("Gunmen attacked a clinic in Beni on Monday, killing two nurses, officials said.", "Violence against civilians"),
    ("Fighting broke out between soldiers and rebels near Sake on Tuesday, residents said.", "Battles"),
    ("Up to 40 people may have been killed in the raid on the village on Sunday, an official said.", None),
    ("The number of people killed by Tuesday's missile strike on the port has risen to six, officials said.", None),
    ("Artillery shells fell on the hospital grounds on Sunday, killing a nurse.", "Explosions/Remote violence"),
    ("Militants attacked an army base in Diffa on Saturday, killing four soldiers.", "Battles"),
    ("Thousands marched in Bamenda on Monday to mark the anniversary of the crackdown.", "Protests"),
    ("Police arrested five men on Monday and charged them with the murder of a trader.", "Strategic developments"),
    ("Soldiers were deployed to the border town on Tuesday after rebels seized two villages.", None),
    ("Herders and farmers clashed near Jos on Sunday, leaving six people dead.", "Battles"),
]


def run(text: str):
    return extract(report_from_text(text, published="2024-05-08"))


@pytest.mark.parametrize(
    "text", [s for sents in NONEVENT.values() for s in sents], ids=lambda s: s[:40]
)
def test_a_sentence_that_tells_no_happening_gives_no_incident(text: str) -> None:
    x = run(text)
    assert not x.incidents, [(m.event_type, m.evidence[0].text) for m in x.incidents]


@pytest.mark.parametrize("text,event_type", REALIS, ids=lambda s: str(s)[:40])
def test_a_realis_control_keeps_its_incident(text: str, event_type: str | None) -> None:
    x = run(text)
    assert x.incidents
    if event_type is not None:
        assert x.incidents[0].event_type == event_type


def _rows(name: str) -> list[dict]:
    return [json.loads(ln) for ln in (FIXTURES / name).open(encoding="utf-8") if ln.strip()]


@pytest.mark.parametrize("row", _rows("own_no_event.jsonl"), ids=lambda r: r["id"])
def test_a_report_that_tells_no_event_comes_out_empty(row: dict) -> None:
    if row.get("known"):
        pytest.skip(row["known"])
    rep = report_from_text(row["text"], id=row["id"], title=row.get("title"), published="2024-05-01")
    x = extract(rep)
    assert not x.incidents, [(m.event_type, m.evidence[0].text) for m in x.incidents]


@pytest.mark.parametrize("row", _rows("own_event.jsonl"), ids=lambda r: r["id"])
def test_a_report_with_violent_background_keeps_only_its_events(row: dict) -> None:
    if row.get("known"):
        pytest.skip(row["known"])
    rep = report_from_text(
        row["text"], id=row["id"], title=row.get("title"), published=row.get("published")
    )
    assert len(extract(rep).incidents) == row["n"]
