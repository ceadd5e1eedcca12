"""Victims named only as the object of a verb of violence against persons.

"shot a money changer", "abducted a barangay captain", "raped a 14-year-old girl": the person
so treated is a target even when the head noun is in no lexicon. The noun phrase runs from the
verb to the first preposition, comma or clause word; pronouns and times are not victims.
"""

from __future__ import annotations

import re

from reckon.extract.actors import ActorMention

_F = re.IGNORECASE

# verbs whose object is a person (not a place or a thing)
_PERSON_VERB = re.compile(
    r"\b(?:(?:shot|gunned\s+down|beaten|beat|hacked|stabbed|bludgeoned|burnt|burned)"
    r"(?:\s+(?:dead|to\s+death|alive))?|"
    r"kill(?:ed|ing|s)?|murder(?:ed|ing|s)?|shoot(?:ing|s)?|stab(?:bing|s)?|"
    r"behead(?:ed|ing|s)?|execut(?:e|ed|ing|es)|lynch(?:ed|ing|es)?|abduct(?:ed|ing|s)?|"
    r"kidnap(?:ped|ping|s)?|rap(?:e|ed|ing|es)|assault(?:ed|ing|s)?|tortur(?:e|ed|ing|es)|"
    r"beating|wound(?:ed|ing|s)?|injur(?:e|ed|ing|es)|arrest(?:ed|ing|s)?|"
    r"detain(?:ed|ing|s)?|seized|snatched)\s+",
    _F,
)
_STOP = (
    r"in|on|at|near|from|to|with|without|after|before|during|while|as|when|who|whom|which|that|"
    r"and|or|but|outside|inside|along|by|for|of|into|over|under|across|dead|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|overnight|"
    r"last|this|late|early|earlier"
)
_NOT_VICTIM = re.compile(
    r"^(?:him|her|them|it|himself|herself|themselves|us|me|you|one|two|three|four|five|six|"
    r"seven|eight|nine|ten|\d+|several|dozens|scores|hundreds|more|at|least|some|about|"
    r"nearly|around|up|over|as|many|a|an|the|another|other|others|people|dead|and)$",
    _F,
)
_WORD = re.compile(r"([\w'’-]+)(\s+|(?=[^\w'’-])|$)")
_LEAD = {"a", "an", "the", "his", "her", "their", "its", "two", "three", "four", "five", "six"}


def object_victims(
    text: str, start: int, end: int, taken: list[tuple[int, int]]
) -> list[ActorMention]:
    """Persons named as the object of a verb of violence in ``text[start:end]``, where no actor
    (``taken`` spans) is already read."""
    out: list[ActorMention] = []
    for m in _PERSON_VERB.finditer(text, start, end):
        pos = m.end()
        words: list[tuple[int, int, str]] = []
        while pos < end and len(words) < 5:
            w = _WORD.match(text, pos, end)
            if w is None:
                break
            word = w.group(1)
            if re.fullmatch(_STOP, word, _F) and words:
                break
            if re.fullmatch(_STOP, word, _F):
                break
            words.append((w.start(1), w.end(1), word))
            pos = w.end()
            if w.group(2) == "" or text[w.end(1) : w.end(1) + 1] in ",.;:)":
                break
        while words and words[0][2].lower() in _LEAD:
            words = words[1:]
        if not words or _NOT_VICTIM.match(words[-1][2]):
            continue
        a, b = words[0][0], words[-1][1]
        if any(x < b and a < y for x, y in taken):
            continue
        if not re.fullmatch(r"[a-z][\w'’-]*", words[-1][2]):
            continue  # a name or a number: not a person's description
        out.append(ActorMention(a, b, text[a:b], "Civilians", words[-1][2].lower()))
    return out
