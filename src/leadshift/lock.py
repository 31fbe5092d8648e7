"""An exclusive lock on a separate lock file, so concurrent commands never lose a record.

`flock` locks belong to the open file description: the kernel drops them when
the process dies, so a lock left by a killed command never blocks the next one.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from leadshift.durable import PRIVATE_FILE
from leadshift.errors import LedgerWriteError

DEFAULT_TIMEOUT = 10.0
ENV_TIMEOUT = "LEADSHIFT_LOCK_TIMEOUT"


@contextmanager
def exclusive(path: Path, timeout: float | None = None) -> Iterator[None]:
    """Hold the lock on `path` for the block, waiting up to `timeout` seconds."""
    import fcntl

    if timeout is None:
        timeout = float(os.environ.get(ENV_TIMEOUT, DEFAULT_TIMEOUT))
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags, PRIVATE_FILE)
    except OSError as error:
        raise LedgerWriteError(f"cannot open the lock file {path}: {error.strerror}.") from None
    try:
        os.fchmod(fd, PRIVATE_FILE)
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
        os.close(fd)  # closing releases the lock
