"""Build-time generator of extract/data/timex_openings.json: the openings of every timex grammar rule.

    python tools/build_openings.py

Run it after changing a timex rule (extract/timex/normalize.py, rulebook.py) or its word lists; the test
`test_generated_openings_match_the_grammar` fails until then. The openings are computed from each rule's
parsed regex with Python's private `re._parser`, which is why this lives here and not in the runtime
package: at run time the scanner only reads the generated file (and tries every rule where it does not fit
the grammar, so a stale file costs speed, never a missed expression).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]

if __package__ in (None, ""):  # run as a script: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from extract.timex.grammar import FLAGS, RULES
from extract.timex.scanner import _MAX_OPENINGS, KEY_CHARS, OPENINGS_FILE, fold, grammar_digest

# (prefix, closed): `closed` when what follows the prefix is unconstrained (a wildcard was reached).
_Openings = frozenset[tuple[str, bool]]
_OPEN_END: _Openings = frozenset({("", False)})
_ANYTHING: _Openings = frozenset({("", True)})


class _TooMany(Exception):
    """A rule has too many distinct openings of the length tried."""


def _class_chars(items: list[tuple[object, object]]) -> set[str] | None:
    """The folded characters a character class accepts; None when it accepts (too) many."""
    out: set[str] = set()
    for op, arg in items:
        if op is sre.LITERAL:
            out.add(fold(chr(arg)))  # type: ignore[arg-type]
        elif op is sre.RANGE:
            lo, hi = arg  # type: ignore[misc]
            if hi - lo > 64:
                return None
            out.update(fold(chr(c)) for c in range(lo, hi + 1))
        elif op is sre.CATEGORY and arg in (sre.CATEGORY_DIGIT, sre.CATEGORY_UNI_DIGIT):
            out.add("0")
        elif op is sre.CATEGORY and arg in (sre.CATEGORY_SPACE, sre.CATEGORY_UNI_SPACE):
            out.add(" ")
        else:
            return None  # a negated class, \w, ...
    return out


def _concat(head: _Openings, tail: Callable[[int], _Openings], limit: int) -> _Openings:
    """Every opening of `head` followed by `tail`, cut to `limit` characters; the tail's openings are
    only computed as long as the shortest open head still needs."""
    shortest = min((len(p) for p, closed in head if not closed), default=limit)
    if shortest >= limit:
        return head
    more = tail(limit - shortest)
    out: set[tuple[str, bool]] = set()
    for prefix, closed in head:
        if closed:
            out.add((prefix, True))
            continue
        for rest, rest_closed in more:
            joined = prefix + rest
            out.add((joined[:limit], True) if len(joined) >= limit else (joined, rest_closed))
        if len(out) > _MAX_OPENINGS:
            raise _TooMany
    return frozenset(out)


def _sequence(items: sre_parse.SubPattern | list[tuple[object, object]], limit: int) -> _Openings:
    acc = _OPEN_END
    for op, arg in items:
        acc = _concat(acc, lambda need, op=op, arg=arg: _item(op, arg, need), limit)
        if all(closed for _, closed in acc):
            break
    return acc


def _item(op: object, arg: object, limit: int) -> _Openings:
    """The openings (at most `limit` characters) of one parsed regex item."""
    if op is sre.LITERAL:
        return frozenset({(fold(chr(arg)), limit <= 1)})  # type: ignore[arg-type]
    if op is sre.IN:
        chars = _class_chars(arg)  # type: ignore[arg-type]
        return _ANYTHING if chars is None else frozenset((c, limit <= 1) for c in chars)
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return _OPEN_END  # zero-width: ignoring the condition only widens the selection
    if op is sre.SUBPATTERN:
        return _sequence(arg[3], limit)  # type: ignore[index]
    if op is sre.BRANCH:
        return frozenset().union(*(_sequence(alt, limit) for alt in arg[1]))  # type: ignore[index]
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, high, body = arg  # type: ignore[misc]
        out: set[tuple[str, bool]] = set(_OPEN_END) if low == 0 else set()
        current = _OPEN_END
        for count in range(1, min(high, limit + 1) + 1):
            current = _concat(current, lambda need: _sequence(body, need), limit)
            if count >= low:
                out |= current
        if high > limit + 1:
            out |= {(p, True) for p, _ in current}
        return frozenset(out)
    return _ANYTHING


def compute_openings(rule: str) -> frozenset[str]:
    """Every folded start of at most `KEY_CHARS` characters that a match of `rule` can begin with; a
    match's folded first characters always start with one of them (shorter ones are followed by anything)."""
    parsed = sre_parse.parse(dict(RULES)[rule], FLAGS)  # Python's own (private) regex parser
    for length in range(KEY_CHARS, 1, -1):
        try:
            return frozenset(prefix for prefix, _ in _sequence(parsed, length))
        except _TooMany:
            continue  # shorter openings select a little less sharply
    return frozenset({""})  # no selection: the rule is tried everywhere


def build() -> dict[str, object]:
    return {
        "digest": grammar_digest(),
        "openings": {rule: sorted(compute_openings(rule)) for rule, _ in RULES},
    }


def main() -> None:
    OPENINGS_FILE.write_text(json.dumps(build(), separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {OPENINGS_FILE}")


if __name__ == "__main__":
    main()
