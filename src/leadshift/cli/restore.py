"""`leadshift restore [BACKUP]`: the backups, and putting one back (keeping the version it replaces)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Optional

import typer

from leadshift.cli.options import Yes
from leadshift.cli.output import command
from leadshift.cli.session import Session

if TYPE_CHECKING:
    from leadshift.recovery.backups import BackupList
    from leadshift.recovery.restore import Restored


def register(tree: typer.Typer) -> None:
    command(tree, json=True)(restore)


def restore(
    ctx: typer.Context,
    backup: Annotated[
        Optional[str],
        typer.Argument(
            metavar="BACKUP", help="A backup's name as listed, like ledger.toml.000003.", show_default=False
        ),
    ] = None,
    yes: Yes = False,
) -> Restored | BackupList:
    """List the backups, or put one back (keeping the current version; asks first, --yes for scripts)."""
    session = Session.of(ctx)
    store = session.store
    if backup is not None:
        from leadshift.cli.prompts import confirm_loss
        from leadshift.recovery.restore import restore_backup, what_restore_replaces

        if (replaced := what_restore_replaces(store, backup)) is not None:
            confirm_loss(session, replaced, yes)
        return restore_backup(store, backup)
    from leadshift.recovery.backups import backup_list

    return backup_list(store)
