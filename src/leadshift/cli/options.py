"""Options shared by several commands, so they read the same everywhere."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

Json = Annotated[bool, typer.Option("--json", help="Print machine-readable JSON (keys in the README).")]
OnDate = Annotated[
    Optional[str],
    typer.Option("--date", "-d", metavar="DATE", help="YYYY-MM-DD, 'today' or 'yesterday' [default: today]."),
]
Note = Annotated[str, typer.Option("--note", "-n", metavar="TEXT", help="A free-text note.")]
Week = Annotated[Optional[str], typer.Option("--week", "-w", metavar="WEEK", help="An ISO week, like 2026-W47.")]
