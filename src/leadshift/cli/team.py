"""`leadshift teammate add|list|edit|remove`: the people you lead."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from leadshift.cli.app import new_app, session_of
from leadshift.cli.options import Json
from leadshift.cli.roster import given, print_roster, save_edit, save_removal
from leadshift.cli.writes import change_book

app = new_app("The people you lead: their skills, growth goals, capacity and 1:1 cadence.")

Key = Annotated[str, typer.Argument(metavar="KEY", help="Short key, like 'alice'.")]
Name = Annotated[Optional[str], typer.Option("--name", help="Display name.")]
Role = Annotated[Optional[str], typer.Option("--role", help="Their role, like 'account manager'.")]
Skills = Annotated[
    Optional[str], typer.Option("--skills", metavar="A,B", help="What they are good at, comma-separated.")
]
Growing = Annotated[Optional[str], typer.Option("--growing", metavar="A,B", help="What they want to grow in.")]
Capacity = Annotated[
    Optional[float],
    typer.Option("--capacity-hours", metavar="H", help="Client hours a week they can carry."),
]
Cadence = Annotated[Optional[int], typer.Option("--one-on-one-every", metavar="DAYS", help="Days between 1:1s.")]


@app.command()
def add(
    ctx: typer.Context,
    key: Key,
    name: Annotated[str, typer.Option("--name", help="Display name.")],
    role: Role = None,
    skills: Skills = None,
    growing: Growing = None,
    capacity_hours: Capacity = None,
    one_on_one_every: Cadence = None,
) -> None:
    """Add a teammate (unless given: 30 client hours a week, a 1:1 every 14 days)."""
    from leadshift import edits

    fields = given(
        name=name,
        role=role,
        skills=skills,
        growing=growing,
        capacity_hours=capacity_hours,
        one_on_one_every=one_on_one_every,
    )
    book = change_book(session_of(ctx), lambda ledger: edits.add_teammate(ledger.book, key, fields))
    typer.echo(f"Added teammate {key.strip().lower()} ({len(book.teammates)} on the team).")


@app.command("list")
def list_(ctx: typer.Context, json: Json = False) -> None:
    """List your team."""
    from leadshift.render.data import teammates_data
    from leadshift.render.tables import teammates_table

    empty = 'No teammates yet. Add one: leadshift teammate add alice --name "Alice" --skills negotiation'
    print_roster(ctx, json, teammates_data, teammates_table, empty)


@app.command()
def edit(
    ctx: typer.Context,
    key: Key,
    name: Name = None,
    role: Role = None,
    skills: Skills = None,
    growing: Growing = None,
    capacity_hours: Capacity = None,
    one_on_one_every: Cadence = None,
) -> None:
    """Change a teammate's details (only the options you give)."""
    from leadshift import edits

    fields = given(
        name=name,
        role=role,
        skills=skills,
        growing=growing,
        capacity_hours=capacity_hours,
        one_on_one_every=one_on_one_every,
    )
    save_edit(ctx, "teammate", key, fields, edits.edit_teammate)


@app.command()
def remove(ctx: typer.Context, key: Key) -> None:
    """Remove a teammate who owns no clients and appears in no records."""
    from leadshift import edits

    save_removal(ctx, "teammate", key, edits.remove_teammate)
