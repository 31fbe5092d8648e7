"""A real ledger on disk for doctor and restore to find broken by hand, and a fingerprint of every file in it."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

SECRET = "Priya cried in our 1:1"  # a note that must never appear in a report


def make_ledger(cli: Callable, home: Path) -> Path:
    """Sam, teammates Alice and Bob, clients Acme and Initech; records in October and November.

    Backups: ledger.toml.000001 (no team), .000002 (Alice), .000003 (+ Acme), .000004 (+ Initech);
    log-2026-11.toml.000001 (the Initech hours only).
    """
    for args in (
        ["init", "--name", "Sam Lee"],
        ["teammate", "add", "alice", "--name", "Alice Martin"],
        ["client", "add", "acme", "--name", "Acme Ltd", "--backed-by", "alice"],
        ["client", "add", "initech", "--name", "Initech"],
        ["teammate", "add", "bob", "--name", "Bob Chen"],
        ["log", "client", "acme", "2", "--date", "2026-10-30"],
        ["log", "client", "initech", "1.5", "--note", SECRET],
        ["log", "one-on-one", "alice", "held"],
    ):
        result = cli(*args)
        assert result.exit_code == 0, (args, result.stderr)
    return home


def tree(home: Path) -> dict[str, tuple[int, bytes | str | None]]:
    """Every entry under `home`, the folder itself and the lock included: mode and bytes (or link target)."""
    entries: dict[str, tuple[int, bytes | str | None]] = {".": (home.lstat().st_mode, None)}
    for path in sorted(home.rglob("*")):
        mode = path.lstat().st_mode
        content = os.readlink(path) if path.is_symlink() else path.read_bytes() if stat.S_ISREG(mode) else None
        entries[str(path.relative_to(home))] = (mode, content)
    return entries


def replace_line(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))
