"""General English word lists that are evidence for entity boundaries and types.

Titles before person names, head words of organisations, places and events, name particles, and the
function words that are capitalised only because they open a sentence. These are properties of the
language, not names: no person, organisation or place is listed here (gazetteers hold places). The words
are data (extract/data/words/entities.json and calendar.json, read by `extract.words`); this module names
them.
"""

from __future__ import annotations

from extract import words as _calendar
from extract.words import table

_ENTITIES = table("entities")


def _words(key: str) -> frozenset[str]:
    return frozenset(_ENTITIES[key])


# Person titles, matched in lower case with any trailing "." removed. A title before a name types it PERSON.
TITLES = _words("titles")
# Titles that never stand alone as a lower-case noun before a name ("general" and "major" do).
STRONG_TITLES = _words("strong_titles")
# Capitalised words that modify a following title ("Acting Defense Secretary") and go with it.
TITLE_MODIFIERS = _words("title_modifiers")

# Last word of an organisation name ("Iraqi Army", "Bank of England" is handled by ORG_FIRST).
ORG_LAST = _words("org_last")
# First word of an organisation name followed by "of" ("Bank of England", "University of Chicago").
ORG_FIRST = _words("org_first")
# Last word of a geographic (non-political) place.
LOC_LAST = _words("loc_last")
# Last word of a named building or site, which news treats as a location.
FACILITY_LAST = _words("facility_last")
LOC_FIRST = _words("loc_first")
# First word of an organisation in other languages ("Instituto Atlântico de Ciências").
ORG_FIRST_FOREIGN = _words("org_first_foreign")
# Last word of a political place ("Kurdistan Region", "Marin County").
GPE_LAST = _words("gpe_last")
GPE_FIRST = _words("gpe_first")
# Last word of a named event.
EVENT_LAST = _words("event_last")
# First word of a named event ("Typhoon Kestrel", "Hurricane Maria").
EVENT_FIRST = _words("event_first")
# Holidays and festivals are events.
HOLIDAYS = _words("holidays")
# Last word of a named law, prize, index or plan ("Patriot Act", "Nobel Prize", "Nikkei Index").
OTHER_LAST = _words("other_last")
# Military and police operations name an organisation acting, in news usage.
OPERATION_WORDS = _words("operation_words")

# Lower-case particles allowed inside a name between capitalised words.
NAME_PARTICLES = _words("name_particles")
# Connectors allowed inside organisation and place names only ("Bank of England", "Ministry of Oil and Gas").
CONNECTORS = _words("connectors")

# Capitalised at the start of a sentence without being names (function words and common openers).
FUNCTION_WORDS = _words("function_words")
WEEKDAYS = frozenset(_calendar.WEEKDAYS)
MONTHS = frozenset(_calendar.MONTHS)
# Ordinals and other words that are never a name by themselves, even capitalised.
NEVER_NAMES = _words("never_names")
# Endings of nationality and group words the gazetteer may lack ("Uzbek", "Thai" aside).
DEMONYM_SUFFIXES: tuple[str, ...] = tuple(_ENTITIES["demonym_suffixes"])
# Surname endings of many languages (Slavic, Caucasian, Armenian, Turkish, Romanian, Greek, Nordic,
# Spanish): a lone unknown word with one is a person, not a company.
SURNAME_SUFFIXES: tuple[str, ...] = tuple(_ENTITIES["surname_suffixes"])
# Endings of words that open sentences as ordinary words ("Operating", "Reportedly", "Damaged").
COMMON_SUFFIXES: tuple[str, ...] = tuple(_ENTITIES["common_suffixes"])
# Capitalised words that are never names by themselves.
NEVER_ALONE = _words("never_alone")
# Lower-case nouns right after a name that make it an organisation ("Kyodo news agency").
ORG_NOUNS_AFTER = _words("org_nouns_after")
# Lower-case nouns right after a name that make it a political place ("Idukki district").
PLACE_NOUNS_AFTER = _words("place_nouns_after")
# Words right after a single name that mark a person speaking or acting ("Okonkwo said").
SPEECH_VERBS = _words("speech_verbs")
# Sports reporting: enough of these words make place names stand for teams ("Tulsa beat Omaha").
SPORTS_WORDS = _words("sports_words")
SPORTS_MIN_WORDS = 3
# Lower-case nouns before "at", "for", "with" or "of" that make the next name an employer or a listed
# company ("analysts at X", "a spokeswoman for X", "shares of X", "a stake in X").
ORG_CONTEXT_NOUNS = _words("org_context_nouns")
# Lower-case words before a name that mark a place ("in Erbil", "near Mosul").
PLACE_PREPOSITIONS = _words("place_prepositions")
# The same for names of several words, where "from" and "to" too often precede people.
STRICT_PLACE_PREPOSITIONS = _words("strict_place_prepositions")
# A single capitalised word from these lists is never a name by itself.
NOT_NAMES = MONTHS | NEVER_NAMES | FUNCTION_WORDS
# Ordinary words after a hyphen that end a name ("Iran-backed", "US-led", "Kabul-based").
HYPHEN_TAILS = _words("hyphen_tails")
# Head words after which "of", "for" or "on" continue a name ("Bank of", "Gulf of", "Council on").
CONNECTOR_HEADS = ORG_FIRST | ORG_LAST | LOC_LAST | LOC_FIRST | GPE_LAST | GPE_FIRST
# Titles that are also common surnames ("Stephen King", "John Major", "Tom Bishop").
SURNAME_TITLES = _words("surname_titles")
# Suffixes after a surname that are not names by themselves.
NAME_SUFFIXES = _words("name_suffixes")
# Capitalised abbreviations of terms, units and time zones: named things, but not organisations.
TERM_ABBREVIATIONS = _words("term_abbreviations")
# Nouns before a name that make it a ship's name ("the ferry X"): a named thing, neither place nor company.
VESSEL_NOUNS = _words("vessel_nouns")
# Nouns after "X's" that make X an organisation ("X's chief executive", "X's shares").
ORG_POSSESSIVE_NOUNS = _words("org_possessive_nouns")
# Nouns of an apposition that make the name before it an organisation ("X, a state-owned broadcaster").
ORG_APPOSITION_NOUNS = _words("org_apposition_nouns")
# Words after a name that opens a sentence and appears nowhere else, which show it is a name all the
# same ("Ecorail said", "Norvida will cut").
LONE_NAME_VERBS = _words("lone_name_verbs")
# Words before a city that make it a team in a sports report ("joined Tulsa", "victory over Omaha").
TEAM_PREVIOUS = _words("team_previous")
# Lower-case nouns right after a name that make it a natural feature or site ("the Disi aquifer").
LOC_NOUNS_AFTER = _words("loc_nouns_after")
# Nouns before "of (the)" that make the next name a natural feature ("the mouth of the X").
LOC_NOUNS_BEFORE = _words("loc_nouns_before")
# Lower-case nouns right after a name that make it a people or group ("Hmong villages", "X community").
GROUP_NOUNS_AFTER = _words("group_nouns_after")
# Units written in capitals ("8,000 TEU"): measures, never names.
UNIT_ABBREVIATIONS = _words("unit_abbreviations")
# Of those, the built sites named after a city ("Lusaka airport"), which do not make the city a feature.
FACILITY_NOUNS_AFTER = frozenset({"airport", "bridge", "dam", "reservoir", "canal"})
# Nouns after a place name that make it a people ("the Turkana tribes").
TRIBE_NOUNS = frozenset({"tribe", "tribes", "tribesmen", "clan", "clans"})
# Faiths and their followers, which news names as groups ("Sunni leaders", "Moslems"): NORP, not a company.
FAITH_GROUPS = _words("faith_groups")
# Documents a company speaks through ("X said in a statement", "in a filing"): evidence of an organisation.
STATEMENT_NOUNS = _words("statement_nouns")
# Words between a company's own name and its legal suffix ("X International Inc"): dropped in short mentions.
ORG_DESCRIPTORS = _words("org_descriptors")
# Nouns right after a name, or one word later, that make it a market index ("the X composite index").
INDEX_NOUNS_AFTER = _words("index_nouns_after")
# Nouns right before a name that make it an organisation ("news agency X", "the daily X", "carmaker X").
ORG_NOUNS_BEFORE = _words("org_nouns_before")
# Row labels of financial and sports tables ("Sales 4.20 4.75", "Extras ( b 2 w 1 ) 3", "Fax +27 ..."):
# ordinary words, never names, when they open a line before figures.
TABLE_LABELS = _words("table_labels")
# Nouns right after a name, without "'s", that make it an organisation or a team: its officers, players,
# followers and aircraft ("X spokesman", "X defender", "X fans", "an X flight").
ORG_ROLE_NOUNS_AFTER = _words("org_role_nouns_after")
