"""Options shared by several commands, so they read the same everywhere."""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Optional

import typer

from leadshift.terms import ACTIVITIES, NO_KINDS, ONE_ON_ONE_STATUSES

Json = Annotated[bool, typer.Option("--json", help="Print machine-readable JSON (keys in the README).")]
OnDate = Annotated[
    Optional[str],
    typer.Option("--date", "-d", metavar="DATE", help="YYYY-MM-DD, 'today' or 'yesterday' [default: today]."),
]
Note = Annotated[str, typer.Option("--note", "-n", metavar="TEXT", help="A free-text note.")]
Week = Annotated[Optional[str], typer.Option("--week", "-w", metavar="WEEK", help="An ISO week, like 2026-W47.")]

# Enums give Typer its list of choices (shown in --help, checked on input).
ActivityChoice = Enum("ActivityChoice", {a: a for a in ACTIVITIES}, type=str)
StatusChoice = Enum("StatusChoice", {s: s for s in ONE_ON_ONE_STATUSES}, type=str)
NoKindChoice = Enum("NoKindChoice", {k: k for k in NO_KINDS}, type=str)
