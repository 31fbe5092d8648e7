"""`leadshift teammate add|list|edit|remove`: the people you lead."""

from __future__ import annotations

from typing import Annotated, Any, Optional

import typer

from leadshift.cli.app import new_app, session_of
from leadshift.cli.options import Json
from leadshift.cli.writes import change_book

app = new_app("The people you lead: their skills, growth goals, capacity and 1:1 cadence.")

Key = Annotated[str, typer.Argument(metavar="KEY", help="Short key, like 'alice'.")]
Name = Annotated[Optional[str], typer.Option("--name", help="Display name.")]
Role = Annotated[Optional[str], typer.Option("--role", help="Their role, like 'account manager'.")]
Skills = Annotated[Optional[str], typer.Option("--skills", metavar="A,B", help="What they are good at, comma-separated.")]
Growing = Annotated[Optional[str], typer.Option("--growing", metavar="A,B", help="What they want to grow in.")]
Capacity = Annotated[
    Optional[float], typer.Option("--capacity-hours", metavar="H", help="Client hours a week they can carry [default: 30].")
]
Cadence = Annotated[
    Optional[int], typer.Option("--one-on-one-every", metavar="DAYS", help="Days between 1:1s [default: 14].")
]


def _fields(name, role, skills, growing, capacity, cadence) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    from leadshift.parsing import parse_tags

    given = {
        "name": name.strip() if name is not None else None,
        "role": role.strip() if role is not None else None,
        "skills": parse_tags(skills) if skills is not None else None,
        "growing": parse_tags(growing) if growing is not None else None,
        "capacity_hours": capacity,
        "one_on_one_every": cadence,
    }
    return {k: v for k, v in given.items() if v is not None}


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
    """Add a teammate."""
    from leadshift import edits

    fields = _fields(name, role, skills, growing, capacity_hours, one_on_one_every)
    book = change_book(session_of(ctx), lambda ledger: edits.add_teammate(ledger.book, key, fields))
    added = key.strip().lower()
    typer.echo(f"Added teammate {added} ({len(book.teammates)} on the team).")


@app.command("list")
def list_(ctx: typer.Context, json: Json = False) -> None:
    """List your team."""
    session = session_of(ctx)
    book = session.store.read_book()
    if json:
        from leadshift.render.data import teammates_data

        session.print_json(teammates_data(book))
    elif not book.teammates:
        typer.echo("No teammates yet. Add one: leadshift teammate add alice --name \"Alice\" --skills negotiation")
    else:
        from leadshift.render.tables import teammates_table

        session.console.print(teammates_table(book))


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
    from leadshift.errors import UsageError

    fields = _fields(name, role, skills, growing, capacity_hours, one_on_one_every)
    if not fields:
        raise UsageError("nothing to change: give at least one option, like --capacity-hours 25.")
    change_book(session_of(ctx), lambda ledger: edits.edit_teammate(ledger.book, key, fields))
    typer.echo(f"Updated teammate {key.strip().lower()}: {', '.join(sorted(fields))}.")


@app.command()
def remove(ctx: typer.Context, key: Key) -> None:
    """Remove a teammate who owns no clients and appears in no records."""
    from leadshift import edits

    change_book(session_of(ctx), lambda ledger: edits.remove_teammate(ledger, key))
    typer.echo(f"Removed teammate {key.strip().lower()}.")
