"""Grammar matches that TimeML leaves unmarked, decided before a match is normalised.

The TimeML guidelines mark a temporal expression only where it refers to a time. Four kinds of words the
grammar matches do not:

- time words inside a name or title: a programme ("ABC's "This Week"", "CBS's "60 Minutes"", "Voice of
  America Today"), a company ("Helios 1990"). Their sign is case: a word that is lower case in running
  text ("week", "minutes", "this", "today") written capitalised away from the start of a sentence, or a
  year right after a capitalised word that is no calendar word. Holiday names are dates and never count,
  nor are headlines written in title case;
- "today's" and "tomorrow's" (and "of today", "of tomorrow") before or after a noun of an era rather than
  a day: "today's youth", "many of today's home computers", "the cars of tomorrow"; "today's meeting",
  "tomorrow's vote" are days and stay;
- "the future" of something: its prospects ("the future of the alliance"), not a time;
- "Now" as a discourse marker opening a sentence: "Now for the weather" ("Now, it is profitable" is time);
- "annually", "monthly" as the unit of a growth rate rather than a recurrence: "to grow 12% annually" (as
  "12% a year", which the grammar leaves to the figures).
"""

from __future__ import annotations

import re

from extract.timex.lexicon import MONTHS, SEASONS, WEEKDAYS
from extract.words import words

_GENERIC_NOUNS = "|".join(sorted(words("timex", "generic_present_nouns"), key=lambda w: (-len(w), w)))
_GENERIC_AFTER = re.compile(rf"['’]s\s+(?:[a-z]+[\s-]+){{0,2}}?(?:{_GENERIC_NOUNS})\b")
_GENERIC_BEFORE = re.compile(rf"\b(?:{_GENERIC_NOUNS})\s+of\s+$", re.IGNORECASE)
_OF_AFTER = re.compile(r"\s+of\s")
_DISCOURSE_AFTER = re.compile(r"\s+for\s")
_RATE_BEFORE = re.compile(r"(?:%|\bpercent|\bpercentage\s+points?)\s+$", re.IGNORECASE)
_LETTERS = re.compile(r"[^\W\d_]+")
_WORD_BEFORE = re.compile(r"([^\W\d_]+)\s$")
_OPENING = re.compile(r"""[\s"'`“‘(\[]*""")
_CALENDAR_WORDS = frozenset([*MONTHS, *WEEKDAYS, *SEASONS])
_HEADLINE_SHARE = 0.6  # of a line's longer words capitalised: a headline in title case
_REACH = 300  # characters of the line looked at either side
_HEADLINE_CHARS = 150  # a line this short without a full stop may be a headline
_SMALL_WORDS = frozenset({"the", "and", "for", "but", "nor", "yet", "with", "from", "into", "over", "than"})


def _calendar_word(word: str) -> bool:
    """A month, weekday or season name, or its plural ("Mondays"): capitalised anywhere."""
    low = word.lower()
    return low in _CALENDAR_WORDS or (low.endswith("s") and low[:-1] in _CALENDAR_WORDS)


def _title_word(word: str) -> bool:
    """Capitalised as a name is: "Week", "Minutes" (not "WEEK", not "week")."""
    return word[0].isupper() and (len(word) == 1 or word[1:].islower())


def _opens_sentence(text: str, sentence_start: int, start: int) -> bool:
    """True when only spaces, quotes and brackets stand between the sentence's start (or a line's) and
    `start`."""
    line = text.rfind("\n", sentence_start, start) + 1
    lo = max(sentence_start, line)
    return _OPENING.fullmatch(text, lo, start) is not None


def _headline(text: str, start: int, end: int) -> bool:
    """True when the line around text[start:end] is written in title case (most longer words capitalised,
    the expression's own words apart): a short line without a full stop needs two such words, a longer one
    four."""
    lo = text.rfind("\n", max(0, start - _REACH), start) + 1
    hi = text.find("\n", end, end + _REACH)
    hi = hi if hi >= 0 else min(len(text), end + _REACH)
    rest = text[lo:start] + " " + text[end:hi]
    line = text[lo:hi].strip()
    short = len(line) <= _HEADLINE_CHARS and not line.endswith((".", "!", "?", '"', "”", "'"))
    shortest = 3 if short else 4  # "Oil Falls This Week": in a short line three letters make a word
    words = [w for w in _LETTERS.findall(rest) if len(w) >= shortest and w.lower() not in _SMALL_WORDS]
    needed = 2 if short else 4
    return len(words) >= needed and sum(w[0].isupper() for w in words) >= _HEADLINE_SHARE * len(words)


def _in_title(text: str, start: int, end: int, sentence_start: int) -> bool:
    """Time words written as a name: each word that is not a calendar name capitalised, away from the start
    of a sentence ("on ABC's "This Week"", "CBS's "60 Minutes"", "Voice of America Today")."""
    if text[start:end].islower():
        return False  # no capital at all (most expressions): the test below would fail; spares the regex
    letters = _LETTERS.findall(text, start, end)
    # Calendar names are capitalised anyway; single letters are clock and quarter marks ("A.M.", "Q3").
    found = [w for w in letters if len(w) > 1 and not _calendar_word(w)]
    if not found or not all(_title_word(w) for w in found):
        return False
    if _opens_sentence(text, sentence_start, start):
        return False
    before = text[max(0, start - 8) : start].rstrip()
    if before.endswith((".", "!", "?")):
        return False  # after "Co." or "U.S." a sentence may begin that the splitter did not see
    if len(letters) == 1 and text[start].isalpha() and not (before and before[-1].isalnum()):
        return False  # one word after a quote, colon or dash may open a quoted sentence: "Today is ..."
    return not _headline(text, start, end)


def _year_in_name(text: str, start: int, end: int, sentence_start: int) -> bool:
    """A year right after a capitalised word that is no calendar word ("the venture Helios 1990",
    "Expo 2030"): part of a name, not a date."""
    word = _WORD_BEFORE.search(text, max(0, start - 30), start)
    if word is None or not _title_word(word[1]) or _calendar_word(word[1]):
        return False
    return not _opens_sentence(text, sentence_start, word.start(1)) and not _headline(text, start, end)


def _generic_day(text: str, start: int, end: int) -> bool:
    """ "today's youth", "the people of tomorrow": an era, not the day."""
    if text[start:end].lower() not in ("today", "tomorrow"):
        return False
    return bool(_GENERIC_AFTER.match(text, end) or _GENERIC_BEFORE.search(text, max(0, start - 30), start))


def non_markable(text: str, rule: str, start: int, end: int, sentence_start: int) -> bool:
    """True when the match of `rule` at text[start:end] (in the sentence starting at `sentence_start`) is
    no temporal expression by the TimeML guidelines (see the module docstring)."""
    if rule == "holiday":
        return False  # "Memorial Day", "New Year's Eve": names that are dates
    surface = text[start:end]
    if rule == "named_day" and _generic_day(text, start, end):
        return True
    if rule == "ref":
        if surface.lower() == "the future" and _OF_AFTER.match(text, end):
            return True
        if surface == "Now" and _opens_sentence(text, sentence_start, start):
            return _DISCOURSE_AFTER.match(text, end) is not None
    if rule == "set" and surface.isalpha() and _RATE_BEFORE.search(text, max(0, start - 24), start):
        return True
    if rule == "year" and surface.isdigit() and _year_in_name(text, start, end, sentence_start):
        return True
    return _in_title(text, start, end, sentence_start)
