"""The backups of a ledger: which file each is a version of, when it was saved, what it holds, whether it is sound.

`backups/` holds the last versions of each file the store replaced,
`ledger.toml.000042` and `log-2026-11.toml.000007` (see durable.py), and the
broken files `restore` and `edit` set aside, `ledger.toml.broken-000001`, which
stay out of the numbered rotation so they never push a good version out. Reading only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from leadshift.durable import BROKEN_TAG
from leadshift.examine import UNREADABLE, Examined, examine_book, examine_month
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
    broken: bool  # a broken file set aside by `restore`, outside the rotation


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


def _files(folder: Path) -> list[Path]:
    """Regular files only: a symbolic link in backups/ is never read through (doctor reports it)."""
    if not folder.is_dir():
        return []
    return [path for path in folder.iterdir() if path.is_file() and not path.is_symlink()]
