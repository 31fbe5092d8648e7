"""dates: week arithmetic, ISO week names and month keys (pure)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from leadshift.domain.dates import IsoWeek, month_key, week_label, week_of
from leadshift.domain.terms import WEEKDAYS

TODAY = date(2026, 11, 20)  # a Friday


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
        assert IsoWeek(int(label[:4]), int(label[6:])).dates(week_starts) == (start, end)
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
