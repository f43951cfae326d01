"""The figure finder: scans for digits and number words, reads each number, then extends it with its
currency, percent sign or measurement unit, a range's second end, the qualifier before it and the noun it
counts. Numbers inside `taken` spans (dates), years, labels, identifiers, ages and list markers are skipped.

Conventions: the span covers qualifier + number + currency / percent / measurement unit; the counted noun
("troops") is reported in `unit` but stays outside the span. A range ("3,000 to 4,000", "between 10 and 20")
is one figure whose `value` is the lower end and `high` the upper end.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from math import isfinite

from extract.figures import lexicon as lx
from extract.figures import patterns as pt
from extract.figures.context import (
    a_before,
    counted_noun,
    is_age_or_marker,
    is_label,
    month_context,
    qualifier_before,
    rate_after,
)
from extract.figures.lazy import LazyPattern
from extract.figures.lone import lone_word
from extract.figures.spelled import parse_spelled
from extract.model import Figure, FigureKind, Sentence

_SLASH_DENOMS = frozenset({2, 3, 4, 5, 6, 8, 10, 12, 16, 20, 25, 32, 40, 50, 64, 100, 1000})
_TOKEN_END = LazyPattern(r"[\w.,/:\-–]*")
_SIGNED_DIGIT = LazyPattern(r"[-−–]?" + pt.BLANK + r"?(?=[.]?\d)")
_SUPERSCRIPT = str.maketrans("⁻⁰¹²³⁴⁵⁶⁷⁸⁹", "-0123456789")
_ORDINAL_SUFFIXES = {1: "st", 2: "nd", 3: "rd"}
_CURRENCY_LAST = frozenset(k[-1] for k in lx.CURRENCY_PREFIX)
_SIGN_LAST = frozenset("-−–")
_ATTACH_LAST = frozenset("-–−/#@)]_.:")
_YEAR_MIN, _YEAR_MAX = 1600, 2099


@dataclass(slots=True)
class _Num:
    """A figure under construction."""

    start: int
    end: int
    value: float | None
    kind: FigureKind
    unit: str | None = None
    qualifier: str | None = None
    high: float | None = None
    plain: bool = True  # a bare integer written with digits only (label / year tests apply)
    spanned_unit: bool = False  # currency, percent or measurement unit inside the span
    digits: bool = True
    scale: float = 1.0  # multiplier written after the digits ("4 billion", "600m"), shared by a range


def find_figures(text: str, sentences: Sequence[Sentence], taken: Sequence[tuple[int, int]]) -> list[Figure]:
    """Figures in `text`, in order, never overlapping each other or a `taken` span (the date spans).

    `sentences` bound each figure (a figure never crosses a sentence); without them, lines do.
    """
    spans = sorted((s, e) for s, e in taken if e > s)
    t_starts = [s for s, _ in spans]
    t_maxend: list[int] = []
    running = 0
    for _, e in spans:
        running = max(running, e)
        t_maxend.append(running)
    s_starts = [s.start for s in sentences]
    s_ends = [s.end for s in sentences]
    n = len(text)
    n_spans = len(spans)
    nums: list[_Num] = []
    starts = _starts(text, drop_hopeless=True)
    n_starts = len(starts)
    bisect_left, bisect_right = bisect.bisect_left, bisect.bisect_right
    k = 0
    pos = 0
    last_end = 0
    while pos < n:
        k = bisect_left(starts, pos, k)  # the first start at or after `pos`, which only grows
        if k == n_starts:
            break
        s = starts[k]
        i = bisect_right(t_starts, s) - 1
        if i >= 0:
            if t_maxend[i] > s:
                pos = t_maxend[i]
                continue
            left = last_end if last_end > t_maxend[i] else t_maxend[i]
        else:
            left = last_end
        limit = spans[i + 1][0] if i + 1 < n_spans else n
        j = bisect_right(s_starts, s) - 1
        if j >= 0 and s < s_ends[j]:
            if s_starts[j] > left:
                left = s_starts[j]
            sentence_end = s_ends[j]
        else:
            left = max(left, text.rfind("\n", 0, s) + 1)
            nl = text.find("\n", s)
            sentence_end = nl if nl >= 0 else n
        if sentence_end < limit:
            limit = sentence_end
        num, skip = _figure_at(text, s, left, limit, sentence_end)
        if num is None:
            pos = skip if skip > s else s + 1
            continue
        if not ((num.value is None or isfinite(num.value)) and (num.high is None or isfinite(num.high))):
            pos = num.end  # an overflowing digit string is not a figure
            continue
        nums.append(num)
        last_end = num.end
        pos = num.end
    _propagate_units(nums, text)
    # one Figure per number, `_clean`'s common case (a whole value) inlined; positional arguments: a
    # frozen dataclass takes keywords noticeably slower
    figures: list[Figure] = []
    add = figures.append
    for num in nums:
        start, end, value, high = num.start, num.end, num.value, num.high
        if value is not None:  # finite: checked above
            whole = int(value)
            value = whole if value == whole and -1e12 < value < 1e12 else _clean(value)
        if high is not None:
            high = _clean(high)
        add(Figure(start, end, text[start:end], value, num.kind, num.unit, num.qualifier, high))
    return figures


def _starts(text: str, drop_hopeless: bool = False) -> list[int]:
    """The positions where a figure can start, in order: a digit or a number word at the start of a word,
    or a unicode fraction anywhere (the scanner in `patterns.py`).

    All of them are found in one pass over the text (`finditer`, in C) when the scan begins, and the scan
    loop bisects the list from where it last stopped: the ~37 candidates of a 4 KB article cost one regex
    call, not one each.
    With `drop_hopeless`, the starts of words that `_words` rejects whatever surrounds them are left out
    (`_hopeless`): the scan loop would only step over them.
    """
    starts = [0] if pt.NUMBER_HEAD.match(text) else []
    scanner = pt.NUMBER_AFTER_NON_WORD
    for m in scanner.finditer(text):  # each match opens with the character before its start
        start, end = m.span()
        start += 1
        if drop_hopeless and text[start:end] in _HOPELESS_FORMS and _hopeless(text, start, end):
            continue
        starts.append(start)
        # a number word may hold a hyphen ("twenty-first"), which can open a further start ("first")
        # inside the match; a digit match ("5", ".5") cannot hold one
        if end - start >= _HYPHENED_LENGTH:
            dash = text.find("-", start + 1, end)
            while dash >= 0:
                if scanner.match(text, dash):
                    starts.append(dash + 1)
                dash = text.find("-", dash + 1, end)
    # a unicode fraction anywhere: most texts have none, and 18 substring tests (C memchr) tell that
    # ten times faster than one regex search
    if any(ch in text for ch in pt.UNICODE_FRACTIONS):
        starts.extend(m.start() for m in pt.FRACTION_CHAR.finditer(text))
        starts = sorted(set(starts))
    return starts


# Scanned words that `_words` rejects, with the end of the word as where to go on, whatever their
# context: "first", "second" and "halves" always, "quarter" unless an article comes before it or "of",
# "million" or "billion" after it (the first non-blank characters tell: see `_hopeless`). Each is read as
# the scanner writes its forms (lower case, capitalised, capitals); no shorter number word opens them,
# so a sentence or date span that cuts one short leaves no figure either.
_ALWAYS_REJECTED = frozenset(f(w) for w in ("first", "second", "halves") for f in (str, str.title, str.upper))
_QUARTER = frozenset(("quarter", "Quarter", "QUARTER"))
_HOPELESS_FORMS = _ALWAYS_REJECTED | _QUARTER
# the shortest scanned word with a hyphen in it ("forty-first"): a shorter match holds no second start
_HYPHENED_LENGTH = min(len(w) for w in pt.SCAN_WORD_FORMS if "-" in w)


def _hopeless(text: str, start: int, end: int) -> bool:
    """The number word `text[start:end]`, one of `_HOPELESS_FORMS`, never starts a figure, and no start lies
    inside the part the scan steps over after it (`_starts` leaves it out)."""
    if text.startswith("-", end):  # "first-half", "quarter-final": `_words` steps over the whole token
        return False
    if text[start:end] in _ALWAYS_REJECTED:
        return True
    # otherwise a "quarter", which `_words` rejects alone: when `a_before` and `_quarter_context` fail,
    # whatever the left and limit (the first non-blank characters tell most; an "a" or "an" right before
    # it, at any left bound, or "of", "million", "billion" after it, cut short by any limit, otherwise)
    if pt.last_before_blanks(text, start, 0) in pt.A_BEFORE_ENDS and pt.A_ANYWHERE_BEFORE.search(
        text[max(0, start - 4) : start]
    ):
        return False
    return pt.next_non_blank(text, end, len(text)) not in pt.QUARTER_CONTEXT_OPENS or not (
        pt.QUARTER_CONTEXT_ANY_LIMIT.match(text, end)
    )


def _clean(value: float | None) -> float | None:
    """Round away float noise ("16.1 million" is 16100000, not 16100000.000000002); integers as int."""
    if value is None:
        return None
    if value == int(value) and abs(value) < 1e12:
        return int(value)  # at most 12 digits: the round trip below would give this integer back
    value = float(f"{value:.12g}")
    return int(value) if value == int(value) and abs(value) < 1e15 else value


def _skip_token(text: str, pos: int) -> int:
    return _TOKEN_END.match(text, pos).end()  # type: ignore[union-attr]


def _figure_at(text: str, s: int, left: int, limit: int, sentence_end: int) -> tuple[_Num | None, int]:
    """The figure whose number starts at `s`, or (None, position to resume scanning)."""
    # `_core` inlined: this runs once per candidate (34 per 4 KB article)
    ch = text[s]
    num: _Num | None
    lone = lone_word(text, s, limit, left) if "a" <= ch <= "z" else None
    if lone is not None:  # a number word that nothing before it joins (`lone.py`)
        end, value, extended, after = lone
        if not extended:  # nothing after it either: only its counted noun to read
            return _lone_figure(text, s, end, value, sentence_end, after), end
        num, skip = _Num(s, end, value, "cardinal", plain=False, digits=False), end
    elif ch in pt.UNICODE_FRACTIONS:
        num, skip = _Num(s, s + 1, pt.UNICODE_FRACTIONS[ch], "fraction", plain=False), s + 1
    elif ch.isdigit() or ch == ".":
        num, skip = _digits(text, s, left, limit)
    else:
        num, skip = _words(text, s, left, limit)
    if num is None:
        return None, skip
    # the first non-blank character after the number, read once for the extensions tried at its end
    end0 = num.end
    opens0 = pt.next_non_blank(text, end0, limit)
    if num.plain and num.kind == "cardinal":
        if opens0 in pt.ADDRESS_OPENS and pt.ADDRESS_AFTER.match(text, end0, limit):
            return None, end0  # "10 Downing Street"
        # a score has a dash within a blank of its first number, which has at most three digits
        near = text[s : s + 5]
        score = pt.SCORE.match(text, s, limit) if "-" in near or "–" in near else None
        if score and int(score.group(1)) >= int(score.group(2)):
            return None, score.end()  # "won 1-0", "a 6-3 vote", "50-50": a score, not a range
        if text.startswith(("-", "–"), end0) and pt.HYPHEN_NAME_AFTER.match(text, end0, limit):
            return None, _skip_token(text, end0)  # "7-Eleven"
    if num.kind == "cardinal" and num.value and num.value > 0:
        _ratio(text, num, limit, opens0)
    _suffix(text, num, limit, sentence_end, opens0 if num.end == end0 else None)
    ranged = _range(text, num, left, limit, opens0 if num.end == end0 else None)
    if num.digits and num.kind not in ("money", "percent") and is_label(text, num.start, False):
        return None, num.end  # "Fig. 4A", "stage 10–12", "Section 4.2"
    if ranged and num.digits and _year_like(num.value) and _year_like(num.high):
        return None, num.end  # "2013–2017"
    if ranged and num.digits and pt.DAY_MONTH_BEFORE.search(text[max(0, num.start - 12) : num.start]):
        return None, num.end  # "Nov 15-16"
    if num.digits and not ranged and not num.spanned_unit:
        if num.kind == "cardinal" and text[num.end : num.end + 1].isalpha():
            au = pt.ATTACHED_UNIT.match(text, num.end, limit)
            hedged = qualifier_before(text, num.start, left, False) is not None
            if not au or (num.plain and not hedged):
                return None, _skip_token(text, num.end)  # "4G", "3D", "14C": an identifier
            num.end, num.kind, num.unit, num.spanned_unit = au.end(), "quantity", au.group(), True
        if (
            num.kind == "cardinal"
            and is_label(text, num.start, num.plain)
            and not _currency_before(text, num.start, left)
        ):
            return None, num.end
        if num.plain and num.kind == "cardinal" and _is_year(num, text):
            return None, num.end
        if num.plain and num.value is not None and is_age_or_marker(text, num.start, num.end, num.value):
            return None, num.end
        before = text[max(0, num.start - 24) : num.start]
        if (
            num.plain
            and "(" in before
            and pt.PAREN_LIST_BEFORE.search(before)
            and (pt.PAREN_LIST_AFTER.match(text, num.end))
        ):
            return None, num.end
    if num.kind == "cardinal" and not ranged and not num.spanned_unit:
        hm = pt.HYPHEN_NOUN.match(text, num.end, limit) if text.startswith("-", num.end) else None
        if hm:  # "a 30-item scale", "a two-page document"
            num.end, num.unit = hm.end(), hm.group(1)
    if lone is None:  # before a lone word, no sign, currency, article, vague word or qualifier
        _prefix(text, num, left, ranged)
    if num.digits and num.kind == "cardinal":
        ph_zone = text[max(left, num.start - 5) : num.start]
        ph = pt.PH_BEFORE.search(ph_zone) if "pH" in ph_zone else None
        if ph:
            num.start = max(left, num.start - 5) + ph.start()
            num.kind, num.unit, num.spanned_unit = "quantity", "pH", True
    if num.kind == "money" and num.unit and " a " not in num.unit and " per " not in num.unit:
        rate = rate_after(text, num.end, limit)
        if rate:
            num.unit, num.end = f"{num.unit} {rate[0]}", rate[1]
    if num.unit is None and num.kind in ("cardinal", "vague", "fraction", "ordinal"):
        known = opens0 if num.end == end0 and opens0 else None  # the same within `sentence_end`
        noun, _ = counted_noun(text, num.end, sentence_end, num.kind != "ordinal", known)
        if noun and not (num.kind == "ordinal" and noun.lower() in lx.MONTHS):
            num.unit = noun
    return num, num.end


def _lone_figure(text: str, s: int, end: int, value: float, sentence_end: int, after: str) -> _Num:
    """The figure of the lone number word `text[s:end]` (`lone.py`): a cardinal and the noun it counts.
    `after`: the word after it, read by `lone_word` (NOUN_WORD's first word there when it has two
    letters: it ends before a blank or punctuation)."""
    num = _Num(s, end, value, "cardinal", plain=False, digits=False)
    num.unit, _ = counted_noun(text, end, sentence_end, True, after[0], after if len(after) > 1 else None)
    return num


def _propagate_units(nums: list[_Num], text: str) -> None:
    """In a list ("45 and 50 mg", "2.1, 2.4 and 3.0 m") the unit written once applies to every number."""
    for k in range(len(nums) - 2, -1, -1):
        a, b = nums[k], nums[k + 1]
        if a.kind != "cardinal" or a.unit is not None or b.kind not in ("quantity", "percent", "money"):
            continue
        if pt.LIST_GAP.fullmatch(text, a.end, b.start):
            a.kind, a.unit = b.kind, b.unit


def _year_like(value: float | None) -> bool:
    return value is not None and value == int(value) and _YEAR_MIN <= value <= _YEAR_MAX


def _is_year(num: _Num, text: str) -> bool:
    """A bare year (1998) or a day of a month the date layer did not take ("January 15", "3 March")."""
    v = num.value
    if (
        v is not None
        and 1 <= v <= 31
        and (
            (
                num.start > 1
                and text[num.start - 1] == " "
                and pt.DAY_MONTH_BEFORE.search(text[max(0, num.start - 12) : num.start])
            )
            or pt.DAY_MONTH_AFTER.match(text, num.end)
        )
    ):
        return True
    if v is None or not (_YEAR_MIN <= v <= _YEAR_MAX) or num.end - num.start != 4:
        return False
    return num.qualifier is None


# ---------------------------------------------------------------- the number itself


def _digits(text: str, s: int, left: int, limit: int, attached_ok: bool = False) -> tuple[_Num | None, int]:
    if (
        not attached_ok
        and s > 0
        and (text[s - 1].isalnum() or text[s - 1] in _ATTACH_LAST)
        and pt.ATTACHED_BEFORE.search(text[max(0, s - 3) : s])
        and _currency_before(text, s, left) is None  # "USD115" is money, "F-16" is not
    ):
        return None, _skip_token(text, s)
    ph = pt.PHONE_LIKE.match(text, s, limit) if pt.may_be_phone(text, s) else None
    if ph and (
        sum(c in "-." for c in ph.group()) >= 2
        or ("-" in ph.group() and "(" in ph.group())
        or text[s - 1 : s] == "+"
        or any(len(g) != 3 for g in ph.group().split()[1:])
    ):
        return None, max(ph.end(), _skip_token(text, s))
    if ph and pt.SHORT_PHONE.fullmatch(ph.group()):
        return None, ph.end()
    ref_zone = text[max(0, s - 24) : s]
    if not attached_ok and "[" in ref_zone and pt.REFERENCE_BEFORE.search(ref_zone):
        close = text.find("]", s, s + 40)
        return None, close + 1 if close > 0 else _skip_token(text, s)
    m = pt.DIGITS.match(text, s, limit)
    if not m:
        return None, s + 1
    raw = m.group()
    end = m.end()
    if (
        len(raw) == 2
        and s > 0
        and (text[s - 1] in "'’" or (text[s - 1] == " " and text[s - 2 : s - 1] in ("'", "’")))
        and pt.SHORT_YEAR_BEFORE.search(text[max(0, s - 3) : s])
    ):
        return None, end  # "'91": a year
    c0, nb = _peek(text, end, limit)
    if nb in "apAPGUo" and nb and pt.TIME_AFTER.match(text, end, limit):
        return None, end
    if len(raw) > 1 and raw[0] == "0" and raw[1].isdigit():
        return None, _skip_token(text, s)  # "007", "0958": an identifier
    nxt = text[end : end + 2]
    if len(nxt) == 2 and nxt[0] in ".:" and nxt[1].isdigit():
        return None, _skip_token(text, s)  # "192.168.1.2", "10:30"
    value = float(
        raw.replace(",", "")
        .replace("\u00a0", "")
        .replace("\u202f", "")
        .replace("\u2009", "")
        .replace(" ", "")
    )
    is_int = "." not in raw
    num = _Num(s, end, value, "cardinal", plain=is_int and "," not in raw and " " not in raw)
    if is_int:
        om = pt.ORDINAL_SUFFIX.match(text, end, limit) if c0 and c0 in "sntrd" else None
        if om:
            suffix = om.group().lower()
            expected = "th" if 10 <= int(value) % 100 <= 20 else _ORDINAL_SUFFIXES.get(int(value) % 10, "th")
            if (
                suffix != expected
                or month_context(text, s, om.end())
                or pt.CENTURY_AFTER.match(text, om.end())
            ):
                return None, om.end()
            num.end, num.kind, num.plain = om.end(), "ordinal", False
            return num, num.end
        ys = pt.YEAR_SUFFIX.match(text, end, limit) if c0 and c0 in "s'’" else None
        if ys and value % 10 == 0:
            return None, ys.end()  # "1990s", "20s"
    sm = pt.SCI.match(text, end, limit) if nb and nb in "eEx×" else None
    if sm:
        exp_raw = pt.SCI_HEAD.sub("", sm.group()).translate(_SUPERSCRIPT).replace("−", "-")
        exp_raw = exp_raw.replace("–", "-")
        try:
            exponent = int(exp_raw)
        except ValueError:
            exponent = 0
        if abs(exponent) <= 300:
            num.value = value * 10.0**exponent
            num.end, num.plain = sm.end(), False
    elif text[end : end + 1] == "/" and text[end + 1 : end + 2].isdigit():
        fm = pt.SLASH_FRACTION.match(text, end, limit)
        if fm and is_int and 0 < value < int(fm.group(1)) and int(fm.group(1)) in _SLASH_DENOMS:
            num.value = value / int(fm.group(1))
            num.end, num.kind, num.plain = fm.end(), "fraction", False
        else:
            return None, _skip_token(text, s)
    elif is_int:
        mf = pt.MIXED_FRACTION.match(text, end, limit) if nb.isdigit() else None
        if mf and 0 < int(mf.group(1)) < int(mf.group(2)) <= 100:
            num.value = value + int(mf.group(1)) / int(mf.group(2))
            num.end, num.plain = mf.end(), False
        elif end < limit and text[end] in pt.UNICODE_FRACTIONS:
            num.value = value + pt.UNICODE_FRACTIONS[text[end]]
            num.end, num.plain = end + 1, False
    _, nb = _peek(text, num.end, limit)
    pm = pt.PLUSMINUS.match(text, num.end, limit) if nb and nb in "±+" else None
    if pm:
        num.end, num.plain = pm.end(), False
    if pm:
        _, nb = _peek(text, num.end, limit)
    if nb.isalpha() and (
        (nb in pt.SCALE_AFTER_DIGITS_OPENS and pt.WORD_SCALE_AFTER_DIGITS.match(text, num.end, limit))
        or (nb in pt.DOZEN_OPENS and pt.DOZEN_AFTER.match(text, num.end, limit))
    ):
        sp = parse_spelled(text, s, limit)
        if sp and sp.end > num.end:
            num.end, num.value, num.plain = sp.end, sp.value, False
            return num, num.end
    mm = pt.MULTIPLIER.match(text, num.end, limit) if nb in pt.MULTIPLIER_OPENS else None
    if mm:
        tok = mm.group().strip()
        attached = mm.group()[0] not in " \t\u00a0\u202f\u2009"
        mult = lx.MULTIPLIERS.get(tok, lx.MULTIPLIERS.get(tok.lower(), 0))
        # a single letter other than "k" multiplies only an amount of money: "$10M", "€40m" (not "4G", "3M")
        use = len(tok) > 1 or tok == "k" or (attached and _currency_before(text, s, left) is not None)
        if not use and tok == "m" and attached:  # "3.5m units": millions of a counted thing, not metres
            noun = pt.NOUN_WORD.match(text, mm.end(), limit)
            word = noun.group(1).lower() if noun else ""
            use = word in lx.IRREGULAR_PLURALS or (word.endswith("s") and not word.endswith("ss"))
        if use and mult:
            num.value = (num.value or 0) * mult
            num.end, num.plain, num.scale = mm.end(), False, mult
    return num, num.end


def _peek(text: str, pos: int, limit: int) -> tuple[str, str]:
    """The character at `pos` and the first non-blank character within three (cheap pre-checks)."""
    after = text[pos : min(limit, pos + 3)]
    return after[:1], after.lstrip(" \t\u00a0\u202f\u2009")[:1]


def _currency_before(text: str, s: int, left: int) -> tuple[int, str] | None:
    lo = max(left, s - 8)
    zone = text[lo:s].rstrip(" \t\u00a0\u202f\u2009-")
    if not zone or zone[-1] not in _CURRENCY_LAST:
        return None
    m = pt.CURRENCY_BEFORE.search(text[lo:s])
    if not m:
        return None
    key = m.group().rstrip(" \t\u00a0\u202f\u2009-")
    start = lo + m.start()
    if start > 0 and key[0].isalpha() and (text[start - 1].isalnum()):
        return None
    return start, lx.CURRENCY_PREFIX.get(key, "dollars")


def _words(text: str, s: int, left: int, limit: int) -> tuple[_Num | None, int]:
    m = pt.WORD_AT.match(text, s, min(limit, s + 40))
    word = m.group().lower() if m else ""
    wend = m.end() if m else s + 1
    if s > 1 and text[s - 1] in "-–" and text[s - 2].isalnum():
        return None, wend  # the tail of "7-Eleven", "Covid-Nineteen"
    if text[s].isupper() and _is_name_part(text, s, wend, left):
        return None, wend
    if word in lx.VAGUE_WORDS:
        return _vague(text, s, word, wend, left, limit)
    if word in ("first", "second", "halves", "quarters") or word.startswith(("first-", "second-", "half-")):
        return None, wend
    if word in ("quarter",) and not (
        a_before(text, s, left) is not None or _quarter_context(text, wend, limit)
    ):
        return None, wend
    if word == "half" and (text[wend : wend + 1] in ("-", "–") or _part_before(text, s, max(left, s - 12))):
        return None, wend  # "half-brother", "the upper half of", "at half maximum"
    sp = parse_spelled(text, s, limit)
    if sp is None:
        return None, wend
    num = _Num(s, sp.end, sp.value, sp.kind, plain=False, digits=False)
    if (
        num.kind == "cardinal"
        and num.value == 1
        and sp.end - s <= 3
        and not _ratio_after(text, sp.end, limit)
        and _one_is_pronoun(text, s, sp.end)
    ):
        return None, sp.end
    if word in ("a", "an"):
        return None, wend
    a_start = a_before(text, s, left)
    if a_start is not None:
        first = word.split("-")[0]
        if (
            num.kind == "ordinal"
            and first in lx.ORDINAL_WORDS
            and pt.ORDINAL_AS_FRACTION_AFTER.match(text, num.end, limit)
        ):  # "a third of", "a fifth." (but "a fourth term" stays an ordinal)
            num.value = 1 / num.value if num.value else None
            num.kind = "fraction"
            num.start = a_start
        elif first in lx.SCALE_WORDS or first in lx.DOZEN_WORDS or first in ("half", "quarter"):
            num.start = a_start
    if num.kind == "ordinal" and num.value is None:
        return None, sp.end
    return num, num.end


def _quarter_context(text: str, wend: int, limit: int) -> bool:
    opens = pt.next_non_blank(text, wend, limit) in pt.QUARTER_CONTEXT_OPENS
    return opens and pt.QUARTER_CONTEXT.match(text, wend, limit) is not None


def _part_before(text: str, s: int, lo: int) -> bool:
    ends = pt.last_before_blanks(text, s, lo) in pt.PART_ENDS
    return ends and pt.PART_BEFORE.search(text[lo:s]) is not None


def _ratio_after(text: str, end: int, limit: int, opens: str | None = None) -> re.Match[str] | None:
    """ "in", "out of", "over" and the next number ("one in five"); `opens`: the first non-blank character
    at `end` when the caller has it."""
    if (pt.next_non_blank(text, end, limit) if opens is None else opens) not in pt.RATIO_OPENS:
        return None
    return pt.RATIO.match(text, end, limit)


def _vague_determiner(text: str, s: int, lo: int) -> re.Match[str] | None:
    """ "several", "a few", "many" right before `s` (not before `lo`): its match in `text[lo:s]`."""
    if pt.last_before_blanks(text, s, lo) not in pt.VAGUE_DET_ENDS:
        return None
    return pt.VAGUE_DET_BEFORE.search(text[lo:s])


def _is_name_part(text: str, s: int, wend: int, left: int) -> bool:
    """A capitalised number word inside a name ("Three Gorges Dam", "Group of Seven")."""
    before = text[left:s].rstrip()
    if not before or before[-1] in "\"“‘'(—–-:":
        return False
    nxt = pt.CAP_NEXT.match(text, wend)
    return bool(nxt) or before.endswith(" of")


def _one_is_pronoun(text: str, s: int, end: int) -> bool:
    bm = pt.LAST_WORD.search(text[max(0, s - 16) : s])
    if bm and bm.group(1).lower() in lx.ONE_PRONOUN_BEFORE:
        return True
    am = pt.NEXT_WORD.match(text, end)
    return bool(am and am.group(1).lower() in lx.ONE_PRONOUN_AFTER)


def _vague(text: str, s: int, word: str, wend: int, left: int, limit: int) -> tuple[_Num | None, int]:
    of = pt.OF_SCALES.match(text, wend, limit)
    has_of = pt.OF_AFTER.match(text, wend, limit)
    if word in ("tens", "scores", "lakhs", "crores") and not has_of:
        return None, wend
    end = of.end() if of else wend
    num = _Num(s, end, None, "vague", plain=False, digits=False)
    lo = max(left, s - 16)
    pre = _vague_determiner(text, s, lo)
    if pre:
        num.start = lo + pre.start()
    return num, end


def _vague_scale(num: _Num, text: str, left: int) -> None:
    """'several hundred', 'a few thousand': a scale word after a vague determiner is a vague amount."""
    if num.kind != "cardinal" or num.digits or num.value not in (100, 1000, 1e6, 1e9, 12):
        return
    lo = max(left, num.start - 16)
    pre = _vague_determiner(text, num.start, lo)
    if pre:
        num.start = lo + pre.start()
        num.value = None
        num.kind = "vague"


# ---------------------------------------------------------------- extensions


def _suffix(
    text: str, num: _Num, limit: int, sentence_end: int | None = None, opens_at_end: str | None = None
) -> None:
    """Percent sign, currency word or symbol, measurement unit and rate after the number.

    A rate that a date span took ("barrels a day" when "a day" is a date) still names the unit, but the
    span stops before it: `sentence_end` bounds that look-ahead. `opens_at_end`: the first non-blank
    character at `num.end` when the caller has it.
    """
    if num.kind in ("ordinal", "vague"):
        return
    end = num.end
    if num.kind == "fraction" and not num.digits:
        fa = pt.FRACTION_OF_A.match(text, end, limit)
        if fa and (
            pt.PERCENT_AFTER.match(text, fa.end(), limit) or pt.UNIT_AFTER.match(text, fa.end(), limit)
        ):
            end = fa.end()  # "half a percentage point", "a quarter of a mile"
    # the character every extension below must open with
    opens = (
        opens_at_end if opens_at_end is not None and end == num.end else pt.next_non_blank(text, end, limit)
    )
    pm = pt.PERCENT_AFTER.match(text, end, limit) if opens in pt.PERCENT_OPENS else None
    if pm:
        sym = pm.group(1)
        low = " ".join(sym.lower().split())
        num.end, num.spanned_unit = pm.end(), True
        if sym == "‰":
            num.kind, num.unit = "quantity", "‰"
        elif "point" in low or low == "bps":
            num.kind, num.unit = (
                "percent",
                "basis points" if ("basis" in low or low == "bps") else "percentage points",
            )
        else:
            num.kind, num.unit = "percent", "percent"
        rate = rate_after(text, num.end, limit)
        if rate:
            num.unit, num.end = f"{num.unit} {rate[0]}", rate[1]
        return
    cm = (
        pt.CURRENCY_WORD_AFTER.match(text, end, limit)
        if pt.currency_word_may_open(text, end, opens)
        else None
    )
    if cm and not pt.OF_AFTER.match(text, cm.end()):
        word = cm.group(2).lower()
        weight = word in ("pound", "pounds") and not _has_scale_word(text, num)
        if not weight:
            num.end, num.kind, num.unit, num.spanned_unit = (
                cm.end(),
                "money",
                " ".join(cm.group().split()),
                True,
            )
            return
    cc = pt.CURRENCY_CODE_AFTER.match(text, end, limit) if opens in pt.CURRENCY_CODE_OPENS else None
    if cc:
        num.end, num.kind, num.unit, num.spanned_unit = cc.end(), "money", cc.group(1), True
        return
    if num.digits:
        pence = pt.PENCE_AFTER.match(text, end, limit) if text.startswith("p", end) else None
        if pence:  # "340p"
            num.end, num.kind, num.unit, num.spanned_unit = pence.end(), "money", "pence", True
            return
        cs = pt.CURRENCY_SYMBOL_AFTER.match(text, end, limit) if opens in pt.CURRENCY_SYMBOL_OPENS else None
        if cs and (cs.end() >= limit or not text[cs.end()].isdigit()):
            num.end, num.kind, num.unit = cs.end(), "money", lx.CURRENCY_SUFFIX_SYMBOLS[cs.group(1)]
            num.spanned_unit = True
            return
    um = pt.UNIT_AFTER.match(text, end, limit) if opens in pt.UNIT_OPENS else None
    unit_text = None
    if um and um.group(1).strip(" \t\u00a0\u202f\u2009-"):
        unit_text = um.group(1).strip(" \t\u00a0\u202f\u2009-")
        if unit_text in ("x", "×") and not um.group(1).startswith(("x", "×")):
            unit_text = None
        elif len(unit_text) == 1 and (not num.digits or text[um.end() : um.end() + 1] in "-–"):
            unit_text = None  # "Two F-16", "5 C-130s": a letter after a number word or before a hyphen
        elif unit_text.lower() in pt.TIME_UNIT_SINGULAR and num.value != 1 and "-" not in um.group(1):
            unit_text = None  # "C$ 1.15 billion second quarter": a singular time word after a plural amount
        uend = um.end()
    else:
        im = pt.INCH_CONTEXT.match(text, end, limit) if opens in pt.INCH_OPENS else None
        if im and (num.plain or not _has_scale_word(text, num)):
            unit_text, uend = "in", im.end(1)
        dm = pt.ORDERS_OF_MAGNITUDE.match(text, end, limit) if opens in pt.ORDERS_OPENS else None
        if dm:
            unit_text, uend = "orders of magnitude", dm.end()
    if unit_text:
        num.end, num.kind, num.unit, num.spanned_unit = uend, "quantity", unit_text, True
        old = (
            pt.YEARS_OLD.match(text, num.end, limit)
            if unit_text.lower().startswith(("year", "month"))
            else None
        )
        if old:  # "a 54-year-old farmer", "five years old"
            num.end, num.unit = old.end(), unit_text.rstrip("s") + "s old"
            return
        rate = rate_after(text, num.end, limit)
        if rate:
            num.unit = f"{unit_text} {rate[0]}"
            num.end = rate[1]
        elif sentence_end is not None and sentence_end > limit:
            beyond = rate_after(text, num.end, sentence_end)
            if beyond:
                num.unit = f"{unit_text} {beyond[0]}"


def _has_scale_word(text: str, num: _Num) -> bool:
    return bool(pt.SCALE_AT_END.search(text[num.start : num.end]))


def _ratio(text: str, num: _Num, limit: int, opens: str | None = None) -> None:
    """ "one in five", "two out of three", "1 over 3": a fraction written as a ratio of two numbers."""
    rm = _ratio_after(text, num.end, limit, opens)
    if not rm or num.value is None:
        return
    p = rm.end()
    if text[p].isdigit():
        other, _ = _digits(text, p, p, limit, attached_ok=True)
    elif text[p].isalpha():
        other, _ = _words(text, p, p, limit)
    else:
        return
    if other is None or other.kind != "cardinal" or not other.value or other.value < 0:
        return
    probe = _Num(other.start, other.end, other.value, other.kind, digits=other.digits)
    _suffix(text, probe, limit)
    if probe.kind != "cardinal":
        return
    joiner = rm.group(1).lower()
    if joiner != "over" and num.value >= other.value:
        return
    if joiner == "in" and other.plain and _YEAR_MIN <= other.value <= _YEAR_MAX:
        return
    num.value = num.value / other.value
    num.kind, num.end, num.plain = "fraction", other.end, False


def _range(text: str, num: _Num, left: int, limit: int, opens: str | None = None) -> bool:
    """Join "X to Y", "X-Y", "between X and Y" into one figure; True when a range was formed. `opens`:
    the first non-blank character at `num.end` when the caller has it."""
    if num.kind in ("ordinal", "vague") or num.value is None:
        return False
    if (pt.next_non_blank(text, num.end, limit) if opens is None else opens) not in pt.RANGE_JOIN_OPENS:
        return False
    jm = pt.RANGE_JOIN.match(text, num.end, limit)
    if not jm:
        return False
    joiner = jm.group(1)
    if joiner in ("to", "and", "through") and not jm.group().endswith((" ", "\t", "\u00a0")):
        return False
    if joiner == "and" and not pt.BETWEEN_BEFORE.search(text[max(left, num.start - 12) : num.start]):
        return False
    p = jm.end()
    hyphen = joiner in ("-", "–", "—")
    if hyphen and jm.group().startswith(" ") and not jm.group().endswith(" "):
        return False  # "5 -3": a sign, not a range
    second_left = p
    cur = pt.CURRENCY_SYMBOL_AT.match(text, p, limit)
    if cur and (num.kind == "money" or _currency_before(text, num.start, left)):
        p = cur.end()  # "$500m-$600m", "between $5 and $10"
    if p >= limit:
        return False
    sign = _SIGNED_DIGIT.match(text, p, limit) if not hyphen else None
    ch = text[p]
    if ch.isdigit() or ch == "." or (sign and sign.end() > p):
        q = sign.end() if sign and sign.end() > p else p
        other, _ = _digits(text, q, second_left, limit, attached_ok=True)
        if other is None:
            return False
        if q > p and other.value is not None:
            other.value = -other.value
    elif ch.isalpha() and not num.digits:
        other, _ = _words(text, p, p, limit)
        if other is None or other.kind not in ("cardinal",):
            return False
    else:
        return False
    _suffix(text, other, limit)
    if other.value is None:
        return False
    if num.spanned_unit and other.spanned_unit and num.unit != other.unit:
        return False
    low = num.value
    if (
        num.start > 0
        and text[num.start - 1] in _SIGN_LAST
        and (num.start < 2 or not text[num.start - 2].isalnum())
    ):
        low = -low  # the sign is attached in _prefix: "-78-0 °C"
    if hyphen and not (low < other.value):
        return False
    if num.spanned_unit and not other.spanned_unit:
        return False  # "15 per cent to 340p": a unit on the first end only is not a range
    if num.kind == "cardinal" and other.kind not in ("cardinal", "percent", "money", "quantity"):
        return False
    if not num.spanned_unit and other.spanned_unit:
        num.kind, num.unit, num.spanned_unit = other.kind, other.unit, True
    if num.scale == 1 and other.scale != 1 and num.value * other.scale <= other.value:
        num.value *= other.scale  # "$3-4 billion", "between 2 and 3 million"
    num.high = other.value
    num.end = other.end
    num.plain = False
    return True


def _prefix(text: str, num: _Num, left: int, ranged: bool) -> None:
    """Currency symbol, sign, article and qualifier before the number."""
    if num.digits:
        zone = text[max(left, num.start - 10) : num.start]
        signed = zone and (zone[-1] in _SIGN_LAST or zone.rstrip().lower().endswith(("minus", "negative")))
        m = pt.SIGN_BEFORE.search(zone) if signed else None
        if m and num.kind != "ordinal":
            sign_start = max(left, num.start - 10) + m.start()
            cur_before = _currency_before(text, sign_start, left)
            if num.value is not None:
                num.value = -num.value
            num.start = sign_start
            if cur_before and num.kind in ("cardinal", "money"):
                num.start, num.kind, num.unit, num.spanned_unit = cur_before[0], "money", cur_before[1], True
        else:
            cur = _currency_before(text, num.start, left)
            if cur and num.kind in ("cardinal", "money", "fraction"):
                num.start = cur[0]
                if num.kind != "money" or num.unit is None:  # "$5 million dollars" keeps its word
                    num.unit = cur[1]
                num.kind, num.spanned_unit = "money", True
                if (
                    num.start > left
                    and text[num.start - 1] in "-−–"
                    and (num.start - 1 == left or not text[num.start - 2].isalnum())
                ):
                    num.start -= 1
                    num.value = -num.value if num.value is not None else None
    else:
        _vague_scale(num, text, left)
        lo = max(left, num.start - 10)
        ends = pt.last_before_blanks(text, num.start, lo) in pt.MINUS_WORD_ENDS
        m = pt.MINUS_WORD_BEFORE.search(text[lo : num.start]) if ends else None
        if m and num.value is not None and num.kind in ("cardinal", "percent", "quantity", "money"):
            num.value = -num.value
            num.start = lo + m.start()
    q = qualifier_before(text, num.start, left, ranged)
    if q:
        num.start, num.qualifier = q
