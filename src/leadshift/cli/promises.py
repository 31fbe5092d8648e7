"""`leadshift action|actions|obstacle|obstacles`: what you promised your people, and what gets in their way.

Action items come out of 1:1s (`log one-on-one ... --action` adds them too); obstacles are what a teammate
says gets in the way of serving clients. Both stay open, from one 1:1 to the next, until closed with `done`.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from leadshift.cli import completion
from leadshift.cli.app import new_app
from leadshift.cli.options import TODAY, OnDate, choice, day
from leadshift.cli.output import command
from leadshift.cli.session import Session
from leadshift.domain.terms import ACTION_OWNERS

if TYPE_CHECKING:
    from collections.abc import Callable

    from leadshift.domain.book import Book
    from leadshift.domain.ledger import Ledger
    from leadshift.domain.promise_changes import Kept, Table
    from leadshift.reports.owed import ActionList, ObstacleList

action_app = new_app("Action items from your 1:1s: what you owe your people, and what they took on.")
obstacle_app = new_app("Obstacles your people raise: what gets in the way of serving clients, until you act on it.")

Teammate = Annotated[
    str, typer.Argument(metavar="TEAMMATE", autocompletion=completion.teammates, help="The teammate's key.")
]
ItemText = Annotated[str, typer.Argument(metavar="TEXT", help="What it is, in a few words (private to you).")]
ID_HELP = "The id the list prints (4+ characters)."
ActionId = Annotated[str, typer.Argument(metavar="ID", autocompletion=completion.open_actions, help=ID_HELP)]
ObstacleId = Annotated[str, typer.Argument(metavar="ID", autocompletion=completion.open_obstacles, help=ID_HELP)]
Which = Annotated[
    Optional[str],
    typer.Argument(metavar="TEAMMATE", autocompletion=completion.teammates, help="Only those with this teammate."),
]
Every = Annotated[bool, typer.Option("--all", help="Done ones too.")]
OWNER_HELP = "me (you promised it: the default) or them (they took it on)."
OWNERS = choice("choice for --owner", ACTION_OWNERS)
Owner = Annotated[
    str,
    typer.Option(
        "--owner", metavar="WHO", parser=OWNERS, autocompletion=completion.one_of(*ACTION_OWNERS), help=OWNER_HELP
    ),
]
Due = Annotated[
    Optional[date], typer.Option("--due", metavar="DATE", parser=day, help="When it is due (may be ahead).")
]


def register(tree: typer.Typer) -> None:
    command(tree, "actions", json=True)(actions)
    command(tree, "obstacles", json=True)(obstacles)
    tree.add_typer(action_app, name="action")
    tree.add_typer(obstacle_app, name="obstacle")


def actions(ctx: typer.Context, teammate: Which = None, every: Every = False) -> ActionList:
    """Open action items, what you owe first, then by due day; late ones in red."""
    from leadshift.reports.owed import action_list

    session = Session.of(ctx)
    book = session.reader.read_book()
    return action_list(book, _key(book, teammate), every, session.today)


def obstacles(ctx: typer.Context, teammate: Which = None, every: Every = False) -> ObstacleList:
    """Open obstacles your people raised, oldest first, with how many days each has waited."""
    from leadshift.reports.owed import obstacle_list

    session = Session.of(ctx)
    book = session.reader.read_book()
    return obstacle_list(book, _key(book, teammate), every, session.today)


@command(action_app, "add")
def add_action(
    ctx: typer.Context,
    teammate: Teammate,
    text: ItemText,
    owner: Owner = "me",
    due: Due = None,
    on: OnDate = TODAY,  # type: ignore[assignment]  # parsed like a typed date
) -> Kept:
    """Add an action item outside a 1:1 (in one: `log one-on-one TEAMMATE held --action TEXT`)."""
    from leadshift.domain.promise_changes import NewAction, add_actions

    def add(ledger: Ledger) -> tuple[Book, Kept]:
        book, (kept,) = add_actions(ledger, [NewAction(teammate, text, owner, due)], on)
        return book, kept

    return _save(Session.of(ctx), add)


@command(action_app, "done")
def action_done(
    ctx: typer.Context,
    item_id: ActionId,
    note: Annotated[str, typer.Option("--note", "-n", metavar="TEXT", help="How it ended (private).")] = "",
    on: OnDate = TODAY,  # type: ignore[assignment]
) -> Kept:
    """Close an action item: it stops carrying to the next 1:1."""
    return _close(Session.of(ctx), "actions", item_id, on, note)


@command(obstacle_app, "add")
def add_obstacle(ctx: typer.Context, teammate: Teammate, text: ItemText, on: OnDate = TODAY) -> Kept:  # type: ignore[assignment]
    """Note an obstacle a teammate raised: a procedure or a misalignment that hurts client service."""
    from leadshift.domain.promise_changes import add_obstacle as add

    return _save(Session.of(ctx), lambda ledger: add(ledger, teammate, text, on))


@command(obstacle_app, "done")
def obstacle_done(
    ctx: typer.Context,
    item_id: ObstacleId,
    note: Annotated[
        str,
        typer.Option("--note", "-n", metavar="TEXT", help="What you did about it: tell them, and follow through."),
    ],
    on: OnDate = TODAY,  # type: ignore[assignment]
) -> Kept:
    """Close an obstacle, saying what you did about it."""
    from leadshift.errors import UsageError

    if not note.strip():
        raise UsageError("--note is empty; say what you did about the obstacle, and tell the one who raised it.")
    return _close(Session.of(ctx), "obstacles", item_id, on, note)


def _key(book: Book, teammate: str | None) -> str | None:
    from leadshift.domain.changes import require_teammate

    return require_teammate(book, teammate) if teammate is not None else None


def _save(session: Session, make: Callable[[Ledger], tuple[Book, Kept]]) -> Kept:
    """Save the book `make` returns for the locked ledger; the item it opened or closed."""
    from leadshift.cli.writes import change_book

    saved: list[Kept] = []

    def edit(ledger: Ledger) -> Book:
        book, kept = make(ledger)
        saved.append(kept)
        return book

    change_book(session, edit)
    return saved[-1]


def _close(session: Session, table: Table, item_id: str, on: date, note: str) -> Kept:
    from leadshift.domain.promise_changes import close

    return _save(session, lambda ledger: close(ledger.book, table, item_id, on, note))
