"""How fast a plan starts handoffs: a few a week, never in a week off (pure).

Essay 001 warns that handing clients over takes patience and training first;
five introductions in one week, on top of the job, is a plan nobody lives
through. So a plan starts at most `per_week` handoffs in a week, and no stage
of a handoff starts in a week the leader is away (`--skip`, or the holidays
in the profile). A stage that runs across a week off lasts that week longer:
each stage keeps its working weeks.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from leadshift.domain.dates import IsoWeek

DEFAULT_PER_WEEK = 2  # two new clients to prepare and introduce in a week is already a full week for a leader
WEEK = timedelta(weeks=1)


@dataclass(frozen=True)
class Pacing:
    per_week: int = DEFAULT_PER_WEEK
    skipped: frozenset[IsoWeek] = frozenset()
    week_starts: str = "monday"  # the profile's: which week a day falls in

    def __post_init__(self) -> None:
        if self.per_week < 1:  # the command line refuses it first; a plan could never start one
            raise ValueError(f"at least one handoff must start in a week, got {self.per_week}")

    def week(self, day: date) -> IsoWeek:
        return IsoWeek.of(day, self.week_starts)

    def skips(self, day: date) -> bool:
        return self.week(day) in self.skipped

    def open_from(self, day: date) -> date:
        """`day`, or the same weekday of the first week after it that is not skipped."""
        while self.skips(day):
            day += WEEK
        return day

    def end_after(self, start: date, weeks: int) -> date:
        """The last day of a stage starting on `start` that needs `weeks` working weeks: weeks off do not count."""
        day, worked = start, 0
        while True:
            worked += not self.skips(day)
            if worked >= weeks:
                return day + timedelta(days=6)
            day += WEEK
