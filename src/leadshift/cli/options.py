"""The options commands share, and the types that parse a value where it enters.

A day, a week, hours, a list, a share or a word from a fixed vocabulary is
parsed by its option's `parser` (parsing.py) as the command line is read, so a
command's body receives a date, an IsoWeek, a float, a list: never the text.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, NewType, Optional

import typer

from leadshift.cli import parsing
from leadshift.cli.session import today
from leadshift.domain.dates import IsoWeek


def day(text: str) -> date:
    """`YYYY-MM-DD`, `today` or `yesterday`."""
    return parsing.parse_date(text, today())


def past_day(text: str) -> date:
    """A day something happened on: not in the future."""
    return parsing.parse_day_logged(text, today())


def choice(what: str, words: tuple[str, ...]) -> Any:
    """A parser for one of `words`, by any unambiguous prefix; `what` names it in errors ("1:1 status")."""
    return lambda text: parsing.parse_choice(what, text, words)


WeekList = NewType("WeekList", list[IsoWeek])  # a comma list of ISO weeks, split by parsing.parse_weeks
TagList = NewType("TagList", list[str])  # a comma list, split by parsing.parse_tags (not one option per item)

Json = Annotated[bool, typer.Option("--json", help="Print machine-readable JSON (keys in docs/json.md).")]
_DATE_HELP = "YYYY-MM-DD, 'today' or 'yesterday' [default: today]."
OnDate = Annotated[
    date, typer.Option("--date", "-d", metavar="DATE", parser=past_day, help=_DATE_HELP, show_default=False)
]
AnyDate = Annotated[date, typer.Option("--date", "-d", metavar="DATE", parser=day, help=_DATE_HELP, show_default=False)]
TODAY = "today"  # the default of OnDate and AnyDate, parsed like any date typed
Yes = Annotated[bool, typer.Option("--yes", "-y", help="Go ahead without asking (for scripts).")]
Note = Annotated[str, typer.Option("--note", "-n", metavar="TEXT", help="A free-text note.")]
Week = Annotated[
    Optional[IsoWeek],
    typer.Option("--week", "-w", metavar="WEEK", parser=parsing.parse_week, help="An ISO week, like 2026-W47."),
]
Hours = Annotated[float, typer.Argument(metavar="HOURS", parser=parsing.parse_hours, help="Like 1.5, 1h30 or 90m.")]

# The profile, as `init` sets it and `profile` changes it: None is "not given" (a new ledger takes the model's default).
PromotedOn = Annotated[
    Optional[date],
    typer.Option("--promoted-on", metavar="DATE", parser=past_day, help="When you became the lead (not a future day)."),
]
WorkdayHours = Annotated[
    Optional[float],
    typer.Option("--workday-hours", "--workday", metavar="HOURS", help="The workday you budget for (10 if not set)."),
]
ClientShareLimit = Annotated[
    Optional[float],
    typer.Option(
        "--client-share-limit",
        "--limit",
        metavar="SHARE",
        parser=parsing.parse_share,
        help="Most of your time for client work: 0.4 or 40% (40% if not set).",
    ),
]
Holidays = Annotated[
    Optional[WeekList],
    typer.Option(
        "--holidays",
        metavar="WEEKS",
        parser=parsing.parse_weeks,
        help="Weeks off, like 2026-W52,2026-W53: no handoff stage starts in one ('' for none).",
    ),
]
