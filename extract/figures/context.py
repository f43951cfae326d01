"""Context around a number: the qualifier before it, the counted noun after it, and the tests that mark a
number as a label, identifier, age, list marker or year rather than a figure.
"""

from __future__ import annotations

from extract.figures import lexicon as lx
from extract.figures.lazy import LazyPattern
from extract.figures.patterns import (
    A_BEFORE_ENDS,
    AGE_AFTER,
    AGE_CONTEXT,
    BLANK,
    BLANKS,
    CAP_WORD_BEFORE,
    LABEL_LIST_BEFORE,
    LABEL_LIST_END,
    NOUN_WORD,
    OF_WORD,
    OF_WORD_OPENS,
    QUALIFIER_BEFORE,
    RATE_AFTER,
    RATE_OPENS,
    WORD_BEFORE,
    last_before_blanks,
    next_non_blank,
)

_QUALIFIER_NORMAL: dict[str, str] = {
    "approx.": "approximately", "approx": "approximately", "ca.": "circa", "c.": "circa",
    "estimated": "an estimated", "average of": "an average of", "maximum of": "a maximum of",
    "minimum of": "a minimum of",
}  # fmt: skip
_RANGE_ONLY = frozenset({"between", "from", "ranging from", "somewhere between"})
_DETERMINERS = frozenset(("the", "those", "these", "its", "their", "his", "her", "our", "your", "my", "all"))
_LINE_START = LazyPattern(r"(?:^|\n)" + BLANK + r"*[(\[]?$")
_PAREN = LazyPattern(r"[(\[]" + BLANK + r"*$")
_PAREN_CLOSE = LazyPattern(BLANK + r"*[)\]]")
_A_BEFORE = LazyPattern(r"(?<![\w'’])(?i:an?)" + BLANK + r"+$")
_ADJECTIVE = LazyPattern(r"(?:al|an|ese|ish|ic|ive|ous|ful|less|ary|ern|ed|ing|-\w+)$")
_LEADING_PUNCT = LazyPattern(r"^[^\w~∼≈<>≤≥]+")
_MONTH_OF = LazyPattern(BLANK + r"+of" + BLANK + r"+([A-Z][a-z]+)")
_QUALIFIER_WORDS = frozenset(w for q in lx.QUALIFIERS for w in q.split())
_QUALIFIER_LAST = frozenset(q.split()[-1] for q in lx.QUALIFIERS)
_QUALIFIER_FORMS = tuple(q.lower() for q in lx.QUALIFIERS)


def _opens_with_word_or_sign(token: str) -> bool:
    """`_LEADING_PUNCT` removes nothing from `token` (a word character is alphanumeric or "_")."""
    return token[0].isalnum() or token[0] in "_~∼≈<>≤≥"


def qualifier_before(text: str, start: int, left: int, ranged: bool) -> tuple[int, str] | None:
    """The qualifier ending at `start` (not before `left`): its start and normalised form."""
    lo = max(left, start - 32)
    zone = text[lo:start]
    tail = zone.rstrip()
    if not tail:
        return None
    if tail[-1] not in lx.QUALIFIER_SYMBOLS:
        last = tail.rsplit(None, 1)[-1].lower()
        if last not in _QUALIFIER_LAST and (
            _opens_with_word_or_sign(last) or _LEADING_PUNCT.sub("", last) not in _QUALIFIER_LAST
        ):
            return None
        # the zone ends with a letter or "." and blanks, so only a qualifier word can match there: it ends
        # where the blanks begin, and in an ASCII zone a case-insensitive match is one of lower case
        if zone.isascii():
            core = zone.rstrip(BLANKS)
            if len(core) == len(zone) or not core.lower().endswith(_QUALIFIER_FORMS):
                return None
    m = QUALIFIER_BEFORE.search(zone)
    if not m:
        return None
    if m.group(1):
        q = " ".join(m.group(1).lower().split())
        if q in _RANGE_ONLY and not ranged:
            return None
        return lo + m.start(), _QUALIFIER_NORMAL.get(q, q)
    return lo + m.start(), lx.QUALIFIER_SYMBOLS[m.group(2)]


def a_before(text: str, start: int, left: int) -> int | None:
    """Start of an article "a"/"an" right before `start` ("a dozen", "a third"), or None."""
    lo = max(left, start - 4)
    if last_before_blanks(text, start, lo) not in A_BEFORE_ENDS:
        return None
    m = _A_BEFORE.search(text[lo:start])
    return lo + m.start() if m else None


def counted_noun(
    text: str,
    end: int,
    limit: int,
    allow_of: bool = True,
    opens: str | None = None,
    first: str | None = None,
) -> tuple[str | None, int]:
    """The noun phrase a figure counts ("troops", "American forces" after "half of"), and where it ends.

    `opens`: the first non-blank character at `end` (before `limit`) when the caller has it; `first`: the
    word of NOUN_WORD's match at `end` (one blank, then the word, within `limit`) when the caller has read
    it, used unless an "of" comes first."""
    p = end
    if allow_of and (next_non_blank(text, p, limit) if opens is None else opens) in OF_WORD_OPENS:
        om = OF_WORD.match(text, p, limit)
        if om:
            p = om.end()
    words: list[str] = []
    q = p
    known = first if p == end else None
    while len(words) < 3:
        if known is not None:
            w, w_end, known = known, q + 1 + len(known), None
        else:
            m = NOUN_WORD.match(text, q, limit)
            if not m:
                break
            w, w_end = m.group(1), m.end()
        kind, plural, _ = _word_facts.get(w) or _facts(w)
        if kind in (_STOP, _DETERMINER):
            if kind == _DETERMINER and not words and p != end:
                q = w_end
                continue
            break
        if kind == _POSSESSIVE:  # "half of the consortium's costs": the possessor is not counted
            words = []
            q = w_end
            continue
        if kind == _ADVERB:
            break
        if kind == _PARTICIPLE:
            if words:
                break
            nm = NOUN_WORD.match(text, w_end, limit)
            nxt = nm.group(1) if nm else ""
            # a participle counts only as an adjective before a plural noun: "wounded soldiers"
            if not (nxt[:1].islower() and nxt.endswith("s") and nxt.lower() not in lx.NOUN_STOP):
                break
        # a second word only after an adjective ("armoured vehicles") or before a plural ("riverside
        # provinces"): "a 6.4 earthquake struck" counts earthquakes
        if words and words[-1][0].islower() and not _facts(words[-1])[2] and not plural:
            break
        words.append(w)
        q = w_end
        if w[0].islower() and plural:
            break
    if not words:
        return None, end
    # the first non-blank character after the phrase: most often the one after a single space
    after = text[q + 1] if q + 1 < limit and text[q] == " " else " "
    if after in BLANKS:
        after = next_non_blank(text, q, limit)
    rate = RATE_AFTER.match(text, q, limit) if after in RATE_OPENS else None
    if rate:
        return " ".join(words) + " a " + rate.group(1).lower(), q
    return " ".join(words), q


# What `counted_noun` asks of a word, by kind: checked in this order, the first that applies
_STOP, _DETERMINER, _POSSESSIVE, _ADVERB, _PARTICIPLE, _NOUN = (
    "stop", "determiner", "possessive", "adverb", "participle", "noun"
)  # fmt: skip
_word_facts: dict[str, tuple[str, bool, bool]] = {}
_WORD_FACTS_MAX = 8192  # distinct words kept; the table starts afresh past that


def _facts(word: str) -> tuple[str, bool, bool]:
    """The kind of `word` for `counted_noun`, whether it is plural and whether it reads as an adjective.

    Worked out once per distinct word and kept (news repeats its words): each counted noun would otherwise
    lower-case, look up and test the endings of its words again, an adjective by a regex search."""
    facts = _word_facts.get(word)
    if facts is None:
        lw = word.lower()
        if lw in lx.NOUN_STOP:
            kind = _DETERMINER if lw in _DETERMINERS else _STOP
        elif lw.endswith(("'s", "’s")):
            kind = _POSSESSIVE
        elif len(lw) > 4 and lw.endswith("ly"):
            kind = _ADVERB
        elif len(lw) > 4 and lw.endswith(("ed", "ing")):
            kind = _PARTICIPLE
        else:
            kind = _NOUN
        plural = (lw.endswith("s") and not lw.endswith("ss")) or lw in lx.IRREGULAR_PLURALS
        adjective = _ADJECTIVE.search(word) is not None or lw in lx.COMMON_ADJECTIVES
        if len(_word_facts) >= _WORD_FACTS_MAX:
            _word_facts.clear()
        facts = _word_facts[word] = (kind, plural, adjective)
    return facts


def rate_after(text: str, end: int, limit: int) -> tuple[str, int] | None:
    """A rate after a unit ("a day", "per year", "/hour"): its normalised form and end."""
    m = RATE_AFTER.match(text, end, limit) if next_non_blank(text, end, limit) in RATE_OPENS else None
    if not m:
        return None
    joiner = m.group(0).strip().split()[0].lower() if "/" not in m.group(0) else "per"
    if joiner in ("an", "each", "every"):
        joiner = "a"
    return f"{joiner} {m.group(1).lower()}", m.end()


_GROUPED = LazyPattern(r"\d{1,3}(?:,\d{3})+(?!\d)")


def is_label(text: str, start: int, plain: bool) -> bool:
    """A number after a label word ("page 4", "Section 4.2", "Figs. 3 and 5") or, for a bare integer, after a
    proper name ("Apollo 11", "OAE 2"). A number grouped in thousands ("5,000") is never a label: "in the
    past year 5,000 people died" counts people."""
    if "," in text[start + 1 : start + 4] and _GROUPED.match(text, start):  # the first comma comes early
        return False
    lo = max(0, start - 24)
    zone = text[lo:start]
    tail = zone.rstrip()
    if not tail:
        return False
    last = tail[-1]
    if last.isalpha() or last in ".#":
        word = tail.rsplit(None, 1)[-1].rstrip("#").lower().rstrip(".")
        if _LEADING_PUNCT.sub("", word) in lx.LABEL_WORDS:
            return True
    # a label list ends with a number, a joiner and blanks (LABEL_LIST_END), which the digits tell at once
    if last in ",d–-o(" and LABEL_LIST_END.search(wide := text[max(0, start - 60) : start]):
        lm = LABEL_LIST_BEFORE.search(wide)
        if lm and lm.group(1).lower() in lx.LABEL_WORDS:
            return True
    token = tail.rsplit(None, 1)[-1]
    if not plain or token.islower() or not any(c.isupper() for c in token):
        return False
    c = CAP_WORD_BEFORE.search(zone)
    if c:
        w = c.group(1)
        lw = w.lower().rstrip(".")
        if lw in lx.NOUN_STOP or lw in lx.MONTHS or lw in _QUALIFIER_WORDS or lw in lx.SENTENCE_OPENERS:
            return False
        return not w.endswith(("'s", "’s", "s'"))
    return False


def is_age_or_marker(text: str, start: int, end: int, value: float) -> bool:
    """An age after a name ("Smith, 45,"), a list marker ("1." at a line start) or an enumerator "(2)"."""
    lo = max(0, start - 40)
    before = text[lo:start]
    if (
        value <= 120
        and before.rstrip().endswith(",")
        and AGE_AFTER.match(text, end)
        and AGE_CONTEXT.search(before)
    ):
        return True
    if (
        value <= 100
        and text[end : end + 1] in (".", ")")
        and (end + 1 >= len(text) or text[end + 1] in " \t\n")
        and _LINE_START.search(before)
    ):
        return True
    return bool(value <= 30 and _PAREN_CLOSE.match(text, end) and _PAREN.search(before))


def month_context(text: str, start: int, end: int) -> bool:
    """An ordinal that is a day of a month ("May 4th", "4th of July")."""
    m = WORD_BEFORE.search(text[max(0, start - 12) : start])
    if m and m.group(1).lower().rstrip(".") in lx.MONTHS:
        return True
    mo = _MONTH_OF.match(text, end)
    return bool(mo and mo.group(1).lower() in lx.MONTHS)
