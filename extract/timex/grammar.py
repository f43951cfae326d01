"""The temporal-expression grammar: one named regex per expression family, in priority order.

The rules are declared in normalize.py, each with its normaliser and examples (see rulebook.py); this is
their order and their compiled form. `scan` tries the rules at each candidate position in this order and
takes the first that matches, as an ordered alternation would: longer and more specific families come
first. Each rule is compiled on first use.
"""

from __future__ import annotations

import re
from functools import cache
from types import MappingProxyType

from extract.timex.normalize import RULE_BOOK

FLAGS = re.IGNORECASE

RULES: tuple[tuple[str, str], ...] = tuple((r.name, r.pattern) for r in RULE_BOOK)

RULE_NAMES: tuple[str, ...] = tuple(name for name, _ in RULES)
_RULE_SOURCES: MappingProxyType[str, str] = MappingProxyType(dict(RULES))


@cache
def rule_pattern(name: str) -> re.Pattern[str]:
    """The compiled regex of rule `name`, compiled on first use (start-up stays cheap)."""
    return re.compile(_RULE_SOURCES[name], FLAGS)
