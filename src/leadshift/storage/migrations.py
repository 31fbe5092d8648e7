"""Upgrading a ledger written by an older leadshift to the current schema version.

Each file carries its own `schema_version`. Reading never migrates: the models
accept every version up to the current one, so an older ledger reads as it is.
The first write after an upgrade of leadshift migrates every file (the store
keeps a copy of the old files first). Months are written before the book, so a
crash half-way leaves a book still at the old version and the next write
finishes the job; each step only touches files still below its version, so
migrating twice changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TypeVar

from leadshift.domain.book import Book
from leadshift.domain.ledger import Ledger
from leadshift.domain.records import Month
from leadshift.domain.schema import SCHEMA_VERSION
from leadshift.storage.layout import LEDGER_FILE

Step = Callable[[Ledger], Ledger]
File = TypeVar("File", Book, Month)


def outdated(ledger: Ledger) -> list[str]:
    """The files below the current version: `ledger.toml` and month keys, in the order a write takes them."""
    months = [key for key, month in sorted(ledger.months.items()) if month.schema_version < SCHEMA_VERSION]
    return [*months, *([LEDGER_FILE] if ledger.book.schema_version < SCHEMA_VERSION else [])]


def upgrade(ledger: Ledger) -> Ledger:
    """The same ledger at SCHEMA_VERSION: every step from each file's version on, in order."""
    for version in range(1, SCHEMA_VERSION):
        ledger = _bump(STEPS[version](ledger), version)
    return ledger


def _clients_get_added_dates(ledger: Ledger) -> Ledger:
    """Version 1 -> 2: a client's `added` is the day of its first record, if it has one.

    (A client with no record yet stays without a date: it counts as quiet from
    the first day logged, as it did in version 1.)
    """
    if ledger.book.schema_version != 1:
        return ledger
    first_seen: dict[str, date] = {}
    for record in ledger.records():  # oldest first
        for what, key in record.references():
            if what == "client":
                first_seen.setdefault(key, record.date)
    clients = {
        key: client.model_copy(update={"added": first_seen[key]}) if key in first_seen and not client.added else client
        for key, client in ledger.book.clients.items()
    }
    return Ledger(ledger.book.model_copy(update={"clients": clients}), ledger.months)


def _teammates_may_have_dates(ledger: Ledger) -> Ledger:
    """Version 2 -> 3: teammates may say when they `joined` and `left`; a version 2 ledger has neither, so it
    stays as it is. The version changes all the same: a leadshift that writes version 2 then refuses to write
    a ledger that may hold them, instead of dropping dates it does not know.
    """
    return ledger


def _client_work_has_kinds(ledger: Ledger) -> Ledger:
    """Version 3 -> 4: client hours may say what kind of work they were, clients may be prospects, leading
    hours may name the client that interrupted them, and months may hold teammates pulled onto your clients.

    A version 3 ledger has none of these: its client hours are delivery, the kind a record without one
    stands for, and its clients are no prospects, so it stays as it is. The version changes all the same,
    so that a leadshift writing version 3 refuses a ledger that may hold them instead of dropping them.
    """
    return ledger


def _promises_may_be_kept(ledger: Ledger) -> Ledger:
    """Version 4 -> 5: `ledger.toml` may hold action items and obstacles, open until done, and what calendar
    import reads: clients' domains, teammates' and your email addresses, your calendar file, keyword rules,
    and the answers remembered for calendar events.

    A version 4 ledger has none, so it stays as it is; the version changes so that a leadshift writing
    version 4 refuses a ledger that may hold them instead of dropping what the leader promised.
    """
    return ledger


STEPS: dict[int, Step] = {  # from version N to N + 1
    1: _clients_get_added_dates,
    2: _teammates_may_have_dates,
    3: _client_work_has_kinds,
    4: _promises_may_be_kept,
}


def _bump(ledger: Ledger, version: int) -> Ledger:
    """Files at `version` are now at `version + 1`."""

    def bumped(model: File) -> File:
        return model.model_copy(update={"schema_version": version + 1}) if model.schema_version == version else model

    return Ledger(bumped(ledger.book), {key: bumped(month) for key, month in ledger.months.items()})
