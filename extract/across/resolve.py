"""Names resolved across articles: each article's entities (already resolved within the article, so
"Kadhimi" there is "Mustafa al-Kadhimi") mapped to one library-wide entity.

The judgement calls (documented in the README, "Across articles"):
- Entities merge only within one type, except that a nationality or adjective whose canonical name is a
  country's ("American" -> United States, NORP) joins that country (GPE): it names the same actor.
- A one-word person ("Kadhimi") joins the one multi-word person whose surname it is ("Mustafa
  al-Kadhimi"; particles such as al-, bin, van are ignored), or who is called that in some article. Two
  candidates (two Millers) make it ambiguous: it stays its own entity.
- A short name or acronym of an organisation ("NFRC") joins the one organisation some article defines
  it for, or whose initials it is.
- A city that stands for a government ("Washington" for the United States) is *not* merged: the
  analysis cannot tell the capital from the government, and a wrong merge mixes two actors' facts.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

_PARTICLES = re.compile(r"^(?:al|el|ul|bin|ibn|van|von|de|da|di|du|le|la)[-‘’' ]", re.IGNORECASE)


def base_key(canonical: str, type_: str) -> str:
    return f"{type_}:{canonical.casefold()}"


def _surname(canonical: str) -> str:
    words = canonical.split()
    last = words[-1] if words else canonical
    return _PARTICLES.sub("", last).casefold()


def _initials(canonical: str) -> str:
    return "".join(w[0] for w in canonical.split() if w[:1].isupper()).casefold()


@dataclass(slots=True)
class _Group:
    """One library-wide entity being assembled."""

    key: str
    name: str
    type: str
    mentions: int = 0
    aliases: Counter[str] = field(default_factory=Counter)
    names: Counter[str] = field(default_factory=Counter)  # canonical names, by mentions


@dataclass(frozen=True, slots=True)
class Resolution:
    """`key_of[(canonical, type)]` is the library-wide key; `groups[key]` its name, type, counts."""

    key_of: dict[tuple[str, str], str]
    names: dict[str, str]
    types: dict[str, str]
    mentions: dict[str, int]
    aliases: dict[str, tuple[tuple[str, int], ...]]


def resolve(entities: Iterable[tuple[str, str, int, Sequence[tuple[str, int]]]]) -> Resolution:
    """Resolve (canonical, type, mentions, aliases) records of every article (repeats welcome)."""
    records = list(entities)
    gpe_names = {c.casefold() for c, t, _, _ in records if t == "GPE"}
    groups: dict[str, _Group] = {}
    local_key: dict[tuple[str, str], str] = {}
    for canonical, type_, mentions, aliases in records:
        kind = "GPE" if type_ == "NORP" and canonical.casefold() in gpe_names else type_
        key = base_key(canonical, kind)
        local_key[(canonical, type_)] = key
        group = groups.get(key)
        if group is None:
            group = groups[key] = _Group(key, canonical, kind)
        group.mentions += mentions
        group.names[canonical] += mentions
        for text, count in aliases:
            group.aliases[text] += count
    merged = _merges(groups)
    final: dict[str, _Group] = {}
    for key, group in groups.items():
        target = merged.get(key, key)
        into = final.get(target)
        if into is None:
            into = final[target] = _Group(target, groups[target].name, groups[target].type)
        into.mentions += group.mentions
        into.aliases.update(group.aliases)
        into.names.update(group.names)
    names = {}
    for key, group in final.items():
        # the longest name given to it (the full form), then the most used
        names[key] = max(group.names.items(), key=lambda item: (len(item[0].split()), item[1], item[0]))[0]
    return Resolution(
        key_of={ident: merged.get(key, key) for ident, key in local_key.items()},
        names=names,
        types={k: g.type for k, g in final.items()},
        mentions={k: g.mentions for k, g in final.items()},
        aliases={
            k: tuple(sorted(g.aliases.items(), key=lambda a: (-a[1], a[0].casefold())))
            for k, g in final.items()
        },
    )


def _merges(groups: dict[str, _Group]) -> dict[str, str]:
    """Short forms that belong to exactly one longer entity of their type: short key -> long key."""
    by_alias: dict[tuple[str, str], set[str]] = defaultdict(set)
    by_surname: dict[str, set[str]] = defaultdict(set)
    by_initials: dict[str, set[str]] = defaultdict(set)
    for key, group in groups.items():
        if len(group.name.split()) < 2:
            continue
        for alias in group.aliases:
            if alias.casefold() != group.name.casefold():
                by_alias[(group.type, alias.casefold())].add(key)
        if group.type == "PERSON":
            by_surname[_surname(group.name)].add(key)
        if group.type == "ORG":
            by_initials[_initials(group.name)].add(key)
    merged: dict[str, str] = {}
    for key, group in groups.items():
        if len(group.name.split()) != 1:
            continue
        short = group.name.casefold()
        found = set(by_alias.get((group.type, short), ()))
        if group.type == "PERSON":
            found |= by_surname.get(_PARTICLES.sub("", short), set())
        if group.type == "ORG" and group.name.isupper():
            found |= by_initials.get(short, set())
        found.discard(key)
        if len(found) == 1:
            merged[key] = found.pop()
    return merged
