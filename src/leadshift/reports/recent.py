"""What the coaching reads beyond the reviewed week: the four weeks ending with it, and the four before (pure).

One week is too few to tell a habit from an accident: six escalations spread
over six weeks never make two in one week, and a share that has not moved in a
month reads like any other week. These figures span RECENT_WEEKS weeks.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from leadshift.domain.ledger import Ledger
from leadshift.domain.records import EscalationRecord, OneOnOneRecord, TradeOffRecord
from leadshift.domain.wording import shown_percent

RECENT_WEEKS = 4
WEEKS_READ = 2 * RECENT_WEEKS  # the four weeks and the four before them, read whole


@dataclass(frozen=True)
class Asking:
    """Escalations in a span of weeks and how many times the leader asked for the teammate's solution first."""

    escalations: int
    asked_first: int

    @property
    def told(self) -> int:
        return self.escalations - self.asked_first


@dataclass(frozen=True)
class Recent:
    first: date  # the first day of the four weeks ending with the reviewed one
    asking: Asking  # in those four weeks
    asking_before: Asking  # in the four weeks before them
    requests: dict[str, int]  # client key: yeses to its requests in the four weeks
    urgent: dict[str, int]  # client key: how many of those it called urgent
    lost_this_week: dict[str, int]  # client key: 1:1s it cost this week (cancelled or interrupted)
    shares: list[tuple[str, float | None]]  # (week, client share) of the four weeks, oldest first; None: no hours


def recent(ledger: Ledger, start: date, end: date, shares: list[tuple[str, float | None]]) -> Recent:
    """The four weeks ending with the week `start`..`end`, and the four before them.

    `shares`: the client share of each of the four weeks, as the review's trend measures it.
    """
    first = start - timedelta(weeks=RECENT_WEEKS - 1)
    before = first - timedelta(weeks=RECENT_WEEKS)
    records = ledger.records(before, end)
    now = [r for r in records if r.date >= first]
    yeses = [r for r in now if isinstance(r, TradeOffRecord)]
    return Recent(
        first=first,
        asking=_asking([r for r in now if isinstance(r, EscalationRecord)]),
        asking_before=_asking([r for r in records if isinstance(r, EscalationRecord) and r.date < first]),
        requests=dict(sorted(Counter(r.client for r in yeses).items())),
        urgent=dict(sorted(Counter(r.client for r in yeses if r.urgent).items())),
        lost_this_week=dict(
            Counter(r.because for r in now if isinstance(r, OneOnOneRecord) and r.because and r.date >= start)
        ),
        shares=shares,
    )


def _asking(escalations: list[EscalationRecord]) -> Asking:
    return Asking(len(escalations), sum(r.asked_first for r in escalations))


MIN_FALL = 5  # percentage points (as shown): less is a week's noise, not a change


@dataclass(frozen=True)
class Fall:
    """The client share fell `points` from `week` (`weeks` weeks before the reviewed one) to the reviewed week."""

    week: str
    weeks: int
    before: int  # percent, as shown
    now: int
    points: int


def share_fall(shares: list[tuple[str, float | None]]) -> Fall | None:
    """A fall of MIN_FALL points or more, as shown: over the four weeks, else against the week before.

    The four weeks are counted from the first of them with hours logged.
    """
    if len(shares) < 2 or shares[-1][1] is None:
        return None
    now = shown_percent(shares[-1][1])
    logged = [(i, week, share) for i, (week, share) in enumerate(shares[:-1]) if share is not None]
    for i, week, share in logged[:1] + logged[-1:]:  # the longest span first
        if shown_percent(share) - now >= MIN_FALL:
            return Fall(week, len(shares) - 1 - i, shown_percent(share), now, shown_percent(share) - now)
    return None
