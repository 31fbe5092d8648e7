"""`leadshift doctor [--fix]`: what is wrong with the ledger's files, and how to fix each problem."""

from __future__ import annotations

from typing import Annotated

import typer

from leadshift.cli.output import Outcome, command
from leadshift.cli.session import Session


def register(tree: typer.Typer) -> None:
    command(tree, json=True)(doctor)


def doctor(
    ctx: typer.Context,
    fix: Annotated[
        bool,
        typer.Option("--fix", help="Also fix what is safe to fix: permissions, temp files of interrupted saves."),
    ] = False,
) -> Outcome:
    """Check every ledger file and say how to fix each problem.

    Exits 1 when there is a problem. Never changes what a file holds, even with --fix.
    """
    from dataclasses import replace

    from leadshift.recovery.doctor import inspect_ledger

    store = Session.of(ctx).store
    checkup = inspect_ledger(store)
    if fix and any(problem.fixable for problem in checkup.problems):
        from leadshift.recovery.fixes import apply_safe_fixes

        fixed = apply_safe_fixes(store, checkup.problems)
        checkup = replace(inspect_ledger(store), fixed=tuple(fixed))
    return Outcome(checkup, exit_code=0 if checkup.healthy else 1)
