"""The ledger being changed inside `Store.change()`: the new content, and which files it touches."""

from __future__ import annotations

from collections.abc import Iterable

from leadshift.domain.book import Book
from leadshift.domain.ledger import Ledger
from leadshift.domain.records import Month
from leadshift.storage.months import Months


class Draft:
    """The ledger as read under the lock, and as the command changes it."""

    def __init__(self, ledger: Ledger) -> None:
        self.original = ledger  # as read under the lock
        self.ledger = ledger
        self.book_changed = False
        self.changed_months: set[str] = set()
        self.removed_ids: set[str] = set()

    @property
    def book(self) -> Book:
        return self.ledger.book

    def month(self, key: str) -> Month:
        return self.ledger.months.get(key) or Month()

    def set_book(self, book: Book) -> None:
        self.ledger = Ledger(book, self.ledger.months)
        self.book_changed = True

    def set_month(self, key: str, month: Month, removed: Iterable[str] = ()) -> None:
        """Replace a month; `removed`: the ids taken out on purpose (any other missing record refuses the save)."""
        months = self.ledger.months
        # Months read lazily stay lazy: copying them into a dict would read every one.
        updated = months.with_month(key, month) if isinstance(months, Months) else {**months, key: month}
        self.ledger = Ledger(self.ledger.book, updated)
        self.changed_months.add(key)
        self.removed_ids.update(removed)
