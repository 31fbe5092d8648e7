"""`leadshift remove ID` and `leadshift undo`: taking back a record that was logged."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated

import typer

from leadshift.cli.output import command
from leadshift.cli.session import Session

if TYPE_CHECKING:
    from leadshift.domain.ledger import Ledger
    from leadshift.domain.records import AnyRecord
    from leadshift.reports.receipts import Removed


def register(tree: typer.Typer) -> None:
    command(tree)(remove)
    command(tree)(undo)


def remove(
    ctx: typer.Context,
    record_id: Annotated[str, typer.Argument(metavar="ID", help="The id `leadshift show` prints (4+ characters).")],
) -> Removed:
    """Delete one record by its id."""
    from leadshift.domain.changes import find_record

    return _delete(Session.of(ctx), lambda ledger: find_record(ledger, record_id))


def undo(ctx: typer.Context) -> Removed:
    """Delete the record written most recently."""
    from leadshift.domain.changes import newest_record

    return _delete(Session.of(ctx), newest_record)


def _delete(session: Session, choose: Callable[[Ledger], tuple[str, AnyRecord]]) -> Removed:
    from leadshift.domain.changes import without_record
    from leadshift.reports.receipts import Removed

    with session.store.change() as draft:
        key, record = choose(draft.ledger)
        draft.set_month(key, without_record(draft.month(key), record.id), removed=[record.id])
    return Removed(record)
