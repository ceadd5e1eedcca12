"""Strategic developments told in other words than the trigger list's first forms: bases and
headquarters with modifiers, territory changing hands without a fight, agreements to exchange.
Sentences of our own."""

from __future__ import annotations

import pytest

from reckon.extract import extract
from reckon.ingest import report_from_text

pytestmark = pytest.mark.slow

CASES = [
    ("On 20 January 2024, the Arakan Army established a regional headquarters in Paletwa town.", "Headquarters or base established"),
    ("Iran-backed militias turned a former school in al-Mayadin into a new headquarters on Saturday.", "Headquarters or base established"),
    ("The rebels set up a new military base outside Kidal on Monday.", "Headquarters or base established"),
    ("Wagner fighters built a forward base near Menaka on Tuesday.", "Headquarters or base established"),
    ("SNA troops entered Harardhere unopposed on Monday after Al Shabaab militants left the town.", "Non-violent transfer of territory"),
    ("Rebels withdrew from Bunagana on Friday and handed the town to regional forces.", "Non-violent transfer of territory"),
    ("The army took over the base vacated by UN peacekeepers in Ber on Sunday.", "Non-violent transfer of territory"),
    ("Al Shabaab fighters abandoned their positions near Bulo Burte on Monday.", "Non-violent transfer of territory"),
    ("Two rival militias agreed to exchange prisoners in Tripoli on Monday.", "Agreement"),
    ("The government and the rebels agreed a ceasefire in Doha on Friday.", "Agreement"),
]


@pytest.mark.parametrize(("sentence", "sub"), CASES)
def test_strategic_development(sentence: str, sub: str) -> None:
    ms = extract(report_from_text(sentence, id="s", published="2024-03-09")).incidents
    assert [(m.event_type, m.sub_event_type) for m in ms] == [("Strategic developments", sub)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The team won unopposed in the final in Lagos on Sunday.",
        "Thousands of residents abandoned their villages near Djibo on Monday.",
        "The minister opened a new bus headquarters in Nairobi on Friday.",
    ],
)
def test_no_armed_side_no_strategic_development(sentence: str) -> None:
    ms = extract(report_from_text(sentence, id="s", published="2024-03-09")).incidents
    assert ms == []
