"""parsing: dates, weeks, hours, tags, shares and choices as a person types them."""

from __future__ import annotations

from datetime import date

import pytest

from leadshift.cli.parsing import (
    parse_choice,
    parse_date,
    parse_hours,
    parse_pick,
    parse_share,
    parse_tags,
    parse_week,
)
from leadshift.domain.terms import ACTIVITIES
from leadshift.errors import InvalidValue, UsageError

TODAY = date(2026, 11, 20)  # a Friday
DATE_HELP = "use YYYY-MM-DD (for example 2026-11-20), 'today' or 'yesterday'."

NOT_HOURS = "is not a number of hours: write 1.5, 1h30 or 90m."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.5", 1.5),
        ("1,5", 1.5),
        ("1h30", 1.5),
        ("1h30m", 1.5),
        ("1h 30min", 1.5),
        ("2h", 2.0),
        ("2.25h", 2.25),
        ("90m", 1.5),
        ("45min", 0.75),
        ("1:30", 1.5),
        ("0:15", 0.25),
        (".5", 0.5),
        ("  3 ", 3.0),
        ("24", 24.0),
        ("24:00", 24.0),
        ("1H30", 1.5),
        ("1h20", 1.3333),  # 1 + 20/60, rounded to 4 places
    ],
)
def test_parse_hours_accepts(text: str, expected: float) -> None:
    assert parse_hours(text) == expected


@pytest.mark.parametrize("text", ["abc", "nan", "inf", "-inf", "", "   ", "1e1", "h", "1:75", "1,000,5", "one"])
def test_parse_hours_rejects_what_is_not_a_number(text: str) -> None:
    with pytest.raises(UsageError) as caught:
        parse_hours(text)
    assert caught.value.message == f"'{text}' {NOT_HOURS}"


@pytest.mark.parametrize("text", ["0", "-1", "0:00", "0h", "-0.5", "0m"])
def test_parse_hours_rejects_zero_and_negative(text: str) -> None:
    with pytest.raises(InvalidValue) as caught:
        parse_hours(text)
    assert caught.value.message == (
        f"hours must be more than 0, got '{text}'; to correct a record, `leadshift remove` it."
    )


@pytest.mark.parametrize(("text", "shown"), [("25", "25"), ("24:30", "24.5"), ("1500m", "25"), ("24.5h", "24.5")])
def test_parse_hours_rejects_more_than_a_day(text: str, shown: str) -> None:
    with pytest.raises(InvalidValue) as caught:
        parse_hours(text)
    assert caught.value.message == f"{shown} hours is more than a day holds; log at most 24 hours at a time."


def test_parse_hours_never_returns_zero() -> None:
    with pytest.raises(InvalidValue):
        parse_hours("0.00001")


def test_parse_tags() -> None:
    assert parse_tags("negotiation, Analytics,,pricing") == ["negotiation", "analytics", "pricing"]
    assert parse_tags("b,a,B, a ") == ["b", "a"]  # first occurrence keeps its place
    assert parse_tags("") == []
    assert parse_tags(" , ,") == []
    assert parse_tags("Data Science") == ["data science"]


@pytest.mark.parametrize(
    ("text", "expected"), [("0.4", 0.4), ("40%", 0.4), ("1", 1.0), ("100%", 1.0), (" 25% ", 0.25), ("0.05", 0.05)]
)
def test_parse_share_accepts(text: str, expected: float) -> None:
    assert parse_share(text) == pytest.approx(expected, abs=1e-12)


@pytest.mark.parametrize("text", ["0", "0%", "150%", "1.5", "-0.1", "nan", "inf"])
def test_parse_share_rejects_out_of_range(text: str) -> None:
    with pytest.raises(InvalidValue) as caught:
        parse_share(text)
    assert caught.value.message == f"'{text}' is not a share between 0 and 1 (or 0% and 100%)."


@pytest.mark.parametrize("text", ["abc", "", "%", "forty%"])
def test_parse_share_rejects_what_is_not_a_number(text: str) -> None:
    with pytest.raises(UsageError) as caught:
        parse_share(text)
    assert caught.value.message == f"'{text}' is not a share: write 0.4 or 40%."


def test_minutes_past_59_after_hours_are_a_typo() -> None:
    with pytest.raises(UsageError):
        parse_hours("1h90")
    assert parse_hours("90m") == 1.5


@pytest.mark.parametrize(
    ("text", "expected"), [("coaching", "coaching"), ("COACH", "coaching"), ("h", "hiring"), (" team ", "team")]
)
def test_parse_choice_accepts_words_and_unambiguous_prefixes(text: str, expected: str) -> None:
    assert parse_choice("leadership activity", text, ACTIVITIES) == expected


def test_parse_choice_suggests_the_closest() -> None:
    with pytest.raises(UsageError) as caught:
        parse_choice("leadership activity", "stratgy", ACTIVITIES)
    assert caught.value.message == (
        "'stratgy' is not a leadership activity. Did you mean 'strategy'? "
        "Choose one of: one-on-one, coaching, team, hiring, strategy, learning, admin."
    )
    with pytest.raises(UsageError):
        parse_choice("1:1 status", "", ("held", "cancelled", "interrupted"))


def test_a_share_written_as_a_percentage_without_the_sign_gets_a_hint() -> None:
    with pytest.raises(InvalidValue) as caught:
        parse_share("40")
    assert caught.value.message == "'40' is not a share between 0 and 1: for 40% write 40% or 0.4."


def test_parse_choice_names_the_words_an_ambiguous_prefix_could_be() -> None:
    from leadshift.domain.terms import NO_KINDS

    with pytest.raises(UsageError, match="'o' could be one-on-one or other; type a few more letters"):
        parse_choice("kind of no", "o", NO_KINDS)


# -- parse_pick: a pick list's answer -------------------------------------------------

# Four numbered lines, then a name typed without a line of its own (the kind "one-on-one" in `yes`).
PICKS = [("bob", "Bob Chen"), ("al", "Al  Green"), ("team", "a team meeting"), ("strategy", "strategy time")]
PICKS_AND_A_NAME = [*PICKS, ("one-on-one",)]
ACCEPTED = "a number from 1 to 4, or a name from the list (or its first 3 letters)"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1", 0),
        (" 4 ", 3),
        ("bob", 0),
        ("BOB  CHEN", 0),  # the name shown, any case and spacing
        ("al", 1),  # a whole key, however short
        ("Al Green", 1),  # its name, stored with two spaces
        ("strat", 3),
        ("strategy time", 3),
        ("one", 4),
    ],
)
def test_parse_pick_takes_the_number_shown_a_whole_name_or_a_start_of_3_letters(text: str, expected: int) -> None:
    assert parse_pick(text, PICKS_AND_A_NAME, 4, ACCEPTED) == expected


@pytest.mark.parametrize("text", ["s", "b", "st", "a", "0", "5", "", "\u00b2", "bobby", "1.5"])
def test_parse_pick_refuses_a_stray_letter_and_what_is_not_on_the_list(text: str) -> None:
    with pytest.raises(UsageError) as caught:
        parse_pick(text, PICKS_AND_A_NAME, 4, ACCEPTED)
    assert caught.value.message.endswith(f": type {ACCEPTED}.")


def test_parse_pick_says_what_an_ambiguous_start_could_be() -> None:
    with pytest.raises(UsageError) as caught:
        parse_pick("mar", [("marcus", "Marcus Bell"), ("maria", "Maria Lopez")], 2, ACCEPTED)
    assert caught.value.message == "'mar' could be marcus or maria; type a few more letters."


def test_parse_pick_suggests_the_closest_name() -> None:
    with pytest.raises(UsageError) as caught:
        parse_pick("stratgy", PICKS, 4, ACCEPTED)
    assert caught.value.message == f"'stratgy' is not on the list (did you mean 'strategy'?): type {ACCEPTED}."
    with pytest.raises(UsageError) as caught:
        parse_pick("", PICKS, 4, ACCEPTED)
    assert caught.value.message == f"nothing picked: type {ACCEPTED}."


# -- parse_date -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("today", date(2026, 11, 20)),
        ("TODAY", date(2026, 11, 20)),
        ("  today  ", date(2026, 11, 20)),
        ("yesterday", date(2026, 11, 19)),
        ("Yesterday", date(2026, 11, 19)),
        ("2026-11-20", date(2026, 11, 20)),
        ("2024-02-29", date(2024, 2, 29)),
        ("2025-12-31", date(2025, 12, 31)),
    ],
)
def test_parse_date_accepts(text: str, expected: date) -> None:
    assert parse_date(text, TODAY) == expected


def test_yesterday_crosses_a_month_and_a_year() -> None:
    assert parse_date("yesterday", date(2026, 1, 1)) == date(2025, 12, 31)
    assert parse_date("yesterday", date(2024, 3, 1)) == date(2024, 2, 29)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "tomorrow",
        "2026-02-30",  # no such day
        "2025-02-29",  # not a leap year
        "2026-13-01",
        "2026/11/20",
        "20261120",  # compact ISO: accepted by date.fromisoformat, not by leadshift
        "2026-11-20T10:00",
        "26-11-20",
        "2026-W47",
    ],
)
def test_parse_date_rejects_with_a_helpful_message(text: str) -> None:
    with pytest.raises(UsageError) as caught:
        parse_date(text, TODAY)
    assert caught.value.message == f"'{text}' is not a date: {DATE_HELP}"
    assert caught.value.exit_code == 2


@pytest.mark.parametrize("text", ["0001-01-01", "1899-12-31", "3000-01-01", "9999-12-31"])
def test_parse_date_refuses_the_ends_of_the_calendar(text: str) -> None:
    # Reports and plans do arithmetic around a date; near years 1 and 9999 it would overflow.
    with pytest.raises(InvalidValue) as caught:
        parse_date(text, TODAY)
    assert caught.value.message == f"'{text}' is outside the years leadshift handles (1900 to 2999)."


@pytest.mark.parametrize(("text", "expected"), [("1900-01-01", date(1900, 1, 1)), ("2999-12-31", date(2999, 12, 31))])
def test_parse_date_accepts_the_first_and_last_day_it_handles(text: str, expected: date) -> None:
    assert parse_date(text, TODAY) == expected


# -- parse_week -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-W47", (date(2026, 11, 16), date(2026, 11, 22))),
        ("2026-w47", (date(2026, 11, 16), date(2026, 11, 22))),
        (" 2026-W47 ", (date(2026, 11, 16), date(2026, 11, 22))),
        # ISO week 1 of 2026 starts in December 2025 (1 January 2026 is a Thursday).
        ("2026-W01", (date(2025, 12, 29), date(2026, 1, 4))),
        # 2026 has 53 ISO weeks; the last ends in 2027.
        ("2026-W53", (date(2026, 12, 28), date(2027, 1, 3))),
        ("2027-W01", (date(2027, 1, 4), date(2027, 1, 10))),
    ],
)
def test_parse_week_iso(text: str, expected: tuple[date, date]) -> None:
    assert parse_week(text).dates() == expected


@pytest.mark.parametrize(
    ("week_starts", "expected"),
    [
        # Named after the ISO week of the Thursday it contains (2026-11-19).
        ("sunday", (date(2026, 11, 15), date(2026, 11, 21))),
        ("saturday", (date(2026, 11, 14), date(2026, 11, 20))),
        ("friday", (date(2026, 11, 13), date(2026, 11, 19))),
        ("thursday", (date(2026, 11, 19), date(2026, 11, 25))),
        ("tuesday", (date(2026, 11, 17), date(2026, 11, 23))),
    ],
)
def test_parse_week_with_another_first_day(week_starts: str, expected: tuple[date, date]) -> None:
    assert parse_week("2026-W47").dates(week_starts) == expected


@pytest.mark.parametrize(
    ("text", "year", "number"), [("2025-W53", 2025, 53), ("2026-W54", 2026, 54), ("2026-W00", 2026, 0)]
)
def test_parse_week_that_does_not_exist(text: str, year: int, number: int) -> None:
    with pytest.raises(UsageError) as caught:
        parse_week(text)
    assert caught.value.message == f"'{text}' is not a week: year {year} has no week {number}."


@pytest.mark.parametrize("text", ["2026-W7", "2026W47", "2026-47", "W47", "2026-W470", "", "2026-11-20", "last week"])
def test_parse_week_bad_format(text: str) -> None:
    with pytest.raises(UsageError) as caught:
        parse_week(text)
    assert caught.value.message == f"'{text}' is not a week: use YYYY-Www, for example 2026-W47."


@pytest.mark.parametrize(
    ("text", "week_starts"), [("9999-W52", "monday"), ("0001-W01", "sunday"), ("3000-W01", "monday")]
)
def test_parse_week_at_the_ends_of_the_calendar_is_refused(text: str, week_starts: str) -> None:
    with pytest.raises(InvalidValue) as caught:
        parse_week(text).dates(week_starts)
    assert caught.value.message == f"'{text}' is outside the years leadshift handles (1900 to 2999)."


def test_parse_week_in_the_first_and_last_years_it_handles() -> None:
    assert parse_week("1900-W01").dates("sunday") == (date(1899, 12, 31), date(1900, 1, 6))
    assert parse_week("2999-W52").dates() == (date(2999, 12, 23), date(2999, 12, 29))
