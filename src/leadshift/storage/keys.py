"""The keys in `ledger.toml`, read with tomllib alone: for shell completion, which runs on every TAB.

No validation and no Pydantic: a completion only offers words, and a ledger that does not read
offers none (the command itself then says what is wrong).
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from leadshift.storage.layout import LEDGER_FILE


def keys_in(home: Path, table: str) -> list[str]:
    """The keys of `table` (clients, teammates) in the ledger at `home`, sorted; none if it does not read."""
    try:
        with open(home / LEDGER_FILE, "rb") as file:
            entries = tomllib.load(file).get(table, {})
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return []
    return sorted(key for key in entries if isinstance(key, str)) if isinstance(entries, dict) else []
