"""`leadshift restore BACKUP`: put a backup back, if it is sound and fits the rest of the ledger.

The version it replaces is kept, even a broken one (outside the rotation), so
no one's notes are ever lost and a restore can itself be undone.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime

from leadshift import errors
from leadshift.domain.book import Book
from leadshift.domain.schema import SCHEMA_VERSION
from leadshift.errors import Conflict, LedgerFileError, LedgerVersionError, LedgerWriteError, NotFound, UsageError
from leadshift.recovery.backups import BackupName, check_restore, current_ledger, parse_backup_name
from leadshift.recovery.examine import NEWER_VERSION, REFERENCE, Examined, examine_book, examine_month
from leadshift.storage import journal, repairs, survey, writable
from leadshift.storage.guards import refuse_newer
from leadshift.storage.layout import BACKUP_DIR, BACKUPS_KEPT, LOG_DIR
from leadshift.storage.reader import LedgerReader


@dataclass(frozen=True)
class Restored:
    backup: BackupName  # the version put back
    saved: datetime  # when that version was written
    examined: Examined  # that version, judged sound: what it holds
    kept: str | None  # the backups/ name now holding the version it replaced; None if there was none
    kept_broken: bool  # that version was broken, so it was set aside outside the rotation
    unchanged: bool = False  # the file already held exactly this version: nothing was written
    unchecked: tuple[str, ...] = ()  # months broken on their own, so not checked against a restored ledger.toml
    backups_kept: int = BACKUPS_KEPT  # how many versions of each file the rotation keeps


def restore_backup(ledger: LedgerReader, name: str) -> Restored:
    """Put backup `name` (as `leadshift restore` lists it) back in place of the file it is a version of."""
    backup = _backup_named(ledger, name)
    with repairs.repairing(ledger):
        data, saved, examined, unchecked, current, sound = _judged(ledger, backup)
        if current == data:
            return Restored(backup, saved, examined, None, False, unchanged=True)
        writable.refuse_read_only(ledger, [ledger.home / backup.file], folders=[ledger.journal_dir])
        try:
            entry = journal.record(
                ledger,
                "restore",
                f"restored {backup.file} from {backup.name}",
                [journal.Version(backup.file, current, data, sound)],
                datetime.now(),
            )
        except OSError as error:
            raise LedgerWriteError(
                f"could not record the restore in the journal: {errors.in_words(error)}; nothing was restored."
            ) from None
        try:
            kept, kept_broken = repairs.put_back(ledger, backup.file, data, sound)
        except OSError as error:
            journal.forget(entry)
            raise LedgerWriteError(
                f"could not restore {backup.file}: {errors.in_words(error)}; the file on disk is unchanged."
            ) from None
        return Restored(backup, saved, examined, kept, kept_broken, unchecked=unchecked)


def _judged(
    ledger: LedgerReader, backup: BackupName
) -> tuple[bytes, datetime, Examined, tuple[str, ...], bytes | None, bool]:
    """The backup's bytes and age, judged sound and fitting (or refused), and the file it would replace."""
    data, saved = _read_backup(ledger, backup)
    examined, book, unchecked = _check_in_context(ledger, backup, data)
    current, sound = _current(ledger, backup, book)
    return data, saved, examined, unchecked, current, sound


def what_restore_replaces(ledger: LedgerReader, name: str) -> str | None:
    """What putting back backup `name` replaces, to confirm before restoring (None: nothing is replaced).

    Judged as `restore_backup` judges it, without the lock: a backup that cannot be restored is refused
    now, before anyone is asked.
    """
    backup = _backup_named(ledger, name)
    data, _, _, _, current, _ = _judged(ledger, backup)
    if current is None or current == data:
        return None
    writable.refuse_read_only(ledger, [ledger.home / backup.file], folders=[ledger.journal_dir])
    return (
        f"Restoring {backup.name} replaces the current {backup.file} (kept in backups/; "
        "`leadshift undo` takes the restore back)"
    )


def _backup_named(ledger: LedgerReader, name: str) -> BackupName:
    if not name.strip():
        raise UsageError("give a backup's name as `leadshift restore` lists it, like ledger.toml.000003.")
    if "/" in name or os.sep in name or (os.altsep and os.altsep in name):
        raise UsageError(
            f"give a backup's name as `leadshift restore` lists it (like ledger.toml.000003), not a path: '{name}'."
        )
    ledger.require_folder()
    backup = parse_backup_name(name)
    if backup is None:
        raise _no_such_backup(ledger, name)
    return backup


def _no_such_backup(ledger: LedgerReader, name: str) -> NotFound:
    return NotFound(f"no backup named '{name}' in {ledger.backup_dir}; `leadshift restore` lists them.")


def _read_backup(ledger: LedgerReader, backup: BackupName) -> tuple[bytes, datetime]:
    rel = f"{BACKUP_DIR}/{backup.name}"
    found = survey.entry(ledger, rel)
    if found is None:
        raise _no_such_backup(ledger, backup.name)
    if found.kind != "file":  # never read through a link planted in backups/
        raise LedgerFileError(f"{rel} is not a regular file; it cannot be restored.")
    try:
        return survey.read(ledger, rel, through_links=False), datetime.fromtimestamp(found.mtime)
    except OSError as error:
        raise LedgerFileError(f"cannot read {rel}: {error.strerror}.") from None


def _check_in_context(ledger: LedgerReader, backup: BackupName, data: bytes) -> tuple[Examined, Book, tuple[str, ...]]:
    """Refuse a backup that is unsound, or that would not fit the rest of the ledger.

    What it holds, judged; its book; and the months that could not be checked against it (broken on their own).
    """
    current = current_ledger(ledger)
    # As every write: a file from a newer leadshift may name what an older ledger.toml lacks, unchecked here.
    refuse_newer([SCHEMA_VERSION, *current.versions])
    judged = check_restore(backup, data, current)
    examined = judged.examined
    if judged.needs_book:
        raise LedgerFileError(
            f"ledger.toml is missing or broken, so {backup.name} cannot be checked against it: restore or fix "
            "ledger.toml first (`leadshift doctor` says what is wrong)."
        )
    if examined.code == REFERENCE:
        raise Conflict(
            f"{examined.message.removesuffix('.')}. Restore a backup of ledger.toml that has it first, or pick "
            f"another backup of {backup.file} (`leadshift restore` lists them)."
        )
    if examined.code == NEWER_VERSION:
        raise LedgerVersionError(
            f"{examined.message} Upgrade leadshift (`pip install --upgrade leadshift`) to restore it."
        )
    if not examined.valid:
        raise LedgerFileError(
            f"{examined.message.removesuffix('.')}. This backup cannot be restored; pick another of {backup.file} "
            "(`leadshift restore` lists them)."
        )
    if judged.breaks is not None:
        raise Conflict(
            f"restoring {backup.name} would break {judged.breaks.message.removesuffix('.')}. Pick a newer backup "
            "of ledger.toml (`leadshift restore` lists them)."
        )
    book = examined.content if isinstance(examined.content, Book) else current.book
    assert book is not None
    unchecked = tuple(f"{LOG_DIR}/{key}.toml" for key in current.broken_months) if backup.month is None else ()
    return examined, book, unchecked


def _current(ledger: LedgerReader, backup: BackupName, book: Book) -> tuple[bytes | None, bool]:
    """The bytes of the file to be replaced (None if there is none) and whether they are sound."""
    found = survey.entry(ledger, backup.file)
    if found is None:
        return None, False
    if found.kind == "link":
        # As the store does: an atomic replace would swap the link for a plain file.
        where = found.target.parent if found.target else found.path.parent
        raise LedgerWriteError(
            f"{backup.file} is a symbolic link; leadshift replaces files whole and would break it. "
            f"Point --ledger at the folder that holds the real files ({where})."
        )
    if found.kind != "file":
        raise LedgerWriteError(f"{backup.file} is not a regular file; move it away, then restore again.")
    try:
        current = survey.read(ledger, backup.file)
    except OSError:
        return b"", False  # unreadable: set aside by a hard link, which needs no read permission
    if backup.month is None:
        return current, examine_book(current, backup.file).valid
    return current, examine_month(current, backup.file, backup.month, book).valid
