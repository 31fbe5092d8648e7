"""Calendar dates and weeks: parsing user input and week arithmetic (pure)."""

from __future__ import annotations

import re
from datetime import date, timedelta

from leadshift.errors import InvalidValue, UsageError

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# The years a typed date may fall in. Reports reach back from a day (trends, 1:1
# cadences) and plans forward (handoffs) by up to a few years: near the ends of
# Python's calendar, years 1 and 9999, that arithmetic would overflow.
FIRST_YEAR, LAST_YEAR = 1900, 2999
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$", re.IGNORECASE)


def parse_date(text: str, today: date) -> date:
    """Read `YYYY-MM-DD`, `today` or `yesterday`."""
    word = text.strip().lower()
    if word == "today":
        return today
    if word == "yesterday":
        return today - timedelta(days=1) if today > date.min else _bad_date(text)
    try:
        day = date.fromisoformat(word) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", word) else _bad_date(text)
    except ValueError:
        return _bad_date(text)
    if not in_calendar(day):
        raise InvalidValue(f"'{text}' is outside the years leadshift handles ({FIRST_YEAR} to {LAST_YEAR}).")
    return day


def in_calendar(day: date) -> bool:
    """Whether `day` lies in the years leadshift handles (see FIRST_YEAR)."""
    return FIRST_YEAR <= day.year <= LAST_YEAR


def parse_day_logged(text: str | None, today: date) -> date:
    """The date of something that happened: default today, never in the future."""
    day = parse_date(text, today) if text is not None else today
    if day > today:
        raise InvalidValue(f"{day} is in the future; leadshift logs what happened (today is {today}).")
    return day


def require_started(start: date, today: date) -> None:
    """Refuse a week that has not begun: nothing can be logged in it, and today's figures do not belong to it."""
    if start > today:
        raise InvalidValue(
            f"{week_label(start)} has not started yet (today is {today}); choose this week or an earlier one."
        )


def _bad_date(text: str) -> date:
    raise UsageError(f"'{text}' is not a date: use YYYY-MM-DD (for example 2026-11-20), 'today' or 'yesterday'.")


def parse_week(text: str, week_starts: str = "monday") -> tuple[date, date]:
    """Read `YYYY-Www` and return the first and last day of that week."""
    match = _WEEK.match(text.strip())
    if not match:
        raise UsageError(f"'{text}' is not a week: use YYYY-Www, for example 2026-W47.")
    year, number = int(match.group(1)), int(match.group(2))
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise InvalidValue(f"'{text}' is outside the years leadshift handles ({FIRST_YEAR} to {LAST_YEAR}).")
    try:
        thursday = date.fromisocalendar(year, number, 4)
        # A week that starts on another day than Monday is named after the ISO
        # week of the Thursday it contains, so every day belongs to one name.
        return week_of(thursday, week_starts)
    except ValueError:
        raise UsageError(f"'{text}' is not a week: year {year} has no week {number}.") from None


def week_of(day: date, week_starts: str = "monday") -> tuple[date, date]:
    """The first and last day of the week that holds `day`."""
    offset = (day.weekday() - WEEKDAYS.index(week_starts)) % 7
    start = day - timedelta(days=offset)
    return start, start + timedelta(days=6)


def week_label(start: date) -> str:
    """The name (`2026-W47`) of the week starting on `start`; inverse of parse_week."""
    thursday = start + timedelta(days=(3 - start.weekday()) % 7)
    year, number, _ = thursday.isocalendar()
    return f"{year}-W{number:02d}"


def month_key(day: date) -> str:
    """The month file a date belongs to: `2026-11`."""
    return f"{day.year:04d}-{day.month:02d}"
