"""The keys in `ledger.toml`, read with tomllib alone: for shell completion, which runs on every TAB.

No validation and no Pydantic: a completion only offers words, and a ledger that does not read
offers none (the command itself then says what is wrong).
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from leadshift.storage.layout import LEDGER_FILE


def keys_in(home: Path, table: str, *, open_only: bool = False) -> list[str]:
    """The keys of `table` (clients, teammates, actions) in the ledger at `home`, sorted; none if it does not read.

    `open_only`: only the entries not `done` (the action items and obstacles still open).
    """
    try:
        with open(home / LEDGER_FILE, "rb") as file:
            entries = tomllib.load(file).get(table, {})
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return []
    if not isinstance(entries, dict):
        return []
    return sorted(
        key
        for key, entry in entries.items()
        if isinstance(key, str) and not (open_only and isinstance(entry, dict) and entry.get("done"))
    )
