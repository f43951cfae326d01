"""The word lists of every layer, read from the JSON files in extract/data/words/ (the one loader).

`table(name)` reads `extract/data/words/NAME.json` once per process through the package's loader
(`pkgutil.get_data`, so it works from a wheel or a zip without loading importlib.resources' readers and
zipfile) and returns it read-only; the layers build their sets, maps and regexes from it. The calendar
words shared by several layers (month and weekday names and their abbreviations) are
defined here once.
"""

from __future__ import annotations

import json
import pkgutil
from collections.abc import Mapping
from functools import cache
from types import MappingProxyType
from typing import Any


@cache
def table(name: str) -> Mapping[str, Any]:
    """The word tables of extract/data/words/`name`.json (read once; its "_about" entry describes them)."""
    data = pkgutil.get_data("extract", f"data/words/{name}.json")  # through the package's loader
    if data is None:
        raise FileNotFoundError(f"extract/data/words/{name}.json: the package's loader cannot read data")
    return MappingProxyType(json.loads(data))


def words(name: str, key: str) -> frozenset[str]:
    """A word list of table `name` as a set."""
    return frozenset(table(name)[key])


def mapping(name: str, key: str) -> MappingProxyType[str, Any]:
    """A word -> value table of table `name`, read-only, in file order."""
    return MappingProxyType(dict(table(name)[key]))


# Month and weekday names and abbreviations, lower case -> month 1-12 / weekday 0 (Monday) - 6.
MONTHS: MappingProxyType[str, int] = mapping("calendar", "months")
WEEKDAYS: MappingProxyType[str, int] = mapping("calendar", "weekdays")
# Abbreviations are the short names, except the months short enough to be written in full.
MONTH_ABBREVIATIONS: tuple[str, ...] = tuple(
    m for m in MONTHS if len(m) <= 4 and m not in ("may", "june", "july")
)
WEEKDAY_ABBREVIATIONS: tuple[str, ...] = tuple(w for w in WEEKDAYS if not w.endswith("day"))
