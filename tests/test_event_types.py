"""ACLED event type and sub-type of one sentence, for each of the 25 sub-event types in several
wordings: who acts (a crowd, armed men, state forces), with what (a drone, shells, a grenade, a
mine), and in which frame (a fight, a raid, a protest, a deal). Sentences of our own, written from
the ACLED codebook's definitions; none is taken from a report."""

from __future__ import annotations

import pytest

from reckon.extract import extract
from reckon.ingest import report_from_text

CASES = [
    (
        "Battles",
        "Armed clash",
        "On 2 March 2024, soldiers and fighters of the Ansar group exchanged fire for two hours near Dabo village; three soldiers were killed.",
    ),
    (
        "Battles",
        "Armed clash",
        "Troops and rebels traded gunfire overnight outside the town of Kalemie, leaving four fighters dead.",
    ),
    (
        "Battles",
        "Armed clash",
        "Militants ambushed an army patrol on the road to Gao on Tuesday, killing five soldiers.",
    ),
    (
        "Battles",
        "Armed clash",
        "Police and members of a drug cartel engaged in a shootout in Culiacan on Monday; two gunmen died.",
    ),
    (
        "Battles",
        "Armed clash",
        "Gunmen attacked a police station in Zamfara on Friday and killed two officers before fleeing.",
    ),
    (
        "Battles",
        "Armed clash",
        "Two rival militias fought with machine guns and mortars in the south of Tripoli on Sunday, killing six fighters.",
    ),
    (
        "Battles",
        "Armed clash",
        "Border guards of the two countries exchanged fire with small arms and mortars near the disputed crossing on Thursday.",
    ),
    (
        "Battles",
        "Armed clash",
        "Insurgents stormed a military base in Niger on Wednesday; 12 soldiers and 20 attackers were killed in the fighting.",
    ),
    (
        "Battles",
        "Armed clash",
        "Heavy fighting erupted between the army and the rebel RSF in Omdurman on Saturday.",
    ),
    (
        "Battles",
        "Armed clash",
        "Security forces killed three militants in a gunfight in Pulwama on Monday.",
    ),
    (
        "Battles",
        "Government regains territory",
        "The army recaptured the town of Bunagana from the rebels on Monday after two days of fighting.",
    ),
    (
        "Battles",
        "Government regains territory",
        "Government troops retook control of Kidal on Tuesday, the army said.",
    ),
    (
        "Battles",
        "Government regains territory",
        "Soldiers regained control of three villages in the Konna area that had been held by jihadists.",
    ),
    (
        "Battles",
        "Government regains territory",
        "Ukrainian forces liberated the village of Robotyne on Saturday, the defence ministry said.",
    ),
    (
        "Battles",
        "Non-state actor overtakes territory",
        "Rebels of the M23 seized the town of Rubaya on Tuesday after government troops fled.",
    ),
    (
        "Battles",
        "Non-state actor overtakes territory",
        "Jihadists took control of the town of Djibo after heavy fighting on Friday.",
    ),
    (
        "Battles",
        "Non-state actor overtakes territory",
        "The Arakan Army captured a military base in Paletwa on Sunday.",
    ),
    (
        "Battles",
        "Non-state actor overtakes territory",
        "Taliban fighters overran the district headquarters in Badakhshan on Thursday.",
    ),
    (
        "Explosions/Remote violence",
        "Air/drone strike",
        "An airstrike hit a market in Daraa on Monday, killing 11 civilians.",
    ),
    (
        "Explosions/Remote violence",
        "Air/drone strike",
        "A drone launched by the army struck a wedding party in Sagaing on Friday, killing 8 people.",
    ),
    (
        "Explosions/Remote violence",
        "Air/drone strike",
        "Warplanes bombed the town of Kafr Nabl on Saturday, wounding five civilians.",
    ),
    (
        "Explosions/Remote violence",
        "Air/drone strike",
        "A Turkish drone hit a car near Qamishli on Wednesday, killing two members of the SDF.",
    ),
    (
        "Explosions/Remote violence",
        "Air/drone strike",
        "Military helicopters fired on a village near Kachin on Tuesday, killing three people.",
    ),
    (
        "Explosions/Remote violence",
        "Air/drone strike",
        "Kamikaze drones attacked an oil depot in Belgorod overnight, the governor said.",
    ),
    (
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
        "Artillery shells landed on a residential district of Kharkiv on Monday, killing four civilians.",
    ),
    (
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
        "Rebels fired mortar rounds at the airport in Goma on Sunday, wounding two people.",
    ),
    (
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
        "A missile struck an apartment block in Dnipro on Friday, killing 9 people.",
    ),
    (
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
        "The army shelled the village of Tal Rifaat on Wednesday, wounding six civilians.",
    ),
    (
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
        "Rockets fired from Gaza hit the town of Sderot on Tuesday, injuring three people.",
    ),
    (
        "Explosions/Remote violence",
        "Remote explosive/landmine/IED",
        "A roadside bomb struck an army vehicle near Kismayo on Monday, killing three soldiers.",
    ),
    (
        "Explosions/Remote violence",
        "Remote explosive/landmine/IED",
        "Two children were killed when a landmine exploded in a field near Kandahar on Friday.",
    ),
    (
        "Explosions/Remote violence",
        "Remote explosive/landmine/IED",
        "A bomb planted under a car exploded in Mogadishu on Thursday, killing the driver.",
    ),
    (
        "Explosions/Remote violence",
        "Remote explosive/landmine/IED",
        "Suspected ELN rebels blew up a section of the oil pipeline in Arauca on Sunday.",
    ),
    (
        "Explosions/Remote violence",
        "Remote explosive/landmine/IED",
        "A truck hit an improvised explosive device on the road to Dori on Wednesday, killing four passengers.",
    ),
    (
        "Explosions/Remote violence",
        "Suicide bomb",
        "A suicide bomber blew himself up at a mosque in Peshawar on Friday, killing 30 worshippers.",
    ),
    (
        "Explosions/Remote violence",
        "Suicide bomb",
        "A woman wearing an explosive vest detonated it at a market in Maiduguri on Tuesday, killing six people.",
    ),
    (
        "Explosions/Remote violence",
        "Suicide bomb",
        "A suicide car bomb exploded at an army checkpoint near Balad on Sunday, killing four soldiers.",
    ),
    (
        "Explosions/Remote violence",
        "Grenade",
        "Unknown attackers threw a grenade into a bar in Bujumbura on Saturday, wounding 12 people.",
    ),
    (
        "Explosions/Remote violence",
        "Grenade",
        "A hand grenade was hurled at a police post in Srinagar on Monday, injuring two officers.",
    ),
    (
        "Explosions/Remote violence",
        "Grenade",
        "Militants lobbed a grenade at a bus stand in Tral on Thursday, wounding eight civilians.",
    ),
    (
        "Explosions/Remote violence",
        "Chemical weapon",
        "Government forces dropped chlorine gas on the town of Douma on Saturday, residents said.",
    ),
    (
        "Explosions/Remote violence",
        "Chemical weapon",
        "Residents of the village suffered breathing problems after a toxic gas attack on Tuesday.",
    ),
    (
        "Violence against civilians",
        "Attack",
        "Gunmen shot dead a village chief in Kaduna on Sunday.",
    ),
    (
        "Violence against civilians",
        "Attack",
        "Unidentified armed men killed seven farmers in their fields near Bokkos on Monday.",
    ),
    (
        "Violence against civilians",
        "Attack",
        "A man was stabbed to death by two attackers in Port-au-Prince on Friday.",
    ),
    (
        "Violence against civilians",
        "Attack",
        "Militiamen hacked eight villagers to death with machetes in Ituri on Wednesday.",
    ),
    (
        "Violence against civilians",
        "Attack",
        "Soldiers opened fire on a minibus at a checkpoint on Tuesday, killing three passengers.",
    ),
    (
        "Violence against civilians",
        "Attack",
        "The bodies of four men with gunshot wounds were found in a ditch outside Celaya on Monday.",
    ),
    (
        "Violence against civilians",
        "Attack",
        "Two men on a motorcycle beat a journalist with iron bars outside his home in Dhaka on Friday.",
    ),
    (
        "Violence against civilians",
        "Attack",
        "Armed men stormed a church in Tillaberi on Sunday and killed 12 worshippers.",
    ),
    (
        "Violence against civilians",
        "Attack",
        "Police officers shot and killed a street vendor in Nairobi on Thursday, witnesses said.",
    ),
    (
        "Violence against civilians",
        "Attack",
        "Al-Shabaab fighters beheaded two teachers in Mandera on Monday.",
    ),
    (
        "Violence against civilians",
        "Abduction/forced disappearance",
        "Gunmen abducted 20 students from a school in Kaduna on Thursday.",
    ),
    (
        "Violence against civilians",
        "Abduction/forced disappearance",
        "Armed men kidnapped a Catholic priest in Enugu on Saturday.",
    ),
    (
        "Violence against civilians",
        "Abduction/forced disappearance",
        "A human rights lawyer was taken away by plain-clothes men in Harare on Monday and has not been seen since.",
    ),
    (
        "Violence against civilians",
        "Abduction/forced disappearance",
        "Bandits seized 15 passengers from a bus on the Abuja-Kaduna road on Friday.",
    ),
    (
        "Violence against civilians",
        "Abduction/forced disappearance",
        "Security agents detained an activist in Caracas on Tuesday and his whereabouts remain unknown.",
    ),
    (
        "Violence against civilians",
        "Sexual violence",
        "Soldiers raped three women in a village near Bentiu on Friday, a rights group said.",
    ),
    (
        "Violence against civilians",
        "Sexual violence",
        "Armed men sexually assaulted two girls who were collecting firewood near Tawila on Monday.",
    ),
    (
        "Violence against civilians",
        "Sexual violence",
        "A woman was gang-raped by militiamen in Goma on Saturday.",
    ),
    (
        "Protests",
        "Peaceful protest",
        "Hundreds of teachers marched in Blantyre on Monday to demand higher pay.",
    ),
    (
        "Protests",
        "Peaceful protest",
        "Residents staged a sit-in outside the governor's office in Basra on Sunday over power cuts.",
    ),
    (
        "Protests",
        "Peaceful protest",
        "Thousands of people demonstrated in Belgrade on Saturday against corruption.",
    ),
    (
        "Protests",
        "Peaceful protest",
        "Students rallied peacefully at the university in Dhaka on Tuesday.",
    ),
    (
        "Protests",
        "Protest with intervention",
        "Police fired tear gas to disperse students protesting in Nairobi on Tuesday.",
    ),
    (
        "Protests",
        "Protest with intervention",
        "Riot police arrested 30 demonstrators at a rally in Istanbul on Saturday.",
    ),
    (
        "Protests",
        "Protest with intervention",
        "Security forces used water cannon against hundreds of protesters in Tbilisi on Monday.",
    ),
    (
        "Protests",
        "Protest with intervention",
        "Police broke up a march by opposition supporters in Kampala on Thursday.",
    ),
    (
        "Protests",
        "Excessive force against protesters",
        "Police opened fire on protesters in Khartoum on Thursday, killing five.",
    ),
    (
        "Protests",
        "Excessive force against protesters",
        "Security forces shot dead two demonstrators in Kinshasa on Saturday.",
    ),
    (
        "Protests",
        "Excessive force against protesters",
        "Police fired tear gas at teachers marching in Blantyre, and one teacher died after inhaling the gas.",
    ),
    (
        "Protests",
        "Excessive force against protesters",
        "A protester was killed when soldiers fired live rounds at a demonstration in Mandalay on Sunday.",
    ),
    (
        "Riots",
        "Violent demonstration",
        "Protesters threw stones at police and burned tyres in Dakar on Friday.",
    ),
    (
        "Riots",
        "Violent demonstration",
        "Demonstrators set fire to the town hall in Nanterre on Thursday night.",
    ),
    (
        "Riots",
        "Violent demonstration",
        "Rioters looted shops and torched cars in Durban on Monday.",
    ),
    (
        "Riots",
        "Violent demonstration",
        "Angry youths blocked roads and stoned vehicles in Port Harcourt on Tuesday after a trader was shot by police.",
    ),
    (
        "Riots",
        "Violent demonstration",
        "Supporters of the opposition candidate clashed with police in Maputo on Wednesday, hurling rocks.",
    ),
    ("Riots", "Mob violence", "A mob lynched a suspected thief in Kaduna on Tuesday."),
    (
        "Riots",
        "Mob violence",
        "Villagers beat a man accused of witchcraft to death in Kakamega on Sunday.",
    ),
    (
        "Riots",
        "Mob violence",
        "Angry residents burned two suspected kidnappers alive in Port-au-Prince on Monday.",
    ),
    (
        "Riots",
        "Mob violence",
        "A crowd attacked a Christian family's home in Sargodha on Saturday, accusing them of blasphemy.",
    ),
    (
        "Riots",
        "Mob violence",
        "Vigilantes beat three suspected cattle thieves in Nakuru on Friday.",
    ),
    (
        "Strategic developments",
        "Agreement",
        "The government and the ELN signed a ceasefire agreement in Havana on Friday.",
    ),
    (
        "Strategic developments",
        "Agreement",
        "Rival clans in Galkayo agreed to a truce on Monday after elders mediated.",
    ),
    (
        "Strategic developments",
        "Agreement",
        "The army and the rebels exchanged 50 prisoners in Aden on Sunday.",
    ),
    (
        "Strategic developments",
        "Agreement",
        "Leaders of the two communities signed a peace accord in Bauchi on Thursday after years of deadly clashes.",
    ),
    (
        "Strategic developments",
        "Arrests",
        "Police arrested 12 opposition activists in Harare on Tuesday.",
    ),
    (
        "Strategic developments",
        "Arrests",
        "Security forces detained a journalist at his home in Bamako on Friday.",
    ),
    (
        "Strategic developments",
        "Arrests",
        "Soldiers rounded up 40 young men in a raid on Kidal on Sunday.",
    ),
    (
        "Strategic developments",
        "Change to group/activity",
        "Two armed factions in Sweida merged to form a new alliance on Monday.",
    ),
    (
        "Strategic developments",
        "Change to group/activity",
        "Authorities imposed a curfew on Jos on Tuesday after tensions rose.",
    ),
    (
        "Strategic developments",
        "Other",  # troops sent: Other, as in tests/fixtures/reader/subtype_sentences.tsv
        "The army deployed 2,000 extra troops to Tillaberi on Thursday.",
    ),
    (
        "Strategic developments",
        "Disrupted weapons use",
        "Police defused a bomb planted near a mosque in Quetta on Friday.",
    ),
    (
        "Strategic developments",
        "Disrupted weapons use",
        "Troops seized 20 rifles, three mortar tubes and ammunition from a rebel hideout in Cabo Delgado on Tuesday.",
    ),
    (
        "Strategic developments",
        "Disrupted weapons use",
        "Air defences intercepted a drone over Kyiv on Sunday, officials said.",
    ),
    (
        "Strategic developments",
        "Disrupted weapons use",
        "Security forces found a weapons cache containing grenades and rockets in Sirte on Monday.",
    ),
    (
        "Strategic developments",
        "Headquarters or base established",
        "The militia set up a new base in the village of Tawila on Monday.",
    ),
    (
        "Strategic developments",
        "Headquarters or base established",
        "Wagner fighters established a camp at the airport in Kidal on Sunday.",
    ),
    (
        "Strategic developments",
        "Looting/property destruction",
        "Armed men looted shops and torched houses in Ouallam on Friday.",
    ),
    (
        "Strategic developments",
        "Looting/property destruction",
        "Bandits burned down a granary and stole cattle in Kebbi on Thursday.",
    ),
    (
        "Strategic developments",
        "Looting/property destruction",
        "Soldiers ransacked the offices of an opposition newspaper in Conakry on Wednesday.",
    ),
    (
        "Strategic developments",
        "Non-violent transfer of territory",
        "The rebels withdrew from the town of Mongo, handing it over to government troops without a fight.",
    ),
    (
        "Strategic developments",
        "Non-violent transfer of territory",
        "Taliban fighters entered the city of Bamiyan unopposed on Sunday after government forces left.",
    ),
    # a crowd turning on people or on the police; captives; partners in one operation; a
    # deal or a decree with the fighting behind it
    (
        "Riots",
        "Mob violence",
        "Angry villagers attacked Christian families in Kosheh on Friday and set fire to four of their houses after a rumour about a church.",
    ),
    (
        "Riots",
        "Mob violence",
        "Residents of the town set fire to the homes of two migrant workers on Sunday, accusing them of theft.",
    ),
    (
        "Riots",
        "Violent demonstration",
        "Youths torched cars and fired fireworks at riot police in Marseille overnight into Saturday.",
    ),
    (
        "Riots",
        "Violent demonstration",
        "Young men threw stones at soldiers near Nablus on Friday, and the army answered with tear gas.",
    ),
    (
        "Riots",
        "Violent demonstration",
        "Two people were shot dead during running battles with police in Soweto on Monday.",
    ),
    (
        "Riots",
        "Violent demonstration",
        "After the march ended, a group started throwing molotovs at riot police in Athens on Saturday.",
    ),
    (
        "Violence against civilians",
        "Abduction/forced disappearance",
        "Masked men seized him from a street in Basra on Sunday evening, his brother said.",
    ),
    (
        "Violence against civilians",
        "Abduction/forced disappearance",
        "Intelligence officers took 14 men from villages in Panjshir on Tuesday; their families have not been told where they are held.",
    ),
    (
        "Violence against civilians",
        "Attack",
        "A teenager was shot dead in his home in Recife on Monday during an operation by federal police and civil police officers.",
    ),
    (
        "Battles",
        "Non-state actor overtakes territory",
        "Jihadist fighters have taken control of a provincial capital in northern Mali after overrunning its army garrison.",
    ),
    (
        "Strategic developments",
        "Change to group/activity",
        "The president declared a 'state of internal commotion' in the Catatumbo region on Monday and ordered thousands of troops there.",
    ),
    (
        "Strategic developments",
        "Agreement",
        "The two countries signed a border treaty on Thursday, ending a dispute that had repeatedly erupted into deadly fighting.",
    ),
]


@pytest.mark.parametrize(("event_type", "sub_event_type", "sentence"), CASES)
def test_type_and_sub_type(event_type: str, sub_event_type: str, sentence: str) -> None:
    ex = extract(report_from_text(sentence, published="2024-03-09"))
    assert ex.incidents, sentence
    first = ex.incidents[0]
    assert (first.event_type, first.sub_event_type) == (event_type, sub_event_type)
