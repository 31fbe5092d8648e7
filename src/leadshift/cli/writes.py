"""The two ways commands change the ledger: edit the book, or add records."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from leadshift.cli.session import Session

if TYPE_CHECKING:
    from leadshift.domain.book import Book
    from leadshift.domain.ledger import Ledger
    from leadshift.domain.records import AnyRecord


def change_book(session: Session, edit: Callable[[Ledger], Book]) -> Book:
    """Apply `edit` to the freshly locked ledger and save `ledger.toml`."""
    with session.store.change() as draft:
        draft.set_book(edit(draft.ledger))
    return draft.book


def save_records(
    session: Session, make: Callable[[Ledger], list[AnyRecord]], edit: Callable[[Ledger], Book] | None = None
) -> tuple[list[AnyRecord], Ledger]:
    """Build records against the locked ledger (so keys and ids are current) and save them.

    `edit`, if given, changes the book in the same save (the action items of a 1:1): one change, one undo.
    """
    from leadshift.domain.changes import months_with

    with session.store.change() as draft:
        records = make(draft.ledger)
        if edit is not None:
            draft.set_book(edit(draft.ledger))
        for key, month in months_with(draft.ledger, records, datetime.now()).items():
            draft.set_month(key, month)
    return records, draft.ledger
