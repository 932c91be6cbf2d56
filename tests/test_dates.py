"""Dates in the body: absolute and relative expressions, their values, and what is not a date."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsparse as np
from newsparse._stages import dates
from newsparse._stages.dates import find_dates_in

WED = dt.date(2025, 1, 8)  # a Wednesday

# (sentence, [(surface, value, granularity)]), resolved against WED.
CASES = [
    # absolute
    ("The ceasefire began on Jan. 3, officials said.", [("on Jan. 3", "2025-01-03", "day")]),
    ("The vote was held on January 3, 2024.", [("on January 3, 2024", "2024-01-03", "day")]),
    ("Parliament reconvenes on 3 February 2025.", [("on 3 February 2025", "2025-02-03", "day")]),
    # a weekday after a preposition: until and by look ahead, since looks back
    ("The talks go on until Saturday.", [("Saturday", "2025-01-11", "day")]),
    ("The report will be submitted by Friday.", [("Friday", "2025-01-10", "day")]),
    ("The ceasefire holds until Wednesday.", [("Wednesday", "2025-01-08", "day")]),
    ("He has been missing since Monday.", [("Monday", "2025-01-06", "day")]),
    ("Rescuers had searched until Monday.", [("Monday", "2025-01-06", "day")]),
    # a month after last, next or this: the one before, after or in the article's year
    ("The plant closed last October.", [("last October", "2024-10", "month")]),
    ("Talks resume next March.", [("next March", "2025-03", "month")]),
    ("Exports fell last January.", [("last January", "2024-01", "month")]),
    ("The budget is due this April.", [("this April", "2025-04", "month")]),
    # a year after a determiner, before a noun
    ("She lost her 2020 campaign.", [("2020", "2020", "year")]),
    ("He won the 2016 election easily.", [("2016", "2016", "year")]),
    # seasons: the months they span, a winter across the turn of the year
    ("Sales fell in the winter of 2023.", [("in the winter of 2023", "2023-12/2024-02", "season")]),
    ("Rates rose in summer 2024.", [("in summer 2024", "2024-06/2024-08", "season")]),
    ("It happened last spring.", [("last spring", "2024-03/2024-05", "season")]),
    ("Work begins next spring.", [("next spring", "2025-03/2025-05", "season")]),
    ("This winter is the coldest in years.", [("This winter", "2024-12/2025-02", "season")]),
    ("The plant will reopen in the spring.", [("in the spring", "2025-03/2025-05", "season")]),
    ("Prices had risen in the autumn.", [("in the autumn", "2024-09/2024-11", "season")]),
    ("The fall of 2024 was dry.", [("fall of 2024", "2024-09/2024-11", "season")]),
    # a participle after "be" tells no past
    ("The plan will be approved in March.", [("in March", "2025-03", "month")]),
    # parts of the day
    ("Troops detained two men last night.", [("last night", "2025-01-07", "day")]),
    ("The minister will speak tonight.", [("tonight", "2025-01-08", "day")]),
    ("Forces detained a commander overnight.", [("overnight", "2025-01-07", "day")]),
    ("Overnight, shelling hit the port.", [("Overnight", "2025-01-07", "day")]),
    ("The deal was signed 2024-12-30 in Doha.", [("2024-12-30", "2024-12-30", "day")]),
    ("Figures for January 2025 are due.", [("January 2025", "2025-01", "month")]),
    ("Inflation peaked in 1987.", [("in 1987", "1987", "year")]),
    (
        "The law dates from 1958 and was amended since 2003.",
        [("1958", "1958", "year"), ("2003", "2003", "year")],
    ),
    ("He was born on the 4th of July 1990.", [("4th of July 1990", "1990-07-04", "day")]),
    # "resume", a verb of a schedule in the present, looks ahead to the September coming
    ("Talks resume Sept. 14 in Geneva.", [("Sept. 14", "2025-09-14", "day")]),
    ("It opened Monday, Jan. 6, 2025 at noon.", [("Monday, Jan. 6, 2025", "2025-01-06", "day")]),
    ("SHIPMENTS RESUME ON MARCH 3", [("ON MARCH 3", "2025-03-03", "day")]),
    # month and day without a year: the tense of the clause decides
    (
        "Ministers will meet on Jan. 3 next year.",
        [("on Jan. 3", "2026-01-03", "day"), ("next year", "2026", "year")],
    ),
    ("The talks on Dec. 28 failed.", [("on Dec. 28", "2024-12-28", "day")]),
    ("Elections are scheduled for March 9.", [("March 9", "2025-03-09", "day")]),
    ("Prices rose on Nov. 2.", [("on Nov. 2", "2024-11-02", "day")]),
    # a verb of a schedule in the present looks ahead
    ("The truce ends at midnight on Saturday.", [("on Saturday", "2025-01-11", "day")]),
    ("Talks resume on Monday in Geneva.", [("on Monday", "2025-01-13", "day")]),
    ("The truce ended on Saturday.", [("on Saturday", "2025-01-04", "day")]),
    # a past clause reaches back half a year at most: a day just ahead was set
    ("Sentencing was set for Jan. 10.", [("Jan. 10", "2025-01-10", "day")]),
    ("Rebels seized the town on Dec. 29.", [("on Dec. 29", "2024-12-29", "day")]),
    ("The hearing was held on July 20.", [("on July 20", "2024-07-20", "day")]),
    # weekdays
    ("The drills began last Saturday.", [("last Saturday", "2025-01-04", "day")]),
    ("Officials said on Sunday that talks had stalled.", [("on Sunday", "2025-01-05", "day")]),
    ("The minister spoke Monday.", [("Monday", "2025-01-06", "day")]),
    ("The minister spoke on Wednesday.", [("on Wednesday", "2025-01-08", "day")]),
    ("The envoy will arrive on Friday.", [("on Friday", "2025-01-10", "day")]),
    ("The envoy arrives next Tuesday.", [("next Tuesday", "2025-01-14", "day")]),
    ("The vote is this Thursday.", [("this Thursday", "2025-01-09", "day")]),
    ("It happened last Wednesday.", [("last Wednesday", "2025-01-01", "day")]),
    # days, weeks, months, years
    ("The body was found yesterday.", [("yesterday", "2025-01-07", "day")]),
    ("Markets are closed today.", [("today", "2025-01-08", "day")]),
    ("Results are expected tomorrow.", [("tomorrow", "2025-01-09", "day")]),
    ("The strike began three days ago.", [("three days ago", "2025-01-05", "day")]),
    ("He resigned two weeks ago.", [("two weeks ago", "2024-12-25", "day")]),
    ("The plant closed six months ago.", [("six months ago", "2024-07", "month")]),
    ("The dam was finished 10 years ago.", [("10 years ago", "2015", "year")]),
    ("Talks collapsed last week.", [("last week", "2024-12-30", "day")]),
    ("A delegation visits next week.", [("next week", "2025-01-13", "day")]),
    ("Earlier this month the bank cut rates.", [("Earlier this month", "2025-01", "month")]),
    ("Exports fell last month.", [("last month", "2024-12", "month")]),
    ("The bill passes next month.", [("next month", "2025-02", "month")]),
    ("Growth slowed this year.", [("this year", "2025", "year")]),
    ("Output fell last year.", [("last year", "2024", "year")]),
    # bare months
    ("The president visited Baghdad in September.", [("in September", "2024-09", "month")]),
    ("The summit will take place in September.", [("in September", "2025-09", "month")]),
    ("The report is due in March.", [("in March", "2025-03", "month")]),
    ("Sales have risen since October.", [("October", "2024-10", "month")]),
    ("The offer stands until March.", [("March", "2025-03", "month")]),
    (
        "Prices rose in December and fell in January.",
        [("in December", "2024-12", "month"), ("in January", "2025-01", "month")],
    ),
    # several in one sentence
    (
        "He left last Sunday and returns in March.",
        [("last Sunday", "2025-01-05", "day"), ("in March", "2025-03", "month")],
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[c[0] for c in CASES])
def test_dates(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    found = find_dates_in(sentence, WED)
    assert [(d.text, d.value, d.granularity.value) for d in found] == expected
    for d in found:
        assert sentence[d.start : d.end] == d.text


NOT_DATES = [
    "May I ask a question?",
    "Prices may rise.",
    "Theresa May spoke to reporters.",
    "The March on Rome is a famous event.",
    "The Sunday Times reported the story.",
    "Black Monday shook markets.",
    "Output reached 1,987 tonnes.",
    "Prices in the 1990s rose.",
    "The code is 2025-13-45.",
    "Call 555-2025 now.",
    "He scored 1987 points.",
    "Room 2024 is on the left.",
    "Jan Smith and August Wilson met.",
    "The 11.30 train left.",
    # a phrase of days written as a name; the fall of a person; amounts after a determiner
    "The Last Night of the Proms was sold out.",
    "She was hurt in the fall.",
    "The fall of the city ended the war.",
    "Its 1500 employees went on strike.",
    "The 2000 workers were paid.",
]


@pytest.mark.parametrize("sentence", NOT_DATES)
def test_not_dates(sentence: str) -> None:
    assert find_dates_in(sentence, WED) == ()


def test_relative_dates_need_an_article_date() -> None:
    found = find_dates_in("On Jan. 3, 2024 and last Sunday and in 1987.", None)
    assert [(d.text, d.value) for d in found] == [
        ("On Jan. 3, 2024", "2024-01-03"),
        ("in 1987", "1987"),
    ]


def test_a_release_number_gives_a_month_and_day_their_year_without_an_article_date() -> None:
    text = (
        "2012-12-S-101\nFor Immediate Release\n\n"
        "A force raided a compound on Dec. 30 and another on Jan. 2, and one yesterday."
    )
    article = np.parse(text)
    assert article.published is None
    # the nearest year to the release's month; "yesterday" needs the article's day
    assert [(d.text, d.value) for d in article.dates] == [
        ("on Dec. 30", "2012-12-30"),
        ("on Jan. 2", "2013-01-02"),
    ]
    assert np.parse("A force raided a compound on Dec. 30.").dates == ()


WEEKDAYS_AFTER_NAMES = [
    # wire copy puts the day after the place: the weekday is a date
    ("The governor spoke in Boston Monday.", [("Monday", "2025-01-06")]),
    ("A force raided a compound in Helmand Province Saturday.", [("Saturday", "2025-01-04")]),
    ("Troops left Kandahar Tuesday.", [("Tuesday", "2025-01-07")]),
    # after another capitalised word it is a name's
    ("Markets recalled Black Monday.", []),
    ("Easter Sunday fell early.", []),
]


@pytest.mark.parametrize(("sentence", "expected"), WEEKDAYS_AFTER_NAMES)
def test_a_weekday_after_a_place_is_a_date(sentence: str, expected: list[tuple[str, str]]) -> None:
    found = find_dates_in(sentence, WED)
    assert [(d.text, d.value) for d in found] == expected


def test_dates_inside_the_dateline_are_not_reported() -> None:
    text = "BAGHDAD, Jan 8 (Reuters) - Iraq's cabinet met on Tuesday."
    article = np.parse(text, reference_date="2025-01-09")
    assert [(d.text, d.value) for d in article.dates] == [("on Tuesday", "2025-01-07")]


def test_dates_resolve_against_the_dateline_not_the_reference() -> None:
    text = "CAIRO, Jan. 5 (AP) -- Egypt said yesterday it would reopen the crossing."
    article = np.parse(text, reference_date="2025-02-20")
    assert [(d.text, d.value) for d in article.dates] == [("yesterday", "2025-01-04")]


def test_seed_dates(seed_text: str, seed_expected: dict[str, object]) -> None:
    article = np.parse(seed_text)
    found = {d.text: (d.value, d.granularity.value) for d in article.dates}
    gold = seed_expected["dates"]
    assert isinstance(gold, list)
    for item in gold:
        value, granularity = found[item["surface"]]
        assert value == item["value"]
        assert granularity == item.get("granularity", "day")


@given(
    st.text(max_size=200), st.dates(min_value=dt.date(1800, 1, 1), max_value=dt.date(2199, 12, 31))
)
def test_any_text_gives_valid_dates(text: str, published: dt.date) -> None:
    for d in find_dates_in(text, published):
        assert text[d.start : d.end] == d.text
        assert len(d.value) == {"day": 10, "month": 7, "year": 4}[d.granularity.value]


@pytest.mark.parametrize(
    "shape", ["It opened on {y}-03-04.", "It opened in {y}.", "It opened on March 4, {y}."]
)
def test_the_scanner_finds_every_year_its_pattern_reads(shape: str) -> None:
    # The scanner tries the pattern only at trigger words: both must agree on the years.
    pattern = dates._pattern()
    for year in range(1000, 3000):
        sentence = shape.format(y=year)
        m = pattern.search(sentence)
        read = m is not None and str(year) in m.group()
        found = [d.value[:4] for d in find_dates_in(sentence, None)]
        assert read == (1500 <= year <= 2199), sentence
        assert (found == [str(year)]) == read, sentence
