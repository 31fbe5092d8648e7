"""`leadshift merge-file BASE OURS THEIRS PATH`: git's merge driver for ledger files (`leadshift git init` sets it)."""

from __future__ import annotations

from typing import Annotated

import typer

from leadshift.cli.output import Outcome, command, news


def register(tree: typer.Typer) -> None:
    command(tree, "merge-file", hidden=True)(merge_file)  # git runs it (see `leadshift git init`), not you


def _file(metavar: str, what: str) -> object:
    return typer.Argument(metavar=metavar, help=what, show_default=False)


def merge_file(
    ctx: typer.Context,
    base: Annotated[str, _file("BASE", "The common ancestor's version (git's %O; empty when there was none).")],
    ours: Annotated[str, _file("OURS", "Our version (git's %A): the merged file is written here.")],
    theirs: Annotated[str, _file("THEIRS", "Their version (git's %B).")],
    path: Annotated[str, _file("PATH", "The file being merged, as the repository names it (git's %P).")],
) -> Outcome:
    """Merge three versions of a ledger file by record id and by key: git runs it, you need not.

    What changed differently on both sides stays as OURS in the file, and both versions are listed in
    PATH.conflict for you to settle (exit code 1; `leadshift doctor` names it). The file always parses.
    """
    from datetime import datetime
    from pathlib import Path

    from leadshift.domain.wording import plural
    from leadshift.render.text import visible
    from leadshift.storage.layout import conflict_name
    from leadshift.storage.merge_files import merge_files

    merged = merge_files((base, ours, theirs), path, Path.cwd(), datetime.now())
    if not merged.clashes:
        return Outcome()
    clashed = plural(merged.clashes, "place")
    outcome = news(
        f"leadshift: {visible(path)}: {clashed} changed differently on both sides; the file keeps one version, "
        f"{visible(conflict_name(path))} lists both."
    )
    return outcome._replace(exit_code=1)
