"""Ledgers in memory for the pure tests: records sorted into their month files, no disk."""

from __future__ import annotations

from collections.abc import Iterable

from leadshift.domain.book import Book
from leadshift.domain.dates import month_key
from leadshift.domain.ledger import Ledger
from leadshift.domain.records import AnyRecord, Month


def ledger_of(book: Book, records: Iterable[AnyRecord]) -> Ledger:
    """`book` and `records`, each in the month it falls in, as the store would load them."""
    months: dict[str, list[AnyRecord]] = {}
    for record in records:
        months.setdefault(month_key(record.date), []).append(record)
    return Ledger(book, {key: Month().with_records(rs) for key, rs in months.items()})
