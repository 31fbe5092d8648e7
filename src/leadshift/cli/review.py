"""`leadshift review`: the weekly fairness report, on screen, as JSON, SVG or HTML."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from leadshift.cli.app import session_of
from leadshift.cli.options import Json, Week

if TYPE_CHECKING:
    from leadshift.cli.session import Session
    from leadshift.review import Review

MAX_TREND_WEEKS = 104


def register(app: typer.Typer) -> None:
    app.command()(review)


def review(
    ctx: typer.Context,
    week: Week = None,
    on: Annotated[
        Optional[str],
        typer.Option("--date", "-d", metavar="DATE", help="Review the week holding this date [default: today]."),
    ] = None,
    weeks: Annotated[
        int,
        typer.Option("--weeks", metavar="N", min=1, max=MAX_TREND_WEEKS, help="Weeks in the client-share trend."),
    ] = 6,
    json: Json = False,
    svg: Annotated[
        Optional[Path], typer.Option("--svg", metavar="FILE", help="Also save the report as an SVG picture.")
    ] = None,
    html: Annotated[
        Optional[Path], typer.Option("--html", metavar="FILE", help="Also save the report as an HTML page.")
    ] = None,
) -> None:
    """The weekly fairness report: your time, your clients, the other clients, your team, your trade-offs."""
    from leadshift.cli import exports
    from leadshift.errors import UsageError

    session = session_of(ctx)
    if json and (svg or html):
        raise UsageError("--svg and --html save the on-screen report; leave out --json.")
    targets = exports.check_targets(session.home, svg, html)
    report = build_review(session, week, on, weeks)
    if json:
        from leadshift.render.data import plain

        session.print_json(plain(report))
        return
    from leadshift.render.review import review_view

    view = review_view(report)
    session.console.print(view)
    exports.save(view, targets)
    from leadshift.render.text import visible

    for path, _ in targets:
        typer.echo(f"Saved {visible(path)}", err=True)


def build_review(session: Session, week: str | None, on: str | None, weeks: int) -> Review:
    """Parse the period, read the months it needs, compute the report."""
    from leadshift.dates import parse_date, parse_week, require_started, week_of
    from leadshift.errors import UsageError
    from leadshift.review import weekly_review

    if week is not None and on is not None:
        raise UsageError("give --week or --date, not both.")
    book = session.store.read_book()
    if week is not None:
        start, end = parse_week(week, book.profile.week_starts)
    else:
        day = parse_date(on, session.today) if on is not None else session.today
        start, end = week_of(day, book.profile.week_starts)
    require_started(start, session.today)
    # The trend's weeks in full; before them, the digest of every month: the last
    # held 1:1 or the last hours on a client may lie anywhere before the week.
    first = start - timedelta(weeks=weeks - 1) if start.toordinal() > 7 * weeks else date.min
    ledger = session.store.load(first, end, book, history=True)
    return weekly_review(ledger, start, end, session.today, weeks)
