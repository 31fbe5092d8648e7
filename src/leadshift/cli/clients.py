"""`leadshift client add|list|edit|remove`: the accounts, and who owns each."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from leadshift.cli.app import new_app, session_of
from leadshift.cli.options import Json
from leadshift.cli.roster import given, print_roster, save_edit, save_removal
from leadshift.cli.writes import change_book

app = new_app("The client accounts: who owns each, what it needs, how much it weighs.")

Key = Annotated[str, typer.Argument(metavar="KEY", help="Short key, like 'acme'.")]
Name = Annotated[Optional[str], typer.Option("--name", help="Display name.")]
Owner = Annotated[
    Optional[str],
    typer.Option("--owner", metavar="me|TEAMMATE", help="Who serves it: 'me' or a teammate key."),
]
Needs = Annotated[
    Optional[str], typer.Option("--needs", metavar="A,B", help="Skills the account needs, comma-separated.")
]
Weight = Annotated[
    Optional[int],
    typer.Option("--weight", metavar="1-5", help="Prestige and complexity: its growth value."),
]
WeeklyHours = Annotated[
    Optional[float], typer.Option("--weekly-hours", metavar="H", help="Hours a week the account needs.")
]
BackedBy = Annotated[
    Optional[str], typer.Option("--backed-by", metavar="A,B", help="Teammates already working it behind the scenes.")
]


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
    """Add a client account (unless given: served by you, weight 3, 5 hours a week)."""
    from leadshift import edits
    from leadshift.model import ME

    session = session_of(ctx)
    fields = given(name=name, owner=owner, needs=needs, weight=weight, weekly_hours=weekly_hours, backed_by=backed_by)
    fields["added"] = session.today  # a client new today is not "quiet" for the weeks before it came
    book = change_book(session, lambda ledger: edits.add_client(ledger.book, key, fields))
    owner_key = book.clients[key.strip().lower()].owner
    typer.echo(f"Added client {key.strip().lower()}, served by {'you' if owner_key == ME else owner_key}.")


@app.command("list")
def list_(ctx: typer.Context, json: Json = False) -> None:
    """List the clients, yours first."""
    from leadshift.render.data import clients_data
    from leadshift.render.tables import clients_table

    empty = 'No clients yet. Add one: leadshift client add acme --name "Acme Ltd" --weight 4'
    print_roster(ctx, json, clients_data, clients_table, empty)


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

    fields = given(name=name, owner=owner, needs=needs, weight=weight, weekly_hours=weekly_hours, backed_by=backed_by)
    save_edit(ctx, "client", key, fields, edits.edit_client)


@app.command()
def remove(ctx: typer.Context, key: Key) -> None:
    """Remove a client that appears in no records."""
    from leadshift import edits

    save_removal(ctx, "client", key, edits.remove_client)
