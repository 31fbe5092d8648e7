"""The `weeks` table: one row per week, with the figures of that week's review (pure).

Computed by the review's own function (reports/figures.py), and rounded as `--json` rounds, so a
row reads exactly what `leadshift review --week W --json` says of that week.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from leadshift.domain.dates import week_of
from leadshift.domain.ledger import Ledger
from leadshift.export.columns import Column
from leadshift.reports.figures import WeekFigures, week_figures
from leadshift.reports.said_no import said_no

DECIMALS = 4  # as render/data.py rounds every figure of `--json`

COLUMNS = [
    Column("ledger"),
    Column("week"),  # 2026-W47
    Column("start"),
    Column("end"),
    Column("days_logged", "INTEGER"),
    Column("hours", "REAL"),  # review: hours.total
    Column("client_hours", "REAL"),  # hours.client
    Column("delivery_hours", "REAL"),  # hours.delivery: what counts against the limit
    Column("leadership_hours", "REAL"),  # hours.leadership
    Column("client_share", "REAL"),  # client_share: delivery over the workdays logged
    Column("client_share_limit", "REAL"),
    Column("one_on_ones_held", "INTEGER"),
    Column("one_on_ones_cancelled", "INTEGER"),
    Column("one_on_ones_interrupted", "INTEGER"),
    Column("escalations", "INTEGER"),
    Column("asked_first", "INTEGER"),
    Column("ask_first_rate", "REAL"),
]


def weeks_between(first: date, last: date, week_starts: str) -> list[tuple[date, date]]:
    """Every week from the one holding `first` to the one holding `last`, as (start, end)."""
    start, _ = week_of(first, week_starts)
    weeks = []
    while start <= last:
        weeks.append((start, start + timedelta(days=6)))
        start += timedelta(days=7)
    return weeks


def week_rows(ledger: Ledger, first: date, last: date, today: date, ledger_id: str) -> list[dict[str, Any]]:
    """A row for each week from `first` to `last`, with the figures its review shows."""
    rows = []
    for start, end in weeks_between(first, last, ledger.book.profile.week_starts):
        figures = week_figures(ledger, start, end, today, 1, said_no(ledger, start, end, today))
        rows.append({"ledger": ledger_id, **_figures(figures)})
    return rows


def _figures(week: WeekFigures) -> dict[str, Any]:
    return {
        "week": week.week,
        "start": week.start.isoformat(),
        "end": week.end.isoformat(),
        "days_logged": week.days_logged,
        "hours": _rounded(week.hours.total),
        "client_hours": _rounded(week.hours.client),
        "delivery_hours": _rounded(week.hours.delivery),
        "leadership_hours": _rounded(week.hours.leadership),
        "client_share": _rounded(week.client_share),
        "client_share_limit": _rounded(week.client_share_limit),
        "one_on_ones_held": week.one_on_ones.held,
        "one_on_ones_cancelled": week.one_on_ones.cancelled,
        "one_on_ones_interrupted": week.one_on_ones.interrupted,
        "escalations": week.escalations.total,
        "asked_first": week.escalations.asked_first,
        "ask_first_rate": _rounded(week.escalations.ask_first_rate),
    }


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, DECIMALS)
