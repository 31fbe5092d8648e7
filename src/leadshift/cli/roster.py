"""What the `teammate` and `client` commands share: reading their options, saving an edit or a removal."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from leadshift.cli.output import Outcome, news
from leadshift.cli.session import Session
from leadshift.cli.writes import change_book

if TYPE_CHECKING:
    from leadshift.domain.book import Book
    from leadshift.domain.ledger import Ledger


def given(**options: Any) -> dict[str, Any]:
    """The options the user actually gave, text trimmed (comma lists arrive split by their option's parser)."""
    return {
        name: value.strip() if isinstance(value, str) else value for name, value in options.items() if value is not None
    }


def save_edit(
    session: Session, kind: str, key: str, fields: dict[str, Any], edit: Callable[[Book, str, dict[str, Any]], Book]
) -> Outcome:
    from leadshift.errors import UsageError

    if not fields:
        raise UsageError(f"nothing to change: give at least one option (see `leadshift {kind} edit --help`).")
    key = _full_key(session.reader.read_book(), kind, key)
    change_book(session, lambda ledger: edit(ledger.book, key, fields))
    return news(f"Updated {kind} {key}: {', '.join(sorted(fields))}.")


def save_removal(
    session: Session,
    kind: str,
    key: str,
    remove: Callable[[Ledger, str], Book],
    what_goes: Callable[[Book, str], str],
    yes: bool,
) -> Outcome:
    """Remove a client or teammate, once confirmed (`what_goes`: what to say goes)."""
    from leadshift.cli.prompts import confirm_loss

    book = session.reader.read_book()
    key = _full_key(book, kind, key)
    if not yes:
        ledger = session.reader.load(book=book)
        remove(ledger, key)  # refused now (records name it, it owns a client...) rather than after asking
        confirm_loss(session, what_goes(book, key), yes)
    change_book(session, lambda ledger: remove(ledger, key))
    return news(f"Removed {kind} {key}.")


def _full_key(book: Book, kind: str, key: str) -> str:
    """The key that `key` names (typed whole or by a unique start), so the question and the news name it whole."""
    from leadshift.domain.changes import require_client, require_teammate

    return require_client(book, key) if kind == "client" else require_teammate(book, key)
