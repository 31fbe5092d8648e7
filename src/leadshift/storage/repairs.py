"""The writes of recovery, each under the ledger lock: a backup put back, permissions tightened, a leftover removed.

They do not go through `Store.change()`, which refuses to write while any
file is broken: mending a broken ledger is exactly what they are for. What to
put back and whether it fits is recovery's to judge (recovery/restore.py);
here is only how it reaches the disk, keeping the version it replaces.
"""

from __future__ import annotations

import os
import shutil
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from leadshift.storage import durable, guards, lock, writable
from leadshift.storage.layout import Layout, backup_name
from leadshift.storage.survey import FOLDER


@contextmanager
def repairing(layout: Layout) -> Iterator[None]:
    """Hold the ledger lock (no save is under way meanwhile); refuse while log/ or backups/ is a link.

    A ledger folder made read-only is refused first: taking the lock may create .lock.
    """
    writable.refuse_read_only(layout)
    with lock.exclusive(layout.lock_path):
        guards.refuse_linked_folders(layout)
        yield


def put_back(layout: Layout, rel: str, data: bytes, replaced_is_sound: bool) -> tuple[str | None, bool]:
    """Write `data` over the file at `rel`, keeping the version there first.

    Returns the backups/ name that keeps it (None when there was no file) and
    whether it was broken: a broken version never enters the rotation, where
    it would push a sound backup out.
    """
    target = layout.home / rel
    writable.refuse_read_only(layout, [target])
    durable.ensure_private_dir(target.parent)
    if not os.path.lexists(target):
        durable.write_atomic(target, data)
        return None, False
    if replaced_is_sound:
        durable.write_atomic(target, data, layout.backup_dir)  # the current version becomes the newest backup
        return durable.backups_of(layout.backup_dir, backup_name(target, layout.home))[-1].name, False
    aside = durable.set_aside_broken(target, layout.backup_dir)
    try:
        durable.write_atomic(target, data)
    except OSError:
        # write_atomic fails only before its replace: the file is unchanged, so its copy is not needed.
        # (An interrupt may come after the replace, so the copy stays then.)
        aside.unlink(missing_ok=True)
        raise
    return aside.name, True


def make_private(layout: Layout, rel: str) -> str | None:
    """Close the folder or file at `rel` to other users; what was done, or None if it is a link."""
    path = _path(layout, rel)
    if path.is_symlink():
        return None  # a chmod would reach whatever the link points to, outside the ledger
    if path.is_dir():
        durable.ensure_private_dir(path)
        where = "the ledger folder" if rel == FOLDER else f"{rel}/"
    else:
        durable.tighten(path)
        where = rel
    return f"{where} is now {stat.S_IMODE(path.stat().st_mode):04o}"  # 0700 or 0600, unless made read-only


def remove_leftover(layout: Layout, rel: str) -> str | None:
    """Remove the temp file or folder a save cut short left at `rel`; what was done, or None if it was not one."""
    path = _path(layout, rel)
    try:
        mode = path.lstat().st_mode
    except FileNotFoundError:
        return None  # its save finished while doctor looked
    writable.refuse_read_only(layout, folders=[path.parent])
    if stat.S_ISDIR(mode):
        shutil.rmtree(path)  # a copy before a migration, cut short (the store removes them too)
    elif stat.S_ISREG(mode):
        path.unlink()
    else:
        return None  # never remove what was not checked to be ours
    return f"removed {rel}"


def _path(layout: Layout, rel: str) -> Path:
    return layout.home if rel == FOLDER else layout.home / rel
