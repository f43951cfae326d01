"""The timex rules: each expression family's regex, normaliser and examples together, in priority order.

Each `Resolver.r_NAME` method is declared a rule by `@rule(pattern, examples=...)` (rulebook.py); the
method turns a match into a TIMEX3 type, value and mod, anchored to the publication date, and the examples
give its value for a text published on 2021-01-05. grammar.py orders and compiles the patterns.

A `Resolver` lives for one `find_dates` call only: it remembers the last quarter, year and day mentioned
(so "the year-ago quarter" or "the next day" refer back) and the tense markers of each sentence.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from types import MappingProxyType

from dateutil.relativedelta import relativedelta

from extract.model import Sentence, TimexType
from extract.timex import anchor
from extract.timex.lexicon import (
    DECADE_WORDS,
    MONTHS,
    NUMBER_WORDS,
    ORDINALS,
    OUTSIDE_DURATION_MODS,
    PARTS_OF_DAY,
    POSITION_MODS,
    QUANT_MODS,
    RX_DAY,
    RX_DECADE_WORD,
    RX_DURATION_QUANT_MOD,
    RX_MONTH,
    RX_NUMBER_WORD,
    RX_ORDINAL_WORD,
    RX_QUANT_MOD,
    RX_SEASON,
    RX_TZ,
    RX_UNIT,
    RX_UNITS,
    RX_WEEKDAY,
    RX_YEAR4,
    SEASONS,
    SET_ADVERBS,
    UNITS,
    VAGUE_NUMBERS,
    WEEKDAYS,
)
from extract.timex.lowered import CaselessPattern
from extract.timex.rulebook import CLOCK, NUM, POS_PRE, QMOD_TIGHT, REL, YEAR_WORDS, Rule, declared, rule
from extract.timex.tense import governing_tense, sentence_markers
from extract.trie import trie_regex
from extract.words import table


@dataclass(frozen=True, slots=True)
class Timex:
    """A normalised expression: TIMEX3 type, value and mod; `anchored` False when it needed a missing
    publication date."""

    type: TimexType
    value: str
    mod: str | None = None
    anchored: bool = True


_SPACES = re.compile(r"[\s-]+")
_OUTSIDE_CALENDAR = re.compile(r"0000(?!\d)|-\d+|\d{5,}")  # a year before 1 or after 9999


def _outside_calendar(value: str) -> re.Match[str] | None:
    """`_OUTSIDE_CALENDAR.match(value)`. Speed: such a value opens with "0" or "-" or has a digit fifth,
    which string tests tell before the regex runs (almost every value has neither)."""
    if value[:1] in ("0", "-") or value[4:5].isdigit():
        return _OUTSIDE_CALENDAR.match(value)
    return None


_MAY_VERB = re.compile(
    r"\s+(?:be|have|not|also|well|I|we|you|he|she|they|it|the|a|an|need|want|seek|take|help|lead|become|"
    r"face|soon|still|even|never|only|yet|find|see|get|make|go|come|do|say|use|well)\b"
)
_MARCH_NOUN = re.compile(r"\s+(?:for|of\s+the|on\s+[A-Z]|against|to\s+[A-Z])", re.IGNORECASE)
_SHARED_PLURAL_AFTER = re.compile(
    rf"\s+(?:and|or)\s+{RX_WEEKDAY}(?:s|\s+(?P<pod>morning|afternoon|evening|night)s)(?![\w-])", re.IGNORECASE
)
_SIDED_RULES = frozenset({"md", "dm", "mon_rel", "weekday"})  # dates placed by tense, not by their text
_CALENDAR_VALUE = re.compile(r"\d{4}-\d\d(?:-\d\d)?(?![\d-])")
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+$", re.IGNORECASE)
_POSSESSIVE_AFTER = re.compile(r"['’]s\b")
# "said that summer tourism ...", "so that winter wheat ...": "that" the conjunction, not a determiner.
_THAT_CONJUNCTION_BEFORE = re.compile(
    r"\b(?:said|says|say|saying|told|tells|think|thinks|thought|believes?|believed|knows?|knew|hopes?|hoped|"
    r"expects?|expected|announced|added|noted|argued|warned|reported|shows?|showed|means?|meant|so|such)\s+$",
    re.IGNORECASE,
)
# The reporting period a sentence speaks of before a year-ago comparison: several quarters ("for the nine
# months", "the first half", "the year ended ...") or one ("the quarter", "the three months").
_REPORT_PERIOD = re.compile(
    r"(?P<long>\b(?:six|nine|twelve|6|9|12)[\s-]+months?\b|\b(?:first|second)\s+half\b|\bfull[\s-]+year\b"
    r"|\b(?:fiscal\s+)?year\s+end(?:ed|ing)\b)|(?P<one>\bquarter\b|\bthree[\s-]+months?\b)",
    re.IGNORECASE,
)
_FULL_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATE_PREPOSITION_BEFORE = re.compile(
    r"\b(?:in|since|until|till|by|during|from|before|after)\s+$", re.IGNORECASE
)
_RATE_BEFORE = re.compile(r"(?:\d|\bmillion|\bbillion|\bthousand|\bpercent|%|\bcents?)\s+$", re.IGNORECASE)
_MODAL_BEFORE = re.compile(
    r"\b(?:will|would|could|may|might|can|he|she|they|we|I|you|hopes?\s+to|wants?\s+to)\s+$", re.IGNORECASE
)
_YEAR_BLOCKERS = re.compile(
    r"(?:\bpages?|\bp\.|\bNo\.|\bnumbers?|\brooms?|\broutes?|\bflights?|\bmodels?|\bversion|\bchapter|"
    r"\bsection|\barticle|\bvol\.|\bbus|\bline|\bAct|\bZIP|\bcode|#|\$|\babout|\bsome|\bnearly|\balmost|"
    r"\bthan|\bover|\bunder|\baround|\broughly|\bapproximately|\bonly|\bjust|\bof\s+the|\d)\s*$",
    re.IGNORECASE,
)
_YEAR_KEEP_BEFORE = re.compile(
    r"\b(?:in|since|by|until|till|of|from|during|to|before|after|through|between|and|or|the|fiscal|year|"
    r"early|late|mid|summer|winter|spring|autumn|fall|for|as|at)\s*$",
    re.IGNORECASE,
)
_PLURAL_NOUN_AFTER = re.compile(r"\s+[a-z]+s\b")
# "the opening of the 2000 Olympics": a year before the name of an event is its date ("of the 2000 employees"
# stays a count)
_OF_THE_BEFORE = re.compile(r"\bof\s+the\s*$", re.IGNORECASE)
_EVENT_NAME_AFTER = re.compile(r"\s+[A-Z][a-z]+\b")
_OF_NON_YEAR = re.compile(r"\s+of\s+(?!\d|this|last|next|the\s+year)")
_DECIMAL_AFTER = re.compile(r"\.\d")
_RACE_BEFORE = re.compile(
    r"(?:\bin|\bclocked|\btimed|\btime\s+of|\brecord\s+of|\bbest\s+of)\s+$", re.IGNORECASE
)
_CUE_REACH = 64  # how far back a cue word ending right before a mention is looked for (\b sees past it)
_SEASON_PREPOSITION = re.compile(
    r"\b(?:in|during|since|by|until|over|through|this|last|next|early|late)\s+$", re.I
)
_DURING = re.compile(r"\b(?:during|over|through|throughout)\s+$", re.IGNORECASE)
_OVER_SPAN = re.compile(r"\b(?:for|during|over|through|throughout|within)\s+$", re.IGNORECASE)
_ENDED_ON = re.compile(
    rf"\s+(?:that\s+|which\s+)?end(?:ed|ing)\s+(?P<mon>{RX_MONTH})\s*(?P<d>[0-3]?\d)(?!\d)(?:,\s*(?P<y>{RX_YEAR4})(?!\d))?",
    re.IGNORECASE,
)
_ENDED_AFTER = re.compile(r"\s+(?:that\s+)?end(?:ed|ing|s)\b", re.IGNORECASE)
_HABITUAL = re.compile(
    r"\b(?:usually|normally|typically|traditionally|generally|always|often|customarily|annually|every\s+year|"
    r"each\s+year)\b",
    re.IGNORECASE,
)
_COMPARISON_WORDS = "|".join(table("timex")["comparison_words"])
_COMPARISON_WORD = re.compile(rf"\b(?:{_COMPARISON_WORDS})\b", re.IGNORECASE)
_COMPARISON_WORD_CASELESS = CaselessPattern(_COMPARISON_WORD.pattern)
_SENTENCE_PUNCT = re.compile(r"[.;:!?]")
# A comparison word right before the date it compares with: "than (in) 2019", "as many as in the winter
# before" ("as ... as" followed by a date and nothing else: "as many as 500 people" is a count).
_COMPARED_RIGHT_BEFORE = CaselessPattern(
    r"(?:\bthan|\bas\s+(?:[a-z]+\s+){1,2}as)\s+(?:(?:in|during|at|on|over|for)\s+)?$"
)
# The words a match of _COMPARED_RIGHT_BEFORE ends with, before its closing blanks.
_COMPARED_LAST_WORDS = ("than", "as", "in", "during", "at", "on", "over", "for")


def _compared_right_before(window: str, lowered: str | None) -> bool:
    """Whether `_COMPARED_RIGHT_BEFORE` finds a match in `window` (`lowered`: its lower-case twin, or None).
    Speed: a match ends with blanks after one of `_COMPARED_LAST_WORDS`; most windows end otherwise, which
    string methods tell before the regex is tried at each of their characters."""
    if lowered is not None:
        trimmed = lowered.rstrip()
        if len(trimmed) == len(lowered) or not trimmed.endswith(_COMPARED_LAST_WORDS):
            return False
    return _COMPARED_RIGHT_BEFORE.search(window, lowered) is not None


# "than" or "from" qualifying a plain count rather than introducing a comparison's base: "more than 500
# people", "fewer than 20 ships" (a count of something named; an amount of money stays a comparison).
_QUANTITY_QUALIFIER = re.compile(r"\s+(?:about\s+|around\s+|some\s+)?\d[\d,.]*\s+[a-z]")
# The amount a comparison is made with, right before its base ("compared with a loss of $3 million last
# year", "from $504 million, or $4.41 a share, last year") or right after it ("from last year's $1.5
# billion").
_AMOUNT_BEFORE = re.compile(
    r"(?:\d|\b(?:million|billion|trillion|cents?|share|percent|points?))\s*,?\s*$", re.IGNORECASE
)
_AMOUNT_AFTER = re.compile(r"['’]s\s+(?:[a-z-]+\s+){0,2}(?:[$€£#]|[A-Z]{1,2}\$|\d)")
_CLAUSE_END = re.compile(r"[;:!?]|\.(?!\d)")  # not the point of "$21.4 million"
# A year-long period the sentence speaks of ("earnings for this year, up from last year's $3.27"), unlike
# "this year's third quarter".
_YEAR_PERIOD = re.compile(r"\b(?:this|the)\s+(?:full\s+|fiscal\s+)?year\b(?!['’]s|-)", re.IGNORECASE)
_COMPARED_BEFORE = re.compile(
    r"\b(?:from|than|compared\s+(?:with|to)|versus|vs\.?|against)\s+$", re.IGNORECASE
)
_COMPARISON_RULES = frozenset({"ago", "year_ago_adj", "quarter_ref", "rel_unit", "the_unit"})
_AT_AFTER_DAY = re.compile(r",?\s+at\s+")
# A clock time's day given in a bracket after it: "at 10:35 a.m. (0735 GMT) Friday", "at 4 in the morning
# (4 a.m. local time Thursday)".
_DAY_AFTER_BRACKET = re.compile(
    rf"\s*\((?:[^()\n]{{0,30}}?\s)?(?P<in>{RX_WEEKDAY})\s*\)|\s*\([^()\n]{{1,30}}\)\s*,?\s*(?:on\s+)?(?P<out>{RX_WEEKDAY})(?![\w-])",
    re.IGNORECASE,
)
_FUTURE_NOUNS = "|".join(table("timex")["future_nouns"])
_FOR_FUTURE_NOUN = re.compile(
    rf"\b(?:{_FUTURE_NOUNS})\s+(?:for|in|on|by)\s+(?:the\s+)?(?:[A-Z][a-z]+\.?\s*(?:,|and|or)\s+)?$",
    re.IGNORECASE,
)
_SEASONAL_NOUN_AFTER = re.compile(
    rf"\s+(?:{'|'.join(table('timex')['seasonal_nouns'])})(?![\w-])"
)  # case-sensitive: "the Christmas trade", not "Christmas Trade Fair"
_HOLIDAY_WEEK_AFTER = re.compile(r"\s+(?P<u>week|weekend)(?![\w-])", re.IGNORECASE)
# Speed: searched through a whole sentence, so a trie (one branch per letter) on the lower-case twin.
_RESULTS = CaselessPattern(rf"\b(?:{trie_regex(table('timex')['results_nouns'])})\b")
_RANKED_AFTER = re.compile(
    r"['’]s\s+(?:[a-z]+est|first|second|third|last|final|top|best|worst|most|least|only)\b", re.IGNORECASE
)
_DEADLINE_WORDS = frozenset({"until", "till", "by", "the"})
_NOUN_CUE_WORDS = frozenset({"for", "in", "on", "by", "the", "and", "or"})
_SINCE_BEFORE = re.compile(r"\bsince\s+(?:early\s+|late\s+|mid-?)?$", re.IGNORECASE)
_DEFERRED_TO = re.compile(
    r"\b(?:postponed|delayed|deferred|extended|adjourned|rescheduled|pushed\s+back|put\s+off|moved)\b"
    r"[^,.;:!?]{0,40}?\b(?:until|till|to)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_DEADLINE_BEFORE = re.compile(r"\b(?:until|till|by)\s+(?:the\s+)?$", re.IGNORECASE)
_TENSE_REACH = 45  # characters: a verb further away says little about this expression
_FRONTED_REACH = 120  # characters: how far the main verb after a fronted date ("On Sunday, ...") may stand
_CLAUSE_REACH = 100  # characters: how far back the verb of a date's own clause may stand
_CLAUSE_PUNCT = re.compile(r"[,;:()\"“”]|--")
_HARD_CLAUSE_PUNCT = re.compile(r"[;:()\"“”]|--")
# "chairman, president and chief executive in March": the commas of a short list close no clause.
_LIST_TAIL = re.compile(r"[^,]{0,40}?\b(?:and|or)\s[^,]*")
_LIST_ITEM = re.compile(r"\s*(?:[\w.'’-]+\s*){1,4}")
# A relative clause opened before a date: "who stepped down ... in March", "which will close in June".
# A clause of its own opened before a date: relative ("who stepped down ... in March"), participial ("having
# sold ... in May") or subordinate, with a short subject ("after the mill closed ... in June").
_CLAUSE_OPENER = CaselessPattern(
    r"\b(?:(?P<rel>who|which|whom|having)|(?P<sub>that|after|before|when|while|because|although|though|once))\s+"
)
_OPENER_WORDS = re.compile(r"[\w.'’-]+")
_RELATIVE_REACH = 120  # characters: how far back the verb of a date's relative clause may stand
_INFINITIVE = re.compile(
    r"\bto\s+(?!(?:a|an|the|its|their|his|her|our|my|your|this|that|these|those|some|any|all|each|every|no|"
    r"most|many|more|much|both|several|other|another)\b)"
    r"[a-z]+\b"
)
_COMMA_AFTER = re.compile(r"\s*,")
_FRONTED_BEFORE = re.compile(r"[\s\"'`“‘(]*(?:[A-Za-z]+\s+){0,2}")
_THAT_DAY_REACH = 200  # characters after a named day within which "in the morning" is that day's morning
_TODAY_IS_BEFORE = re.compile(r"(?:\b(?:today|it|this)\s+is|\b(?:it|today)['’]s)\s+$", re.IGNORECASE)
_FUTURE_RELS = frozenset({"next", "coming", "upcoming", "following", "ensuing", "remaining"})


_NON_DIGITS = re.compile(r"\D")


def _norm(s: str) -> str:
    return _SPACES.sub(" ", s.lower()).strip()


def number_value(word: str) -> float | None:
    """The number a NUM token stands for; None for vague amounts ("several", "a few")."""
    w = _norm(word)
    if w in VAGUE_NUMBERS:
        return None
    half = 0.0
    if w.endswith(" and a half"):
        w, half = w[: -len(" and a half")], 0.5
    if w.startswith("half "):
        return 0.5
    if w in NUMBER_WORDS:
        return NUMBER_WORDS[w] + half
    parts = w.split(" ")
    if len(parts) == 2 and parts[0] in NUMBER_WORDS and parts[1] in NUMBER_WORDS:
        return NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]] + half
    digits = w.replace(",", "")
    if " " in digits:  # "5 1/2"
        whole, frac = digits.split(" ", 1)
        num, den = frac.split("/")
        return float(whole) + (float(num) / float(den) if float(den) else 0.0)
    try:
        return float(digits) + half
    except ValueError:
        return None


def duration_value(amount: float | None, unit: str) -> str:
    """P3M, PT5H30M, P2Y6M, PXY... for `amount` of `unit` (None = unknown amount)."""
    base = unit.lower().rstrip("s") if unit.lower() != "centuries" else "century"
    letter, is_time, mult = UNITS.get(base, ("D", False, 1))
    prefix = "PT" if is_time else "P"
    if amount is None:
        return f"{prefix}X{letter}"
    amount *= mult
    whole = int(amount)
    frac = amount - whole
    if frac < 1e-9:
        return f"{prefix}{whole}{letter}"
    sub = {"Y": ("M", 12), "H": ("M", 60), "M": ("S", 60) if is_time else ("D", 30), "D": ("H", 24)}.get(
        letter
    )
    if sub is None:
        return f"{prefix}{round(amount)}{letter}"
    sub_letter, factor = sub
    extra = round(frac * factor)
    if letter == "D":
        return f"P{whole}DT{extra}H" if whole else f"PT{extra}H"
    return f"{prefix}{whole}{letter}{extra}{sub_letter}" if whole else f"{prefix}{extra}{sub_letter}"


def _position_mod(pre: str | None) -> str | None:
    if not pre:
        return None
    key = _norm(pre)
    if key in ("earlier", "later"):
        return None
    return POSITION_MODS.get(key)


def _quant_mod(q: str | None) -> str | None:
    return QUANT_MODS.get(_norm(q)) if q else None


def _outside_mod(before: str) -> str | None:
    """The hedge TimeML keeps outside a duration's span when `before` (the text before it) ends with one."""
    words = before.split()
    return words[-1] if words and words[-1].lower() in OUTSIDE_DURATION_MODS else None


def _capitalised(m: re.Match[str], group: str) -> bool:
    s = m.group(group)
    return bool(s) and s[0].isupper()


def _month(token: str) -> int:
    return MONTHS[token.lower().rstrip(".")]


def _weekday(token: str) -> int:
    return WEEKDAYS[token.lower().rstrip(".")]


def _year_words(words: str) -> int | None:
    w = _norm(words)
    if w.startswith("two thousand"):
        rest = w[len("two thousand") :].replace("and", "").strip()
        return 2000 + (NUMBER_WORDS.get(rest, 0) if rest else 0)
    head, _, tail = w.partition(" ")
    century = {"eighteen": 1800, "nineteen": 1900, "twenty": 2000}.get(head)
    if century is None:
        return None
    if tail == "hundred":
        return century
    tail = tail.replace("oh ", "")
    parts = tail.split(" ")
    total = 0
    for p in parts:
        if p not in NUMBER_WORDS:
            return None
        total += NUMBER_WORDS[p]
    return century + total if total < 100 else None


class Resolver:
    """Turns grammar matches into `Timex` values for one text; create one per `find_dates` call."""

    def __init__(
        self, text: str, sentences: list[Sentence], published: date | None, lowered: str | None = None
    ) -> None:
        self.text = text
        self.lowered = lowered  # the text's lower_case_twin (extract.timex.lowered), when the caller has it
        self.dct = published
        self._sentences = sentences
        self._starts = [s.start for s in sentences]
        self._quarters: list[tuple[int, tuple[int, int]]] = []  # (sentence index, (year, quarter)) in order
        self._last_named_quarter: tuple[int, int] | None = None  # year-ago ones too ("that quarter")
        self.last_year: int | None = None
        self.last_year_end = -1  # where the expression that gave last_year ends
        self.last_day: date | None = None
        self.last_day_end = -1  # where the expression that gave last_day ends
        self.last_season_year: int | None = None  # the year of the last season mentioned
        self.last_season: tuple[int, str, int] | None = None  # (year, season, end offset) of that season
        self.last_month: tuple[int, int] | None = None  # (year, month) of the last month or day mentioned
        self.last_month_end = -1  # where the expression that gave last_month ends
        self._markers: dict[int, list[tuple[int, str]]] = {}  # sentence index (-1: no sentence) -> markers
        self._sentence_side: dict[int, str] = {}  # sentence index -> side of the last dated month or day
        self._mention_starts: list[int] = []  # the spans of the expressions resolved so far, in text order
        self._mention_ends: list[int] = []

    # --- context -------------------------------------------------------------------------------
    def _sentence_index(self, start: int) -> int:
        """The index of the sentence holding `start`; -1 when none does."""
        i = bisect.bisect_right(self._starts, start) - 1
        return i if i >= 0 and self._sentences and self._sentences[i].contains(start) else -1

    def tense(self, start: int, end: int, possessive: bool = True) -> str:
        """PAST, FUTURE or PRESENT from the nearest verb marker within reach in the same sentence, else "".
        A possessive date ("Wednesday's ruling") has none unless `possessive` is False."""
        i = bisect.bisect_right(self._starts, start) - 1
        if i < 0 or not self._sentences or not self._sentences[i].contains(start):
            i, lo, hi = -1, 0, len(self.text)
        else:
            lo, hi = self._sentences[i].start, self._sentences[i].end
        markers = self._markers.get(i)
        if markers is None:  # each sentence is read once, however many expressions it holds
            markers = self._markers[i] = sentence_markers(self.text, lo, hi, self.lowered)
        # Only markers within reach can decide (a modal before the expression reaches twice as far).
        sentence_start = lo
        sentence_end = hi
        lo = max(lo, start - 2 * _TENSE_REACH - 1)
        near_lo = start - _TENSE_REACH - 1
        hi = min(hi, end + _TENSE_REACH)
        near = [
            mk
            for mk in markers
            if lo <= mk[0] < hi and (mk[0] >= near_lo or mk[1] == "FUTURE") and not self._in_mention(mk[0])
        ]
        kind, distance = governing_tense(self.text, near, start, end, lo)
        relative = self._own_clause_verb(markers, sentence_start, start)
        word = self._last_word(sentence_start, start)
        if relative:
            kind, distance = relative, 0  # the verb of the date's own (relative) clause
        elif distance > _TENSE_REACH and self._fronted(sentence_start, start, end):
            # "On Sunday, police and agents of two countries said ...": the main clause's verb governs
            # a fronted date however far it stands.
            reach = min(sentence_end, end + _FRONTED_REACH)
            kind, _ = governing_tense(self.text, [mk for mk in markers if end <= mk[0] < reach], start, end)
            distance = 0 if kind else distance
        elif distance > _TENSE_REACH and word in ("in", "on", "during"):
            # No verb within reach: the nearest one before it in the same clause (no punctuation between)
            # still governs ("The operator changed from its old fiscal year to a calendar year in December").
            clause = self._clause_verb(markers, sentence_start, start)
            if clause:
                kind, distance = clause, 0
        cue = self._preposition_cue(word, sentence_start, start)
        if cue:
            return cue
        if possessive and _POSSESSIVE_AFTER.match(self.text, end):
            return ""  # "Wednesday's ruling", "December's figures": the noun's event, not the clause's verb
        if (
            kind == "PAST"
            and word in _DEADLINE_WORDS
            and _DEADLINE_BEFORE.search(self.text, max(0, start - 40), start)
        ):
            return ""  # "had until Friday", "go home by Jan. 14": after the past event, maybe still ahead
        if distance <= _TENSE_REACH and kind:
            return kind
        # No tense of its own: a date listed with another in the same sentence ("a high in June from a low in
        # March") lies on the same side of publication as the one before it.
        return self._sentence_side.get(i, "")

    def _in_mention(self, offset: int) -> bool:
        """True when `offset` lies inside a date expression resolved before: its words ("earlier" in "a year
        earlier", "ago") belong to that expression and mark no clause's tense."""
        i = bisect.bisect_right(self._mention_starts, offset) - 1
        return i >= 0 and offset < self._mention_ends[i]

    def _clause_verb(self, markers: list[tuple[int, str]], lo: int, start: int) -> str:
        """The tense of the nearest marker before `start` with no clause break between, within
        `_CLAUSE_REACH` characters; "" when there is none."""
        reach = max(lo, start - _CLAUSE_REACH)
        before = [mk for mk in markers if reach <= mk[0] < start and not self._in_mention(mk[0])]
        if not before:
            return ""
        offset, kind = before[-1]
        if _CLAUSE_PUNCT.search(self.text, offset, start) or _INFINITIVE.search(self.text, offset, start):
            return ""  # another clause, or "agreed ... to meet again in the third quarter": a later act
        kind, _ = governing_tense(self.text, before[-1:], start, start + 1, lo)
        return kind

    def _clause_break(self, a: int, b: int) -> bool:
        """Whether punctuation in text[a:b] closes a clause; the commas of a short list ("as chairman,
        president and chief executive") do not."""
        if _HARD_CLAUSE_PUNCT.search(self.text, a, b):
            return True
        pieces = self.text[a:b].split(",")
        if len(pieces) == 1:
            return False
        return not (
            _LIST_TAIL.fullmatch(pieces[-1]) and all(_LIST_ITEM.fullmatch(piece) for piece in pieces[1:-1])
        )

    def _own_clause_verb(self, markers: list[tuple[int, str]], lo: int, start: int) -> str:
        """The tense of the verb of the relative, participial or subordinate clause holding a date ("He
        succeeds Ann Lee, who stepped down as chairman, president and chief executive in March"; "after the
        mill closed in June"): the clause's own verb governs the date, not the main clause's; "" when the
        date is in no such clause opened by a verb within reach."""
        reach = max(lo, start - _RELATIVE_REACH)
        opener = None
        for found in _CLAUSE_OPENER.finditer(self.text, self.lowered, reach, start):
            opener = found  # the last one: the clause nearest the date
        if opener is None:
            return ""
        own = [mk for mk in markers if opener.end() <= mk[0] < start and not self._in_mention(mk[0])]
        if not own or (
            self._clause_break(opener.end(), start)
            if opener["rel"]
            else _CLAUSE_PUNCT.search(self.text, opener.end(), start)
        ):
            return ""  # the clause closed before the date (a list's commas close no relative clause)
        subject = len(_OPENER_WORDS.findall(self.text, opener.end(), own[0][0]))
        if subject > (0 if opener["rel"] else 3):
            return ""  # "said that prices of grain ... rose": no verb of its own opens the clause
        if _INFINITIVE.search(self.text, own[-1][0], start):
            return ""  # "who agreed to step down in March": the later act's date
        kind, _ = governing_tense(self.text, own, start, start + 1, opener.end())
        return kind

    def _fronted(self, lo: int, start: int, end: int) -> bool:
        """True when text[start:end] opens its sentence (after at most a preposition or a linking word, as
        in "On Sunday," or "Also on Friday,") and a comma closes it."""
        if not _COMMA_AFTER.match(self.text, end):
            return False
        return _FRONTED_BEFORE.fullmatch(self.text, lo, start) is not None

    def _last_word(self, lo: int, start: int) -> str:
        """The lower-cased word just before `start` (within the sentence from `lo`), punctuation stripped."""
        words = self.text[max(lo, start - 24) : start].split()
        return words[-1].strip(",;:()\"'“”‘’").lower() if words else ""

    def _preposition_cue(self, word: str, lo: int, start: int) -> str:
        """The tense the words right before an expression impose (`word` the last of them): "since March"
        (past), "postponed until Tuesday" and "bookings for April" (future); "" when they impose none."""
        if word == "since" or (
            word in ("early", "late", "mid") and _SINCE_BEFORE.search(self.text, lo, start)
        ):
            return "PAST"  # "since March": not after the publication
        if word in ("until", "till", "to", "the") and _DEFERRED_TO.search(
            self.text, max(lo, start - 60), start
        ):
            return "FUTURE"  # "postponed until Tuesday", "extended the offer to Nov. 20": a later date
        if word in _NOUN_CUE_WORDS and _FOR_FUTURE_NOUN.search(self.text, max(lo, start - 40), start):
            return "FUTURE"  # "bookings for April", "the forecast for March": what is yet to come
        return ""

    def remember(self, value: str, end: int = -1) -> None:
        """Record the calendar reference a resolved value provides for later anaphora (`end`: where the
        expression ends, so a clock time right after a day, "Saturday morning at 10 a.m.", takes that day)."""
        if len(value) >= 7 and value[4] == "-" and value[:4].isdigit() and value[5:7].isdigit():
            self.last_month = (int(value[:4]), int(value[5:7]))
            self.last_month_end = end
        if len(value) >= 10 and value[4] == "-" and value[7] == "-" and value[:10].replace("-", "").isdigit():
            try:
                self.last_day = date.fromisoformat(value[:10])
            except ValueError:
                return
            self.last_day_end = end
            self.last_year = self.last_day.year
            self.last_year_end = end
        elif len(value) >= 4 and value[:4].isdigit() and (len(value) == 4 or value[4] == "-"):
            self.last_year = int(value[:4])
            self.last_year_end = end

    def resolve(self, rule: str, m: re.Match[str]) -> Timex | None:
        result: Timex | None = _HANDLERS[rule](self, m)
        if result is None:
            return None
        start = m.start()
        if not self._mention_starts or start >= self._mention_ends[-1]:
            self._mention_starts.append(start)
            self._mention_ends.append(m.end())
        if rule in _SIDED_RULES and self.dct is not None:
            self._note_side(start, result.value)
        outside = _outside_calendar(result.value)
        if outside is not None:
            # Shifted out of years 1-9999 ("last year" in year 1): no calendar year, so unanchored.
            return replace(result, value="XXXX" + result.value[outside.end() :], anchored=False)
        return result

    def _note_side(self, start: int, value: str) -> None:
        """Remember on which side of publication the calendar date `value` (at `start`) lies, for its
        sentence."""
        if not _CALENDAR_VALUE.match(value) or self.dct is None:
            return
        i = bisect.bisect_right(self._starts, start) - 1
        if i < 0 or not self._sentences or not self._sentences[i].contains(start):
            i = -1
        here = self.dct.isoformat()[: len(value[:10])]
        if value[:10] != here:
            self._sentence_side[i] = "PAST" if value[:10] < here else "FUTURE"

    def comparison(self, rule: str, start: int) -> bool:
        """True when the relative expression at `start` is the base of a comparison ("17% more than a year
        earlier", "up from $3 million last year", "compared with the year-ago quarter")."""
        i = bisect.bisect_right(self._starts, start) - 1
        lo = self._sentences[i].start if i >= 0 and self._sentences[i].contains(start) else 0
        window = self.text[max(lo, start - 60) : start]
        lowered = self.lowered[max(lo, start - 60) : start] if self.lowered is not None else None
        if _compared_right_before(window, lowered):  # "than in 2019", "as many as in the winter before"
            return True
        if rule not in _COMPARISON_RULES:
            return False
        for found in _COMPARISON_WORD_CASELESS.finditer(window, lowered):
            if _QUANTITY_QUALIFIER.match(window, found.end()):
                continue  # "more than 500 people died last year": a qualified count, not a comparison
            return _SENTENCE_PUNCT.search(window, found.end()) is None
        return False

    def _comparison_base(self, start: int, end: int) -> bool:
        """Whether text[start:end] ("last year") is the base of a comparison of amounts: after a comparison
        word and the amount compared ("up from $3 million last year") or before that amount ("from last
        year's $1.5 billion"); not when a verb of its own dates it ("than the 16 cents it reported last
        year")."""
        if _AMOUNT_AFTER.match(self.text, end):
            return _COMPARED_BEFORE.search(self.text, max(0, start - 20), start) is not None
        i = self._sentence_index(start)
        lo = self._sentences[i].start if i >= 0 else 0
        window_start = max(lo, start - 80)
        found = None
        for word in _COMPARISON_WORD.finditer(self.text, window_start, start):
            found = word  # the last one: the comparison nearest the base
        if found is None or _CLAUSE_END.search(self.text, found.end(), start):
            return False
        return _AMOUNT_BEFORE.search(self.text, found.end(), start) is not None

    def _generic_month(self, start: int, end: int) -> bool:
        """A month named as a kind rather than a date: in a habitual clause ("usually held in October") or
        after a superlative ("the wettest October on record", "the second-highest October reading")."""
        words = self.text[max(0, start - 30) : start].lower().split()
        if words and (
            words[-1].endswith("est") or words[-1] == "record" or words[-2:-1] in (["most"], ["least"])
        ):
            return True
        return self._habitual(start)

    def _habitual(self, start: int) -> bool:
        """A habitual word ("usually", "every year") shortly before `start` in its sentence."""
        i = bisect.bisect_right(self._starts, start) - 1
        lo = self._sentences[i].start if i >= 0 and self._sentences[i].contains(start) else max(0, start - 80)
        return _HABITUAL.search(self.text, max(lo, start - 60), start) is not None

    # --- helpers -------------------------------------------------------------------------------
    def _anchored(self) -> bool:
        return self.dct is not None

    def _month_day(
        self, month: int, day: int, year: int | None, m: re.Match[str], tense: str | None = None
    ) -> Timex | None:
        if year is None:
            if self.dct is None:
                try:
                    date(2000, month, day)  # a leap year: accepts February 29
                except ValueError:
                    return None
                return Timex("DATE", f"XXXX-{month:02d}-{day:02d}", anchored=False)
            if tense is None:
                tense = self.tense(m.start(), m.end())
            year = anchor.year_for_month(self.dct, month, day, tense)
        try:
            d = date(year, month, day)
        except ValueError:
            return None
        return Timex("DATE", d.isoformat())

    def _day_of(self, d: date | None, part: str | None, mod: str | None = None) -> Timex:
        value = "XXXX-XX-XX" if d is None else d.isoformat()
        if part:
            return Timex("TIME", f"{value}T{PARTS_OF_DAY[part.lower()]}", mod, d is not None)
        return Timex("DATE", value, mod, d is not None)

    # --- rules ---------------------------------------------------------------------------------
    @rule(
        r"(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:[T\s](?P<H>[0-2]\d):(?P<M>[0-5]\d)(?::\d\d)?)?(?![\d-])",
        examples={
            "2021-01-05": "2021-01-05",
            "2020-11-17T14:30": "2020-11-17T14:30",
        },
    )
    def r_iso(self, m: re.Match[str]) -> Timex | None:
        try:
            d = date(int(m["y"]), int(m["m"]), int(m["d"]))
        except ValueError:
            return None
        if m["H"]:
            if int(m["H"]) > 24:
                return None
            return Timex("TIME", f"{d.isoformat()}T{m['H']}:{m['M']}")
        return Timex("DATE", d.isoformat())

    @rule(
        r"(?<![\d/.])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\d/])",
        examples={
            "11/17/20": "2020-11-17",
            "17/11/2020": "2020-11-17",
        },
    )
    def r_slash(self, m: re.Match[str]) -> Timex | None:
        a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
        if len(m["y"]) == 2:
            y += 2000 if y < 50 else 1900
        if a > 12 and b <= 12:
            a, b = b, a  # day/month
        elif not (b > 12 and a <= 12) and a != b:
            return Timex("DATE", f"{y:04d}") if 1 <= a <= 12 and 1 <= b <= 12 else None
        try:
            return Timex("DATE", date(y, a, b).isoformat())
        except ValueError:
            return None

    @rule(
        rf"(?:(?P<q>about|around|approximately|roughly)\s+)?{CLOCK}(?:\s+(?P<tz>{RX_TZ}))?"
        rf"(?:,?\s+(?:on\s+)?(?:(?P<wd>{RX_WEEKDAY})|(?P<rel>today|tonight|yesterday|tomorrow)|"
        rf"(?P<mon>{RX_MONTH})\s*(?P<d>{RX_DAY})(?!\d)))?",
        examples={
            "3 p.m.": "2021-01-05T15:00",
            "10:35 on Tuesday": "2021-01-05T10:35",
            "noon yesterday": "2021-01-04T12:00",
        },
    )
    def r_time(self, m: re.Match[str]) -> Timex | None:
        minute = 0
        if m["noon"]:
            word = m["noon"].lower()
            if word == "noon" and self.text[max(0, m.start() - 5) : m.start()].lower() == "high ":
                return None  # "high noon": an idiom
            hour = 24 if word == "midnight" else 12
        else:
            if m["h2"] and (
                _DECIMAL_AFTER.match(self.text, m.end("mi2"))
                or _RACE_BEFORE.search(self.text, max(0, m.start() - 16), m.start())
            ):
                return None  # "in 3:59.4", "finished in 2:05", "a time of 1:58": a race time, no clock
            hour = int(m["h"] or m["h2"] or m["h3"] or m["h5"])
            minute = int(m["mi"] or m["mi2"] or 0)
            ap = (m["ap"] or "").lower().replace(".", "").replace(" ", "")
            if ap:
                if hour == 0 or hour > 12:
                    return None
                if ap == "pm" and hour < 12:
                    hour += 12
                elif ap == "am" and hour == 12:
                    hour = 0
            if m["pod5"] and m["pod5"].lower() in ("afternoon", "evening") and hour < 12:
                hour += 12
            if hour > 24:
                return None
        day: date | None = self.dct
        anchored = self.dct is not None
        if (
            self.last_day
            and not (m["wd"] or m["rel"] or m["mon"])
            and _AT_AFTER_DAY.fullmatch(self.text, self.last_day_end, m.start())
        ):
            day = self.last_day  # "Saturday morning at 10 a.m.": that Saturday
        elif m["wd"] or (bracket := _DAY_AFTER_BRACKET.match(self.text, m.end())) is not None:
            weekday = m["wd"] or (bracket["in"] or bracket["out"] if bracket else "")
            if not weekday[0].isupper():
                return None
            day = (
                anchor.weekday_date(self.dct, _weekday(weekday), self.tense(m.start(), m.end()))
                if self.dct
                else None
            )
        elif m["rel"]:
            shift = {"yesterday": -1, "tomorrow": 1}.get(m["rel"].lower(), 0)
            day = self.dct + timedelta(days=shift) if self.dct else None
        elif m["mon"]:
            if not _capitalised(m, "mon"):
                return None
            md = self._month_day(_month(m["mon"]), int(_NON_DIGITS.sub("", m["d"])), None, m)
            if md is None:
                return None
            if not md.anchored:
                return Timex("TIME", f"{md.value}T{hour:02d}:{minute:02d}", _quant_mod(m["q"]), False)
            day = date.fromisoformat(md.value)
        prefix = day.isoformat() if day else "XXXX-XX-XX"
        return Timex(
            "TIME", f"{prefix}T{hour:02d}:{minute:02d}", _quant_mod(m["q"]), anchored and day is not None
        )

    @rule(
        rf"(?:(?P<weekof>the\s+week\s+of)\s+(?=[A-Z]))?"
        rf"(?:(?P<mdrel>last|next|this\s+past|this\s+coming)\s+(?=\w+\.?\s*\d))?"
        rf"(?:(?P<wd>{RX_WEEKDAY}),?\s+)?(?P<mon>{RX_MONTH})\s*(?:(?P<d>{RX_DAY})(?!\d|:\d)|(?P<dw>{RX_ORDINAL_WORD}))"
        rf"(?:(?:,\s*|\s+)(?P<y>{RX_YEAR4})(?![\d%])|\s+(?P<yrel>last|this|next)\s+year(?![\w-]))?",
        examples={
            "January 5": "2021-01-05",
            "last Oct. 23": "2020-10-23",
            "Tuesday, Jan. 5, 2021": "2021-01-05",
            "March 3rd": "2021-03-03",
            "April 15 last year": "2020-04-15",
            "the week of March 8": "2021-W10",
        },
    )
    def r_md(self, m: re.Match[str]) -> Timex | None:
        if m["dw"] and not (m["y"] or m["yrel"]) and not m["wd"]:
            return None  # "May first" is too ambiguous without a year or weekday
        found = self.r_dm(m)  # the same groups as day-month order
        if found is None or not m["weekof"]:
            return found
        if not found.anchored or not _FULL_DAY.fullmatch(found.value):
            return replace(found, value=f"{found.value[:4]}-WXX")  # "the week of May 3" in no known year
        # "the week of March 8": the (ISO) week holding that day, a week as TimeML values it
        year, week, _ = date.fromisoformat(found.value).isocalendar()
        return replace(found, value=f"{year:04d}-W{week:02d}")

    @rule(
        rf"(?:(?P<wd>{RX_WEEKDAY}),?\s+)?(?:the\s+)?(?:(?P<d>{RX_DAY})|(?P<dw>{RX_ORDINAL_WORD}))(?:\s+of)?\s+"
        rf"(?P<mon>{RX_MONTH})(?:,?\s+(?P<y>{RX_YEAR4})(?![\d%])|\s+(?P<yrel>last|this|next)\s+year(?![\w-]))?",
        examples={
            "5 January 2021": "2021-01-05",
            "the third of March": "2021-03-03",
            "15 April last year": "2020-04-15",
        },
    )
    def r_dm(self, m: re.Match[str]) -> Timex | None:
        if not _capitalised(m, "mon") or (m["wd"] and not _capitalised(m, "wd")):
            return None
        day = ORDINALS.get(m["dw"].lower(), 0) if m["dw"] else int(_NON_DIGITS.sub("", m["d"]))
        year = int(m["y"]) if m["y"] else None
        if m["yrel"]:  # "April 15 last year"
            if self.dct is None:
                return Timex("DATE", f"XXXX-{_month(m['mon']):02d}-{day:02d}", anchored=False)
            year = self.dct.year + {"this": 0, "last": -1, "next": 1}[m["yrel"].lower()]
        rel = _norm(m.groupdict().get("mdrel") or "")  # "last Oct. 23": the one before publication
        tense = {"last": "PAST", "this past": "PAST", "next": "FUTURE", "this coming": "FUTURE"}.get(rel)
        return self._month_day(_month(m["mon"]), day, year, m, tense)

    @rule(
        rf"(?:(?P<pre>{POS_PRE})[\s-]*)?(?P<mon>{RX_MONTH}),?\s+(?:of\s+)?"
        rf"(?:(?P<y>{RX_YEAR4})|'(?P<yy>\d\d)|(?P<yw>{YEAR_WORDS}))(?![\d%])",
        examples={
            "November 2020": "2020-11",
            "early March 2019": "2019-03",
            "May '98": "1998-05",
        },
    )
    def r_mon_year(self, m: re.Match[str]) -> Timex | None:
        if not _capitalised(m, "mon"):
            return None
        if m["y"]:
            year: int | None = int(m["y"])
        elif m["yy"]:
            yy = int(m["yy"])
            year = 2000 + yy if yy <= 30 else 1900 + yy
        else:
            year = _year_words(m["yw"])
        if year is None:
            return None
        return Timex("DATE", anchor.month_value(year, _month(m["mon"])), _position_mod(m["pre"]))

    def _quarter_year(self, q: int, m: re.Match[str]) -> int | None:
        if self.dct is None:
            return None
        i = self._sentence_index(m.start())
        lo, hi = (self._sentences[i].start, self._sentences[i].end) if i >= 0 else (m.start(), m.end())
        # "will report net income for the quarter"
        results = _RESULTS.search(self.text, self.lowered, lo, hi) is not None
        return anchor.quarter_year(self.dct, q, self.tense(m.start(), m.end()), results)

    @rule(
        r"(?:(?P<det>the|this|that|its|their|last|next)\s+)?"
        rf"(?:(?P<yp>{RX_YEAR4})(?:['’]s)?\s+|(?P<yrel>this|last|next)\s+year['’]s\s+)?"
        r"(?:(?P<adj>current|latest|most\s+recent|comparable|same|year-ago|year-earlier|previous|prior|fiscal|"
        r"calendar|flat|strong|weak|disappointing)[\s-]+)*"
        r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?:fiscal[\s-]+)?(?:quarter|qtr\.?)(?![\w-])"
        rf"(?:\s+(?:of\s+)?(?:fiscal\s+)?(?P<y>{RX_YEAR4})(?!\d)|\s+(?P<yrel2>this|last|next)\s+year)?",
        examples={
            "the third quarter": "2021-Q3",
            "the fourth quarter of 2020": "2020-Q4",
            "last year's second quarter": "2020-Q2",
        },
    )
    def r_quarter(self, m: re.Match[str]) -> Timex | None:
        q = int(m["ord"][0]) if m["ord"][0].isdigit() else ORDINALS[m["ord"].lower()]
        adjs = m.group(0).lower()
        year: int | None
        if m["y"] or m["yp"]:
            year = int(m["y"] or m["yp"])
        elif m["yrel"] or m["yrel2"]:
            if self.dct is None:
                return Timex("DATE", f"XXXX-Q{q}", anchored=False)
            year = self.dct.year + {"this": 0, "last": -1, "next": 1}[(m["yrel"] or m["yrel2"]).lower()]
        else:
            year = self._quarter_year(q, m)
            if year is not None and ("year-ago" in adjs or "year-earlier" in adjs):
                year -= 1
            if year is not None and m["det"] and m["det"].lower() == "last":
                year -= 1 if q >= anchor.quarter_of(self.dct or date.min) else 0
        if year is None:
            return Timex("DATE", f"XXXX-Q{q}", anchored=False)
        if "year-ago" not in adjs and "year-earlier" not in adjs:
            self._note_quarter(m.start(), year, q)
        self._last_named_quarter = (year, q)
        return Timex("DATE", f"{year:04d}-Q{q}")

    @rule(
        rf"(?P<qn>Q[1-4])(?:\s+(?P<y>{RX_YEAR4})|\s*['’](?P<yy>\d\d))?(?!\w)",
        examples={
            "Q3 2020": "2020-Q3",
            "Q1": "2021-Q1",
        },
    )
    def r_qcode(self, m: re.Match[str]) -> Timex | None:
        q = int(m["qn"][1])
        if m["y"] or m["yy"]:
            year: int | None = int(m["y"]) if m["y"] else 2000 + int(m["yy"])
        else:
            year = self._quarter_year(q, m)
        if year is None:
            return Timex("DATE", f"XXXX-Q{q}", anchored=False)
        self._note_quarter(m.start(), year, q)
        return Timex("DATE", f"{year:04d}-Q{q}")

    def _note_quarter(self, start: int, year: int, q: int) -> None:
        self._quarters.append((self._sentence_index(start), (year, q)))
        self._last_named_quarter = (year, q)

    def _reference_quarter(self, start: int) -> tuple[int, int] | None:
        """The quarter a back-reference at `start` ("a year ago", "the year-earlier period", "the quarter")
        speaks of: the last quarter named in its own sentence; else the story's quarter, the newest one named
        that was over by publication (results are reported for the quarter just ended; a quarter looked
        ahead to, or one recalled in passing, does not change what "a year ago" compares with); else the
        last one named."""
        if not self._quarters:
            return None
        here = self._sentence_index(start)
        for index, quarter in reversed(self._quarters):
            if index == here:
                return quarter
        over = [quarter for _, quarter in self._quarters if self._quarter_over(quarter)]
        return max(over) if over else self._quarters[-1][1]

    def _quarter_over(self, quarter: tuple[int, int]) -> bool:
        year, q = quarter
        return self.dct is None or (year, q) < (self.dct.year, anchor.quarter_of(self.dct))

    def _quarter_ended(self, end: int) -> tuple[int, int] | None:
        """The calendar quarter of "the quarter ended Sept. 30" (the text after the quarter from `end`): the
        quarter holding most of the three months up to that day (a fiscal quarter ended July 31 is mostly
        the second calendar quarter); None without such an end date."""
        m = _ENDED_ON.match(self.text, end)
        if m is None:
            return None
        day = int(m["d"])
        if m["y"]:
            year = int(m["y"])
        elif self.dct is not None:
            year = anchor.year_for_month(self.dct, _month(m["mon"]), day, "PAST")
        else:
            return None
        try:
            middle = date(year, _month(m["mon"]), day) - timedelta(days=45)
        except ValueError:
            return None
        return middle.year, anchor.quarter_of(middle)

    def _base_quarter(self, start: int) -> tuple[int, int] | None:
        reference = self._reference_quarter(start)
        if reference:
            return reference
        if self.dct is None:
            return None
        prev = self.dct - relativedelta(months=3)
        return prev.year, anchor.quarter_of(prev)

    @rule(
        r"(?P<det>the|this|that|its|last\s+year['’]s|last|next)\s+"
        rf"(?:(?P<yp>{RX_YEAR4})\s+(?=period\b))?"
        r"(?:(?P<adj>current|latest|most\s+recent|recent|comparable|same|year-ago|year-earlier|previous|prior|"
        r"preceding|fiscal|corresponding|past)[\s-]+)*(?P<what>quarter|period)(?![\w-])"
        rf"(?:\s+(?P<ago>a\s+year\s+(?:ago|earlier)|last\s+year|of\s+(?P<y>{RX_YEAR4})))?",
        examples={
            "the year-ago quarter": "2019-Q4",
            "the same period a year ago": "2019-Q4",
            "last year's quarter": "2019-Q4",
            "the 2019 period": "2019",
        },
    )
    def r_quarter_ref(self, m: re.Match[str]) -> Timex | None:
        text = _norm(m.group(0))
        det = _norm(m["det"])
        is_period = m["what"].lower() == "period"
        if m["yp"]:
            # "in the 1988 period": the period the story reports (its quarter, or the months compared), in
            # that year; the year alone when no quarter is reported
            year = int(m["yp"])
            quarter = self._reference_quarter(m.start())
            if quarter is None or self._reports_several_quarters(m.start()):
                return Timex("DATE", f"{year:04d}")
            return Timex("DATE", f"{year:04d}-Q{quarter[1]}")
        year_back = any(
            k in text for k in ("year ago", "year earlier", "comparable", "corresponding", "last year's")
        ) or bool(m["ago"] and "of" not in m["ago"])
        if is_period and not (year_back or any(k in text for k in ("latest", "most recent", "same"))):
            return None
        if det == "that" and not (is_period or year_back) and self._last_named_quarter is not None:
            year, q = self._last_named_quarter  # "that quarter": the one just named, whichever it was
            return Timex("DATE", f"{year:04d}-Q{q}")
        if det in ("this", "next") or "current" in text:
            if self.dct is None:
                return Timex("DATE", "XXXX-QX", anchored=False)
            value = anchor.shift_quarters(self.dct, 1 if det == "next" else 0)
            return Timex("DATE", value)
        if det == "last" or "previous" in text or "prior" in text or "preceding" in text or "past" in text:
            if self.dct is None:
                return Timex("DATE", "XXXX-QX", anchored=False)
            return Timex("DATE", anchor.shift_quarters(self.dct, -1))
        base = self._base_quarter(m.start())
        if ("latest" in text or "most recent" in text) and self.dct is not None:
            prev = self.dct - relativedelta(months=3)
            base = (prev.year, anchor.quarter_of(prev))
            self._note_quarter(m.start(), *base)  # "the latest quarter" names the quarter a story reports
        elif not (is_period or year_back or m["ago"] or m["y"] or self._quarters):
            ended = self._quarter_ended(m.end())
            if ended is not None:  # "the quarter ended July 31" (none named before): the three months to then
                self._note_quarter(m.start(), *ended)
                return Timex("DATE", f"{ended[0]:04d}-Q{ended[1]}")
        if base is None:
            return Timex("DATE", "XXXX-QX", anchored=False)
        year, q = base
        if m["y"]:
            year = int(m["y"])
        elif year_back:
            year -= 1
        self._last_named_quarter = (year, q)
        return Timex("DATE", f"{year:04d}-Q{q}")

    @rule(
        r"(?:the\s+)?(?P<k>year-ago|year-earlier|year-before)(?![\w-])"
        rf"(?:\s+(?P<n>{NUM})\s+(?P<u>months|weeks)(?![\w-]))?",
        examples={
            "year-earlier": "2020",
            "the year-earlier nine months": "P9M",
        },
    )
    def r_year_ago_adj(self, m: re.Match[str]) -> Timex | None:
        if m["u"]:  # "the year-earlier nine months": a period as long as the one just reported, a year before
            return Timex("DURATION", duration_value(number_value(m["n"]), m["u"]))
        quarter = self._reference_quarter(m.start())
        if quarter and self._reports_several_quarters(m.start()):
            return Timex("DATE", f"{quarter[0] - 1:04d}")  # "for the nine months, ... year-earlier net"
        if quarter:
            return Timex("DATE", f"{quarter[0] - 1:04d}-Q{quarter[1]}")
        return Timex("DATE", anchor.shift_years(self.dct, -1), anchored=self._anchored())

    def _names_a_year_period(self, start: int) -> bool:
        """Whether its sentence speaks of a whole year before `start` ("profit for this year, up from last
        year's $3.27 a share"): the comparison is then of years."""
        i = self._sentence_index(start)
        return i >= 0 and _YEAR_PERIOD.search(self.text, self._sentences[i].start, start) is not None

    def _reports_several_quarters(self, start: int) -> bool:
        """Whether the period its sentence last names before `start` is longer than a quarter ("For the nine
        months, net fell to $2 million from $3 million a year earlier"): the comparison is then with that
        period a year before, valued as its year, not with a quarter."""
        i = self._sentence_index(start)
        if i < 0:
            return False
        periods = list(_REPORT_PERIOD.finditer(self.text, self._sentences[i].start, start))
        return bool(periods) and periods[-1]["long"] is not None

    @rule(
        r"(?:(?P<det>the|its|this\s+year['’]s|last\s+year['’]s|next\s+year['’]s)\s+)?"
        r"(?P<h>first|second|last|latter|back)\s+half(?![\w-])"
        rf"(?:\s+of\s+(?:(?P<y>{RX_YEAR4})(?!\d)|(?P<yrel>this|last|next)\s+year|(?P<the_year>the\s+year)))?",
        examples={
            "the first half of 2020": "2020-H1",
            "the second half": "2021-H2",
        },
    )
    def r_half(self, m: re.Match[str]) -> Timex | None:
        if _OF_NON_YEAR.match(self.text, m.end()):
            return None
        h = 1 if m["h"].lower() == "first" else 2
        det = _norm(m["det"] or "")
        if m["y"]:
            return Timex("DATE", f"{m['y']}-H{h}")
        if self.dct is None:
            return Timex("DATE", f"XXXX-H{h}", anchored=False)
        # "the first half of next year", "last year's second half"
        rel = (m["yrel"] or det.split(" ")[0]).lower() if (m["yrel"] or "year" in det) else ""
        shift = {"last": -1, "next": 1}.get(rel, 0)
        return Timex("DATE", f"{self.dct.year + shift:04d}-H{h}")

    @rule(
        r"(?:(?P<the>the)\s+)?(?:(?P<pre>early|mid|late)[\s-]+)?"
        rf"(?:(?P<y>1[5-9]\d0|20\d0)['’]?s|['’](?P<yy>\d0)['’]?s|(?P<w>(?:nineteen[\s-])?{RX_DECADE_WORD}))(?!\w)",
        examples={
            "the 1990s": "199",
            "the late eighties": "198",
            "the '60s": "196",
        },
    )
    def r_decade(self, m: re.Match[str]) -> Timex | None:
        if m["y"]:
            decade = int(m["y"]) // 10
        elif m["yy"]:
            d = int(m["yy"])
            decade = (2000 + d) // 10 if d <= 20 else (1900 + d) // 10
        else:
            word = _norm(m["w"])
            if not (m["the"] or word.startswith("nineteen")):
                return None
            decade = 190 + DECADE_WORDS[word.split(" ")[-1]] // 10
        return Timex("DATE", f"{decade:03d}", _position_mod(m["pre"]))  # TimeML 1.2: "199", not TIDES' "199X"

    @rule(
        r"(?:(?P<the>the)\s+)?(?:(?P<pre>early|mid|late)[\s-]+)?"
        rf"(?:(?P<n>\d{{1,2}})(?:st|nd|rd|th)|(?P<w>{RX_ORDINAL_WORD})|(?P<rel>this|last|next|the\s+next|"
        r"the\s+last|the\s+past|the\s+previous))[\s-]+century(?![\w-])",
        examples={
            "the 20th century": "19",
            "the last century": "19",
            "the nineteenth century": "18",
        },
    )
    def r_century(self, m: re.Match[str]) -> Timex | None:
        mod = _position_mod(m["pre"])
        if m["n"] or m["w"]:
            n = int(m["n"]) if m["n"] else ORDINALS.get(m["w"].lower(), 0)
            if not 1 <= n <= 21:
                return None
            return Timex("DATE", f"{n - 1:02d}", mod)  # TIMEX3: the century's two leading digits
        rel = _norm(m["rel"])
        shift = 0 if rel == "this" else 1 if "next" in rel else -1
        return Timex("DATE", anchor.shift_centuries(self.dct, shift), mod, self._anchored())

    @rule(
        rf"(?:(?<!\d\s)(?<!%\s)(?<!percent\s)(?<!points\s)(?P<q>{RX_QUANT_MOD})\s+)?"
        rf"(?P<n>{NUM})[\s-]+(?P<u>{RX_UNITS}|{RX_UNIT})\s+(?:or\s+so\s+)?"
        r"(?P<dir>ago|from\s+now|hence|back|(?:(?<=year\s)|(?<=years\s)|(?<=quarter\s)|(?<=quarters\s))"
        r"(?:earlier|later))(?!\w)",
        examples={
            "three years ago": "2018",
            "two weeks from now": "2021-01-19",
            "a year earlier": "2020",
        },
    )
    def r_ago(self, m: re.Match[str]) -> Timex | None:
        amount = number_value(m["n"])
        unit = m["u"].lower()
        direction = _norm(m["dir"])
        sign = 1 if direction in ("later", "from now", "hence") else -1
        mod = _quant_mod(m["q"])
        if amount is None:
            return Timex("DATE", "FUTURE_REF" if sign > 0 else "PAST_REF", mod)
        n = round(amount) * sign
        base = unit.rstrip("s") if unit != "centuries" else "century"
        quarter = self._reference_quarter(m.start()) if base == "year" and abs(n) == 1 and sign < 0 else None
        if quarter and self._reports_several_quarters(m.start()):
            return Timex("DATE", f"{quarter[0] - 1:04d}", mod)  # "for the nine months ... a year earlier"
        if quarter:
            return Timex("DATE", f"{quarter[0] - 1:04d}-Q{quarter[1]}", mod)
        if base == "year" and direction in ("later", "earlier") and self._year_in_reach(m.start(), direction):
            # "Three years later", "A year earlier": from the year just told of, not from publication
            assert self.last_year is not None
            return Timex("DATE", f"{self.last_year + n:04d}", mod)
        ref = self.dct
        value = {
            "second": lambda: anchor.shift_days(ref, 0),
            "minute": lambda: anchor.shift_days(ref, 0),
            "hour": lambda: anchor.shift_days(ref, 0),
            "day": lambda: anchor.shift_days(ref, n),
            "night": lambda: anchor.shift_days(ref, n),
            "week": lambda: anchor.shift_days(ref, 7 * n) if abs(n) <= 2 else anchor.shift_weeks(ref, n),
            "fortnight": lambda: anchor.shift_days(ref, 14 * n),
            "month": lambda: anchor.shift_months(ref, n),
            "quarter": lambda: anchor.shift_quarters(ref, n),
            "year": lambda: anchor.shift_years(ref, n),
            "decade": lambda: anchor.shift_years(ref, 10 * n),
            "century": lambda: anchor.shift_years(ref, 100 * n),
        }[base]()
        return Timex("DATE", value, mod, self._anchored())

    def _year_in_reach(self, start: int, direction: str) -> bool:
        """Whether "N years later/earlier" at `start` counts from the year last told of: "later" always does
        (from publication it would be the future), "earlier" when that year was named in its sentence or the
        one before ("net rose from a year earlier" alone compares with publication)."""
        if self.last_year is None:
            return False
        if direction == "later":
            return True
        return self._sentence_index(start) - self._sentence_index(max(0, self.last_year_end - 1)) <= 1

    @rule(
        rf"(?:(?P<q>{QMOD_TIGHT})\s+)?(?:(?P<each>each\s+of\s+)?(?P<det>the)\s+)?"
        r"(?P<rel>past|last|next|coming|previous|following|first|final|latest|preceding|remaining|ensuing|"
        rf"upcoming|initial)\s+(?:(?P<n>{NUM})(?:\s+(?:to|or)\s+(?:\d+|{RX_NUMBER_WORD}))?\s+)?"
        r"(?:(?:full|straight|consecutive|trading|business|more|"
        rf"additional)\s+)?(?P<u>{RX_UNITS}|hour|minute|(?<=\d\s)year|(?<=\d\s)month)(?:\s+or\s+so)?(?![\w-])"
        rf"(?:(?<=\stwo\squarters)\s+of\s+(?P<y>{RX_YEAR4})(?!\d))?",
        examples={
            "the past three months": "P3M",
            "the next 10 days": "P10D",
            "the next 12 to 18 months": "P12M",
            "the last few years": "PXY",
            "the first two quarters of 2022": "2022-H1",
        },
    )
    def r_past_n(self, m: re.Match[str]) -> Timex | None:
        rel = m["rel"].lower()
        if m["y"] and rel in ("first", "last"):
            # "through the first two quarters of 1990": that year's first half, a date
            return Timex("DATE", f"{m['y']}-H{1 if rel == 'first' else 2}")
        mod = _quant_mod(m["q"])
        if m["n"] is None:
            if rel in _FUTURE_RELS:
                return Timex("DATE", "FUTURE_REF", mod)
            if not m["det"] and rel in ("first", "final", "initial", "latest"):
                return None
            return Timex("DURATION", duration_value(None, m["u"]), mod)
        return Timex("DURATION", duration_value(number_value(m["n"]), m["u"]), mod)

    @rule(
        r"(?:(?P<pre>the\s+(?:beginning|start|middle|end|close)\s+of)\s+the\s+(?P<u>year|month|week|quarter|"
        r"decade|century)|(?P<u2>year|month|quarter)(?:-|\s+|['’]s\s+)end)(?![\w-])",
        examples={
            "the end of the year": "2021",
            "year-end": "2021",
        },
    )
    def r_period_end(self, m: re.Match[str]) -> Timex | None:
        unit = (m["u"] or m["u2"]).lower()
        mod = _position_mod(m["pre"]) if m["pre"] else "END"
        return self._relative_unit(unit, 0, mod)

    def _relative_unit(self, unit: str, shift: int, mod: str | None) -> Timex:
        ref = self.dct
        anchored = self._anchored()
        if unit == "week":
            return Timex("DATE", anchor.shift_weeks(ref, shift), mod, anchored)
        if unit == "weekend":
            return Timex("DATE", anchor.shift_weeks(ref, shift) + "-WE", mod, anchored)
        if unit == "month":
            return Timex("DATE", anchor.shift_months(ref, shift), mod, anchored)
        if unit == "quarter":
            return Timex("DATE", anchor.shift_quarters(ref, shift), mod, anchored)
        if unit == "decade":
            return Timex("DATE", anchor.shift_decades(ref, shift), mod, anchored)
        if unit == "century":
            return Timex("DATE", anchor.shift_centuries(ref, shift), mod, anchored)
        return Timex("DATE", anchor.shift_years(ref, shift), mod, anchored)

    @rule(
        rf"(?:(?P<pre>earlier|later|{POS_PRE})[\s-]+)?(?P<rel>{REL})\s+(?:(?P<fiscal>fiscal|calendar)\s+)?"
        r"(?P<u>week|month|year|weekend|decade|quarter|day|morning|afternoon|evening|night)(?![\w-])",
        examples={
            "last week": "2020-W53",
            "next month": "2021-02",
            "earlier this year": "2021",
            "this morning": "2021-01-05TMO",
        },
    )
    def r_rel_unit(self, m: re.Match[str]) -> Timex | None:
        rel = _norm(m["rel"])
        unit = m["u"].lower()
        mod = _position_mod(m["pre"])
        word = rel.removeprefix("the ")
        shift = {
            "this": 0,
            "current": 0,
            "last": -1,
            "past": -1,
            "previous": -1,
            "prior": -1,
            "preceding": -1,
            "this past": -1,
            "next": 1,
            "coming": 1,
            "following": 1,
            "this coming": 1,
        }.get(word, 0)
        referring = word in ("that", "same", "following", "previous", "prior", "preceding", "latest") or (
            rel == "the next" and unit in ("day", "morning", "afternoon", "evening", "night")
        )
        if (
            rel == "the next"
            and unit in ("week", "month", "year")
            and self.tense(m.start(), m.end()) == "PAST"
        ):
            referring = True  # "it reopened the next year": the year after the one just told of
        if unit in ("day", "morning", "afternoon", "evening", "night"):
            if word == "latest":
                return None
            base = self.last_day if referring and self.last_day else self.dct
            if unit == "day" and word in ("this", "current", "last", "past", "coming"):
                return None  # "this day", "last day" are rarely calendar references
            d = base + timedelta(days=shift) if base else None
            return self._day_of(d, None if unit == "day" else unit, mod)
        if (
            unit == "decade"
            and word in ("next", "coming", "past", "last")
            and _OVER_SPAN.search(self.text, max(0, m.start() - 12), m.start())
        ):
            # "over the coming decade", "over the past decade": the ten years from or up to now, a span (but
            # "in the last decade" is the decade before this one)
            return Timex("DURATION", "P10Y")
        if unit == "week" and referring and self.last_day is not None and word != "latest":
            return Timex("DATE", anchor.shift_weeks(self.last_day, shift), mod)  # "later that week"
        if unit == "month" and referring and self.last_month is not None and word != "latest":
            year, month = self.last_month  # "the following month": after the month just mentioned
            return Timex("DATE", anchor.shift_months(date(year, month, 1), shift), mod)
        if (
            unit == "year"
            and word == "last"
            and not (mod or m["fiscal"])
            and self._comparison_base(m.start(), m.end())
            and (quarter := self._reference_quarter(m.start())) is not None
            and not self._reports_several_quarters(m.start())
            and not self._names_a_year_period(m.start())
        ):
            # "compared with a loss of $3 million last year" in a story of a quarter's results: the same
            # quarter a year before, as "a year ago" (several quarters reported: that year, as below)
            return Timex("DATE", f"{quarter[0] - 1:04d}-Q{quarter[1]}")
        if unit == "year" and referring and self.last_year is not None and word != "latest":
            return Timex("DATE", f"{self.last_year + shift:04d}", mod)
        if word == "latest":
            if unit != "year" or not m["fiscal"]:
                return None
            shift = -1  # "sales in the latest fiscal year": the last one closed, as "the latest quarter"
        return self._relative_unit(unit, shift, mod)

    @rule(
        r"the\s+(?:(?P<adj>full|fiscal|calendar|full\s+fiscal|current\s+fiscal|entire|whole)\s+)?"
        r"(?P<u>year|weekend)(?![\w-])(?!\s+(?:before|after|earlier|ago|in|to|when|that|two|nineteen|\d)\b)"
        r"(?!\s+of\s+(?![$€£]|[A-Z]{1,2}\$))",  # "the year of his birth"; but "a high for the year of $42"
        examples={
            "the year": "2021",
            "the full fiscal year": "2021",
        },
    )
    def r_the_unit(self, m: re.Match[str]) -> Timex | None:
        if m["u"].lower() == "weekend":
            if self.dct is None:
                return Timex("DATE", "XXXX-WXX-WE", anchored=False)
            tense = self.tense(m.start(), m.end())
            past = tense == "PAST" or (tense != "FUTURE" and self.dct.weekday() < 4)
            return Timex(
                "DATE", anchor.shift_weeks(self.dct, -1 if past and self.dct.weekday() < 5 else 0) + "-WE"
            )
        if _ENDED_AFTER.match(self.text, m.end()) or _DURING.search(
            self.text, max(0, m.start() - 12), m.start()
        ):
            return Timex(
                "DURATION", "P1Y"
            )  # "the year ended March 31", "throughout the year": a span of a year
        if not m["adj"] and self._generic_year(m.start(), m.end()):
            return Timex("DATE", "XXXX", anchored=False)
        return Timex("DATE", anchor.shift_years(self.dct, 0), anchored=self._anchored())

    def _generic_year(self, start: int, end: int) -> bool:
        """ "the year's" naming any year, not this one: a share of a yearly whole in a clause of the simple
        present ("Golden Week is when we earn a quarter of the year's income") or a habitual one ("usually
        brings in half the year's rain"). In the past or the future it is that year ("the year's first
        snow fell on Monday")."""
        if not _POSSESSIVE_AFTER.match(self.text, end) or _RANKED_AFTER.match(self.text, end):
            return False  # "the year's biggest merger", "the year's first snow": this year's
        if self._habitual(start):
            return True
        return self.tense(start, end, possessive=False) == "PRESENT"

    @rule(
        r"(?:(?P<rel>last|this|next|this\s+past|this\s+coming)\s+)?(?P<h>New\s+Year['’]s\s+(?:Day|Eve)|"
        r"Christmas(?:\s+(?:Day|Eve))?|Thanksgiving(?:\s+Day)?|Independence\s+Day|Election\s+Day|Easter"
        r"(?:\s+(?:Sunday|Monday))?|Labor\s+Day|Memorial\s+Day|Halloween|Valentine['’]s\s+Day|"
        r"Veterans\s+Day|Boxing\s+Day|May\s+Day)(?![\w-])"
        rf"(?:,?\s+(?P<y>{RX_YEAR4})(?!\d))?",
        examples={
            "Christmas Day": "2020-12-25",
            "Easter 2021": "2021-04-04",
            "last Thanksgiving": "2020-11-26",
        },
    )
    def r_holiday(self, m: re.Match[str]) -> Timex | None:
        name = _norm(m["h"]).replace("’", "'")
        if not m["h"][0].isupper():
            return None
        if m["y"]:
            day = anchor.holiday(name, int(m["y"]))
            return Timex("DATE", day.isoformat()) if day else None
        if not m["rel"] and _SEASONAL_NOUN_AFTER.match(self.text, m.end()):
            # "ahead of the Christmas trade", "the Easter holidays": the season around the holiday, not its
            # day; a generic reference, so no date of a statement.
            fixed = anchor.FIXED_HOLIDAYS.get(name)
            value = f"XXXX-{fixed[0]:02d}-{fixed[1]:02d}" if fixed else "XXXX-XX-XX"
            return Timex("DATE", value, anchored=False)
        if self.dct is None:
            return Timex("DATE", "XXXX-XX-XX", anchored=False)
        rel = _norm(m["rel"] or "")
        tense = {"last": "PAST", "this past": "PAST", "next": "FUTURE", "this coming": "FUTURE"}.get(
            rel, self.tense(m.start(), m.end())
        )
        week = _HOLIDAY_WEEK_AFTER.match(self.text, m.end())
        if week is not None:  # "as Easter week began", "the Thanksgiving weekend": the week holding it
            held = anchor.holiday_week(name, self.dct, tense)
            if held is None:
                return None
            weekend = week["u"].lower() == "weekend"
            return Timex("DATE", anchor.week_value(held) + ("-WE" if weekend else ""))
        day = anchor.nearest_holiday(name, self.dct, tense)
        return Timex("DATE", day.isoformat()) if day else None

    @rule(
        r"(?:(?P<pre>early|late|earlier|later)\s+)?(?P<w>today|tonight|yesterday|tomorrow|"
        r"the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow)"
        r"(?:\s+(?P<pod>morning|afternoon|evening|night))?(?![\w-])",
        examples={
            "today": "2021-01-05",
            "yesterday morning": "2021-01-04TMO",
            "the day after tomorrow": "2021-01-07",
        },
    )
    def r_named_day(self, m: re.Match[str]) -> Timex | None:
        w = _norm(m["w"])
        shift = {
            "yesterday": -1,
            "tomorrow": 1,
            "the day before yesterday": -2,
            "the day after tomorrow": 2,
        }.get(w, 0)
        d = self.dct + timedelta(days=shift) if self.dct else None
        part = m["pod"]
        if w == "tonight" and not part:
            return Timex("TIME", f"{d.isoformat() if d else 'XXXX-XX-XX'}TNI", anchored=d is not None)
        return self._day_of(d, part, _position_mod(m["pre"]))

    @rule(
        rf"(?<=\s)the\s+(?:(?P<ord>{RX_ORDINAL_WORD})|(?P<n>\d{{1,3}})(?:st|nd|rd|th))\s+day(?![\w-])",
        examples={
            "It is the third day": "2021-01-05",
        },
    )
    def r_nth_day(self, m: re.Match[str]) -> Timex | None:
        """ "Today is the eighth day of the strike", "It's the second day of the offensive": the day of
        publication, named by its rank in an ongoing event; elsewhere ("on the third day of the trial") the
        event's date is not in the text."""
        if not _TODAY_IS_BEFORE.search(self.text, max(0, m.start() - 16), m.start()):
            return None
        return self._day_of(self.dct, None)

    @rule(
        r"(?P<pre>early|mid|late)[\s-]?(?P<pod>morning|afternoon|evening)(?![\w-])"
        r"(?:\s+(?P<w>yesterday|today|tomorrow)(?![\w-]))?"
        r"|(?<=\bin\s)the\s+(?P<that>morning|afternoon|evening)(?![\w-])",
        examples={
            "late afternoon": "2021-01-05TAF",
            "mid-afternoon yesterday": "2021-01-04TAF",
        },
    )
    def r_pod(self, m: re.Match[str]) -> Timex | None:
        if m["that"]:
            # "... were dashed Friday. Dealers bought in the morning": the morning of the day just named; with
            # no day named just before, a habit ("trains are full in the morning"), not a date
            if self.last_day is None or m.start() - self.last_day_end > _THAT_DAY_REACH:
                return None
            return self._day_of(self.last_day, m["that"])
        shift = {"yesterday": -1, "tomorrow": 1}.get((m["w"] or "").lower(), 0)
        d = self.dct + timedelta(days=shift) if self.dct else None
        return self._day_of(d, m["pod"], _position_mod(m["pre"]))

    @rule(
        r"(?:(?P<pre>early|late|earlier|later)\s+)?(?:(?P<rel>last|this\s+coming|this\s+past|this|next|"
        rf"the\s+previous|the\s+following|the\s+next|coming|past)\s+)?(?P<wd>{RX_WEEKDAY})(?P<pl>s)?(?![\w-])"
        r"(?:\s+(?P<pod>morning|afternoon|evening|night)s?(?![\w-]))?",
        examples={
            "Tuesday": "2021-01-05",
            "last Friday": "2021-01-01",
            "Mondays": "XXXX-WXX-1",
            "Sunday night": "2021-01-03TNI",
        },
    )
    def r_weekday(self, m: re.Match[str]) -> Timex | None:
        if not _capitalised(m, "wd"):
            return None
        wd = _weekday(m["wd"])
        part = m["pod"]
        shared = None if (m["pl"] or part) else _SHARED_PLURAL_AFTER.match(self.text, m.end())
        if shared is not None:  # "on Monday and Tuesday nights": Monday nights too
            part = shared["pod"]
        if m["pl"] or shared is not None or (part and m.group(0)[-1] in "sS"):  # "Tuesday nights": recurring
            suffix = f"T{PARTS_OF_DAY[part.lower()]}" if part else ""
            return Timex("SET", f"XXXX-WXX-{wd + 1}{suffix}")
        mod = _position_mod(m["pre"])
        if self.dct is None:
            suffix = f"T{PARTS_OF_DAY[part.lower()]}" if part else ""
            return Timex("TIME" if part else "DATE", f"XXXX-WXX-{wd + 1}{suffix}", mod, False)
        rel = _norm(m["rel"] or "")
        # "the previous Friday", "the following Monday": from the day just mentioned, if any
        base = self.last_day if rel in ("the previous", "the following") and self.last_day else self.dct
        d = anchor.weekday_date(base, wd, self.tense(m.start(), m.end()), rel)
        return self._day_of(d, part, mod)  # "Thursday evening": that day's evening, a TIME

    @rule(
        rf"(?:(?P<pre>{POS_PRE})[\s-]*)?(?:(?P<rel>last|this\s+past|this\s+coming|this|next|past|coming)\s+)?"
        rf"(?P<mon>{RX_MONTH}|(?:January|February|September|October|November|December)(?=['’]s\s))"
        r"(?:\s+(?P<yrel>this|last|next)\s+year)?",
        examples={
            "December": "2020-12",
            "last March": "2020-03",
            "mid-November": "2020-11",
        },
    )
    def r_mon_rel(self, m: re.Match[str]) -> Timex | None:
        if not _capitalised(m, "mon"):
            return None
        token = m["mon"].lower()
        bare = not (m["pre"] or m["rel"] or m["yrel"])
        if bare and not token.endswith(".") and len(token) <= 4 and token not in ("may", "june", "july"):
            return None  # a bare "Jan" or "Mar" without its full stop is more often a name
        if (
            bare
            and token == "may"
            and _MAY_VERB.match(self.text, m.end())
            and not _DATE_PREPOSITION_BEFORE.search(self.text, max(0, m.start() - 8), m.start())
        ):
            return None  # "May the best team win": the modal (but "In May the bank ...": the month)
        if (
            bare
            and token == "march"
            and _MARCH_NOUN.match(self.text, m.end())
            and not _DATE_PREPOSITION_BEFORE.search(self.text, max(0, m.start() - 8), m.start())
        ):
            return None  # "the March for Life", "a March of the Mothers" (but "resigned in March for ...")
        month = _month(m["mon"])
        mod = _position_mod(m["pre"])
        if self.dct is None:
            return Timex("DATE", f"XXXX-{month:02d}", mod, False)
        if bare and self._generic_month(m.start(), m.end()):
            return Timex("DATE", f"XXXX-{month:02d}", mod, False)
        rel = _norm(m["rel"] or "")
        year = self.dct.year
        if m["yrel"]:
            year += {"this": 0, "last": -1, "next": 1}[m["yrel"].lower()]
        elif rel in ("last", "this past", "past"):
            year -= 1 if month >= self.dct.month else 0
        elif rel in ("next", "this coming", "coming"):
            year += 1 if month <= self.dct.month else 0
        elif rel != "this":
            year = anchor.year_for_month(self.dct, month, None, self.tense(m.start(), m.end()))
        return Timex("DATE", anchor.month_value(year, month), mod)

    @rule(
        rf"(?:(?P<pre>{POS_PRE})[\s-]*)?(?:(?P<rel>this\s+past|this\s+coming|last|this|next|"
        r"the\s+(?:following|previous|preceding|next)|that|the|past|coming)\s+)?"
        rf"(?P<s>{RX_SEASON})(?![\w-])(?:\s+(?:of\s+)?(?:(?P<y>{RX_YEAR4})(?!\d)|(?P<yw>{YEAR_WORDS}))"
        r"|(?<=the\s(?:spring|summer|autumn|winter))\s+(?P<before>before|after)(?=\s*[,.;:)]|\s+(?:was|had|were|it|when|that)\b))?",
        examples={
            "this summer": "2021-SU",
            "last winter": "2019-WI",
            "spring 2020": "2020-SP",
        },
    )
    def r_season(self, m: re.Match[str]) -> Timex | None:
        season = SEASONS[m["s"].lower()]
        rel = _norm(m["rel"] or "")
        explicit = m["y"] or m["yw"]
        if not (explicit or m["pre"] or (rel and rel != "the")):
            if m["s"].lower() == "fall" or not (
                rel == "the"
                or _SEASON_PREPOSITION.search(self.text, max(0, m.start() - _CUE_REACH), m.start())
            ):
                return None
            if rel == "the" and _OF_NON_YEAR.match(self.text, m.end()):
                return None
        mod = _position_mod(m["pre"])
        if explicit:
            year = int(m["y"]) if m["y"] else _year_words(m["yw"])
            if year is None:
                return None
            return self._season(year, season, mod, m.end())
        if rel == "that" and _THAT_CONJUNCTION_BEFORE.search(self.text, max(0, m.start() - 16), m.start()):
            return None
        referred = self._referred_season(season, rel, m.start(), m.end())
        if referred is not None:
            return self._season(referred, season, mod, m.end())
        if rel == "that":
            return None  # no time told of: "said that summer tourism ..." is a conjunction and a noun
        if rel in ("the following", "the previous", "the preceding"):
            return Timex("DATE", f"XXXX-{season}", mod, False)  # of a time not told: no guess
        if m["before"] and self.last_season_year is not None:
            # "the winter before": the one before the season just mentioned, not before publication
            year = self.last_season_year + (-1 if m["before"].lower() == "before" else 1)
            return self._season(year, season, mod, m.end())
        if self.dct is None:
            return Timex("DATE", f"XXXX-{season}", mod, False)
        start_month = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[season]
        year = self.dct.year
        if rel == "last":  # the latest one over before publication: "last summer" in November is this year's
            year = anchor.last_season_year(self.dct, season)
        elif rel in ("next", "coming", "this coming"):
            year += 1 if start_month <= self.dct.month else 0
        elif rel != "this":
            year = anchor.season_year(self.dct, season, self.tense(m.start(), m.end()))
        if m["before"]:  # no season mentioned before: the one before the latest
            year = anchor.season_year(self.dct, season, "PAST") + (
                -1 if m["before"].lower() == "before" else 1
            )
        return self._season(year, season, mod, m.end())

    def _season(self, year: int, season: str, mod: str | None, end: int) -> Timex:
        self.last_season_year = year
        self.last_season = (year, season, end)
        return Timex("DATE", f"{year:04d}-{season}", mod)

    def _referred_season(self, season: str, rel: str, start: int, end: int) -> int | None:
        """The year of "that summer", "the following winter", "the previous spring" (and "the next autumn" in
        a past clause): counted from the time last told of in the sentence or the one before (a season, a
        month or day, or a year), not from publication; None when no such time is near."""
        if rel == "the next" and self.tense(start, end) != "PAST":
            return None
        if rel not in ("that", "the following", "the previous", "the preceding", "the next"):
            return None
        here = self._sentence_index(start)
        near = [
            (at, rank, kind)  # the latest; of one expression ("the autumn of 2015") the finest
            for at, rank, kind in (
                (self.last_season[2] if self.last_season else -1, 2, "season"),
                (self.last_month_end, 1, "month"),
                (self.last_year_end, 0, "year"),
            )
            if at >= 0 and here - self._sentence_index(max(0, at - 1)) <= 1
        ]
        if not near:
            return None
        kind = max(near)[2]
        order = ("SP", "SU", "FA", "WI")
        if kind == "season" and self.last_season is not None:
            year, named, _ = self.last_season
            position = order.index(named)
        elif kind == "month" and self.last_month is not None:
            year, month = self.last_month
            if rel == "that":  # "that summer" of a day: its year's (the winter of January: the one it is in)
                return year - 1 if season == "WI" and month <= 2 else year
            if month <= 2:  # January and February belong to the winter begun the December before
                year, position = year - 1, 3
            else:
                position = (month - 3) // 3
        elif self.last_year is not None:
            # A year alone: "that summer" is its summer; a season after or before it is in doubt.
            return self.last_year if rel == "that" else None
        else:
            return None
        target = order.index(season)
        if rel == "that":
            return year
        if rel in ("the following", "the next"):
            return year if target > position else year + 1
        return year if target < position else year - 1

    @rule(
        r"(?:(?P<present>right\s+now|now|currently|nowadays|these\s+days|presently|the\s+present\s+time|"
        r"the\s+present(?=\s*[.,;:)]))"
        r"|(?P<past>(?:more\s+|most\s+)?recently|lately|formerly|the\s+past|"
        r"(?:the\s+)?(?:most\s+)?recent\s+(?:years|decades|times))"
        r"|(?P<future>the\s+(?:near\s+|distant\s+|foreseeable\s+|immediate\s+)?future|"
        r"the\s+(?:near|short|long|medium)\s+term|someday|an?\s+(?:later|future)\s+date|"
        r"future\s+(?:days|weeks|months|quarters|years|decades))"
        r"|(?<!\bas\s)(?P<soon>soon)(?!\s+(?:as|after|afterwards?|thereafter)\b))(?![\w-])",
        examples={
            "now": "PRESENT_REF",
            "recently": "PAST_REF",
            "the near future": "FUTURE_REF",
            "a later date": "FUTURE_REF",
            "future quarters": "FUTURE_REF",
            "soon": "FUTURE_REF",
        },
    )
    def r_ref(self, m: re.Match[str]) -> Timex | None:
        if m["present"]:
            return Timex("DATE", "PRESENT_REF")
        if m["past"]:
            return Timex("DATE", "PAST_REF")
        if m["soon"] and self.tense(m.start(), m.end()) == "PAST":
            return None  # "the trickle soon became a flood": shortly after a past event, not the future
        return Timex("DATE", "FUTURE_REF")

    @rule(
        rf"(?P<ev>every|each|per)\s+(?:other\s+)?(?:(?P<n>{NUM})\s+)?"
        rf"(?P<u>{RX_UNITS}|{RX_UNIT}|{RX_WEEKDAY}|{RX_MONTH}|{RX_SEASON}|morning|afternoon|evening|night|weekend)"
        r"(?![\w-])|(?P<adv>hourly|daily|nightly|weekly|biweekly|fortnightly|monthly|annually|yearly|biannually)(?![\w-])"
        rf"|(?<=\bonce\s)(?P<a>a|an|per)\s+(?P<u2>{RX_UNIT})(?![\w-])"
        rf"|(?:(?<=\btwice\s)|(?<=\btimes\s)|(?<=\bhours\s))(?P<a2>a|an|per)\s+(?P<u3>{RX_UNIT})(?![\w-])",
        examples={
            "every week": "P1W",
            "daily": "P1D",
            "each Monday": "XXXX-WXX-1",
        },
    )
    def r_set(self, m: re.Match[str]) -> Timex | None:
        if m["adv"]:
            return Timex("SET", SET_ADVERBS[m["adv"].lower()])
        unit_word = m["u"] or m["u2"] or m["u3"]
        low = unit_word.lower().rstrip(".")
        if m["ev"] and m["ev"].lower() == "per" and low.startswith(("second", "minute", "hour")):
            return None  # "instructions per second", "miles per hour": rates, not recurring times
        if low in WEEKDAYS:
            return Timex("SET", f"XXXX-WXX-{WEEKDAYS[low] + 1}") if unit_word[0].isupper() else None
        if low in MONTHS:
            return Timex("SET", f"XXXX-{MONTHS[low]:02d}") if unit_word[0].isupper() else None
        if low in SEASONS:
            return Timex("SET", f"XXXX-{SEASONS[low]}")
        if low in PARTS_OF_DAY:
            return Timex("SET", f"XXXX-XX-XXT{PARTS_OF_DAY[low]}")
        if low == "weekend":
            return Timex("SET", "XXXX-WXX-WE")
        amount = number_value(m["n"]) if m["n"] else 1.0
        return Timex("SET", duration_value(amount, low))

    @rule(
        rf"(?:(?<!\d\s)(?<!%\s)(?<!percent\s)(?<!points\s)(?P<q>{RX_DURATION_QUANT_MOD})\s+)?"
        rf"(?:(?P<det>the)\s+)?(?P<n>{NUM})"
        rf"(?:\s*(?P<to>and|to|or|[-–])\s*(?P<n2>\d+(?:\.\d+)?|{RX_NUMBER_WORD})(?=[\s-]))?"
        r"(?:\s+(?:full|straight|consecutive|"
        r"trading|business|more|additional|extra|long|calendar|working|solid))?[\s-]+"
        rf"(?P<u>{RX_UNITS}|{RX_UNIT})(?P<half>\s+and\s+a\s+half)?(?P<suf>-long)?(?:\s+or\s+so)?(?![\w-]|\s+old\b)",
        examples={
            "three months": "P3M",
            "a decade": "P10Y",
            "nearly two years": "P2Y",
            "nine-day": "P9D",
            "two to three weeks": "P2W",
        },
    )
    def r_duration(self, m: re.Match[str]) -> Timex | None:
        if m["n2"] and not self._duration_range(m):
            return None  # "5-6 days", "10 to 12 days": a range of figures, left to the figures
        n = _norm(m["n"])
        unit = m["u"].lower()
        if unit.startswith("quarter") and (n in ("a", "an", "three", "one") or "-" in m.group(0)):
            return None  # "a quarter of", "three-quarters": fractions, not periods
        before = self.text[max(0, m.start() - 12) : m.start()]
        if n in ("a", "an") and not m["q"] and _RATE_BEFORE.search(before):
            return None  # "$1.76 a year", "358,000 a month": a rate, not a period
        if n == "one" and unit == "day" and _MODAL_BEFORE.search(before):
            return Timex("DATE", "FUTURE_REF")  # "he may one day return"
        if unit.startswith("second") and n in ("a", "an", "the"):
            return None
        if n in ("some", "many") and m["q"]:
            return None
        amount = number_value(m["n"])
        if amount is not None and m["half"]:
            amount += 0.5
        if re.fullmatch(r"(?:1[6-9]|20)\d\d", n) and not unit.endswith("s"):
            if unit != "quarter":
                return None  # "the 1988 season": a year, not 1988 seasons
            base = self._base_quarter(m.start())
            return Timex("DATE", f"{n}-Q{base[1]}" if base else n)
        if amount is not None and amount > 10000:
            return None
        mod = _quant_mod(m["q"]) or _quant_mod(_outside_mod(before))
        return Timex("DURATION", duration_value(amount, unit), mod)

    def _duration_range(self, m: re.Match[str]) -> bool:
        """A split range that is one duration: any after "between" ("between 6 and 9 weeks"), else one in
        words joined by "to" or "or" ("two to three weeks", "one or two days")."""
        if _BETWEEN_BEFORE.search(self.text, max(0, m.start() - 9), m.start()):
            return m["to"].lower() != "or"
        return m["to"].lower() in ("to", "or") and m["n"][0].isalpha() and m["n2"][0].isalpha()

    @rule(
        r"(?:the\s+)?(?:most\s+)?recent\s+(?P<u>months|weeks|days|hours|quarters)(?![\w-])"
        r"|the\s+(?P<ahead>days|weeks|months|years|decades)\s+ahead(?![\w-]|\s+of\b)",
        examples={
            "recent weeks": "PXW",
            "the weeks ahead": "PXW",
        },
    )
    def r_recent_units(self, m: re.Match[str]) -> Timex | None:
        """ "recent weeks" and "the weeks ahead": some weeks back or to come (as "the next few weeks")."""
        return Timex("DURATION", duration_value(None, m["u"] or m["ahead"]))

    @rule(
        r"(?:(?<=\bfor\s)|(?<=\bin\s)|(?<=\bover\s)|(?<=\bwithin\s)|(?<=\btook\s)|(?<=\blast\s)|(?<=\blasted\s))"
        r"(?P<u>years|months|weeks|days|decades|hours|centuries|minutes)(?![\w-])"
        r"|(?P<u2>decades|years|months|weeks|days|hours)-long(?![\w-])"
        r"|(?P<one>day|week|month|year|hour)-long(?![\w-])"
        r"|(?:(?<=\bover\s)|(?<=\bthrough\s)|(?<=\bthroughout\s)|(?<=\bacross\s))"
        r"the\s+(?P<u3>years|decades|centuries|months|weeks)(?![\w-])"
        r"|(?<=\bin\s)the\s+(?P<u4>years|decades|months|weeks)(?=\s+(?:that|which)\s+followed\b|\s+since\b)",
        examples={
            "for years": "PXY",
            "decades-long": "PXY",
            "day-long": "P1D",
            "over the years": "PXY",
        },
    )
    def r_bare_units(self, m: re.Match[str]) -> Timex | None:
        """Units without an amount: "for years", "decades-long", "over the years", "in the months that
        followed" (some number of them); "day-long" is one."""
        if m["one"]:
            return Timex("DURATION", duration_value(1, m["one"]))
        return Timex("DURATION", duration_value(None, m["u"] or m["u2"] or m["u3"] or m["u4"]))

    @rule(
        rf"(?P<y1>{RX_YEAR4})\s*[-–]\s*(?P<y2>{RX_YEAR4}|\d\d)(?![\w%]|[.,:/-]\d)",
        examples={
            "2014-2015": "2014",
            "1961-62": "1961",
        },
    )
    def r_year_range(self, m: re.Match[str]) -> Timex | None:
        """A year range ("2014-2015", "1961-62"): dated by the year it begins (a later second year only)."""
        if _YEAR_BLOCKERS.search(self.text, max(0, m.start() - 24), m.start()):
            return None  # "pages 1995-2001"
        first, second = int(m["y1"]), m["y2"]
        last = int(second) if len(second) == 4 else first // 100 * 100 + int(second)
        if len(second) == 2 and last <= first:
            last += 100  # "1999-01"
        if not 0 < last - first <= 30:
            return None
        self.last_year = last
        return Timex("DATE", f"{first:04d}")

    @rule(
        rf"(?:(?P<pre>{POS_PRE}|pre|post|fiscal|calendar|FY|the\s+year|the\s+(?:fiscal|calendar)\s+year)[\s-]*)?"
        rf"(?:(?P<y>{RX_YEAR4})|(?P<yw>(?<=year\s){YEAR_WORDS}|(?:nineteen|eighteen)[\s-]"
        r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|"
        r"eight|nine))?))(?![\w%]|[.,:/-]\d|['’]?s\b)",
        examples={
            "2020": "2020",
            "fiscal 2021": "2021",
            "mid-2019": "2019",
        },
    )
    def r_year(self, m: re.Match[str]) -> Timex | None:
        pre = _norm(m["pre"] or "")
        if m["y"]:
            year: int | None = int(m["y"])
        else:
            year = _year_words(m["yw"])
        if year is None:
            return None
        before = self.text[max(0, m.start() - 24) : m.start()]
        if not pre:
            if _YEAR_BLOCKERS.search(before) and not (
                _OF_THE_BEFORE.search(before) and _EVENT_NAME_AFTER.match(self.text, m.end())
            ):
                return None
            if _PLURAL_NOUN_AFTER.match(self.text, m.end()) and not _YEAR_KEEP_BEFORE.search(before):
                return None
        mod = {"pre": "BEFORE", "post": "AFTER"}.get(pre) or _position_mod(pre)
        return Timex("DATE", f"{year:04d}", mod)

    @rule(
        r"(?P<w>current)(?![\w-])(?=\s+(?!(?:accounts?|assets|liabilities|affairs|of|and|or|to|in|on|at|"
        r"is|was|are|were|past)\b)[a-zA-Z]|\Z)",  # before a noun (or at the end of a text)
        examples={
            "current": "PRESENT_REF",
        },
    )
    def r_ref_adjective(self, m: re.Match[str]) -> Timex | None:
        """ "current" before a noun ("its current owners", "current prices"): TimeML's PRESENT_REF; "the then
        current price" speaks of a past present. ("recent" before a noun is left out: TimeML corpora tag it
        about as often as not.)"""
        then = self.text[max(0, m.start() - 5) : m.start()].lower() in ("then ", "then-")
        return Timex("DATE", "PAST_REF" if then else "PRESENT_REF")


# Every rule, in the order declared above (the priority order of the grammar).
RULE_BOOK: tuple[Rule, ...] = declared()
_HANDLERS: MappingProxyType[str, Callable[[Resolver, re.Match[str]], Timex | None]] = MappingProxyType(
    {r.name: r.normalise for r in RULE_BOOK}
)
