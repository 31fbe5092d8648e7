"""1:1 cadence: when each teammate last had a 1:1 and when the next one is due (pure)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from leadshift.model import Ledger, OneOnOneRecord


@dataclass(frozen=True)
class Due:
    teammate: str
    last_held: date | None
    due_on: date | None  # None: never held, so due now


def last_held(ledger: Ledger, teammate: str, on_or_before: date) -> date | None:
    """The date of the teammate's last held 1:1 up to `on_or_before`, if any."""
    held = [
        r.date
        for r in ledger.records(end=on_or_before)
        if isinstance(r, OneOnOneRecord) and r.teammate == teammate and r.status == "held"
    ]
    return max(held, default=None)


def due_one_on_ones(ledger: Ledger, day: date) -> list[Due]:
    """Teammates whose 1:1 is due on `day` or overdue, and not yet logged that day."""
    logged_today = {r.teammate for r in ledger.records(day, day) if isinstance(r, OneOnOneRecord)}
    due: list[Due] = []
    for key, teammate in sorted(ledger.book.teammates.items()):
        if key in logged_today:
            continue
        last = last_held(ledger, key, day - timedelta(days=1))
        next_on = _plus_days(last, teammate.one_on_one_every) if last else None
        if next_on is None or next_on <= day:
            due.append(Due(key, last, next_on))
    return due


def _plus_days(day: date, days: int) -> date:
    try:
        return day + timedelta(days=days)
    except OverflowError:  # a 1:1 logged in late 9999 (a hand-edit typo): never due again
        return date.max
