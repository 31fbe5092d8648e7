"""`show`, `remove ID` and `undo`: seeing and correcting what was logged."""

from __future__ import annotations

from typing import Annotated

import typer

from leadshift.cli.app import session_of
from leadshift.cli.options import Json, OnDate, Week


def register(app: typer.Typer) -> None:
    app.command()(show)
    app.command()(remove)
    app.command()(undo)


def show(ctx: typer.Context, on: OnDate = None, week: Week = None, json: Json = False) -> None:
    """The records of a day (default today) or a week, each with its id."""
    from leadshift.dates import parse_date, parse_week, week_label
    from leadshift.errors import UsageError

    session = session_of(ctx)
    if on is not None and week is not None:
        raise UsageError("give --date or --week, not both.")
    book = session.store.read_book()
    if week is not None:
        start, end = parse_week(week, book.profile.week_starts)
        period = f"week {week_label(start)} ({start} to {end})"
    else:
        start = end = parse_date(on, session.today) if on is not None else session.today
        period = str(start)
    records = session.store.load(start, end, book).records(start, end)
    if json:
        from leadshift.render.data import records_data

        session.print_json(records_data(records))
    elif not records:
        typer.echo(f"No records for {period}. Log one with `leadshift log` (or `leadshift log --help`).")
    else:
        from leadshift.render.tables import records_table

        session.console.print(records_table(records, title=f"Records for {period}"))


def remove(
    ctx: typer.Context,
    record_id: Annotated[str, typer.Argument(metavar="ID", help="The id `leadshift show` prints (4+ characters).")],
) -> None:
    """Delete one record by its id."""
    from leadshift import edits

    _delete(ctx, lambda ledger: edits.find_record(ledger, record_id))


def undo(ctx: typer.Context) -> None:
    """Delete the record written most recently."""
    from leadshift import edits

    _delete(ctx, edits.newest_record)


def _delete(ctx: typer.Context, choose) -> None:  # type: ignore[no-untyped-def]
    from rich.text import Text

    from leadshift import edits
    from leadshift.render.tables import summary

    session = session_of(ctx)
    with session.store.change() as draft:
        key, record = choose(draft.ledger)
        draft.set_month(key, edits.without_record(draft.month(key), record.id), removed=[record.id])
    session.say(Text("Removed ").append_text(summary(record)))
