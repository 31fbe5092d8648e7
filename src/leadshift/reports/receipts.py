"""What a command that writes records reports back: the records it logged or removed, and the day they fall on."""

from __future__ import annotations

from dataclasses import dataclass

from leadshift.domain.records import AnyRecord, OneOnOneRecord
from leadshift.reports.day import DayTotals


@dataclass(frozen=True)
class Logged:
    """Records just written, then the day's hours when they were hours."""

    records: list[AnyRecord]
    day: DayTotals | None = None
    already_logged: OneOnOneRecord | None = None  # the 1:1 a `yes --cancel-one-on-one` found logged that day


@dataclass(frozen=True)
class Removed:
    """A record just removed (`remove`, `undo`)."""

    record: AnyRecord


@dataclass(frozen=True)
class DaySaved:
    """The walkthrough's records, saved; and the day they make."""

    count: int
    day: DayTotals
