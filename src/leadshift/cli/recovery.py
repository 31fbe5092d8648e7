"""`doctor` and `restore`: finding what is wrong with the ledger's files, and going back to a backup."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from leadshift.cli.app import session_of
from leadshift.cli.options import Json


def register(app: typer.Typer) -> None:
    app.command()(doctor)
    app.command()(restore)


def doctor(
    ctx: typer.Context,
    fix: Annotated[
        bool,
        typer.Option("--fix", help="Also fix what is safe to fix: permissions, temp files of interrupted saves."),
    ] = False,
    json: Json = False,
) -> None:
    """Check every ledger file and say how to fix each problem.

    Exits 1 when there is a problem. Never changes what a file holds, even with --fix.
    """
    from leadshift.checkup import inspect_ledger
    from leadshift.render import recovery as view

    session = session_of(ctx)
    checkup = inspect_ledger(session.store)
    fixed = []
    if fix and any(problem.fixable for problem in checkup.problems):
        from leadshift.repair import apply_safe_fixes

        fixed = apply_safe_fixes(session.store, checkup.problems)
        checkup = inspect_ledger(session.store)
    if json:
        session.print_json(view.doctor_data(checkup, session.home, fixed))
    else:
        for line in [*map(view.fixed_line, fixed), *map(view.problem_line, checkup.problems)]:
            typer.echo(line)
        typer.echo(view.verdict(checkup, session.home))
    if not checkup.healthy:
        raise typer.Exit(1)


def restore(
    ctx: typer.Context,
    backup: Annotated[
        Optional[str],
        typer.Argument(
            metavar="BACKUP", help="A backup's name as listed, like ledger.toml.000003.", show_default=False
        ),
    ] = None,
    json: Json = False,
) -> None:
    """List the backups, or put one back (keeping the current version)."""
    from leadshift.render import recovery as view
    from leadshift.render.text import visible

    session = session_of(ctx)
    if backup is not None:
        from leadshift.repair import restore_backup

        restored = restore_backup(session.store, backup)
        if json:
            session.print_json(view.restored_data(restored))
        else:
            for line in view.restored_lines(restored):
                typer.echo(line)
        return
    from leadshift.backups import list_backups

    store = session.store
    if not store.home.is_dir():
        store.read_book()  # raises the "no ledger here" message
    backups = list_backups(store)
    if json:
        session.print_json(view.backups_data(backups))
    elif not backups:
        typer.echo(visible(f"No backups in {store.backup_dir} yet: leadshift keeps one each time it replaces a file."))
    else:
        typer.echo(
            visible(f"Backups in {store.backup_dir}, newest first; put one back with `leadshift restore BACKUP`.")
        )
        for line in view.backups_lines(backups):
            typer.echo(line)
