"""Clause tense around a date expression: the verb marker that governs its clause decides PAST, FUTURE or
PRESENT.

`sentence_markers` finds the candidate markers of a sentence once; `governing_tense` picks the one that
governs an expression: the nearest, with a modal's reach doubled, passive participles and participles
used as adjectives left out, "is to"/"were planning to" read as future, and a trailing "..., officials
said" not dating the clause before it. Used only to pick the direction of bare months, month-days,
seasons, quarters and weekdays ("told ... in December" is the December before publication; "will ... by
January 15" the coming one).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from types import MappingProxyType

from extract.timex.lowered import ASCII_AS_IGNORECASE
from extract.trie import trie_regex
from extract.words import table

_TENSE = table("timex")["tense_words"]
# Single words that mark a tense, and words that do so when "to" follows ("plans to", "due to").
FUTURE_WORDS: frozenset[str] = frozenset(_TENSE["future"])
FUTURE_BEFORE_TO: frozenset[str] = frozenset(_TENSE["future_before_to"])
# "The plant opens in June", "the offer expires on Friday": a timetable, so the coming date.
SCHEDULED_PRESENT: frozenset[str] = frozenset(_TENSE["scheduled_present"])
PAST_WORDS: frozenset[str] = frozenset(_TENSE["past"])
# "may", "could", "should": what may come; "may have", "could have": the past; "could not" says nothing
# ("could not be reached" is as often the past).
MODAL_WORDS: frozenset[str] = frozenset(_TENSE["modal"])
PRESENT_WORDS: frozenset[str] = frozenset(_TENSE["present"])
PERFECT_WORDS: frozenset[str] = frozenset(_TENSE["perfect"])  # "has said": the past, for anchoring
# Verbs of saying: "resumes in March, officials said" is about March whatever the tense of "said".
REPORTING_WORDS: frozenset[str] = frozenset(_TENSE["reporting"])
# "will be paid", "is being built": a participle after these is passive, not a past tense.
PASSIVE_AUXILIARIES: frozenset[str] = frozenset(_TENSE["passive_auxiliaries"])
# "a delayed flight", "its revised forecast": a participle after these describes a noun, it is no verb.
ADJECTIVE_CUES: frozenset[str] = frozenset(_TENSE["adjective_cues"])
# "is to resume", "was to meet": a form of "be" before "to" and a verb speaks of what is to come.
BE_FORMS: frozenset[str] = frozenset(_TENSE["be_forms"])
# "he'll", "it's": marker words right after an apostrophe that follows a word character.
CLITICS: MappingProxyType[str, str] = MappingProxyType({"ll": "FUTURE", "s": "PRESENT"})
_NOT_PAST_STEMS = ("ne", "ee", "hundr")  # "need", "hundred": -ed endings that are not past forms


def _word_kinds() -> MappingProxyType[str, str]:
    kinds = dict.fromkeys(PRESENT_WORDS, "PRESENT")
    kinds.update(dict.fromkeys(PAST_WORDS | PERFECT_WORDS, "PAST"))
    kinds.update(dict.fromkeys(FUTURE_WORDS | SCHEDULED_PRESENT, "FUTURE"))  # "expected": the future wins
    return MappingProxyType(kinds)


_WORD_KINDS = _word_kinds()


def _candidate_words() -> str:
    return rf"(?:{trie_regex(frozenset(_WORD_KINDS) | FUTURE_BEFORE_TO | MODAL_WORDS)}|[a-z]{{2,}}ed)(?!\w)"


_CLITIC = r"(?<=\w['’])(?:ll|s)(?!\w)"


@cache
def _candidate_markers() -> re.Pattern[str]:
    """Candidate markers only: listed words, -ed words and clitics; the engine skips everything else.
    Compiled on first use."""
    return re.compile(rf"(?<!\w){_candidate_words()}|{_CLITIC}", re.IGNORECASE)


@cache
def _lower_case_candidate_markers() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """`_candidate_markers` for the text's lower-cased twin (extract.timex.lowered), case-sensitive, in
    two parts: a listed or -ed word at the start of the text, and a candidate after the character before
    it (the match begins with that character). Speed: the second begins with a character class, which the
    engine scans for in C, instead of trying two look-behinds at every character. A candidate ends in a
    letter, so the character before the next one is never inside the last."""
    return re.compile(_candidate_words()), re.compile(rf"\W(?:{_candidate_words()}|{_CLITIC})")


def _candidate_spans(text: str, start: int, end: int, lowered: str | None) -> Iterator[tuple[int, int]]:
    """The spans of the candidate markers in text[start:end] (`lowered`: the text's lower-case twin)."""
    if lowered is None:
        for m in _candidate_markers().finditer(text, start, end):
            yield m.span()
        return
    at_start, after_break = _lower_case_candidate_markers()
    pos = start - 1  # the character before a candidate at `start`
    if start == 0:
        first = at_start.match(lowered, 0, end)
        pos = 0 if first is None else first.end()
        if first is not None:
            yield first.span()
    for m in after_break.finditer(lowered, pos, end):
        yield m.start() + 1, m.end()


_APOSTROPHES = ("'", "’")
# The words whose "'s" is "is" or "has" ("it's", "there's", "what's"); after a noun it is a possessive.
_S_HOST = re.compile(r"(?<![\w'’])(?:it|he|she|that|there|here|what|who|where|how|let)$", re.IGNORECASE)
_MODIFYING_ADVERBS = frozenset({"still", "yet", "as-yet", "recently", "previously", "widely", "long"})
_PLAN_PARTICIPLES = frozenset({"planned", "scheduled", "expected"})
_SETTLED_BEFORE = re.compile(r"\b(?:as|previously|originally|initially)\s+$", re.IGNORECASE)
_HAD_BEEN = re.compile(r"\bhad\s+(?:(?:already|originally|previously|initially)\s+)?been\s+$", re.IGNORECASE)
_THEN_TO = re.compile(r"\s+to(?!\w)", re.IGNORECASE)
# "to meet demand", "did not meet": a timetable's bare present ("the two leaders meet Monday") only as a verb
# of its own.
_NOT_OWN_VERB_BEFORE = re.compile(r"(?:\b(?:to|not|never|did|does|do)|n['’]t)\s+$", re.IGNORECASE)
_MODAL_AFTER = re.compile(
    r"\s+(?:(?P<not>not|n['’]t)\b)?\s*(?:(?:also|still|well|already|never)\s+)?(?P<have>have\b)?"
)
_PASSIVE_AT = re.compile(r"be\s+[a-z]+ed\b")
_DUE_AT = re.compile(r"\s+(?:in|on|by|for|next|this|later|back|out)\b", re.IGNORECASE)
_WAS_BEFORE = re.compile(
    r"\b(?:was|were|been)\s+(?:(?:already|originally|previously|initially)\s+)?$", re.IGNORECASE
)


def _regular_past(word: str) -> bool:
    """A lower-case ASCII word of two or more letters plus "-ed" ("reported"), except "need", "hundred"."""
    if len(word) < 4 or not word.endswith("ed") or not (word.isascii() and word.isalpha() and word.islower()):
        return False
    stem = word[:-2]
    return not stem.endswith(_NOT_PAST_STEMS)


def sentence_markers(text: str, start: int, end: int, lowered: str | None = None) -> list[tuple[int, str]]:
    """(offset, tense) for every tense marker in text[start:end]: whole words (as seen within the range),
    "going to"-style pairs, and the clitics "'ll" and "'s" (offset of the apostrophe). `lowered`: the
    text's `lower_case_twin`, if the caller has it (the candidates are then found faster in it)."""
    out: list[tuple[int, str]] = []
    for lo, hi in _candidate_spans(text, start, end, lowered):
        word = text[lo:hi]
        if not word.isascii():  # "ıs", "waſ": the word the pattern matched
            word = word.translate(ASCII_AS_IGNORECASE)
        low = word.lower()
        if low in CLITICS and text[lo - 1 : lo] in _APOSTROPHES:  # only the clitic branch matches these
            if lo - 1 >= start and (low != "s" or _S_HOST.search(text, max(start, lo - 8), lo - 1)):
                out.append((lo - 1, CLITICS[low]))
            continue  # "the company's services": a possessive, no verb
        kind = _WORD_KINDS.get(low)
        if low in MODAL_WORDS:
            if word != low:
                continue  # "May": the month, or a sentence opening on a modal (a question)
            after = _MODAL_AFTER.match(text, hi, end)
            if (
                low == "could"
                and after is not None
                and (after["not"] or _PASSIVE_AT.match(text, after.end(), end))
            ):
                continue  # "could not be reached", "could be located Wednesday": as often the past
            kind = "PAST" if after is not None and after["have"] else "FUTURE"
        elif low == "due" and _DUE_AT.match(text, hi, end) and not _WAS_BEFORE.search(text, start, lo):
            kind = "FUTURE"  # "the new line is due in September": expected then
        if (
            low in SCHEDULED_PRESENT
            and not low.endswith("s")
            and _NOT_OWN_VERB_BEFORE.search(text, max(start, lo - 8), lo)
        ):
            continue  # "to meet demand": an infinitive, no timetable
        if low == "next" and _THEN_TO.match(text, hi, end):
            continue  # "next to the embassy": a preposition, not the future
        if low in _PLAN_PARTICIPLES and _SETTLED_BEFORE.search(text, max(start, lo - 16), lo):
            continue  # "as planned", "previously scheduled": the plan says nothing of the date's side
        if kind is None and low in FUTURE_BEFORE_TO and _THEN_TO.match(text, hi, end):
            kind = "FUTURE"  # "going to", "plans to", "due to"
        if kind is None and _regular_past(word):
            kind = "PAST"
        if kind == "FUTURE" and _HAD_BEEN.search(text, max(start, lo - 24), lo):
            kind = "PAST"  # "had been due to expire Friday": a plan of the past, its date gone by
        if kind is not None:
            out.append((lo, kind))
    return out


_WORD_AT = re.compile(r"\w+")
_CLAUSE_BREAK = re.compile(r"[,;:\"“”()]|['‘’](?!\w)")
_WORDS = re.compile(r"[^\W\d_]+")


def _words_at(words: frozenset[str]) -> re.Pattern[str]:
    return re.compile(rf"(?:{'|'.join(sorted(words, key=len, reverse=True))})(?!\w)", re.IGNORECASE)


_BE_AT = _words_at(BE_FORMS)
_BE_INITIALS = frozenset(w[0] for w in BE_FORMS) | frozenset(w[0].upper() for w in BE_FORMS)
_REPORTING_AT = _words_at(REPORTING_WORDS)
_TO_VERB = re.compile(r"\s+to\s+[a-z]", re.IGNORECASE)
_ADVERBS_ONLY = re.compile(r"\s+(?:(?:not|also|still|now|then|already|originally|initially)\s+)?")


_CLAUSE_START = re.compile(r"[,;:“”\"]")


def _clause_start(text: str, lo: int, start: int) -> int:
    """Where the clause holding `start` begins: after the last comma, colon or quote in text[lo:start]."""
    found = lo
    for m in _CLAUSE_START.finditer(text, lo, start):
        found = m.end()
    return found


def governing_tense(
    text: str, markers: list[tuple[int, str]], start: int, end: int, lo: int = 0
) -> tuple[str, float]:
    """The tense of the marker that governs the clause of text[start:end] (in a sentence from `lo`) and its
    distance in characters; ("", inf) when none does.

    The nearest marker wins; markers after the span count a little further, and a modal before it governs
    its clause, so counts half as far unless a clause break lies between. Left out: passive participles
    ("will be paid": "will" decides), a past "be" before a future marker ("were planning to", "was
    expected to": the future of that moment), and a verb of saying after a clause break that closes a
    clause with words of its own before the expression ("reopens in March, the council said": the
    reopening is not dated by "said"; but "In March, the council said" is). "is to resume" is future.
    Markers are examined nearest first (by the distance they could at best have), so usually one is read.
    """
    order: list[tuple[float, int]] = []
    for index, (offset, kind) in enumerate(markers):
        if start <= offset < end or (offset == end and text[offset] in _APOSTROPHES):
            continue  # inside the expression, or its own possessive ("Friday's vote")
        if offset < start:
            distance: float = start - offset
            if kind == "FUTURE" or text[offset] in _BE_INITIALS:
                distance /= 2
        else:
            distance = (offset - end) * 1.5 + 4
        order.append((distance, index))
    order.sort()
    best, best_distance = "", float("inf")
    own_words: bool | None = None
    last = len(markers) - 1
    for optimistic, index in order:
        if optimistic >= best_distance:
            break
        offset, kind = markers[index]
        if kind != "FUTURE":
            be = _BE_AT.match(text, offset) if text[offset] in _BE_INITIALS else None
            if be is not None:
                if _TO_VERB.match(text, be.end()):
                    kind = "FUTURE"  # "is to resume"
                elif (
                    index < last
                    and markers[index + 1][1] == "FUTURE"
                    and _ADVERBS_ONLY.fullmatch(text, be.end(), markers[index + 1][0])
                ):
                    continue  # "were planning to": the future of that moment
            if kind == "PAST" and offset and text[offset - 1].isspace():
                before = text[max(0, offset - 24) : offset].lower().split()
                if before and before[-1] in _MODIFYING_ADVERBS:
                    before.pop()  # "a still unspecified date", "the recently revised plan"
                if before and (before[-1] in PASSIVE_AUXILIARIES or before[-1] in ADJECTIVE_CUES):
                    continue  # "will be paid"; "a still unspecified date": a participle, not a past tense
        if offset >= end:
            word = _WORD_AT.match(text, offset)
            if (
                word is not None
                and word.group().lower() in SCHEDULED_PRESENT
                and _CLAUSE_BREAK.search(text, end, offset)
            ):
                continue  # "in July, and holds 14%": a present verb of another clause
            distance = (offset - end) * 1.5 + 4
            if (
                kind != "FUTURE"
                and _REPORTING_AT.match(text, offset)
                and _CLAUSE_BREAK.search(text, end, offset)
            ):
                if own_words is None:
                    own_words = len(_WORDS.findall(text, _clause_start(text, lo, start), start)) >= 2
                if own_words:
                    continue  # "reopens in March, the council said"
        else:
            distance = start - offset
            if kind == "FUTURE" and _CLAUSE_BREAK.search(text, offset, start) is None:
                distance /= 2
        if distance < best_distance:
            best, best_distance = kind, distance
    return best, best_distance
