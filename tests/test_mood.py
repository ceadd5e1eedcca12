"""Mood and frame: reports and clauses whose violent words tell no happening come out empty.

Every sentence here is written for these tests, ten or more per class (sport, markets, a
legislature's debate, trials of old cases, commemorations, fiction, drills, modality and
negation, habits and kinds of act, statistics, figures of speech); the realis controls must keep
their incident.
"""

from __future__ import annotations

import pytest

from reckon.extract import extract
from reckon.extract.events import find_triggers
from reckon.extract.frames import report_frame
from reckon.extract.mood import mood_of, quoted_spans
from reckon.extract.nlp import split_sentences
from reckon.ingest import report_from_text

pytestmark = pytest.mark.slow

NONEVENT = {
    "sport": [
        "Hosts Ghana thrashed Nigeria 4-1 in Accra on Saturday, with their striker scoring a hat-trick as the visitors' defence was torn apart in the second half.",
        "The All Blacks crushed Wales in Cardiff on Saturday, their forwards bulldozing through the defence as the home side was slaughtered 45-3 in front of a stunned crowd.",
        "Mumbai's bowlers attacked from the first over and the batsmen were shot out for 98 in the league match on Sunday, the coach admitting his side had been ambushed.",
        "The champions were massacred 5-0 at home in the derby on Sunday, and the coach said his players had been executed on the counter-attack.",
        "Kenya's runners launched a blistering assault on the world record in Berlin on Sunday, killing off the race in the final lap.",
        "The boxer was knocked down twice in the third round before the referee stopped the fight on Saturday night in Las Vegas.",
        "Her rivals were blown away in the final on Sunday as the sprinter stormed to a third straight world title in the championship.",
        "City laid siege to the United goal for an hour on Sunday, and their striker fired home a volley in the 89th minute to seal the derby.",
        "Pakistan's pace attack destroyed the Australian top order on Friday, the bowlers claiming five wickets in a devastating spell of the test match.",
        "The goalkeeper was the hero of the match on Wednesday, repelling wave after wave of attacks as the league leaders bombarded his goal with shots.",
    ],
    "finance": [
        "Markets bled on Monday as investors dumped stocks, with the index crashing 6 per cent in a brutal sell-off that traders called a massacre.",
        "The currency was hammered on Tuesday as the central bank fired its last bullets, raising interest rates to defend the exchange rate, economists said.",
        "Oil prices were slaughtered this week, and fund managers said the price war between producers would leave many victims among shale firms in the market.",
        "Stocks came under fire on Thursday after the company's profit warning, with traders saying shares were shot down across the sector.",
        "Banks launched a fresh assault on the mortgage market on Wednesday, slashing rates in a price war that analysts said would kill smaller lenders.",
        "Investors fled emerging markets on Friday, and the bond sell-off turned into a bloodbath as yields exploded, fund managers said.",
        "The budget was torpedoed by inflation figures on Tuesday, economists said, as the central bank warned of a further rate hike next month.",
        "Exporters said a flood of cheap imports had killed their profits, and growers accused traders of holding the market hostage with low prices this season.",
        "The tech giant waged war on its rivals on Monday, cutting prices in a bid to crush competition in the smartphone market, analysts said.",
        "A tariff war erupted on Thursday after the government slapped duties on steel imports, and markets took a beating as investors braced for retaliation.",
    ],
    "legislature": [
        "Opposition lawmakers attacked the finance bill in parliament on Tuesday, accusing the minister of declaring war on the poor.",
        "Senators clashed over the security bill on Wednesday, and the debate in the chamber turned into a battle over civil liberties.",
        "MPs shot down the government's amendment on Thursday, killing the bill at its second reading after a stormy debate in parliament.",
        "The speaker came under fire from opposition MPs on Monday after he suspended the debate on the constitutional amendment in the national assembly.",
        "Lawmakers traded blows verbally in the senate on Tuesday as the committee debated a bill to give the army powers to detain suspects without charge.",
        "Parliament erupted on Wednesday when a backbencher accused ministers of hijacking the debate and holding the house hostage over the budget bill.",
        "The bill would let police arrest protesters who block roads and would ban demonstrations near parliament, lawmakers said in the debate on Tuesday.",
        "The opposition launched an all-out offensive against the government's budget in parliament on Thursday, vowing to kill the bill in committee.",
        "Ministers fired back at critics in the national assembly on Monday, saying the new law would not be used to arrest journalists or silence dissent.",
        "Lawmakers on Tuesday debated a bill that would allow troops to shoot looters on sight, with opposition MPs warning it would lead to killings.",
    ],
    "court": [
        "A court in Lagos on Tuesday sentenced four men to death for the 2016 killing of a pastor who was shot dead outside his church.",
        "The high court jailed a former soldier for 20 years on Monday for his role in the 2014 massacre of villagers, the judge saying the attack was planned.",
        "A judge on Wednesday acquitted three police officers accused of beating a student to death during protests in 2019, prompting anger from his family.",
        "The trial of five men accused of bombing a bus station in 2018 opened on Thursday, with prosecutors saying the attack killed 12 people.",
        "Jurors convicted a man on Friday of murdering two women in 2017, and the judge will sentence him next month, the court heard.",
        "The appeals court upheld on Monday the life sentences of the gunmen convicted over the 2015 attack on a hotel that killed 20 guests.",
        "A tribunal on Tuesday found a former militia commander guilty of war crimes, including the 2003 massacre of 200 civilians in a village.",
        "Prosecutors asked the court on Wednesday to jail a former minister over the killing of protesters in 2011, the hearing heard.",
        "The verdict in the trial of the officers charged with the 2020 shooting of a teenager will be delivered next week, the judge said on Friday.",
        "A military court on Thursday sentenced two soldiers to ten years in prison for the rape of a woman in 2021, the army said.",
    ],
    "commemoration": [
        "Hundreds gathered on Sunday to mark the tenth anniversary of the school massacre in Peshawar, laying wreaths at the memorial to the 140 victims.",
        "Survivors and relatives held a minute's silence on Friday at the memorial for the 2005 bombings that killed 52 people in the city.",
        "The president laid a wreath on Tuesday at the monument to the victims of the 1994 genocide, on the 30th anniversary of the killings.",
        "Families commemorated on Saturday the 15 miners shot dead by police in 2012, on the anniversary of the shooting at the mine.",
        "A memorial service was held on Wednesday for the 49 worshippers killed in the mosque attacks five years ago, the city council said.",
        "Church bells rang on Monday in memory of the 300 people killed when gunmen stormed the town in 2015, on the anniversary of the attack.",
        "Residents lit candles on Thursday to remember the victims of the 2008 siege, on the anniversary of the attacks in which 166 people died.",
        "On the 20th anniversary of the hostage crisis, relatives gathered at the school on Sunday where 334 people were killed in 2004.",
        "The city unveiled a memorial on Friday to the 86 people killed in the truck attack on the promenade in 2016, on its anniversary.",
        "Veterans marked on Saturday the anniversary of the battle for the town in 1944, laying wreaths at the war memorial.",
    ],
    "fiction": [
        "The film, which premiered on Friday, follows a sniper who kills a dozen soldiers in a besieged city before he is captured.",
        "In the new series, a gang of bank robbers takes hostages and shoots two guards, and the director said the episode took six weeks to film.",
        "The video game lets players storm enemy bases and launch airstrikes on villages, and gamers have bought five million copies since its release on Tuesday.",
        "The novel tells of a massacre in a mountain village, and its author said on Monday the killings were inspired by her grandmother's stories.",
        "In the thriller, terrorists bomb a stadium and the hero hunts them down, the film's director told reporters at the premiere on Thursday.",
        "The movie's climax shows rebels ambushing a convoy and killing its guards, and critics at the festival on Saturday praised its battle scenes.",
        "The play, which opened on Wednesday, stages the assassination of a president and the riots that follow, the theatre said.",
        "Streaming on Netflix from Friday, the documentary series reconstructs the kidnapping of 20 tourists by pirates.",
        "In the sequel, the protagonist leads an assault on a fortress and kills the warlord, the studio said in the trailer released on Monday.",
        "The box office hit depicts soldiers shelling a town and executing prisoners, and the actress said on Tuesday the role was her hardest.",
    ],
    "exercise": [
        "Troops staged a mock assault on a hijacked ship off the coast on Tuesday as part of joint naval exercises with the navy of a neighbouring country.",
        "Soldiers fired artillery and tanks stormed a simulated enemy position during live-fire drills near the border on Wednesday, the defence ministry said.",
        "Special forces rescued hostages from a mock hijacked plane at the airport on Thursday in a counter-terrorism exercise, police said.",
        "The air force dropped bombs on a training range on Monday in a large-scale exercise simulating an attack on the capital.",
        "Police and firefighters simulated a bomb blast at the central station on Sunday in an emergency drill, the city said.",
        "Thousands of troops took part in war games on Friday that rehearsed repelling an invasion, with warplanes striking mock targets.",
        "Marines stormed a beach on Saturday in amphibious manoeuvres with allied forces, the navy said.",
        "The army conducted a military exercise on Tuesday in which paratroopers seized an airfield from a simulated enemy.",
        "Police staged a drill on Wednesday in which officers confronted a mock gunman at a school and evacuated pupils.",
        "The navy test-fired missiles during annual exercises on Thursday, hitting target ships in a simulated battle.",
    ],
    "modal": [
        "The militants threatened on Monday to attack schools that teach girls in the province.",
        "The army said on Tuesday it plans to launch an offensive against the rebels in the coming weeks.",
        "Police warned on Wednesday that gangs could attack voters during the election next month.",
        "If the talks fail, the rebels said on Thursday, they will resume attacks on army positions.",
        "The group denied on Friday that its fighters had abducted the aid workers.",
        "Residents fear the militia will burn their village if they do not pay, a local leader said on Saturday.",
        "The government said on Monday it would deploy troops to prevent clashes between herders and farmers.",
        "Officials said on Tuesday a bomb threat at the airport was a hoax and no explosives were found.",
        "No one was injured in the incident on Wednesday, and there were no arrests, police said.",
        "The minister vowed on Thursday to crush the insurgents and urged residents to report suspicious movements.",
        "Opposition leaders called on supporters to march on the capital on Friday if the results are not annulled.",
        "Intelligence officials said on Sunday that militants were planning to bomb churches during the holidays.",
    ],
    "generic": [
        "The group frequently targets troops with roadside bombs and suicide attacks in the north of the country, analysts say.",
        "Bandits often kidnap travellers on the highway and demand ransoms from their families.",
        "The militia is known for burning villages and abducting women, a report by a rights group said.",
        "Pirates regularly hijack fishing boats in the gulf and hold their crews for ransom.",
        "Herders and farmers routinely clash over grazing land in the region during the dry season.",
        "The cartel is responsible for kidnappings, extortion and killings across the state, officials say.",
        "Jihadists typically attack army outposts at dawn and withdraw across the border, military sources say.",
        "The gang has long extorted shopkeepers and shot those who refuse to pay, residents say.",
        "Such militias commonly loot livestock and torch homes during their raids, the researcher said.",
        "The rebels usually ambush convoys on the mountain road, according to security experts.",
    ],
    "statistics": [
        "Attacks on aid workers rose 20 per cent year-on-year, with 280 killed in 2023, according to an annual report published on Tuesday.",
        "So far this year, 1,200 civilians have been killed in the conflict, the monitoring group said in its monthly report.",
        "Over the past five years, kidnappings for ransom have tripled in the region, the study found.",
        "The annual report recorded 4,500 clashes in the country last year, compared with 3,900 the previous year.",
        "On average, 15 journalists are killed each year in the country, the press freedom group said in a report.",
        "In the first half of the year, 300 people were abducted in the state, police figures show.",
        "The number of airstrikes fell by a third compared with the previous year, the monitor said in its annual review.",
        "Since the start of the year, militants have carried out 240 attacks in the province, the think-tank said.",
        "Protests rose 40 per cent over the past decade, with most taking place in cities, the survey found.",
        "A total of 87 massacres were recorded last year, the highest number since records began, the report said.",
    ],
    "metaphor": [
        "The proposal drew a barrage of criticism from rights groups on Tuesday.",
        "The governor's plan came under fire from farmers' unions on Wednesday.",
        "The senate killed the reform bill on Thursday.",
        "The minister launched a scathing attack on the press on Monday, calling reporters liars.",
        "Critics say the new tax is an assault on the poor.",
        "The company fought a bitter legal battle with regulators over the takeover this year.",
        "The party's campaign was torpedoed by a corruption scandal on Friday.",
        "Activists said the ruling was a bullet to the heart of democracy.",
        "The coach said the team had been hijacked by a small group of players.",
        "The president declared war on corruption in a speech on Sunday.",
    ],
}
REALIS = [
    "Gunmen attacked a village in Zamfara state on Monday, killing 12 people, police said.",
    "Soldiers clashed with militants near the border on Tuesday, and three soldiers were killed.",
    "Police fired tear gas at protesters outside parliament on Wednesday as MPs debated the finance bill.",
    "Fans fought with police outside the stadium after the derby on Sunday, and 20 people were injured.",
    "An airstrike hit a market in the town on Thursday, killing eight civilians, residents said.",
    "Militants who had threatened to attack the town stormed it on Friday, killing four guards.",
    "A roadside bomb exploded under a police vehicle on Saturday, wounding five officers.",
    "Gunmen abducted 20 students from a school in Kaduna on Sunday, a school official said.",
    "On 4 June 2025, militants ambushed an army patrol near Gao, killing six soldiers.",
    "Rebels seized the town of Kiwanja on Monday after heavy fighting with the army.",
    "A suicide bomber blew himself up at a checkpoint on Tuesday, killing three police officers.",
    "Police arrested 15 protesters during a march against the bill in the capital on Wednesday.",
    "Armed men shot dead a farmer in his field on Thursday, the village chief said.",
    "Rival gangs clashed in the slum on Friday, leaving four people dead, police said.",
]


# whole reports of our own, each in a frame or genre that tells no event
REPORTS = {
    "obituary": (
        "General who led 1991 offensive dies at 84",
        "Retired general Samuel Okoro, who commanded the army's 1991 offensive against rebels in the east, died on Sunday at his home in the capital after a long illness, his family said. He was 84. Okoro led troops in some of the fiercest battles of the civil war and was later accused by rights groups of ordering the shelling of rebel-held towns, charges he always denied. He served as defence minister in the 2000s and retired from public life in 2012.",
    ),
    "advisory": (
        "Britain warns against travel to northern region",
        "Britain on Tuesday advised its citizens against all travel to the country's northern region, citing a high threat of terrorism and kidnapping. The Foreign Office said attacks could be indiscriminate and could target places visited by foreigners, including hotels, markets and places of worship. It said there was also a risk of clashes between armed groups along the border.",
    ),
    "debunk": (
        "Video of 'massacre' is old, fact-checkers say",
        "A video shared widely on social media on Monday claiming to show soldiers killing villagers in the north is more than ten years old and was filmed in another country, fact-checkers said. The clip, viewed more than two million times, was first posted in 2012. Police urged people not to share unverified footage and said no such incident had been reported.",
    ),
    "exhibition": (
        "Museum opens exhibition on the civil war",
        "A new exhibition on the civil war opened at the national museum on Saturday, featuring weapons, uniforms and letters from soldiers who fought in the battles of 1967 to 1970. Visitors can walk through a reconstructed trench and listen to survivors describe the bombing of their towns. The curator said the aim was to help young people understand the cost of the war.",
    ),
    "peace_talks": (
        "Talks on ending conflict resume in Doha",
        "Negotiators from the government and the rebel alliance resumed talks in Doha on Monday aimed at ending years of fighting in the east. Mediators said the two sides would discuss a ceasefire, the withdrawal of forces and the return of displaced people. Previous rounds collapsed after both sides accused each other of violating a truce.",
    ),
    "election_results": (
        "Ruling party wins landslide",
        "The ruling party won a landslide victory in Sunday's parliamentary election, taking 160 of the 200 seats, the electoral commission announced on Tuesday. Opposition parties said the vote was marred by irregularities and vowed to challenge the results in court. International observers said the vote was largely peaceful.",
    ),
    "book": (
        "A memoir of a child soldier",
        "In his memoir, published this week, a former child soldier describes being abducted from his village at the age of ten and forced to fight for a rebel group. He recounts raids on villages, ambushes on army convoys and the killing of prisoners. The book ends with his escape and his years in a rehabilitation centre.",
    ),
    "recall": (
        "Police chief recalls day of the siege",
        "Twenty years after the siege of the school, the police commander who led the rescue recalled on Thursday how his men stormed the building after hostage-takers began shooting children. 'We had no choice,' he told a documentary crew. More than 300 people died in the siege, more than half of them children.",
    ),
    "anniversary": (
        "Nation remembers victims of market bombing, ten years on",
        "KANO - Thousands of people gathered at the central market on Monday to mark ten years since twin suicide bombings tore through the crowded stalls, killing 74 traders and shoppers. Survivors laid wreaths at a memorial bearing the names of the dead, and imams led prayers for the victims. 'We still hear the explosions in our sleep,' said a trader who lost two brothers in the attack. The governor promised that the state would never forget and said security at markets had been strengthened since the bombings. Police deployed officers around the square during the ceremony, which passed off peacefully.",
    ),
    "trial": (
        "Ex-commander jailed for 2016 village massacre",
        "The special criminal court in Bangui on Thursday sentenced a former militia commander to 30 years in prison for crimes against humanity over the massacre of at least 40 villagers in 2016. Prosecutors told the court that fighters under his command had surrounded the village at dawn, shot fleeing residents and set fire to homes. The defence argued that he had not been present and said it would appeal. Relatives of the victims, who had travelled from the village for the verdict, welcomed the sentence. 'Justice has finally been done,' one woman said outside the courtroom.",
    ),
    "stats": (
        "Attacks on health workers hit record, report says",
        "GENEVA - Attacks on health care in conflict zones rose by a quarter last year, with 487 health workers killed and more than 1,300 injured, according to an annual report released on Wednesday by a coalition of aid groups. The report documented 3,600 incidents in 30 countries, including airstrikes on hospitals, the looting of clinics and the abduction of doctors. Sudan, Ukraine and Myanmar recorded the highest numbers. The authors said the true toll was likely higher because many incidents go unreported, and called on governments to protect medical staff.",
    ),
    "film": (
        "Review: a war film that refuses to look away",
        "The director's new film, which opens in cinemas on Friday, follows a platoon of young conscripts through a single day of a brutal war. In its most harrowing scene, the soldiers ambush an enemy patrol in a village and then discover that they have killed a family sheltering in a cellar. Later, artillery shells rain down on their trench and two of the men are buried alive. The cast, mostly unknown actors, is superb, and the battle sequences are staged with terrifying realism. It is a hard film to watch, and an important one.",
    ),
    "exercise": (
        "Army holds large-scale drills near border",
        "The army staged large-scale military exercises near the northern border on Tuesday, with tanks, artillery and attack helicopters taking part, the defence ministry said. Troops practised repelling an armoured assault and launching a counter-offensive to retake a town seized by a simulated enemy. Fighter jets carried out mock airstrikes on targets in the desert, and special forces rescued hostages from a building in a live-fire drill. The ministry said the exercises, which will last five days, were routine and not aimed at any country.",
    ),
    "backgrounder": (
        "Who are the Mai-Mai militias?",
        "The Mai-Mai are community-based militias that have fought in eastern Congo since the 1990s. They often attack army positions and clash with rival armed groups over land, mines and taxation. Some factions are known for abducting civilians and looting villages, and several have been accused of recruiting children. Others have allied with the army against rebels. Analysts say the militias tend to splinter when their leaders are killed or arrested, and that dozens of factions are active in North and South Kivu.",
    ),
    "threats": (
        "Militants threaten attacks on polling stations",
        "Islamist militants have threatened to attack polling stations and kill anyone who votes in next week's elections, in a video released on Sunday. The group's leader warned that its fighters would target election officials and security forces guarding the vote. Authorities said they would deploy 50,000 police officers and soldiers to protect voters, and urged people not to be intimidated. Analysts said the militants could carry out attacks in the north, where they have a strong presence, but were unlikely to reach the capital.",
    ),
    "sport2": (
        "Springboks crush All Blacks at Twickenham",
        "South Africa ran riot at Twickenham on Saturday, crushing New Zealand 35-7 in a brutal display that left the All Blacks shell-shocked. The Springbok pack battered the New Zealand forwards from the first scrum, and their wingers tore through a broken defence to score four tries. 'We went to war up front and won every battle,' the South African captain said. The All Blacks coach admitted his side had been 'bullied' and faces a barrage of criticism at home.",
    ),
    "business": (
        "Hostile takeover battle heats up",
        "The battle for control of the mining company intensified on Tuesday after its board rejected a hostile bid from a rival and accused it of trying to steal the firm at a bargain price. The rival fired back, saying shareholders were being held hostage by a board that had destroyed value for years. Analysts said the fight could drag on for months, and that the bidder might launch a fresh assault with a higher offer. Shares rose 8 per cent on the news.",
    ),
    "election": (
        "Campaign turns nasty in battleground state",
        "The presidential race turned nasty on Thursday as the two candidates traded attacks in the battleground state, each accusing the other of lying to voters. The challenger said the incumbent had waged war on the middle class and promised to kill the new tax on fuel if elected. The president's campaign hit back with a wave of attack ads. Polls show the race is neck and neck, and both camps have vowed to fight for every vote.",
    ),
    "denial": (
        "Army denies bombing refugee camp",
        "The army on Monday denied that its aircraft had bombed a camp for displaced people near the border, calling reports of civilian deaths 'fabricated'. A military spokesman said no air operations had been carried out in the area in the past week. Aid groups had said on Sunday that they were trying to verify the reports. The government said it would not allow foreign journalists to visit the camp until security improved.",
    ),
    "cyber": (
        "Hackers attack ministry servers",
        "Hackers attacked the servers of the finance ministry on Monday, knocking its website offline and stealing the personal data of thousands of civil servants, officials said. A group calling itself the Digital Army claimed responsibility for the cyberattack on social media. The ministry said its systems were restored by Tuesday morning and that it had launched an investigation.",
    ),
    "health": (
        "Health workers launch all-out offensive against polio",
        "Health workers launched an all-out offensive against polio on Monday, fanning out across the province to vaccinate 3 million children in a week-long campaign. Officials said the virus had been cornered in a handful of districts and that the campaign aimed to kill it off for good. Vaccinators will be escorted by police in some areas, the health ministry said.",
    ),
    "coalition": (
        "Coalition collapses as party pulls out",
        "The governing coalition collapsed on Thursday after its junior partner pulled out in a row over the budget, plunging the country into a political crisis. The prime minister accused his former allies of stabbing the government in the back, while they said he had declared war on the regions. Analysts said early elections were now likely.",
    ),
}

FIGURES = [
    "The foreign minister stormed out of the meeting in Brussels on Monday after a row over sanctions.",
    "The opposition leader blasted the government's handling of the economy in a speech on Tuesday.",
    "The report was a bombshell for the ruling party, which has been rocked by scandal since Monday.",
    "An explosion of anger greeted the decision on social media on Wednesday.",
    "The central bank's move was aimed at arresting the slide of the currency, officials said on Thursday.",
    "The president's allies accused the judges of hijacking the constitution on Friday.",
    "The party's youth wing staged a mutiny against the leadership at the congress on Saturday.",
    "The talks were torpedoed on Sunday when the delegation walked out.",
    "The minister said the opposition was holding the country hostage by blocking the budget.",
    "Critics said the new rules were a frontal assault on judicial independence.",
    "The union threatened to escalate its fight with the government next week.",
    "The health minister came under fire on Monday over the shortage of vaccines.",
    "The governor's speech was a broadside against the federal government, analysts said.",
    "Diplomats said the two countries were locked in a war of words over the disputed islands.",
    "The striker was shot down by critics after his comments on Tuesday.",
    "The central bank fired a warning shot at lenders on Wednesday, raising reserve requirements.",
    "The coalition partners clashed over the budget at a cabinet meeting on Thursday.",
    "The prime minister survived a bruising battle over the reform in parliament on Friday.",
    "The announcement triggered a stampede of investors into gold on Monday.",
]


@pytest.mark.parametrize("kind", sorted(REPORTS))
def test_whole_reports_that_tell_no_event(kind: str) -> None:
    title, text = REPORTS[kind]
    x = extract(report_from_text(text, title=title, published="2025-06-11"))
    assert [m.sub_event_type for m in x.incidents] == [], kind


@pytest.mark.parametrize("text", FIGURES)
def test_figures_of_speech_in_political_news(text: str) -> None:
    assert _incidents(text) == []


def _incidents(text: str) -> list[str]:
    x = extract(report_from_text(text, published="2025-06-11"))
    return [f"{m.event_type}/{m.sub_event_type}" for m in x.incidents]


@pytest.mark.parametrize(("kind", "text"), [(k, s) for k, ss in NONEVENT.items() for s in ss])
def test_no_event_told(kind: str, text: str) -> None:
    assert _incidents(text) == [], kind


@pytest.mark.parametrize("text", REALIS)
def test_realis_kept(text: str) -> None:
    assert _incidents(text), text


def _mood(sentence: str, word: str) -> str:
    t = next(t for t in find_triggers(sentence) if t.text == word)
    quotes = quoted_spans(sentence, 0, len(sentence))
    return mood_of(sentence, t, 0, len(sentence), quotes=quotes, sentence=(0, len(sentence)))


@pytest.mark.parametrize(
    ("sentence", "word", "mood"),
    [
        ("Residents reported no fighting in the area.", "fighting", "negation"),
        ("The soldiers did not attack the village.", "attack", "negation"),
        ("The group frequently targets troops with roadside bombs.", "roadside bombs", "generic"),
        ("The bill gives police wider powers to detain suspects.", "detain", "modal"),
        ("Officers need tools to stop the gangs before they strike.", "strike", "modal"),
        ("Brazilian stocks were slaughtered on Thursday.", "slaughtered", "figurative"),
        ("Critics called the law an assault on the press.", "assault", "figurative"),
        ("Opposition MPs clashed bitterly in the chamber.", "clashed", "figurative"),
        ("Troops simulated an assault on a hijacked ship in the drill.", "assault", "drill"),
        (
            "'We are fighting a war on two fronts,' the minister told the house.",
            "fighting",
            "quoted",
        ),
        ("Gunmen attacked a village in Zamfara on Monday.", "attacked", "realis"),
        ("Supporters of the two ministers clashed outside the hall.", "clashed", "realis"),
        (
            "The rebels said they fired 'a volley of rockets' at army positions.",
            "rockets",
            "realis",
        ),
        (
            "Militants ambushed a patrol on Monday before they could reach the town.",
            "ambushed",
            "realis",
        ),
    ],
)
def test_mood_of(sentence: str, word: str, mood: str) -> None:
    assert _mood(sentence, word) == mood


def _frame(text: str) -> str | None:
    f = report_frame(text, split_sentences(text))
    return f.kind if f else None


def test_frames_of_reports() -> None:
    sport = (
        "United rout City in derby\n\nUnited's striker scored twice in the first half and the "
        "visitors' goalkeeper was beaten again after the break. The coach praised the league "
        "leaders' pitch."
    )
    assert _frame(sport) == "sport"
    debate = (
        "Lawmakers clashed in parliament on Tuesday over a bill on police powers. The committee "
        "will resume the debate next week."
    )
    assert _frame(debate) == "legislature"
    attack = (
        "Gunmen attacked a village in Zamfara on Monday, killing 12 people. Police said the "
        "attackers fled into the forest."
    )
    assert _frame(attack) is None


def test_lead_with_a_figure_is_no_frame() -> None:
    text = (
        "Fans fought police after the derby\n\nTwenty people were injured when fans fought police "
        "outside the stadium after the league match on Sunday. The coach and the referee left "
        "under escort."
    )
    from reckon.extract.mood import lead_figures
    from reckon.extract.numbers import find_counts

    rep = report_from_text(text, published="2025-06-11")
    assert (
        report_frame(rep.text, split_sentences(rep.text), lead_figures(find_counts(rep.text), 2025))
        is None
    )
    assert _incidents(text)
