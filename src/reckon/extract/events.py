"""Event triggers; their ACLED event type and sub-type is decided in :mod:`reckon.extract.classify`.

A *trigger* is a word or phrase that signals a kind of happening ("airstrike", "ambushed",
"abducted", "tear gas"). Triggers are found with precompiled regular expressions; a clause's
triggers, together with the types of its actors, decide its ACLED event type and sub-type by
the codebook's precedence rules (e.g. a strike from the air stays Explosions/Remote violence even
when civilians die; an armed attack on state forces is a Battle; armed violence against civilians
is Violence against civilians).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reckon.extract.codes import (  # noqa: F401  (the codes are part of this module's names)
    _F,
    ABDUCT,
    AGREE,
    AIR,
    ARREST,
    ATTACK,
    CAPTURE,
    CHANGE,
    CHEM,
    CLASH,
    DISPERSE,
    DISRUPT,
    FIRE_ON,
    GRENADE,
    HQ,
    IED,
    KILL,
    LOOT,
    MASSACRE,
    MOB,
    OTHER,
    PROTEST,
    REGAIN,
    RIOT,
    SEXUAL,
    SHELL,
    SUICIDE,
    TRANSFER,
    WOUND,
)

_PATTERNS: dict[str, str] = {
    AIR: r"air[ -]?strikes?|airstrikes?|air[ -]raids?|drone[ -](?:strikes?|attacks?)|"
    r"war ?planes?|fighter jets?|(?:military |israeli |russian |us )?jets?\b(?= (?:also )?"
    r"(?:struck|bombed|hit|dropped|fired|carried))|aircraft|helicopter gunships?|"
    r"drones?\b(?= (?:also |had )?(?:struck|hit|dropped|attacked|targeted|fired|crashed|"
    r"slammed|exploded))|(?:bombed|bombing raids?|barrel bombs?)|"
    r"(?:guided |glide |aerial |air-dropped |gliding )(?:aerial )?bombs?|"
    r"\bstrikes?\b(?! (?:action|by (?:workers|teachers)))|"
    # the weapon as instrument: "struck a car with a drone", "hit the camp using drones"
    r"(?<=with )(?:an? |armed |attack |kamikaze |suicide )?drones?\b|"
    r"(?<=using )(?:an? |armed |attack |kamikaze |suicide )?drones?\b",
    SHELL: r"shell(?:ed|ing|s)\b|shell\b(?= (?:hit|struck|landed|slammed|fell|exploded|"
    r"crashed|tore|smashed))|(?<=by a )shell\b|artillery|mortars?(?: rounds?| shells?| fire)?|rockets?\b|"
    r"missiles?\b|katyushas?|howitzers?|barrages?|tank (?:shells?|fire)|grad rockets",
    IED: r"roadside bombs?|road-side bombs?|\bIEDs?\b|improvised explosive(?: devices?)?|"
    r"land ?mines?|anti-personnel mines?|\bmines?\b(?= (?:left|exploded|blast|went off))|"
    r"(?:stepp(?:ed|ing) on (?:an? )?(?:\w+ )?mine)|car bomb(?:s|ing|ings)?|\bVBIEDs?\b|"
    r"explosives?-laden (?:car|vehicle|truck)|bomb(?:s)? (?:exploded|went off|blast)|"
    r"(?:truck|car|vehicle|van|motorcycle|motorbike|bicycle|cart|bag|bus)\s+(?:packed|laden|"
    r"loaded|rigged|filled)\s+with\s+explosives|"
    r"unexploded ordnance|explosive devices?|sticky bombs?|bombings?\b|\bbomb\b|"
    r"(?:explosion|blast)s?\b(?= (?:ripped|tore|went off|hit|struck|targeted|killed|wounded|"
    r"injured|kills?|wounds?|injures?|at (?:a|an|the)|in (?:a|an|the)|near))|"
    r"roadside (?:blast|explosion)s?",
    SUICIDE: r"suicide (?:bomb(?:er|ers|ing|ings)?|attack(?:er|ers|s)?|vests?|car bomb(?:er)?|"
    r"blasts?|explosions?|bombing)|"
    r"blew (?:himself|herself|themselves) up|explosives?(?:-laden)? (?:belts?|vests?)|"
    r"detonated (?:himself|herself|themselves)",
    GRENADE: r"grenades?",
    CHEM: r"chemical (?:weapons?|attacks?|agents?|munitions?)|chlorine|sarin|mustard gas|"
    r"nerve agents?|toxic gas|poison(?:ous)? gas|irritant gas|chlorine-like gas|"
    r"(?<!tear )\bgas\b(?= (?:over|on|attack))|released? (?:an? )?(?:\w+ )?gas",
    CLASH: r"clash(?:es|ed|ing)?|firefights?(?!er)|fire-fights?(?!er)|gun ?battles?|gunfights?|"
    r"exchanges? of fire|exchanged fire|exchange(?:d)? of gunfire|fighting\b|\bfought\b|"
    r"\bbattles?\b|ambush(?:ed|es|ing)?|repell?(?:ed|led)|repulsed|offensive\b|"
    r"skirmish(?:es)?|counter-?offensive|encounters?\b|"
    r"shoot-?outs?|crossfire|(?:heavy|cross-border|unprovoked|intense) (?:firing|gunfire)|"
    r"gunbattles?|fire ?fights?(?!er)",
    REGAIN: r"regain(?:ed|s)? control|recaptur(?:ed|es|e)|retook|retaken|re-?took|"
    r"took back|retake[ns]?\b|recovered control|liberated",
    CAPTURE: r"(?:seized|captured|overran|overrun|took control of|taken control of|"
    r"took over|gained control of|fell to|seize[ds]? control of)",
    KILL: r"kill(?:ed|ing|s)?\b(?! it\b)|shot dead|shooting dead|gunned down|shot and killed|"
    r"gun(?:s|ning)? down|\bdie\b|\bdies\b|"
    r"executed|executions?|beheaded|hacked to death|murder(?:ed|s)?|slaughtered|"
    r"killings?|assassinat(?:ed|ion)|stabbed|opened fire|fired on|shot at|died\b|dead\b|"
    # a verb of violence and its result around the victim: "shot a man dead", "hacked four
    # villagers to death", "burnt three women alive"
    r"(?:shot|gunned|hacked|stabbed|beaten|clubbed|stoned|burn(?:ed|t)|set)\s+(?:[\w'’-]+\s+){0,5}?"
    r"(?:dead|to death|alive|on fire and killed)\b|"
    # military and translated press: "neutralised about fifteen terrorists", "eliminated
    # three bandits"; a body found with wounds
    r"(?:neutrali[sz]ed|eliminated|liquidated)(?= (?:[\w-]+ ){0,4}?(?:terrorists|militants|"
    r"fighters|insurgents|jihadists|bandits|rebels|assailants|attackers|gunmen|soldiers|"
    r"elements|criminals|kidnappers|men|people|persons)\b)|"
    r"found (?:dead|murdered|shot|beheaded|stabbed|strangled)\b(?= (?:[\w-]+ ){0,6}?"
    r"(?:wounds?|bullets?|gunshots?|machetes?|knife|stab|blows?|signs of torture|bound|"
    r"blindfolded)\b)",
    MASSACRE: r"massacres?|summary executions?|revenge (?:attacks?|killings?)|"
    r"retribution killings?|reprisal (?:attacks?|killings?)|acts of vengeance|"
    r"sectarian killings?|extrajudicial killings?|mass graves?|"
    r"(?:found|discovered|dumped|exhumed) (?:\w+ ){0,3}bodies|"
    r"bodies (?:[\w'’,-]+ ){0,10}?(?:were |had been |have been )?(?:found|discovered|dumped|"
    r"exhumed|recovered)",
    ATTACK: r"attack(?:ed|s|ing)?\b|assault(?:ed|s)?\b|raid(?:ed|s)?\b|storm(?:ed|ing)\b|"
    r"targeted|stormed",
    ABDUCT: r"abduct(?:ed|s|ing|ion|ions)?\b|kidnap(?:ped|ping|pings|s)?\b|taken hostage|"
    r"held hostage|forced disappearances?|hostages?\b|seized (?=(?:an?|the|two|three|\d+) "
    r"(?:\w+ )?(?:councillor|man|men|woman|women|child|children|official|journalist|"
    r"activist|trader|farmer|worker|teacher|doctor|people|passengers|students))|"
    r"picked up by",
    SEXUAL: r"rap(?:ed|e|es|ing)\b|sexual(?:ly)? (?:assault(?:ed|s)?|violence|abused?)|"
    r"gang-?rap(?:ed|e)",
    PROTEST: r"protest(?:ed|ers?|s|ing)?\b|demonstrat(?:ion|ions|ors|ed|ing)|rall(?:y|ies|ied)\b|"
    r"march(?:ed|es)?\b|sit-ins?|vigils?|boycott(?:ed)?|picket(?:ed|s)?|"
    r"took to the streets|gathered (?:to|in|outside)|went on strike|on strike|general strike|"
    r"staged (?:a|an) (?:\w+ )?strike|strike action|walkouts?\b",
    DISPERSE: r"dispers(?:e|ed|ing)|tear ?gas|water cannons?|batons?|broke up|break up|"
    r"(?:stun|flash|sound|smoke|shock) grenades?|flash-?bangs?|"
    r"push(?:ed)? back|rubber bullets|fired (?:into the air|warning shots)|cracked down",
    FIRE_ON: r"(?:opened fire|fired (?:live (?:rounds|ammunition|bullets) )?(?:on|at|into))|"
    r"live (?:rounds|ammunition|fire)|gunfire",
    RIOT: r"riot(?:ed|s|ing|ers)?\b(?! police)|hurled stones|pelted|threw stones|stone-throwing|"
    r"burn(?:ed|t) tyres|set (?:\w+ ){0,3}(?:on fire|ablaze)|set fire|torched|vandali[sz]ed|"
    r"stormed|ransacked",
    MOB: r"\bmob\b|lynch(?:ed|ing)?|beat (?:\w+ ){0,4}to death|stoned (?:\w+ ){0,3}to death|"
    r"vigilantes?|crowd (?:beat|attacked|stoned|lynched|set)|beat (?:two|three|a|an|the)|"
    # a crowd turning on people: "crowds rampaged through Kayseri, beating several Syrians"
    r"(?<=crowds )(?:rampaged|went on the rampage|ran amok|attacked|beat|chased)|"
    r"(?<=crowd )(?:rampaged|went on the rampage|ran amok|chased)|"
    r"rampag(?:ed|ing) through (?:[\w-]+,? ){0,5}?beating (?:several|two|three|four|\d+|a|an|the)\b",
    ARREST: r"arrest(?:ed|s|ing)?\b|detain(?:ed|ing|s)?\b|detention\b(?! centre)|"
    r"taken into custody|rounded up|apprehended",
    LOOT: r"loot(?:ed|ing|ers)?|plunder(?:ed|ing)?|ransack(?:ed|ing)|torched|"
    r"set fire to|set (?:\w+ ){0,4}(?:ablaze|on fire)|burn(?:ed|t|ing) (?:down )?(?:\w+ ){0,3}"
    r"(?:homes|houses|shops|villages|cars|vehicles|granaries|buildings)|demolish(?:ed|ing)|"
    r"property destruction|destroyed (?:\w+ ){0,3}(?:homes|houses|shops)|"
    # infrastructure destroyed by an armed side: "destroyed a telecom mast"
    r"(?:destroyed|blew up|sabotaged|demolished|wrecked) (?:an? |the |two |three |several |\d+ )?"
    r"(?:[\w-]+ ){0,2}?(?:masts?|towers?|pylons?|bridges?|pipelines?|schools?|clinics?|"
    r"churches|church|mosques?|markets?|granaries|granary|wells?|power lines?|substations?)\b",
    AGREE: r"truce|cease-?fire|peace (?:deal|agreement|accord|pact)|(?:signed|reached) (?:a |an |the )?"
    r"(?:[\w-]+ ){0,2}pact|"
    r"(?:signed|reached|struck|brokered) (?:an? |the )?(?:[\w-]+ )?(?:agreement|deal|accord)|"
    r"agreement\b|exchanged \d+ (?:detainees|prisoners)|"
    r"exchanged (?:\w+ )?(?:detainees|prisoners|bodies)|prisoner (?:swap|exchange)|"
    r"agreed (?:to|on) (?:an? |the )?(?:exchange|swap|release|truce|ceasefire|cease-fire|"
    r"withdrawal|handover)",
    CHANGE: r"merg(?:ed|ing|er)\b|split (?:from|with)|breaking (?:away )?with|broke (?:away )?with|"
    r"dissolv(?:ed|ing)|renamed|rebranded|new coalition|re-?united|reunified|defected|"
    r"defections?|join(?:ed)? forces|formed (?:a|an) (?:new )?(?:alliance|coalition|front)|"
    r"formed a new (?:group|coalition|alliance)|joined forces",
    DISRUPT: r"defus(?:ed|ing)|dismantl(?:ed|ing)|intercept(?:ed|ing)|shot down|"
    r"air defen[cs]es? (?:destroyed|downed|intercepted)|destroyed \d+ (?:drones|missiles)|"
    r"foiled|thwarted|bomb disposal|seized (?:a|an) (?:weapons|arms|explosives) cache|"
    r"(?:seized|confiscated|recovered|found|discovered) (?:[\w,-]+ ){0,4}(?:of )?"
    r"(?:explosives|ammonium nitrate|detonators|suicide vests?|IEDs?|bomb-making|rockets|"
    r"mortar rounds|weapons cache|arms cache)|"
    r"(?:found|discovered) (?:a |an )?(?:weapons|arms) (?:cache|depot)",
    HQ: r"(?:set up|sets up|established|establishes|establish|opened|built|erected) "
    r"(?:a |an |its |their |the )?(?:[\w-]+ ){0,3}?(?:command post|base|headquarters|military post|"
    r"outpost|garrison|command centre|command center)\b|"
    # "turned a former school into a new headquarters"
    r"(?:turned|converted|transformed) (?:[\w-]+ ){1,6}?into (?:a |an |its |their )?(?:[\w-]+ ){0,2}?"
    r"(?:command post|base|headquarters|military post|outpost|garrison)\b",
    TRANSFER: r"handed over|hand(?:ed)? over (?:control|their base|the base)|"
    r"withdrew from (?:[\w-]+ ){0,7}(?:under|as part of)|took over (?:their|the) positions|"
    r"handover|without a shot|transfer(?:red)? (?:of )?(?:control|base)|"
    r"handed (?:over )?(?:\w+ )?control (?:of (?:[\w-]+ ){1,3})?to|"
    # territory changing hands with no fight: "entered the town unopposed", "abandoned the town",
    # "handed the town to ...", "the base vacated by"
    r"unopposed|without (?:a )?(?:fight|resistance|firing a (?:shot|bullet))|"
    r"(?:abandoned|vacated|pulled out of) (?:the |their |its )?(?:[\w-]+ ){0,2}?"
    r"(?:base|military camp|army camp|positions?|garrison|outpost|barracks)\b|"
    r"(?:vacated|abandoned) by|"
    r"handed (?:the |their |its )?(?:[\w-]+ ){0,2}?(?:town|city|village|base|camp|positions?|"
    r"airport|garrison) (?:over )?to",
    OTHER: r"deploy(?:ed|ment|s)|reinforcements|curfew|"
    r"(?:imposed|declared) (?:a )?(?:\w+ )?state of emergency|"
    r"security operation|tasked with (?:securing|neutrali[sz]ing|restoring)|"
    r"military presence|sent (?:\w+ )?troops|imposed (?:a |an )?(?:\w+ )?(?:curfew|lockdown|blockade)",
    WOUND: r"wound(?:ed|ing|s)?\b|injur(?:ed|ing|ies|ed)|hurt\b",
}

PATTERNS: dict[str, re.Pattern[str]] = {
    code: re.compile(r"(?<![\w-])(?:" + pat + r")", _F) for code, pat in _PATTERNS.items()
}

# Codes that by themselves can open an incident.
STRONG = {
    AIR,
    SHELL,
    IED,
    SUICIDE,
    GRENADE,
    CHEM,
    CLASH,
    REGAIN,
    CAPTURE,
    MASSACRE,
    ABDUCT,
    SEXUAL,
    PROTEST,
    RIOT,
    MOB,
    ARREST,
    LOOT,
    AGREE,
    CHANGE,
    DISRUPT,
    HQ,
    TRANSFER,
    OTHER,
    KILL,
    ATTACK,
}

# Contexts that cancel a trigger (figurative, non-violent or supporting uses).
_CANCEL = {
    AIR: re.compile(
        r"(?:backed|supported|accompanied) by (?:\w+ )?(?:drones|aircraft)|"
        r"(?:missile|rocket|artillery|ballistic|mortar) strikes?|"
        r"hunger strike|general strike|strike action|went on strike|on strike|lightning strikes?|"
        r"(?:teachers|workers|doctors|nurses|drivers|transport|labou?r)['’]? strikes?|"
        # a labour strike held, called or joined, or told beside a protest
        r"(?:held|staged|called|declared|began|begun|started|joined|ended|suspended|organi[sz]ed|"
        r"call(?:s|ed)? for|threatened) (?:a |an |the |their )?(?:[\w-]+ )?(?:[\w-]+ )?strikes?|"
        r"strikes? and (?:a |an )?(?:\w+ )?(?:protests?|demonstrations?|rall(?:y|ies)|march(?:es)?|"
        r"sit-ins?)|(?:protests?|demonstrations?|rall(?:y|ies)|march(?:es)?|sit-ins?) and (?:a |an )?"
        r"(?:\w+ )?strikes?|strikes? by (?:\w+ ){0,2}(?:workers|teachers|nurses|doctors|drivers|"
        r"traders|miners|unions?|staff|employees)|"
        r"(?:drones|missiles) (?:and|or) (?:drones|missiles)|aircraft (?:carrier|maker)",
        _F,
    ),
    IED: re.compile(
        r"(?:gas|cylinder|boiler|fireworks?|factory|mine shaft|transformer|fuel tanker|tanker|"
        r"accidental|industrial|chemical plant|pipeline) (?:\w+ )?(?:explosion|blast)",
        _F,
    ),
    SHELL: re.compile(
        r"rocket-propelled|armed with (?:[\w-]+,? ){0,6}(?:and )?(?:rockets?|mortars?|missiles?)",
        _F,
    ),
    GRENADE: re.compile(
        r"rocket-propelled grenades?|armed with (?:[\w-]+,? ){0,6}(?:and )?(?:hand )?grenades|"
        r"(?:rifles|ammunition|weapons|guns),? (?:and )?(?:hand )?grenades|"
        r"(?:recovered|seized|found|confiscated) (?:\w+,? ){0,4}(?:hand )?grenades|"
        # crowd-control munitions are a way of dispersing a crowd, not an explosive attack
        r"(?:stun|flash|sound|smoke|tear[- ]?gas|teargas|shock) grenades?",
        _F,
    ),
    AGREE: re.compile(
        r"(?:despite|under|since|violat\w*|breach\w*|terms of|its|their|the existing|the) "
        r"(?:\w+ ){0,2}(?:truce|cease-?fire|agreement|deal)(?! (?:was|were|had been) "
        r"(?:signed|reached|agreed))|"
        # "days after the rebels broke off peace talks": no agreement was made
        r"(?:broke off|broken off|suspended|pulled out of|walked out of|withdrew from|collapse of|"
        r"abandoned|scrapped|tore up) (?:the |a |an |its |their )?(?:\w+ ){0,2}"
        r"(?:truce|cease-?fire|agreement|deal|accord|talks)",
        _F,
    ),
    OTHER: re.compile(
        r"(?:said|says|announced|added) (?:that )?(?:it|they|he|she) (?:was|were|would|will|is|are) "
        r"(?:be )?(?:sending|send|deploy\w*)(?: (?:\w+ ){0,2}(?:reinforcements|troops|forces))?",
        _F,
    ),
    CLASH: re.compile(
        r"fighting (?:spirit|chance|corruption|poverty|for (?:their|his|her))|"
        r"(?:would|will|to|keep|continue|continued|vowed to) (?:keep |continue )?(?:fighting|fight)",
        _F,
    ),
    RIOT: re.compile(r"riot[- ](?:control|police|gear|squad)", _F),
    DISPERSE: re.compile(
        r"dispers\w* (?:peacefully|quietly|calmly|without (?:any )?(?:incident|violence))", _F
    ),
    CAPTURE: re.compile(
        r"(?:seized|captured|took over|took control of) (?:\w+ ){0,2}"
        r"(?:vehicles|weapons|rifles|ammunition|drugs|goods|equipment|cash|phones|a cache|"
        r"pickups|power|the capital\b(?= in (?:19|20)\d\d))",
        _F,
    ),
    PROTEST: re.compile(
        r"protest(?:ed)? (?:his|her|their) innocence|in protest at the (?:referee)|"
        # an election campaign's rallies are no demonstration
        r"(?:campaign|election|electoral|wedding|prayer) rall(?:y|ies)|"
        # the month: "MOGADISHU, March 15 (Reuters) -", "in March", "since March 2024"
        r"(?-i:\bMarch\b(?=\s+\d)|(?<=\d)\s+March\b|"
        r"\b(?i:in|of|last|next|early|late|mid-?|since|until|till|by|from|to|through|"
        r"between|and|or|on)\s+March\b)",
        _F,
    ),
    ARREST: re.compile(
        r"(?:release|freedom|releasing|free|trial|families|relatives) (?:of |for )?(?:the |all |"
        r"their |his |her |\d+ |[\w-]+ ){0,3}(?:detained|arrested|jailed)|"
        r"(?:\bthe|\bof|\bfor|\d) (?:[\w-]+ )?(?:detained|arrested) (?!by\b)[a-z]+s\b|"
        r"detention (?:centre|center|facility|camp)|"
        # "the men were rounded up at the market and shot": an execution, not an arrest
        r"(?:rounded up|detained|seized|lined up) (?:[\w,]+ ){0,6}and (?:then )?(?:shot|executed|"
        r"killed|beheaded)",
        _F,
    ),
    ABDUCT: re.compile(
        r"(?:rescued|freed|released|recovered|reunited|returned) (?:\w+ ){0,3}(?:kidnapped|abducted)",
        _F,
    ),
}

# Territory objects for CAPTURE / REGAIN.
TERRITORY = re.compile(
    r"\b(?:town|village|villages|city|base|outpost|post|camp|positions?|area|district|"
    r"neighbou?rhood|hill|airport|airbase|crossing|checkpoint|barracks|territory|"
    r"region|province|county|settlement|locality|dam|bridge|port|oilfield|junction)\b|"
    r"(?:the town|control) of [A-Z]|\b(?:it|them)\b",
)
_CAPS_OBJECT = re.compile(r"^\s*(?:the )?(?:town |village |city )?(?:of )?[A-Z][\w'-]+")


_GENERIC = re.compile(
    r"\b(?:string|series|wave|spate|number|campaign|history|threat|risk|fear|fears) of "
    r"(?:[\w-]+ ){0,2}$|"
    r"\b(?:preparing|planning|plotting|planned|plotted|threatening|threatened|intending|"
    r"vowed|vowing|ready|warned of|warning of|fears? of|risk of|to prevent|to avert|"
    r"aimed at ending|to end|ending|to halt|halting|to stop|stopping|an end to|a halt to)"
    r"(?: to)? (?:an? |the |new |more |further )?(?:[\w-]+ )?$|"
    r"\b(?:will|would|could|might|shall|plans? to|planning to|aims? to|threatened to|"
    r"threatening to|vowed to|vows to|promised to|intends? to|set to|about to|not tolerate|"
    r"(?:years|decades|months) after|anniversary of|commemorat\w+|in memory of|remember)"
    r"(?: (?:not|the|an?|its|their|our|any|more|further|new))?(?: [\w-]+){0,2} $|"
    r"\b(?:offensive|campaign|plans?|bid|effort|attempts?|push|orders?|ready|preparations?) "
    r"to $|\b(?:fled|fleeing|flee|escaped|escaping|displaced by|caught in|uprooted by) "
    r"(?:the |recent |heavy |renewed )?$",
    _F,
)


@dataclass(frozen=True, slots=True)
class Trigger:
    code: str
    start: int
    end: int
    text: str


def find_triggers(text: str, start: int = 0, end: int | None = None) -> list[Trigger]:
    """Every trigger in ``text[start:end]`` (absolute offsets), sorted by position."""
    if end is None:
        end = len(text)
    seg = text[start:end]
    out: list[Trigger] = []
    for code, pat in PATTERNS.items():
        found = list(pat.finditer(seg))
        if not found:
            continue
        cancel = _CANCEL.get(code)
        cancelled: list[tuple[int, int]] = []
        if cancel is not None:
            cancelled = [(m.start(), m.end()) for m in cancel.finditer(seg)]
        for m in found:
            a, b = m.start(), m.end()
            if a == b:
                continue
            if _GENERIC.search(seg[max(0, a - 40) : a]):
                continue
            if any(ca <= a < ce for ca, ce in cancelled):
                continue
            if code in (CAPTURE, REGAIN):
                after = seg[b : b + 60]
                if not (TERRITORY.search(after[:40]) or _CAPS_OBJECT.match(after)):
                    continue
            out.append(Trigger(code, start + a, start + b, m.group(0)))
    from reckon.extract.removals import removals as _removals  # needs Trigger, defined here

    removals = _removals(text, start, end)
    if removals:  # "marched 20 students into the forest" is no march of protest
        out = [
            t for t in out
            if not (t.code == PROTEST and any(r.start <= t.start < r.end for r in removals))
        ]
        out.extend(removals)
    out.sort(key=lambda t: (t.start, t.end, t.code))
    return out


# classification lives in reckon.extract.classify; its names stay reachable from here
from reckon.extract.classify import ARMED, NONSTATE, STATEISH, WEAK, Decision, classify  # noqa: E402, F401, I001
