"""`init`, `where` and `demo`: making, finding and trying a ledger."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from leadshift.cli.app import session_of


def register(app: typer.Typer) -> None:
    app.command()(demo)
    app.command()(init)
    app.command()(where)


def init(
    ctx: typer.Context,
    name: Annotated[str, typer.Option("--name", help="Your name, as the reports address you.")],
    promoted_on: Annotated[
        Optional[str], typer.Option("--promoted-on", metavar="DATE", help="When you became the lead.")
    ] = None,
    workday_hours: Annotated[float, typer.Option("--workday-hours", help="The working day you budget for.")] = 10.0,
    client_share_limit: Annotated[
        str,
        typer.Option("--client-share-limit", metavar="SHARE", help="Most of your time for client work: 0.4 or 40%."),
    ] = "0.4",
    week_starts: Annotated[
        str, typer.Option("--week-starts", metavar="DAY", help="First day of your week.")
    ] = "monday",
) -> None:
    """Create your ledger (never overwrites an existing one)."""
    from leadshift.dates import parse_date
    from leadshift.edits import build
    from leadshift.model import Book, Profile
    from leadshift.parsing import parse_choice, parse_share
    from leadshift.render.text import visible
    from leadshift.terms import WEEKDAY_NAMES

    session = session_of(ctx)
    profile = build(
        Profile,
        {
            "name": name.strip(),
            "promoted_on": parse_date(promoted_on, session.today) if promoted_on is not None else None,
            "workday_hours": workday_hours,
            "client_share_limit": parse_share(client_share_limit),
            "week_starts": parse_choice("weekday", week_starts, WEEKDAY_NAMES),
        },
    )
    session.store.create(Book(profile=profile))
    typer.echo(f"Created your ledger in {visible(session.home)}")
    typer.echo("Next: add your team (`leadshift teammate add`) and clients (`leadshift client add`).")


def where(ctx: typer.Context) -> None:
    """Print the ledger directory."""
    typer.echo(str(session_of(ctx).home))


def demo(ctx: typer.Context) -> None:
    """Try leadshift on the bundled example ledger (a temporary copy; yours is untouched)."""
    from leadshift.cli.showcase import show_demo

    show_demo(session_of(ctx))
