"""Durable file writes: private permissions, atomic replace, fsync, rotating backups.

Every byte leadshift writes to a ledger directory goes through `write_atomic`.
The new content goes to a temp file in the same directory, is fsynced, then
replaces the old file with one `os.replace`, and the directory is fsynced: at
any moment the file on disk is either the old or the new version. The old
version is kept in `backups/` first (hard-linked, so no copy can be cut short;
where the disk has no hard links, copied the same atomic way).
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import stat
from pathlib import Path

from leadshift.storage.layout import (
    BACKUPS_KEPT,
    BROKEN_TAG,
    PRIVATE_DIR,
    PRIVATE_FILE,
    Layout,
    backup_name,
    temp_name,
)


def ensure_private_dir(path: Path) -> None:
    """Create `path` (and parents) 0700 whatever the umask; take group and other permissions off an existing one."""
    try:
        path.mkdir(mode=PRIVATE_DIR, parents=True)
    except FileExistsError:
        if not path.is_dir():
            raise
        take_away_others(path)
    else:
        os.chmod(path, PRIVATE_DIR)  # made here: ours to set whole


def tighten(path: Path) -> None:
    """Take group and other permissions off an existing file (0644 -> 0600) if it has any."""
    try:
        mode = path.lstat().st_mode
    except FileNotFoundError:
        return
    if stat.S_ISREG(mode):
        take_away_others(path)


def take_away_others(path: Path) -> None:
    """Remove the group and other bits of `path`, and only those (0755 -> 0700, 0555 -> 0500).

    Never set 0700/0600 outright: that would add the owner's write bit to a ledger made read-only on purpose.
    """
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        os.chmod(path, mode & ~0o077)


def make_private(layout: Layout, files: list[Path]) -> None:
    """The folder, log/, backups/, `files` and every backup closed to other users (0700, 0600).

    A copied, unpacked or hand-made ledger may have come in 0755/0644.
    """
    ensure_private_dir(layout.home)
    for folder in (layout.log_dir, layout.backup_dir):
        if folder.is_dir():
            ensure_private_dir(folder)
    backups = list(layout.backup_dir.iterdir()) if layout.backup_dir.is_dir() else []
    for path in [*files, *backups]:
        tighten(path)


def write_atomic(path: Path, data: bytes, backup_dir: Path | None = None, sync: bool = True) -> None:
    """Replace `path` with `data` so that a crash leaves the old or the new file, never a mix.

    `sync=False` skips the fsyncs, for files that may be lost (the cache, which checks its own bytes).
    """
    temp = temp_name(path, secrets.token_hex(4))
    # O_EXCL and O_NOFOLLOW: a file or symlink planted at the temp path is never written through.
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(temp, flags, PRIVATE_FILE)
    backup: Path | None = None
    try:
        try:
            os.fchmod(fd, PRIVATE_FILE)
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            if sync:
                os.fsync(fd)
        finally:
            os.close(fd)
        if backup_dir is not None and path.exists():
            backup = _next_backup(path, backup_dir)  # named first, so a failure below removes it
            _back_up(path, backup)
        os.replace(temp, path)
    except BaseException:
        for leftover in (temp, backup):
            if leftover is not None:
                with contextlib.suppress(OSError):
                    os.unlink(leftover)
        raise
    if sync:
        fsync_dir(path.parent)
    if backup is not None:
        # Pruning waits until the new version is in place: a failed write
        # leaves backups/ exactly as it was.
        _prune_backups(backup.parent, _numbered(backup)[0])


def put_back_last_backup(path: Path, backup_dir: Path) -> None:
    """Replace `path` with its newest backup (the version `write_atomic` just replaced).

    The backup is a hard link to the old file: linking it back rewrites no byte.
    """
    kept = backups_of(backup_dir, backup_name(path, backup_dir.parent))
    if not kept:
        return
    temp = temp_name(path, secrets.token_hex(4))
    _back_up(kept[-1], temp)  # the same link (or whole copy) a backup is made with, the other way round
    os.replace(temp, path)
    fsync_dir(path.parent)


def copy_folder_once(files: dict[str, Path], target: Path) -> None:
    """Copy `files` (relative name -> path) into the new folder `target`, all or nothing; keep an existing one."""
    if target.exists():
        return
    partial = temp_name(target, secrets.token_hex(4))
    ensure_private_dir(target.parent)
    try:
        ensure_private_dir(partial)
        for name, source in files.items():
            copy = partial / name
            ensure_private_dir(copy.parent)
            write_atomic(copy, source.read_bytes())
        os.rename(partial, target)  # the folder appears complete or not at all
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    fsync_dir(target.parent)


def fsync_dir(path: Path) -> None:
    """Make a rename in `path` durable (a no-op where directories cannot be opened)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        with contextlib.suppress(OSError):  # the rename is done either way: nothing to report
            os.close(fd)


def _next_backup(path: Path, backup_dir: Path) -> Path:
    """Where the current version of `path` goes: the next number after its newest backup."""
    ensure_private_dir(backup_dir)
    name = backup_name(path, backup_dir.parent)
    existing = backups_of(backup_dir, name)
    # Numbered, not timestamped: the order survives clock changes and time zones.
    number = int(_numbered(existing[-1])[1]) + 1 if existing else 1
    return backup_dir / f"{name}.{number:06d}"


def _back_up(path: Path, target: Path) -> None:
    """Keep the current version of `path` (validated by the store) as `target`."""
    try:
        os.link(path, target)  # a hard link: no copy that could be cut short
    except OSError:
        # No hard links here (FAT, some network shares): a copy, written whole or not at all.
        write_atomic(target, path.read_bytes())
    tighten(target)
    fsync_dir(target.parent)


def set_aside_broken(path: Path, backup_dir: Path) -> Path:
    """Keep an invalid version of `path` as backups/NAME.broken-000001, outside the rotation.

    A broken file may still hold the only copy of someone's notes, but it must never
    push a valid backup out of the last BACKUPS_KEPT: `backups_of` and pruning skip these names.
    """
    ensure_private_dir(backup_dir)
    name = f"{backup_name(path, backup_dir.parent)}.{BROKEN_TAG}"
    numbers = [p.name[len(name) :] for p in backup_dir.iterdir() if p.name.startswith(name)]
    taken = [int(number) for number in numbers if number.isdigit()]
    target = backup_dir / f"{name}{max(taken, default=0) + 1:06d}"
    _back_up(path, target)
    return target


def backups_of(backup_dir: Path, name: str) -> list[Path]:
    """The backups of one file, oldest first."""
    if not backup_dir.is_dir():
        return []
    mine = [p for p in backup_dir.iterdir() if _numbered(p)[0] == name and _numbered(p)[1].isdigit()]
    return sorted(mine, key=lambda p: int(_numbered(p)[1]))


def _numbered(backup: Path) -> tuple[str, str]:
    """`log-2026-11.toml.000042` -> ('log-2026-11.toml', '000042')."""
    name, _, number = backup.name.rpartition(".")
    return name, number


def _prune_backups(backup_dir: Path, name: str) -> None:
    for old in backups_of(backup_dir, name)[:-BACKUPS_KEPT]:
        with contextlib.suppress(OSError):
            old.unlink()
