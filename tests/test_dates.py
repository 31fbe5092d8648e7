"""dates: reading dates and weeks typed by a person, and week arithmetic."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from leadshift.dates import WEEKDAYS, month_key, parse_date, parse_week, week_label, week_of
from leadshift.errors import InvalidValue, UsageError

TODAY = date(2026, 11, 20)  # a Friday

DATE_HELP = "use YYYY-MM-DD (for example 2026-11-20), 'today' or 'yesterday'."


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
    assert parse_week(text) == expected


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
    assert parse_week("2026-W47", week_starts) == expected


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
        parse_week(text, week_starts)
    assert caught.value.message == f"'{text}' is outside the years leadshift handles (1900 to 2999)."


def test_parse_week_in_the_first_and_last_years_it_handles() -> None:
    assert parse_week("1900-W01", "sunday") == (date(1899, 12, 31), date(1900, 1, 6))
    assert parse_week("2999-W52") == (date(2999, 12, 23), date(2999, 12, 29))


# -- week_of / week_label -----------------------------------------------------------


@pytest.mark.parametrize(
    ("week_starts", "start", "label"),
    [
        ("monday", date(2026, 11, 16), "2026-W47"),
        ("tuesday", date(2026, 11, 17), "2026-W47"),
        ("wednesday", date(2026, 11, 18), "2026-W47"),
        ("thursday", date(2026, 11, 19), "2026-W47"),
        # A Friday-start week holding Friday 2026-11-20 runs to Thursday 2026-11-26: ISO week 48.
        ("friday", date(2026, 11, 20), "2026-W48"),
        ("saturday", date(2026, 11, 14), "2026-W47"),
        ("sunday", date(2026, 11, 15), "2026-W47"),
    ],
)
def test_week_of_a_friday(week_starts: str, start: date, label: str) -> None:
    assert week_of(TODAY, week_starts) == (start, start + timedelta(days=6))
    assert week_label(start) == label


@pytest.mark.parametrize("week_starts", WEEKDAYS)
def test_week_of_and_week_label_round_trip_for_every_day(week_starts: str) -> None:
    # Two year ends, a 53-week year (2026) and a leap day (2028-02-29).
    day = date(2025, 12, 1)
    seen_labels: dict[str, tuple[date, date]] = {}
    while day <= date(2028, 3, 31):
        start, end = week_of(day, week_starts)
        assert start <= day <= end
        assert end - start == timedelta(days=6)
        assert start.strftime("%A").lower() == week_starts
        label = week_label(start)
        assert parse_week(label, week_starts) == (start, end)
        # One name per week and one week per name.
        assert seen_labels.setdefault(label, (start, end)) == (start, end)
        day += timedelta(days=1)
    assert "2026-W53" in seen_labels
    assert "2025-W53" not in seen_labels


def test_week_label_across_the_year_end() -> None:
    assert week_label(date(2026, 12, 28)) == "2026-W53"
    assert week_label(date(2025, 12, 29)) == "2026-W01"
    assert week_label(date(2027, 1, 4)) == "2027-W01"


# -- months ---------------------------------------------------------------------


def test_month_key() -> None:
    assert month_key(date(2026, 1, 5)) == "2026-01"
    assert month_key(date(987, 12, 31)) == "0987-12"
