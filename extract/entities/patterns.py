"""Precompiled regular expressions for entity candidates: capitalised runs, acronyms, datelines, lines.

Built once at import from Unicode properties (upper-case letters of the Latin, Greek and Cyrillic
blocks), so names such as "São Paulo" or "Đặng Thị Ngọc Thịnh" are single runs.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache

from extract.trie import trie_regex

# Capitals as compact ranges, so the patterns compile fast: ASCII and Latin-1 exactly; Latin Extended,
# Latin Extended Additional (Vietnamese) and Greek / Cyrillic capitals by block. Extended blocks mix
# cases; a lower-case word from them is treated like a particle and cuts the name.
UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u024f\u0391-\u03a9\u0400-\u042f\u1e00-\u1eff"
_U = f"[{UPPER}]"
_APOS = r"(?:['’](?!s\b)[^\W\d_]\w*)"
_CAPWORD = rf"{_U}\w*{_APOS}*(?:[-‐]\w+{_APOS}*)*(?:\.(?:com|net|org)\b)?(?:(?<=s)['’](?=[ ]+{_U}))?"
_PREFIX = r"(?:al|el|ad|as|ash|at|az|ar|an|bin|ibn|abu|abd|bani|ben|ould|ul|ud|ur|de|di|da|van|von|le|la|d|l)"
NAME_WORD = (
    rf"(?:{_U}\.(?:{_U}\.)+"  # U.S.  U.N.
    r"|(?:Gen|Lt|Col|Maj|Capt|Sgt|Adm|Cmdr|Brig|Cpl|Pvt|Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Rev|Supt|Det|St|Mt|Ft|Jr|Sr)"
    rf"\.(?= )"
    r"|(?:Inc|Corp|Co|Ltd|Bros|Plc|Jr|Sr)\.(?=\s|$|[,;:)'’])"
    rf"|{_U}\.(?= {_U})"  # an initial: "John F. Kennedy"
    rf"|{_PREFIX}[-‐'’]{_CAPWORD}"  # al-Muhandis, d'Estaing
    # a possessive inside a name: "People's Bank", "St. Mary's Hospital"
    rf"|(?:People|Women|Men|Children|(?<=St\. ){_U}\w+)['’]s(?=[ \u00a0]+{_U})"
    rf"|{_U}\w+['’]s(?=[ ]of[ ]{_U})"  # "Lloyd's of London": a possessive name with its place
    rf"|{_CAPWORD})"
)
_PARTICLE = (
    r"(?:of|for|on|upon|and|&|the|de|da|del|della|di|du|des|la|le|van|von|der|den|ter|bin|ibn|bint|y|e|do|dos|das"
    r"|af|zu|no|in)"
)
_SEP = r"[ \u00a0]+"
_RUN_BODY = rf"{NAME_WORD}(?:{_SEP}(?:{_PARTICLE}{_SEP}){{0,2}}{NAME_WORD})*"
# Every run opens with a capital, or with a name prefix and the character joining it to a capital
# ("al-Muhandis", "d'Estaing"): found from the capitals, which the engine scans for in C.
_CAPITAL = re.compile(f"[{UPPER}]")
_PREFIX_WORDS = frozenset(_PREFIX[3:-1].split("|"))
_LONGEST_PREFIX = max(map(len, _PREFIX_WORDS))
_PREFIX_JOINERS = "-‐'’"


@cache
def _run() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w'’.-]){_RUN_BODY}")


def __getattr__(name: str) -> re.Pattern[str]:
    """`RUN`, the capitalised run as one regex (compiled on first use: a large regex)."""
    if name == "RUN":
        return _run()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def name_runs(text: str) -> Iterator[tuple[int, int]]:
    """The spans of `RUN.finditer(text)`, found faster. Speed: RUN opens with a look-behind, so the
    engine would try it at every character; a run can only open at a capital or at a name prefix right
    before one, so it is tried there only: the capitals are found by a one-class regex (scanned for in
    C), in order, and at each the prefix starts before it (at most four), then the capital itself."""
    run_at = _run().match
    pos = 0  # where the last run ended: the next one opens there or later
    for capital in _CAPITAL.finditer(text):
        at = capital.start()
        if at < pos:
            continue
        m = _prefixed_run(text, at, pos, run_at) or run_at(text, at)
        if m is not None:
            pos = m.end()
            yield m.start(), pos


def _prefixed_run(
    text: str, capital: int, pos: int, run_at: Callable[[str, int], re.Match[str] | None]
) -> re.Match[str] | None:
    """The first run (from the left) that opens with a name prefix joined to the capital at `capital`,
    at `pos` or later; None when there is none."""
    joiner = capital - 1
    if joiner < 1 or text[joiner] not in _PREFIX_JOINERS:
        return None
    for start in range(max(pos, joiner - _LONGEST_PREFIX), joiner):
        if text[start:joiner] in _PREFIX_WORDS and (m := run_at(text, start)) is not None:
            return m
    return None


WORD = re.compile(r"\S+")
# "Popular Mobilization Forces (PMF" / "Operation Inherent Resolve ( OIR )": an acronym being defined.
ACRONYM_DEFINITION = re.compile(rf"\(\s*({_U}[{UPPER}0-9&.\-]{{1,11}}?s?)\s*(?:[),;]|or\b)")
# "(PMF, or Hashd al-Shaabi)": an alias given with the acronym.
ALIAS_DEFINITION = re.compile(
    rf"\(\s*{_U}[{UPPER}0-9&.\-]{{1,11}}\s*,\s*(?:or|also|aka)\s+({_U}[^()\n]{{1,60}}?)\s*\)"
)
# A dateline: capitalised place at the start of a line, then a comma, a date, a dash or "(Reuters)".
_DATELINE_PLACE = rf"({_U}[{UPPER}'’.\-]+(?:[ ]{_U}[{UPPER}'’.\-]+){{0,3}})(?=\s*(?:,|\(|[-—–]|\d))"
DATELINE = re.compile(rf"^{_DATELINE_PLACE}", re.M)
# Speed: "^" in MULTILINE mode is tried at every character; a line break is a literal the engine jumps to.
_DATELINE_AFTER_BREAK = re.compile(rf"\n{_DATELINE_PLACE}")


def dateline_places(text: str) -> Iterator[re.Match[str]]:
    """The matches of `DATELINE.finditer(text)` (the place is group 1), found faster: the first line's,
    then those after each line break (a place never spans lines, so they cannot overlap)."""
    first = DATELINE.match(text)
    if first is not None:
        yield first
    yield from _DATELINE_AFTER_BREAK.finditer(text)


LINE = re.compile(r"[^\n]+")
LETTER_WORD = re.compile(r"[^\W\d_][\w'’.\-]*")
LOWER_START = re.compile(r"(?<![^\s\"“‘(])[a-z]")
LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z'’]*(?![\w'’-])")
# Every ASCII character that cannot stand inside a word (a LOWER_WORD token is cut by anything but
# [\w'’-]), mapped to a space.
_ASCII_BREAKS = str.maketrans({chr(c): " " for c in range(128) if not (chr(c).isalnum() or chr(c) in "_'-")})


def lower_words(text: str) -> frozenset[str]:
    """The distinct words of `text` written in lower-case ASCII letters (and apostrophes): the set of
    `LOWER_WORD.findall(text)`. Speed: in an ASCII text the words are cut apart by `str.translate` and
    `split` in C and each distinct one is checked once, instead of the pattern's look-behind being tried
    at every character (about 1.8x as fast on a 4 KB article)."""
    if not text.isascii():
        return frozenset(LOWER_WORD.findall(text))
    words = set(text.translate(_ASCII_BREAKS).split())
    return frozenset(w for w in words if "a" <= w[0] <= "z" and w.replace("'", "").isalpha() and w.islower())


_LOWER_TOKEN = re.compile(r"[a-z][a-z']*")  # a word of `lower_words` in an ASCII text, whole


class LowerWords:
    """The distinct lower-case words of `text` (`lower_words(text)`), answering only what the entity layer
    asks of them: whether a word is one (`in`) and which words of a fixed list are (`among`). Speed: in an
    ASCII text a word is looked for as a blank-padded token of the text cut apart by `str.translate` (a
    substring search in C), and a word list by one regex pass, instead of every word of the text being
    split off and hashed into a set: a few words are asked about in an article, where it has hundreds
    (the set cost about half of the entity layer on bench_import's articles). Any other text gets the set."""

    __slots__ = ("_padded", "_words")

    def __init__(self, text: str) -> None:
        self._words: frozenset[str] | None = None  # the set itself, for a text that is not ASCII
        self._padded = ""
        if text.isascii():
            self._padded = f" {text.translate(_ASCII_BREAKS)} "
        else:
            self._words = frozenset(LOWER_WORD.findall(text))

    def __contains__(self, word: object) -> bool:
        if self._words is not None:
            return word in self._words
        return (
            isinstance(word, str) and _LOWER_TOKEN.fullmatch(word) is not None and f" {word} " in self._padded
        )

    def among(self, words: frozenset[str]) -> frozenset[str]:
        """`words & lower_words(text)`."""
        if self._words is not None:
            return words & self._words
        return frozenset(_tokens_of(words).findall(self._padded))


@cache
def _tokens_of(words: frozenset[str]) -> re.Pattern[str]:
    """Those of `words` shaped as lower-case words, each found as a blank-padded token (the blank before
    it consumed, the one after it left for the next token)."""
    shaped = frozenset(filter(_LOWER_TOKEN.fullmatch, words))
    return re.compile(f" ({trie_regex(shaped)})(?= )" if shaped else "(?!)")


SENTENCE_OPENER = re.compile(r"[\s\"'“‘(\[\-–—]{0,8}")
ALL_CAPS_ACRONYM = re.compile(rf"^(?:{_U}[{UPPER}0-9&]+|{_U}\.(?:{_U}\.)+)$")
# An amount next to a code makes it a currency or unit ("KD 7.5 million", "8,000 TEU"); bare small
# integers do not (results tables: "Braga 3").
_AMOUNT = r"(?:\d{1,3}(?:,\d{3})+|\d+\.\d+|\d+(?:[ \t]+(?:million|billion|thousand|m|bn)\b))"
NUMBER_NEXT = re.compile(rf"[ \t]?{_AMOUNT}")
NUMBER_BEFORE = re.compile(rf"{_AMOUNT}[ \t]+$")


def is_acronym(word: str) -> bool:
    """'PMF', 'U.S.', 'AT&T' (the character class is by block, so case is checked here too)."""
    return word.isupper() and ALL_CAPS_ACRONYM.match(word) is not None


HYPHEN_LOWER_TAIL = re.compile(r"[-‐][a-z]")
AGE_AFTER = re.compile(r"\s*,\s*\d{1,2}\s*,")
LABEL_AFTER = re.compile(r"[ \t]*:")
NEXT_TOKEN = re.compile(r"[ \t]+(\S)")
COORDINATION = re.compile(r"(?:,?\s+and|,?\s+or|\s+&)\s+")
# "Lena Marsh ( Canada )": a person with the country they represent.
PAREN_AFTER = re.compile(r"[ \t]*\([ \t]*([^()\n]{2,40}?)[ \t]*\)")
YEAR_ONLY = re.compile(r"^[\d/.\-]*\b(?:1[89]|20)\d\d\b[\d/.\-]*$")
# "analysts at X", "shares of X": a noun and a preposition right before a name (noun checked against a list).
ORG_CONTEXT_BEFORE = re.compile(r"\b([A-Za-z]+)[ \t]+(at|for|with|of|in)[ \t]+$")
# A capital inside a word after a lower-case letter ("TikTok", "PayPal"), except in surnames with a
# prefix ("McDonald", "MacArthur", "DeSantis", "LeBlanc", "DiMaggio", "VanDyke").
CAMEL_CASE = re.compile(r"^(?!Mc|Mac|De|Di|Da|Du|La|Le|Van|Von)[A-Z][a-z]+[A-Z]")
# "Game 6", "Group 4": a word followed by a number is a label.
DIGIT_NEXT = re.compile(r"[ \t]+\d")
# "the town of X", "the capital X" (the noun is checked against a list).
PLACE_NOUN_BEFORE = re.compile(r"\b([A-Za-z]+)(?:[ \t]+of)?[ \t]+$")
# "X, California" / "X , Malawi": a name, a comma and a capitalised place, then the clause goes on.
PLACE_AFTER = re.compile(rf"[ \t]*,[ \t]*({_U}[\w'’.\-]*(?:[ ]{_U}[\w'’.\-]*)?)(?=[ \t]*(?:[,.;:)]|$))", re.M)
# "pro-Kremlin", "sub-Saharan", "ex-Soviet": a lower-case prefix on a name makes an adjective of a group.
NAME_PREFIXES = frozenset(
    ("pro", "anti", "ex", "sub", "pan", "non", "post", "pre", "neo", "trans", "mid", "inter")
)
HYPHEN_CAPITAL = re.compile(rf"-{_U}")  # found first: far cheaper than the whole pattern
PREFIXED_NAME = re.compile(rf"[a-z]+-{_U}[^\W\d_]+(?:-{_U}[^\W\d_]+)?(?![\w'’-])")
# "Ecorail said", "Norvida will", "Velmora's chief executive": a word after a sentence-opening name that
# shows it is a name (checked against a list).
NEXT_WORD = re.compile(r"(?:['’]s)?[ \t]+([a-z]+)")
# "X, a state-owned broadcaster": an apposition naming the kind of organisation (noun checked).
APPOSITION = re.compile(r"[ \t]*,[ \t]+(?:a|an|the)[ \t]+(?:[\w-]+[ \t]+){0,3}?([a-z]+)\b")
# "X's chief executive": an organisation's officer or property after its possessive (noun checked).
POSSESSIVE_NEXT = re.compile(r"['’]s[ \t]+(?:[a-z]+[ \t]+)?([a-z]+)\b")
# A results line: "Tulsa 4 Omaha 1" - a name with a score, then another name with a score.
SCORE_AFTER = re.compile(rf"[ \t]+\d{{1,3}}[ \t]+{_U}[^\n\d]{{0,40}}?[ \t]\d{{1,3}}\b")
SCORE_AROUND = re.compile(r"\b\d{1,3}[ \t]+$")
SCORE_NEXT = re.compile(r"[ \t]+(\d{1,3})\b")
# A league table row: a name opening a line, then five or more small counts ("X 6 4 2 0 11 5 14").
STANDINGS_AFTER = re.compile(r"((?:[ \t]+\d{1,3}){5,})[ \t]*$", re.MULTILINE)
# "X index", "X industrial average", "X 100 index": a market index (noun checked).
INDEX_AFTER = re.compile(r"[ \t]+([\w-]+)(?:[ \t]+([a-z]+)\b)?")
# "OSLO , X 2020-05-14": the capitals and comma of a dateline before the region or country it names.
DATELINE_HEAD = re.compile(rf"{_U}[{UPPER}'’.\-]+(?:[ ]{_U}[{UPPER}'’.\-]+){{0,3}}[ \t]*,[ \t]*")
# Figures after a table row's label: "Sales 41.3", "Fax +27 ...", "Extras ( b 4 w 2 ) 6", "Chg on wk".
ROW_FIGURES = re.compile(r"[ \t]*\(?[ \t]*(?:[a-z]{1,3}[ -]?)?[\d+$-]|[ \t]+on[ \t]")
# "X said in a statement": a speech verb, perhaps a day, then "in a/its" and a document (noun checked).
STATEMENT_AFTER = re.compile(
    r"[ \t]+(?:said|says|announced|added|confirmed)[ \t]+(?:on[ \t]+[A-Z][a-z]+[ \t]+)?"
    r"in[ \t]+(?:a|an|its|their)[ \t]+(?:[\w-]+[ \t]+){0,2}?([a-z]+)\b"
)
# "the mouth of the X", "the banks of X": a noun and "of" before a natural feature (noun checked).
LOC_NOUN_BEFORE = re.compile(r"\b([a-z]+)[ \t]+of[ \t]+(?:the[ \t]+)?$")
# "the ship, the X" / "the ferry X": a vessel noun shortly before a name (noun checked).
VESSEL_BEFORE = re.compile(r"\b([a-z]+),?[ \t]+(?:the[ \t]+)?$")
# "X and Y villages": the word after a coordinated name, for nouns that describe both.
PAIR_NEXT = re.compile(rf"[ \t]+(?:and|or)[ \t]+{_U}[\w'’-]*[ \t]+([a-z]+)")
# Bowling figures after a name in a scorecard: "X 10-0-41-2" (overs-maidens-runs-wickets).
BOWLING_AFTER = re.compile(r"[ \t]+\d{1,2}(?:\.\d)?-\d{1,2}-\d{1,3}-\d{1,2}\b")
# Names listed one after another: a comma, perhaps a line break.
LIST_COMMA = re.compile(r"[ \t]*,[ \t]*\n?[ \t]*")
