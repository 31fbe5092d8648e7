"""The week seen from the team's side: the time budget's rule, teammates pulled onto your clients, and
client calls that cut into your time with the team (pure).

The client share is delivery over whole workdays (docs/coaching.md, 6): Eco Life counts the hours of
a 10-hour day, so 4 h of delivery is 40% of the day whether 5 or 10 hours were logged. A half-logged
day therefore reads low, and `days-partly-logged` says so rather than let the rule be passed by
logging less.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from leadshift.domain.records import AnyRecord, HoursRecord, PulledRecord
from leadshift.domain.wording import shown_hours

PARTLY_LOGGED = 0.6  # logged days averaging under this share of the workday read the client share low


@dataclass(frozen=True)
class PulledOnto:
    """One teammate's hours pulled onto one of your clients in the week, and their clients that paid."""

    teammate: str
    client: str
    hours: float
    from_clients: list[str]  # the clients of theirs named with --from, each once


@dataclass(frozen=True)
class Interruption:
    """Time with the team that a client cut into."""

    date: date
    activity: str
    teammate: str | None
    client: str
    hours: float


def delivery_share(delivery: float, workday: float, days_logged: int) -> float | None:
    """Delivery hours over the workdays logged; None when no day has hours."""
    return delivery / (workday * days_logged) if days_logged else None


def partly_logged(total: float, days_logged: int, workday: float) -> bool:
    """Whether the days logged average under PARTLY_LOGGED of the workday, both as shown."""
    return bool(days_logged) and shown_hours(total / days_logged) < shown_hours(PARTLY_LOGGED * workday)


def pulled_onto(records: list[AnyRecord]) -> list[PulledOnto]:
    """The week's pulls, summed per teammate and client, in the order the pairs first appear."""
    hours: dict[tuple[str, str], list[float]] = defaultdict(list)
    paid: dict[tuple[str, str], list[str]] = defaultdict(list)
    for record in records:
        if isinstance(record, PulledRecord):
            pair = (record.teammate, record.client)
            hours[pair].append(record.hours)
            if record.from_client and record.from_client not in paid[pair]:
                paid[pair].append(record.from_client)
    return [PulledOnto(mate, client, math.fsum(h), paid[(mate, client)]) for (mate, client), h in hours.items()]


def interruptions(records: list[AnyRecord]) -> list[Interruption]:
    """Team time the week's records say a client interrupted, oldest first."""
    return [
        Interruption(r.date, r.activity or "", r.teammate, r.interrupted_by, r.hours)
        for r in records
        if isinstance(r, HoursRecord) and r.interrupted_by
    ]
