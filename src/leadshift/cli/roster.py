"""What `teammate` and `client` commands share: reading options, listing, editing, removing."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import typer

from leadshift.cli.app import session_of
from leadshift.cli.writes import change_book

if TYPE_CHECKING:
    from rich.table import Table

    from leadshift.model import Book, Ledger

TAG_FIELDS = ("skills", "growing", "needs", "backed_by")


def given(**options: Any) -> dict[str, Any]:
    """The options the user actually gave, text trimmed and comma lists split."""
    from leadshift.parsing import parse_tags

    fields: dict[str, Any] = {}
    for name, value in options.items():
        if value is None:
            continue
        if name in TAG_FIELDS:
            value = parse_tags(value)
        elif isinstance(value, str):
            value = value.strip()
        fields[name] = value
    return fields


def print_roster(
    ctx: typer.Context,
    json: bool,
    data: Callable[[Book], list[dict[str, Any]]],
    table: Callable[[Book], Table],
    empty: str,
) -> None:
    """`list`: JSON, a table, or what to add first when there is nothing yet."""
    session = session_of(ctx)
    book = session.store.read_book()
    rows = data(book)
    if json:
        session.print_json(rows)
    elif not rows:
        typer.echo(empty)
    else:
        session.console.print(table(book))


def save_edit(
    ctx: typer.Context, kind: str, key: str, fields: dict[str, Any], edit: Callable[[Book, str, dict[str, Any]], Book]
) -> None:
    from leadshift.errors import UsageError

    if not fields:
        raise UsageError(f"nothing to change: give at least one option (see `leadshift {kind} edit --help`).")
    change_book(session_of(ctx), lambda ledger: edit(ledger.book, key, fields))
    typer.echo(f"Updated {kind} {key.strip().lower()}: {', '.join(sorted(fields))}.")


def save_removal(ctx: typer.Context, kind: str, key: str, remove: Callable[[Ledger, str], Book]) -> None:
    change_book(session_of(ctx), lambda ledger: remove(ledger, key))
    typer.echo(f"Removed {kind} {key.strip().lower()}.")
