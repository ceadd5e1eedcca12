"""Appeals and concern in the present tense, as NGO statements write them (own sentences)."""

from __future__ import annotations

import pytest

from reckon.extract.reactions import find_reactions


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("We call on the authorities to release the detained journalists.", "appeal"),
        ("The commission calls on both parties to protect civilians.", "appeal"),
        ("We urge the government to open the roads to aid convoys.", "appeal"),
        ("Amnesty urges the army to stop using live ammunition.", "appeal"),
        ("The bishops appeal to the warring sides for a truce.", "appeal"),
        ("We renew our call for an independent inquiry.", "appeal"),
        ("The mission expresses its deep concern over the disappearance.", "condemnation"),
        ("The UN expressed grave alarm at the shelling of the camp.", "condemnation"),
        ("Local leaders called for calm after the clashes.", "appeal"),
        ("The rights group is calling on police to free the students.", "appeal"),
    ],
)
def test_reactions_in_any_tense(sentence: str, kind: str) -> None:
    found = find_reactions(sentence, 0, len(sentence), sentence_start=0)
    assert [r.kind for r in found] == [kind]


def test_a_call_is_not_a_phone_call() -> None:
    s = "Gunmen stormed the house after a phone call in the night."
    assert find_reactions(s, 0, len(s), sentence_start=0) == []
