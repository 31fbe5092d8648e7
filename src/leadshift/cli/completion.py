"""What TAB offers for a client, a teammate or an activity: keys from the ledger, as fast as the shell needs.

Each function is a Typer `autocompletion` callback. They read `ledger.toml` alone (storage/keys.py),
never the months, Pydantic or Rich: completion runs a whole leadshift process on every TAB.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import typer

from leadshift.domain.terms import ACTIVITIES, ME
from leadshift.errors import LeadshiftError


def clients(ctx: typer.Context, incomplete: str) -> list[str]:
    return _starting(_keys(ctx, "clients"), incomplete)


def teammates(ctx: typer.Context, incomplete: str) -> list[str]:
    return _starting(_keys(ctx, "teammates"), incomplete)


def owners(ctx: typer.Context, incomplete: str) -> list[str]:
    """A client's owner: you (`me`) or a teammate."""
    return _starting([ME, *_keys(ctx, "teammates")], incomplete)


def activities(incomplete: str) -> list[str]:
    return _starting(list(ACTIVITIES), incomplete)


def open_actions(ctx: typer.Context, incomplete: str) -> list[str]:
    """The ids of the action items still open, for `action done`."""
    return _starting(_keys(ctx, "actions", open_only=True), incomplete)


def open_obstacles(ctx: typer.Context, incomplete: str) -> list[str]:
    """The ids of the obstacles still open, for `obstacle done`."""
    return _starting(_keys(ctx, "obstacles", open_only=True), incomplete)


def one_of(*words: str) -> Callable[[str], list[str]]:
    """A completion of a fixed set of words: a 1:1's status, a kind of no, a format."""

    def complete(incomplete: str) -> list[str]:
        return _starting(list(words), incomplete)

    return complete


def _keys(ctx: typer.Context, table: str, *, open_only: bool = False) -> list[str]:
    from leadshift.storage.keys import keys_in
    from leadshift.storage.location import ledger_home

    try:  # `--ledger DIR` typed before the command counts; a bad one offers nothing
        home: Path = ledger_home(ctx.find_root().params.get("ledger"))
    except LeadshiftError:
        return []
    return keys_in(home, table, open_only=open_only)


def _starting(words: list[str], incomplete: str) -> list[str]:
    return [word for word in words if word.startswith(incomplete)]


def words_typed(environ: Mapping[str, str]) -> list[str]:
    """The words typed after `leadshift`, as the shell passes them: bash in COMP_WORDS, zsh and fish in
    _TYPER_COMPLETE_ARGS. Only the command matters here, so that a TAB builds only that command's tree."""
    typed = environ.get("COMP_WORDS") or environ.get("_TYPER_COMPLETE_ARGS") or ""
    return typed.split()[1:]


def skip_value_checks() -> None:
    """While completing, Typer need not check the values typed so far.

    Typer 0.29 checks each value with a Pydantic adapter it builds on first use, and importing Pydantic
    alone would take longer than the rest of a TAB. Click parses in `resilient_parsing` mode then, and
    only then, so a command that runs checks every value as before.
    """
    try:
        from typer.core import _TyperParameter
    except ImportError:  # a Typer without it checks values some other way: nothing to skip
        return
    check = _TyperParameter.process_value

    def process_value(self: Any, ctx: Any, value: Any) -> Any:
        return value if ctx.resilient_parsing else check(self, ctx, value)

    _TyperParameter.process_value = process_value  # type: ignore[method-assign]
