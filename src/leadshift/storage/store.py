"""The only way a ledger changes: create one, change it under the lock, replace a file by hand, copy one.

Every write runs inside `Store.change()`: take the lock, re-read and validate
every file (no write while any file is broken), let the caller change the
ledger, validate the new content, and replace only the files that changed.
Each file is written through durable.py (temp file, fsync, atomic replace,
backup of the version replaced) and read back before the command returns.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from leadshift import errors
from leadshift.domain.book import Book
from leadshift.domain.ledger import Ledger
from leadshift.domain.records import Month
from leadshift.domain.schema import SCHEMA_VERSION
from leadshift.errors import LeadshiftError, LedgerExists, LedgerFileError, LedgerWriteError
from leadshift.storage import codec, durable, guards, interrupts, journal, lock, writable
from leadshift.storage.cache import Source
from leadshift.storage.draft import Draft
from leadshift.storage.layout import LEDGER_FILE, LOCK_FILE, LOG_DIR, VERSION_CONTROL, copy_before_migration
from leadshift.storage.months import MonthReader, Months, facts_of
from leadshift.storage.reader import LedgerReader

if TYPE_CHECKING:
    from leadshift.storage.hand_edits import HandSaved


class _Write(NamedTuple):
    path: Path
    data: bytes
    month: str | None = None  # the month key, for a month file


class Store(LedgerReader):
    """A ledger folder on disk: read it, and change it safely."""

    command = ""  # the command that changes it, as the journal names it (`log client`)

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
        writable.refuse_read_only(self)  # an empty folder made read-only is not to be chmodded or filled
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
            with interrupts.saving():
                self._write(self.book_path, book, Book)

    @contextmanager
    def change(self) -> Iterator[Draft]:
        """Lock, check every file, let the caller edit a Draft, then save what changed.

        The draft's months are read in full only when looked at (months.Months);
        every month file is verified before the caller runs, from the cache when
        it is unchanged since it was last validated.
        """
        if not self.exists():
            self.read_book()  # raises the "no ledger" message
        writable.refuse_read_only(self)  # before the lock, which may create .lock
        with lock.exclusive(self.lock_path):
            guards.refuse_linked_folders(self)
            if journal.under_way(self):  # an undo or redo cut short: the ledger is as it left it
                from leadshift.storage.rewind import finish_under_way

                finish_under_way(self)
            book = self.read_book()
            reader = MonthReader(self, book)
            keys = self.month_keys()
            for key in keys:
                reader.facts(key)  # raises on the first broken file, as reading them all would
            months = Months(reader, keys)
            files = [self.book_path, *map(self.month_path, keys)]
            versions = [book.schema_version, *months.schema_versions()]
            guards.refuse_newer(versions)
            guards.refuse_symlinks(self, files)
            guards.remove_stale_temp_files(self)
            if min(versions) < SCHEMA_VERSION:  # a migration reads every month
                draft = self._upgraded(Ledger(book, dict(months.items())))
            else:
                draft = Draft(Ledger(book, months))
            yield draft
            with interrupts.saving():  # a Ctrl-C lands after the save: it is finished or never begun
                self._save(draft, reader)
                reader.save()  # the cache too: an interrupted write of it would leave a temp file
                durable.make_private(self, files)  # files written now are 0600 already; older ones may not be

    def replace_by_hand(self, path: Path, expected: bytes, new: bytes) -> HandSaved:
        """Replace ledger.toml or a month file with `new`, a hand-edited version of `expected` (hand_edits.py)."""
        from leadshift.storage import hand_edits  # only `leadshift edit` needs it

        return hand_edits.replace_by_hand(self, path, expected, new)

    def copy_from(self, source: Path) -> None:
        """Make this new folder a private copy of the ledger in `source` (its ledger.toml and months only)."""
        files = [source / LEDGER_FILE, *sorted((source / LOG_DIR).glob("*.toml"))]
        for path in files:
            target = self.home / path.relative_to(source)
            durable.ensure_private_dir(target.parent)
            durable.write_atomic(target, path.read_bytes(), sync=False)  # 0600 from the start; a copy to try out

    # -- saving --------------------------------------------------------------------

    def _upgraded(self, ledger: Ledger) -> Draft:
        """A draft of `ledger` at the current schema version, outdated files marked to be written."""
        from leadshift.storage import migrations

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
        months = [key for key in sorted(draft.changed_months) if _differs(draft, key)]
        book = draft.book_changed and draft.ledger.book != draft.original.book
        if not months and not book:
            return
        # All refused or none: a read-only ledger.toml found after the months were written would be too late.
        files = [*map(self.month_path, months), *([self.book_path] if book else [])]
        writable.refuse_read_only(self, files, folders=[self.journal_dir])
        writes: list[_Write] = []
        for key in months:
            month = draft.ledger.months[key]
            guards.refuse_lost_records(self, key, draft.original.months.get(key, Month()), month, draft.removed_ids)
            context = {"month": key, "book": draft.ledger.book}
            writes.append(_Write(self.month_path(key), self._encoded(self.month_path(key), month, Month, context), key))
        if book:
            guards.refuse_orphans(self, draft.ledger)
            writes.append(_Write(self.book_path, self._encoded(self.book_path, draft.ledger.book, Book)))
        entry = self._journal(draft, writes)
        for done, write in enumerate(writes):
            try:
                written = self._put(write.path, write.data)
            except LeadshiftError:
                if not done:  # nothing was replaced (a failed write leaves its file as it was): nothing to undo
                    journal.forget(entry)
                raise
            if write.month is not None:  # validated and read back: the next command need not parse it
                month = draft.ledger.months[write.month]
                reader.cache.put(write.month, written, facts_of(month), month.model_dump_json().encode())

    def _journal(self, draft: Draft, writes: list[_Write]) -> Path:
        """Record the change in the journal (for undo), before any file is replaced."""
        from leadshift.domain.changelog import summarize

        months = [w.month for w in writes if w.month is not None]
        summary = summarize(
            draft.original.book,
            draft.ledger.book,
            {key: draft.original.months[key] for key in months if key in draft.original.months},
            {key: draft.ledger.months[key] for key in months},
        )
        versions = [
            journal.Version(self.label(w.path), w.path.read_bytes() if w.path.exists() else None, w.data)
            for w in writes
        ]
        try:
            return journal.record(self, self.command, summary, versions, datetime.now())
        except OSError as error:
            raise LedgerWriteError(
                f"could not write the journal entry for this change: {errors.in_words(error)}; nothing was saved."
            ) from None

    def _encoded(self, path: Path, model: Any, schema: type, context: dict[str, Any] | None = None) -> bytes:
        """`model` as TOML, checked to read back as exactly `model`."""
        label = self.label(path)
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
        return data

    def _write(self, path: Path, model: Any, schema: type, context: dict[str, Any] | None = None) -> Source:
        """Validate, write and read back `model`; the file as read back (its bytes and fingerprint)."""
        return self._put(path, self._encoded(path, model, schema, context))

    def _put(self, path: Path, data: bytes) -> Source:
        """Write `data` (validated) to `path` and read it back; the file as read back."""
        label = self.label(path)
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

    def _keep_copy_before_migration(self, outdated: list[str]) -> None:
        """Copy the files about to be migrated to backups/before-schema-N/ (once: a rerun keeps the first copy)."""
        paths = [self.book_path if key == LEDGER_FILE else self.month_path(key) for key in outdated]
        writable.refuse_read_only(self, paths)  # they are all rewritten next: no copy for a refused upgrade
        target = self.backup_dir / copy_before_migration(SCHEMA_VERSION)
        try:
            durable.copy_folder_once({self.label(p): p for p in paths}, target)
        except OSError as error:
            raise LedgerWriteError(
                f"could not keep a copy of the ledger before upgrading it to schema version {SCHEMA_VERSION}: "
                f"{errors.in_words(error)}; nothing was changed."
            ) from None


def _differs(draft: Draft, key: str) -> bool:
    """Whether month `key` of the draft is new or differs from the month on disk."""
    return key not in draft.original.months or draft.ledger.months[key] != draft.original.months[key]
