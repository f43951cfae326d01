"""Word tables for the figure layer: number words, ordinals, fraction words, currencies, measurement units,
qualifiers and the context words that mark a number as an identifier rather than a figure.

Plain constants only; `patterns.py` builds regular expressions from them (compiled on first use).
"""

from __future__ import annotations


def _split(words: str) -> list[str]:
    """A word table written as one space-separated string."""
    return words.split()


UNIT_WORDS: dict[str, int] = {
    "zero": 0, "nought": 0, "naught": 0, "nil": 0,
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS_WORDS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALE_WORDS: dict[str, float] = {
    "hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
}  # fmt: skip
# Abbreviated multipliers written after a digit number ("1.5bn", "€40m", "10k", "2 mln").
MULTIPLIERS: dict[str, float] = {
    "k": 1e3, "K": 1e3, "thousand": 1e3, "m": 1e6, "M": 1e6, "mn": 1e6, "mln": 1e6, "mil": 1e6, "MM": 1e6,
    "mm": 1e6, "million": 1e6, "b": 1e9, "B": 1e9, "bn": 1e9, "bln": 1e9, "billion": 1e9, "G": 1e9,
    "t": 1e12, "T": 1e12, "tn": 1e12, "tln": 1e12, "trillion": 1e12, "trn": 1e12,
}  # fmt: skip
ORDINAL_WORDS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70,
    "eightieth": 80, "ninetieth": 90, "hundredth": 100, "thousandth": 1000, "millionth": 10**6,
    "billionth": 10**9, "trillionth": 10**12,
}  # fmt: skip
# Fraction denominators that are not ordinals.
FRACTION_WORDS: dict[str, int] = {"half": 2, "halves": 2, "quarter": 4, "quarters": 4}
# Plural number words that stand alone as a vague amount ("hundreds", "dozens of").
VAGUE_WORDS: frozenset[str] = frozenset(
    _split("dozens scores hundreds thousands millions billions trillions tens lakhs crores")
)
DOZEN_WORDS: dict[str, int] = {"dozen": 12, "dozens": 12, "dz": 12, "dzs": 12, "doz": 12, "dozs": 12}

# Currency symbols or codes written before the amount -> unit name.
CURRENCY_PREFIX: dict[str, str] = {
    "$": "dollars", "US$": "US dollars", "U.S.$": "US dollars", "A$": "Australian dollars",
    "AU$": "Australian dollars", "C$": "Canadian dollars", "CA$": "Canadian dollars",
    "NZ$": "New Zealand dollars", "HK$": "Hong Kong dollars", "S$": "Singapore dollars",
    "R$": "reais", "€": "euros", "£": "pounds", "¥": "yen", "₹": "rupees", "₩": "won", "₽": "rubles",
    "₺": "lira", "₪": "shekels", "₦": "naira", "₱": "pesos", "₫": "dong", "฿": "baht", "Rs": "rupees",
    "Rs.": "rupees", "USD": "US dollars", "EUR": "euros", "GBP": "pounds", "JPY": "yen", "CNY": "yuan",
    "RMB": "yuan", "INR": "rupees", "CHF": "Swiss francs", "AUD": "Australian dollars",
    "CAD": "Canadian dollars", "IQD": "dinars", "SAR": "riyals", "AED": "dirhams", "zł": "zlotys",
    "PLN": "zlotys", "JD": "dinars", "JOD": "dinars", "KD": "dinars", "KWD": "dinars",
    "Dh": "dirhams", "Dhs": "dirhams", "QR": "riyals", "QAR": "riyals",
    "TRY": "lira", "KSh": "Kenyan shillings", "KES": "Kenyan shillings",
    "ZAR": "rand", "NGN": "naira", "E£": "Egyptian pounds", "EGP": "Egyptian pounds",
    "Rp": "rupiah", "IDR": "rupiah", "MYR": "ringgit",
    "BDT": "taka", "PKR": "rupees", "LKR": "rupees", "NPR": "rupees", "VND": "dong",
    "THB": "baht", "PHP": "pesos", "MXN": "pesos", "MX$": "pesos", "ARS": "pesos", "CLP": "pesos",
    "COP": "pesos", "UYU": "pesos", "BRL": "reais", "PEN": "soles", "RUB": "rubles",
    "UAH": "hryvnias", "KRW": "won", "HKD": "Hong Kong dollars", "SGD": "Singapore dollars",
    "NZD": "New Zealand dollars", "TWD": "Taiwan dollars", "NT$": "Taiwan dollars", "SEK": "kronor",
    "NOK": "kroner", "DKK": "kroner", "ISK": "kronur", "CZK": "koruny", "Kč": "koruny", "HUF": "forint",
    "RON": "lei", "BGN": "leva", "ILS": "shekels", "NIS": "shekels", "IRR": "rials",
    "LBP": "Lebanese pounds", "SYP": "Syrian pounds", "ETB": "birr", "GHS": "cedis", "GH₵": "cedis",
    "XOF": "CFA francs", "XAF": "CFA francs", "MAD": "dirhams", "TND": "dinars", "DZD": "dinars",
    "LYD": "dinars", "SDG": "Sudanese pounds", "AFN": "afghanis", "KZT": "tenge", "BTC": "bitcoin",
}  # fmt: skip
# Currency symbols written after the amount ("15€").
CURRENCY_SUFFIX_SYMBOLS: dict[str, str] = {"€": "euros", "£": "pounds", "¥": "yen", "₹": "rupees"}
# Currency words written after the amount ("200 million dinars"); singular and plural.
CURRENCY_WORDS: tuple[str, ...] = tuple(
    _split(
        "dollar dollars euro euros pound pounds sterling yen yuan renminbi rupee rupees rouble roubles ruble "
        "rubles dinar dinars dirham dirhams riyal riyals rial rials lira liras lire peso pesos franc francs "
        "krona kronor krone kroner shekel shekels rand naira cedi cedis shilling shillings real reais won "
        "baht "
        "ringgit rupiah dong taka afghani afghanis manat tenge hryvnia hryvnias zloty zlotys forint lev "
        "cent cents pence penny pennies bitcoin bitcoins bucks"
    )
)
CURRENCY_CODES: tuple[str, ...] = tuple(k for k in CURRENCY_PREFIX if len(k) == 3 and k.isupper())

# Measurement units (written after the number; case-sensitive symbols, case-insensitive words).
UNIT_SYMBOLS: tuple[str, ...] = tuple(
    _split(
        "km m cm mm dm µm μm um nm mi ft yd Å km2 km² m2 m² cm2 cm² mm2 ha km3 km³ m3 m³ cm3 cm³ mm3 "
        "l L ml mL cl cL dl dL µl μl µL μL kL "
        "kg g mg µg μg mcg ng lb lbs oz t kt Mt Gt "
        "s ms µs μs ns sec secs min mins h hr hrs yr yrs ka kyr Ma Myr Ga Gyr "
        "K °C °F ℃ ℉ ° °N °S °E °W C F "
        "kph kmh km/h mph m/s kn kt "
        "W kW MW GW TW mW Wh kWh MWh GWh TWh J kJ MJ GJ cal kcal eV keV MeV GeV TeV "
        "V kV mV A mA µA μA Ω kΩ Hz kHz MHz GHz THz "
        "Pa kPa MPa GPa hPa bar mbar µbar μbar atm psi mmHg "
        "KB kB MB GB TB PB kb Mb Gb Tb kbps Mbps Gbps "
        "M mM µM μM nM mol mmol µmol μmol ppm ppb ppt ‰ wt% wt.% vol% "
        "dB Gy mGy Sv mSv µSv μSv Bq rpm bpd b/d bbl tpd × N kN T mT"
    )
)
UNIT_NAMES: tuple[str, ...] = tuple(
    _split(
        "kilometre kilometres kilometer kilometers metre metres meter meters centimetre centimetres "
        "centimeter centimeters millimetre millimetres millimeter millimeters micrometre micrometres "
        "micrometer micrometers micron microns nanometre nanometres nanometer nanometers mile miles "
        "foot feet inch inches yard yards angstrom angstroms light-year light-years lightyear lightyears "
        "hectare hectares acre acres "
        "litre litres liter liters millilitre millilitres milliliter milliliters centilitre centilitres "
        "gallon gallons barrel barrels pint pints cup cups tablespoon tablespoons tbsp teaspoon teaspoons "
        "tsp "
        "kilogram kilograms kilo kilos gram grams milligram milligrams microgram micrograms tonne tonnes ton "
        "tons pound pounds ounce ounces carat carats kiloton kilotons megaton megatons "
        "second seconds minute minutes hour hours day days week weeks month months year years decade decades "
        "century centuries millennium millennia fortnight fortnights "
        "degree degrees kelvin "
        "knot knots "
        "watt watts kilowatt kilowatts megawatt megawatts gigawatt gigawatts terawatt terawatts "
        "kilowatt-hour kilowatt-hours megawatt-hour megawatt-hours gigawatt-hour gigawatt-hours "
        "joule joules kilojoule kilojoules calorie calories kilocalorie kilocalories horsepower hp "
        "volt volts kilovolt kilovolts amp amps ampere amperes ohm ohms hertz kilohertz megahertz gigahertz "
        "pascal pascals kilopascal kilopascals bar bars atmosphere atmospheres "
        "bit bits byte bytes kilobyte kilobytes megabyte megabytes gigabyte gigabytes terabyte terabytes "
        "petabyte petabytes exabyte exabytes kilobit kilobits megabit megabits gigabit gigabits "
        "decibel decibels mole moles percentile "
        "times fold"
    )
)
# Qualifiers written before a number, normalised to the key form (lower case, single spaces).
QUALIFIERS: tuple[str, ...] = (
    "more than", "less than", "fewer than", "greater than", "higher than", "lower than", "larger than",
    "smaller than", "no more than", "no less than", "no fewer than", "not more than", "not less than",
    "at least", "at most", "up to", "as many as", "as much as", "as few as", "as little as", "as high as",
    "as low as", "upwards of", "in excess of", "close to", "nearly", "almost", "about", "around",
    "roughly", "approximately", "approx.", "approx", "some", "an estimated", "estimated", "just over",
    "just under", "well over", "well under", "just above", "just below", "over", "under", "above", "below",
    "exactly", "precisely", "only", "just", "a mere", "on average", "an average of", "average of",
    "almost exactly", "maximum of", "a maximum of", "minimum of", "a minimum of", "at a minimum",
    "more or less", "circa", "ca.", "c.", "somewhere around", "somewhere between", "between", "from",
    "ranging from",
)  # fmt: skip
QUALIFIER_SYMBOLS: dict[str, str] = {
    "~": "about", "∼": "about", "≈": "about", "≃": "about", ">": "more than", "<": "less than",
    "≥": "at least", "≤": "at most", ">=": "at least", "<=": "at most", "≳": "at least", "≲": "at most",
    "⩾": "at least", "⩽": "at most",
}  # fmt: skip

# A bare number after one of these words is a label, not a figure ("page 4", "Figure 2", "Chapter 11").
LABEL_WORDS: frozenset[str] = frozenset(
    _split(
        "page pages p pp para paragraph paragraphs section sections sec chapter chapters ch article articles "
        "art clause clauses fig figs figure figures table tables eq eqs equation equations no nos nr nrs "
        "number numbers vol volume volumes issue issues item items room rooms flight flights route routes "
        "highway road interstate bed beds phase phases level stage step steps version versions v ver grade "
        "gate gates platform platforms seat seats row rows line lines lane lanes unit units box boxes "
        "exercise exercises episode episodes season seasons part parts act acts verse verses psalm "
        "resolution amendment rule rules category appendix annex sample samples site sites core cores "
        "zone zones channel channels block blocks building apartment apt suite floor ward district "
        "precinct squad battalion brigade division regiment corps group groups team teams class model "
        "type types mark mk series game games round rounds week day match year years day days "
        "tel phone fax ext code codes id ref lot lots patient patients subject subjects case cases "
        "experiment experiments study trial trials test tests region regions well wells station stations "
        "hole holes borehole boreholes algorithm algorithms column columns axis axes month months numbered "
        "fraction fractions label labels complex clone clones scenario scenarios lemma theorem"
    )
)
# Words that end a counted-noun phrase ("5,000 troops stationed ..." -> "troops").
NOUN_STOP: frozenset[str] = frozenset(
    _split(
        "a an the of to in on at by for from with without into onto over under above below between among "
        "and or but nor as than that which who whom whose what when where while if then so because since "
        "until after before during per each every all both either neither any some no not only also just "
        "is are was were be been being am has have had do does did will would shall should can could may "
        "might must it its it's he she they we you i me him her them us our their his my your this these "
        "those there here more less most least about around nearly almost roughly approximately up down "
        "out off again further once very too such other another same own said says say told according "
        "including include includes included like via against across through throughout toward towards "
        "upon within along behind beyond near next last first second ago later earlier now today yesterday "
        "tomorrow tonight percent per cent "
        "would could should can may might must does needs "
        # verbs that commonly follow a bare count ("4,200 remain", "11 died")
        "remain remains remained stay stays stayed live lived died die dead fled flee left arrived returned "
        "work worked need needed face faced lost lose won voted came went got took made saw signed joined "
        "attended"
    )
)
# Plural nouns without a final "s": the counted-noun phrase ends after them.
IRREGULAR_PLURALS: frozenset[str] = frozenset(
    _split(
        "people men women children police personnel staff cattle sheep fish livestock crew aircraft "
        "feet teeth mice geese data media"
    )
)
# Words that may precede "one" when it is a pronoun ("the one", "which one", "no one").
ONE_PRONOUN_BEFORE: frozenset[str] = frozenset(
    _split(
        "the that this which each every no any some a an another little last next such whichever "
        "someone anyone everyone the' if unless whether"
    )
)
ONE_PRONOUN_AFTER: frozenset[str] = frozenset(
    _split("another of or 's ’s would could should can may might must is was has does needs")
)
MONTHS: frozenset[str] = frozenset(
    _split(
        "january february march april may june july august september october november december jan feb mar "
        "apr jun jul aug sep sept oct nov dec"
    )
)
# Capitalised words that open a sentence before a number without naming it ("Whilst 10 ...").
SENTENCE_OPENERS: frozenset[str] = frozenset(
    _split(
        "whilst while although though because unless whereas yet still thus hence however meanwhile overall "
        "altogether currently perhaps maybe once today yesterday tonight now then there here so and but or "
        "nor if when where why how since until till after before during with without despite besides "
        "including excluding among amid against toward towards beyond like unlike plus minus"
    )
)
# Adjectives that often stand between a number and the noun it counts ("two small farms").
COMMON_ADJECTIVES: frozenset[str] = frozenset(
    _split(
        "new old young good bad small large big great little long short high low major minor main total "
        "local "
        "national foreign federal public private global annual daily monthly weekly rural urban former top "
        "key senior junior military civilian other more few many extra additional separate different "
        "further full single double first last next"
    )
)
