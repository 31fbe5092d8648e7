"""Holding Ctrl-C and termination signals while a save runs, so that a save is finished or never begun.

An atomic replace already makes a crash leave the old file or the new one. A Ctrl-C is different: it
raises KeyboardInterrupt between any two lines, including the lines that clean up after a failed write,
so an interrupted save could leave its temp file, or a backup of the file it never replaced. Blocked
signals stay pending: the save runs to its end (a few milliseconds) and the signal acts right after.
SIGKILL cannot be blocked; for it the atomic replace is enough.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager

SAVED_MESSAGE = "interrupted (Ctrl-C) just after saving: the change is in the ledger; `leadshift show` lists it."
saves_finished = 0  # in this process: a Ctrl-C after one must say the change was kept

HELD = frozenset(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name))


@contextmanager
def held() -> Iterator[None]:
    """Run the block with Ctrl-C, SIGTERM and SIGHUP held; any that arrived act when it ends.

    A Ctrl-C held until a save ended raises KeyboardInterrupt right after it; the CLI's error
    handler sees `saves_finished` and says the change was kept (SAVED_MESSAGE).
    """
    global saves_finished
    if not hasattr(signal, "pthread_sigmask"):  # not POSIX: nothing to hold
        yield
        saves_finished += 1
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, HELD)
    try:
        yield
        saves_finished += 1
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)
