"""Regular expressions of the figure layer, built from `lexicon.py` and compiled on first use (`lazy.py`).

Word alternations are compiled as tries (`trie_regex`) so the scanner fails fast at positions that start
no number; every pattern that extends a figure stays on one line (separators are blanks, never newlines).
The patterns tried after most numbers come with the characters they can open with (`..._OPENS`, at the
end): a cheap exact test that spares the regex call when the next word cannot start them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from extract.figures import lexicon as lx
from extract.figures.lazy import LazyPattern
from extract.trie import trie_regex, trie_regex_chains

BLANK = r"[ \t\u00a0\u202f\u2009]"

# The letters outside ASCII that a case-insensitive match pairs with an ASCII letter (İ and ı with i, the
# long s with s, the Kelvin sign with k); tests/test_figures_caseless.py checks the table against `re`.
_CASE_PARTNERS = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}


def _caseless_char(ch: str) -> str:
    low = ch.lower()
    if ch.isascii() and low != ch.upper():  # an ASCII letter: the class of everything (?i) lets it match
        if low in _CASE_PARTNERS:
            # the same four or three characters as "(?i:i)" reads them: a class holding a letter past
            # Latin-1 and three runs is compiled as a 64K-character table (~0.25 ms each, 560 of them)
            return "(?i:" + low + ")"
        return "[" + low + low.upper() + "]"
    return re.escape(ch) if ch.isascii() else "(?i:" + re.escape(ch) + ")"


def _caseless_chain(chars: str) -> str:
    return "(?i:" + re.escape(chars) + ")"


def caseless(words: Iterable[str]) -> str:
    """A regex matching what `(?i:` + `trie_regex(words)` + `)` matches, tried in the same order.

    The trie is the same; only the first character of each branch is written as the class of its case
    forms (an ASCII letter). The regex engine skips a branch that opens with a literal or a class by
    looking at one character, but enters every branch under (?i): the unit, currency and number-word
    patterns fail about twice as fast. The characters after it, up to the next branch, stay under (?i),
    which matches them as fast and compiles them about three times faster than classes.
    """
    return trie_regex_chains(words, _caseless_char, _caseless_chain)


def _words(*tables: Iterable[str]) -> list[str]:
    out: set[str] = set()
    for t in tables:
        out.update(t)
    return sorted(out)


NUMBER_WORDS: list[str] = _words(lx.UNIT_WORDS, lx.TENS_WORDS, lx.SCALE_WORDS, lx.DOZEN_WORDS)
# Denominators: ordinals singular and plural ("a fifth", "three fifths") plus "half" and "quarter".
FRACTION_DENOMS: dict[str, int] = {
    **lx.ORDINAL_WORDS,
    **{w + "s": v for w, v in lx.ORDINAL_WORDS.items()},
    **lx.FRACTION_WORDS,
    "halfs": 2,
}
ORDINAL_TENS_UNITS: dict[str, int] = {
    f"{t}-{o}": tv + ov for t, tv in lx.TENS_WORDS.items() for o, ov in lx.ORDINAL_WORDS.items() if ov < 10
}

_DIGITS = (
    r"(?:\d{1,3}(?:,\d{3})+(?!,?\d)|\d{1,3}(?:[\u00a0\u202f\u2009]\d{3})+(?!\d)"
    r"|\d{1,3}(?: \d{3})+(?![\d,\-–/]|\.\d)|\d+)(?:\.\d+)?|\.\d+"
)
DIGITS = LazyPattern(_DIGITS)
UNICODE_FRACTIONS: dict[str, float] = {
    "½": 1 / 2, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 1 / 4, "¾": 3 / 4, "⅕": 1 / 5, "⅖": 2 / 5, "⅗": 3 / 5,
    "⅘": 4 / 5, "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 1 / 8, "⅜": 3 / 8, "⅝": 5 / 8, "⅞": 7 / 8, "⅐": 1 / 7,
    "⅑": 1 / 9, "⅒": 1 / 10,
}  # fmt: skip
_UFRAC = "[" + "".join(UNICODE_FRACTIONS) + "]"
_WORD_CASELESS = caseless(
    sorted(set(NUMBER_WORDS) | set(FRACTION_DENOMS) | lx.VAGUE_WORDS | {"a", "an"} | set(ORDINAL_TENS_UNITS)),
)

# The scanner: where a figure can start. A digit or a number word starts a word, so the scanner consumes
# the character before it: a pattern that opens with a character class lets the regex engine skip to the
# next candidate in C, instead of trying the whole pattern at every letter as `\b(?:...)` does. The class
# is [^0-9A-Za-z_], a table look-up, cheaper per character than the Unicode test of [^\w], which
# (?<=\W) then applies to the few characters that pass; the lookahead drops at one test a position
# whose next character starts no number. The text's first word has no character before it
# (`NUMBER_HEAD` at 0); a unicode fraction may start a figure anywhere, even inside a word ("3½").
_SCAN_WORDS = set(NUMBER_WORDS) | set(FRACTION_DENOMS) | lx.VAGUE_WORDS | set(ORDINAL_TENS_UNITS)
# Case variants are listed rather than matched with (?i), which keeps the scan about three times faster.
SCAN_WORD_FORMS = _SCAN_WORDS | {w.capitalize() for w in _SCAN_WORDS} | {w.upper() for w in _SCAN_WORDS}
_SCAN_WORD_ALT = trie_regex(sorted(SCAN_WORD_FORMS))
_SCAN_FIRST = r"[\d." + "".join(sorted({w[0] for w in SCAN_WORD_FORMS})) + r"]"
# A digit ("5", ".5") not after "." or ",": each of its two branches opens with what it reads first, a
# literal or a class, so the regex engine steps over them at a glance where a word starts (a branch that
# opens with a look-behind, (?<![.,])[.]?\d, is entered at every word the trie does not take)
_SCAN_DIGIT = r"\.(?<![.,]\.)\d|\d(?<![.,]\d)"
NUMBER_AFTER_NON_WORD = LazyPattern(
    r"[^0-9A-Za-z_](?=" + _SCAN_FIRST + r")(?<=\W)(?:(?:" + _SCAN_WORD_ALT + r")\b|" + _SCAN_DIGIT + ")"
)


class _TextHead:
    r"""`NUMBER_HEAD.match(text)`: whether the text opens with what starts a figure, `[.]?\d` or a number
    word (`_SCAN_WORD_ALT`) ending a word. That is `NUMBER_AFTER_NON_WORD` matched on the text behind a
    blank (the blank passes its first class and its look-behinds, which see no "." or "," before the
    text): no second 4.5 KB regex to compile."""

    __slots__ = ()

    def match(self, text: str) -> bool:
        return NUMBER_AFTER_NON_WORD.match(" " + text) is not None


NUMBER_HEAD = _TextHead()
FRACTION_CHAR = LazyPattern(_UFRAC)

# A number token inside a spelled-out number (digits allowed before scale words: "3 hundred and 21").
WORD_TOKEN = LazyPattern(r"(" + _WORD_CASELESS + r")\b|(" + _DIGITS + r")")
CONNECTOR = LazyPattern(
    r"(?:"
    + BLANK
    + r"*-"
    + BLANK
    + r"*|"
    + BLANK
    + r"+(?:(?:and|&)"
    + BLANK
    + r"+)?|"
    + BLANK
    + r"*&"
    + BLANK
    + r"*|,"
    + BLANK
    + r"+)",
    re.I,
)
POINT = LazyPattern(BLANK + r"+point" + BLANK + r"+", re.I)

# Digit-number extras.
SCI = LazyPattern(r"(?:[eE][-+]?\d+|" + BLANK + r"?[x×]" + BLANK + r"?10(?:\^?[-−–]?\d+|[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+))")
PLUSMINUS = LazyPattern(BLANK + r"?(?:±|\+/-|\+-)" + BLANK + r"?(?:" + _DIGITS + ")")
MIXED_FRACTION = LazyPattern(BLANK + r"+(\d{1,2})/(\d{1,3})(?![\d/])")
SLASH_FRACTION = LazyPattern(r"/(\d{1,4})(?![\d/.,])")
MULTIPLIER = LazyPattern(
    r"(?:"
    + BLANK
    + r"?(?:bn|mln|bln|tln|trn|tn|mn|mil|MM)|"
    + BLANK
    + r"*(?i:million|billion|trillion|thousand)"
    r"|[kKMBGT]|" + BLANK + r"[kK]|[mbt])(?![\w%°])"
)
WORD_SCALE_AFTER_DIGITS = LazyPattern(BLANK + r"+(?i:(hundred|thousand|lakh|crore)s?)\b")
ORDINAL_SUFFIX = LazyPattern(r"(?:st|nd|rd|th|d)\b")

# Currency, percent and unit extensions.
CURRENCY_BEFORE = LazyPattern(r"(?:" + trie_regex(lx.CURRENCY_PREFIX) + r")" + BLANK + r"?-?$")
CURRENCY_WORD_AFTER = LazyPattern(
    BLANK
    + r"*(?:((?:[A-Z][a-z]+|US|U\.S\.)"
    + BLANK
    + r"+){0,2})("
    + caseless(lx.CURRENCY_WORDS)
    + r")\b(?!-)"
)
CURRENCY_CODE_AFTER = LazyPattern(BLANK + r"*(" + trie_regex(lx.CURRENCY_CODES) + r")\b")
CURRENCY_SYMBOL_AFTER = LazyPattern(BLANK + r"?([€£¥₹])")
PERCENT_AFTER = LazyPattern(
    BLANK
    + r"*(%|‰|(?<=\d)pc\b|(?:wt|vol)\.?"
    + BLANK
    + r"?%|(?i:per"
    + BLANK
    + r"?cent(?:age"
    + BLANK
    + r"+points?)?|percent(?:age"
    + BLANK
    + r"+points?)?|pct|percentage"
    + BLANK
    + r"+points?|basis"
    + BLANK
    + r"+points?|bps)\b)"
)
_EXP = r"(?:\^?[-−–]?[123]|[²³]|⁻¹|⁻²|⁻³)"
_SYM = r"(?:" + trie_regex(lx.UNIT_SYMBOLS) + r")"
_NAME = r"(?:" + caseless(lx.UNIT_NAMES) + r")"
_SQ = r"(?:(?:" + caseless(["square", "sq.", "sq", "cubic", "cu.", "cu"]) + r")" + BLANK + r"+)"
_BASE_UNIT = r"(?:" + _SQ + r"?(?:" + _NAME + r"|" + _SYM + r")" + _EXP + r"?)"
_RATE_WORDS = (
    r"(?i:second|minute|hour|day|week|month|year|annum|capita|person|head|litre|liter|kg|km|mile|hectare)"
)
_NEGATIVE_EXP_END = r"(?<=[-−–⁻]\d|⁻¹|⁻²|⁻³)"
_TEMPERATURE = (
    r"°"
    + BLANK
    + r"?[CFK]\b|(?:"
    + caseless(["degrees", "degree", "deg"])
    + r")"
    + BLANK
    + r"+(?:(?:"
    + caseless(["celsius", "centigrade", "fahrenheit", "kelvin"])
    + r")|[CFK]\b)"
)
# A unit, then at most three more parts: "/h", " per second", "·s", or " s−1" (a blank joins only a
# part with a negative exponent). The bounded repeat keeps matching linear on runs such as "km/km/km/...".
# The lead is an optional blank, hyphen and blank (" - ", " -", "-", "  "...), written so that each lead
# is tried once: as `BLANK?-?BLANK?` a single blank was tried twice (as the first and as the second).
UNIT_AFTER = LazyPattern(
    r"((?:"
    + BLANK
    + r"(?:-"
    + BLANK
    + r"?|"
    + BLANK
    + r")?|-"
    + BLANK
    + r"?)?(?:"
    + _TEMPERATURE
    + r"|"
    + _BASE_UNIT
    + r"(?:(?:/|·|"
    + BLANK
    + r"+"
    + caseless(["per"])
    + BLANK
    + r"+)"
    + _BASE_UNIT
    + r"|"
    + BLANK
    + _BASE_UNIT
    + _NEGATIVE_EXP_END
    + r"){0,3}))(?![\w°%/])"
)
ORDERS_OF_MAGNITUDE = LazyPattern(BLANK + r"+orders?" + BLANK + r"+of" + BLANK + r"+magnitude\b", re.I)
RATE_AFTER = LazyPattern(
    BLANK + r"*(?:(?:a|an|per|each|every)" + BLANK + r"+|/)(" + _RATE_WORDS + r")\b", re.I
)
INCH_CONTEXT = LazyPattern(
    BLANK + r"(in)(?=\.?$|\.?" + BLANK + r"+(?:thick|long|wide|tall|deep|high|across|in diameter)\b|\))"
)

# Ranges and lists after a first number.
RANGE_JOIN = LazyPattern(BLANK + r"*(?:[-–—]" + BLANK + r"*)?(to|and|through|[-–—])" + BLANK + r"*")
BETWEEN_BEFORE = LazyPattern(r"(?i:\bbetween)" + BLANK + r"+(?:[$€£¥]" + BLANK + r"?)?[-−–]?$")
CURRENCY_SYMBOL_AT = LazyPattern(r"(?:US\$|[$€£¥₹])" + BLANK + r"?")

# Counted nouns after a figure ("5,000 troops", "half of American forces").
NOUN_WORD = LazyPattern(BLANK + r"+((?:[A-Za-z]\.){2,}|[A-Za-z][A-Za-z'’-]*[A-Za-z])")
OF_WORD = LazyPattern(r"[”\"’]?" + BLANK + r"+of(?=" + BLANK + r")", re.I)

# Qualifiers before a figure: matched on the text that ends where the figure starts.
QUALIFIER_BEFORE = LazyPattern(
    r"(?:(?<![\w])(?i:("
    + trie_regex(lx.QUALIFIERS)
    + r"))"
    + BLANK
    + r"+|("
    + trie_regex(lx.QUALIFIER_SYMBOLS)
    + r")"
    + BLANK
    + r"?)$"
)
SIGN_BEFORE = LazyPattern(r"(?:(?<![\w.,\-–−])[-−–]|(?<![\w])(?i:minus|negative)" + BLANK + r"+)$")
MINUS_WORD_BEFORE = LazyPattern(r"(?<![\w])(?i:minus|negative)" + BLANK + r"+$")
WORD_BEFORE = LazyPattern(r"([A-Za-z][A-Za-z.]*)" + BLANK + r"*(?:#" + BLANK + r"*)?$")
CAP_WORD_BEFORE = LazyPattern(r"(?<![\w'’])([a-z]*[A-Z][\w'’.-]*)" + BLANK + r"+$")
ATTACHED_BEFORE = LazyPattern(r"(?:[^\W\d]|[/#@)\]])[-–−]?$|[^\W\d]\d*[-–−]$|\d[.:/]$|\d[-–−]$")
TIME_AFTER = LazyPattern(BLANK + r"*(?:[ap]\.?m\.?|GMT|UTC|o['’]clock)(?!\w)", re.I)
PHONE_LIKE = LazyPattern(r"\+?\(?\d{1,4}\)?(?:[-. ]\d{2,4}){2,}|\d{3}-\d{4}(?!\d)")
AGE_CONTEXT = LazyPattern(r"[A-Z][\w'’.-]*" + BLANK + r"?," + BLANK + r"*$")
AGE_AFTER = LazyPattern(BLANK + r"*(?:[,)]|\n|$)")
YEAR_SUFFIX = LazyPattern(r"(?:s|'s|’s)\b")
RATIO = LazyPattern(BLANK + r"+(over|out" + BLANK + r"+of|in)" + BLANK + r"+(?=[\w.])", re.I)
REFERENCE_BEFORE = LazyPattern(r"\[(?:\d+" + BLANK + r"*[,–-]" + BLANK + r"*)*$")
PAREN_LIST_BEFORE = LazyPattern(r"\((?:\d+" + BLANK + r"*[,;]" + BLANK + r"*)*$")
PAREN_LIST_AFTER = LazyPattern(r"(?:" + BLANK + r"*[,;]" + BLANK + r"*\d+)*\)")
# What joins the items of a label list: a comma (perhaps with "and"), "and", a dash or "to".
_LABEL_JOINER = (
    r"(?:" + BLANK + r"*,(?:" + BLANK + r"*and)?|" + BLANK + r"+and|" + BLANK + r"*[–-]|" + BLANK + r"+to)"
)
LABEL_LIST_BEFORE = LazyPattern(
    r"([A-Za-z][A-Za-z]*)\.?" + BLANK + r"+(?:\(?[\d.]+[A-Za-z]?\)?" + _LABEL_JOINER + BLANK + r"*)+\(?$"
)
# The end of every LABEL_LIST_BEFORE match (its last item's digits, joiner, blanks): found by a scan that
# tries only the digits and dots of the zone, where LABEL_LIST_BEFORE tries its word at every letter
LABEL_LIST_END = LazyPattern(r"[\d.][A-Za-z]?\)?" + _LABEL_JOINER + BLANK + r"*\(?$")
PH_BEFORE = LazyPattern(r"(?<![\w])pH" + BLANK + r"?[∼~=]?" + BLANK + r"?$")
HYPHEN_NOUN = LazyPattern(r"-([a-z]{2,}(?:-[a-z]+)?)\b(?!-\d)")
CENTURY_AFTER = LazyPattern(r"[- ](?:century|centuries|millennium)\b", re.I)
LIST_GAP = LazyPattern(
    r"(?:" + BLANK + r"*,(?:" + BLANK + r"*(?:and|or))?|" + BLANK + r"+(?:and|or))" + BLANK + r"*$"
)
ATTACHED_UNIT = LazyPattern(r"[A-Za-z]{1,4}(?:[-−]\d)?(?![\w])")
MONTH_NAME = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr"
    r"|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
)
DAY_MONTH_BEFORE = LazyPattern(r"(?<![\w])" + MONTH_NAME + BLANK + r"+$")
DAY_MONTH_AFTER = LazyPattern(r"(?:st|nd|rd|th)?" + BLANK + r"+(?:of" + BLANK + r"+)?" + MONTH_NAME + r"\b")
YEARS_OLD = LazyPattern(r"(?:-|" + BLANK + r"+)old\b", re.I)
SHORT_PHONE = LazyPattern(r"\d{3}-\d{4}")
SCI_HEAD = LazyPattern(r"^.*?(?:[eE]|10\^?)")
DOZEN_AFTER = LazyPattern(BLANK + r"*(?i:dozens?|dzs?|dozs?)\b")
WORD_AT = LazyPattern(r"[A-Za-z][A-Za-z-]*")
QUARTER_CONTEXT = LazyPattern(BLANK + r"+of\b|" + BLANK + r"+(?:million|billion)", re.I)
# What `a_before` and `QUARTER_CONTEXT` need, whatever the left bound and the limit: the scanner drops a
# "quarter" that neither finds (`find._hopeless`)
A_ANYWHERE_BEFORE = LazyPattern(r"(?i:an?)" + BLANK + r"+$")
QUARTER_CONTEXT_ANY_LIMIT = LazyPattern(BLANK + r"+(?:of|million|billion)", re.I)
CAP_NEXT = LazyPattern(BLANK + r"+[A-Z]")
LAST_WORD = LazyPattern(r"([A-Za-z']+)" + BLANK + r"+$")
NEXT_WORD = LazyPattern(BLANK + r"*([A-Za-z']+|'s|’s)")
OF_SCALES = LazyPattern(BLANK + r"+of" + BLANK + r"+(thousands|millions|billions|hundreds)\b", re.I)
OF_AFTER = LazyPattern(BLANK + r"+of\b", re.I)
VAGUE_DET_BEFORE = LazyPattern(r"(?<![\w])(?i:several|a few|a couple of|many|some)" + BLANK + r"+$")
SCALE_AT_END = LazyPattern(r"(?i:million|billion|trillion|bn|m)\s*$")
PART_BEFORE = LazyPattern(
    r"(?<![\w])(?i:upper|lower|top|bottom|first|second|latter|former|northern|southern|eastern|western|at)"
    + BLANK
    + r"+$"
)
FRACTION_OF_A = LazyPattern(BLANK + r"+(?:of" + BLANK + r"+)?an?(?=" + BLANK + r")", re.I)
ORDINAL_AS_FRACTION_AFTER = LazyPattern(
    BLANK
    + r"+(?:of|more|less|fewer|higher|lower|larger|smaller|bigger|cheaper|as)\b|"
    + BLANK
    + r"*(?:[.,;:!?)\]\"”’]|$)|"
    + BLANK
    + r"+(?:million|billion|trillion)\b",
    re.I,
)
PENCE_AFTER = LazyPattern(r"p(?![\w%°/])")
SCORE = LazyPattern(
    r"(\d{1,3})" + BLANK + r"?[-–]" + BLANK + r"?(\d{1,3})(?![\d%]|[.,]\d|" + BLANK + r"?[-–/])"
)
HYPHEN_NAME_AFTER = LazyPattern(r"[-–][A-Z]")
SHORT_YEAR_BEFORE = LazyPattern(r"(?<![\w'’])['’]" + BLANK + r"?$")
TIME_UNIT_SINGULAR = frozenset(
    ("second", "minute", "hour", "day", "week", "month", "year", "decade", "century", "fortnight")
)
ADDRESS_AFTER = LazyPattern(
    BLANK
    + r"+(?:[A-Z][a-z]+"
    + BLANK
    + r"+){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Boulevard|Blvd|Lane|Drive|Dr"
    r"|Square|Place|Terrace|Crescent|Way)\b"
)


# ---------------------------------------------------------------- cheap exact pre-checks
# A pattern that reads blanks and then a word can only match when the first non-blank character is one its
# words open with. Looking at that character costs a fraction of a regex call, and most numbers are
# followed by an ordinary word ("5,000 people"), so the patterns tried after (or before) most numbers come
# with the set of characters they can open with (for a case-insensitive word, every case form). A set may
# hold more than needed, never less: tests/test_figures_gates.py checks that no pattern matches where its
# set says no.

BLANKS = " \t\u00a0\u202f\u2009"  # the characters of BLANK


def next_non_blank(text: str, pos: int, limit: int) -> str:
    """The first character at or after `pos` and before `limit` that is not a blank; "" when none is."""
    while pos < limit:
        ch = text[pos]
        if ch not in BLANKS:
            return ch
        pos += 1
    return ""


def last_before_blanks(text: str, pos: int, lo: int) -> str:
    """The character before the blanks that end at `pos`, no further back than `lo`; "" when no blank ends
    at `pos` or the blanks reach back to `lo` (the last letter of a word that a `... BLANK+$` pattern reads
    on `text[lo:pos]`)."""
    p = pos - 1
    if p < lo or text[p] not in BLANKS:
        return ""
    while p >= lo and text[p] in BLANKS:
        p -= 1
    return text[p] if p >= lo else ""


def _opens(chars: str = "", caseless_letters: str = "", words: Iterable[str] = ()) -> frozenset[str]:
    """`chars` as they are, plus every case form of `caseless_letters` and of the first letters of `words`
    (which must be ASCII letters: their case forms are known, see `_CASE_PARTNERS`)."""
    letters = set(caseless_letters) | {w[0].lower() for w in words}
    assert all(c.isascii() and c.isalpha() for c in letters), letters
    return frozenset(chars) | frozenset("".join(c + c.upper() + _CASE_PARTNERS.get(c, "") for c in letters))


PERCENT_OPENS = _opens("%‰pwv", "pb")
CURRENCY_WORD_OPENS = _opens("ABCDEFGHIJKLMNOPQRSTUVWXYZ", words=lx.CURRENCY_WORDS)
CURRENCY_CODE_OPENS = frozenset(code[0] for code in lx.CURRENCY_CODES)
UNIT_OPENS = _opens("-°" + "".join(sym[0] for sym in lx.UNIT_SYMBOLS), "dsc", lx.UNIT_NAMES)
INCH_OPENS = frozenset("i")
ORDERS_OPENS = _opens(caseless_letters="o")
RATIO_OPENS = _opens(caseless_letters="oi")
RANGE_JOIN_OPENS = frozenset("-–—ta")
POINT_OPENS = _opens(caseless_letters="p")
AND_FRACTION_OPENS = _opens("&", "a")
OF_WORD_OPENS = _opens('”"’', "o")
RATE_OPENS = _opens("/", "ape")
QUARTER_CONTEXT_OPENS = _opens(caseless_letters="omb")
# After a digit number.
SCALE_AFTER_DIGITS_OPENS = _opens(caseless_letters="htlc")  # WORD_SCALE_AFTER_DIGITS
DOZEN_OPENS = _opens(caseless_letters="d")
MULTIPLIER_OPENS = _opens("kKMBGT", "mbt")
CURRENCY_SYMBOL_OPENS = frozenset("€£¥₹")
ADDRESS_OPENS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
# Last letters of the words that the "before" patterns end with.
A_BEFORE_ENDS = _opens(caseless_letters="an")
VAGUE_DET_ENDS = _opens(caseless_letters="lwfye")
MINUS_WORD_ENDS = _opens(caseless_letters="se")
PART_ENDS = _opens(caseless_letters="rpmtdn")


# After a lower-case letter, CURRENCY_WORD_AFTER's words (none shorter than three letters) open right at
# it: their first three letters tell ("peo" of "people" opens none, "pes" of "pesos" does)
CURRENCY_WORD_HEADS = frozenset(w[:3].lower() for w in lx.CURRENCY_WORDS)
_CAPITALS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
assert all(len(w) >= 3 and w.isascii() and w.isalpha() for w in lx.CURRENCY_WORDS)


def currency_word_may_open(text: str, pos: int, opens: str) -> bool:
    """Whether CURRENCY_WORD_AFTER may match at `pos`, whose first non-blank character is `opens`: a capital
    may open a name before the word ("Hong Kong dollars"), any other letter opens the word itself."""
    if opens not in CURRENCY_WORD_OPENS:
        return False
    if opens in _CAPITALS:
        return True
    at = text.find(opens, pos)  # only blanks come before it
    head = text[at : at + 3]
    return not head.isascii() or head.lower() in CURRENCY_WORD_HEADS


def may_be_phone(text: str, s: int) -> bool:
    """Whether PHONE_LIKE may match at `s`: the digits there are followed by ")", by a digit the ASCII
    test below leaves (another script's), or by "-", "." or " " and two digits (or the window's end)."""
    rest = text[s + 1 : s + 8].lstrip("0123456789")
    c = rest[:1]
    if c in ("-", ".", " "):
        d = rest[1:3]
        return len(d) < 2 or d.isdigit()
    return c == ")" or c.isdigit()
