"""Reading a ledger folder: the book, and the months a command needs, through the cache of validated months.

A month file unchanged since it was last validated (same size, mtime and
content hash) is checked through the cache instead of being parsed again, and
a month is read in full only when the command looks at it (months.py).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from leadshift.domain.book import Book
from leadshift.domain.dates import month_key
from leadshift.domain.ledger import Ledger
from leadshift.domain.records import Month
from leadshift.errors import LedgerFileError, LedgerMissing
from leadshift.storage import codec
from leadshift.storage.layout import Layout
from leadshift.storage.months import MonthReader


class LedgerReader(Layout):
    """A ledger folder, read."""

    def exists(self) -> bool:
        return self.book_path.is_file()

    def require_folder(self) -> None:
        """Refuse, with the "no ledger here" message, where there is no ledger folder at all."""
        if not self.home.is_dir():
            self.read_book()

    def read_book(self) -> Book:
        if not self.exists():
            raise LedgerMissing(
                f'no ledger at {self.home}: create one with `leadshift init --name "Your Name"` '
                "(or point --ledger / LEADSHIFT_HOME at an existing one)."
            )
        return codec.decode_file(self, self.book_path, self.read_bytes(self.book_path), Book)

    def read_month(self, key: str, book: Book) -> Month:
        if not self.month_path(key).exists():
            return Month()
        reader = MonthReader(self, book)
        month = reader.month(key)
        reader.save()
        return month

    def load(
        self, start: date | None = None, end: date | None = None, book: Book | None = None, history: bool = False
    ) -> Ledger:
        """The book and the months that overlap [start, end]; an open end reaches the first or last month.

        `book`: the ledger.toml the caller has just read, so it is not read twice.
        `history`: also the months before `start`, as digests (digest.py): the few records the
        reports read from history, so that a report on ten years reads about as much as on one month.
        Every month before `start` is still verified (from the cache when unchanged).
        """
        book = book if book is not None else self.read_book()
        first, last = (month_key(start) if start else ""), (month_key(end) if end else "9999-99")
        reader = MonthReader(self, book)
        months: dict[str, Month] = {}
        older = []
        for key in self.month_keys():  # YYYY-MM sorts as dates do
            if first <= key <= last:
                months[key] = reader.month(key)
            elif history and key < first:
                reader.facts(key)  # a broken file is reported in order, as reading it whole would
                older.append(key)
        ledger = Ledger(book, {**reader.history(older), **months})
        reader.save()
        return ledger

    def read_bytes(self, path: Path) -> bytes:
        """A ledger file exactly as it is on disk (to decode, or to be edited by hand)."""
        try:
            return path.read_bytes()
        except OSError as error:
            raise LedgerFileError(f"cannot read {self.label(path)}: {error.strerror}.") from None
