"""A ledger made read-only stays read-only: no write to a folder or file whose owner's write bit is off.

People make a ledger read-only on purpose (`chmod -R u-w`: an archive, a ledger handed over). leadshift
goes by that bit, not by what the system would allow: root may write anywhere, and a file in a writable
folder can be replaced whatever its own mode, so asking `os.access` or just trying would write a
read-only ledger anyway. Going by the bit, every user gets the same refusal, before anything is written.
"""

from __future__ import annotations

import shlex
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from leadshift.errors import LedgerWriteError
from leadshift.storage.layout import Layout


def read_only_mode(path: Path) -> int | None:
    """The permission bits of `path` if its owner's write bit is off; None if it is writable or missing."""
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return None  # missing (made by the write, in a folder checked too) or unreachable (the write reports it)
    return None if mode & stat.S_IWUSR else mode


def refuse_read_only(layout: Layout, files: Iterable[Path] = (), folders: Iterable[Path] = ()) -> None:
    """Refuse a write when anything it would touch is read-only: nothing has been written yet.

    Every write takes the lock in the ledger folder; writing `files` also touches the folder each is in
    (the temp file, the atomic rename) and backups/ (the version replaced); `folders` are written into.
    """
    for path in dict.fromkeys(_touched(layout, files, folders)):
        mode = read_only_mode(path)
        if mode is not None:
            raise LedgerWriteError(_refusal(layout, path, mode))


def _touched(layout: Layout, files: Iterable[Path], folders: Iterable[Path]) -> Iterator[Path]:
    yield layout.home
    yield layout.lock_path
    yield from folders
    for path in files:
        yield path.parent
        yield path
        if path.exists():
            yield layout.backup_dir


def _refusal(layout: Layout, path: Path, mode: int) -> str:
    what = "the ledger folder" if path == layout.home else "the folder" if path.is_dir() else "the file"
    return (
        f"{what} {path} is read-only (mode {mode:04o}); nothing was saved. Allow writing with "
        f"`chmod u+w {shlex.quote(str(path))}`, or leave it read-only: commands that only read "
        "(review, show, check, doctor) still work."
    )
