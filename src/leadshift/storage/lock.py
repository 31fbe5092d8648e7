"""An exclusive lock on a separate lock file, so concurrent commands never lose a record.

`flock` locks belong to the open file description: the kernel drops them when
the process dies, so a lock left by a killed command never blocks the next one.
"""

from __future__ import annotations

import contextlib
import math
import os
import shlex
import stat
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from leadshift.errors import LedgerWriteError, UsageError, in_words
from leadshift.storage.layout import PRIVATE_FILE

DEFAULT_TIMEOUT = 10.0
ENV_TIMEOUT = "LEADSHIFT_LOCK_TIMEOUT"


def timeout_setting(text: str | None) -> float:
    """Seconds to wait for the lock, from LEADSHIFT_LOCK_TIMEOUT (default 10)."""
    if text is None or not text.strip():
        return DEFAULT_TIMEOUT
    try:
        seconds = float(text)
    except ValueError:
        seconds = math.nan
    if not (0 <= seconds <= 3600):
        raise UsageError(f"{ENV_TIMEOUT} must be a number of seconds from 0 to 3600, got '{text}'.")
    return seconds


@contextmanager
def exclusive(path: Path, timeout: float | None = None) -> Iterator[None]:
    """Hold the lock on `path` for the block, waiting up to `timeout` seconds."""
    import fcntl

    if timeout is None:
        timeout = timeout_setting(os.environ.get(ENV_TIMEOUT))
    # O_NONBLOCK: a FIFO planted at the lock path must not hang the open (flock ignores the flag).
    flags = os.O_RDWR | os.O_CREAT | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags, PRIVATE_FILE)
    except OSError as error:
        raise _odd_lock(path) or LedgerWriteError(f"cannot open the lock file {path}: {in_words(error)}.") from None
    try:
        # Only a regular file: locking a FIFO or a device would "work" here while doctor says it cannot.
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise _odd_lock(path) or LedgerWriteError(f"{path} is not a regular file; nothing was written.")
        if mode & 0o077:
            os.fchmod(fd, stat.S_IMODE(mode) & ~0o077)  # only ever taken away, as durable.take_away_others does
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise LedgerWriteError(
                        f"another leadshift command has held the ledger for over {timeout:g}s; "
                        "nothing was written. Try again when it has finished."
                    ) from None
                time.sleep(0.02)
        yield
    finally:
        with contextlib.suppress(OSError):  # the descriptor, and the lock, are released even on an error
            os.close(fd)


def _odd_lock(path: Path) -> LedgerWriteError | None:
    """The refusal for something other than a regular file at the lock path (as doctor reports it), if it is one."""
    try:
        mode = path.lstat().st_mode
    except OSError:
        return None
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISLNK(mode):
        what = "a symbolic link, which leadshift will not follow"
    elif stat.S_ISDIR(mode):
        what = "a folder, not a lock file"
    else:
        what = "not a regular file (a FIFO, socket or device), so it cannot serve as the lock"
    remove = "rmdir" if stat.S_ISDIR(mode) else "rm"
    return LedgerWriteError(
        f"{path.name} is {what}; nothing was written. Remove it (`{remove} {shlex.quote(str(path))}`) and try "
        "again: the next write makes a new lock file."
    )
