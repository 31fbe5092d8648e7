"""The only code that reads or writes ledger files.

Layout of a ledger directory (0700, every file 0600):

    ledger.toml          profile, teammates, clients          (a Book)
    log/YYYY-MM.toml     the records of one month              (a Month)
    backups/             the last versions of each file replaced
    .lock                taken by every write, never the data itself
    .cache/              what each month file held when last validated (cache.py); safe to delete

Every write runs inside `Store.change()`: take the lock, re-read and validate
every file (no write while any file is broken), let the caller change the
ledger, validate the new content, and replace only the files that changed.
A month file unchanged since it was last validated (same size, mtime and
content hash) is checked through the cache instead of being parsed again,
and a month is read in full only when the command looks at it (catalog.py).
The one other write, `Store.replace_by_hand()` (`leadshift edit`), replaces one
file with hand-edited bytes under the same lock and the same validation.
"""

from __future__ import annotations

import re
import shlex
import shutil
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from leadshift import codec, durable, errors, interrupts, lock
from leadshift.cache import CACHE_DIR, MONTHS_DIR, Source
from leadshift.catalog import MonthReader, Months, facts_of
from leadshift.dates import month_key
from leadshift.errors import (
    InvalidEdit,
    LedgerChanged,
    LedgerExists,
    LedgerFileError,
    LedgerMissing,
    LedgerVersionError,
    LedgerWriteError,
)
from leadshift.model import SCHEMA_VERSION, Book, Ledger, Month

LEDGER_FILE = "ledger.toml"
LOG_DIR = "log"
BACKUP_DIR = "backups"
LOCK_FILE = ".lock"
_MONTH_FILE = re.compile(r"^(\d{4}-(0[1-9]|1[0-2]))\.toml$")
# What a person may keep in the ledger folder on purpose: the README suggests putting it in git.
VERSION_CONTROL = frozenset({".git", ".gitignore", ".gitattributes", ".hg", ".hgignore"})


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

    def month_source(self, key: str) -> Source:
        """The bytes of a month file and their fingerprint (for the cache)."""
        path = self.month_path(key)
        try:
            return Source.read(path)
        except OSError as error:
            raise LedgerFileError(f"cannot read {self._label(path)}: {error.strerror}.") from None

    def decode_month(self, key: str, data: bytes, book: Book) -> Month:
        """Parse and validate the bytes of month file `key`; errors name its line and the fix."""
        return self._decode_data(self.month_path(key), data, Month, {"month": key, "book": book})

    # -- writing -------------------------------------------------------------

    def create(self, book: Book) -> None:
        """Write a new ledger; refuse if one is already there, or if the folder holds other files."""
        # A lock left by an init that failed (a full disk) or version control is not someone else's data.
        ours = {LOCK_FILE, *VERSION_CONTROL}
        strangers = sorted(p.name for p in self.home.iterdir() if p.name not in ours) if self.home.is_dir() else []
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
        """Lock, check every file, let the caller edit a Draft, then save what changed.

        The draft's months are read in full only when looked at (catalog.Months);
        every month file is verified before the caller runs, from the cache when
        it is unchanged since it was last validated.
        """
        if not self.exists():
            self.read_book()  # raises the "no ledger" message
        with lock.exclusive(self.lock_path):
            self.refuse_linked_folders()
            book = self.read_book()
            reader = MonthReader(self, book)
            keys = self.month_keys()
            for key in keys:
                reader.facts(key)  # raises on the first broken file, as reading them all would
            months = Months(reader, keys)
            files = [self.book_path, *map(self.month_path, keys)]
            versions = [book.schema_version, *months.schema_versions()]
            refuse_newer(versions)
            self._refuse_symlinks(files)
            self._remove_stale_temp_files()
            if min(versions) < SCHEMA_VERSION:  # a migration reads every month
                draft = self._upgraded(Ledger(book, dict(months.items())))
            else:
                draft = Draft(Ledger(book, months))
            yield draft
            with interrupts.held():  # a Ctrl-C lands after the save: it is finished or never begun
                self._save(draft, reader)
                reader.save()  # the cache too: an interrupted write of it would leave a temp file
                self._make_private(files)  # files written now are 0600 already; older ones may not be

    def _upgraded(self, ledger: Ledger) -> Draft:
        """A draft of `ledger` at the current schema version, outdated files marked to be written."""
        from leadshift import migrations

        draft = Draft(ledger)
        if outdated := migrations.outdated(ledger):
            self._keep_copy_before_migration(outdated)
            upgraded = migrations.upgrade(ledger)
            for key in outdated:
                if key == LEDGER_FILE:
                    draft.set_book(upgraded.book)
                else:
                    draft.set_month(key, upgraded.months[key])
        return draft

    def _save(self, draft: Draft, reader: MonthReader) -> None:
        # A change that changes nothing writes nothing: ten of them would push every real
        # version out of backups/, and a hand-edited file keeps its comments.
        # Months first: a book at the current version then means every month was migrated.
        for key in sorted(draft.changed_months):
            month = draft.ledger.months[key]
            if key in draft.original.months and month == draft.original.months[key]:
                continue
            self._refuse_lost_records(key, draft.original.months.get(key, Month()), month, draft.removed_ids)
            written = self._write(self.month_path(key), month, Month, {"month": key, "book": draft.ledger.book})
            self._remember(reader, key, written, month)
        if draft.book_changed and draft.ledger.book != draft.original.book:
            self._refuse_orphans(draft.ledger)
            self._write(self.book_path, draft.ledger.book, Book)

    def _make_private(self, files: list[Path]) -> None:
        # A copied, unpacked or hand-made ledger may have come in 0755/0644.
        durable.ensure_private_dir(self.home)
        for folder in (self.log_dir, self.backup_dir):
            if folder.is_dir():
                durable.ensure_private_dir(folder)
        backups = list(self.backup_dir.iterdir()) if self.backup_dir.is_dir() else []
        for path in [*files, *backups]:
            durable.tighten(path)

    def _write(self, path: Path, model: Any, schema: type, context: dict[str, Any] | None = None) -> Source:
        """Validate, write and read back `model`; the file as read back (its bytes and fingerprint)."""
        label = self._label(path)
        try:
            data = codec.encode(model)
        except (TypeError, ValueError) as error:  # a value TOML cannot hold (None in a list, a 2**70 integer)
            raise LedgerWriteError(f"{label} cannot be written as TOML ({error}); nothing was saved.") from None
        # Read our own output back before it reaches the disk: what the TOML
        # writer produced must parse and validate to exactly the same content.
        try:
            again = codec.decode(data, schema, label, "Nothing was saved; this is a bug in leadshift.", context)
        except LedgerFileError as error:
            raise LedgerWriteError(f"refused to save {error.message}") from None
        if again != model:
            raise LedgerWriteError(f"{label} would not read back as written; nothing was saved.")
        existed = path.exists()
        try:
            durable.ensure_private_dir(path.parent)
            durable.write_atomic(path, data, self.backup_dir)
            written = Source.read(path)
        except OSError as error:
            raise LedgerWriteError(
                f"could not save {label}: {errors.in_words(error)}; the file on disk is unchanged."
            ) from None
        if written.data != data:
            # Read back after the write (as jrnl does): a disk or file system that
            # loses bytes must not leave a shortened file in place of the last good one.
            if existed:
                durable.put_back_last_backup(path, self.backup_dir)
            else:
                path.unlink()
            undone = "the previous version was put back" if existed else "the new file was removed"
            raise LedgerWriteError(f"{label} did not read back as written; {undone}. Check the disk, then try again.")
        return written

    def _remember(self, reader: MonthReader, key: str, written: Source, month: Month) -> None:
        """Cache the month just written, validated and read back, so the next command need not parse it."""
        reader.cache.put(key, written, facts_of(month), month.model_dump_json().encode())

    def refuse_linked_folders(self) -> None:
        """Refuse to write while log/ or backups/ is a symbolic link (called under the lock by every write).

        Writing through one would put the ledger's files, and their 0700 chmod, in a folder outside it.
        """
        for folder in (self.log_dir, self.backup_dir):
            if folder.is_symlink():
                raise LedgerWriteError(
                    f"{folder.name}/ is a symbolic link, and leadshift will not write through it into another "
                    f"folder; nothing was written. Replace the link with a real folder holding the same files "
                    f"(`rm {shlex.quote(str(folder))} && cp -Rp {shlex.quote(str(folder.resolve()))} "
                    f"{shlex.quote(str(folder))}`), then try again."
                )

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
        cache = self.home / CACHE_DIR
        folders = [self.home, self.log_dir, self.backup_dir]
        if not cache.is_symlink():  # its months/ would be someone else's folder
            folders += [cache, cache / MONTHS_DIR]
        for folder in folders:
            if folder.is_dir() and not folder.is_symlink():
                for temp in folder.glob(f".*{durable.TEMP_SUFFIX}"):
                    if temp.is_symlink() or not (temp.is_file() or temp.is_dir()):
                        continue
                    if temp.is_dir():  # a copy before migration, cut short
                        shutil.rmtree(temp, ignore_errors=True)
                    else:
                        temp.unlink(missing_ok=True)

    def _refuse_orphans(self, ledger: Ledger) -> None:
        # The edit rules already refuse this; the store checks again because a
        # month file naming a removed client would make the whole ledger unreadable.
        months = ledger.months
        # Months unchanged on disk are checked by the keys their cached facts name; only suspects are read.
        suspects = months.needing_check(ledger.book) if isinstance(months, Months) else list(months)
        for key in suspects:
            month = months[key]
            try:
                Month.model_validate(month.model_dump(), context={"month": key, "book": ledger.book})
            except ValidationError as error:
                problem = error.errors(include_input=False)[0]["msg"].removeprefix("Value error, ")
                label = self._label(self.month_path(key))
                raise LedgerWriteError(f"this change would break {label}: {problem}.") from None

    def _refuse_lost_records(self, key: str, before: Month, after: Month, removed: set[str]) -> None:
        # Only `remove` and `undo` take records out, and they say which: anything else
        # missing from a month is a bug that must not reach the disk.
        lost = {r.id for r in before.records()} - {r.id for r in after.records()} - removed
        if lost:
            raise LedgerWriteError(
                f"this change would drop {len(lost)} record(s) from {self._label(self.month_path(key))} "
                f"({', '.join(sorted(lost)[:3])}); nothing was saved. This is a bug in leadshift: please report it."
            )

    def _keep_copy_before_migration(self, outdated: list[str]) -> None:
        """Copy the files about to be migrated to backups/before-schema-N/ (once: a rerun keeps the first copy)."""
        paths = [self.book_path if key == LEDGER_FILE else self.month_path(key) for key in outdated]
        target = self.backup_dir / f"before-schema-{SCHEMA_VERSION}"
        try:
            durable.copy_folder_once({self._label(p): p for p in paths}, target)
        except OSError as error:
            raise LedgerWriteError(
                f"could not keep a copy of the ledger before upgrading it to schema version {SCHEMA_VERSION}: "
                f"{errors.in_words(error)}; nothing was changed."
            ) from None

    # -- editing by hand -----------------------------------------------------

    def read_bytes(self, path: Path) -> bytes:
        """A ledger file exactly as it is on disk, to be edited by hand."""
        try:
            return path.read_bytes()
        except OSError as error:
            raise LedgerFileError(f"cannot read {self._label(path)}: {error.strerror}.") from None

    def replace_by_hand(self, path: Path, expected: bytes, new: bytes) -> HandSaved:
        """Replace ledger.toml or a month file with `new`, a hand-edited version of `expected`.

        Under the lock: refuse if the file no longer holds `expected` (another command wrote
        meanwhile), validate `new` as every file is validated, and write it through the atomic path
        as typed (comments kept). Unlike change(), a broken *other* file does not block: editing is
        how people fix broken files, and they may have to fix two, in either order.
        """
        with lock.exclusive(self.lock_path):
            try:
                current: bytes | None = path.read_bytes()
            except FileNotFoundError:
                current = None
            if current != expected:
                raise LedgerChanged(
                    f"{self._label(path)} changed on disk while you were editing it "
                    "(another leadshift command or program wrote to it); nothing was saved."
                )
            self.refuse_linked_folders()
            self._refuse_symlinks([path])
            # As change() does; the file being edited is judged by its new content (_hand_copy).
            refuse_newer([SCHEMA_VERSION, *self._declared_versions(exclude=path)])
            self._remove_stale_temp_files()
            if path == self.book_path:
                was_valid, unchecked = self._check_book_by_hand(expected, new)
            else:
                was_valid, unchecked = self._check_month_by_hand(path, expected, new)
            kept = self._write_by_hand(path, new, was_valid)
            self._make_private([path])
        return HandSaved(kept, not was_valid, unchecked)

    def _check_book_by_hand(self, old: bytes, new: bytes) -> tuple[bool, list[str]]:
        """The new book must keep every month that reads on its own valid; a broken month is not checked."""
        book = self._hand_copy(new, Book, self.book_path)
        months: dict[str, Month] = {}
        unchecked: list[str] = []
        for key in self.month_keys():
            try:
                months[key] = self._decode(self.month_path(key), Month, {"month": key})
            except LedgerFileError:
                unchecked.append(self._label(self.month_path(key)))
        for key, month in months.items():
            try:
                self._refuse_orphans(Ledger(book, {key: month}))
            except LedgerWriteError as error:
                raise InvalidEdit(
                    f"{error.message} Keep that client or teammate in ledger.toml, or first change those records "
                    f"with `leadshift edit {key}`."
                ) from None
        return _valid(old, Book), unchecked

    def _check_month_by_hand(self, path: Path, old: bytes, new: bytes) -> tuple[bool, list[str]]:
        """The month is checked against the book; if the book is broken, against everything but its names."""
        try:
            book: Book | None = self.read_book()
        except LedgerFileError:
            book = None
        context = {"month": path.stem, "book": book}
        self._hand_copy(new, Month, path, context)
        return _valid(old, Month, context), [] if book is not None else [LEDGER_FILE]

    def _declared_versions(self, exclude: Path) -> list[int]:
        """The schema version each ledger file but `exclude` says it has, even a file broken otherwise."""
        from leadshift.examine import declared_version

        versions = []
        for path in [self.book_path, *map(self.month_path, self.month_keys())]:
            if path != exclude and path.is_file():  # never open a FIFO: it would hang
                try:
                    version = declared_version(path.read_bytes())
                except OSError:
                    continue  # unreadable: reported as broken where it matters
                if version is not None:
                    versions.append(version)
        return versions

    def _hand_copy(self, data: bytes, schema: type, path: Path, context: dict[str, Any] | None = None) -> Any:
        label = f"your copy of {self._label(path)}"
        try:
            model = codec.decode(data, schema, label, "", context)
        except LedgerFileError as error:
            raise InvalidEdit(error.message.rstrip()) from None
        if model.schema_version > SCHEMA_VERSION:
            raise InvalidEdit(
                f"{label} has schema_version = {model.schema_version}, newer than this leadshift writes "
                f"({SCHEMA_VERSION}); put back the version it had, or upgrade (`pip install --upgrade leadshift`)."
            )
        # The next command that saves this file writes it from the model: that must work too.
        if codec.decode(codec.encode(model), schema, label, "This is a bug in leadshift.", context) != model:
            raise LedgerWriteError(f"{label} would not read back as written; nothing was saved.")
        return model

    def _write_by_hand(self, path: Path, data: bytes, was_valid: bool) -> Path:
        """Write `data` and return where the old version is kept (a broken one outside the rotation)."""
        aside: Path | None = None
        try:
            durable.ensure_private_dir(path.parent)
            if was_valid:
                durable.write_atomic(path, data, self.backup_dir)
                return durable.backups_of(self.backup_dir, durable.backup_name(path, self.home))[-1]
            aside = durable.set_aside_broken(path, self.backup_dir)
            durable.write_atomic(path, data)
            return aside
        except OSError as error:
            if aside is not None:
                aside.unlink(missing_ok=True)  # the file it copies is still in place
            raise LedgerWriteError(
                f"could not save {self._label(path)}: {error.strerror or error}; the file on disk is unchanged."
            ) from None

    # -- helpers -------------------------------------------------------------

    def _label(self, path: Path) -> str:
        return str(path.relative_to(self.home)) if path.is_relative_to(self.home) else str(path)

    def _decode(self, path: Path, model: type, context: dict[str, Any] | None = None) -> Any:
        try:
            data = path.read_bytes()
        except OSError as error:
            raise LedgerFileError(f"cannot read {self._label(path)}: {error.strerror}.") from None
        return self._decode_data(path, data, model, context)

    def _decode_data(self, path: Path, data: bytes, model: type, context: dict[str, Any] | None = None) -> Any:
        which = "ledger" if path == self.book_path else path.stem
        hint = f"Fix it with `leadshift edit {which}`, or put back a backup (`leadshift restore` lists them)."
        return codec.decode(data, model, self._label(path), hint, context)


def refuse_newer(versions: list[int]) -> None:
    """No write while any file was written by a newer leadshift: this one would drop what it does not know."""
    if max(versions) > SCHEMA_VERSION:
        raise LedgerVersionError(
            f"this ledger was written by a newer leadshift (schema version {max(versions)}; this one "
            f"writes version {SCHEMA_VERSION}). Upgrade with `pip install --upgrade leadshift`."
        )


def _valid(data: bytes, schema: type, context: dict[str, Any] | None = None) -> bool:
    try:
        codec.decode(data, schema, "", "", context)
    except LedgerFileError:
        return False
    return True


@dataclass(frozen=True)
class HandSaved:
    """What `Store.replace_by_hand` did: where the old version is kept, and which other files are broken."""

    kept: Path
    kept_broken: bool  # the old version did not validate, so it is kept outside the rotation of backups
    unchecked: list[str]  # other files that could not be checked against this one, because they are broken


class Draft:
    """The ledger being changed inside `Store.change()`; records which files changed."""

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
