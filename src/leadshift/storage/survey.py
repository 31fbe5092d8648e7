"""Looking at a ledger folder without changing it, for `doctor` and `restore`: what each entry is, and its bytes.

Nothing here follows a symbolic link it was not asked to, and nothing opens
what is not a regular file (a FIFO would hang the read).
"""

from __future__ import annotations

import contextlib
import os
import stat
from dataclasses import dataclass, replace
from pathlib import Path

from leadshift.storage.layout import Layout

FOLDER = "."  # the `rel` of the ledger folder itself


@dataclass(frozen=True)
class Entry:
    """One thing in the ledger folder, as the system describes it (lstat: a link is a link)."""

    rel: str  # relative to the ledger folder: `log/2026-11.toml`, FOLDER for the folder itself
    path: Path  # where it is, for messages (`chmod 600 PATH`)
    kind: str  # "file", "folder", "link" or "other" (a FIFO, socket or device)
    mode: int  # its permission bits
    size: int
    mtime: float
    points_to: str | None = None  # a link's target: "file", "folder", "other", or None when it cannot be reached
    target: Path | None = None  # where a link resolves to
    unreachable: str | None = None  # why a link's target cannot be reached ("No such file or directory")

    @property
    def name(self) -> str:
        return self.path.name


def entry(layout: Layout, rel: str) -> Entry | None:
    """The entry at `rel`, or None if there is none. The ledger folder itself is described through a link."""
    path = layout.home if rel == FOLDER else layout.home / rel
    try:
        info = path.stat() if rel == FOLDER else path.lstat()
    except FileNotFoundError:
        return None
    found = Entry(rel, path, _kind(info.st_mode), stat.S_IMODE(info.st_mode), info.st_size, info.st_mtime)
    if found.kind != "link":
        return found
    try:
        target = path.resolve()
    except (OSError, RuntimeError):  # a loop of links
        target = None
    try:
        return replace(found, points_to=_kind(path.stat().st_mode), target=target)
    except OSError as error:
        return replace(found, target=target, unreachable=error.strerror or str(error))


def children(layout: Layout, rel: str) -> list[Entry]:
    """What the folder `rel` holds, by name (nothing when it is not a folder)."""
    folder = layout.home if rel == FOLDER else layout.home / rel
    if not folder.is_dir():
        return []
    found = [entry(layout, _join(rel, path.name)) for path in sorted(folder.iterdir())]
    return [e for e in found if e is not None]


def descendants(layout: Layout, rel: str) -> list[Entry]:
    """Everything under the folder `rel`, at any depth, by path (links are not followed)."""
    found = []
    for item in children(layout, rel):
        found.append(item)
        if item.kind == "folder":
            found += descendants(layout, item.rel)
    return found


def exists(layout: Layout, rel: str) -> bool:
    """Whether anything, even a broken link, is at `rel`."""
    return os.path.lexists(layout.home / rel)


def read(layout: Layout, rel: str, *, through_links: bool = True) -> bytes:
    """The bytes of the regular file at `rel` (raises OSError, or FileNotFoundError for anything else).

    `through_links`: as the store reads ledger.toml and the months; backups are never read through one.
    """
    path = layout.home / rel
    if not path.is_file() or (not through_links and path.is_symlink()):  # never open a FIFO: it would hang
        raise FileNotFoundError(f"{rel} is not a regular file")
    return path.read_bytes()


def save_under_way(layout: Layout) -> bool:
    """Whether another command holds the ledger lock right now (asked without waiting, and without writing)."""
    import fcntl

    try:
        fd = os.open(layout.lock_path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError:
        return False  # no lock file (nothing saved yet) or an odd one (reported)
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    except OSError:
        return False
    finally:
        with contextlib.suppress(OSError):
            os.close(fd)  # closing releases a shared lock taken here
    return False


def _kind(mode: int) -> str:
    if stat.S_ISLNK(mode):
        return "link"
    if stat.S_ISDIR(mode):
        return "folder"
    return "file" if stat.S_ISREG(mode) else "other"


def _join(rel: str, name: str) -> str:
    return name if rel == FOLDER else f"{rel}/{name}"
