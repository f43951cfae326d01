"""The temporal-expression grammar: one named regex per expression family, in priority order.

`scan` tries the rules at each candidate position in this order and takes the first that matches, as an
ordered alternation would: longer and more specific families come first. Each rule is compiled on
first use.
"""

from __future__ import annotations

import re
from functools import cache
from types import MappingProxyType

from extract.timex.lexicon import (
    RX_DAY,
    RX_DECADE_WORD,
    RX_MONTH,
    RX_NUMBER_WORD,
    RX_ORDINAL_WORD,
    RX_QUANT_MOD,
    RX_SEASON,
    RX_TZ,
    RX_UNIT,
    RX_UNITS,
    RX_WEEKDAY,
    RX_YEAR4,
)

FLAGS = re.IGNORECASE

NUM = (
    r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?(?:\s+\d/\d)?|"
    rf"{RX_NUMBER_WORD}(?:\s+and\s+a\s+half)?|a\s+couple\s+of|couple\s+of|a\s+few|a\s+dozen|a\s+hundred|"
    r"a\s+thousand|several|few|many|some|numerous|dozens\s+of|a\s+number\s+of|half\s+an?|an?)"
)
POS_PRE = (
    r"(?:early|mid|late|the\s+(?:beginning|start|middle|end|close)\s+of|"
    r"(?:the\s+)?(?:early|late|latter|first|last)\s+part\s+of)"
)
QMOD_TIGHT = r"(?:at\s+least|more\s+than|less\s+than|no\s+more\s+than|nearly|almost|about|roughly|some)"
YEAR_WORDS = (
    r"(?:(?:nineteen|eighteen|twenty)[\s-](?:hundred|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|oh[\s-](?:one|two|three|four|five|six|seven|eight|nine))|"
    r"two\s+thousand(?:\s+and\s+(?:one|two|three|four|five|six|seven|eight|nine|ten))?)"
)
CLOCK = (
    r"(?:(?P<h>[01]?\d|2[0-4])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>[ap]\.\s?m\.?|[ap]m\b)"
    r"|(?P<h2>[01]?\d|2[0-3]):(?P<mi2>[0-5]\d)(?![\d:])"
    r"|(?P<noon>noon|midnight|midday)"
    r"|(?P<h3>\d{1,2})\s+o['’]clock"
    r"|(?P<h5>\d{1,2})\s+in\s+the\s+(?P<pod5>morning|afternoon|evening))"
)
REL = (
    r"(?:this\s+past|this\s+coming|this|last|next|that|the\s+(?:current|past|last|previous|prior|next|coming|"
    r"following|same|preceding|latest)|current|past|previous|coming|following)"
)

RULES: tuple[tuple[str, str], ...] = (
    (
        "iso",
        r"(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:[T\s](?P<H>[0-2]\d):(?P<M>[0-5]\d)(?::\d\d)?)?(?![\d-])",
    ),
    ("slash", r"(?<![\d/.])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\d/])"),
    (
        "time",
        rf"(?:(?P<q>about|around|approximately|roughly)\s+)?{CLOCK}(?:\s+(?P<tz>{RX_TZ}))?"
        rf"(?:,?\s+(?:on\s+)?(?:(?P<wd>{RX_WEEKDAY})|(?P<rel>today|tonight|yesterday|tomorrow)|"
        rf"(?P<mon>{RX_MONTH})\s*(?P<d>{RX_DAY})(?!\d)))?",
    ),
    (
        "md",
        rf"(?:(?P<wd>{RX_WEEKDAY}),?\s+)?(?P<mon>{RX_MONTH})\s*(?:(?P<d>{RX_DAY})(?!\d|:\d)|(?P<dw>{RX_ORDINAL_WORD}))"
        rf"(?:(?:,\s*|\s+)(?P<y>{RX_YEAR4})(?![\d%]))?",
    ),
    (
        "dm",
        rf"(?:(?P<wd>{RX_WEEKDAY}),?\s+)?(?:the\s+)?(?:(?P<d>{RX_DAY})|(?P<dw>{RX_ORDINAL_WORD}))(?:\s+of)?\s+"
        rf"(?P<mon>{RX_MONTH})(?:,?\s+(?P<y>{RX_YEAR4})(?![\d%]))?",
    ),
    (
        "mon_year",
        rf"(?:(?P<pre>{POS_PRE})[\s-]*)?(?P<mon>{RX_MONTH}),?\s+(?:of\s+)?"
        rf"(?:(?P<y>{RX_YEAR4})|'(?P<yy>\d\d)|(?P<yw>{YEAR_WORDS}))(?![\d%])",
    ),
    (
        "quarter",
        r"(?:(?P<det>the|this|that|its|their|last|next)\s+)?"
        rf"(?:(?P<yp>{RX_YEAR4})(?:['’]s)?\s+|(?P<yrel>this|last|next)\s+year['’]s\s+)?"
        r"(?:(?P<adj>current|latest|most\s+recent|comparable|same|year-ago|year-earlier|previous|prior|fiscal|"
        r"calendar|flat|strong|weak|disappointing)[\s-]+)*"
        r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?:fiscal[\s-]+)?(?:quarter|qtr\.?)(?![\w-])"
        rf"(?:\s+(?:of\s+)?(?:fiscal\s+)?(?P<y>{RX_YEAR4})(?!\d)|\s+(?P<yrel2>this|last|next)\s+year)?",
    ),
    ("qcode", rf"(?P<qn>Q[1-4])(?:\s+(?P<y>{RX_YEAR4})|\s*['’](?P<yy>\d\d))?(?!\w)"),
    (
        "quarter_ref",
        r"(?P<det>the|this|that|its|last|next)\s+"
        r"(?:(?P<adj>current|latest|most\s+recent|recent|comparable|same|year-ago|year-earlier|previous|prior|"
        r"preceding|fiscal|corresponding|past)[\s-]+)*(?P<what>quarter|period)(?![\w-])"
        rf"(?:\s+(?P<ago>a\s+year\s+(?:ago|earlier)|last\s+year|of\s+(?P<y>{RX_YEAR4})))?",
    ),
    ("year_ago_adj", r"(?:the\s+)?(?P<k>year-ago|year-earlier|year-before)(?![\w-])"),
    (
        "half",
        r"(?:(?P<det>the|its|this\s+year['’]s|last\s+year['’]s|next\s+year['’]s)\s+)?"
        r"(?P<h>first|second|last|latter|back)\s+half(?![\w-])"
        rf"(?:\s+of\s+(?:(?P<y>{RX_YEAR4})(?!\d)|(?P<yrel>this|last|next)\s+year|(?P<the_year>the\s+year)))?",
    ),
    (
        "decade",
        r"(?:(?P<the>the)\s+)?(?:(?P<pre>early|mid|late)[\s-]+)?"
        rf"(?:(?P<y>1[5-9]\d0|20\d0)['’]?s|['’](?P<yy>\d0)['’]?s|(?P<w>(?:nineteen[\s-])?{RX_DECADE_WORD}))(?!\w)",
    ),
    (
        "century",
        r"(?:(?P<the>the)\s+)?(?:(?P<pre>early|mid|late)[\s-]+)?"
        rf"(?:(?P<n>\d{{1,2}})(?:st|nd|rd|th)|(?P<w>{RX_ORDINAL_WORD})|(?P<rel>this|last|next|the\s+next|"
        r"the\s+last|the\s+past|the\s+previous))[\s-]+century(?![\w-])",
    ),
    (
        "ago",
        rf"(?:(?P<q>{RX_QUANT_MOD})\s+)?(?P<n>{NUM})[\s-]+(?P<u>{RX_UNITS}|{RX_UNIT})\s+(?:or\s+so\s+)?"
        r"(?P<dir>ago|from\s+now|hence|back|(?:(?<=year\s)|(?<=years\s)|(?<=quarter\s)|(?<=quarters\s))"
        r"(?:earlier|later))(?!\w)",
    ),
    (
        "past_n",
        rf"(?:(?P<q>{QMOD_TIGHT})\s+)?(?:(?P<each>each\s+of\s+)?(?P<det>the)\s+)?"
        r"(?P<rel>past|last|next|coming|previous|following|first|final|latest|preceding|remaining|ensuing|"
        rf"upcoming|initial)\s+(?:(?P<n>{NUM})\s+)?(?:(?:full|straight|consecutive|trading|business|more|"
        rf"additional)\s+)?(?P<u>{RX_UNITS}|hour|minute|(?<=\d\s)year|(?<=\d\s)month)(?:\s+or\s+so)?(?![\w-])",
    ),
    (
        "period_end",
        r"(?:(?P<pre>the\s+(?:beginning|start|middle|end|close)\s+of)\s+the\s+(?P<u>year|month|week|quarter|"
        r"decade|century)|(?P<u2>year|month|quarter)(?:-|\s+|['’]s\s+)end)(?![\w-])",
    ),
    (
        "rel_unit",
        rf"(?:(?P<pre>earlier|later|{POS_PRE})[\s-]+)?(?P<rel>{REL})\s+(?:(?P<fiscal>fiscal|calendar)\s+)?"
        r"(?P<u>week|month|year|weekend|decade|quarter|day|morning|afternoon|evening|night)(?![\w-])",
    ),
    (
        "the_unit",
        r"the\s+(?:(?P<adj>full|fiscal|calendar|full\s+fiscal|current\s+fiscal|entire|whole)\s+)?"
        r"(?P<u>year|weekend)(?![\w-])(?!\s+(?:before|after|earlier|ago|of|in|to|when|that|two|nineteen|\d)\b)",
    ),
    (
        "holiday",
        r"(?:(?P<rel>last|this|next|this\s+past|this\s+coming)\s+)?(?P<h>New\s+Year['’]s\s+(?:Day|Eve)|"
        r"Christmas(?:\s+(?:Day|Eve))?|Thanksgiving(?:\s+Day)?|Independence\s+Day|Election\s+Day|Easter"
        r"(?:\s+(?:Sunday|Monday))?|Labor\s+Day|Memorial\s+Day|Halloween|Valentine['’]s\s+Day|"
        r"Veterans\s+Day|Boxing\s+Day|May\s+Day)(?![\w-])"
        rf"(?:,?\s+(?P<y>{RX_YEAR4})(?!\d))?",
    ),
    (
        "named_day",
        r"(?:(?P<pre>early|late|earlier|later)\s+)?(?P<w>today|tonight|yesterday|tomorrow|"
        r"the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow)"
        r"(?:\s+(?P<pod>morning|afternoon|evening|night))?(?![\w-])",
    ),
    ("pod", r"(?P<pre>early|mid|late)[\s-]?(?P<pod>morning|afternoon|evening)(?![\w-])"),
    (
        "weekday",
        r"(?:(?P<pre>early|late|earlier|later)\s+)?(?:(?P<rel>last|this\s+coming|this\s+past|this|next|"
        rf"the\s+previous|the\s+following|the\s+next|coming|past)\s+)?(?P<wd>{RX_WEEKDAY})(?P<pl>s)?(?![\w-])"
        r"(?:\s+(?P<pod>morning|afternoon|evening|night)s?(?![\w-]))?",
    ),
    (
        "mon_rel",
        rf"(?:(?P<pre>{POS_PRE})[\s-]*)?(?:(?P<rel>last|this\s+past|this\s+coming|this|next|past|coming)\s+)?"
        rf"(?P<mon>{RX_MONTH})(?:\s+(?P<yrel>this|last|next)\s+year)?",
    ),
    (
        "season",
        rf"(?:(?P<pre>{POS_PRE})[\s-]*)?(?:(?P<rel>this\s+past|this\s+coming|last|this|next|the|that|past|coming)\s+)?"
        rf"(?P<s>{RX_SEASON})(?![\w-])(?:\s+(?:of\s+)?(?:(?P<y>{RX_YEAR4})(?!\d)|(?P<yw>{YEAR_WORDS})))?",
    ),
    (
        "ref",
        r"(?:(?P<present>right\s+now|now|currently|nowadays|these\s+days|presently|the\s+present\s+time|"
        r"the\s+present(?=\s*[.,;:)]))"
        r"|(?P<past>(?:more\s+|most\s+)?recently|lately|formerly|the\s+past|"
        r"(?:the\s+)?(?:most\s+)?recent\s+(?:years|decades|times))"
        r"|(?P<future>the\s+(?:near\s+|distant\s+|foreseeable\s+|immediate\s+)?future|"
        r"the\s+(?:near|short|long|medium)\s+term|someday))(?![\w-])",
    ),
    (
        "set",
        rf"(?P<ev>every|each|per)\s+(?:other\s+)?(?:(?P<n>{NUM})\s+)?"
        rf"(?P<u>{RX_UNITS}|{RX_UNIT}|{RX_WEEKDAY}|{RX_MONTH}|{RX_SEASON}|morning|afternoon|evening|night|weekend)"
        r"(?![\w-])|(?P<adv>hourly|daily|nightly|weekly|biweekly|fortnightly|monthly|annually|yearly|biannually)(?![\w-])"
        rf"|(?<=\bonce\s)(?P<a>a|an|per)\s+(?P<u2>{RX_UNIT})(?![\w-])"
        rf"|(?:(?<=\btwice\s)|(?<=\btimes\s)|(?<=\bhours\s))(?P<a2>a|an|per)\s+(?P<u3>{RX_UNIT})(?![\w-])",
    ),
    (
        "duration",
        rf"(?:(?P<q>{RX_QUANT_MOD})\s+)?(?:(?P<det>the)\s+)?(?P<n>{NUM})(?:\s+(?:full|straight|consecutive|"
        r"trading|business|more|additional|extra|long|calendar|working|solid))?[\s-]+"
        rf"(?P<u>{RX_UNITS}|{RX_UNIT})(?P<half>\s+and\s+a\s+half)?(?P<suf>-long)?(?:\s+or\s+so)?(?![\w-]|\s+old\b)",
    ),
    ("recent_units", r"(?:the\s+)?(?:most\s+)?recent\s+(?P<u>months|weeks|days|hours|quarters)(?![\w-])"),
    (
        "bare_units",
        r"(?:(?<=\bfor\s)|(?<=\bin\s)|(?<=\bover\s)|(?<=\bwithin\s)|(?<=\btook\s)|(?<=\blast\s)|(?<=\blasted\s))"
        r"(?P<u>years|months|weeks|days|decades|hours|centuries|minutes)(?![\w-])"
        r"|(?P<u2>decades|years|months|weeks|days|hours)-long(?![\w-])",
    ),
    (
        "year",
        rf"(?:(?P<pre>{POS_PRE}|pre|post|fiscal|calendar|FY|the\s+year|the\s+(?:fiscal|calendar)\s+year)[\s-]*)?"
        rf"(?:(?P<y>{RX_YEAR4})|(?P<yw>(?<=year\s){YEAR_WORDS}|(?:nineteen|eighteen)[\s-]"
        r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|"
        r"eight|nine))?))(?![\w%]|[.,:/-]\d|['’]?s\b)",
    ),
)

RULE_NAMES: tuple[str, ...] = tuple(name for name, _ in RULES)
_RULE_SOURCES: MappingProxyType[str, str] = MappingProxyType(dict(RULES))


@cache
def rule_pattern(name: str) -> re.Pattern[str]:
    """The compiled regex of rule `name`, compiled on first use (start-up stays cheap)."""
    return re.compile(_RULE_SOURCES[name], FLAGS)
