"""Calendar dates, weeks and month keys (pure)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import NamedTuple

from leadshift.domain.terms import WEEKDAYS
from leadshift.errors import InvalidValue

# The years a date may fall in. Reports reach back from a day (trends, 1:1
# cadences) and plans forward (handoffs) by up to a few years: near the ends of
# Python's calendar, years 1 and 9999, that arithmetic would overflow.
FIRST_YEAR, LAST_YEAR = 1900, 2999
# What month_key() makes: month files, their backups and `leadshift edit MONTH` are named with it.
MONTH_KEY = r"\d{4}-(?:0[1-9]|1[0-2])"


def in_calendar(day: date) -> bool:
    """Whether `day` lies in the years leadshift handles (see FIRST_YEAR)."""
    return FIRST_YEAR <= day.year <= LAST_YEAR


class IsoWeek(NamedTuple):
    """A week by its ISO name (`2026-W47`); which days it holds depends on the day the profile's week starts."""

    year: int
    number: int

    def dates(self, week_starts: str = "monday") -> tuple[date, date]:
        """The first and last day of this week.

        A week that starts on another day than Monday is named after the ISO
        week of the Thursday it contains, so every day belongs to one name.
        """
        return week_of(date.fromisocalendar(self.year, self.number, 4), week_starts)

    def label(self) -> str:
        """`2026-W47`."""
        return f"{self.year}-W{self.number:02d}"

    @classmethod
    def named(cls, name: str) -> IsoWeek:
        """The week a checked name (`2026-W47`, as the ledger stores one) stands for."""
        return cls(int(name[:4]), int(name[6:]))

    @classmethod
    def of(cls, day: date, week_starts: str = "monday") -> IsoWeek:
        """The week that holds `day`, named as `dates` reads names (the ISO week of its Thursday)."""
        start = week_of(day, week_starts)[0]
        year, number, _ = (start + timedelta(days=(3 - start.weekday()) % 7)).isocalendar()
        return cls(year, number)


def week_of(day: date, week_starts: str = "monday") -> tuple[date, date]:
    """The first and last day of the week that holds `day`."""
    offset = (day.weekday() - WEEKDAYS.index(week_starts)) % 7
    start = day - timedelta(days=offset)
    return start, start + timedelta(days=6)


def week_label(start: date) -> str:
    """The name (`2026-W47`) of the week starting on `start`."""
    thursday = start + timedelta(days=(3 - start.weekday()) % 7)
    year, number, _ = thursday.isocalendar()
    return f"{year}-W{number:02d}"


def month_key(day: date) -> str:
    """The month file a date belongs to: `2026-11`."""
    return f"{day.year:04d}-{day.month:02d}"


def require_started(start: date, today: date) -> None:
    """Refuse a week that has not begun: nothing can be logged in it, and today's figures do not belong to it."""
    if start > today:
        raise InvalidValue(
            f"{week_label(start)} has not started yet (today is {today}); choose this week or an earlier one."
        )
