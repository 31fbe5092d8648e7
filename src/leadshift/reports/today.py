"""`leadshift today`: the day so far, for a glance before closing the laptop (pure)."""

from __future__ import annotations

import math
from collections import defaultdict
from datetime import date
from typing import NamedTuple

from leadshift.domain.client_work import work_of
from leadshift.domain.ledger import Ledger
from leadshift.domain.records import EscalationRecord, HoursRecord, OneOnOneRecord, TradeOffRecord
from leadshift.reports.day import DayTotals, day_totals


class ClientHours(NamedTuple):
    client: str  # key
    name: str
    work: str | None  # delivery, relationship or new-business
    hours: float


class ActivityHours(NamedTuple):
    activity: str
    hours: float


class Meeting(NamedTuple):
    """A 1:1 of the day: with whom, how it went, and the client that caused a lost one."""

    teammate: str
    name: str
    status: str
    because: str | None  # a client key
    because_name: str | None


class Today(NamedTuple):
    totals: DayTotals
    clients: list[ClientHours]  # most hours first
    activities: list[ActivityHours]  # most hours first
    one_on_ones: list[Meeting]
    escalations: int
    yeses: int  # trade-offs: requests you said yes to, and what they cost

    @property
    def limit_hours(self) -> float:
        """The client delivery the day may hold: the limit of the workday (4 h of a 10 h day)."""
        return self.totals.limit * self.totals.workday

    @property
    def left_before_limit(self) -> float:
        """Hours of delivery still within the limit today (0 once over it)."""
        return max(0.0, self.limit_hours - self.totals.delivery)


def today(ledger: Ledger, day: date) -> Today:
    """What `day` holds so far: hours by client and by activity, its 1:1s, and delivery against the limit."""
    book = ledger.book
    records = ledger.records(day, day)
    by_client: dict[tuple[str, str | None], list[float]] = defaultdict(list)
    by_activity: dict[str, list[float]] = defaultdict(list)
    for record in records:
        if isinstance(record, HoursRecord) and record.client:
            by_client[record.client, work_of(record, book)].append(record.hours)
        elif isinstance(record, HoursRecord) and record.activity:
            by_activity[record.activity].append(record.hours)
    clients = [
        ClientHours(key, book.client_name(key), work, math.fsum(hours)) for (key, work), hours in by_client.items()
    ]
    activities = [ActivityHours(activity, math.fsum(hours)) for activity, hours in by_activity.items()]
    meetings = [
        Meeting(
            r.teammate, book.teammate_name(r.teammate), r.status, r.because, r.because and book.client_name(r.because)
        )
        for r in records
        if isinstance(r, OneOnOneRecord)
    ]
    return Today(
        day_totals(ledger, day),
        sorted(clients, key=lambda c: (-c.hours, c.client)),
        sorted(activities, key=lambda a: (-a.hours, a.activity)),
        meetings,
        sum(isinstance(r, EscalationRecord) for r in records),
        sum(isinstance(r, TradeOffRecord) for r in records),
    )
