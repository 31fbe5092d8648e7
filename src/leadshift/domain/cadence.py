"""1:1 cadence: when each teammate last had a 1:1 and when the next one is due (pure)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from leadshift.domain.book import Teammate
from leadshift.domain.ledger import Ledger
from leadshift.domain.records import HoursRecord, OneOnOneRecord


@dataclass(frozen=True)
class Due:
    teammate: str
    last_held: date | None
    due_on: date | None  # None: never held, so due now


def last_held(ledger: Ledger, teammate: str, on_or_before: date) -> date | None:
    """The date of the teammate's last held 1:1 up to `on_or_before`, if any."""
    return last_held_by_teammate(ledger, on_or_before).get(teammate)


def last_held_by_teammate(ledger: Ledger, on_or_before: date) -> dict[str, date]:
    """Every teammate's last held 1:1 up to `on_or_before`, in one pass (never held: absent)."""
    last: dict[str, date] = {}
    for record in ledger.records(end=on_or_before):
        if isinstance(record, OneOnOneRecord) and record.status == "held":
            last[record.teammate] = max(record.date, last.get(record.teammate, record.date))
    return last


def next_due(ledger: Ledger, as_of: date) -> list[Due]:
    """The last held 1:1 up to `as_of` of each teammate on the team that day, and the day the next falls due, by key."""
    held = last_held_by_teammate(ledger, as_of)
    return [
        Due(key, held.get(key), _plus_days(held[key], teammate.one_on_one_every) if key in held else None)
        for key, teammate in sorted(ledger.book.team_on(as_of).items())
    ]


def leading_since(ledger: Ledger) -> date | None:
    """When the leader took the team: the promotion date, else the first day in the ledger loaded."""
    if ledger.book.profile.promoted_on is not None:
        return ledger.book.profile.promoted_on
    return min((r.date for month in ledger.months.values() for r in month.records()), default=None)


def schedule(ledger: Ledger, as_of: date) -> list[Due]:
    """Every teammate's last held 1:1 up to `as_of` and the day the next falls due, by key; `due_on` always set.

    A teammate never given a 1:1 falls due one cadence after the leader took
    the team (`leading_since`), or after they joined it if later: a new leader,
    or a new teammate, is not late on day one.
    """
    since = leading_since(ledger)
    teammates = ledger.book.teammates
    return [
        Due(due.teammate, due.last_held, due.due_on or _first_due(teammates[due.teammate], since, as_of))
        for due in next_due(ledger, as_of)
    ]


def _first_due(teammate: Teammate, leading_since: date | None, as_of: date) -> date:
    """When a teammate never given a 1:1 falls due: a cadence after they and the leader were first on one team."""
    start = max((day for day in (leading_since, teammate.joined) if day is not None), default=as_of)
    return _plus_days(start, teammate.one_on_one_every)


def overdue_one_on_ones(ledger: Ledger, as_of: date) -> list[Due]:
    """Teammates whose 1:1 fell due before `as_of`, by key (the review and `check` agree by using this)."""
    return [due for due in schedule(ledger, as_of) if due.due_on is not None and due.due_on < as_of]


def due_by(ledger: Ledger, day: date, horizon: date) -> list[Due]:
    """Teammates whose next 1:1, counted from the held ones up to `day`, is due by `horizon`."""
    return [due for due in next_due(ledger, day) if due.due_on is None or due.due_on <= horizon]


def due_one_on_ones(ledger: Ledger, day: date) -> list[Due]:
    """Teammates whose 1:1 is due on `day` or overdue, and not yet logged that day."""
    logged_today = {r.teammate for r in ledger.records(day, day) if isinstance(r, OneOnOneRecord)}
    # Held ones up to the day before: a 1:1 logged today is handled by `logged_today`.
    before = day - timedelta(days=1) if day > date.min else day
    team = ledger.book.team_on(day)  # not the day before's: someone who leaves today is not due today
    return [due for due in due_by(ledger, before, day) if due.teammate in team and due.teammate not in logged_today]


def last_length(ledger: Ledger, teammate: str, before: date) -> float | None:
    """How long the last 1:1 with `teammate` logged with its hours, before `before`, took: the walkthrough's default."""
    lengths = [
        r
        for r in ledger.records(end=before - timedelta(days=1) if before > date.min else before)
        if isinstance(r, HoursRecord) and r.activity == "one-on-one" and r.teammate == teammate and r.date < before
    ]
    return lengths[-1].hours if lengths else None  # records come oldest first


def _plus_days(day: date, days: int) -> date:
    try:
        return day + timedelta(days=days)
    except OverflowError:  # a 1:1 logged in late 9999 (a hand-edit typo): never due again
        return date.max
