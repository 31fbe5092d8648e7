"""`leadshift client add|list|edit|remove`: the accounts, and who owns each."""

from __future__ import annotations

from typing import Annotated, Any, Optional

import typer

from leadshift.cli.app import new_app, session_of
from leadshift.cli.options import Json
from leadshift.cli.writes import change_book

app = new_app("The client accounts: who owns each, what it needs, how much it weighs.")

Key = Annotated[str, typer.Argument(metavar="KEY", help="Short key, like 'acme'.")]
Name = Annotated[Optional[str], typer.Option("--name", help="Display name.")]
Owner = Annotated[
    Optional[str], typer.Option("--owner", metavar="me|TEAMMATE", help="Who serves it: 'me' or a teammate key [default: me].")
]
Needs = Annotated[Optional[str], typer.Option("--needs", metavar="A,B", help="Skills the account needs, comma-separated.")]
Weight = Annotated[
    Optional[int], typer.Option("--weight", metavar="1-5", help="Prestige and complexity: its growth value [default: 3].")
]
WeeklyHours = Annotated[
    Optional[float], typer.Option("--weekly-hours", metavar="H", help="Hours a week the account needs [default: 5].")
]
BackedBy = Annotated[
    Optional[str], typer.Option("--backed-by", metavar="A,B", help="Teammates already working it behind the scenes.")
]


def _fields(name, owner, needs, weight, weekly_hours, backed_by) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    from leadshift.parsing import parse_tags

    given = {
        "name": name.strip() if name is not None else None,
        "owner": owner,
        "needs": parse_tags(needs) if needs is not None else None,
        "weight": weight,
        "weekly_hours": weekly_hours,
        "backed_by": parse_tags(backed_by) if backed_by is not None else None,
    }
    return {k: v for k, v in given.items() if v is not None}


@app.command()
def add(
    ctx: typer.Context,
    key: Key,
    name: Annotated[str, typer.Option("--name", help="Display name.")],
    owner: Owner = None,
    needs: Needs = None,
    weight: Weight = None,
    weekly_hours: WeeklyHours = None,
    backed_by: BackedBy = None,
) -> None:
    """Add a client account."""
    from leadshift import edits

    fields = _fields(name, owner, needs, weight, weekly_hours, backed_by)
    book = change_book(session_of(ctx), lambda ledger: edits.add_client(ledger.book, key, fields))
    added = key.strip().lower()
    owner_text = "you" if book.clients[added].owner == "me" else book.clients[added].owner
    typer.echo(f"Added client {added}, served by {owner_text}.")


@app.command("list")
def list_(ctx: typer.Context, json: Json = False) -> None:
    """List the clients, yours first."""
    session = session_of(ctx)
    book = session.store.read_book()
    if json:
        from leadshift.render.data import clients_data

        session.print_json(clients_data(book))
    elif not book.clients:
        typer.echo("No clients yet. Add one: leadshift client add acme --name \"Acme Ltd\" --weight 4")
    else:
        from leadshift.render.tables import clients_table

        session.console.print(clients_table(book))


@app.command()
def edit(
    ctx: typer.Context,
    key: Key,
    name: Name = None,
    owner: Owner = None,
    needs: Needs = None,
    weight: Weight = None,
    weekly_hours: WeeklyHours = None,
    backed_by: BackedBy = None,
) -> None:
    """Change a client's details (only the options you give)."""
    from leadshift import edits
    from leadshift.errors import UsageError

    fields = _fields(name, owner, needs, weight, weekly_hours, backed_by)
    if not fields:
        raise UsageError("nothing to change: give at least one option, like --owner alice.")
    change_book(session_of(ctx), lambda ledger: edits.edit_client(ledger.book, key, fields))
    typer.echo(f"Updated client {key.strip().lower()}: {', '.join(sorted(fields))}.")


@app.command()
def remove(ctx: typer.Context, key: Key) -> None:
    """Remove a client that appears in no records."""
    from leadshift import edits

    change_book(session_of(ctx), lambda ledger: edits.remove_client(ledger, key))
    typer.echo(f"Removed client {key.strip().lower()}.")
