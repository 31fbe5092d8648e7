"""What a command that writes records reports back: the records it logged or removed, and the day they fall on.

Named tuples: they have no `--json`, and cost less to define than dataclasses on every `log`.
"""

from __future__ import annotations

from typing import NamedTuple

from leadshift.domain.records import AnyRecord, OneOnOneRecord
from leadshift.reports.day import DayTotals


class Logged(NamedTuple):
    """Records just written, then the day's hours when they were hours."""

    records: list[AnyRecord]
    day: DayTotals | None = None
    already_logged: OneOnOneRecord | None = None  # the 1:1 a `yes --cancel-one-on-one` found logged that day


class Removed(NamedTuple):
    """A record just removed (`remove`, `undo`)."""

    record: AnyRecord


class DaySaved(NamedTuple):
    """The walkthrough's records, saved; and the day they make."""

    count: int
    day: DayTotals
    actions: int = 0  # action items agreed in its held 1:1s
