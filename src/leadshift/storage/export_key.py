"""`export.key`: the secret behind `leadshift export`'s pseudonyms and ledger id, made on the first export.

Kept in the ledger folder, so it travels with the ledger (a copy, a backup, a clone) and every
export of this ledger, on any machine, gives the same pseudonyms. It is made once and never
changed: it is not part of the ledger's history, so undo neither records nor takes it back.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import shlex

from leadshift.errors import LedgerFileError, LedgerWriteError
from leadshift.storage.durable import fsync_dir
from leadshift.storage.layout import EXPORT_KEY_FILE, PRIVATE_FILE, Layout, temp_name
from leadshift.storage.writable import read_only_mode

KEY_BYTES = 32
_KEY = re.compile(rb"^([0-9a-f]{64})\n?$")


def export_key(layout: Layout) -> bytes:
    """The ledger's export secret, made now if it has none."""
    path = layout.export_key_path
    if not path.exists():
        _make(layout)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise LedgerFileError(f"cannot read {EXPORT_KEY_FILE}: {error.strerror}.") from None
    if not (found := _KEY.match(data)):
        # Never print its content: with it, pseudonyms could be matched to keys.
        raise LedgerFileError(
            f"{EXPORT_KEY_FILE} is damaged; put back a copy from another copy of the ledger folder, or remove it "
            f"(`rm {shlex.quote(str(path))}`) to get a new one: exports made since then get new pseudonyms."
        )
    return bytes.fromhex(found.group(1).decode())


def _make(layout: Layout) -> None:
    """Write a new secret whole, then link it into place: two exports at once keep the first one made."""
    mode = read_only_mode(layout.home)
    if mode is not None:
        raise LedgerWriteError(
            f"the ledger folder {layout.home} is read-only (mode {mode:04o}), and an export needs a key kept there "
            f"({EXPORT_KEY_FILE}); allow writing once with `chmod u+w {shlex.quote(str(layout.home))}`, export, "
            "then make it read-only again."
        )
    path = layout.export_key_path
    temp = temp_name(path, secrets.token_hex(4))
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(temp, flags, PRIVATE_FILE)
        try:
            os.fchmod(fd, PRIVATE_FILE)
            os.write(fd, secrets.token_hex(KEY_BYTES).encode() + b"\n")
            os.fsync(fd)
        finally:
            os.close(fd)
        try:
            os.link(temp, path)
        except FileExistsError:
            pass  # another export made it first: theirs is the key
        except OSError:
            os.rename(temp, path)  # no hard links on this disk (FAT, some shares): the rename is atomic too
        fsync_dir(layout.home)
    except OSError as error:
        raise LedgerWriteError(f"cannot make {EXPORT_KEY_FILE} in {layout.home}: {error.strerror}.") from None
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temp)
