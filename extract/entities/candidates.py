"""Candidate name spans from capitalisation: runs of capitalised words, cut into names.

A run ("Iraqi Prime Minister Mustafa al-Kadhimi") is cut at connectors that do not belong to a name
("Iraq and Iran"), at titles ("Prime Minister"), at weekdays, months and date spans, and loses a
sentence-opening common word, a leading "the" and a lower-case hyphenated tail ("Iran-backed").
Headline lines (all capitals or title case) are left to `headlines`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Container, Mapping
from dataclasses import dataclass

from extract.entities import lexicon as lx
from extract.entities.patterns import HYPHEN_LOWER_TAIL, WORD, name_runs

Word = tuple[int, int, str]


@dataclass(frozen=True, slots=True)
class Candidate:
    """A name span with the contextual evidence found while cutting it out."""

    start: int
    end: int
    words: tuple[Word, ...]
    titled: bool = False  # a person title stood right before it
    sentence_initial: bool = False


def _key(word: str) -> str:
    return word.lower().rstrip(".")


def _is_particle(word: str) -> bool:
    return (word[0].islower() and "-" not in word and "'" not in word and "’" not in word) or word == "&"


def _connector_ok(piece: list[Word], connector: str) -> bool:
    """May `connector` continue the name in `piece` ("Bank of", "Ministry of Oil and")?"""
    if connector in lx.NAME_PARTICLES and connector not in lx.CONNECTORS:
        return True
    if not piece:
        return False
    first, last = piece[0][2], piece[-1][2]
    if connector == "the":
        return last == "of"
    if connector == "of" and last.endswith(("'s", "’s")):  # "Lloyd's of London"
        return True
    if connector == "&":
        return True
    if connector == "in":  # "Organisation for Security and Co-operation in Europe", not "Ministry of X in Y"
        return first in lx.ORG_FIRST and any(w[2] == "for" for w in piece)
    if connector == "and":
        return any(w[2] == "of" for w in piece) or first in lx.ORG_FIRST
    return last in lx.CONNECTOR_HEADS or first in lx.ORG_FIRST or _key(last) in lx.TITLES


def _common_word(word: str, lower_vocab: Container[str]) -> bool:
    """Is a sentence-opening capitalised `word` an ordinary word (used in lower case, or shaped so)?"""
    if len(word) > 1 and word.isupper():  # "WHO", "US": an acronym, whatever word it spells
        return False
    k = _key(word)
    if k in lx.FUNCTION_WORDS or k in lower_vocab:
        return True
    if k.endswith("s") and (k[:-1] in lower_vocab or (k.endswith("es") and k[:-2] in lower_vocab)):
        return True
    if k + "s" in lower_vocab:
        return True
    return len(k) > 5 and k.endswith(lx.COMMON_SUFFIXES) and word[1:].islower()


def _named_site(piece: list[Word], lower_vocab: Container[str]) -> bool:
    """Does a word that only looks common by its ending ("-ing": "Ebbing Street") open the name of a
    place or organisation whose head word follows?"""
    if len(piece) != 2 or piece[1][2] not in _SITE_HEADS:
        return False
    k = _key(piece[0][2])
    return k not in lx.FUNCTION_WORDS and k not in lower_vocab and k.rstrip("s") not in lower_vocab


_SITE_HEADS = lx.FACILITY_LAST | lx.LOC_LAST | lx.ORG_LAST


def _common_tail(word: str, lower_vocab: Container[str]) -> bool:
    """Is the hyphenated tail of `word` an ordinary word ("Iran-backed"), not part of a name
    ("Zia-ul-Rahmat", "Lin Mei-hua")?"""
    tail = word.rsplit("-", 1)[-1].rstrip("'’")
    return tail.islower() and (
        tail in lower_vocab or tail.endswith(lx.COMMON_SUFFIXES) or tail in lx.HYPHEN_TAILS
    )


def _split_connectors(text: str, words: list[Word], known: Mapping[str, object]) -> list[list[Word]]:
    pieces: list[list[Word]] = [[]]
    for i, w in enumerate(words):
        if _is_particle(w[2]):
            # "Trinidad and Tobago", "Isle of Man": a known name keeps its connector.
            phrase = i and i + 1 < len(words) and text[words[i - 1][0] : words[i + 1][1]] in known
            if phrase or _connector_ok(pieces[-1], w[2]):
                pieces[-1].append(w)
            else:
                pieces.append([])
        else:
            pieces[-1].append(w)
    out = []
    for p in pieces:
        while p and _is_particle(p[-1][2]):
            p.pop()
        while p and _is_particle(p[0][2]):
            p.pop(0)
        if p:
            out.append(p)
    return out


def _given(word: Word, known: Mapping[str, object]) -> bool:
    """Could `word` be a given name before a surname (not a title, modifier, code or nationality)?"""
    k = _key(word[2])
    return (
        k not in lx.TITLES
        and k not in lx.TITLE_MODIFIERS
        and not word[2].isupper()
        and word[2] not in known
        and word[2] not in lx.GPE_LAST  # "County Sheriff": a place before a title is no given name
        and word[2] not in lx.ORG_LAST
    )


def _is_title(piece: list[Word], i: int, known: Mapping[str, object]) -> bool:
    """Is word `i` a person title here? Not in "Stephen King" or "John Major", where it is a surname."""
    k = _key(piece[i][2])
    if k not in lx.TITLES:
        return False
    return not (k in lx.SURNAME_TITLES and i > 0 and _given(piece[i - 1], known))


def _split_titles(piece: list[Word], known: Mapping[str, object]) -> list[tuple[list[Word], bool]]:
    """Cut person titles out: returns (words, titled) parts; a part after a title is `titled`."""
    if piece[-1][2] in lx.ORG_LAST:
        return [(piece, False)]
    last_title = -1
    for i in range(len(piece) - 1):
        if _is_title(piece, i, known):
            last_title = i
    # A title run may end the piece ("Secretary General"): then it is a trailing title.
    while last_title >= 0 and last_title + 1 < len(piece) and _is_title(piece, last_title + 1, known):
        last_title += 1
    if last_title < 0 or last_title == len(piece) - 1:
        trailing = len(piece)
        while (
            trailing > 0
            and _key(piece[trailing - 1][2]) in lx.STRONG_TITLES
            and _is_title(piece, trailing - 1, known)
        ):
            trailing -= 1
        if trailing < len(piece):  # "Foreign Secretary" with no name after it: the modifiers go too
            while trailing > 0 and (
                _key(piece[trailing - 1][2]) in lx.TITLE_MODIFIERS
                or _key(piece[trailing - 1][2]) in lx.TITLES
            ):
                trailing -= 1
        return [(piece[:trailing], False)] if trailing else []
    j = last_title + 1
    if piece[j][2] == "of":  # "Secretary of State", "Minister of Foreign Affairs"
        j += 1
        while j < len(piece) and (_key(piece[j][2]) in lx.TITLE_MODIFIERS or piece[j][2] in lx.ORG_LAST):
            j += 1
    right = piece[j:]
    k = last_title
    while k > 0 and (_key(piece[k - 1][2]) in lx.TITLES or _key(piece[k - 1][2]) in lx.TITLE_MODIFIERS):
        k -= 1
    left = piece[:k]
    parts: list[tuple[list[Word], bool]] = []
    if left:
        parts.extend(_split_titles(left, known))
    if right and not all(_key(w[2]) in lx.NAME_SUFFIXES for w in right):
        parts.append((right, True))
    return parts


def overlaps(taken: list[tuple[int, int]], starts: list[int], s: int, e: int) -> bool:
    """Does [s, e) overlap one of the sorted, disjoint `taken` spans (`starts` their starts)?"""
    i = bisect_left(starts, e)
    return i > 0 and taken[i - 1][1] > s


def find_candidates(
    text: str,
    opener_starts: frozenset[int],
    lower_vocab: Container[str],
    taken: list[tuple[int, int]],
    skip_lines: list[tuple[int, int]],
    known: Mapping[str, object],
) -> list[Candidate]:
    """Candidate names outside `skip_lines` (headline ranges) and `taken` spans, in text order.

    `known` holds names (the gazetteer) whose words stay together ("New Zealand" opening a sentence).
    """
    taken_starts = [t[0] for t in taken]
    skip_starts = [t[0] for t in skip_lines]
    out: list[Candidate] = []
    for rs, re_ in name_runs(text):
        if skip_lines and overlaps(skip_lines, skip_starts, rs, re_):
            continue
        word = text[rs:re_]
        if " " not in word and "\u00a0" not in word:
            _single_word(word, rs, re_, opener_starts, lower_vocab, taken, taken_starts, out)
            continue
        words = [(rs + m.start(), rs + m.end(), m.group()) for m in WORD.finditer(word)]
        if words[0][2] == "The":  # "The Centers for Disease Control ...": the article is not the name
            words = words[1:]
        pieces = [words] if word in known else _split_connectors(text, words, known)
        for piece in pieces:
            _cut_piece(text, piece, opener_starts, lower_vocab, known, taken, taken_starts, out)
    return out


def _single_word(
    word: str,
    start: int,
    end: int,
    opener_starts: frozenset[int],
    lower_vocab: Container[str],
    taken: list[tuple[int, int]],
    taken_starts: list[int],
    out: list[Candidate],
) -> None:
    """The common case of `_cut_piece`: a run of one capitalised word, with the same tests."""
    initial = start in opener_starts
    if initial and _common_word(word, lower_vocab):
        return
    if len(word) == 1 or word in lx.NEVER_ALONE:
        return
    if taken and overlaps(taken, taken_starts, start, end):
        return
    tail = _hyphen_lower_tail(word)
    if tail and _common_tail(word, lower_vocab):
        word, end = word[: tail.start()], start + tail.start()
    elif word[-1] in "'’":
        word, end = word[:-1], end - 1
    k = _key(word)
    if not word or k in lx.WEEKDAYS or (k in lx.NOT_NAMES and not word.isupper()) or k == "the":
        return
    if _period(k):
        return  # "April-June", "Monday-Friday": a period, not a name
    if k in lx.STRONG_TITLES:
        return
    out.append(Candidate(start, end, ((start, end, word),), False, initial))


def _period(key: str) -> bool:
    """Whether `key` is months or weekdays joined by hyphens (or one of them): every piece of
    `key.split("-")` is one. Speed: a key without a hyphen is its only piece (no split, no generator)."""
    if "-" not in key:
        return key in lx.MONTHS or key in lx.WEEKDAYS
    return all(p in lx.MONTHS or p in lx.WEEKDAYS for p in key.split("-"))


def _hyphen_lower_tail(word: str) -> re.Match[str] | None:
    """`HYPHEN_LOWER_TAIL.search(word)`; speed: most words have no hyphen, which `in` tells first."""
    if "-" in word or "‐" in word:
        return HYPHEN_LOWER_TAIL.search(word)
    return None


def _cut_piece(
    text: str,
    piece: list[Word],
    opener_starts: frozenset[int],
    lower_vocab: Container[str],
    known: Mapping[str, object],
    taken: list[tuple[int, int]],
    taken_starts: list[int],
    out: list[Candidate],
) -> None:
    initial = piece[0][0] in opener_starts
    if (
        initial
        and _common_word(piece[0][2], lower_vocab)
        and not (len(piece) > 1 and text[piece[0][0] : piece[1][1]] in known)
        and not _named_site(piece, lower_vocab)
    ):
        piece = piece[1:]
        while piece and _is_particle(piece[0][2]):
            piece = piece[1:]
        initial = False
    # Cut at words that are never part of a name here (weekdays, months, date spans, "I").
    parts: list[list[Word]] = [[]]
    for w in piece:
        k = _key(w[2])
        if (
            k in lx.WEEKDAYS
            or (k in lx.MONTHS and len(piece) > 1)
            or w[2] in lx.NEVER_ALONE
            or (len(w[2]) == 1 and w[2] != "&")
            or (taken and overlaps(taken, taken_starts, w[0], w[1]))
        ):
            parts.append([])
            continue
        tail = _hyphen_lower_tail(w[2])
        if tail and _common_tail(w[2], lower_vocab):  # "Iran-backed": the name ends at the hyphen
            parts[-1].append((w[0], w[0] + tail.start(), w[2][: tail.start()]))
            parts.append([])
            continue
        parts[-1].append(w)
    for part in parts:
        while part and (_is_particle(part[-1][2]) or _key(part[-1][2]) == "the"):
            part.pop()
        while part and (_is_particle(part[0][2]) or _key(part[0][2]) == "the"):
            part.pop(0)
        while part and part[-1][2].endswith(("'s", "’s")):  # "People's" cut from its name ("Women's March")
            part.pop()
        if part and part[-1][2][-1] in "'’":  # "the Dockers’ strike": the plural possessive goes
            last = part[-1]
            part[-1] = (last[0], last[1] - 1, last[2][:-1])
        if not part:
            continue
        if len(part) == 1 and _key(part[0][2]) in lx.NOT_NAMES and not part[0][2].isupper():
            continue
        for words, titled in _split_titles(part, known):
            if not words:
                continue
            out.append(
                Candidate(
                    start=words[0][0],
                    end=words[-1][1],
                    words=tuple(words),
                    titled=titled,
                    sentence_initial=initial and words[0][0] == piece[0][0],
                )
            )
