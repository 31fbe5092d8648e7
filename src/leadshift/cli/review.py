"""`leadshift review`: the weekly fairness report, on screen, as JSON, SVG or HTML."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from leadshift.cli.app import session_of
from leadshift.cli.options import Json, Week

if TYPE_CHECKING:
    from rich.console import RenderableType

    from leadshift.cli.session import Session
    from leadshift.model import Book
    from leadshift.review import Review

MAX_TREND_WEEKS = 104
EXPORT_WIDTH = 80


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
        int, typer.Option("--weeks", min=1, max=MAX_TREND_WEEKS, help="Weeks in the client-share trend.")
    ] = 6,
    json: Json = False,
    svg: Annotated[
        Optional[Path],
        typer.Option("--svg", metavar="FILE", dir_okay=False, help="Also save the report as an SVG picture."),
    ] = None,
    html: Annotated[
        Optional[Path],
        typer.Option("--html", metavar="FILE", dir_okay=False, help="Also save the report as an HTML page."),
    ] = None,
) -> None:
    """The weekly fairness report: your time, your clients, the other clients, your team."""
    session = session_of(ctx)
    report, book = build_review(session, week, on, weeks)
    if json:
        from leadshift.render.review import review_data

        session.print_json(review_data(report))
        return
    show_review(session, report, book, svg=svg, html=html)


def build_review(session: Session, week: str | None, on: str | None, weeks: int) -> tuple[Review, Book]:
    """Parse the period, read the months it needs, compute the report."""
    from leadshift.dates import parse_date, parse_week, week_of
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
    # Every month up to the week's end: the last held 1:1 or the last hours on
    # a client may lie anywhere before it.
    ledger = session.store.load(None, end)
    return weekly_review(ledger, start, end, session.today, weeks), ledger.book


def show_review(
    session: Session, report: Review, book: Book, svg: Path | None = None, html: Path | None = None
) -> None:
    """Print the report; save the same view as SVG or HTML when asked."""
    from leadshift.render.review import review_view

    session.console.print(review_view(report, book))
    if svg or html:
        _export(review_view(report, book), svg, html)


def _export(view: RenderableType, svg: Path | None, html: Path | None) -> None:
    """Save the view in colour at 80 columns, whatever the terminal (or pipe) is."""
    import io

    from rich.console import Console

    from leadshift.errors import LeadshiftError

    console = Console(
        record=True, file=io.StringIO(), width=EXPORT_WIDTH, color_system="truecolor", force_terminal=True
    )
    console.print(view)
    for path, save in (
        (svg, lambda p: console.save_svg(p, clear=False, title="leadshift review")),
        (html, lambda p: console.save_html(p, clear=False)),
    ):
        if path is None:
            continue
        try:
            save(str(path))
        except OSError as error:
            raise LeadshiftError(f"cannot save {path}: {error.strerror or error}; choose another file.") from None
        typer.echo(f"Saved {path}")
