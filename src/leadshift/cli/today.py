"""`leadshift today`: the day so far, for a glance before closing the laptop."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from leadshift.cli.options import TODAY, OnDate
from leadshift.cli.output import command
from leadshift.cli.session import Session

if TYPE_CHECKING:
    from leadshift.reports.today import Today


def register(tree: typer.Typer) -> None:
    command(tree, json=True)(today)


def today(ctx: typer.Context, on: OnDate = TODAY) -> Today:  # type: ignore[assignment]
    """The day so far: hours by client and activity, 1:1s, and client delivery against your limit."""
    from leadshift.reports import today as report

    session = Session.of(ctx)
    book = session.reader.read_book()
    return report.today(session.reader.load(on, on, book), on)
