"""The backups of a ledger: which file each is a version of, when it was saved, what it holds, whether it is sound.

`backups/` holds the last versions of each file the store replaced,
`ledger.toml.000042` and `log-2026-11.toml.000007` (see durable.py), and the
broken files `restore` and `edit` set aside, `ledger.toml.broken-000001`, which
stay out of the numbered rotation so they never push a good version out. Reading only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from leadshift.durable import BROKEN_TAG
from leadshift.examine import UNREADABLE, Examined, declared_version, examine_book, examine_month
from leadshift.model import Book
from leadshift.store import LEDGER_FILE, LOG_DIR, Store

_NAME = re.compile(
    rf"^(?:ledger\.toml|log-(?P<month>\d{{4}}-(?:0[1-9]|1[0-2]))\.toml)\.(?P<broken>{re.escape(BROKEN_TAG)})?(?P<n>\d+)$"
)


@dataclass(frozen=True)
class BackupName:
    """What a backup's file name says: the ledger file it is a version of, and its number."""

    name: str  # as in backups/ and as `restore` takes it
    file: str  # the ledger file, relative to the ledger folder: `ledger.toml`, `log/2026-11.toml`
    month: str | None  # `2026-11` for a month's backup
    number: int
    broken: bool  # a broken version set aside by `restore` or `edit`, outside the rotation


@dataclass(frozen=True)
class Backup:
    """One backup file, judged on its own (a month is not checked against the current ledger.toml here)."""

    name: BackupName
    saved: datetime  # the file's modification time, local time: when this version was written
    size: int
    examined: Examined


def parse_name(name: str) -> BackupName | None:
    """`log-2026-11.toml.000007` -> a version of log/2026-11.toml; None for a name that is no backup."""
    match = _NAME.match(name)
    if match is None:
        return None
    month = match["month"]
    file = f"{LOG_DIR}/{month}.toml" if month else LEDGER_FILE
    return BackupName(name, file, month, int(match["n"]), match["broken"] is not None)


def examine_backup(store: Store, name: BackupName, data: bytes) -> Examined:
    """Judge a backup's bytes on its own: could it be read back at all?"""
    label = f"{store.backup_dir.name}/{name.name}"
    if name.month is None:
        return examine_book(data, label)
    return examine_month(data, label, name.month, None)


def list_backups(store: Store) -> list[Backup]:
    """Every backup, ledger.toml's first, then each month's from the newest month; newest version first."""
    found: list[Backup] = []
    for path in _files(store.backup_dir):
        name = parse_name(path.name)
        if name is not None:
            status = path.lstat()
            found.append(Backup(name, datetime.fromtimestamp(status.st_mtime), status.st_size, _judge(store, name)))
    found.sort(key=lambda backup: backup.name.number, reverse=True)
    found.sort(key=lambda backup: backup.name.broken)  # set-aside broken files after the rotation
    found.sort(key=lambda backup: backup.name.month or "9999-99", reverse=True)  # ledger.toml, then newest month
    return found


def _judge(store: Store, name: BackupName) -> Examined:
    try:
        data = (store.backup_dir / name.name).read_bytes()
    except OSError as error:
        return Examined(
            code=UNREADABLE, message=f"{store.backup_dir.name}/{name.name} cannot be read: {error.strerror}."
        )
    return examine_backup(store, name, data)


@dataclass(frozen=True)
class CurrentLedger:
    """What a backup put back must fit: the current ledger.toml and months."""

    book: Book | None  # None when ledger.toml is missing or broken
    months: dict[str, bytes]  # the months sound on their own (whatever names they use), by key
    broken_months: list[str] = field(default_factory=list)  # the others, which no ledger.toml can be checked against
    versions: list[int] = field(default_factory=list)  # the schema version each file says it has, broken or not


@dataclass(frozen=True)
class Fit:
    """Whether a backup can be put back as the ledger stands, and if not, why."""

    examined: Examined  # the backup judged; a month's against the current ledger.toml when that is sound
    breaks: Examined | None = None  # a ledger.toml backup: the first current month it would break
    needs_book: bool = False  # a month's backup: ledger.toml is missing or broken, so it cannot be checked

    @property
    def ok(self) -> bool:
        return self.examined.valid and self.breaks is None and not self.needs_book


def current_ledger(store: Store) -> CurrentLedger:
    data = _read_regular(store.book_path)
    book = examine_book(data, LEDGER_FILE).content
    versions = [declared_version(data)]
    months, broken = {}, []
    for key in store.month_keys():
        data = _read_regular(store.month_path(key))
        versions.append(declared_version(data))
        if examine_month(data, f"{LOG_DIR}/{key}.toml", key, None).valid:
            months[key] = data
        else:
            broken.append(key)
    known = [version for version in versions if version is not None]
    return CurrentLedger(book if isinstance(book, Book) else None, months, broken, known)


def fit(name: BackupName, data: bytes, current: CurrentLedger) -> Fit:
    """Judge a backup's bytes in the context of the current ledger.

    A month's backup must name only clients and teammates the current ledger.toml has; a
    ledger.toml backup must have every one the sound months name. (A month broken on its
    own is neither mended nor worsened by another ledger.toml, so it does not count.)
    """
    label = f"backups/{name.name}"
    if name.month is not None:
        if current.book is None:
            return Fit(examine_month(data, label, name.month, None), needs_book=True)
        return Fit(examine_month(data, label, name.month, current.book))
    examined = examine_book(data, label)
    if isinstance(examined.content, Book):
        for key, month in current.months.items():
            judged = examine_month(month, f"{LOG_DIR}/{key}.toml", key, examined.content)
            if not judged.valid:
                return Fit(examined, breaks=judged)
    return Fit(examined)


def _read_regular(path: Path) -> bytes:
    """A ledger file's bytes as the store reads them (through a link); empty, so invalid, if it cannot be had."""
    try:
        return path.read_bytes() if path.is_file() else b""  # never open a FIFO: it would hang
    except OSError:
        return b""


def _files(folder: Path) -> list[Path]:
    """Regular files only: a symbolic link in backups/ is never read through (doctor reports it)."""
    if not folder.is_dir():
        return []
    return [path for path in folder.iterdir() if path.is_file() and not path.is_symlink()]
