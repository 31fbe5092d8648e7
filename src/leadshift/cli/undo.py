"""`leadshift undo` and `leadshift redo`: take back the last change of any kind, or put it back."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from leadshift.cli.output import command
from leadshift.cli.session import Session

if TYPE_CHECKING:
    from leadshift.domain.changelog import History, Reverted


def register(tree: typer.Typer) -> None:
    command(tree, json=True)(undo)
    command(tree, json=True)(redo)


def undo(
    ctx: typer.Context,
    show_list: Annotated[
        bool, typer.Option("--list", help="List the recent changes, newest first, instead of undoing one.")
    ] = False,
) -> Reverted | History:
    """Take back the most recent change (run again: the one before)."""
    session = Session.of(ctx)
    if show_list:
        from leadshift.domain.changelog import History
        from leadshift.storage import journal

        session.reader.require_folder()
        return History(journal.changes(session.reader))
    from leadshift.storage import rewind

    session.reader.require_folder()  # no ledger: the usual message
    return rewind.undo(session.reader)


def redo(ctx: typer.Context) -> Reverted:
    """Put back the change undone last (until a new change is made)."""
    from leadshift.storage import rewind

    session = Session.of(ctx)
    session.reader.require_folder()
    return rewind.redo(session.reader)
