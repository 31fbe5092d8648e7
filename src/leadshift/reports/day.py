"""A day's hours and how much of them went to client work: what `log` shows after each record (pure)."""

from __future__ import annotations

import math
from datetime import date
from typing import NamedTuple

from leadshift.domain.ledger import Ledger
from leadshift.domain.records import HoursRecord, hours_on


class DayTotals(NamedTuple):
    day: date
    hours: float
    client_share: float | None  # None: no hours that day
    limit: float  # the profile's client-share limit


def day_totals(ledger: Ledger, day: date) -> DayTotals:
    """The hours logged on `day`, and the share of them that was client work."""
    hours = [r for r in ledger.records(day, day) if isinstance(r, HoursRecord)]
    total = hours_on(hours, day)
    share = math.fsum(r.hours for r in hours if r.client) / total if total else None
    return DayTotals(day, total, share, ledger.book.profile.client_share_limit)
