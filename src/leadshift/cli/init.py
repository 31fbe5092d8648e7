"""`init` and `where`: making your ledger, and finding it."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Optional

import typer

from leadshift.cli import parsing
from leadshift.cli.options import choice, day
from leadshift.cli.output import Outcome, command, news
from leadshift.cli.session import Session
from leadshift.domain.terms import WEEKDAYS


def register(tree: typer.Typer) -> None:
    command(tree)(init)
    command(tree)(where)


def init(
    ctx: typer.Context,
    name: Annotated[str, typer.Option("--name", help="Your name, as the reports address you.")],
    promoted_on: Annotated[
        Optional[date], typer.Option("--promoted-on", metavar="DATE", parser=day, help="When you became the lead.")
    ] = None,
    workday_hours: Annotated[float, typer.Option("--workday-hours", help="The working day you budget for.")] = 10.0,
    client_share_limit: Annotated[
        float,
        typer.Option(
            "--client-share-limit",
            metavar="SHARE",
            parser=parsing.parse_share,
            help="Most of your time for client work: 0.4 or 40%.",
        ),
    ] = "0.4",  # type: ignore[assignment]  # parsed like a typed value
    week_starts: Annotated[
        str,
        typer.Option(
            "--week-starts", metavar="DAY", parser=choice("weekday", WEEKDAYS), help="First day of your week."
        ),
    ] = "monday",
) -> Outcome:
    """Create your ledger (never overwrites an existing one)."""
    from leadshift.domain.book import Book, Profile
    from leadshift.domain.changes import build
    from leadshift.render.text import visible

    session = Session.of(ctx)
    profile = build(
        Profile,
        {
            "name": name.strip(),
            "promoted_on": promoted_on,
            "workday_hours": workday_hours,
            "client_share_limit": client_share_limit,
            "week_starts": week_starts,
        },
    )
    session.store.create(Book(profile=profile))
    return news(
        f"Created your ledger in {visible(session.home)}",
        "Next: add your team (`leadshift teammate add`) and clients (`leadshift client add`).",
    )


def where(ctx: typer.Context) -> Outcome:
    """Print the ledger directory."""
    return news(str(Session.of(ctx).home))
