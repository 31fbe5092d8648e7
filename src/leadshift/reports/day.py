"""A day's hours and how much of the workday went to client delivery: what `log` shows after each record (pure)."""

from __future__ import annotations

import math
from datetime import date
from typing import NamedTuple

from leadshift.domain.client_work import DELIVERY, work_of
from leadshift.domain.ledger import Ledger
from leadshift.domain.records import HoursRecord, hours_on


class DayTotals(NamedTuple):
    day: date
    hours: float
    client_share: float | None  # delivery hours over the workday, as the review counts them; None: no hours
    limit: float  # the profile's client-share limit
    workday: float = 10.0  # the profile's workday hours
    delivery: float = 0.0  # the day's hours of client delivery


def day_totals(ledger: Ledger, day: date) -> DayTotals:
    """The hours logged on `day`, and the share of the workday that was client delivery."""
    book = ledger.book
    hours = [r for r in ledger.records(day, day) if isinstance(r, HoursRecord)]
    total = hours_on(hours, day)
    delivery = math.fsum(r.hours for r in hours if r.client and work_of(r, book) == DELIVERY)
    workday = book.profile.workday_hours
    share = delivery / workday if total else None
    return DayTotals(day, total, share, book.profile.client_share_limit, workday, delivery)
