"""A numbered sequence of saves whose result is known after every one of them, to check a ledger after a crash.

Save n changes exactly one file, as every leadshift command does: every third save renames the leader in
ledger.toml, the others add record n to one of two months and drop that month's oldest record beyond
WINDOW (so files, and saves, stay small however many run). The whole ledger after save n is a function
of n alone, and the number of the last save is readable from any ledger file: a ledger is checked by
reading it, finding that number and comparing everything with what the sequence says.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from leadshift.domain.book import Book, Client, Profile
from leadshift.domain.records import HoursRecord, Month
from leadshift.storage import codec, durable, layout
from leadshift.storage.draft import Draft
from leadshift.storage.layout import CACHE_DIR
from leadshift.storage.store import Store

MONTHS = ("2026-10", "2026-11")
WINDOW = 12  # records kept in each month
LEADER = "Sam Lee"


def changes_book(n: int) -> bool:
    return n % 3 == 2


def month_of(n: int) -> str:
    return MONTHS[(n // 3) % len(MONTHS)]


def record(n: int) -> HoursRecord:
    year, month = map(int, month_of(n).split("-"))
    return HoursRecord(id=f"{n:08x}", date=date(year, month, 1 + n % 20), hours=0.25, client="acme", note=f"save {n}")


def book(n: int) -> Book:
    """ledger.toml after save n: named after the last save that changed it."""
    last = next((i for i in range(n, -1, -1) if changes_book(i)), None)
    name = LEADER if last is None else f"{LEADER} {last}"
    return Book(profile=Profile(name=name), clients={"acme": Client(name="Acme Ltd")})


def records(key: str, n: int) -> list[HoursRecord]:
    """The records of month `key` after save n, oldest first."""
    mine = [i for i in range(n, -1, -1) if not changes_book(i) and month_of(i) == key][:WINDOW]
    return [record(i) for i in reversed(mine)]


def create(home: Path) -> Store:
    store = Store(home)
    store.create(book(-1))
    return store


def apply(draft: Draft, n: int) -> None:
    """Make save n inside `Store.change()`."""
    if changes_book(n):
        draft.set_book(book(n))
    else:
        key = month_of(n)
        every = [*draft.month(key).records(), record(n)]
        kept = every[-WINDOW:]  # a sliding window keeps the files small: the oldest record is removed, on purpose
        draft.set_month(key, Month().with_records(kept), removed=[r.id for r in every[:-WINDOW]])


def save(store: Store, n: int) -> None:
    with store.change() as draft:
        apply(draft, n)


@dataclass(frozen=True)
class State:
    """What a reader sees: the book and every month's records."""

    book: Book
    months: dict[str, list[HoursRecord]]

    def last_save(self) -> int:
        """The number of the save this state is the result of (-1: none yet)."""
        name = self.book.profile.name.removeprefix(LEADER).strip()
        numbers = [int(name) if name else -1, *(int(r.id, 16) for rs in self.months.values() for r in rs)]
        return max(numbers)


def expected(n: int) -> State:
    months = {key: records(key, n) for key in MONTHS}
    return State(book(n), {key: rs for key, rs in months.items() if rs})


def observed(store: Store) -> State:
    """Everything on disk, read and validated as every command reads it."""
    ledger = store.load()
    months = {key: [r for r in month.records() if isinstance(r, HoursRecord)] for key, month in ledger.months.items()}
    return State(ledger.book, months)


def backups_are_earlier_versions(store: Store, last: int) -> None:
    """Every file in backups/ validates and is the whole of some version before save `last`, or of that one."""
    for path in sorted(store.backup_dir.iterdir()) if store.backup_dir.is_dir() else []:
        name, _, number = path.name.rpartition(".")
        assert number.isdigit(), f"not a numbered backup: {path.name}"
        if name == "ledger.toml":
            old = codec.decode(path.read_bytes(), Book, path.name, "")
            assert old == book(State(old, {}).last_save()), path.name
            assert State(old, {}).last_save() <= last, path.name
        else:
            key = name.removeprefix("log-").removesuffix(".toml")
            month = codec.decode(path.read_bytes(), Month, path.name, "", {"month": key, "book": book(last)})
            kept = [r for r in month.records() if isinstance(r, HoursRecord)]
            newest = State(book(-1), {key: kept}).last_save()
            assert kept == records(key, newest), path.name
            assert newest <= last, path.name


def temp_files(store: Store, cache: bool = False) -> list[Path]:
    """Temp files of ledger files; with `cache`, of the cache too (written after the save, safe to lose)."""
    every = store.home.rglob(f"*{layout.TEMP_SUFFIX}")
    return [p for p in every if cache or CACHE_DIR not in p.relative_to(store.home).parts]


def written_by(store: Store, n: int) -> Path:
    """The one file save n replaces."""
    return store.book_path if changes_book(n) else store.month_path(month_of(n))


def backups(store: Store, path: Path) -> list[Path]:
    """The backups of one ledger file, oldest first."""
    return durable.backups_of(store.backup_dir, layout.backup_name(path, store.home))


def stray_backups(store: Store) -> list[str]:
    """Backups that are the current file itself: left by a save that linked a backup but never replaced the file."""
    files = [store.book_path, *(store.month_path(key) for key in store.month_keys())]
    return [
        kept[-1].name for path in files if (kept := backups(store, path)) and kept[-1].read_bytes() == path.read_bytes()
    ]
