"""`leadshift check`: what did I say no to? What each yes to a client cost, in a week or since a day."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from leadshift.cli.options import Week, day
from leadshift.cli.output import NotBoth, command
from leadshift.cli.session import Session

if TYPE_CHECKING:
    from leadshift.reports.said_no import SaidNoReport


def register(tree: typer.Typer) -> None:
    command(tree, json=True, not_both=(NotBoth("week", "since"),))(check)


def check(
    ctx: typer.Context,
    week: Week = None,
    since: Annotated[
        Optional[date],
        typer.Option("--since", metavar="DATE", parser=day, help="From this date to today, instead of a week."),
    ] = None,
) -> SaidNoReport:
    """What did I say no to? Each yes's cost in a week (default this one) or since a date."""
    from leadshift.domain.dates import require_started, week_of
    from leadshift.errors import InvalidValue
    from leadshift.reports.said_no import said_no

    session = Session.of(ctx)
    today = session.today
    book = session.reader.read_book()
    week_starts = book.profile.week_starts
    if since is not None:
        if since > today:
            raise InvalidValue(f"--since {since} is after today ({today}); choose a day up to today.")
        start, end = since, today
    else:
        start, end = week.dates(week_starts) if week is not None else week_of(today, week_starts)
        require_started(start, today)
    # The period's months, and the digest of every month before: each teammate's last held 1:1.
    ledger = session.reader.load(start, end, book, history=True)
    return said_no(ledger, start, end, today)
