"""Hooks on each step of a save, for the crash and fault tests: nothing in leadshift is changed.

`durable.py` and `lock.py` reach the operating system through their module attribute `os`; replacing
that attribute with a `HookedOS` lets a test see every call before it runs and fail it (an I/O fault),
kill the process right there (a crash at an exact step) or note it (where a random kill landed).
`install` also hooks the other steps of a save: taking the lock (flock), reading and validating a file
(codec.decode), encoding one (codec.encode) and pruning old backups.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Callable
from typing import Any

from leadshift.storage import codec, durable, journal, layout, lock, rewind
from leadshift.storage.layout import BACKUP_DIR, JOURNAL_DIR, LOCK_FILE

# The os functions durable.py and lock.py call that touch the disk.
OS_CALLS = ("open", "write", "fsync", "close", "link", "replace", "unlink", "fchmod", "chmod")

Hook = Callable[[str, tuple[Any, ...]], None]
Patch = Callable[[object, str, object], None]


class HookedOS:
    """The `os` module, except that the calls in OS_CALLS go through `hook(name, args)` first."""

    def __init__(self, hook: Hook) -> None:
        self._hook = hook

    def __getattr__(self, name: str) -> Any:
        real = getattr(os, name)
        return _wrapped(name, real, self._hook) if name in OS_CALLS else real


def _wrapped(name: str, real: Callable[..., Any], hook: Hook) -> Callable[..., Any]:
    def hooked(*args: Any, **kwargs: Any) -> Any:
        hook(name, args)
        return real(*args, **kwargs)

    return hooked


def install(hook: Hook, patch: Patch = setattr) -> None:
    """Route every step of a save through `hook`; `patch` is `monkeypatch.setattr` in a test process."""
    proxy = HookedOS(hook)
    patch(durable, "os", proxy)
    patch(lock, "os", proxy)
    patch(journal, "os", proxy)  # marking an entry undone is a rename
    patch(rewind, "os", proxy)  # undoing the change that made a file removes it
    patch(fcntl, "flock", _wrapped("flock", fcntl.flock, hook))
    patch(codec, "decode", _wrapped("decode", codec.decode, hook))
    patch(codec, "encode", _wrapped("encode", codec.encode, hook))
    patch(durable, "_prune_backups", _wrapped("prune", durable._prune_backups, hook))


def opened(args: tuple[Any, ...]) -> str:
    """What an `open` (or `replace`) is for: the lock, the journal's entry, a temp file, or the folder of the file
    or of the backups (to fsync it)."""
    path = os.fspath(args[0])
    name, folder = os.path.basename(path), os.path.basename(os.path.dirname(path))
    if name == LOCK_FILE:
        return "lock"
    if JOURNAL_DIR in (name, folder):
        return "journal"
    if name.endswith(layout.TEMP_SUFFIX):
        return "temp"
    return "backups" if name == BACKUP_DIR else "folder"
