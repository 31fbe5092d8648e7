"""`leadshift review`: the weekly fairness report, on screen, as JSON, SVG or HTML."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from leadshift.cli.options import TODAY, Week, day
from leadshift.cli.output import NotBoth, Outcome, command
from leadshift.cli.session import Session
from leadshift.domain.dates import IsoWeek

if TYPE_CHECKING:
    from leadshift.reports.review import Review

MAX_TREND_WEEKS = 104
_NO_JSON = "--svg and --html save the on-screen report; leave out --json."


def register(tree: typer.Typer) -> None:
    command(
        tree,
        json=True,
        not_both=(NotBoth("week", "on"), NotBoth("json", "svg", _NO_JSON), NotBoth("json", "html", _NO_JSON)),
    )(review)


def review(
    ctx: typer.Context,
    week: Week = None,
    on: Annotated[
        date,
        typer.Option(
            "--date",
            "-d",
            metavar="DATE",
            parser=day,
            show_default=False,
            help="Review the week holding this date [default: today].",
        ),
    ] = TODAY,  # type: ignore[assignment]  # parsed like a typed date
    weeks: Annotated[
        int,
        typer.Option("--weeks", metavar="N", min=1, max=MAX_TREND_WEEKS, help="Weeks in the client-share trend."),
    ] = 6,
    svg: Annotated[
        Optional[Path], typer.Option("--svg", metavar="FILE", help="Also save the report as an SVG picture.")
    ] = None,
    html: Annotated[
        Optional[Path], typer.Option("--html", metavar="FILE", help="Also save the report as an HTML page.")
    ] = None,
    every_step: Annotated[
        bool, typer.Option("--all", help="Show every step under What to do next, not only the three first.")
    ] = False,
) -> Outcome:
    """The weekly fairness report: your time, your clients, the other clients, your team, your trade-offs."""
    from leadshift.cli import exports

    session = Session.of(ctx)
    targets = exports.check_targets(session.home, svg, html)
    import dataclasses

    report = weekly_report(session, week, on, weeks)
    return Outcome(dataclasses.replace(report, every_step=every_step), save_view_as=tuple(targets))


def weekly_report(session: Session, week: IsoWeek | None, on: date, weeks: int) -> Review:
    """Read the months the week and its trend need, and compute the report."""
    from leadshift.domain.dates import require_started, week_of
    from leadshift.reports.review import weekly_review, weeks_read_whole

    book = session.reader.read_book()
    week_starts = book.profile.week_starts
    start, end = week.dates(week_starts) if week is not None else week_of(on, week_starts)
    require_started(start, session.today)
    # The trend's weeks in full (and the eight weeks the coaching compares); before them, the digest of
    # every month: the last held 1:1 or the last hours on a client may lie anywhere before the week.
    whole = weeks_read_whole(weeks)
    first = start - timedelta(weeks=whole - 1) if start.toordinal() > 7 * whole else date.min
    ledger = session.reader.load(first, end, book, history=True)
    return weekly_review(ledger, start, end, session.today, weeks)
