"""`leadshift teammate add|list|edit|leave|remove`: the people you lead, and those who left."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from leadshift.cli import completion
from leadshift.cli.addresses import Emails, given_list
from leadshift.cli.app import new_app
from leadshift.cli.options import TODAY, TagList, Yes, past_day
from leadshift.cli.output import Outcome, command, news
from leadshift.cli.parsing import parse_tags
from leadshift.cli.roster import given, save_edit, save_removal
from leadshift.cli.session import Session
from leadshift.cli.writes import change_book

if TYPE_CHECKING:
    from leadshift.domain.book import Book
    from leadshift.reports.listing import Departure, Team

app = new_app("The people you lead: their skills, growth goals, capacity and 1:1 cadence.")

Key = Annotated[
    str, typer.Argument(metavar="KEY", autocompletion=completion.teammates, help="Short key, like 'alice'.")
]
Name = Annotated[Optional[str], typer.Option("--name", metavar="NAME", help="Display name.")]
Role = Annotated[Optional[str], typer.Option("--role", metavar="ROLE", help="Their role, like 'account manager'.")]
Skills = Annotated[
    Optional[TagList],
    typer.Option("--skills", metavar="A,B", parser=parse_tags, help="What they are good at, comma-separated."),
]
Growing = Annotated[
    Optional[TagList], typer.Option("--growing", metavar="A,B", parser=parse_tags, help="What they want to grow in.")
]
Capacity = Annotated[
    Optional[float],
    typer.Option("--capacity-hours", metavar="H", help="Client hours a week they can carry."),
]
Cadence = Annotated[Optional[int], typer.Option("--one-on-one-every", metavar="DAYS", help="Days between 1:1s.")]
Joined = Annotated[
    Optional[date],
    typer.Option(
        "--joined",
        metavar="DATE",
        parser=past_day,
        help="The day they joined, if after you took the team: their first 1:1 falls due a cadence later.",
    ),
]


def register(tree: typer.Typer) -> None:
    tree.add_typer(app, name="teammate")


@command(app)
def add(
    ctx: typer.Context,
    key: Key,
    name: Annotated[str, typer.Option("--name", metavar="NAME", help="Display name.")],
    role: Role = None,
    skills: Skills = None,
    growing: Growing = None,
    capacity_hours: Capacity = None,
    one_on_one_every: Cadence = None,
    joined: Joined = None,
    emails: Emails = None,
) -> Outcome:
    """Add a teammate (unless given: 30 client hours a week, a 1:1 every 14 days)."""
    from leadshift.domain.changes import add_teammate

    fields = given(
        name=name,
        role=role,
        skills=skills,
        growing=growing,
        capacity_hours=capacity_hours,
        one_on_one_every=one_on_one_every,
        joined=joined,
        emails=given_list(emails),
    )
    book = change_book(Session.of(ctx), lambda ledger: add_teammate(ledger.book, key, fields))
    return news(f"Added teammate {key.strip().lower()} ({len(book.teammates)} on the team).")


@command(app, "list", json=True)
def list_(
    ctx: typer.Context,
    everyone: Annotated[bool, typer.Option("--all", help="Also list those who left the team.")] = False,
) -> Team:
    """List your team."""
    from leadshift.reports.listing import Team

    book = Session.of(ctx).reader.read_book()
    if everyone:
        return Team(book.teammates)
    current = book.current_team()
    return Team(current, left_not_listed=len(book.teammates) - len(current))


@command(app)
def edit(
    ctx: typer.Context,
    key: Key,
    name: Name = None,
    role: Role = None,
    skills: Skills = None,
    growing: Growing = None,
    capacity_hours: Capacity = None,
    one_on_one_every: Cadence = None,
    emails: Emails = None,
) -> Outcome:
    """Change a teammate's details (only the options you give)."""
    from leadshift.domain.changes import edit_teammate

    fields = given(
        name=name,
        role=role,
        skills=skills,
        growing=growing,
        capacity_hours=capacity_hours,
        one_on_one_every=one_on_one_every,
        emails=given_list(emails),
    )
    return save_edit(Session.of(ctx), "teammate", key, fields, edit_teammate)


@command(app, json=True)
def leave(
    ctx: typer.Context,
    key: Key,
    on: Annotated[
        date,
        typer.Option(
            "--on",
            metavar="DATE",
            parser=past_day,
            help="The day they left: YYYY-MM-DD, 'today' or 'yesterday' [default: today].",
            show_default=False,
        ),
    ] = TODAY,  # type: ignore[assignment]  # parsed like a typed date
) -> Departure:
    """A teammate left: their records stay; they leave the 1:1s, the review and the handoff plans."""
    from leadshift.domain.changes import leave_teammate, require_teammate
    from leadshift.reports.listing import Departure

    book = change_book(Session.of(ctx), lambda ledger: leave_teammate(ledger, key, on))
    stored = require_teammate(book, key)
    return Departure(stored, book.teammates[stored], len(book.current_team()))


@command(app)
def remove(ctx: typer.Context, key: Key, yes: Yes = False) -> Outcome:
    """Remove a teammate who owns no clients and appears in no records (asks first; --yes for scripts)."""
    from leadshift.domain.changes import remove_teammate

    return save_removal(Session.of(ctx), "teammate", key, remove_teammate, _teammate_going, yes)


def _teammate_going(book: Book, key: str) -> str:
    mate = book.teammates[key]
    return (
        f"This removes {mate.name} ({key}) from the team, with their skills, growth goals and 1:1 cadence "
        f"(`leadshift teammate leave {key}` keeps them as former)"
    )
