"""`leadshift prep TEAMMATE`: the one-screen brief for your next 1:1 with that person."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from leadshift.cli import completion
from leadshift.cli.output import command
from leadshift.cli.session import Session

if TYPE_CHECKING:
    from leadshift.reports.prep import Prep


def register(tree: typer.Typer) -> None:
    command(tree, json=True)(prep)


def prep(
    ctx: typer.Context,
    teammate: Annotated[
        str,
        typer.Argument(
            metavar="TEAMMATE",
            autocompletion=completion.teammates,
            help="Their key, or the start of it (like 'pri' for priya).",
        ),
    ],
) -> Prep:
    """Before a 1:1: what happened since the last one, what each of you owes, and what to ask."""
    from leadshift.domain.changes import require_teammate
    from leadshift.handoff.stages import GUIDANCE
    from leadshift.reports import prep as brief

    session = Session.of(ctx)
    today = session.today
    book = session.reader.read_book()
    key = require_teammate(book, teammate)
    # The last four weeks, and the digests of every month before: they name the last held 1:1.
    four_weeks = brief.first_day_read_at_most(today)
    ledger = session.reader.load(four_weeks, today, book, history=True)
    first = brief.first_day_read(ledger, key, today)
    if first < four_weeks:  # the last 1:1 was longer ago: read from the day after it
        ledger = session.reader.load(first, today, book, history=True)
    return brief.prep(ledger, key, today, GUIDANCE)
