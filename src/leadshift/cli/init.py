"""`init` and `where`: making your ledger, and finding it."""

from __future__ import annotations

from typing import Annotated

import typer

from leadshift.cli.options import ClientShareLimit, PromotedOn, WorkdayHours, choice
from leadshift.cli.output import Outcome, command, news
from leadshift.cli.session import Session
from leadshift.domain.terms import WEEKDAYS


def register(tree: typer.Typer) -> None:
    command(tree)(init)
    command(tree)(where)


def init(
    ctx: typer.Context,
    name: Annotated[str, typer.Option("--name", metavar="NAME", help="Your name, as the reports address you.")],
    promoted_on: PromotedOn = None,
    workday_hours: WorkdayHours = None,
    client_share_limit: ClientShareLimit = None,
    week_starts: Annotated[
        str,
        typer.Option(
            "--week-starts", metavar="DAY", parser=choice("weekday", WEEKDAYS), help="First day of your week."
        ),
    ] = "monday",
) -> Outcome:
    """Create your ledger (never overwrites an existing one)."""
    from leadshift.cli.roster import given
    from leadshift.domain.book import Book, Profile
    from leadshift.domain.changes import build
    from leadshift.render.text import visible

    session = Session.of(ctx)
    fields = given(
        name=name,
        promoted_on=promoted_on,
        workday_hours=workday_hours,
        client_share_limit=client_share_limit,
        week_starts=week_starts,
    )
    profile = build(Profile, fields)  # what is not given takes the model's default
    session.store.create(Book(profile=profile))
    return news(
        f"Created your ledger in {visible(session.home)}",
        "Next: add your team (`leadshift teammate add`) and clients (`leadshift client add`).",
    )


def where(ctx: typer.Context) -> Outcome:
    """Print the ledger directory."""
    return news(str(Session.of(ctx).home))
