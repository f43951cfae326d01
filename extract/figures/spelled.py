"""Spelled-out numbers: "twenty-one", "a hundred and two", "1.2 million", "two-thirds", "five and a half
million", "three dozen", "two hundred point zero three".

`parse_spelled(text, start, limit)` reads the longest well-formed number that starts at `start` (digits are
allowed before scale words: "3 hundred and 21") and returns its end, value and kind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.figures import lexicon as lx
from extract.figures.lazy import LazyPattern
from extract.figures.patterns import (
    AND_FRACTION_OPENS,
    BLANK,
    CONNECTOR,
    FRACTION_DENOMS,
    ORDINAL_TENS_UNITS,
    POINT,
    POINT_OPENS,
    WORD_TOKEN,
    next_non_blank,
)
from extract.model import FigureKind

_AND_FRACTION = LazyPattern(
    BLANK
    + r"+(?:and|&)"
    + BLANK
    + r"+(a|an|one|two|three|four|five|six|seven|eight|nine)"
    + BLANK
    + r"*[- ]?"
    + BLANK
    + r"*(half|halves|quarters?|thirds?|fourths?|fifths?|sixths?|sevenths?|eighths?|"
    r"ninths?|tenths?|twentieths?|thirtieths?|hundredths?)\b",
    re.I,
)
_OF_A_SCALE = LazyPattern(
    BLANK + r"+(?:of" + BLANK + r"+)?an?" + BLANK + r"+(dozen|hundred|thousand|million|billion)\b", re.I
)
_SCALE_AFTER = LazyPattern(BLANK + r"+(hundred|thousand|million|billion|trillion)\b", re.I)
_NOT_DENOMS = frozenset({"first", "second", "firsts", "seconds"})
# No well-formed spelled number needs more words ("one million two hundred and thirty-four thousand five
# hundred and sixty-seven point eight" has 15); the bound keeps runs of number words linear.
_MAX_TOKENS = 24
_FIRST_TOKENS = 6


# Not frozen: a frozen dataclass sets each field through object.__setattr__, several times slower, and
# these are made for every number word the scanner finds. Nothing changes them after they are made.
@dataclass(slots=True)
class Spelled:
    """A parsed number: `end` offset, `value`, and kind (cardinal, ordinal or fraction)."""

    end: int
    value: float
    kind: FigureKind


@dataclass(slots=True)
class _Tok:
    start: int
    end: int
    word: str  # lower-case word, or "" for a digit token
    value: float
    after_and: bool = False  # joined to the previous token by "and" / "&"


def _tokens(text: str, start: int, limit: int, most: int) -> list[_Tok]:
    toks: list[_Tok] = []
    pos = start
    after_and = False
    while pos < limit and len(toks) < most:
        m = WORD_TOKEN.match(text, pos, limit)
        if not m:
            break
        if m.group(1):
            word = m.group(1).lower()
            toks.append(_Tok(m.start(), m.end(), word, 0.0, after_and))
        else:
            # digits start a spelled number or follow a scale word: "3 hundred and 21"
            if toks and toks[-1].word not in lx.SCALE_WORDS:
                break
            raw = m.group(2).replace(",", "").replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
            toks.append(_Tok(m.start(), m.end(), "", float(raw), after_and))
        c = CONNECTOR.match(text, m.end(), limit)
        if not c:
            break
        joiner = c.group()
        after_and = "&" in joiner or "and" in joiner.lower()
        pos = c.end()
    return toks


def _folded(word: str) -> str:
    """`word`, matched case-insensitively, as the lower-case word of the lists: the regex engine also pairs
    the dotless ı and the dotted İ with i, and the long ſ with s ("mıllion" is "million")."""
    return word.lower().replace("i\u0307", "i").replace("ı", "i").replace("ſ", "s")


def _fraction_after(text: str, pos: int, limit: int) -> tuple[int, float] | None:
    if next_non_blank(text, pos, limit) not in AND_FRACTION_OPENS:
        return None
    m = _AND_FRACTION.match(text, pos, limit)
    if not m:
        return None
    num_word, den_word = m.group(1).lower(), m.group(2).lower()
    num = 1 if num_word in ("a", "an") else lx.UNIT_WORDS[_folded(num_word)]
    den = FRACTION_DENOMS.get(den_word)
    if not den:
        return None
    return m.end(), num / den


def parse_spelled(text: str, start: int, limit: int) -> Spelled | None:
    """Parse the spelled-out number starting at `start` (not beyond `limit`); None when there is none.

    Reads a few words first and all of them (up to `_MAX_TOKENS`) only when the number may go on, so runs
    of number words ("one one one ...") stay linear.
    """
    toks = _tokens(text, start, limit, _FIRST_TOKENS)
    if not toks:
        return None
    parsed, used = _parse_tokens(text, toks, limit)
    if len(toks) == _FIRST_TOKENS and used >= _FIRST_TOKENS - 2:
        parsed, used = _parse_tokens(text, _tokens(text, start, limit, _MAX_TOKENS), limit)
    return parsed


def _parse_tokens(text: str, toks: list[_Tok], limit: int) -> tuple[Spelled | None, int]:
    """The number read from `toks` and how many of them the cardinal part used."""
    total = 0.0
    group = 0.0
    last = ""  # class of the last consumed token: unit, teen, ten, digit, hundred, scale, dozen
    last_scale = 0.0
    used = 0
    for i, tok in enumerate(toks):
        w = tok.word
        if tok.after_and and i + 1 < len(toks) and toks[i + 1].word in FRACTION_DENOMS:
            break  # "two million and one half": the fraction is read below
        if not w:
            if not last:
                group, last = tok.value, "digit"
            elif last in ("hundred", "scale") and tok.value < 100 and tok.value == int(tok.value):
                group += tok.value
                last = "digit"
            else:
                break
        elif w in lx.UNIT_WORDS or w in lx.TENS_WORDS:
            v = lx.UNIT_WORDS.get(w, lx.TENS_WORDS.get(w, 0))
            cls = "ten" if w in lx.TENS_WORDS else ("teen" if v >= 10 else "unit")
            ok = last in ("", "hundred", "scale") or (last == "ten" and cls == "unit" and v > 0)
            if not ok:
                break
            group += v
            last = cls
        elif w == "hundred":
            if last in ("hundred", "dozen") or (group >= 100 and not (last == "digit" and i == 1)):
                break
            group = (group or 1) * 100
            last = "hundred"
        elif w in lx.SCALE_WORDS:
            scale = lx.SCALE_WORDS[w]
            if last_scale and scale >= last_scale:
                if group == 0 and last == "scale":  # "three lakh crore"
                    total *= scale
                    last_scale = scale
                    used += 1
                    continue
                break
            total += (group or 1) * scale
            group, last, last_scale = 0.0, "scale", scale
        elif w in lx.DOZEN_WORDS:
            if last == "dozen":
                break
            group = (group or 1) * 12
            last = "dozen"
        else:
            break
        used += 1
    if not used:
        return _fraction_start(text, toks, limit), used
    end = toks[used - 1].end
    value = total + group
    kind: FigureKind = "cardinal"
    # decimals: "five point five", "nought point nought three"
    pm = None
    if last in ("unit", "teen", "ten", "hundred") and next_non_blank(text, end, limit) in POINT_OPENS:
        pm = POINT.match(text, end, limit)
    if pm:
        digits: list[str] = []
        pos = pm.end()
        dtoks = _tokens(text, pos, limit, _MAX_TOKENS)
        dend = end
        for tok in dtoks:
            if tok.word in lx.UNIT_WORDS and lx.UNIT_WORDS[tok.word] < 10:
                digits.append(str(lx.UNIT_WORDS[tok.word]))
            elif tok.word in lx.UNIT_WORDS or tok.word in lx.TENS_WORDS:
                v = lx.UNIT_WORDS.get(tok.word, lx.TENS_WORDS.get(tok.word, 0))
                if digits and digits[-1].endswith("0") and len(digits[-1]) == 2 and v < 10:
                    digits[-1] = str(int(digits[-1]) + v)
                else:
                    digits.append(str(v))
            else:
                break
            dend = tok.end
        if digits:
            return Spelled(dend, value + float("0." + "".join(digits)), "cardinal"), used
    # a fraction: "two thirds", "three quarters", "twenty-three fifths"
    if used < len(toks) and toks[used].word:
        nxt = toks[used].word
        if last == "ten" and nxt in lx.ORDINAL_WORDS and lx.ORDINAL_WORDS[nxt] < 10:  # "twenty first"
            return Spelled(toks[used].end, value + lx.ORDINAL_WORDS[nxt], "ordinal"), used
        den = FRACTION_DENOMS.get(nxt)
        if den and nxt not in _NOT_DENOMS and last not in ("digit", "dozen") and value <= 100:
            if nxt in lx.ORDINAL_WORDS and value > 1 and last != "ten":
                den = 0  # "three third" is not a fraction; "two thirds" is (plural)
            if den:
                end = toks[used].end
                value = value / den
                kind = "fraction"
                sm = _SCALE_AFTER.match(text, end, limit)
                om = _OF_A_SCALE.match(text, end, limit)
                if sm:
                    return Spelled(sm.end(), value * lx.SCALE_WORDS[_folded(sm.group(1))], "cardinal"), used
                if om and om.group(1).lower() != "dozen":
                    return Spelled(om.end(), value * lx.SCALE_WORDS[_folded(om.group(1))], "cardinal"), used
                return Spelled(end, value, kind), used
    if last in ("unit", "teen", "ten", "hundred", "scale", "digit"):
        fr = _fraction_after(text, end, limit)
        if fr:
            f_end, frac = fr
            sm = _SCALE_AFTER.match(text, f_end, limit)
            if sm:
                scale = lx.SCALE_WORDS[_folded(sm.group(1))]
                if last == "scale" and group == 0:  # "one billion and a half million"
                    return Spelled(sm.end(), value + frac * scale, "cardinal"), used
                return Spelled(sm.end(), (value + frac) * scale, "cardinal"), used
            if last == "scale" and group == 0 and last_scale >= 1e6:  # "three million and a half"
                return Spelled(f_end, value + frac * last_scale, "cardinal"), used
            return Spelled(f_end, value + frac, "cardinal"), used
    return Spelled(end, value, kind), used


def _fraction_start(text: str, toks: list[_Tok], limit: int) -> Spelled | None:
    """A number that starts with a fraction or ordinal word: "half", "half a million", "third"."""
    w = toks[0].word
    end = toks[0].end
    if w in ("half",):
        om = _OF_A_SCALE.match(text, end, limit)
        if om:
            mult = 12 if om.group(1).lower() == "dozen" else lx.SCALE_WORDS[_folded(om.group(1))]
            return Spelled(om.end(), 0.5 * mult, "cardinal")
        sm = _SCALE_AFTER.match(text, end, limit)
        if sm:
            return Spelled(sm.end(), 0.5 * lx.SCALE_WORDS[_folded(sm.group(1))], "cardinal")
        return Spelled(end, 0.5, "fraction")
    if w in ("quarter",):
        sm = _SCALE_AFTER.match(text, end, limit)
        if sm:
            return Spelled(sm.end(), 0.25 * lx.SCALE_WORDS[_folded(sm.group(1))], "cardinal")
        return Spelled(end, 0.25, "fraction")
    if w in ORDINAL_TENS_UNITS:
        return Spelled(end, float(ORDINAL_TENS_UNITS[w]), "ordinal")
    if w in lx.ORDINAL_WORDS:
        return Spelled(end, float(lx.ORDINAL_WORDS[w]), "ordinal")
    return None
