"""Coder-style notes ("On 4 April 2022, in X (Y), ...") read long after the day they tell: a day
written in full tells an event, not history. Notes of our own, read with a publication date two
years later."""

from __future__ import annotations

import pytest

from reckon.extract import extract
from reckon.ingest import report_from_text

pytestmark = pytest.mark.slow

NOTES = [
    "On 4 April 2022, in Tillaberi (Tillaberi), unidentified gunmen killed 3 civilians. Fatalities: 3.",
    "On 12 May 2023, Fulani militia attacked Kwall village (Bassa, Plateau), killing 5 people and burning 20 houses.",
    "On 7 June 2021, the ADF killed 11 civilians with machetes in Mapou (Beni, North Kivu).",
    "On 2 February 2024, clashes between SNA and Al Shabaab in Bal'ad (Middle Shabelle) left 4 soldiers and 7 militants dead.",
    "On 19 August 2022, police fired live ammunition at demonstrators in Nairobi (Nairobi), killing 1 protester.",
    "On 3 March 2023, villagers lynched a suspected thief in Kano (Kano). 1 fatality.",
    "On 28 October 2022, Russian forces shelled Kherson city (Kherson). 2 civilians were killed and 5 injured.",
    "On 15 January 2024, an IED detonated near a military vehicle in Gao (Gao), wounding 3 soldiers. No fatalities reported.",
    "On 9 September 2023, armed men abducted 14 passengers near Zurmi (Zamfara).",
    "On 21 November 2022, around 200 people protested in Lilongwe (Central Region) against rising prices.",
    "On 6 July 2023, members of the Ambazonian separatist forces attacked a gendarmerie post in Batibo (Momo, North-West), killing 2 gendarmes.",
    "On 30 April 2024, a Ukrainian drone struck an oil depot in Belgorod (Belgorod). No casualties reported.",
    "On 14 March 2023, military forces of Burkina Faso clashed with JNIM militants near Djibo (Soum, Sahel). 6 soldiers and an unknown number of militants were killed.",
    "On 2 August 2022, the Taliban arrested a former ANDSF officer in Kandahar city (Kandahar) and his body was later found. 1 fatality.",
    "On 25 December 2022, unidentified armed men set fire to 30 houses in Bokkos (Plateau). No fatalities were reported.",
    "On 8 June 2023, RSF fighters looted the main market in El Geneina (West Darfur).",
    "On 11 November 2023, Israeli military forces carried out airstrikes on Jabalia camp (North Gaza), killing at least 40 people.",
    "On 5 April 2024, M23 rebels took control of Rubaya (Masisi, North Kivu) after fighting with FARDC and Wazalendo.",
    "On 19 January 2023, hundreds of nurses held a strike and protest in front of the Ministry of Health in Colombo (Western).",
    "On 30 May 2024, a group of youths blocked the road with burning tyres in Port-au-Prince (Ouest) to protest insecurity.",
    "On 3 October 2023, gang members shot and killed a bus driver in Tegucigalpa (Francisco Morazan).",
    "On 21 July 2023, Al Shabaab fired mortars at the airport in Mogadishu (Banadir). No casualties.",
    "On 16 February 2024, police arrested 12 members of an opposition party during a meeting in Conakry (Conakry).",
    "On 9 January 2024, a landmine exploded under a civilian vehicle near Falluja (Al Anbar), killing 2 civilians.",
    "On 2 May 2023, Sudanese Armed Forces (SAF) aircraft bombed RSF positions in Bahri (Khartoum). Casualties unknown.",
    "On 17 October 2022, unknown assailants threw a grenade at a bar in Goma (Nyiragongo, North Kivu), injuring 4 people.",
    "On 23 February 2024, Houthi forces launched a missile at a commercial ship off Mokha (Taizz). No injuries reported.",
    "On 6 September 2023, a suicide bomber targeted a rally of the JUI-F in Bajaur (Khyber Pakhtunkhwa), killing 63 people.",
    "On 12 April 2024, Wagner Group and FAMa forces executed 7 civilians in Nara (Koulikoro).",
    "On 28 February 2023, Israeli settlers attacked Palestinian homes in Huwwara (Nablus) and set cars on fire; 1 Palestinian was killed.",
    "On 14 August 2022, Boko Haram (JAS) abducted 17 women near Gwoza (Borno) while they were fetching firewood.",
    "On 3 November 2023, Kenyan police raped a woman in custody in Eldoret (Uasin Gishu), according to a rights group.",
    "On 19 June 2024, Amhara militia (Fano) and ENDF clashed in Debre Markos (Amhara). Fatalities unknown.",
    "On 10 March 2024, Ukrainian air defence shot down 4 Shahed drones over Odesa (Odesa).",
    "On 1 July 2023, the ELN and FARC dissidents signed a non-aggression pact in Arauca (Arauca).",
    "On 26 January 2024, police used water cannon against farmers blocking a highway near Lyon (Auvergne-Rhone-Alpes).",
]


@pytest.mark.parametrize("note", NOTES)
def test_a_note_read_late_still_tells_its_incident(note: str) -> None:
    ms = extract(report_from_text(note, id="n", published="2024-07-01")).incidents
    assert len(ms) == 1, note
    day = ms[0].date.start if ms[0].date else None
    assert day is not None and day < "2024-07-01"


def test_a_bare_past_year_is_still_history() -> None:
    text = "In 2019, gunmen killed 50 people in the same village, residents recalled."
    ms = extract(report_from_text(text, id="n", published="2024-06-01")).incidents
    assert ms == []
