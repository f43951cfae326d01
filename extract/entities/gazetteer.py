"""Read-only access to the generated place and demonym gazetteers (extract/data/gazetteers.json).

The JSON is loaded on first use and cached for the life of the process (immutable afterwards); see
tools/build_gazetteers.py for how it is made. Lookups are exact, then case-insensitive for
headlines and datelines written in capitals.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "gazetteers.json"


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """`exact` maps a name to (type, canonical); `folded` the same keyed by lower case; `towns` are
    smaller places (weak evidence) and `given` common given names of many countries."""

    exact: Mapping[str, tuple[str, str]]
    folded: Mapping[str, tuple[str, str]]
    countries: frozenset[str]
    towns: frozenset[str] = frozenset()
    given: frozenset[str] = frozenset()

    def demonym_like(self, word: str) -> bool:
        """'Turkmen' (Turkmenistan), 'Yemeni' (Yemen), 'Bahamas' (Bahamas): a word that, less a plural or an
        adjective ending, opens a country's name with one of the usual endings after it."""
        stem = word[:-1] if word.endswith("s") else word
        if stem.endswith("i") and len(stem) >= 5:
            stem = stem[:-1]
            if stem in self.countries:  # "Yemeni"
                return True
        return len(stem) >= 4 and stem in _country_stems(self.countries)

    def lookup(self, name: str) -> tuple[str, str] | None:
        return self.exact.get(name)

    def is_country(self, name: str) -> bool:
        return name in self.countries

    def lookup_folded(self, name: str) -> tuple[str, str] | None:
        return self.exact.get(name) or self.folded.get(name.lower())


@cache
def gazetteer() -> Gazetteer:
    """The gazetteer, loaded once (about 30 ms of CPU) on first call. Speed: the file's bytes go to the JSON
    decoder as they are (no text layer, no newline translation) and each table is entered as a whole."""
    raw: dict[str, Any] = json.loads(DATA_FILE.read_bytes())
    exact: dict[str, tuple[str, str]] = {}
    folded: dict[str, tuple[str, str]] = {}
    for etype in ("LOC", "GPE", "NORP"):  # later types win on a clash: demonyms stay NORP
        entries = {name: (etype, canonical or name) for name, canonical in raw.get(etype, {}).items()}
        exact.update(entries)
        folded.update(zip(map(str.lower, entries), entries.values(), strict=True))
    return Gazetteer(
        MappingProxyType(exact),
        MappingProxyType(folded),
        frozenset(raw.get("COUNTRY", ())),
        frozenset(raw.get("TOWN", "").split("\n")),
        frozenset(raw.get("GIVEN", "").split("\n")),
    )


_ENDINGS = ("istan", "ia", "land", "n", "a", "baijan", "s")


@cache
def _country_stems(countries: frozenset[str]) -> frozenset[str]:
    """Country names less a usual ending ("Turkmen" from "Turkmenistan", "Slovak" from "Slovakia")."""
    out = set()
    for name in countries:
        if " " in name:
            continue
        for ending in _ENDINGS:
            if name.endswith(ending) and len(name) > len(ending) + 3:
                out.add(name[: -len(ending)])
    return frozenset(out)
