"""Sentence splitting for news text, offsets preserved.

Splits on line breaks (headlines without a full stop, and paragraphs, are their own units) and on
sentence-final punctuation followed by space and an upper-case, digit or quote opener, except after known
abbreviations ("U.S.", "Gen.", "Jan.", "No."), single initials and decimal numbers; after a dotted
abbreviation ("p.m.", "U.S.") a typical sentence opener ("The", "He") still splits. A dateline
("ERBIL, Kurdistan Region —") stays with the sentence it introduces.

A sentence longer than `MAX_SENTENCE` characters (a list or a text without punctuation) is cut into pieces
of at most that length at the last semicolon, else comma, else whitespace of its second half (else hard),
so that the work and output per sentence stay bounded and the whole split is linear in the text.
"""

from __future__ import annotations

import re

from extract import words
from extract.model import Sentence
from extract.words import table

_WORDS = table("sentences")
# Lower case; a full stop after one of them (or after a month or weekday abbreviation) rarely ends a sentence.
ABBREVIATIONS: frozenset[str] = frozenset(
    [*_WORDS["abbreviations"], *words.MONTH_ABBREVIATIONS, *words.WEEKDAY_ABBREVIATIONS]
)
# Words that, capitalised after a dotted abbreviation ("U.S.", "p.m."), begin a new sentence.
SENTENCE_STARTERS: frozenset[str] = frozenset(_WORDS["sentence_starters"])
_WORD = re.compile(r"[A-Za-z]+")

MAX_SENTENCE = 1000

# Candidate boundary: terminal punctuation, optional closing quotes/brackets, then whitespace. It starts
# only where a run of terminal punctuation starts (the look-behind after the first character) and its runs
# are possessive, so that a long run without whitespace after it is tried once, not once per character
# (quadratic); starting with the character class keeps the regex engine's fast scan for it.
_BOUNDARY = re.compile(r"[.!?…](?<![.!?…][.!?…])[.!?…]*+[\"'”’)\]]*+(?=\s)")
# Where an overlong sentence is cut, best first: after a semicolon, after a comma that does not stand
# inside a date or a number ("March 3, 2021"), before whitespace.
_CUTS = (re.compile(r";(?=\s)"), re.compile(r",(?=\s+\D)"), re.compile(r"(?=\s)"))
_NEXT_START = re.compile(r"\s+([\"'“‘(\[]*)(\S)")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the '.' at `dot` ends an abbreviation or an initial rather than a sentence."""
    m = _WORD_BEFORE.search(text, max(0, dot - 20), dot)
    if not m:
        return False
    word = m.group(1)
    if "." in word:  # U.S., e.g., a.m.
        return True
    if len(word) == 1 and word.isupper():  # an initial: "John F. Kennedy"
        return True
    return word.lower() in ABBREVIATIONS


def _starts_sentence(text: str, dot: int, word_start: int) -> bool:
    before = _WORD_BEFORE.search(text, max(0, dot - 20), dot)
    if not before or "." not in before.group(1):
        return False
    nxt = _WORD.match(text, word_start)
    return nxt is not None and nxt.group(0) in SENTENCE_STARTERS


def _split_line(text: str, start: int, end: int, out: list[Sentence]) -> None:
    pos = start
    for m in _BOUNDARY.finditer(text, start, end):
        punct_end = m.end()
        last = text[m.start() : punct_end].rstrip("\"'”’)]")
        nxt = _NEXT_START.match(text, punct_end, end)
        if not nxt:
            continue
        # After an abbreviation only a clearly new sentence splits: a quote opener, or a word that
        # starts sentences after a dotted abbreviation ("at 3 p.m. The", "in the U.S. But").
        abbreviation = last.endswith(".") and len(last) == 1 and _is_abbreviation(text, m.start())
        if abbreviation and not (nxt.group(1) or _starts_sentence(text, m.start(), nxt.start(2))):
            continue
        first = nxt.group(2)
        if not (first.isupper() or first.isdigit() or nxt.group(1)):
            continue
        _emit(text, pos, punct_end, out)
        pos = nxt.start(1)
    _emit(text, pos, end, out)


def _emit(text: str, start: int, end: int, out: list[Sentence]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE:
        cut = _cut(text, start, start + MAX_SENTENCE)
        _emit(text, start, cut, out)
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        out.append(Sentence(start, end))


def _cut(text: str, start: int, limit: int) -> int:
    """Where to cut an overlong sentence that starts at `start` so that its first piece ends by `limit`:
    after the last semicolon, else comma, else before the last whitespace of the piece's second half
    (else at `limit`)."""
    low = start + (limit - start) // 2
    for mark in _CUTS:
        last = -1
        for m in mark.finditer(text, low, limit):
            last = m.end()
        if last > low:
            return last
    return limit


def split_sentences(text: str) -> list[Sentence]:
    """Return the sentences of `text` in order; each is a stripped, non-empty range."""
    out: list[Sentence] = []
    line_start = 0
    for m in re.finditer(r"\n", text):
        _split_line(text, line_start, m.start(), out)
        line_start = m.end()
    _split_line(text, line_start, len(text), out)
    return out
