"""`leadshift show`: the records of a day or a week, each with the id that `remove` takes."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from leadshift.cli.options import TODAY, AnyDate, Week
from leadshift.cli.output import NotBoth, command
from leadshift.cli.session import Session

if TYPE_CHECKING:
    from leadshift.reports.listing import RecordList


def register(tree: typer.Typer) -> None:
    command(tree, json=True, not_both=(NotBoth("on", "week"),))(show)


def show(ctx: typer.Context, on: AnyDate = TODAY, week: Week = None) -> RecordList:  # type: ignore[assignment]
    """The records of a day (default today) or a week, each with its id."""
    from leadshift.domain.dates import week_label
    from leadshift.reports.listing import RecordList

    session = Session.of(ctx)
    book = session.reader.read_book()
    if week is not None:
        start, end = week.dates(book.profile.week_starts)
        period = f"week {week_label(start)} ({start} to {end})"
    else:
        start = end = on
        period = str(start)
    return RecordList(session.reader.load(start, end, book).records(start, end), period)
