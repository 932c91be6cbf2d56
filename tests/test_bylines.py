"""Bylines and credit lines: people with roles, the agency kept apart, names recased."""

from __future__ import annotations

import pytest

import newsparse as np
from newsparse._text.names import DEFAULT_WORDS, recase

A, R, E, W = "author", "reporting", "editing", "writing"
AR = "additional reporting"

# (line, organization, [(name, role, surface)]); a surface of None means the name as written.
CASES: list[tuple[str, str | None, list[tuple[str, str, str | None]]]] = [
    # plain wire bylines
    ("By Cal Mankowski, Reuters", "Reuters", [("Cal Mankowski", A, None)]),
    ("By Kathleen Hays, Reuters", "Reuters", [("Kathleen Hays", A, None)]),
    ("by Janie Gabbett, Reuters", "Reuters", [("Janie Gabbett", A, None)]),
    ("By Patti Domm, Reuter", "Reuters", [("Patti Domm", A, None)]),
    ("By Peter Torday", None, [("Peter Torday", A, None)]),
    ("By Colin Brinsden, Reuters.", "Reuters", [("Colin Brinsden", A, None)]),
    ("By Mark Elder, Reutersd", "Reuters", [("Mark Elder", A, None)]),
    ("By Mark Elder, Reuter.", "Reuters", [("Mark Elder", A, None)]),
    ("By Brad Schade Reuters", "Reuters", [("Brad Schade", A, None)]),
    ("By Anne Lowry Reuters", "Reuters", [("Anne Lowry", A, None)]),
    ("By OMAR HADDAD Reuters", "Reuters", [("Omar Haddad", A, "OMAR HADDAD")]),
    (
        "By LENA MARSH and KWAME OSEI Associated Press",
        "Associated Press",
        [("Lena Marsh", A, "LENA MARSH"), ("Kwame Osei", A, "KWAME OSEI")],
    ),
    (
        "By Lena Marsh, Tom Reyes and Kwame Osei Associated Press",
        "Associated Press",
        [("Lena Marsh", A, None), ("Tom Reyes", A, None), ("Kwame Osei", A, None)],
    ),
    ("By Tay Liam Hwee, Reuters", "Reuters", [("Tay Liam Hwee", A, None)]),
    ("By Lee Su-wan, Reuters", "Reuters", [("Lee Su-wan", A, None)]),
    ("By Franz-Josef Ebel, Reuters", "Reuters", [("Franz-Josef Ebel", A, None)]),
    ("By Jean-Loup Fievet, Reuters", "Reuters", [("Jean-Loup Fievet", A, None)]),
    ("By Solange De Santis, Reuters", "Reuters", [("Solange De Santis", A, None)]),
    ("By Claudia Van Riesen, Reuters", "Reuters", [("Claudia Van Riesen", A, None)]),
    ("By Mohamed Elfatih Sidahmed, Reuters", "Reuters", [("Mohamed Elfatih Sidahmed", A, None)]),
    ("By Ian MacKenzie", None, [("Ian MacKenzie", A, None)]),
    # capitals and lower case are recased; the surface stays as written
    ("BY TED D'AFFLISIO, REUTERS", "Reuters", [("Ted D'Afflisio", A, "TED D'AFFLISIO")]),
    ("By TED d'AFFLISIO, Reuters", "Reuters", [("Ted D'Afflisio", A, "TED d'AFFLISIO")]),
    ("by keith grant, Reuters", "Reuters", [("Keith Grant", A, "keith grant")]),
    ("By WALKER SIMON, REUTERS", "Reuters", [("Walker Simon", A, "WALKER SIMON")]),
    (
        "By NAILENE CHOU-WIEST, Reuters",
        "Reuters",
        [("Nailene Chou-Wiest", A, "NAILENE CHOU-WIEST")],
    ),
    ("BY GREG MCCUNE, REUTERS", "Reuters", [("Greg McCune", A, "GREG MCCUNE")]),
    ("BY SEAN O'NEILL", None, [("Sean O'Neill", A, "SEAN O'NEILL")]),
    # a byline in capitals that keeps the small c of Mc and a suffix in small letters
    ("By DANA K. McRAE Jr.", None, [("Dana K. McRae Jr.", A, "DANA K. McRAE Jr.")]),
    (
        "BY SABAH AL-AKILI AND MARIA VAN DER BERG, AP",
        "Associated Press",
        [("Sabah al-Akili", A, "SABAH AL-AKILI"), ("Maria van der Berg", A, "MARIA VAN DER BERG")],
    ),
    ("by hamid bin rashid", None, [("Hamid bin Rashid", A, "hamid bin rashid")]),
    ("BY JAMES A. BAKER III", None, [("James A. Baker III", A, "JAMES A. BAKER III")]),
    ("BY ROBERT E. LEE JR.", None, [("Robert E. Lee Jr.", A, "ROBERT E. LEE JR.")]),
    (
        "By JOHN SMITH and Jane Doe, Associated Press",
        "Associated Press",
        [("John Smith", A, "JOHN SMITH"), ("Jane Doe", A, None)],
    ),
    # several authors
    (
        "By Norma Cohen and Geert Linnebank, Reuters",
        "Reuters",
        [("Norma Cohen", A, None), ("Geert Linnebank", A, None)],
    ),
    (
        "By Martin Hayes and Jane Merriman, Reuters",
        "Reuters",
        [("Martin Hayes", A, None), ("Jane Merriman", A, None)],
    ),
    (
        "By Jonathan Lynn and Anthony Williams",
        None,
        [("Jonathan Lynn", A, None), ("Anthony Williams", A, None)],
    ),
    (
        "By Layla Haddad, Omar Rashid and Tom Hale, Associated Press",
        "Associated Press",
        [("Layla Haddad", A, None), ("Omar Rashid", A, None), ("Tom Hale", A, None)],
    ),
    (
        "By Layla Haddad, Omar Rashid, and Tom Hale, AP",
        "Associated Press",
        [("Layla Haddad", A, None), ("Omar Rashid", A, None), ("Tom Hale", A, None)],
    ),
    (
        "By Layla Haddad & Tom Hale, AFP",
        "Agence France-Presse",
        [("Layla Haddad", A, None), ("Tom Hale", A, None)],
    ),
    (
        "By Layla Haddad and Tom Hale | CNN",
        "CNN",
        [("Layla Haddad", A, None), ("Tom Hale", A, None)],
    ),
    ("By Layla Haddad | Al Jazeera", "Al Jazeera", [("Layla Haddad", A, None)]),
    ("By Layla Haddad — Bloomberg", "Bloomberg", [("Layla Haddad", A, None)]),
    (
        "By Ana Ruiz and Luis Ortega, The Associated Press",
        "Associated Press",
        [("Ana Ruiz", A, None), ("Luis Ortega", A, None)],
    ),
    ("By Ana Ruiz, Agence France-Presse", "Agence France-Presse", [("Ana Ruiz", A, None)]),
    ("By Ana Ruiz, Agence France Presse", "Agence France-Presse", [("Ana Ruiz", A, None)]),
    ("By Kenji Sato, Kyodo News", "Kyodo", [("Kenji Sato", A, None)]),
    ("By Kenji Sato, Xinhua", "Xinhua", [("Kenji Sato", A, None)]),
    ("By Arif Rahman, Anadolu Agency", "Anadolu Agency", [("Arif Rahman", A, None)]),
    ("By Dara Karimi, IRNA", "Islamic Republic News Agency", [("Dara Karimi", A, None)]),
    ("By Hana Aziz, Rudaw", "Rudaw", [("Hana Aziz", A, None)]),
    ("By Hana Aziz, Kurdistan24", "Kurdistan24", [("Hana Aziz", A, None)]),
    ("By Hana Aziz, Basra Times", "Basra Times", [("Hana Aziz", A, None)]),
    ("By Hana Aziz, The Erbil Herald", "The Erbil Herald", [("Hana Aziz", A, None)]),
    ("By Hana Aziz, Mosul Daily News", "Mosul Daily News", [("Hana Aziz", A, None)]),
    ("By Hana Aziz, Omar Rashid", None, [("Hana Aziz", A, None), ("Omar Rashid", A, None)]),
    # places and titles
    ("By Layla Haddad in Baghdad", None, [("Layla Haddad", A, None)]),
    (
        "By Layla Haddad in Baghdad and Tom Hale in Erbil",
        None,
        [("Layla Haddad", A, None), ("Tom Hale", A, None)],
    ),
    ("By Layla Haddad in Baghdad, Reuters", "Reuters", [("Layla Haddad", A, None)]),
    ("By Dr. Laila Karim", None, [("Laila Karim", A, None)]),
    ("By U.S. Army 1st Lt. R.J. Peek", None, [("R.J. Peek", A, None)]),
    ("By U.S. Army Sgt. Ana Lee", None, [("Ana Lee", A, None)]),
    ("By Staff Sgt. Mark Dale", None, [("Mark Dale", A, None)]),
    ("By U.S. Navy Petty Officer 2nd Class Eric Holm", None, [("Eric Holm", A, None)]),
    ("By Capt. Ruth Varga, ISAF Public Affairs", "ISAF Public Affairs", [("Ruth Varga", A, None)]),
    # particles, apostrophes, initials, suffixes
    ("By Sabah al-Akili, Reuters", "Reuters", [("Sabah al-Akili", A, None)]),
    ("By Hamid bin Rashid, Reuters", "Reuters", [("Hamid bin Rashid", A, None)]),
    ("By Pieter van der Berg, Reuters", "Reuters", [("Pieter van der Berg", A, None)]),
    ("By Ana de la Cruz, Reuters", "Reuters", [("Ana de la Cruz", A, None)]),
    ("By Mark O'Neill, Reuters", "Reuters", [("Mark O'Neill", A, None)]),
    ("By Ted D'Afflisio, Reuters", "Reuters", [("Ted D'Afflisio", A, None)]),
    ("By James A. Baker, Reuters", "Reuters", [("James A. Baker", A, None)]),
    ("By J.R. Ewing", None, [("J.R. Ewing", A, None)]),
    ("By Martin Luther King Jr., AP", "Associated Press", [("Martin Luther King Jr.", A, None)]),
    ("By Robert Lee, Jr., Reuters", "Reuters", [("Robert Lee Jr.", A, "Robert Lee, Jr.")]),
    ("By James Baker III, Reuters", "Reuters", [("James Baker III", A, None)]),
    ("By Ahmad Khan-Durrani, Reuters", "Reuters", [("Ahmad Khan-Durrani", A, None)]),
    ("By Chen Chien-kuo, Reuters", "Reuters", [("Chen Chien-kuo", A, None)]),
    ("By Zoë Müller, dpa", "Deutsche Presse-Agentur", [("Zoë Müller", A, None)]),
    # typography
    ("By Layla\u00a0Haddad, Reuters", "Reuters", [("Layla Haddad", A, "Layla\u00a0Haddad")]),
    ("By Mark O\u2019Neill, Reuters", "Reuters", [("Mark O'Neill", A, "Mark O\u2019Neill")]),
    ("  By Layla Haddad, Reuters  ", "Reuters", [("Layla Haddad", A, None)]),
    # roles after the name
    ("Layla Haddad \u2014 Staff Writer", None, [("Layla Haddad", "staff writer", None)]),
    ("Layla Haddad - Staff Reporter", None, [("Layla Haddad", "staff reporter", None)]),
    ("Layla Haddad, Senior Correspondent", None, [("Layla Haddad", "senior correspondent", None)]),
    ("By Layla Haddad, Staff Writer", None, [("Layla Haddad", "staff writer", None)]),
    ("Layla Haddad, Special to The Times", "The Times", [("Layla Haddad", A, None)]),
    (
        "By Layla Haddad, Special to The Washington Post",
        "The Washington Post",
        [("Layla Haddad", A, None)],
    ),
    # several roles in one line
    (
        "By Layla Haddad, with additional reporting by Omar Rashid",
        None,
        [("Layla Haddad", A, None), ("Omar Rashid", AR, None)],
    ),
    (
        "By Layla Haddad; additional reporting by Omar Rashid in Erbil",
        None,
        [("Layla Haddad", A, None), ("Omar Rashid", AR, None)],
    ),
    (
        "By Layla Haddad, Reuters, with additional reporting by Omar Rashid",
        "Reuters",
        [("Layla Haddad", A, None), ("Omar Rashid", AR, None)],
    ),
    # trailing credit lines
    (
        "Reporting by Layla Haddad; Editing by Tom Hale",
        None,
        [("Layla Haddad", R, None), ("Tom Hale", E, None)],
    ),
    (
        "(Reporting by Layla Haddad; Editing by Tom Hale)",
        None,
        [("Layla Haddad", R, None), ("Tom Hale", E, None)],
    ),
    (
        "Reporting by Layla Haddad; Additional reporting by Omar Rashid in Erbil; Editing by Clara Moss and Tom Hale",
        None,
        [
            ("Layla Haddad", R, None),
            ("Omar Rashid", AR, None),
            ("Clara Moss", E, None),
            ("Tom Hale", E, None),
        ],
    ),
    (
        "(Reporting by Layla Haddad; Writing by Omar Rashid; Editing by Clara Moss)",
        None,
        [("Layla Haddad", R, None), ("Omar Rashid", W, None), ("Clara Moss", E, None)],
    ),
    (
        "(Reporting by Layla Haddad in Basra and Peter Ostrowski in Kuwait City; Editing by Clara Moss)",
        None,
        [("Layla Haddad", R, None), ("Peter Ostrowski", R, None), ("Clara Moss", E, None)],
    ),
    (
        "(Reporting by Layla Haddad, Omar Rashid and Tom Hale; Editing by Clara Moss)",
        None,
        [
            ("Layla Haddad", R, None),
            ("Omar Rashid", R, None),
            ("Tom Hale", R, None),
            ("Clara Moss", E, None),
        ],
    ),
    (
        "(Writing by Omar Rashid; editing by Clara Moss)",
        None,
        [("Omar Rashid", W, None), ("Clara Moss", E, None)],
    ),
    ("(Reporting by REUTERS staff; Editing by Clara Moss)", "Reuters", [("Clara Moss", E, None)]),
    (
        "Reporting by Layla Haddad. Editing by Tom Hale.",
        None,
        [("Layla Haddad", R, None), ("Tom Hale", E, None)],
    ),
    (
        "(Reporting and writing by Layla Haddad; Editing by Tom Hale)",
        None,
        [("Layla Haddad", "reporting and writing", None), ("Tom Hale", E, None)],
    ),
    ("(Additional reporting by Omar Rashid)", None, [("Omar Rashid", AR, None)]),
    ("Edited by Clara Moss", None, [("Clara Moss", E, None)]),
    ("Written by Omar Rashid", None, [("Omar Rashid", W, None)]),
    ("Writing by Omar Rashid", None, [("Omar Rashid", W, None)]),
    ("(Compiled by Clara Moss)", None, [("Clara Moss", "compiled", None)]),
    ("Compiled by the Basra Times desk", "Basra Times", []),
    ("Compiled by the Reuters desk", "Reuters", []),
    (
        "(Graphics by Clara Moss; Editing by Tom Hale)",
        None,
        [("Clara Moss", "graphics", None), ("Tom Hale", E, None)],
    ),
    (
        "(Translated by Omar Rashid; Editing by Tom Hale)",
        None,
        [("Omar Rashid", "translation", None), ("Tom Hale", E, None)],
    ),
    (
        "(Reporting by Layla Haddad; Editing by Tom Hale and Clara Moss)",
        None,
        [("Layla Haddad", R, None), ("Tom Hale", E, None), ("Clara Moss", E, None)],
    ),
    (
        "(Reporting by Dara Karimi in Tehran; Writing by Sami Yousef in Dubai; Editing by Alex Roth)",
        None,
        [("Dara Karimi", R, None), ("Sami Yousef", W, None), ("Alex Roth", E, None)],
    ),
    (
        "REPORTING BY LAYLA HADDAD; EDITING BY TOM HALE",
        None,
        [("Layla Haddad", R, "LAYLA HADDAD"), ("Tom Hale", E, "TOM HALE")],
    ),
    # an outlet and a staff title after the name (AP)
    (
        "By JANE DOE, AP Diplomatic Writer",
        "Associated Press",
        [("Jane Doe", "diplomatic writer", "JANE DOE")],
    ),
    (
        "By Omar Haddad, Associated Press Writer",
        "Associated Press",
        [("Omar Haddad", "writer", None)],
    ),
    # outlets and staff without people
    ("Basra Times", "Basra Times", []),
    ("Reuters", "Reuters", []),
    ("The Associated Press", "Associated Press", []),
    ("AFP", "Agence France-Presse", []),
    ("Kurdistan24", "Kurdistan24", []),
    ("Staff", None, []),
    ("Staff reports", None, []),
    ("From wire reports", None, []),
    ("From staff and wire reports", None, []),
    ("By Reuters staff", "Reuters", []),
    ("By the Basra Times staff", "Basra Times", []),
    ("By AFP", "Agence France-Presse", []),
]


@pytest.mark.parametrize(("line", "organization", "people"), CASES, ids=[c[0] for c in CASES])
def test_bylines(
    line: str, organization: str | None, people: list[tuple[str, str, str | None]]
) -> None:
    byline = np.parse_byline(line)
    assert byline is not None
    assert byline.organization == organization
    got = [(a.name, a.role, a.text) for a in byline.authors]
    assert got == [(name, role, surface or name) for name, role, surface in people]
    for author in byline.authors:
        assert line[author.start : author.end] == author.text
    assert line[byline.start : byline.end] == byline.text


NOT_BYLINES = [
    "Protests in Miami",
    "News | Politics",
    "The report was written by the committee on Monday and published by the ministry",
    "Talks by the river ended",
    "Iraq and Kuwait agree to share dredging costs",
    "",
    "   ",
    "By 2030 the port will handle 99 million tonnes",
    "Comissaria Smith, Reuters said",
    "the Bahia cocoa zone, alleviating the drought since early",
    "Shares rose 5 pct, analysts said",
]


@pytest.mark.parametrize("line", NOT_BYLINES)
def test_not_bylines(line: str) -> None:
    assert np.parse_byline(line) is None


@pytest.mark.parametrize(
    ("written", "recased"),
    [
        ("JOHN SMITH", "John Smith"),
        ("john smith", "John Smith"),
        ("John Smith", "John Smith"),
        ("Mohamed ElBaradei", "Mohamed ElBaradei"),
        ("TED D'AFFLISIO", "Ted D'Afflisio"),
        ("GREG MCCUNE", "Greg McCune"),
        ("GREG McCUNE", "Greg McCune"),
        ("Ann McCune", "Ann McCune"),
        ("JOHN SMITH Jr.", "John Smith Jr."),
        ("SABAH AL-AKILI", "Sabah al-Akili"),
        ("AL-AKILI", "Al-Akili"),
        ("PIETER VAN DER BERG", "Pieter van der Berg"),
        ("JAMES A. BAKER III", "James A. Baker III"),
        ("R.J. PEEK", "R.J. Peek"),
        ("ROBERT E. LEE JR.", "Robert E. Lee Jr."),
        ("ANA DE LA CRUZ", "Ana de la Cruz"),
        ("HAMID BIN RASHID", "Hamid bin Rashid"),
        ("JEAN-LOUP FIEVET", "Jean-Loup Fievet"),
    ],
)
def test_recasing(written: str, recased: str) -> None:
    assert recase(written, DEFAULT_WORDS) == recased


ARTICLE = """\
Iraq and Kuwait agree on channel
By Layla Haddad and PETER OSTROWSKI, Reuters

BASRA, Iraq, March 4 (Reuters) - Iraq and Kuwait agreed on Tuesday to split costs.

The deal ends a year of delays, officials said.

(Reporting by Layla Haddad in Basra; Additional reporting by Sami Yousef in Baghdad; Editing by Clara Moss)
"""


def test_byline_and_credits_in_an_article() -> None:
    article = np.parse(ARTICLE, reference_date="2025-03-05")
    byline = article.byline
    assert byline is not None
    assert byline.text == "By Layla Haddad and PETER OSTROWSKI, Reuters"
    assert [(a.name, a.text) for a in byline.authors] == [
        ("Layla Haddad", "Layla Haddad"),
        ("Peter Ostrowski", "PETER OSTROWSKI"),
    ]
    assert byline.organization == "Reuters"
    (credit,) = article.credits
    assert [(a.name, a.role) for a in credit.authors] == [
        ("Layla Haddad", R),
        ("Sami Yousef", AR),
        ("Clara Moss", E),
    ]
    for item in article.spans():
        if hasattr(item, "text"):
            assert ARTICLE[item.start : item.end] == item.text


def test_wire_author_line_between_title_and_dateline() -> None:
    text = "BAHRAIN RAISES OIL OUTPUT\nBy Layla Haddad, Reuters\nMANAMA, March 3 - Bahrain said\nit would raise output.\n Reuter\n"
    article = np.parse(text, reference_date="1987-03-03")
    assert article.byline is not None
    assert [a.name for a in article.byline.authors] == ["Layla Haddad"]
    assert article.dateline is not None
    assert article.dateline.place == "MANAMA"
    assert article.credits == ()


SERVICE_LINES = [
    # (head of an article, byline text, organization, [(name, role)])
    (
        "Port talks stall\nBy LAYLA HADDAD\nc.2024 N.Y. Times News Service\n\nBASRA, Iraq _ Talks stalled.",
        "By LAYLA HADDAD\nc.2024 N.Y. Times News Service",
        "The New York Times",
        [("Layla Haddad", A)],
    ),
    (
        "By OMAR HADDAD\nAssociated Press Writer\nCAIRO, Egypt (AP) _ Egypt's cabinet met.",
        "By OMAR HADDAD\nAssociated Press Writer",
        "Associated Press",
        [("Omar Haddad", "writer")],
    ),
    (
        "By SAMI YOUSEF and CLARA MOSS\nSpecial to the Washington Post\nBEIRUT -- The talks went on.",
        "By SAMI YOUSEF and CLARA MOSS\nSpecial to the Washington Post",
        "The Washington Post",
        [("Sami Yousef", A), ("Clara Moss", A)],
    ),
    (
        "&UR; By TOM HALE &QL;\n&UR; New York Times News Service &QL;\nWASHINGTON _ The Senate voted.",
        "By TOM HALE &QL;\n&UR; New York Times News Service",
        "The New York Times",
        [("Tom Hale", A)],
    ),
    # a staff title, a comma, the outlet (the BBC's and the Guardian's web pages)
    (
        "Port strike looms\n\nBy Layla Haddad\nBusiness reporter, BBC News\n\nDockers voted.",
        "By Layla Haddad\nBusiness reporter, BBC News",
        "BBC",
        [("Layla Haddad", "business reporter")],
    ),
    (
        "Port strike looms\n\nBy Layla Haddad\nBBC Wales business correspondent\n\nDockers voted.",
        "By Layla Haddad\nBBC Wales business correspondent",
        "BBC",
        [("Layla Haddad", "business correspondent")],
    ),
    (
        "By Layla Haddad\nLondon, Reuters\n\nDockers voted.",
        "By Layla Haddad",
        None,
        [("Layla Haddad", A)],
    ),
    # a staff title alone under the byline gives the author's role
    (
        "Port strike looms\n\nBY LAYLA HADDAD\nStaff Writer\n\nDockers voted.",
        "BY LAYLA HADDAD\nStaff Writer",
        None,
        [("Layla Haddad", "staff writer")],
    ),
    # a bar or a bullet after the byline: an outlet, or a page's date
    (
        "Port strike looms\n\nLayla Haddad | Reuters\n\nDockers voted.",
        "Layla Haddad | Reuters",
        "Reuters",
        [("Layla Haddad", A)],
    ),
    (
        "Port strike looms\n\nBy Layla Haddad \u2022 Published Dec 3, 2024\n\nDockers voted.",
        "By Layla Haddad \u2022 Published Dec 3, 2024",
        None,
        [("Layla Haddad", A)],
    ),
    # the next line is prose, or the dateline: no service line
    (
        "By Layla Haddad\nThe talks went on, officials said.",
        "By Layla Haddad",
        None,
        [("Layla Haddad", A)],
    ),
    (
        "By Layla Haddad\nBAGHDAD (Reuters) - Talks went on.",
        "By Layla Haddad",
        None,
        [("Layla Haddad", A)],
    ),
]


@pytest.mark.parametrize(
    ("text", "written", "organization", "people"),
    SERVICE_LINES,
    ids=[row[1].replace("\n", " / ") for row in SERVICE_LINES],
)
def test_a_service_line_under_the_byline_names_its_outlet(
    text: str, written: str, organization: str | None, people: list[tuple[str, str]]
) -> None:
    article = np.parse(text)
    byline = article.byline
    assert byline is not None
    assert (byline.text, byline.organization) == (written, organization)
    assert [(a.name, a.role) for a in byline.authors] == people
    assert text[byline.start : byline.end] == byline.text
    # The people of the byline are the article's people, named as the byline recased them.
    names = {e.name for e in article.entities if e.type is np.EntityType.PERSON}
    assert {name for name, _ in people} <= names


def test_no_byline_in_an_article_without_one() -> None:
    text = "Markets rose.\n\nTraders said the rally was broad, led by banks."
    article = np.parse(text)
    assert article.byline is None
    assert article.credits == ()


def test_a_scraped_exports_outlet_stands_as_the_byline() -> None:
    text = "date 2024-11-03 Basra Times/ The port reopened on Sunday."
    article = np.parse(text)
    assert article.byline is not None
    assert (article.byline.text, article.byline.organization, article.byline.authors) == (
        "Basra Times",
        "Basra Times",
        (),
    )


def test_a_prose_line_with_by_is_not_a_credit() -> None:
    text = "Talks resumed.\n\nThe plan was drafted by the ministry and approved by parliament on Monday."
    assert np.parse(text).credits == ()


def test_seed_byline(seed_text: str, seed_expected: dict[str, object]) -> None:
    article = np.parse(seed_text)
    gold = seed_expected["byline"]
    assert isinstance(gold, dict)
    assert article.byline is None or not article.byline.authors
    outlet = article.byline.organization if article.byline else None
    dateline_outlet = article.dateline.outlet if article.dateline else None
    assert gold["organization"] in (outlet, dateline_outlet)


def test_a_scraped_date_line_without_an_outlet_gives_no_byline() -> None:
    # "date ..." opens a scraped export's dateline; here no outlet follows it.
    text = "ACME CORP 3RD QTR NET\ndate 2025-01-08 DENVER, Oct 20 - Shr 1.18 dlrs"
    article = np.parse(text, reference_date="2025-01-08")
    assert article.byline is None
    assert article.dateline is not None
    assert article.dateline.outlet is None


NAME_LINES = [
    # (head of an article, byline text or None, [names])
    (
        "Ministers back farm aid plan.\nLayla Haddad\nBRUSSELS 1996-08-22\nEU farm ministers agreed.",
        "Layla Haddad",
        ["Layla Haddad"],
    ),
    (
        "Ministers back farm aid plan.\nTOM HALE\nBRUSSELS 1996-08-22\nEU farm ministers agreed.",
        "TOM HALE",
        ["Tom Hale"],
    ),
    (
        "Ministers back farm aid plan.\nSami Yousef and Clara Moss\nBRUSSELS\nEU farm ministers agreed.",
        "Sami Yousef and Clara Moss",
        ["Sami Yousef", "Clara Moss"],
    ),
    # a line that is no name, or a name that does not open with a given name: a deck
    (
        "Ministers back farm aid plan.\nMarket report\nBRUSSELS 1996-08-22\nMinisters agreed.",
        None,
        [],
    ),
    (
        "Ministers back farm aid plan.\nSummit Diary\nBRUSSELS 1996-08-22\nMinisters agreed.",
        None,
        [],
    ),
    # the line before the dateline is the headline
    ("Layla Haddad wins again\nBRUSSELS 1996-08-22\nThe race ended.", None, []),
]


@pytest.mark.parametrize(("text", "written", "names"), NAME_LINES, ids=[r[0] for r in NAME_LINES])
def test_a_line_of_names_before_the_dateline_is_the_byline(
    text: str, written: str | None, names: list[str]
) -> None:
    article = np.parse(text, reference_date="1996-08-22")
    assert article.dateline is not None
    byline = article.byline
    assert (None if byline is None else byline.text) == written
    assert ([a.name for a in byline.authors] if byline else []) == names
    if byline is not None:
        kinds = {text[p.start : p.end]: p.kind for p in article.paragraphs}
        assert kinds[byline.text] is np.ParagraphKind.BYLINE


ROLE_LINES = [
    # (text, the byline's people with roles, the entity the name line gives)
    (
        "Ministers face farm revolt\n\nLayla Haddad in Kyiv\n\nMinisters met.",
        [("Layla Haddad", "author")],
        "Layla Haddad",
    ),
    (
        "Ministers face farm revolt\n\nBy Layla Haddad and agencies\n\nMinisters met.",
        [("Layla Haddad", "author")],
        "Layla Haddad",
    ),
    (
        "Ministers face farm revolt\n\nLayla Haddad, Political Editor\n\nMinisters met.",
        [("Layla Haddad", "political editor")],
        "Layla Haddad",
    ),
    (
        "Ministers face farm revolt\n\nLayla Haddad Political correspondent\n\nMinisters met.",
        [("Layla Haddad", "political correspondent")],
        "Layla Haddad",
    ),
    (
        "Ministers face farm revolt\n\nOmar Rashid Deputy political editor\n\nMinisters met.",
        [("Omar Rashid", "deputy political editor")],
        "Omar Rashid",
    ),
    # a two-word name the given-name lists lack, before a role of two words or more
    (
        "Judge blocks transfer flights\n\nZubair Velani Legal affairs correspondent\n\n"
        "A judge ruled.",
        [("Zubair Velani", "legal affairs correspondent")],
        "Zubair Velani",
    ),
    (
        "Judge blocks transfer flights\n\nLatest Today Legal correspondent\n\nA judge ruled.",
        [],
        None,
    ),
    # a line that does not open with a given name, or ends in no staff title: no byline
    ("Ministers face farm revolt\n\nSummit Diary Special edition\n\nMinisters met.", [], None),
    ("Ministers face farm revolt\n\nLayla Haddad Political views\n\nMinisters met.", [], None),
]


@pytest.mark.parametrize(
    ("text", "people", "entity"), ROLE_LINES, ids=[r[0][28:50] for r in ROLE_LINES]
)
def test_a_name_and_role_line_under_the_headline_is_the_byline(
    text: str, people: list[tuple[str, str]], entity: str | None
) -> None:
    article = np.parse(text)
    byline = article.byline
    assert ([(a.name, a.role) for a in byline.authors] if byline else []) == people
    if entity is not None:
        assert entity in {e.name for e in article.entities}
        assert not any(e.name.startswith(entity + " ") for e in article.entities)


TRAILERS = [
    # (the story's last line, organization, [(name, role)])
    ("Amanda Reyes contributed reporting.", None, [("Amanda Reyes", "reporting")]),
    (
        "Layla Haddad and Omar Rashid contributed to this report.",
        None,
        [("Layla Haddad", "reporting"), ("Omar Rashid", "reporting")],
    ),
    ("Staff writer Jane Doe contributed reporting from Paris.", None, [("Jane Doe", "reporting")]),
    ("The Associated Press contributed to this report.", "Associated Press", []),
    ("Follow Ian Hale on Twitter @ianhale.", None, [("Ian Hale", "author")]),
    # a service's writers, with a desk and a place: the service apart from the people
    (
        "AP Science Writer Dana Roe contributed to this report.",
        "Associated Press",
        [("Dana Roe", "reporting")],
    ),
    (
        "Associated Press writers Dana Roe in Tucson and Omar Rashid in Mesa contributed.",
        "Associated Press",
        [("Dana Roe", "reporting"), ("Omar Rashid", "reporting")],
    ),
    # a credit line of a short story, below the dateline: a credit, not the byline
    (
        "(Additional reporting by Sami Yousef; Editing by Clara Moss)",
        None,
        [("Sami Yousef", "additional reporting"), ("Clara Moss", "editing")],
    ),
]


@pytest.mark.parametrize(("line", "organization", "people"), TRAILERS, ids=[r[0] for r in TRAILERS])
def test_credit_trailers(
    line: str, organization: str | None, people: list[tuple[str, str]]
) -> None:
    text = (
        f"WASHINGTON (AP) _ The Senate voted on Tuesday.\n\nThe bill goes to the House.\n\n{line}"
    )
    article = np.parse(text)
    assert article.byline is None
    (credit,) = article.credits
    assert credit.text == line
    assert credit.organization == organization
    assert [(a.name, a.role) for a in credit.authors] == people


def test_a_services_writer_in_a_credit_is_a_person_entity_without_the_service() -> None:
    text = (
        "WASHINGTON (AP) _ The Senate voted on Tuesday.\n\n"
        "AP Economics Writer Dana Roe contributed to this report."
    )
    entities = {e.name: e.type for e in np.parse(text).entities}
    assert entities.get("Dana Roe") is np.EntityType.PERSON
    assert not [name for name in entities if "Writer" in name]


@pytest.mark.parametrize(
    "line",
    ["Many voters contributed to this result.", "Follow the money, she said.", "They contributed."],
)
def test_prose_at_the_end_is_no_credit(line: str) -> None:
    text = (
        f"WASHINGTON (AP) _ The Senate voted on Tuesday.\n\nThe bill goes to the House.\n\n{line}"
    )
    assert np.parse(text).credits == ()
