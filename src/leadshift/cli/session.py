"""What every command needs from the outside world, in one swappable place.

Only the CLI reads the clock, the environment and the terminal; it hands
explicit values (the store, today's date) to the pure packages.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from leadshift.errors import UsageError
from leadshift.storage.location import ledger_home

if TYPE_CHECKING:
    from rich.console import Console

    from leadshift.storage.reader import LedgerReader
    from leadshift.storage.store import Store

ENV_TODAY = "LEADSHIFT_TODAY"  # pins "today" for tests and reproducible demos


def today() -> date:
    """Today, or the day LEADSHIFT_TODAY pins."""
    pinned = os.environ.get(ENV_TODAY)
    if not pinned:
        return date.today()
    from leadshift.domain.dates import FIRST_YEAR, LAST_YEAR, in_calendar

    try:
        day = date.fromisoformat(pinned)
    except ValueError:
        raise UsageError(f"{ENV_TODAY} must be a date like 2026-11-20, got '{pinned}'.") from None
    if not in_calendar(day):
        raise UsageError(f"{ENV_TODAY} must be a date from {FIRST_YEAR} to {LAST_YEAR}, got '{pinned}'.")
    return day


@dataclass
class Session:
    ledger_option: str | None = None
    debug: bool = False
    command: str = ""  # the command running, as the journal of changes names it

    @staticmethod
    def of(ctx: Any) -> Session:
        """The Session the root command made, from any command's context."""
        session = ctx.find_root().obj
        assert isinstance(session, Session)
        return session

    @cached_property
    def home(self) -> Path:
        return ledger_home(self.ledger_option)

    @cached_property
    def reader(self) -> LedgerReader:
        """The ledger, to read (a command that only reads never loads the code that writes)."""
        from leadshift.storage.reader import LedgerReader  # Pydantic loads only for commands that read the ledger

        return LedgerReader(self.home)

    @cached_property
    def store(self) -> Store:
        """The ledger, to read and change."""
        from leadshift.storage.store import Store

        store = Store(self.home)
        store.command = self.command
        return store

    @cached_property
    def today(self) -> date:
        return today()

    @cached_property
    def console(self) -> Console:
        from rich.console import Console

        return Console(highlight=False, soft_wrap=False)

    def say(self, line: Any) -> None:
        """One line of news: wrapped at words on a terminal, kept whole in a pipe (one record, one line)."""
        self.console.print(line, soft_wrap=not self.console.is_terminal)

    def interactive(self) -> bool:
        """A person at a terminal who can answer questions."""
        return sys.stdin.isatty() and sys.stdout.isatty()

    def print_json(self, data: Any) -> None:
        from leadshift.render.data import dumps

        sys.stdout.write(dumps(data) + "\n")
