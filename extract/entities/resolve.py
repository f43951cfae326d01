"""In-article resolution: acronyms to expansions, surnames to full names, one type per name.

An acronym defined in parentheses ("Popular Mobilization Forces (PMF") or matching the initials of a
longer name in the article resolves to it and takes its type; an alias given with it ("(PMF, or Hashd
al-Shaabi)") does too. A single word that ends a person's full name resolves to that person. Finally a
name keeps the type of its strongest evidence everywhere in the article.
"""

from __future__ import annotations

from dataclasses import replace

from extract.entities import lexicon as lx
from extract.entities.classify import ARTICLE, GAZETTEER, SHAPE, Typed
from extract.entities.patterns import (
    ACRONYM_DEFINITION,
    ALIAS_DEFINITION,
    COORDINATION,
    LIST_COMMA,
    NEXT_TOKEN,
    NEXT_WORD,
)

_SURNAME_PREFIXES = ("al-", "el-", "Al-", "El-", "ad-", "as-", "ash-", "at-", "az-", "ar-", "an-")


_SHORTENED_HEADS = lx.ORG_LAST | lx.LOC_LAST | lx.FACILITY_LAST
_ORG_DESCRIPTORS = lx.ORG_DESCRIPTORS


def _initials(words: tuple[str, ...]) -> str:
    return "".join(w[0] for w in words if w[0].isupper())


def _surname_keys(words: tuple[str, ...]) -> list[str]:
    last = words[-1]
    keys = [last]
    for prefix in _SURNAME_PREFIXES:
        if last.startswith(prefix) and len(last) > len(prefix) + 1:
            keys.append(last[len(prefix) :])
    if len(words) >= 3 and words[-2][0].islower():  # "Osama bin Laden" -> "bin Laden"
        keys.append(f"{words[-2]} {last}")
    elif len(words) >= 3 and words[-2][0].isupper():  # "Lucía Fernández Ibarra" -> "Fernández"
        keys.append(words[-2])
    keys.extend([k[0].upper() + k[1:] for k in keys if k[0].islower()])  # "Al-Saqqar" opening a sentence
    return keys


def _plausible(acronym: str, words: tuple[str, ...]) -> bool:
    """Does `acronym` abbreviate `words`? Its first letter opens the name, its letters occur in it."""
    letters = [c for c in acronym if c.isalpha()]
    if not letters or letters[0].upper() != words[0][0].upper():
        return False
    spelled = " ".join(words).upper()
    return all(c.upper() in spelled for c in letters)


def _definitions(text: str, mentions: list[Typed]) -> list[tuple[str, int]]:
    """(acronym or alias, index of the mention it is defined for) from "Name (ACR" / "(ACR, or Alias)"."""
    by_end = {m.end: i for i, m in enumerate(mentions)}
    out = []
    for m in ACRONYM_DEFINITION.finditer(text):
        acronym = m.group(1)
        if not acronym.isupper():
            continue
        j = m.start()
        while j > 0 and text[j - 1] in " \t":
            j -= 1
        i = by_end.get(j)
        if i is not None and len(mentions[i].words) > 1 and _plausible(acronym, mentions[i].words):
            out.append((acronym, i))
            alias = ALIAS_DEFINITION.match(text, m.start())
            if alias:
                out.append((alias.group(1), i))
    return out


def _expansions(text: str, mentions: list[Typed]) -> tuple[list[Typed], dict[str, tuple[Typed, bool]]]:
    """Acronym (and alias) -> (the mention it stands for, whether the article defined it in brackets
    rather than by initials alone). A name given an acronym and known only by its shape is an
    organisation (people are not given acronyms)."""
    defined = _definitions(text, mentions)
    mentions = list(mentions)
    for _, i in defined:
        if mentions[i].strength == SHAPE:
            mentions[i] = replace(mentions[i], type="ORG", strength=ARTICLE, basis="defined")
    out: dict[str, tuple[Typed, bool]] = {}
    for acronym, i in defined:
        out.setdefault(acronym, (mentions[i], True))
    for mention in mentions:
        if len(mention.words) > 1 and mention.type in ("ORG", "EVENT", "GPE", "LOC", "OTHER"):
            acronym = _initials(mention.words)
            if len(acronym) >= 2:
                out.setdefault(acronym, (mention, False))
    return mentions, out


def _prose_follows(text: str, end: int) -> bool:
    """Is the next word lower-case prose ("Dozens of ...") rather than a table cell or a comma?"""
    m = NEXT_TOKEN.match(text, end)
    if m is None or not m.group(1)[0].islower():
        return False
    # "Pfizer and BioNTech said": a word joined to a name by "and" is a name too
    joined = COORDINATION.match(text, end)
    return joined is None or not text[joined.end() : joined.end() + 1].isupper()


def _rank(m: Typed) -> tuple[int, int]:
    """Evidence order within an article: strength, then a specific clue ("to X") over a default guess."""
    return (m.strength, 0 if m.basis in GUESSES else 1)


GUESSES = frozenset({"guess", "shape", "acronym"})


def _named_by_verb(text: str, end: int) -> bool:
    """'Ecorail said', 'Norvida will cut': a verb after a sentence-opening word shows it is a name."""
    m = NEXT_WORD.match(text, end)
    return m is not None and m.group(1) in lx.LONE_NAME_VERBS


def _coordinated(text: str, mentions: list[Typed]) -> list[Typed]:
    """In a list ("Tulsa, Omaha and Fresno"), a name known only by its shape takes its neighbour's type."""
    out = list(mentions)
    for _ in range(2):  # forwards, then backwards
        for i in range(1, len(out)):
            a, b = out[i - 1], out[i]
            if (
                b.strength == SHAPE
                and b.basis != "given"  # "Acme Corp and Lorna Reyes": a given name is evidence of its own
                and a.strength >= GAZETTEER
                and a.type != "NORP"
                and COORDINATION.fullmatch(text, a.end, b.start)
            ):
                out[i] = replace(b, type=a.type, strength=GAZETTEER)
            elif (
                b.basis == "guess"
                and a.type == "PERSON"
                and a.basis != "guess"
                and LIST_COMMA.fullmatch(text, a.end, b.start)
            ):
                out[i] = replace(b, type="PERSON", basis="list")  # "Ana Ruiz, Cole, Diaz": a list of people
        out.reverse()
    return out


def resolve(text: str, mentions: list[Typed]) -> list[Typed]:
    """Canonical names and consistent types across the article."""
    mentions, expansions = _expansions(text, mentions)
    people: dict[str, Typed] = {}
    for m in mentions:
        if m.type == "PERSON" and len(m.words) > 1:
            for key in _surname_keys(m.words):
                people.setdefault(key, m)
    # "Abiy" after "Abiy Ahmed": some naming customs shorten a name to its first word. Weaker than a
    # surname, so only a name with no evidence of its own takes it.
    given = {m.words[0]: m for m in mentions if m.type == "PERSON" and len(m.words) == 2}
    shorts: dict[str, Typed] = {}
    for m in mentions:
        if m.basis == "head" and len(m.words) > 1 and m.words[-1].rstrip(".") in _SHORTENED_HEADS:
            shorts.setdefault(" ".join(m.words[:-1]), m)
            # "Velmora" after "Velmora International Inc": the suffix and descriptors go together
            k = len(m.words) - 1
            while k > 1 and (m.words[k - 1] in _ORG_DESCRIPTORS or m.words[k - 1].rstrip(".") in lx.ORG_LAST):
                k -= 1
                shorts.setdefault(" ".join(m.words[:k]), m)
    out: list[Typed] = []
    for m in mentions:
        short_of = shorts.get(m.name)
        if short_of is not None and m.strength <= GAZETTEER and m.basis != "gazetteer":
            # "Abaruma" after "Abaruma Energy", "Sado" after "Sado Island"
            out.append(replace(m, type=short_of.type, strength=ARTICLE, canonical=short_of.canonical))
            continue
        expansion, in_brackets = expansions.get(m.name, (None, False))
        # Initials alone do not override a gazetteer entry ("US" stays the country).
        if expansion is not None and expansion is not m and (in_brackets or m.strength == SHAPE):
            m = replace(m, type=expansion.type, strength=ARTICLE, canonical=expansion.canonical)
        elif m.name in people and len(m.words) <= 2 and people[m.name] is not m and m.basis != "place":
            full = people[m.name]
            if m.strength < ARTICLE or m.type == "PERSON":
                m = replace(m, type="PERSON", strength=ARTICLE, canonical=full.canonical)
        elif m.name in given and len(m.words) == 1 and m.strength == SHAPE and m.name not in people:
            m = replace(m, type="PERSON", strength=GAZETTEER, canonical=given[m.name].canonical)
        out.append(m)
    # One type per name: the strongest evidence anywhere in the article wins.
    best: dict[str, Typed] = {}
    for m in out:
        held = best.get(m.name)
        if held is None or _rank(m) > _rank(held):
            best[m.name] = m
    out = _coordinated(text, out)
    inside = {m.name for m in out if not m.initial}
    result = []
    for m in out:
        top = best[m.name]
        if _rank(top) > _rank(m):
            m = replace(m, type=top.type, strength=top.strength, canonical=top.canonical)
        lone = m.initial and m.strength == SHAPE and len(m.words) == 1 and m.name not in inside
        lone = lone and not m.name.isupper()  # an acronym opening a sentence is still a name
        # "Officials said", "Farmers will": a plural common noun ("Orvalis", "Sudameris" are not plurals)
        plural = m.name.endswith("s") and m.name[-2:-1] not in ("a", "i", "o", "u", "s")
        if lone and _prose_follows(text, m.end) and (plural or not _named_by_verb(text, m.end)):
            continue  # only ever capitalised because it opens a sentence: no evidence it is a name
        result.append(m)
    return result
