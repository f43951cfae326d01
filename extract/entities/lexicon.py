"""General English word lists that are evidence for entity boundaries and types.

Titles before person names, head words of organisations, places and events, name particles, and the
function words that are capitalised only because they open a sentence. These are properties of the
language, not names: no person, organisation or place is listed here (gazetteers hold places).
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Person titles, matched in lower case with any trailing "." removed. A title before a name types it PERSON.
TITLES = _words(
    "president minister secretary chancellor premier king queen prince princess pope sheikh sheik emir "
    "ayatollah general gen lt col colonel major maj captain capt sgt sergeant admiral adm commander cmdr "
    "lieutenant brigadier brig marshal corporal cpl private pvt mr mrs ms miss dr prof professor sir lord "
    "lady dame senator sen rep representative congressman congresswoman governor gov mayor judge justice "
    "ambassador envoy spokesman spokeswoman spokesperson chairman chairwoman chairperson ceo cfo coo "
    "director chief chair leader coach manager striker midfielder defender goalkeeper keeper forward winger "
    "batsman bowler pitcher quarterback player champion rider driver cyclist jockey trainer skipper "
    "cardinal bishop archbishop rabbi imam cleric reverend rev father sister brother mother nun pastor "
    "commissioner inspector superintendent supt detective det officer analyst economist strategist "
    "attorney lawyer prosecutor advocate mp pm vice-president president-elect deputy chairman-elect "
    "executive founder owner president-designate prime-minister emperor empress tsar czar sultan caliph "
    "mullah colonel-general lieutenant-general major-general field-marshal diplomat negotiator "
    "adviser advisor aide counsellor counselor councillor councilman councilwoman alderman sheriff "
    "teammate compatriot countryman countrywoman son daughter husband wife widow nephew niece uncle aunt "
    "engineer scientist researcher professor lecturer economist farmer grower fisherman captain pilot "
    "doctor nurse surgeon physician architect designer analyst consultant banker trader broker "
    "actor actress singer author writer novelist poet artist painter composer director-general "
    "correspondent reporter editor columnist commentator anchor presenter chairman-designate "
    "secretary-general under-secretary treasurer auditor registrar dean provost rector chancellor-elect "
    "warlord commander-in-chief opposition-leader dissident activist candidate nominee challenger "
    "speaker incumbent frontrunner runner-up winner holder titleholder defender-elect veteran rookie "
    "newcomer "
    "fullback flanker scrum-half fly-half linebacker shortstop outfielder infielder all-rounder spinner "
    "paceman wicketkeeper wicket-keeper centre-back sweeper playmaker"
)
# Titles that never stand alone as a lower-case noun before a name ("general" and "major" do).
STRONG_TITLES = _words(
    "president minister secretary chancellor premier king queen prince princess pope sheikh emir ayatollah "
    "gen lt col colonel maj capt sgt admiral adm cmdr brig mr mrs ms dr prof sir senator sen rep congressman "
    "congresswoman governor gov mayor ambassador spokesman spokeswoman spokesperson chairman chairwoman "
    "ceo coach striker midfielder goalkeeper rabbi imam cleric rev commissioner inspector supt det mp pm "
    "emperor sultan lieutenant sergeant captain commander general judge chief"
)
# Capitalised words that modify a following title ("Acting Defense Secretary") and go with it.
TITLE_MODIFIERS = _words(
    "acting deputy vice former assistant associate senior chief interim first second under junior "
    "defense defence foreign interior finance home justice health trade economy economic energy oil "
    "education labor labour agriculture transport transportation state air force joint staff "
    "commerce treasury information culture environment security homeland communications industry "
    "planning water electricity sports youth prime grand supreme attorney solicitor surgeon lord lieutenant "
    "national foreign-affairs internal external public works development housing veterans affairs "
    "intelligence military operating executive financial technical "
    "commercial managing general information marketing legal medical political press majority minority "
    "parliamentary opposition cabinet"
)

# Last word of an organisation name ("Iraqi Army", "Bank of England" is handled by ORG_FIRST).
ORG_LAST = _words(
    "Ministry Department Agency Office Bureau Commission Committee Council Assembly Parliament Congress "
    "Senate Court Tribunal Party Front Movement Alliance Coalition Union Federation Association "
    "Organisation Organization League Club Society Institute Institution Foundation Fund Bank Bancorp "
    "Corp Corporation Co Inc Ltd Plc PLC LLC LLP AG SA NV BV GmbH SpA AB ASA Oyj Group Holdings Holding "
    "Industries Company Companies Airlines Airways Air Motors Systems Technologies Technology Electric "
    "Electronics Petroleum Telecom Telecommunications Communications Pharmaceuticals Pharma Securities "
    "Exchange Times Post News Journal Press Herald Tribune Gazette Telegraph Guardian Chronicle Observer "
    "Army Navy Forces Force Guard Guards Police Brigade Brigades Battalion Regiment Corps Command Militia "
    "Authority Board Service Services University College School Academy Hospital Church Museum Team "
    "United Rovers Wanderers Athletic Athletico Albion Olympique FC F.C. SC AFC CF Hotspur Rangers Celtic "
    "Cabinet Government Administration Secretariat Centre Center Network Channel TV Radio Broadcasting "
    "Brothers Partners Capital Investments Investment Foods Stores Mining Resources Steel Chemical "
    "Chemicals Laboratories Labs Media Studios Records Insurance Trust Energy Power Railways Railway "
    "Shipping Lines Logistics Motor Motors Entertainment Software Ventures Enterprises Bancshares Bancorp "
    "Cooperative Co-operative Syndicate Consortium Directorate Inspectorate Commando Commandos Unit "
    "Squad Mission Taskforce Agencies Cartel Gang Front Jihad Brotherhood Caucus Conference Council "
    "Community Parliament Junta Politburo Presidium Duma Knesset Majlis Bundestag Chamber Senate Legislature "
    "Assembly Commission Observatory Watch Initiative Project Programme Program Institute Forum "
    "Growers Exporters Producers Workers Farmers Manufacturers Traders Brokers Employers Builders Dealers "
    "Importers Owners Miners Teachers Nurses Doctors Journalists Engineers Veterans Unions Fishermen "
    "Reserve House SE Operators Shippers Suppliers Retailers Distributors Investors Lenders Insurers "
    "Carriers Airlines"
)
# First word of an organisation name followed by "of" ("Bank of England", "University of Chicago").
ORG_FIRST = _words(
    "Ministry Department University Bank Bureau Office Council Court Church Institute College School "
    "Academy Federation Association Union League Organisation Organization Party Board Commission "
    "Committee House Chamber Museum Society Order Federal Royal National Congress Assembly Friends "
    "Army Navy Corps Brotherhood Movement Front Alliance Coalition Conference Confederation Fund Centers "
    "Center Centre Institutes Bureau Agency Office Council"
)
# Last word of a geographic (non-political) place.
LOC_LAST = _words(
    "River Sea Ocean Gulf Bay Lake Lakes Mountain Mountains Mount Mountains Hills Hill Valley Desert "
    "Island Islands Isle Isles Peninsula Strait Straits Canal Coast Plateau Basin Delta Forest Heights "
    "Range Glacier Falls Reef Channel Sound Cape Highlands Lowlands Steppe Plain Plains Fjord Estuary "
    "Pass Alps Peak Volcano Lagoon Marsh Wetlands Gorge Canyon Creek"
)
# Last word of a named building or site, which news treats as a location.
FACILITY_LAST = _words(
    "Road Street Avenue Boulevard Square Stadium Arena Park Airport Bridge Palace Tower Gate Station "
    "Harbour Harbor Port Ground Circuit Racecourse Dam Highway Motorway Camp Base Crossing "
    "Terminal Quay Pier Wharf Dock Docks Refinery Plant Mine Field Oilfield Bazaar Mosque Cathedral Temple "
    "Shrine Monastery Castle Fortress Prison"
)
LOC_FIRST = _words(
    "Mount Mt Lake Cape Gulf Isle Sea Strait Bay Fort Camp Río Rio Lago Monte Mont Sierra Cerro Isla Ilha Lac"
)
# First word of an organisation in other languages ("Instituto Atlântico de Ciências").
ORG_FIRST_FOREIGN = _words(
    "Instituto Institut Istituto Consorcio Cooperativa Universidad Universidade Università Université "
    "Universität Banco Banca Banque Compañía Companhia Empresa Ministerio Ministério Ministère Partido "
    "Parti Partito Asociación Associação Association Fundación Fundação Fondation Stiftung Federación "
    "Federação Fédération Sindicato Société Sociedad Sociedade Gesellschaft Verein Agencia Agência Agence "
    "Comité Comisión Comissão Comisia Grupo Gruppo Groupe Corporación Deutsche"
)
# Last word of a political place ("Kurdistan Region", "Marin County").
GPE_LAST = _words(
    "Region Province County District Governorate Republic Kingdom Emirate Emirates Oblast Prefecture "
    "Territory Territories Township Municipality Canton Department Borough Parish Commonwealth Federation "
    "Sultanate Principality Duchy State City"
)
GPE_FIRST = _words("Republic Kingdom Emirate Sultanate Principality Commonwealth State City Province County")
# Last word of a named event.
EVENT_LAST = _words(
    "War Wars Games Olympics Olympiad Cup Championship Championships Open Tournament Trophy Prix Series "
    "Revolution Uprising Summit Festival Expo Exhibition Marathon Classic Masters Derby Rally Tour "
    "Grand-Prix Crusade Massacre Spring Accords Accord Treaty Agreement Protocol Convention Talks Election "
    "Elections Referendum Intifada Offensive Campaign Siege Battle Day Week"
)
# First word of a named event ("Typhoon Kestrel", "Hurricane Maria").
EVENT_FIRST = _words("Typhoon Hurricane Cyclone Storm Tropical Operation-Day Battle Siege Treaty")
# Holidays and festivals are events.
HOLIDAYS = _words(
    "Christmas Easter Ramadan Eid Diwali Hanukkah Passover Thanksgiving Tet Tết Nowruz Lent Advent "
    "Pentecost Halloween Hajj Holi Vesak Yom Kippur Rosh Hashanah Ashura Navratri Songkran"
)
# Last word of a named law, prize, index or plan ("Patriot Act", "Nobel Prize", "Nikkei Index").
OTHER_LAST = _words(
    "Act Acts Bill Prize Award Awards Medal Index Doctrine Charter Constitution Code Declaration"
)
# Military and police operations name an organisation acting, in news usage.
OPERATION_WORDS = _words("Operation Operations")

# Lower-case particles allowed inside a name between capitalised words.
NAME_PARTICLES = _words(
    "de da del della di du des la le van von der den ter bin ibn bint y e do dos das al el af zu"
)
# Connectors allowed inside organisation and place names only ("Bank of England", "Ministry of Oil and Gas").
CONNECTORS = _words("of for on upon and & the")

# Capitalised at the start of a sentence without being names (function words and common openers).
FUNCTION_WORDS = _words(
    "a an the this that these those there here it its it's he she they we i you his her their our my your "
    "him them us me one some any all both each every no not none nor neither either other another such "
    "and but or so yet for if when while where what which who whom whose why how after before because "
    "since until unless although though as at by from in into of off on onto out over under up with "
    "without within about above across against along among around behind below beneath beside between "
    "beyond despite during except inside near outside past per through throughout toward towards upon "
    "via then than also only just even still already again too very more most less least much many few "
    "several is are was were be been being am do does did have has had having will would shall should "
    "can could may might must ought let lets yes no not however meanwhile moreover furthermore instead "
    "otherwise thus hence therefore indeed nevertheless nonetheless overall later earlier now today "
    "tomorrow yesterday tonight once twice first second third last next new old another whether like "
    "unlike according asked said says told added noting amid amidst following including regarding "
    "given asked mr mrs ms dr sir don't doesn't didn't isn't aren't wasn't weren't won't can't couldn't "
    "shouldn't wouldn't i'm i've i'd i'll we're we've they're they've you're you've he's she's that's "
    "there's what's let's well oh please thanks thank sorry perhaps maybe almost nearly about around "
    "total totals result results note notes source sources editor update updated advertisement photo "
    "video watch read see click share reporting additional writing compiled two three four five six seven "
    "eight nine ten eleven twelve twenty thirty forty fifty hundred thousand million billion half top late "
    "early"
)
WEEKDAYS = _words(
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun"
)
MONTHS = _words(
    "january february march april may june july august september october november december jan feb mar apr "
    "jun jul aug sep sept oct nov dec"
)
# Ordinals and other words that are never a name by themselves, even capitalised.
NEVER_NAMES = _words(
    "first second third fourth fifth sixth seventh eighth ninth tenth last next final overall total "
    "results result standings table note notes women men people division inc corp ltd co plc jr sr st mt "
    "mr mrs ms dr sir"
)
# Endings of nationality and group words the gazetteer may lack ("Uzbek", "Thai" aside).
DEMONYM_SUFFIXES = ("ians", "eans", "ese", "ean", "ian")
# Surname endings of many languages (Slavic, Caucasian, Armenian, Turkish, Romanian, Greek, Nordic,
# Spanish): a lone unknown word with one is a person, not a company.
SURNAME_SUFFIXES = (
    "ov", "ova", "ev", "eva", "yev", "yeva", "enko", "escu", "oglu", "oğlu", "vić", "vic", "ski", "ska",
    "sky", "wicz", "yan", "dze", "shvili", "poulos", "akis", "sson", "ez", "ić",
)  # fmt: skip
# Endings of words that open sentences as ordinary words ("Operating", "Reportedly", "Damaged").
COMMON_SUFFIXES = ("ing", "ly", "ed")
# Capitalised words that are never names by themselves.
NEVER_ALONE = _words("I I'm I've I'd I'll OK Madam Mme No Nos Vol Fig")
# Lower-case nouns right after a name that make it an organisation ("Kyodo news agency").
ORG_NOUNS_AFTER = _words(
    "news agency newspaper daily weekly broadcaster network channel company firm group party club "
    "side squad airline carrier bank lender insurer brewer automaker carmaker manufacturer conglomerate "
    "subsidiary unit militia organisation organization movement faction"
)
# Lower-case nouns right after a name that make it a political place ("Idukki district").
PLACE_NOUNS_AFTER = _words(
    "district province village town city county region commune municipality prefecture governorate "
    "township borough oblast canton department capital port hamlet suburb suburbs outskirts residents"
)
# Words right after a single name that mark a person speaking or acting ("Okonkwo said").
SPEECH_VERBS = _words(
    "said says told added insisted explained noted admitted warned argued wrote recalled stressed "
    "declared announced denied confirmed replied asked urged claimed acknowledged conceded"
)
# Sports reporting: enough of these words make place names stand for teams ("Tulsa beat Omaha").
SPORTS_WORDS = _words(
    "innings wickets wicket goals halftime half-time league semifinal semi-final quarter-final quarterfinal "
    "striker midfielder goalkeeper seeded rebounds touchdown touchdowns inning innings homer homers pitcher "
    "batsman bowler play-off playoff playoffs standings scorers scorer attendance unbeaten cricket soccer "
    "rugby tennis golf baseball basketball football hockey cycling athletics motorcycling boxing "
    "championship tournament stadium match matches"
)
SPORTS_MIN_WORDS = 3
# Lower-case nouns before "at", "for", "with" or "of" that make the next name an employer or a listed
# company ("analysts at X", "a spokeswoman for X", "shares of X", "a stake in X").
ORG_CONTEXT_NOUNS = _words(
    "analyst analysts economist economists strategist strategists researchers scientists executives "
    "employees staff workers spokesman spokeswoman spokesperson shares stake stock shareholders "
    "customers clients"
)
# Lower-case words before a name that mark a place ("in Erbil", "near Mosul").
PLACE_PREPOSITIONS = _words("in near outside from to at across around toward towards into via")
# The same for names of several words, where "from" and "to" too often precede people.
STRICT_PLACE_PREPOSITIONS = _words("in near outside")
# A single capitalised word from these lists is never a name by itself.
NOT_NAMES = MONTHS | NEVER_NAMES | FUNCTION_WORDS
# Ordinary words after a hyphen that end a name ("Iran-backed", "US-led", "Kabul-based").
HYPHEN_TAILS = _words("born based led backed run owned controlled style like era made bound wide")
# Head words after which "of", "for" or "on" continue a name ("Bank of", "Gulf of", "Council on").
CONNECTOR_HEADS = ORG_FIRST | ORG_LAST | LOC_LAST | LOC_FIRST | GPE_LAST | GPE_FIRST
# Titles that are also common surnames ("Stephen King", "John Major", "Tom Bishop").
SURNAME_TITLES = _words("king major bishop marshal judge prince dean sheriff chancellor pope general")
# Suffixes after a surname that are not names by themselves.
NAME_SUFFIXES = _words("jr sr ii iii iv")
# Capitalised abbreviations of terms, units and time zones: named things, but not organisations.
TERM_ABBREVIATIONS = _words(
    "GDP GNP GNI CPI PPI PMI IPO M&A CEO CFO COO CTO GMT UTC EST EDT CST CDT PST PDT BST CET CEST IST JST "
    "TV PC DNA RNA HIV AIDS SARS MERS ISBN VAT GST RBI ERA MVP FAQ HQ IQ ID AM FM GPS LNG LPG "
    "CO2 NOx EV EVs AI IT ICU PPE PCR QE ETF ETFs ADR ADRs GDR GDRs EPS P/E YTD YoY NAV"
)
