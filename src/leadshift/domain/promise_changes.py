"""The rules for opening and closing what you owe your people: action items and obstacles (pure).

Both live in `ledger.toml` under an 8-hex id, like a record's, and are found again by any unique
start of it of 4 characters or more. Errors never quote an item's text or note: they are private.
"""

from __future__ import annotations

from datetime import date
from typing import Literal, NamedTuple

from leadshift.domain.book import Book
from leadshift.domain.changes import build, id_source, require_teammate
from leadshift.domain.ledger import Ledger
from leadshift.domain.promises import MAX_TEXT, ActionItem, Obstacle, Promise
from leadshift.domain.wording import and_list, by_start
from leadshift.errors import Conflict, InvalidValue, NotFound, UsageError

Table = Literal["actions", "obstacles"]
LABELS: dict[str, str] = {"actions": "action item", "obstacles": "obstacle"}
MIN_ID = 4  # characters of an id to find an item by, as `remove` takes record ids


class NewAction(NamedTuple):
    """An action item as typed, before its teammate key is checked."""

    teammate: str
    text: str
    owner: str = "me"
    due: date | None = None


class Kept(NamedTuple):
    """An item just opened or closed: the table it is in, its id, the item as saved, and its teammate's name."""

    table: Table
    id: str
    item: Promise
    name: str


def add_actions(ledger: Ledger, actions: list[NewAction], opened: date) -> tuple[Book, list[Kept]]:
    """The book with `actions` opened on `opened`, each under a new id (one save for all of them)."""
    new_id = id_source(ledger)
    book, kept = ledger.book, []
    for action in actions:
        key = _teammate_then(book, action.teammate, opened)
        if action.due is not None and action.due < opened:
            raise InvalidValue(f"--due {action.due} is before the item is opened on {opened}; give a later --due.")
        fields = {"teammate": key, "text": _text(action.text), "opened": opened, "owner": action.owner}
        item = build(ActionItem, {**fields, "due": action.due} if action.due else fields)
        kept.append(Kept("actions", new_id(), item, book.teammate_name(key)))
        book = _with_item(book, kept[-1])
    return book, kept


def add_obstacle(ledger: Ledger, teammate: str, text: str, opened: date) -> tuple[Book, Kept]:
    """The book with an obstacle `teammate` raised on `opened`."""
    key = _teammate_then(ledger.book, teammate, opened)
    item = build(Obstacle, {"teammate": key, "text": _text(text), "opened": opened})
    kept = Kept("obstacles", id_source(ledger)(), item, ledger.book.teammate_name(key))
    return _with_item(ledger.book, kept), kept


def close(book: Book, table: Table, typed_id: str, done: date, note: str) -> tuple[Book, Kept]:
    """The book with the item `typed_id` names done on `done`, with `note` (what you did)."""
    item_id = find_item(book, table, typed_id)
    item: Promise = getattr(book, table)[item_id]
    label = LABELS[table]
    if item.done is not None:
        raise Conflict(f"{label} {item_id} was already done on {item.done}; nothing to change.")
    if done < item.opened:
        raise InvalidValue(f"--date {done} is before {label} {item_id} was opened on {item.opened}; give a later day.")
    closed = build(type(item), {**item.model_dump(), "done": done, "note": note.strip()})
    kept = Kept(table, item_id, closed, book.teammate_name(item.teammate))
    return _with_item(book, kept), kept


def find_item(book: Book, table: Table, typed_id: str) -> str:
    """The id of the item in `table` whose id starts with `typed_id` (at least 4 characters)."""
    label, listing = LABELS[table], f"`leadshift {table} --all`"
    if len(typed_id.strip()) < MIN_ID:
        raise UsageError(f"'{typed_id}' is too short: give at least {MIN_ID} characters of the id {listing} prints.")
    found = by_start(typed_id, sorted(getattr(book, table)))
    if not found:
        raise NotFound(f"no {label} with id '{typed_id}'; {listing} lists them.")
    if len(found) > 1:
        raise Conflict(f"'{typed_id}' starts the ids {and_list(found)}; give more characters.")
    return found[0]


def _text(text: str) -> str:
    """The item's text, trimmed; never quoted in an error (it is private)."""
    text = text.strip()
    if not text:
        raise InvalidValue('the text is empty; say in a few words what is to be done, like "Send the pricing notes".')
    if len(text) > MAX_TEXT:
        raise InvalidValue(f"the text has {len(text)} characters, more than {MAX_TEXT}; say it in fewer words.")
    return text


def _teammate_then(book: Book, typed: str, day: date) -> str:
    """The teammate's key, refused unless they were on the team on `day`."""
    key = require_teammate(book, typed)
    mate = book.teammates[key]
    if not mate.on_team(day):
        when = f"left the team on {mate.left}" if mate.left and mate.left <= day else f"joined on {mate.joined}"
        raise Conflict(f"{mate.name} {when}; an item opened on {day} cannot name them: check --date.")
    return key


def _with_item(book: Book, kept: Kept) -> Book:
    return build(Book, {**book.model_dump(), kept.table: {**getattr(book, kept.table), kept.id: kept.item}})
