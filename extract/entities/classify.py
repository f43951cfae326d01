"""Typing of candidate names from evidence, strongest first.

Strength 3, the article itself: a title before the name ("Prime Minister", "spokesman"), a head word
of an organisation, place or event ("Ministry", "Forces", "River", "Cup"), a dateline, an acronym the
article defines for it. Strength 2: the gazetteers (countries, capitals, cities, regions, demonyms)
and the words around a name: a noun after it ("news agency", "district"), a speech verb or an age after
a surname ("Okonkwo said", "Tanaka, 52,"), a bracketed country after a name in results, "the town of X",
"X, Malawi", "analysts at X". Strength 1, shape: an acronym, several capitalised words, one word after
"in", a city opening a longer name, a surname ending, a camel-cased brand.
"""

from __future__ import annotations

from dataclasses import dataclass

from extract.entities import lexicon as lx
from extract.entities.candidates import Candidate
from extract.entities.gazetteer import Gazetteer
from extract.entities.patterns import (
    AGE_AFTER,
    APPOSITION,
    BOWLING_AFTER,
    CAMEL_CASE,
    DATELINE_HEAD,
    DIGIT_NEXT,
    INDEX_AFTER,
    LABEL_AFTER,
    LOC_NOUN_BEFORE,
    NUMBER_BEFORE,
    NUMBER_NEXT,
    ORG_CONTEXT_BEFORE,
    PAIR_NEXT,
    PAREN_AFTER,
    PLACE_AFTER,
    PLACE_NOUN_BEFORE,
    POSSESSIVE_NEXT,
    ROW_FIGURES,
    SCORE_AFTER,
    SCORE_AROUND,
    SCORE_NEXT,
    STANDINGS_AFTER,
    STATEMENT_AFTER,
    VESSEL_BEFORE,
    is_acronym,
)

ARTICLE, GAZETTEER, SHAPE = 3, 2, 1
CORRECTED = ARTICLE + 1  # the user's own correction outranks every rule
CONTEXT = GAZETTEER  # a speech verb or an age after a single name: as strong as a gazetteer entry


@dataclass(frozen=True, slots=True)
class Typed:
    """A candidate with its type, the strength of the evidence and its canonical name."""

    start: int
    end: int
    name: str
    type: str
    strength: int
    canonical: str
    words: tuple[str, ...]
    initial: bool = False  # opens a sentence, so its capital proves nothing
    basis: str = ""  # what typed it: title, head, gazetteer, place, speech, shape, ...


def _previous_word(text: str, start: int) -> str:
    before = text[max(0, start - 30) : start].rstrip()
    if not before or not before[-1].isalpha():
        return ""
    return before.rsplit(None, 1)[-1].lower().rstrip(".")


def _next_word(text: str, end: int) -> str:
    after = text[end : end + 30].split(None, 2)
    return after[0].lower().rstrip('.,;:!?"”’') if after else ""


def _attributes_quote(text: str, start: int) -> bool:
    """'"...," Okonkwo said': a name right after a quotation (companies speak in statements, not quotes)."""
    before = text[max(0, start - 4) : start].rstrip()
    return bool(before) and before[-1] in ",\"”'’"


def _aged(text: str, end: int) -> bool:
    """'Ferreira , 31 ,' / 'Tanaka, 52,': a name followed by an age."""
    return AGE_AFTER.match(text, end) is not None


def _place_noun_before(text: str, start: int) -> bool:
    """'the town of X', 'the capital X', 'the port city of X'."""
    m = PLACE_NOUN_BEFORE.search(text, max(0, start - 30), start)
    return m is not None and m.group(1).lower() in lx.PLACE_NOUNS_AFTER


def _after_vessel(text: str, start: int, previous: str) -> bool:
    """'the ferry X', 'The ship, the X': a vessel's name."""
    if previous in lx.VESSEL_NOUNS:
        return True
    if previous != "the":
        return False
    m = VESSEL_BEFORE.search(text, max(0, start - 20), start)
    return m is not None and m.group(1) in lx.VESSEL_NOUNS


def _loc_noun_before(text: str, start: int, previous: str) -> bool:
    """'the mouth of the X', 'the banks of X': a natural feature."""
    if previous not in ("the", "of"):
        return False
    m = LOC_NOUN_BEFORE.search(text, max(0, start - 30), start)
    return m is not None and m.group(1) in lx.LOC_NOUNS_BEFORE


def _org_context_before(text: str, start: int) -> bool:
    """'analysts at X', 'a spokeswoman for X', 'shares of X': an employer or a listed company."""
    m = ORG_CONTEXT_BEFORE.search(text, max(0, start - 40), start)
    if m is None:
        return False
    noun = m.group(1).lower()
    # "workers in X" names a place; only a stake or shares are held "in" a company
    return noun in lx.ORG_CONTEXT_NOUNS and (m.group(2) != "in" or noun in ("stake", "shares"))


def _org_described(text: str, end: int) -> bool:
    """'X, a state-owned broadcaster' / 'X's chief executive': evidence that X is an organisation."""
    m = APPOSITION.match(text, end)
    if m is not None and m.group(1) in lx.ORG_APPOSITION_NOUNS:
        return True
    m = POSSESSIVE_NEXT.match(text, end)
    return m is not None and m.group(1) in lx.ORG_POSSESSIVE_NOUNS


def _scored(text: str, start: int, end: int) -> bool:
    """Is the name one side of a results line ("Tulsa 4 Omaha 1")? Then a place names a team."""
    if SCORE_AFTER.match(text, end):
        return True
    return (
        SCORE_NEXT.match(text, end) is not None
        and SCORE_AROUND.search(text, max(0, start - 8), start) is not None
    )


def _dateline_region(text: str, start: int, end: int) -> bool:
    """'SPRINGFIELD , Ill. 2020-05-14': the region or country after a dateline's city is a place."""
    if not text[max(0, start - 3) : start].rstrip(" \t").endswith(","):
        return False
    line_start = text.rfind("\n", max(0, start - 60), start) + 1
    if (line_start == 0 and start > 60) or DATELINE_HEAD.fullmatch(text, line_start, start) is None:
        return False
    after = text[end : end + 12].lstrip(" \t.")
    return not after or after[0].isdigit() or after[0] == "\n"


def _row_label(text: str, start: int, end: int) -> bool:
    """Does the word open a line (or follow a number or comma) and come before figures on that line?"""
    lo = max(0, start - 40)
    newline = text.rfind("\n", lo, start)
    before = text[newline + 1 if newline >= 0 else lo : start].strip(" \t-")
    if before and not (before[-1].isdigit() or before[-1] == ","):
        return False
    return ROW_FIGURES.match(text, end) is not None


def _market_index(text: str, end: int) -> bool:
    """'the X composite index', 'the X average': a named index, not the company that compiles it."""
    m = INDEX_AFTER.match(text, end)
    return m is not None and (m.group(1) in lx.INDEX_NOUNS_AFTER or m.group(2) in lx.INDEX_NOUNS_AFTER)


def _quoted_speaker(text: str, start: int, previous: str) -> bool:
    """'"...," said X': the name right after a quotation and its speech verb is the speaker."""
    if previous not in ("said", "says", "added", "asked"):
        return False
    before = text[max(0, start - 40) : start].rstrip()
    before = before[: -len(previous)].rstrip() if before.lower().endswith(previous) else before
    return bool(before) and before[-1] in "\"”'’"


def _table_team(text: str, start: int, end: int) -> bool:
    """Is the name a side in a results line ("Tulsa 4 Omaha 1") or a league table row opening a line
    ("Harbour Rovers 6 4 2 0 11 5 14")? Golf cards list people with rounds, all above 60: a table row
    needs small counts among its first three."""
    after = SCORE_NEXT.match(text, end)
    if after is None:
        return False  # both a results line and a table row go on with a number
    if int(after.group(1)) >= 60:
        return False  # "Ana Ruiz 68 71": rounds of golf, not goals
    if _scored(text, start, end):
        return True
    if start and text[start - 1] != "\n":
        return False
    m = STANDINGS_AFTER.match(text, end)
    return m is not None and any(int(n) < 10 for n in m.group(1).split()[:3])


def _statement(text: str, end: int) -> bool:
    """'X said in a statement', 'X said on Monday in a filing': companies speak through documents."""
    m = STATEMENT_AFTER.match(text, end)
    return m is not None and m.group(1) in lx.STATEMENT_NOUNS


def _venue(text: str, start: int, end: int) -> bool:
    """A place as a venue or an address in a sports report, not a team: "( at Riverside Ground , Harlow )",
    "Harlow : Caddo beat Leith", "the Harlow side" (a place modifying a noun)."""
    before = text[max(0, start - 3) : start].rstrip()
    if before.endswith("(") or (before.endswith(",") and text[end : end + 3].lstrip(" \t")[:1] in (")", "")):
        return True
    after = text[end : end + 3].lstrip(" \t")
    return after.startswith(":") or _next_word(text, end) in lx.ORG_NOUNS_AFTER


def _given_like(words: tuple[str, ...], gaz: Gazetteer) -> bool:
    """'Paul Ortega', 'Bruce Kamau': a town's name before one unknown word that is neither a plural
    nickname nor an organisation head is a person's given name, even in a sports report."""
    if len(words) != 2 or words[1] in lx.ORG_LAST or gaz.lookup(words[1]) is not None:
        return False
    last = words[1]
    return not (last.endswith("s") and last[-2:-1] not in ("s", "i", "u", "a", "o")) and not last.isupper()


def _place_prefix(words: tuple[str, ...], gaz: Gazetteer) -> bool:
    """Does a longer name open with a place: a city of two or more words ("Los Angeles Lakers"), or
    one of a single word followed by at least two more ("Toronto Public Health")? A place-named
    person ("Florence Lee") has fewer words."""
    for n in (3, 2):
        if len(words) > n and (hit := gaz.lookup(" ".join(words[:n]))) is not None and hit[0] == "GPE":
            return True
    hit = gaz.lookup(words[0])
    return len(words) >= 3 and hit is not None and hit[0] == "GPE"


def _place_after(text: str, end: int, gaz: Gazetteer) -> bool:
    """'Zomba, Malawi': a place followed by the country or region it lies in."""
    m = PLACE_AFTER.match(text, end)
    if m is None:
        return False
    hit = gaz.lookup(m.group(1))
    return hit is not None and hit[0] == "GPE"


def _country_after(text: str, end: int, gaz: Gazetteer) -> bool:
    """Is the name followed by a bracketed country, as results list people ("Ana Ruiz (Spain)")?"""
    m = PAREN_AFTER.match(text, end)
    return m is not None and gaz.is_country(m.group(1))


def _head_type(words: tuple[str, ...], gaz: Gazetteer) -> str | None:
    first, last = words[0], words[-1].rstrip(".")
    if len(words) > 1:
        if first in lx.OPERATION_WORDS:
            return "ORG"
        if last == "State" and (hit := gaz.lookup(first)) is not None and hit[0] == "NORP":
            return "ORG"
        if last in lx.ORG_LAST or last in lx.ORG_DESCRIPTORS:
            return "ORG"
        if any(w.endswith(("'s", "’s")) and words[i + 1] == "of" for i, w in enumerate(words[:-1])):
            return "ORG"  # "Lloyd's of London": a firm named for its founder and city
        if any(w == "of" and words[i - 1] in lx.ORG_FIRST for i, w in enumerate(words) if i):
            return "ORG"
        if first in lx.EVENT_FIRST:
            return "EVENT"
        if first in lx.ORG_FIRST_FOREIGN:
            return "ORG"
        if last in lx.EVENT_LAST:
            return "EVENT"
        if last in lx.OTHER_LAST:
            return "OTHER"
        if last in lx.LOC_LAST or last in lx.FACILITY_LAST or first in lx.LOC_FIRST:
            return "LOC"
        if last in lx.GPE_LAST or (first in lx.GPE_FIRST and words[1] == "of"):
            return "GPE"
    elif first in lx.HOLIDAYS:
        return "EVENT"
    elif first in lx.ORG_LAST and first[0].isupper() and len(first) > 3:
        return "ORG"
    return None


@dataclass(frozen=True, slots=True)
class Article:
    """What typing needs to know about the whole article."""

    gaz: Gazetteer
    sports: bool  # a sports report: cities stand for teams


def _person(text: str, cand: Candidate, words: tuple[str, ...]) -> Typed:
    name = text[cand.start : cand.end]
    return Typed(cand.start, cand.end, name, "PERSON", SHAPE, name, words, cand.sentence_initial, "given")


def classify(text: str, cand: Candidate, art: Article) -> list[Typed]:
    """Type one candidate from the article's own evidence, then the gazetteers, then its shape.

    A leading nationality is split off an unknown name ("Canadian Lena Marsh"); in sports reports a
    city or region that is not a country names a team ("Tulsa beat Omaha").
    """
    words = tuple(w[2] for w in cand.words)
    gaz = art.gaz
    if len(words) > 1 and not cand.titled:
        hit = gaz.lookup(words[0])
        whole = gaz.lookup(text[cand.start : cand.end])
        if hit is not None and hit[0] == "NORP" and whole is None and _head_type(words, gaz) is None:
            last = gaz.lookup(words[-1])
            if len(words) == 2 and last is not None and last[0] == "NORP":  # "Iraqi Kurds": one group
                name = text[cand.start : cand.end]
                return [
                    Typed(cand.start, cand.end, name, "NORP", GAZETTEER, last[1], words, False, "gazetteer")
                ]
            if len(words) == 2 and words[0] in gaz.given and words[1] not in gaz.exact:
                return [_person(text, cand, words)]  # "Christian Morel": a given name, not a faith
            first = cand.words[0]
            rest = Candidate(cand.words[1][0], cand.end, cand.words[1:], cand.titled)
            return [
                Typed(
                    first[0], first[1], first[2], "NORP", GAZETTEER, hit[1], (first[2],), False, "gazetteer"
                ),
                *classify(text, rest, art),
            ]
    one = _classify_one(text, cand, words, art)
    if (
        one is not None
        and one.strength == SHAPE
        and len(words) > 1
        and is_acronym(words[0])
        and "." not in words[0]
        and not words[1].isupper()
        and gaz.lookup(" ".join(words[1:])) is None
    ):
        # "the WHO Yemen office": an acronym in front of a name is a name of its own.
        first = cand.words[0]
        head = Candidate(first[0], first[1], (first,), cand.titled, cand.sentence_initial)
        rest = Candidate(cand.words[1][0], cand.end, cand.words[1:], cand.titled)
        return classify(text, head, art) + classify(text, rest, art)
    if (
        one is not None
        and one.strength <= ARTICLE
        and (one.type == "GPE" or (one.type == "PERSON" and one.strength == SHAPE))
        and not gaz.is_country(one.name)
        and not any("." in w for w in words)
        and _table_team(text, cand.start, cand.end)
    ):
        one = Typed(one.start, one.end, one.name, "ORG", SHAPE, one.canonical, words, one.initial, "team")
    return [one] if one is not None else []


def _classify_one(text: str, cand: Candidate, words: tuple[str, ...], art: Article) -> Typed | None:
    name = text[cand.start : cand.end]
    gaz, sports = art.gaz, art.sports

    def typed(etype: str, strength: int, basis: str, canonical: str | None = None) -> Typed:
        return Typed(
            cand.start,
            cand.end,
            name,
            etype,
            strength,
            canonical or name,
            words,
            cand.sentence_initial,
            basis,
        )

    hit = gaz.lookup(name)
    head = _head_type(words, gaz)
    if len(words) > 1 and hit is None and head in (None, "LOC") and _country_after(text, cand.end, gaz):
        return typed("PERSON", CONTEXT, "represents")
    if head is not None and hit is None and not (cand.sentence_initial and len(words) == 1):
        return typed(head, ARTICLE, "head")
    previous = _previous_word(text, cand.start)
    acronym = is_acronym(name)
    if acronym and name in lx.UNIT_ABBREVIATIONS:
        return None  # "8,000 TEU": a unit, not a name
    if acronym and text[max(0, cand.start - 3) : cand.start].rstrip().endswith("("):
        before = text[max(0, cand.start - 30) : cand.start].rstrip(" (").rsplit(None, 1)
        if before and before[-1].islower():
            return None  # "twenty-foot equivalent units (TEU)": an abbreviated term, not a name
    if not acronym and _dateline_region(text, cand.start, cand.end):
        return typed("GPE", CONTEXT, "dateline", hit[1] if hit is not None and hit[0] == "GPE" else None)
    if hit is None and (head is None or head == "ORG") and _market_index(text, cand.end):
        return typed("OTHER", CONTEXT, "index")  # "the Kestrel composite index"
    if not acronym and not gaz.is_country(name) and _quoted_speaker(text, cand.start, previous):
        return typed("PERSON", CONTEXT, "speech")  # '"We lost," said Kaldor': the speaker
    if hit is None and not acronym and _after_vessel(text, cand.start, previous):
        return typed("OTHER", ARTICLE, "vessel")  # "the ferry Sado no Kaze"
    if hit is not None:
        if hit[0] == "GPE" and not gaz.is_country(name):
            after = _next_word(text, cand.end)
            if after in lx.LOC_NOUNS_AFTER and after not in lx.FACILITY_NOUNS_AFTER:
                return typed("LOC", CONTEXT, "noun")  # "the Zambezi river": a river, not the province
            if after in lx.TRIBE_NOUNS:
                return typed("NORP", CONTEXT, "noun")  # "the Turkana tribes"
        if hit[0] == "LOC" and _next_word(text, cand.end) in lx.SPEECH_VERBS:
            return typed("ORG", CONTEXT, "speech")  # "Amazon said": regions do not speak
        if hit[0] == "GPE" and not gaz.is_country(name):
            team = (previous not in lx.PLACE_PREPOSITIONS or previous in lx.TEAM_PREVIOUS) and not _venue(
                text, cand.start, cand.end
            )
            if (sports and team) or _scored(text, cand.start, cand.end):
                return typed("ORG", GAZETTEER, "team")
        return typed(hit[0], GAZETTEER, "gazetteer", hit[1])
    if cand.titled or (previous in lx.TITLES and not acronym):
        return typed("PERSON", ARTICLE, "title")
    single = len(words) == 1
    following = _next_word(text, cand.end)
    if single and name in lx.FAITH_GROUPS and following not in lx.SPEECH_VERBS:
        return typed("NORP", GAZETTEER, "faith")  # "Sunni clerics", "Moslems": a faith's followers
    if not acronym and (
        _org_described(text, cand.end) or _statement(text, cand.end) or previous in lx.ORG_NOUNS_BEFORE
    ):
        return typed("ORG", CONTEXT, "noun")  # "X, a broadcaster", "X's chief executive"
    if single and name.endswith("ing") and text.startswith(" by ", cand.end):
        return None  # "Editing by ...", "Reporting by ...": a credit line, not a name
    if (
        following in lx.ORG_NOUNS_AFTER
        or following in lx.ORG_ROLE_NOUNS_AFTER
        or _org_context_before(text, cand.start)
    ):
        return typed("ORG", CONTEXT, "noun")  # "Kyodo news agency", "Rudaw network"
    pair = PAIR_NEXT.match(text, cand.end)
    described = pair.group(1) if pair else following
    if described in lx.GROUP_NOUNS_AFTER or previous == "ethnic":
        return typed("NORP", CONTEXT, "noun")  # "Hmong villages", "the Dao community", "ethnic Hmong"
    if following in lx.LOC_NOUNS_AFTER or _loc_noun_before(text, cand.start, previous):
        return typed("LOC", CONTEXT, "noun")  # "the Disi aquifer", "the mouth of the Vistula"
    if following in lx.PLACE_NOUNS_AFTER or _place_noun_before(text, cand.start):
        return typed("GPE", CONTEXT, "noun")  # "Văn Yên district", "the town of Zomba"
    if _place_after(text, cand.end, gaz):
        return typed("GPE", CONTEXT, "place")  # "Fresno, California"
    if (
        single
        and not acronym
        and ((following in lx.SPEECH_VERBS and _attributes_quote(text, cand.start)) or _aged(text, cand.end))
    ):
        return typed("PERSON", CONTEXT, "speech")
    if single and name.title() in lx.TABLE_LABELS and _row_label(text, cand.start, cand.end):
        return None  # "Sales 4.20 4.75", "Fax +27 ...": a table row's label
    if single and LABEL_AFTER.match(text, cand.end):
        return None  # a table label: "Spectators : 900"
    if single and name.endswith(lx.DEMONYM_SUFFIXES) and len(name) > 5 and not cand.sentence_initial:
        return typed("NORP", SHAPE, "suffix")
    if single and sum(c.isalpha() for c in name) < 2:
        return None  # "Q3", "F1": codes, not names
    if single and any(c.isdigit() for c in name):
        return typed("OTHER", SHAPE, "shape")  # "COVID-19", "F-16": diseases, products, models
    if name in lx.TERM_ABBREVIATIONS:
        return typed("OTHER", SHAPE, "term")  # "GDP", "GMT", "HIV": terms, not organisations
    if acronym and len(name) <= 6:
        if NUMBER_NEXT.match(text, cand.end) or NUMBER_BEFORE.search(
            text, max(0, cand.start - 20), cand.start
        ):
            return None  # a currency or unit code: "KD 7.5 million", "8,000 TEU"
        return typed("ORG", SHAPE, "acronym")
    if previous in (lx.PLACE_PREPOSITIONS if single else lx.STRICT_PLACE_PREPOSITIONS):
        if single and DIGIT_NEXT.match(text, cand.end):
            return None  # "in Game 6", "in Group 4": a label, not a place
        return typed("GPE", SHAPE, "place")
    if not single:
        if name.isupper():
            return None  # a table heading or shouted phrase in capitals ("ISSUE PRICE")
        if name in gaz.towns:
            return typed("ORG" if sports else "GPE", SHAPE, "town")
        last = gaz.lookup(words[-1])
        if (
            last is not None
            and last[0] == "GPE"
            and not gaz.is_country(words[-1])
            and words[0] not in gaz.given
            and gaz.lookup(words[0]) is None
        ):
            return typed("ORG", SHAPE, "club")  # "Dynamo Minsk", "Athletic Bilbao": named for a city
        if any(w in lx.ORG_LAST for w in words):
            return typed("ORG", SHAPE, "shape")  # "League Hockey", "Credit Union Norway"
        if words[0] in gaz.given or (len(words[0]) == 2 and words[0][1] == "."):
            return typed("PERSON", SHAPE, "given")  # "Chad Osei", "K. Mensah": a given name or an initial
        first, rest = gaz.lookup(words[0]), gaz.lookup(" ".join(words[1:]))
        if (
            (
                first is not None
                and first[0] == "GPE"
                and (gaz.is_country(words[0]) or (sports and not _given_like(words, gaz)))
            )
            or gaz.is_country(words[-1])
            or (is_acronym(words[0]) and rest is not None and rest[0] == "GPE")
            or _place_prefix(words, gaz)
        ):
            # "Air Canada", "Bank Ireland", "SC Braga": a place inside a longer name
            return typed("ORG", SHAPE, "shape")
        if any(CAMEL_CASE.search(w) for w in words):
            return typed("ORG", SHAPE, "brand")  # "TikTok Global", "PayPal Holdings": brands, not people
        final = words[-1]
        if (
            final.endswith("s")
            and final[-2:-1] not in ("s", "i", "u", "a", "o", "'", "’")
            and final[0].isupper()
        ):
            return typed("ORG", SHAPE, "shape")  # "Harbour Eagles", "Coastal Rangers": a team or group
        if is_acronym(words[0]) and len(words[0]) > 1:
            return typed("ORG", SHAPE, "shape")  # "KTM Pacifica": people's names do not open with an acronym
        return typed("PERSON", SHAPE, "guess")
    if name in gaz.towns and name not in gaz.given and not cand.sentence_initial:
        team = sports and previous not in lx.PLACE_PREPOSITIONS
        return typed("ORG" if team else "GPE", SHAPE, "town")
    if not acronym and sports and (previous in ("b", "c", "st") or BOWLING_AFTER.match(text, cand.end)):
        return typed("PERSON", CONTEXT, "scorecard")  # "c Orme b Tashkar 12", "Tashkar 10-0-41-2"
    if name in gaz.given and not cand.sentence_initial:
        return typed("PERSON", SHAPE, "given")  # "Willem", "Marta" on their own
    if not acronym and gaz.demonym_like(name):
        return typed("NORP", SHAPE, "suffix")  # "Turkmens", "Yemeni": a people named for its country
    if not acronym and len(name) > 4 and name.endswith(lx.SURNAME_SUFFIXES):
        return typed("PERSON", SHAPE, "surname")  # "Peskov", "Pérez": a person, not a company
    return typed("ORG", SHAPE, "guess")
