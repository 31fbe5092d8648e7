"""The backups of a ledger: which file each is a version of, when it was saved, what it holds, whether it is sound.

backups/ holds the last versions of each file the store replaced,
`ledger.toml.000042` and `log-2026-11.toml.000007`, and the broken files
`restore` and `edit` set aside, `ledger.toml.broken-000001`, which stay out of
the numbered rotation so they never push a good version out (storage/layout.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from leadshift.domain.book import Book
from leadshift.domain.results import view_only
from leadshift.recovery.examine import UNREADABLE, Examined, examine_book, examine_month
from leadshift.storage import survey
from leadshift.storage.codec import declared_version
from leadshift.storage.layout import BACKUP_DIR, BACKUP_FILE, LEDGER_FILE, LOG_DIR, Layout
from leadshift.storage.reader import LedgerReader


@dataclass(frozen=True)
class BackupName:
    """What a backup's file name says: the ledger file it is a version of, and its number."""

    name: str  # as in backups/ and as `restore` takes it
    file: str  # the ledger file, relative to the ledger folder: `ledger.toml`, `log/2026-11.toml`
    month: str | None  # `2026-11` for a month's backup
    number: int
    broken: bool  # a broken version set aside by `restore` or `edit`, outside the rotation


def parse_backup_name(name: str) -> BackupName | None:
    """`log-2026-11.toml.000007` -> a version of log/2026-11.toml; None for a name that is no backup."""
    match = re.match(BACKUP_FILE, name)
    if match is None:
        return None
    month = match["month"]
    file = f"{LOG_DIR}/{month}.toml" if month else LEDGER_FILE
    return BackupName(name, file, month, int(match["n"]), match["broken"] is not None)


@dataclass(frozen=True)
class Backup:
    """One backup file, judged on its own (a month is not checked against the current ledger.toml here)."""

    name: BackupName
    saved: datetime  # the file's modification time, local time: when this version was written
    size: int
    examined: Examined


@dataclass(frozen=True)
class BackupList:
    """`leadshift restore` without a name: every backup, and the folder they are in."""

    backups: list[Backup]
    folder: Path = view_only()


def backup_list(ledger: LedgerReader) -> BackupList:
    """`leadshift restore` without a name; refuses where there is no ledger folder at all."""
    ledger.require_folder()
    return BackupList(list_backups(ledger), ledger.backup_dir)


def examine_backup(name: BackupName, data: bytes) -> Examined:
    """Judge a backup's bytes on its own: could it be read back at all?"""
    label = f"{BACKUP_DIR}/{name.name}"
    if name.month is None:
        return examine_book(data, label)
    return examine_month(data, label, name.month, None)


def list_backups(layout: Layout) -> list[Backup]:
    """Every backup, ledger.toml's first, then each month's from the newest month; newest version first.

    Regular files only: a symbolic link in backups/ is never read through (doctor reports it).
    """
    found: list[Backup] = []
    for item in survey.children(layout, BACKUP_DIR):
        name = parse_backup_name(item.name)
        if name is not None and item.kind == "file":
            found.append(Backup(name, datetime.fromtimestamp(item.mtime), item.size, _judge(layout, name)))
    found.sort(key=lambda backup: backup.name.number, reverse=True)
    found.sort(key=lambda backup: backup.name.broken)  # set-aside broken files after the rotation
    found.sort(key=lambda backup: backup.name.month or "9999-99", reverse=True)  # ledger.toml, then newest month
    return found


def _judge(layout: Layout, name: BackupName) -> Examined:
    try:
        data = survey.read(layout, f"{BACKUP_DIR}/{name.name}", through_links=False)
    except OSError as error:
        return Examined(code=UNREADABLE, message=f"{BACKUP_DIR}/{name.name} cannot be read: {error.strerror}.")
    return examine_backup(name, data)


@dataclass(frozen=True)
class CurrentLedger:
    """What a backup put back must fit: the current ledger.toml and months."""

    book: Book | None  # None when ledger.toml is missing or broken
    months: dict[str, bytes]  # the months sound on their own (whatever names they use), by key
    broken_months: list[str] = field(default_factory=list)  # the others, which no ledger.toml can be checked against
    versions: list[int] = field(default_factory=list)  # the schema version each file says it has, broken or not


def current_ledger(layout: Layout) -> CurrentLedger:
    data = _read_or_empty(layout, LEDGER_FILE)
    book = examine_book(data, LEDGER_FILE).content
    versions = [declared_version(data)]
    months, broken = {}, []
    for key in layout.month_keys():
        data = _read_or_empty(layout, f"{LOG_DIR}/{key}.toml")
        versions.append(declared_version(data))
        if examine_month(data, f"{LOG_DIR}/{key}.toml", key, None).valid:
            months[key] = data
        else:
            broken.append(key)
    known = [version for version in versions if version is not None]
    return CurrentLedger(book if isinstance(book, Book) else None, months, broken, known)


@dataclass(frozen=True)
class RestoreCheck:
    """Whether a backup can be put back as the ledger stands, and if not, why."""

    examined: Examined  # the backup judged; a month's against the current ledger.toml when that is sound
    breaks: Examined | None = None  # a ledger.toml backup: the first current month it would break
    needs_book: bool = False  # a month's backup: ledger.toml is missing or broken, so it cannot be checked

    @property
    def ok(self) -> bool:
        return self.examined.valid and self.breaks is None and not self.needs_book


def check_restore(name: BackupName, data: bytes, current: CurrentLedger) -> RestoreCheck:
    """Judge a backup's bytes in the context of the current ledger.

    A month's backup must name only clients and teammates the current ledger.toml has; a
    ledger.toml backup must have every one the sound months name. (A month broken on its
    own is neither mended nor worsened by another ledger.toml, so it does not count.)
    """
    label = f"{BACKUP_DIR}/{name.name}"
    if name.month is not None:
        if current.book is None:
            return RestoreCheck(examine_month(data, label, name.month, None), needs_book=True)
        return RestoreCheck(examine_month(data, label, name.month, current.book))
    examined = examine_book(data, label)
    if isinstance(examined.content, Book):
        for key, month in current.months.items():
            judged = examine_month(month, f"{LOG_DIR}/{key}.toml", key, examined.content)
            if not judged.valid:
                return RestoreCheck(examined, breaks=judged)
    return RestoreCheck(examined)


def _read_or_empty(layout: Layout, rel: str) -> bytes:
    """A ledger file's bytes as the store reads them (through a link); empty, so invalid, if they cannot be had."""
    try:
        return survey.read(layout, rel)
    except OSError:
        return b""
