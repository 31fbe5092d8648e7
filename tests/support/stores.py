"""A small real ledger for the storage tests, and records to put in it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from leadshift.domain.book import Book, Client, Profile, Teammate
from leadshift.domain.records import HoursRecord
from leadshift.storage.store import Store


def sample_book(name: str = "Sam Lee") -> Book:
    return Book(
        profile=Profile(name=name),
        teammates={"alice": Teammate(name="Alice Martin"), "bob": Teammate(name="Bob Chen")},
        clients={"acme": Client(name="Acme Ltd", backed_by=["alice"]), "globex": Client(name="Globex", owner="bob")},
    )


def hours(record_id: str, day: date, amount: float = 1.0, client: str = "acme") -> HoursRecord:
    return HoursRecord(id=record_id, date=day, hours=amount, client=client)


def put_month(store: Store, key: str, *records: HoursRecord) -> None:
    with store.change() as draft:
        draft.set_month(key, draft.month(key).with_records([*draft.month(key).records(), *records]))


def sample_store(ledger_home: Path) -> Store:
    """A ledger with a book and one record in October and one in November 2026."""
    store = Store(ledger_home)
    store.create(sample_book())
    put_month(store, "2026-10", hours("0000000a", date(2026, 10, 30)))
    put_month(store, "2026-11", hours("0000000b", date(2026, 11, 18)))
    return store


def copy_example(target: Path) -> Store:
    """A private copy of the bundled example ledger in `target`, as `leadshift demo` makes one."""
    from leadshift.cli.demo import EXAMPLE

    store = Store(target)
    store.copy_from(EXAMPLE)
    return store
