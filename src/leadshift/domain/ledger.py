"""The ledger in memory: the book and the months a command loaded, as one object."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from leadshift.domain.book import Book
from leadshift.domain.dates import month_key
from leadshift.domain.records import AnyRecord, Month


@dataclass(frozen=True)
class Ledger:
    """The whole ledger in memory: the book and whichever months were loaded."""

    book: Book
    months: Mapping[str, Month] = field(default_factory=dict)

    def record_ids(self) -> set[str]:
        """Every id in the loaded months (unsorted: cheaper than `records()`)."""
        known = getattr(
            self.months, "record_ids", None
        )  # months read lazily (storage.months.Months) know without reading
        if known is not None:
            return set(known())
        return {r.id for month in self.months.values() for r in month.records()}

    def records(self, start: date | None = None, end: date | None = None) -> list[AnyRecord]:
        """Records between `start` and `end` inclusive, oldest first (stable within a day)."""
        first, last = (month_key(start) if start else ""), (month_key(end) if end else "9999-99")
        chosen = [
            record
            for key in sorted(self.months)
            if first <= key <= last  # a month file holds only its month's records: skip the others unread
            for record in self.months[key].records()
            if (start is None or record.date >= start) and (end is None or record.date <= end)
        ]
        return sorted(chosen, key=lambda r: (r.date, r.added or datetime.min))
