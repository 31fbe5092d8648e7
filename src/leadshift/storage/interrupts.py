"""Holding Ctrl-C and termination signals while a save runs, so that a save is finished or never begun.

An atomic replace already makes a crash leave the old file or the new one. A Ctrl-C is different: it
raises KeyboardInterrupt between any two lines, including the lines that clean up after a failed write,
so an interrupted save could leave its temp file, or a backup of the file it never replaced. Blocked
signals stay pending: the save runs to its end (a few milliseconds) and the signal acts right after.
SIGKILL cannot be blocked; for it the atomic replace is enough.

The same hold covers the building of each Pydantic model (domain/schema.py, `Strict`): pydantic-core
swallows a KeyboardInterrupt that lands while it builds a validator, and builds a broken one that
rejects every record, so a Ctrl-C at start-up would read as "the ledger is broken".
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

SAVED_MESSAGE = "interrupted (Ctrl-C) just after saving: the change is in the ledger; `leadshift show` lists it."
saves_finished = 0  # in this process: a Ctrl-C after one must say the change was kept

HELD = frozenset(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name))


@contextmanager
def held() -> Iterator[None]:
    """Run the block with Ctrl-C, SIGTERM and SIGHUP held; any that arrived act when it ends."""
    if not hasattr(signal, "pthread_sigmask"):  # not POSIX: nothing to hold
        yield
        return
    # The mask holds signals for this thread only: the kernel hands a Ctrl-C to any other thread
    # that takes it (the BLAS threads SciPy starts for `handoff plan`), and Python would then raise
    # KeyboardInterrupt here all the same. So while the block runs, a Ctrl-C is also only noted.
    noted: list[int] = []
    swapped = threading.current_thread() is threading.main_thread()  # handlers are set from there only
    before = signal.pthread_sigmask(signal.SIG_BLOCK, HELD)
    previous = signal.signal(signal.SIGINT, lambda number, frame: noted.append(number)) if swapped else None
    try:
        yield
    finally:
        if swapped:
            signal.signal(signal.SIGINT, signal.SIG_DFL if previous is None else previous)
        signal.pthread_sigmask(signal.SIG_SETMASK, before)
        if noted:
            signal.raise_signal(signal.SIGINT)  # now it acts, as if it had waited in the mask


@contextmanager
def saving() -> Iterator[None]:
    """Run a save with the signals held, so that it is finished or never begun.

    A Ctrl-C held until a save ended raises KeyboardInterrupt right after it; the CLI's error
    handler sees `saves_finished` and says the change was kept (SAVED_MESSAGE).
    """
    global saves_finished
    with held():
        yield
        saves_finished += 1
