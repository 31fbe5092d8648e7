"""`leadshift remove ID`: taking back a record that was logged."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from leadshift.cli.output import command
from leadshift.cli.session import Session

if TYPE_CHECKING:
    from leadshift.reports.receipts import Removed


def register(tree: typer.Typer) -> None:
    command(tree)(remove)


def remove(
    ctx: typer.Context,
    record_id: Annotated[str, typer.Argument(metavar="ID", help="The id `leadshift show` prints (4+ characters).")],
) -> Removed:
    """Delete one record by its id."""
    from leadshift.domain.changes import find_record, without_record
    from leadshift.reports.receipts import Removed

    with Session.of(ctx).store.change() as draft:
        key, record = find_record(draft.ledger, record_id)
        draft.set_month(key, without_record(draft.month(key), record.id), removed=[record.id])
    return Removed(record)
