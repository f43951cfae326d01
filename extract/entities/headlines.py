"""Headlines and datelines: lines whose capitalisation says nothing about names.

A line in capitals ("SOCCER - HOSTS BEAT VISITORS") or in title case ("More Than Half Of Forces Will
Leave") is found here; inside it only names the article uses elsewhere, or gazetteer places, are
marked, by longest match. A dateline ("ERBIL, Kurdistan Region —", "OSLO 2020-05-14") names a place.
"""

from __future__ import annotations

from collections.abc import Mapping

from extract.entities import lexicon as lx
from extract.entities.candidates import overlaps
from extract.entities.gazetteer import Gazetteer
from extract.entities.patterns import LETTER_WORD, LINE, LOWER_START, YEAR_ONLY, dateline_places

MAX_HEADLINE = 300
MAX_NGRAM = 4


def headline_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line written in capitals or in title case."""
    out = []
    for m in LINE.finditer(text):
        if m.end() - m.start() > MAX_HEADLINE:
            continue
        line = m.group()
        # Quick rejection of prose: many words opening in lower case (a superset of both tests' limits).
        if len(LOWER_START.findall(line)) * 4 > line.count(" ") + 1:
            continue
        words = LETTER_WORD.findall(line)
        if not words:
            continue
        if _is_caps(words) or _is_title_case(words):
            out.append(m.span())
    return out


def _is_caps(words: list[str]) -> bool:
    letters = [w for w in words if len(w) > 1]
    caps = sum(1 for w in letters if w.isupper())
    return caps >= 2 and caps >= 0.8 * len(letters) and any(len(w) > 3 and w.isupper() for w in letters)


def _is_title_case(words: list[str]) -> bool:
    if len(words) < 4:
        return False
    lower = sum(1 for w in words if w[0].islower())
    # "The" and "A" open names too ("The Hague", "A. Smith"); "Of", "Will", "From" capitalised do not.
    function_caps = sum(
        1 for w in words[1:] if w[0].isupper() and w.lower() in lx.FUNCTION_WORDS and w not in ("The", "A")
    )
    return lower <= len(words) // 5 and function_caps >= 1


def datelines(text: str, caps_lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of dateline places at line starts."""
    caps_starts = {s for s, _ in caps_lines}
    out = []
    for m in dateline_places(text):
        s, e = m.span(1)
        line_end = text.find("\n", e)
        rest = text[e : line_end if line_end >= 0 else len(text)].strip()
        if s in caps_starts:
            # A capitals line is a dateline only when a date follows the place ("OSLO 2020-05-14").
            if not YEAR_ONLY.match(rest):
                continue
        elif not rest or not (rest[0] in ",(-—–" or YEAR_ONLY.match(rest)):
            continue
        if len(text[s:e]) < 3 or not text[s:e].isupper() or text[s:e].lower() in lx.FUNCTION_WORDS:
            continue
        out.append((s, e))
    return out


def _trailing(word: str) -> int:
    """Characters to drop from a headline word: a possessive or a full stop that is not an acronym's."""
    if word.endswith(("'s", "’s", "'S", "’S")):
        return 2
    return 1 if word.endswith(".") and word.count(".") == 1 else 0


def match_headline(
    text: str,
    start: int,
    end: int,
    known: Mapping[str, tuple[str, str]],
    gaz: Gazetteer,
    taken: list[tuple[int, int]],
    sports: bool,
) -> list[tuple[int, int, str, str]]:
    """(start, end, type, canonical) for known names and places inside a headline line."""
    words = [(start + m.start(), start + m.end(), m.group()) for m in LETTER_WORD.finditer(text[start:end])]
    words = [(s, e - _trailing(w), w) for s, e, w in words]
    taken_starts = [t[0] for t in taken]
    out = []
    i = 0
    while i < len(words):
        found = None
        for n in range(min(MAX_NGRAM, len(words) - i), 0, -1):
            s, e = words[i][0], words[i + n - 1][1]
            if taken and overlaps(taken, taken_starts, s, e):
                continue
            phrase = text[s:e]
            if "  " in phrase or "\t" in phrase:
                continue
            key = phrase.lower()
            hit = known.get(key)
            if hit is None:
                hit = gaz.lookup_folded(phrase)
                if hit is not None and sports and hit[0] == "GPE" and not gaz.is_country(hit[1]):
                    hit = ("ORG", hit[1])
            if hit is not None and (n > 1 or key not in lx.FUNCTION_WORDS):
                found = (s, e, hit[0], hit[1], n)
                break
        if found:
            out.append(found[:4])
            i += found[4]
        else:
            i += 1
    return out
