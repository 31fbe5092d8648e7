"""An event's hours, counted once (pure).

Two events at the same time are one stretch of the leader's day, not two: an
event counts only its time on the day not already covered by an event counted
before it. Events are counted in the order they start (an equal start: the one
that ends first, then by title), so a later or overlapping meeting keeps only
the minutes left over. Times are compared in UTC, so a day of 23 or 25 hours
(a change of daylight saving) counts its real length.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, tzinfo

from leadshift.domain.wording import shown_hours

Span = tuple[datetime, datetime]  # in UTC


def day_span(day: date, zone: tzinfo) -> Span:
    """The leader's day, midnight to midnight in their zone, in UTC."""
    start = datetime.combine(day, time(), zone)
    end = datetime.combine(day + timedelta(days=1), time(), zone)
    return start.astimezone(UTC), end.astimezone(UTC)


class Counter:
    """The stretches of the day already counted; each event asks what is left of it."""

    def __init__(self, day: Span) -> None:
        self.day = day
        self.counted: list[Span] = []

    def count(self, start: datetime, end: datetime) -> float:
        """The hours of `start`-`end` on the day not counted yet (to the hundredth), then counts them."""
        first, last = max(start.astimezone(UTC), self.day[0]), min(end.astimezone(UTC), self.day[1])
        if last <= first:
            return 0.0
        seconds = (last - first).total_seconds() - sum(_overlap((first, last), span) for span in self.counted)
        self.counted = _merged([*self.counted, (first, last)])
        return shown_hours(seconds / 3600)


def _overlap(one: Span, other: Span) -> float:
    return max(0.0, (min(one[1], other[1]) - max(one[0], other[0])).total_seconds())


def _merged(spans: list[Span]) -> list[Span]:
    """The same time as disjoint spans, so that overlaps are subtracted once."""
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged
