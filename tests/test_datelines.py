"""Datelines: every supported style, the ones that are not datelines, and the year rule."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Container

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsparse as np
from newsparse._lexicon.outlets import Outlet, OutletTable
from newsparse._stages.datelines import resolve_month_day

REF = dt.date(2025, 1, 9)

# (line, dateline text, place, date, outlet); the reference date is REF.
DATELINES = [
    # wire
    ("NEW YORK, March 26 - Stocks fell", "NEW YORK, March 26 -", "NEW YORK", "2024-03-26", None),
    (
        "ROSEMONT, ILL., March 16 - The company",
        "ROSEMONT, ILL., March 16 -",
        "ROSEMONT, ILL.",
        "2024-03-16",
        None,
    ),
    (
        "BAGHDAD, Jan 8 (Reuters) - Iraq's",
        "BAGHDAD, Jan 8 (Reuters) -",
        "BAGHDAD",
        "2025-01-08",
        "Reuters",
    ),
    ("LONDON (Reuters) - Britain's", "LONDON (Reuters) -", "LONDON", None, "Reuters"),
    (
        "WASHINGTON (AP) \u2014 The Senate",
        "WASHINGTON (AP) \u2014",
        "WASHINGTON",
        None,
        "Associated Press",
    ),
    (
        "PARIS, 8 janv (AFP) - La",
        "PARIS, 8 janv (AFP) -",
        "PARIS",
        "2025-01-08",
        "Agence France-Presse",
    ),
    (
        "BEIRUT, Lebanon (AP) \u2014 Israeli",
        "BEIRUT, Lebanon (AP) \u2014",
        "BEIRUT, Lebanon",
        None,
        "Associated Press",
    ),
    (
        "CAIRO, Jan. 5 (AP) -- Egypt",
        "CAIRO, Jan. 5 (AP) --",
        "CAIRO",
        "2025-01-05",
        "Associated Press",
    ),
    (
        "AMMAN, Jordan, Dec. 30 \u2013 Jordan's",
        "AMMAN, Jordan, Dec. 30 \u2013",
        "AMMAN, Jordan",
        "2024-12-30",
        None,
    ),
    (
        "Ankara, December 28 (Reuters) - Turkey",
        "Ankara, December 28 (Reuters) -",
        "Ankara",
        "2024-12-28",
        "Reuters",
    ),
    ("DOHA, Sept. 14 - Qatar", "DOHA, Sept. 14 -", "DOHA", "2024-09-14", None),
    ("TOKYO, JAN 9 - The yen", "TOKYO, JAN 9 -", "TOKYO", "2025-01-09", None),
    (
        "WINSTON-SALEM, N.C., March 2 - R.J.",
        "WINSTON-SALEM, N.C., March 2 -",
        "WINSTON-SALEM, N.C.",
        "2024-03-02",
        None,
    ),
    (
        "COEUR D'ALENE, Idaho, March 2 - Silver",
        "COEUR D'ALENE, Idaho, March 2 -",
        "COEUR D'ALENE, Idaho",
        "2024-03-02",
        None,
    ),
    ("THE HAGUE, Nov 4 - Dutch", "THE HAGUE, Nov 4 -", "THE HAGUE", "2024-11-04", None),
    (
        "RIO DE JANEIRO, Feb 26 - Brazil's",
        "RIO DE JANEIRO, Feb 26 -",
        "RIO DE JANEIRO",
        "2024-02-26",
        None,
    ),
    (
        "Rio de Janeiro, Feb 26 - Brazil's",
        "Rio de Janeiro, Feb 26 -",
        "Rio de Janeiro",
        "2024-02-26",
        None,
    ),
    (
        "GRONINGEN, the Netherlands, March 31 - Gas",
        "GRONINGEN, the Netherlands, March 31 -",
        "GRONINGEN, the Netherlands",
        "2024-03-31",
        None,
    ),
    ("JOHANNESBURG March 13 - Gold", "JOHANNESBURG March 13 -", "JOHANNESBURG", "2024-03-13", None),
    (
        "RICHMOND, Va. Feb 26 - Tobacco",
        "RICHMOND, Va. Feb 26 -",
        "RICHMOND, Va.",
        "2024-02-26",
        None,
    ),
    ("MONTREAL, Feb 26- Canada's", "MONTREAL, Feb 26-", "MONTREAL", "2024-02-26", None),
    ("NEW YORK , March 5 - Bonds", "NEW YORK , March 5 -", "NEW YORK", "2024-03-05", None),
    ("omaha, april 7 - Cattle", "omaha, april 7 -", "omaha", "2024-04-07", None),
    ("AMSTERDAM, 2 March - Dutch", "AMSTERDAM, 2 March -", "AMSTERDAM", "2024-03-02", None),
    (
        "WASHINGTON, March 12, Reuter - The",
        "WASHINGTON, March 12, Reuter -",
        "WASHINGTON",
        "2024-03-12",
        "Reuters",
    ),
    (
        "KANSAS CITY, Mo. - March 13 - Wheat",
        "KANSAS CITY, Mo. - March 13 -",
        "KANSAS CITY, Mo.",
        "2024-03-13",
        None,
    ),
    ("CHICAGO, March 4, - Soybeans", "CHICAGO, March 4, -", "CHICAGO", "2024-03-04", None),
    ("ATLANTA, Apri 1 - Coca-Cola", "ATLANTA, Apri 1 -", "ATLANTA", "2024-04-01", None),
    ("APRIL 7 - Grain", "APRIL 7 -", None, "2024-04-07", None),
    (
        "****SANTO DOMINGO, March 4 - Sugar",
        "SANTO DOMINGO, March 4 -",
        "SANTO DOMINGO",
        "2024-03-04",
        None,
    ),
    (
        "KABUL, Afghanistan (Jan. 25, 2013)",
        "KABUL, Afghanistan (Jan. 25, 2013)",
        "KABUL, Afghanistan",
        "2013-01-25",
        None,
    ),
    (
        "KABUL, Afghanistan (Sept. 1) - An Afghan",
        "KABUL, Afghanistan (Sept. 1) -",
        "KABUL, Afghanistan",
        "2024-09-01",
        None,
    ),
    (
        "HELMAND PROVINCE, Afghanistan \u2013 Afghan",
        "HELMAND PROVINCE, Afghanistan \u2013",
        "HELMAND PROVINCE, Afghanistan",
        None,
        None,
    ),
    ("TOKYO - The dollar rose", "TOKYO -", "TOKYO", None, None),
    (
        "MOSUL, Iraq, May 3, 2017 (AP) - Troops",
        "MOSUL, Iraq, May 3, 2017 (AP) -",
        "MOSUL, Iraq",
        "2017-05-03",
        "Associated Press",
    ),
    # agency prefixes
    ("Baghdad-INA", "Baghdad-INA", "Baghdad", None, "Iraqi News Agency"),
    ("Baghdad-INA - The cabinet", "Baghdad-INA -", "Baghdad", None, "Iraqi News Agency"),
    ("Erbil (Kurdistan24) - The Kurdistan", "Erbil (Kurdistan24) -", "Erbil", None, "Kurdistan24"),
    ("(Rudaw) - Iraqi forces", "(Rudaw) -", None, None, "Rudaw"),
    ("TEHRAN (IRNA) - Iran's", "TEHRAN (IRNA) -", "TEHRAN", None, "Islamic Republic News Agency"),
    (
        "SULAIMANI (Basra Herald) - Officials",
        "SULAIMANI (Basra Herald) -",
        "SULAIMANI",
        None,
        "Basra Herald",
    ),
    ("Kirkuk (Reutersd) - Oil", "Kirkuk (Reutersd) -", "Kirkuk", None, "Reuters"),
    # scraped exports
    (
        "date 2024-11-03 Basra Times/ The port",
        "date 2024-11-03 Basra Times/",
        None,
        "2024-11-03",
        "Basra Times",
    ),
    (
        "  date 2024-11-03 Kurdistan24/ Text",
        "date 2024-11-03 Kurdistan24/",
        None,
        "2024-11-03",
        "Kurdistan24",
    ),
    (
        "2024-11-03 | Al Jazeera | Doha",
        "2024-11-03 | Al Jazeera |",
        None,
        "2024-11-03",
        "Al Jazeera",
    ),
    ("2024-11-03T08:15:00+03:00", "2024-11-03T08:15:00+03:00", None, "2024-11-03", None),
    ("2024-11-03 21:40 UTC", "2024-11-03 21:40 UTC", None, "2024-11-03", None),
    # typography
    (
        "BAGHDAD,\u00a0Jan\u00a08 (Reuters)\u00a0\u2013 Iraq",
        "BAGHDAD,\u00a0Jan\u00a08 (Reuters)\u00a0\u2013",
        "BAGHDAD",
        "2025-01-08",
        "Reuters",
    ),
    # a place in capitals and an ISO date, alone on the line
    ("OSLO 1997-03-14\nNorway's central bank", "OSLO 1997-03-14", "OSLO", "1997-03-14", None),
    (
        "GENOA, Italy 1997-05-02\nThe port",
        "GENOA, Italy 1997-05-02",
        "GENOA, Italy",
        "1997-05-02",
        None,
    ),
    ("OSLO 1997-03-14 - Norway's central bank", "OSLO 1997-03-14 -", "OSLO", "1997-03-14", None),
    # the underscore for a dash of AP and the New York Times News Service
    (
        "CAIRO, Egypt (AP) _ Egypt's president",
        "CAIRO, Egypt (AP) _",
        "CAIRO, Egypt",
        None,
        "Associated Press",
    ),
    ("WASHINGTON _ The Senate voted", "WASHINGTON _", "WASHINGTON", None, None),
    (
        "NAIROBI, Kenya, Jan. 6 (AP) _ Kenyan police",
        "NAIROBI, Kenya, Jan. 6 (AP) _",
        "NAIROBI, Kenya",
        "2025-01-06",
        "Associated Press",
    ),
    # AFP's numeric month and day before the agency
    (
        "LYON 1-7 (AFP) - French rail workers",
        "LYON 1-7 (AFP) -",
        "LYON",
        "2025-01-07",
        "Agence France-Presse",
    ),
    (
        "GENEVA, 12-29 (AFP) - The talks",
        "GENEVA, 12-29 (AFP) -",
        "GENEVA",
        "2024-12-29",
        "Agence France-Presse",
    ),
    # UPI and the South Asian agencies: a colon, or prose straight after the agency
    (
        "NEW YORK, Nov. 19 (UPI) — The mayor",
        "NEW YORK, Nov. 19 (UPI) —",
        "NEW YORK",
        "2024-11-19",
        "United Press International",
    ),
    (
        "NEW DELHI (ANI): The government on Monday",
        "NEW DELHI (ANI):",
        "NEW DELHI",
        None,
        "Asian News International",
    ),
    (
        "ISLAMABAD, Jan 4 (APP): Prime Minister",
        "ISLAMABAD, Jan 4 (APP):",
        "ISLAMABAD",
        "2025-01-04",
        "Associated Press of Pakistan",
    ),
    (
        "MUMBAI, Jan 5 (PTI) The city's civic body",
        "MUMBAI, Jan 5 (PTI)",
        "MUMBAI",
        "2025-01-05",
        "Press Trust of India",
    ),
    # wire layout codes around the dateline
    ("&UR; WASHINGTON _ The Senate &QL;", "WASHINGTON _", "WASHINGTON", None, None),
    # place only, known by its qualifier, or with a sentence running on after the dash
    ("CONCORD, N.H. - Voters lined up early.", "CONCORD, N.H. -", "CONCORD, N.H.", None, None),
    (
        "LAKEVIEW - When the mill closed, the town lost its biggest employer in a decade.",
        "LAKEVIEW -",
        "LAKEVIEW",
        None,
        None,
    ),
    # a place of three words the tables know, before an ISO date on its own line
    (
        "RIO DE JANEIRO 1996-08-22\nResults of the matches.",
        "RIO DE JANEIRO 1996-08-22",
        "RIO DE JANEIRO",
        "1996-08-22",
        None,
    ),
    # an outlet of the table and a slash (a scraped export without its date)
    ("Shafaq News/ The ministry said.", "Shafaq News/ ", None, None, "Shafaq News"),
    # a place in title case with its country or state (Al Jazeera, CNN)
    (
        "Kabul, Afghanistan \u2013 A bomb killed five people, police said.",
        "Kabul, Afghanistan \u2013",
        "Kabul, Afghanistan",
        None,
        None,
    ),
    ("Atlanta, Ga. - Storms hit the city overnight.", "Atlanta, Ga. -", "Atlanta, Ga.", None, None),
    # an em dash touching the story's first word
    ("BOSTON \u2014Standing before a crowd, she spoke.", "BOSTON \u2014", "BOSTON", None, None),
    # a date and a colon opening the first line (operational updates)
    ("Dec. 6: Operations in Kandahar province", "Dec. 6:", None, "2024-12-06", None),
    # a known place alone on its line, prose on the next
    ("BANGKOK\nPolice launched a manhunt on Thursday.", "BANGKOK", "BANGKOK", None, None),
    ("NEW YORK\nShares rose in early trade.", "NEW YORK", "NEW YORK", None, None),
    # a place-only dateline with a word that makes the name a place
    (
        "KANDAHAR PROVINCE - Afghan forces cleared a road.",
        "KANDAHAR PROVINCE -",
        "KANDAHAR PROVINCE",
        None,
        None,
    ),
    # the country in square brackets and a colon (ANI); a full stop before the dash
    # (EFE); the agency between slashes (TASS); an ordinal day before the month (WAM);
    # the agency after the place without brackets (IRNA); a place in capitals and a
    # colon (Pakistani and Indian papers)
    (
        "New Delhi [India], December 3 (ANI): The cabinet met.",
        "New Delhi [India], December 3 (ANI):",
        "New Delhi [India]",
        "2024-12-03",
        "Asian News International",
    ),
    (
        "Madrid, Dec 3 (EFE).- The cabinet met.",
        "Madrid, Dec 3 (EFE).-",
        "Madrid",
        "2024-12-03",
        "Agencia EFE",
    ),
    (
        "MOSCOW, December 3. /TASS/. The ministry said.",
        "MOSCOW, December 3. /TASS/.",
        "MOSCOW",
        "2024-12-03",
        "TASS",
    ),
    (
        "ABU DHABI, 3rd December, 2024 (WAM) -- The council met.",
        "ABU DHABI, 3rd December, 2024 (WAM) --",
        "ABU DHABI",
        "2024-12-03",
        "Emirates News Agency",
    ),
    (
        "Tehran, IRNA - The minister said.",
        "Tehran, IRNA -",
        "Tehran",
        None,
        "Islamic Republic News Agency",
    ),
    ("LAHORE: The provincial cabinet met.", "LAHORE:", "LAHORE", None, None),
    # a scraped export's date before a wire dateline
    (
        "date 2025-01-08 DENVER, Jan 7 - Shr 1.18 dlrs",
        "date 2025-01-08 DENVER, Jan 7 -",
        "DENVER",
        "2025-01-07",
        None,
    ),
]


@pytest.mark.parametrize(
    ("line", "text", "place", "date", "outlet"), DATELINES, ids=[row[1] for row in DATELINES]
)
def test_dateline_styles(
    line: str, text: str, place: str | None, date: str | None, outlet: str | None
) -> None:
    dateline = np.parse_dateline(line, reference_date=REF)
    assert dateline is not None
    assert (dateline.text, dateline.place, dateline.outlet) == (text, place, outlet)
    assert (dateline.date.isoformat() if dateline.date else None) == date
    assert line[dateline.start : dateline.end] == dateline.text


NOT_DATELINES = [
    "AC/DC played in Sydney.",
    "BREAKING: The cabinet met.",
    "Lahore: a city of gardens",
    "Kessel Weekly/ The ministry said.",
    "Jordan, Egypt - talks went on late into the night.",
    "Harlan, Tarsk - a profile of the town and its people.",
    "WASHINGTON officials said on Monday that",
    "BY THE WAY",
    "By Jane Doe, Reuters",
    "BY TOM HALE, REUTERS",
    "ECONOMIC SPOTLIGHT - PARIS BOURSE REFORM",
    "Regional Command - East",
    "Iraq and Kuwait agree to share dredging costs",
    "Al-Sudani said the talks - the first in years - went well",
    "(CORRECTED) - NEW YORK, March 3 - The",
    "CHAVIN RAISES STAKE IN MYERS (MYR)",
    "SYRIA SEEKING WHITE SUGAR ON APRIL 8 - TRADERS",
    "BRITISH TELECOM 3RD QTR ENDED DEC 31",
    "Pay 1 May",
    "UNITED-GUARDIAN <UG> SETS DIVIDEND",
    "(Reporting by Jane Doe; Editing by Tom Hale)",
    "The meeting (AP) said nothing",
    "",
    "   ",
    "-",
    "2013-01-S-025",
    "Updated 2025-01-08",
    "Posted on 2025-01-08",
    "OSLO 1997-03-14 was the date of the vote",
    "LONDON 3-4 FOR UNITED",
    "PARIS (CORRECTED) The",
    "The bill passed 52-48 (with two absent) on Friday",
    "Wanted_ list",
    # a time after a date, a colon with no space after it
    "Dec. 6:30 p.m. update",
    # a headline's slug is no place, and a slug of an unknown word needs a sentence after it
    "LAKEVIEW - Mill closes",
    "RESEARCH ALERT - Broker starts coverage of a phone company",
    "SOCCER - Rovers sign a striker from City",
    # a line in capitals alone is a place only when the tables know it, and prose follows
    "MARKET REPORT\nShares rose in early trade.",
    "BANGKOK\nPOLICE HUNT ESCAPED PRISONER",
]


@pytest.mark.parametrize("line", NOT_DATELINES)
def test_not_datelines(line: str) -> None:
    assert np.parse_dateline(line, reference_date=REF) is None


@pytest.mark.parametrize(
    ("month", "day", "reference", "expected"),
    [
        (1, 8, dt.date(2025, 1, 8), dt.date(2025, 1, 8)),
        (12, 31, dt.date(2025, 1, 2), dt.date(2024, 12, 31)),
        (1, 2, dt.date(2024, 12, 30), dt.date(2025, 1, 2)),  # within a month's slack
        (3, 16, dt.date(2025, 1, 9), dt.date(2024, 3, 16)),
        (2, 29, dt.date(2025, 3, 1), dt.date(2024, 2, 29)),
        (2, 29, dt.date(2023, 3, 1), None),
        (1, 8, None, None),
    ],
)
def test_year_from_the_reference_date(
    month: int, day: int, reference: dt.date | None, expected: dt.date | None
) -> None:
    assert resolve_month_day(month, day, reference) == expected


def test_no_reference_date_means_no_date_unless_the_dateline_has_a_year() -> None:
    undated = np.parse_dateline("BAGHDAD, Jan 8 (Reuters) -")
    dated = np.parse_dateline("MOSUL, May 3, 2017 (AP) -")
    assert undated is not None
    assert undated.date is None
    assert dated is not None
    assert dated.date == dt.date(2017, 5, 3)


def test_dateline_after_title_and_byline_in_parse() -> None:
    text = (
        "Iraq and Kuwait agree on channel\n"
        "By Layla Haddad, Reuters\n"
        "BASRA, Iraq, March 4 (Reuters) - Iraq and Kuwait agreed on Tuesday to split costs.\n"
    )
    article = np.parse(text, reference_date=dt.date(2025, 3, 5))
    dateline = article.dateline
    assert dateline is not None
    assert dateline.text == "BASRA, Iraq, March 4 (Reuters) -"
    assert text[dateline.start : dateline.end] == dateline.text
    assert (dateline.place, dateline.outlet) == ("BASRA, Iraq", "Reuters")
    assert article.published == dt.date(2025, 3, 4)


ARTICLE_HEADS = [
    # (article text, dateline text, byline's people): the furniture above a dateline
    # a New York Times News Service story: slug, headline, desk code, byline, service
    (
        "BC-DAM-REPAIRS-NYT\nDAM REPAIRS FALL BEHIND\n(bl)\nBy JANE ROE\n"
        "c.1997 N.Y. Times News Service\n   DENVER _ Repairs to the dam fell behind.",
        "DENVER _",
        ["Jane Roe"],
    ),
    # the New York Times on the web: a place line under the byline
    (
        "Dam Repairs Fall Behind\n\nBy Jane Roe and Omar Rashid\nReporting from Kyiv, Ukraine\n\n"
        "Repairs to the dam fell behind, officials said on Sunday.",
        "Reporting from Kyiv, Ukraine",
        ["Jane Roe", "Omar Rashid"],
    ),
    # an AP story with a writethru slug and a continuation mark at its end
    (
        "AM-Dam-Repairs, 1st Ld-Writethru\nDam repairs fall behind\nBy JANE ROE\n"
        "Associated Press Writer\n\nDENVER (AP) _ Repairs to the dam fell behind.\n(MORE)",
        "DENVER (AP) _",
        ["Jane Roe"],
    ),
]


@pytest.mark.parametrize(("text", "dateline", "people"), ARTICLE_HEADS)
def test_dateline_below_wire_furniture(text: str, dateline: str, people: list[str]) -> None:
    article = np.parse(text)
    assert article.dateline is not None
    assert article.dateline.text == dateline
    assert article.byline is not None
    assert [a.name for a in article.byline.authors] == people


def test_a_reporting_from_line_gives_the_place_when_the_tables_know_it() -> None:
    text = "Storm hits coast\n\nBy Jane Roe\nReporting from Kyiv, Ukraine\n\nThe storm hit."
    dateline = np.parse(text).dateline
    assert dateline is not None
    assert dateline.place == "Kyiv, Ukraine"
    assert text[dateline.start : dateline.end] == dateline.text
    unknown = "Storm hits coast\n\nBy Jane Roe\nReporting from the border\n\nThe storm hit."
    assert np.parse(unknown).dateline is None


def test_a_pages_date_line_gives_the_datelines_year() -> None:
    text = (
        "Storm shuts port\nUpdated 6:42 PM EST, Tue March 11, 2025\n\n"
        "CHICAGO, March 10 - The port shut on Monday."
    )
    article = np.parse(text)
    assert article.published == dt.date(2025, 3, 10)
    assert article.date_source is not None
    assert article.date_source.year is np.DateOrigin.TEXT
    assert article.date_source.evidence is not None
    assert article.date_source.evidence.text == "Updated 6:42 PM EST, Tue March 11, 2025"
    assert not [e for e in article.entities if e.name in ("PM", "EST", "Est", "Updated")]


def test_a_dated_dateline_wins_over_the_reference_date() -> None:
    article = np.parse("CAIRO, Jan. 5 (AP) -- Egypt said.", reference_date="2025-01-09")
    assert article.published == dt.date(2025, 1, 5)
    undated = np.parse("CAIRO (AP) -- Egypt said.", reference_date="2025-01-09")
    assert undated.dateline is not None
    assert undated.dateline.date is None
    assert undated.published == dt.date(2025, 1, 9)


def test_a_headline_dash_is_not_taken_before_the_real_dateline() -> None:
    text = "ECONOMIC SPOTLIGHT - PARIS BOURSE REFORM\nPARIS, March 12 - French brokers will lose.\n"
    dateline = np.parse(text, reference_date="1987-03-12").dateline
    assert dateline is not None
    assert dateline.place == "PARIS"


def test_no_dateline_deep_in_the_body() -> None:
    body = "\n\n".join(["A paragraph of body text that goes on."] * 12)
    assert np.parse(body + "\n\nLONDON (Reuters) - late line.").dateline is None


def test_offsets_survive_crlf_and_bom() -> None:
    text = "\ufeffTitle line\r\nBAGHDAD, Jan 8 (Reuters) \u2014 Iraq's cabinet met.\r\n"
    dateline = np.parse(text, reference_date="2025-01-09").dateline
    assert dateline is not None
    assert text[dateline.start : dateline.end] == "BAGHDAD, Jan 8 (Reuters) \u2014"


def test_users_can_add_outlets() -> None:
    table = OutletTable.default().extended([Outlet("Sulaimani Daily", ("SD",), "IQ", "outlet")])
    dateline = np.parse_dateline("SULAIMANI (SD) - Officials", outlets=table)
    assert dateline is not None
    assert dateline.outlet == "Sulaimani Daily"
    assert np.parse_dateline("SULAIMANI (SD) - Officials") is None


def test_outlet_table_from_files(tmp_path: object) -> None:
    from pathlib import Path

    folder = Path(str(tmp_path))
    csv_file = folder / "outlets.csv"
    csv_file.write_text(
        "name,aliases,country\nBasra Herald,BH|Herald of Basra,IQ\n", encoding="utf-8"
    )
    table = OutletTable.from_file(csv_file)
    assert table.lookup("Herald of Basra").name == "Basra Herald"  # type: ignore[union-attr]
    assert table.lookup("Reuters") is not None
    json_file = folder / "outlets.json"
    json_file.write_text('[{"name": "Mosul Eye", "aliases": ["ME"]}]', encoding="utf-8")
    alone = OutletTable.from_file(json_file, extend_default=False)
    assert len(alone) == 1
    found = alone.lookup("me")
    assert found is not None
    assert found.name == "Mosul Eye"
    bad = folder / "bad.csv"
    bad.write_text("name,aliases\nA,B,C\n", encoding="utf-8")
    with pytest.raises(np.NewsparseError, match="line 2"):
        OutletTable.from_file(bad)


def test_seed_dateline(seed_text: str, seed_expected: dict[str, object]) -> None:
    article = np.parse(seed_text)
    gold = seed_expected["dateline"]
    assert isinstance(gold, dict)
    assert article.dateline is not None
    assert article.dateline.text == gold["raw"]
    assert article.dateline.date is not None
    assert article.dateline.date.isoformat() == gold["date"]
    assert article.dateline.outlet == gold["outlet"]
    assert article.dateline.place == gold["place"]
    assert article.published == article.dateline.date


def _brute_fuzzy(table: OutletTable, name: str) -> str | None:
    """Every outlet one edit away, compared one by one: the lookup's cheap tests aside."""
    from newsparse._lexicon.outlets import outlet_key
    from newsparse._lexicon.spelling import within_one_edit

    key = outlet_key(name)
    exact = [o for o in table for n in o.names if outlet_key(n) == key]
    if exact or len(key) < 6:
        return exact[-1].name if exact else None
    close = {
        o.name
        for o in table
        for n in o.names
        if len(outlet_key(n)) >= 6 and within_one_edit(key, outlet_key(n))
    }
    return close.pop() if len(close) == 1 else None


@given(
    st.sampled_from([n for o in OutletTable.default() for n in o.names]),
    st.sampled_from(["drop", "double", "swap", "change", "keep"]),
    st.integers(0, 40),
    st.sampled_from("aeinorstxz"),
)
def test_fuzzy_outlet_lookup_agrees_with_comparing_every_name(
    name: str, edit: str, at: int, letter: str
) -> None:
    at = at % (len(name) + 1)
    typo = {
        "drop": name[:at] + name[at + 1 :],
        "double": name[:at] + letter + name[at:],
        "swap": name[:at] + name[at + 1 : at + 2] + name[at : at + 1] + name[at + 2 :],
        "change": name[:at] + letter + name[at + 1 :],
        "keep": name,
    }[edit]
    table = OutletTable.default()
    found = table.lookup(typo, fuzzy=True)
    assert (found.name if found else None) == _brute_fuzzy(table, typo)


# The reader skips the month pattern where two ASCII letters start no month; it must
# find a date wherever the pattern alone finds one.
_MONTHISH = st.sampled_from(["Mar", "MARCH", "Sept.", "Apri", "janv", "Fév", "märz", "ma", "Dez"])
_PIECES = st.one_of(
    _MONTHISH, st.sampled_from([" ", "8", "16,", "2024", "\u0663", "\u212a", "(", "x"]), st.text()
)


class _Everything:
    def __contains__(self, item: object) -> bool:
        return True


@given(st.lists(_PIECES, max_size=6).map("".join), st.integers(0, 12))
def test_month_prefilter_keeps_every_date_the_pattern_finds(text: str, pos: int) -> None:
    from newsparse._stages import datelines

    def read(openings: Callable[[], Container[str]]) -> tuple[tuple[int, int], object] | None:
        original = datelines._month_openings
        datelines._month_openings = openings  # type: ignore[assignment]
        try:
            reader = datelines._Reader(
                text, min(pos, len(text)), len(text), REF, OutletTable.default()
            )
            found = reader.date_here()
        finally:
            datelines._month_openings = original
        return None if found is None else (found[0].span(), found[1])

    assert read(datelines._month_openings) == read(_Everything)
