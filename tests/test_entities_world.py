"""World-news names: sentence-opening companies, organisations in many languages, towns, natural
features, peoples, ships, units and credit lines (issue 13).

Every sentence here is invented for these tests; the names are made up or are well-known public places.
Each case lists (name, type) pairs that the analysis must find exactly; an empty list means no entity at
all. `ABSENT` lists words that must not come out as names.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.analyze import analyze
from extract.model import Entity

SAMPLES = Path(__file__).resolve().parent.parent / "sample_articles"

CASES: list[tuple[str, list[tuple[str, str]]]] = [
    # Sentence-opening names with evidence only from the words after them
    ("Ecorail said on Monday it would raise fares on its coastal lines.", [("Ecorail", "ORG")]),
    ("Norvida will cut 2,000 jobs at its plants in Moravia.", [("Norvida", "ORG")]),
    ("Tamsol posted a first-half loss as copper prices fell.", [("Tamsol", "ORG")]),
    ("Kerabank reported a rise in bad loans in the third quarter.", [("Kerabank", "ORG")]),
    ("Zentiva announced a recall of two batches of its cough syrup.", [("Zentiva", "ORG")]),
    ("Halvora plans to list its shares in Nairobi next year.", [("Halvora", "ORG"), ("Nairobi", "GPE")]),
    ("Orvalis has agreed to sell its fertiliser unit for $400 million.", [("Orvalis", "ORG")]),
    ("Mavrotel confirmed that its network in the south was down for six hours.", [("Mavrotel", "ORG")]),
    ("Sudameris expects demand for soybeans from Asia to slow.", [("Sudameris", "ORG"), ("Asia", "LOC")]),
    ("Pelinor signed a supply deal with a refinery in Lagos.", [("Pelinor", "ORG"), ("Lagos", "GPE")]),
    # Organisation evidence around a name
    (
        "Shares of Velmora fell 6 percent in Jakarta after the results.",
        [("Velmora", "ORG"), ("Jakarta", "GPE")],
    ),
    ("Velmora's chief executive resigned after the audit.", [("Velmora", "ORG")]),
    (
        "The deal was financed by Kastelbank, a lender based in Ljubljana.",
        [("Kastelbank", "ORG"), ("Ljubljana", "GPE")],
    ),
    (
        "Radio Sahel relayed the appeal of Amanor, a charity that runs clinics in Mali.",
        [("Amanor", "ORG"), ("Mali", "GPE")],
    ),
    (
        "The interview was aired by Tevani, a private broadcaster in Lima.",
        [("Tevani", "ORG"), ("Lima", "GPE")],
    ),
    (
        "Analysts at Morvane Capital cut their forecast for Brazilian growth.",
        [("Morvane Capital", "ORG"), ("Brazilian", "NORP")],
    ),
    ("A spokeswoman for Quilmet said the mine would reopen.", [("Quilmet", "ORG")]),
    ("Workers at Ostrava Steel Works GmbH walked out on Friday.", [("Ostrava Steel Works GmbH", "ORG")]),
    (
        "The Compagnie Minière du Sahel and Banco do Norte signed the loan.",
        [("Compagnie Minière du Sahel", "ORG"), ("Banco do Norte", "ORG")],
    ),
    (
        "Kalvoro Holdings bought a stake in Andes Telecom.",
        [("Kalvoro Holdings", "ORG"), ("Andes Telecom", "ORG")],
    ),
    (
        "Perusahaan Listrik Timur said demand in Java had peaked.",
        [("Perusahaan Listrik Timur", "ORG"), ("Java", "GPE")],
    ),
    ("Nusantara Semen Tbk raised its prices in Sumatra.", [("Nusantara Semen Tbk", "ORG")]),
    ("Tanjung Palma Bhd will build a refinery in Johor.", [("Tanjung Palma Bhd", "ORG")]),
    (
        "The Sociedade Portuária de Leixões approved the expansion.",
        [("Sociedade Portuária de Leixões", "ORG")],
    ),
    (
        "Rheinwald Versicherung AG said claims from the floods would exceed forecasts.",
        [("Rheinwald Versicherung AG", "ORG")],
    ),
    (
        "Air Kivu Airways resumed flights to Bukavu on Tuesday.",
        [("Air Kivu Airways", "ORG"), ("Bukavu", "GPE")],
    ),
    ("Pharos Pharma recalled a blood-pressure drug in Egypt.", [("Pharos Pharma", "ORG"), ("Egypt", "GPE")]),
    (
        "Bogotá Motors SA cut output at its plant in Colombia.",
        [("Bogotá Motors SA", "ORG"), ("Colombia", "GPE")],
    ),
    (
        "The Fondazione Verdi Lago opened a school in Sicily.",
        [("Fondazione Verdi Lago", "ORG"), ("Sicily", "GPE")],
    ),
    (
        "Insurers at Lloyd's of London raised war-risk premiums for the Red Sea.",
        [("Lloyd's of London", "ORG"), ("Red Sea", "LOC")],
    ),
    # Long organisation names stay whole
    (
        "The Ministry of Water and Irrigation said the pipeline was complete.",
        [("Ministry of Water and Irrigation", "ORG")],
    ),
    (
        "The Department of Housing and Urban Development froze the grants.",
        [("Department of Housing and Urban Development", "ORG")],
    ),
    (
        "The Organisation for Economic Co-operation and Development cut its forecast.",
        [("Organisation for Economic Co-operation and Development", "ORG")],
    ),
    (
        "The Commission for Human Rights in Kenya asked for an inquiry.",
        [("Commission for Human Rights in Kenya", "ORG")],
    ),
    ("The Bank of Ghana held its policy rate at 27 percent.", [("Bank of Ghana", "ORG")]),
    # Places: cities, towns, regions with diacritics, natural features
    ("Farmers near Karak and Aqaba rely on wells for irrigation.", [("Karak", "GPE"), ("Aqaba", "GPE")]),
    ("The pumps draw on the Disi aquifer in the south.", [("Disi", "LOC")]),
    ("Barges moored at the mouth of the Vistula during the storm.", [("Vistula", "LOC")]),
    ("Rain gauges in the Hoàng Liên Sơn range recorded 300 millimetres.", [("Hoàng Liên Sơn", "LOC")]),
    ("Landslides cut roads in the districts around Sa Pa.", [("Sa Pa", "GPE")]),
    ("The first cargo flight landed at Nội Bài airport on Friday.", [("Nội Bài", "LOC")]),
    ("The river reached 9 metres at the Long Biên bridge.", [("Long Biên", "LOC")]),
    ("Flooding closed schools in Mostar and Zenica.", [("Mostar", "GPE"), ("Zenica", "GPE")]),
    ("The governor of Kwara visited Ilorin after the fire.", [("Kwara", "GPE"), ("Ilorin", "GPE")]),
    ("Protests spread from Tarija to Sucre.", [("Tarija", "GPE"), ("Sucre", "GPE")]),
    ("Troops were sent to Tillabéri in western Niger.", [("Tillabéri", "GPE"), ("Niger", "GPE")]),
    ("Fishermen in Bắc Giang said the catch was the worst in years.", [("Bắc Giang", "GPE")]),
    ("A dam on the Zambezi river will supply Lusaka.", [("Zambezi", "LOC"), ("Lusaka", "GPE")]),
    ("Herders crossed the Kyzylkum desert with their flocks.", [("Kyzylkum", "LOC")]),
    ("The ship ran aground off Sado Island in the storm.", [("Sado Island", "LOC")]),
    ("Smoke from fires in Riau drifted over Singapore.", [("Riau", "GPE"), ("Singapore", "GPE")]),
    ("The quake was felt in Chiapas and Oaxaca.", [("Chiapas", "GPE"), ("Oaxaca", "GPE")]),
    ("Residents of Ica queued for water.", [("Ica", "GPE")]),
    ("Peacekeepers patrolled the Sahel on foot.", [("Sahel", "LOC")]),
    ("The bridge links Bosnia to Croatia.", [("Bosnia", "GPE"), ("Croatia", "GPE")]),
    # Peoples, parties and groups
    (
        "Most of the displaced come from Hmong and Dao villages on steep slopes.",
        [("Hmong", "NORP"), ("Dao", "NORP")],
    ),
    ("Aid reached the Rohingya community in the camps.", [("Rohingya", "NORP")]),
    ("Elders of the Turkana tribes met the governor.", [("Turkana", "NORP")]),
    (
        "Chilean Marta Soto won the marathon in Santiago.",
        [("Chilean", "NORP"), ("Marta Soto", "PERSON"), ("Santiago", "GPE")],
    ),
    ("Kenyan Daniel Kiprono took the silver medal.", [("Kenyan", "NORP"), ("Daniel Kiprono", "PERSON")]),
    ("Nigerian Chiamaka Obi was named the new envoy.", [("Nigerian", "NORP"), ("Chiamaka Obi", "PERSON")]),
    ("The pro-Kremlin channels mocked the protest.", [("pro-Kremlin", "NORP")]),
    ("Prices rose across sub-Saharan Africa.", [("sub-Saharan", "NORP"), ("Africa", "LOC")]),
    ("Several ex-Soviet states asked for gas.", [("ex-Soviet", "NORP")]),
    ("The anti-Western rhetoric worried investors.", [("anti-Western", "NORP")]),
    ("Labour said it would oppose the budget.", [("Labour", "ORG")]),
    (
        "Palestinian officials met Egyptian mediators in Cairo.",
        [("Palestinian", "NORP"), ("Egyptian", "NORP"), ("Cairo", "GPE")],
    ),
    # People
    ("Christian Morel, the airline's chairman, met the unions.", [("Christian Morel", "PERSON")]),
    (
        "Finance Minister Ngozi Adeyemi presented the budget in Abuja.",
        [("Ngozi Adeyemi", "PERSON"), ("Abuja", "GPE")],
    ),
    ("Mayor Lucía Fernández Ibarra opened the metro line.", [("Lucía Fernández Ibarra", "PERSON")]),
    ("Farida Haddad, 54, runs a bakery in Misrata.", [("Farida Haddad", "PERSON"), ("Misrata", "GPE")]),
    ("Park Ji-hoon, the team's captain, scored twice.", [("Park Ji-hoon", "PERSON")]),
    (
        "Ahmed Al-Mansouri said talks would resume in Doha.",
        [("Ahmed Al-Mansouri", "PERSON"), ("Doha", "GPE")],
    ),
    ("Ricardo Mendes said the strike would go on.", [("Ricardo Mendes", "PERSON")]),
    ("Nguyễn Thị Hằng told reporters the river was still rising.", [("Nguyễn Thị Hằng", "PERSON")]),
    (
        "Opposition leader Sipho Dlamini called for calm in Durban.",
        [("Sipho Dlamini", "PERSON"), ("Durban", "GPE")],
    ),
    ('"We will rebuild," Okonkwo said.', [("Okonkwo", "PERSON")]),
    # Teams and clubs
    ("Dynamo Kharkiv beat Shakhtar 2-0 in the cup.", [("Dynamo Kharkiv", "ORG")]),
    ("Athletic Bilbao signed a striker from Porto.", [("Athletic Bilbao", "ORG")]),
    ("Lusaka 3 Ndola 1", [("Lusaka", "ORG"), ("Ndola", "ORG")]),
    # Ships, units and things
    ("The ferry Sado no Kaze returned to service after its refit.", [("Sado no Kaze", "OTHER")]),
    (
        "The tanker Ocean Pearl was seized in the Gulf of Oman.",
        [("Ocean Pearl", "OTHER"), ("Gulf of Oman", "LOC")],
    ),
    ("The port handled 612,000 twenty-foot equivalent units (TEU) in the half.", []),
    ("The terminal can now handle 3,000 TEU a week.", []),
    # Credits and boilerplate
    (
        "Reporting by Amira Hassan; Editing by Tom Brennan",
        [("Amira Hassan", "PERSON"), ("Tom Brennan", "PERSON")],
    ),
    ("Photo gallery", []),
    # Bylines, credits, East Asian names and more of the world
    ("By Amira Hassan\nCAIRO — The central bank raised rates on Thursday.", [("Amira Hassan", "PERSON")]),
    (
        "Kim Min-jun, a lawmaker from Busan, resigned on Monday.",
        [("Kim Min-jun", "PERSON"), ("Busan", "GPE")],
    ),
    ("Lee Soo Hyun said the talks in Seoul had stalled.", [("Lee Soo Hyun", "PERSON"), ("Seoul", "GPE")]),
    ("Tran Van Long, a rice farmer, lost his harvest.", [("Tran Van Long", "PERSON")]),
    (
        "Ibrahim Traoré met the delegation in Ouagadougou.",
        [("Ibrahim Traoré", "PERSON"), ("Ouagadougou", "GPE")],
    ),
    ("Fatima Zahra Bennani, 41, manages a cooperative in Fès.", [("Fatima Zahra Bennani", "PERSON")]),
    (
        "Diego Armando Ríos was elected mayor of Rosario.",
        [("Diego Armando Ríos", "PERSON"), ("Rosario", "GPE")],
    ),
    (
        "Transportes Andinos SA suspended its bus routes to Cusco.",
        [("Transportes Andinos SA", "ORG"), ("Cusco", "GPE")],
    ),
    ("Grupo Serrano bought two hotels in Cartagena.", [("Grupo Serrano", "ORG"), ("Cartagena", "GPE")]),
    (
        "Banque Sahélienne de Crédit opened a branch in Niamey.",
        [("Banque Sahélienne de Crédit", "ORG"), ("Niamey", "GPE")],
    ),
    (
        "The Instituto Nacional de Estadística revised the figures.",
        [("Instituto Nacional de Estadística", "ORG")],
    ),
    (
        "Lagoon Telecom Ltd said it had restored service in Abidjan.",
        [("Lagoon Telecom Ltd", "ORG"), ("Abidjan", "GPE")],
    ),
    (
        "Qamar Petrochemicals will build a plant near Jubail.",
        [("Qamar Petrochemicals", "ORG"), ("Jubail", "GPE")],
    ),
    ("Farmers in the Bekaa valley protested against the tax.", [("Bekaa", "LOC")]),
    ("Fishing boats crowded the shores of Lake Tanganyika.", [("Lake Tanganyika", "LOC")]),
    ("Tourists returned to Mount Kilimanjaro after the rains.", [("Mount Kilimanjaro", "LOC")]),
    ("The Kurdish community in Erbil held a vigil.", [("Kurdish", "NORP"), ("Erbil", "GPE")]),
    ("Aymara villagers blocked the highway.", [("Aymara", "NORP")]),
    ("The convoy crossed into Chad from Darfur.", [("Chad", "GPE"), ("Darfur", "GPE")]),
    (
        "Prices in Montevideo rose faster than in Buenos Aires.",
        [("Montevideo", "GPE"), ("Buenos Aires", "GPE")],
    ),
    ("Crowds at the rally in Accra. REUTERS / Lina Moreau", [("Accra", "GPE"), ("Lina Moreau", "PERSON")]),
]

ABSENT: list[tuple[str, str]] = [
    ("Editing by Tom Brennan", "Editing"),
    ("Officials said the road would reopen on Monday.", "Officials"),
    ("Police said three people were arrested.", "Police"),
    ("Residents said the water had risen overnight.", "Residents"),
    ("Labour relations remain a risk for the terminal.", "Labour"),
]


def _found(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.type) for e in analyze(text).entities]


def test_the_list_is_long_enough() -> None:
    assert len(CASES) + len(ABSENT) >= 100


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_world_sentence(sentence: str, expected: list[tuple[str, str]]) -> None:
    found = _found(sentence)
    if not expected:
        assert found == []
    for pair in expected:
        assert pair in found, f"{pair} not in {found}"


@pytest.mark.parametrize(("sentence", "word"), ABSENT, ids=[a[0][:40] for a in ABSENT])
def test_not_a_name(sentence: str, word: str) -> None:
    assert word not in [e.text for e in analyze(sentence).entities]


def test_a_name_without_evidence_is_marked_guessed() -> None:
    entities = {e.text: e for e in analyze("Talks stalled. Vorel Quinn Adabe met Ana Lima in Lima.").entities}
    assert entities["Vorel Quinn Adabe"].guessed
    assert not entities["Ana Lima"].guessed  # a given name is evidence


def test_guessed_appears_in_json_only_when_true() -> None:
    data = analyze("Talks stalled. Vorel Quinn Adabe met the envoy in Lima.").to_dict()["entities"]
    by_text = {e["text"]: e for e in data}
    assert by_text["Vorel Quinn Adabe"]["guessed"] is True
    assert "guessed" not in by_text["Lima"]
    assert set(by_text["Lima"]) == {"start", "end", "text", "type", "canonical"}


def test_one_type_per_name_prefers_a_specific_clue() -> None:
    text = "The Ketrova–Marsa crossing opened. The ferry sailed from Ketrova to Marsa in an hour."
    types = {e.type for e in analyze(text).entities if e.text == "Marsa"}
    assert types == {"GPE"}


def test_a_verb_after_a_plural_common_noun_is_no_evidence() -> None:
    assert analyze("Rescuers said the road was blocked.").entities == ()


def test_entity_round_trips_with_its_flag() -> None:
    entity = Entity(0, 5, "Vorel", "ORG", "Vorel", True)
    assert entity.guessed


@pytest.mark.parametrize(
    ("sample", "name", "etype"),
    [
        ("2022-10-12-hanoi-typhoon-kestrel-landfall.md", "Hoàng Liên Sơn", "LOC"),
        ("2022-10-12-hanoi-typhoon-kestrel-landfall.md", "Sa Pa", "GPE"),
        ("2022-10-12-hanoi-typhoon-kestrel-landfall.md", "Nội Bài", "LOC"),
        ("2022-10-12-hanoi-typhoon-kestrel-landfall.md", "Hmong", "NORP"),
        ("2022-10-12-hanoi-typhoon-kestrel-landfall.md", "Dao", "NORP"),
        ("2022-10-19-lao-cai-flood-displaced-38000.md", "Long Biên", "LOC"),
        ("2023-08-09-gdansk-terminal-first-half.md", "Vistula", "LOC"),
        ("2024-02-20-amman-solar-pumping-plan.md", "Karak", "GPE"),
        ("2024-02-20-amman-solar-pumping-plan.md", "Aqaba", "GPE"),
        ("2024-02-20-amman-solar-pumping-plan.md", "Disi", "LOC"),
        ("2024-11-28-niigata-sado-ferry-refit.md", "Sado no Kaze", "OTHER"),
        ("2020-06-17-istanbul-electric-ferry-trials.md", "Karaköy", "GPE"),
    ],
)
def test_sample_article_names(sample: str, name: str, etype: str) -> None:
    entities = analyze((SAMPLES / sample).read_text(encoding="utf-8")).entities
    assert {e.type for e in entities if e.text == name} == {etype}


@pytest.mark.parametrize(
    ("sample", "word"),
    [
        ("2023-08-09-gdansk-terminal-first-half.md", "TEU"),  # a unit
        ("2023-08-09-gdansk-terminal-first-half.md", "Labour"),  # "Labour relations": a common noun
    ],
)
def test_sample_article_non_names(sample: str, word: str) -> None:
    entities = analyze((SAMPLES / sample).read_text(encoding="utf-8")).entities
    assert word not in [e.text for e in entities]


def test_scorecard_notation_names_players() -> None:
    text = (
        "The cricket match went to the final over and the bowler took three wickets; the batsman "
        "was out for a duck.\nK. Ranjan c Morvell b Tashkar 12\nBowling: Tashkar 10-0-41-2"
    )
    found = _found(text)
    assert ("Morvell", "PERSON") in found
    assert ("Tashkar", "PERSON") in found


def test_a_comma_list_after_a_person_names_people() -> None:
    found = _found("The squad: Jonas Weller, Tashkar, Morvell and others.")
    assert ("Tashkar", "PERSON") in found


def test_a_lone_given_name_is_a_person() -> None:
    assert ("Willem", "PERSON") in _found("The jury praised Willem after the vote.")


def test_in_joins_only_a_name_with_for() -> None:
    found = _found("The Ministry of Finance in Kabul said the budget was late.")
    assert ("Ministry of Finance", "ORG") in found
    assert ("Kabul", "GPE") in found
