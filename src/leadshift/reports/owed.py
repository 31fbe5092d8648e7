"""What you owe your people, as of a day: action items and obstacles listed, and those running late (pure).

An item is open until its `done` day (domain/promises.py). What you promised comes before what they took on,
and an obstacle's age is what it costs the person who raised it (docs/coaching.md, 12 and 14).
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from leadshift.domain.book import Book
from leadshift.domain.promises import ActionItem, Obstacle

OBSTACLE_WAIT_DAYS = 14  # an obstacle open longer than this is waiting on you: `obstacles-waiting`


class ActionRow(NamedTuple):
    id: str
    item: ActionItem
    name: str  # the teammate's name, for the view
    overdue: bool  # yours, open, and due before the day it is listed on


class ObstacleRow(NamedTuple):
    id: str
    item: Obstacle
    name: str
    age_days: int  # days open: to the day listed, or to the day it was done


class ActionList(NamedTuple):
    """`leadshift actions`: open items (with --all, done ones too), yours first, then by due day, then opened."""

    rows: list[ActionRow]
    teammate: str | None  # the name of the teammate asked for, if any
    every: bool  # --all


class ObstacleList(NamedTuple):
    """`leadshift obstacles`: open obstacles (with --all, done ones too), oldest first, with their age."""

    rows: list[ObstacleRow]
    teammate: str | None
    every: bool


def late(item: ActionItem, as_of: date) -> bool:
    """An item you owe, open on `as_of`, whose due day is before it."""
    return item.owner == "me" and item.due is not None and item.due < as_of and item.open_on(as_of)


def age(item: Obstacle, as_of: date) -> int:
    """Days an obstacle has been open on `as_of`; once done, how long it waited."""
    end = item.done if item.done is not None and item.done <= as_of else as_of
    return (end - item.opened).days


def waiting(item: Obstacle, as_of: date) -> bool:
    """Open on `as_of` for more than OBSTACLE_WAIT_DAYS."""
    return item.open_on(as_of) and age(item, as_of) > OBSTACLE_WAIT_DAYS


def action_list(book: Book, teammate: str | None, every: bool, today: date) -> ActionList:
    # The sort is stable: items alike stay in the order they were added (the order of ledger.toml).
    rows = [
        ActionRow(key, item, book.teammate_name(item.teammate), late(item, today))
        for key, item in book.actions.items()
        if _listed(item, teammate, every)
    ]
    rows.sort(key=lambda r: (r.item.done is not None, r.item.owner != "me", r.item.due or date.max, r.item.opened))
    return ActionList(rows, book.teammate_name(teammate) if teammate else None, every)


def obstacle_list(book: Book, teammate: str | None, every: bool, today: date) -> ObstacleList:
    rows = [
        ObstacleRow(key, item, book.teammate_name(item.teammate), age(item, today))
        for key, item in book.obstacles.items()
        if _listed(item, teammate, every)
    ]
    rows.sort(key=lambda r: (r.item.done is not None, r.item.opened))
    return ObstacleList(rows, book.teammate_name(teammate) if teammate else None, every)


def late_actions(book: Book, as_of: date) -> dict[str, list[ActionItem]]:
    """Your late items on `as_of`, by teammate (keys sorted)."""
    found: dict[str, list[ActionItem]] = {}
    for item in book.actions.values():
        if late(item, as_of):
            found.setdefault(item.teammate, []).append(item)
    return dict(sorted(found.items()))


def waiting_obstacles(book: Book, as_of: date) -> dict[str, list[Obstacle]]:
    """Obstacles open more than OBSTACLE_WAIT_DAYS on `as_of`, by who raised them (keys sorted), oldest first."""
    found: dict[str, list[Obstacle]] = {}
    for item in sorted(book.obstacles.values(), key=lambda o: o.opened):
        if waiting(item, as_of):
            found.setdefault(item.teammate, []).append(item)
    return dict(sorted(found.items()))


def _listed(item: ActionItem | Obstacle, teammate: str | None, every: bool) -> bool:
    return (teammate is None or item.teammate == teammate) and (every or item.done is None)
