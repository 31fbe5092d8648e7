"""The only code that reads or writes ledger files.

Layout of a ledger directory (0700, every file 0600):

    ledger.toml          profile, teammates, clients          (a Book)
    log/YYYY-MM.toml     the records of one month              (a Month)
    backups/             the last versions of each file replaced
    .lock                taken by every write, never the data itself

Every write runs inside `Store.change()`: take the lock, re-read and validate
every file (no write while any file is broken), let the caller change the
ledger, validate the new content, and replace only the files that changed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from leadshift import codec, durable, errors, interrupts, lock
from leadshift.dates import month_key
from leadshift.errors import LedgerExists, LedgerFileError, LedgerMissing, LedgerVersionError, LedgerWriteError
from leadshift.model import SCHEMA_VERSION, Book, Ledger, Month

LEDGER_FILE = "ledger.toml"
LOG_DIR = "log"
BACKUP_DIR = "backups"
LOCK_FILE = ".lock"
_MONTH_FILE = re.compile(r"^(\d{4}-(0[1-9]|1[0-2]))\.toml$")


class Store:
    """A ledger directory on disk."""

    def __init__(self, home: Path) -> None:
        self.home = home
        self.book_path = home / LEDGER_FILE
        self.log_dir = home / LOG_DIR
        self.backup_dir = home / BACKUP_DIR
        self.lock_path = home / LOCK_FILE

    # -- reading -------------------------------------------------------------

    def exists(self) -> bool:
        return self.book_path.is_file()

    def month_path(self, key: str) -> Path:
        return self.log_dir / f"{key}.toml"

    def month_keys(self) -> list[str]:
        """Every month that has a file, oldest first."""
        if not self.log_dir.is_dir():
            return []
        return sorted(m.group(1) for p in self.log_dir.iterdir() if (m := _MONTH_FILE.match(p.name)))

    def read_book(self) -> Book:
        if not self.exists():
            raise LedgerMissing(
                f'no ledger at {self.home}: create one with `leadshift init --name "Your Name"` '
                "(or point --ledger / LEADSHIFT_HOME at an existing one)."
            )
        return self._decode(self.book_path, Book)

    def read_month(self, key: str, book: Book) -> Month:
        path = self.month_path(key)
        if not path.exists():
            return Month()
        return self._decode(path, Month, {"month": key, "book": book})

    def load(self, start: date | None = None, end: date | None = None, book: Book | None = None) -> Ledger:
        """The book and the months that overlap [start, end]; an open end reaches the first or last month.

        `book`: the ledger.toml the caller has just read, so it is not read twice.
        """
        book = book if book is not None else self.read_book()
        first, last = (month_key(start) if start else ""), (month_key(end) if end else "9999-99")
        keys = [key for key in self.month_keys() if first <= key <= last]  # YYYY-MM sorts as dates do
        return Ledger(book, {key: self.read_month(key, book) for key in keys})

    # -- writing -------------------------------------------------------------

    def create(self, book: Book) -> None:
        """Write a new ledger; refuse if one is already there, or if the folder holds other files."""
        strangers = sorted(p.name for p in self.home.iterdir()) if self.home.is_dir() else []
        if strangers and not self.exists():
            # Never chmod or fill someone's unrelated folder.
            raise LedgerExists(
                f"{self.home} already holds other files ({', '.join(strangers[:3])}); "
                "create the ledger in a new or empty folder with --ledger DIR."
            )
        try:
            durable.ensure_private_dir(self.home)
        except OSError as error:
            raise LedgerWriteError(
                f"cannot create the ledger directory {self.home}: {error.strerror}; choose another with --ledger DIR."
            ) from None
        with lock.exclusive(self.lock_path):
            if self.exists():
                raise LedgerExists(
                    f"a ledger already exists at {self.home}; leadshift never overwrites one. "
                    "Use `leadshift teammate/client ...` to change it, or --ledger DIR for another."
                )
            with interrupts.held():
                self._write(self.book_path, book, Book)

    @contextmanager
    def change(self) -> Iterator[Draft]:
        """Lock, load everything, let the caller edit a Draft, then save what changed."""
        if not self.exists():
            self.read_book()  # raises the "no ledger" message
        with lock.exclusive(self.lock_path):
            ledger = self.load()
            files = [self.book_path, *map(self.month_path, ledger.months)]  # load() read every month
            self._refuse_newer(ledger)
            self._refuse_symlinks(files)
            self._remove_stale_temp_files()
            draft = Draft(ledger)
            yield draft
            with interrupts.held():  # a Ctrl-C lands after the save: it is finished or never begun
                self._save(draft)
            self._make_private(files)  # files written now are 0600 already; older ones may not be

    def _save(self, draft: Draft) -> None:
        if draft.book_changed:
            self._refuse_orphans(draft.ledger)
            self._write(self.book_path, draft.ledger.book, Book)
        for key in sorted(draft.changed_months):
            month = draft.ledger.months[key]
            self._write(self.month_path(key), month, Month, {"month": key, "book": draft.ledger.book})

    def _make_private(self, files: list[Path]) -> None:
        # A copied, unpacked or hand-made ledger may have come in 0755/0644.
        durable.ensure_private_dir(self.home)
        for folder in (self.log_dir, self.backup_dir):
            if folder.is_dir():
                durable.ensure_private_dir(folder)
        backups = list(self.backup_dir.iterdir()) if self.backup_dir.is_dir() else []
        for path in [*files, *backups]:
            durable.tighten(path)

    def _write(self, path: Path, model: Any, schema: type, context: dict[str, Any] | None = None) -> None:
        data = codec.encode(model)
        # Read our own output back before it reaches the disk: what the TOML
        # writer produced must parse and validate to exactly the same content.
        again = codec.decode(data, schema, self._label(path), "This is a bug in leadshift.", context)
        if again != model:
            raise LedgerWriteError(f"{self._label(path)} would not read back as written; nothing was saved.")
        try:
            durable.ensure_private_dir(path.parent)
            durable.write_atomic(path, data, self.backup_dir)
        except OSError as error:
            raise LedgerWriteError(
                f"could not save {self._label(path)}: {errors.in_words(error)}; the file on disk is unchanged."
            ) from None

    def _refuse_symlinks(self, files: list[Path]) -> None:
        # An atomic replace swaps the link for a plain file: the linked copy
        # (a dotfiles repo, a synced folder) would silently stop getting changes.
        for path in files:
            if path.is_symlink():
                raise LedgerWriteError(
                    f"{self._label(path)} is a symbolic link; leadshift replaces files whole and would break it. "
                    f"Point --ledger at the folder that holds the real files ({path.resolve().parent})."
                )

    def _remove_stale_temp_files(self) -> None:
        # Only a writer killed mid-save leaves these; under the lock none is in progress.
        for folder in (self.home, self.log_dir, self.backup_dir):
            if folder.is_dir():
                for temp in folder.glob(f".*{durable.TEMP_SUFFIX}"):
                    if temp.is_file() and not temp.is_symlink():
                        temp.unlink(missing_ok=True)

    def _refuse_orphans(self, ledger: Ledger) -> None:
        # The edit rules already refuse this; the store checks again because a
        # month file naming a removed client would make the whole ledger unreadable.
        for key, month in ledger.months.items():
            try:
                Month.model_validate(month.model_dump(), context={"month": key, "book": ledger.book})
            except ValidationError as error:
                problem = error.errors(include_input=False)[0]["msg"].removeprefix("Value error, ")
                label = self._label(self.month_path(key))
                raise LedgerWriteError(f"this change would break {label}: {problem}.") from None

    def _refuse_newer(self, ledger: Ledger) -> None:
        versions = [ledger.book.schema_version, *(m.schema_version for m in ledger.months.values())]
        if max(versions) > SCHEMA_VERSION:
            raise LedgerVersionError(
                f"this ledger was written by a newer leadshift (schema version {max(versions)}; this one "
                f"writes version {SCHEMA_VERSION}). Upgrade with `pip install --upgrade leadshift`."
            )

    # -- helpers -------------------------------------------------------------

    def _label(self, path: Path) -> str:
        return str(path.relative_to(self.home)) if path.is_relative_to(self.home) else str(path)

    def _decode(self, path: Path, model: type, context: dict[str, Any] | None = None) -> Any:
        hint = f"Fix it by hand in {path}, or copy its latest good version from {self.backup_dir}/."
        try:
            data = path.read_bytes()
        except OSError as error:
            raise LedgerFileError(f"cannot read {self._label(path)}: {error.strerror}.") from None
        return codec.decode(data, model, self._label(path), hint, context)


class Draft:
    """The ledger being changed inside `Store.change()`; records which files changed."""

    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger
        self.book_changed = False
        self.changed_months: set[str] = set()

    @property
    def book(self) -> Book:
        return self.ledger.book

    def month(self, key: str) -> Month:
        return self.ledger.months.get(key) or Month()

    def set_book(self, book: Book) -> None:
        self.ledger = Ledger(book, self.ledger.months)
        self.book_changed = True

    def set_month(self, key: str, month: Month) -> None:
        self.ledger = Ledger(self.ledger.book, {**self.ledger.months, key: month})
        self.changed_months.add(key)
