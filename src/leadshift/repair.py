"""The writes of recovery, each under the ledger lock: putting a backup back, and `doctor --fix`'s safe repairs.

Neither goes through `Store.change()`, which refuses to write while any file is
broken: mending a broken ledger is exactly what they are for. A restore still
validates what it puts back in the context of the rest of the ledger, and keeps
the version it replaces, even a broken one, so no one's notes are ever lost.
"""

from __future__ import annotations

import os
import shutil
import stat
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from leadshift import durable, errors, lock
from leadshift.backups import BackupName, current_ledger, fit, parse_name
from leadshift.checkup import FOLDER, PERMISSIONS, TEMP_FILE, Problem
from leadshift.errors import Conflict, LedgerFileError, LedgerVersionError, LedgerWriteError, NotFound, UsageError
from leadshift.examine import NEWER_VERSION, REFERENCE, Examined, examine_book, examine_month
from leadshift.model import SCHEMA_VERSION, Book
from leadshift.store import LOG_DIR, Store, refuse_newer


@dataclass(frozen=True)
class Restored:
    backup: BackupName  # the version put back
    saved: datetime  # when that version was written
    examined: Examined  # that version, judged sound: what it holds
    kept: str | None  # the backups/ name now holding the version it replaced; None if there was none
    kept_broken: bool  # that version was broken, so it was set aside outside the rotation
    unchanged: bool = False  # the file already held exactly this version: nothing was written
    unchecked: tuple[str, ...] = ()  # months broken on their own, so not checked against a restored ledger.toml


@dataclass(frozen=True)
class Fixed:
    problem: Problem
    done: str  # what was done, in a few words


def restore_backup(store: Store, name: str) -> Restored:
    """Put backup `name` (as `leadshift restore` lists it) back in place of the file it is a version of."""
    backup = _backup_named(store, name)
    with lock.exclusive(store.lock_path):
        store.refuse_linked_folders()
        data, saved = _read_backup(store, backup)
        examined, book, unchecked = _check_in_context(store, backup, data)
        target = store.home / backup.file
        current, valid = _current(store, backup, target, book)
        if current == data:
            return Restored(backup, saved, examined, None, False, unchanged=True)
        try:
            kept, kept_broken = _replace(store, target, data, current, valid)
            return Restored(backup, saved, examined, kept, kept_broken, unchecked=unchecked)
        except OSError as error:
            raise LedgerWriteError(
                f"could not restore {backup.file}: {errors.in_words(error)}; the file on disk is unchanged."
            ) from None


def apply_safe_fixes(store: Store, problems: list[Problem]) -> list[Fixed]:
    """Tighten permissions and remove temp files of interrupted saves; never touch what a file holds."""
    fixed: list[Fixed] = []
    with lock.exclusive(store.lock_path):
        store.refuse_linked_folders()
        # Under the lock no save is under way: a temp file still there is from one that died.
        for problem in problems:
            if problem.fixable:
                try:
                    done = _fix(store, problem)
                except OSError as error:
                    done = f"could not fix {problem.file}: {errors.in_words(error)}"
                if done:
                    fixed.append(Fixed(problem, done))
    return fixed


# -- restore -----------------------------------------------------------------------


def _backup_named(store: Store, name: str) -> BackupName:
    if not name.strip():
        raise UsageError("give a backup's name as `leadshift restore` lists it, like ledger.toml.000003.")
    if "/" in name or os.sep in name or (os.altsep and os.altsep in name):
        raise UsageError(
            f"give a backup's name as `leadshift restore` lists it (like ledger.toml.000003), not a path: '{name}'."
        )
    if not store.home.is_dir():
        store.read_book()  # raises the "no ledger here" message
    backup = parse_name(name)
    if backup is None:
        raise _no_such_backup(store, name)
    return backup


def _no_such_backup(store: Store, name: str) -> NotFound:
    return NotFound(f"no backup named '{name}' in {store.backup_dir}; `leadshift restore` lists them.")


def _read_backup(store: Store, backup: BackupName) -> tuple[bytes, datetime]:
    source = store.backup_dir / backup.name
    try:
        link = source.lstat()
    except FileNotFoundError:
        raise _no_such_backup(store, backup.name) from None
    if not stat.S_ISREG(link.st_mode):  # never read through a link planted in backups/
        raise LedgerFileError(f"backups/{backup.name} is not a regular file; it cannot be restored.")
    try:
        return source.read_bytes(), datetime.fromtimestamp(link.st_mtime)
    except OSError as error:
        raise LedgerFileError(f"cannot read backups/{backup.name}: {error.strerror}.") from None


def _check_in_context(store: Store, backup: BackupName, data: bytes) -> tuple[Examined, Book, tuple[str, ...]]:
    """Refuse a backup that is unsound, or that would not fit the rest of the ledger.

    What it holds, judged; its book; and the months that could not be checked against it (broken on their own).
    """
    current = current_ledger(store)
    # As every write: a file from a newer leadshift may name what an older ledger.toml lacks, unchecked here.
    refuse_newer([SCHEMA_VERSION, *current.versions])
    judged = fit(backup, data, current)
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


def _current(store: Store, backup: BackupName, target: Path, book: Book) -> tuple[bytes | None, bool]:
    """The bytes of the file to be replaced (None if there is none) and whether they are sound."""
    try:
        link = target.lstat()
    except FileNotFoundError:
        return None, False
    if stat.S_ISLNK(link.st_mode):
        # As the store does: an atomic replace would swap the link for a plain file.
        raise LedgerWriteError(
            f"{backup.file} is a symbolic link; leadshift replaces files whole and would break it. "
            f"Point --ledger at the folder that holds the real files ({target.resolve().parent})."
        )
    if not stat.S_ISREG(link.st_mode):
        raise LedgerWriteError(f"{backup.file} is not a regular file; move it away, then restore again.")
    try:
        current = target.read_bytes()
    except OSError:
        return b"", False  # unreadable: set aside by a hard link, which needs no read permission
    if backup.month is None:
        return current, examine_book(current, backup.file).valid
    return current, examine_month(current, backup.file, backup.month, book).valid


def _replace(store: Store, target: Path, data: bytes, current: bytes | None, valid: bool) -> tuple[str | None, bool]:
    """Write `data` over `target`, keeping the current version first; (where it was kept, whether it was broken)."""
    durable.ensure_private_dir(target.parent)
    if current is None:
        durable.write_atomic(target, data)
        return None, False
    if valid:
        durable.write_atomic(target, data, store.backup_dir)  # the current version becomes the newest backup
        return durable.backups_of(store.backup_dir, durable.backup_name(target, store.home))[-1].name, False
    # A broken version never enters the rotation: it would push a sound backup out.
    aside = durable.set_aside_broken(target, store.backup_dir)
    try:
        durable.write_atomic(target, data)
    except OSError:
        # write_atomic fails only before its replace: the file is unchanged, so its copy is not needed.
        # (An interrupt may come after the replace, so the copy stays then.)
        aside.unlink(missing_ok=True)
        raise
    return aside.name, True


# -- doctor --fix ------------------------------------------------------------------


def _fix(store: Store, problem: Problem) -> str | None:
    path = store.home if problem.file == FOLDER else store.home / problem.file
    if path.is_symlink():
        return None  # a chmod or removal would reach whatever the link points to, outside the ledger
    if problem.code == PERMISSIONS:
        if path.is_dir():
            durable.ensure_private_dir(path)
            where = "the ledger folder" if problem.file == FOLDER else f"{problem.file}/"
            return f"{where} is now {durable.PRIVATE_DIR:04o}"
        durable.tighten(path)
        return f"{problem.file} is now {durable.PRIVATE_FILE:04o}"
    if problem.code == TEMP_FILE:
        try:
            mode = path.lstat().st_mode
        except FileNotFoundError:
            return None  # its save finished while doctor looked
        if stat.S_ISDIR(mode):
            shutil.rmtree(path)  # a copy before a migration, cut short (the store removes them too)
        elif stat.S_ISREG(mode):
            path.unlink()
        else:
            return None  # never remove what was not checked to be ours
        return f"removed {problem.file}"
    raise AssertionError(f"no safe fix for {problem.code}")
