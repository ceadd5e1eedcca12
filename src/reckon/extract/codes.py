"""The trigger codes: the kinds of happening a trigger word signals (shared by the trigger finder,
:mod:`reckon.extract.events`, and the classifier, :mod:`reckon.extract.classify`)."""

from __future__ import annotations

import re

# -------------------------------------------------------------------------------
AIR = "air"
SHELL = "shell"
IED = "ied"
SUICIDE = "suicide"
GRENADE = "grenade"
CHEM = "chem"
CLASH = "clash"
REGAIN = "regain"
CAPTURE = "capture"
KILL = "kill"
MASSACRE = "massacre"
ATTACK = "attack"
ABDUCT = "abduct"
SEXUAL = "sexual"
PROTEST = "protest"
DISPERSE = "disperse"
FIRE_ON = "fire_on"
RIOT = "riot"
MOB = "mob"
ARREST = "arrest"
LOOT = "loot"
AGREE = "agree"
CHANGE = "change"
DISRUPT = "disrupt"
HQ = "hq"
TRANSFER = "transfer"
OTHER = "other"
WOUND = "wound"

_F = re.IGNORECASE
