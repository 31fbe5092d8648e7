"""What a commit of the ledger changed, in the words `undo --list` uses: for commit messages and `git sync`'s news."""

from __future__ import annotations

from typing import Any

from leadshift.domain.book import Book
from leadshift.domain.changelog import summarize
from leadshift.domain.records import Month
from leadshift.errors import LedgerFileError
from leadshift.storage import codec
from leadshift.storage.git import Repository
from leadshift.storage.layout import LEDGER_FILE, merged_file

INDEX = ":"  # the files staged to commit


def describe(repo: Repository, before: str | None, after: str) -> str:
    """What changed in the ledger from commit `before` (None: nothing yet) to `after` (a commit or INDEX)."""
    rels = repo.changed(before, None if after == INDEX else after) if before else []
    if before is None:
        return "the ledger as it stands"
    if not rels:
        return "no change to the ledger"
    try:
        books = [_read(repo, rev, LEDGER_FILE, Book) for rev in (before, after)]
        months = {
            merged_file(rel): [_read(repo, rev, rel, Month, merged_file(rel)) for rev in (before, after)]
            for rel in rels
            if rel != LEDGER_FILE
        }
    except LedgerFileError:  # a version that does not validate (a hand edit): name the files alone
        return f"changed {', '.join(rels)}"
    if books[0] is None or books[1] is None:
        return f"changed {', '.join(rels)}"
    old = {key: sides[0] for key, sides in months.items() if sides[0] is not None}
    new = {key: sides[1] for key, sides in months.items() if sides[1] is not None}
    return summarize(books[0], books[1], old, new)


def _read(repo: Repository, rev: str, rel: str, model: type[Any], month: str | None = None) -> Any:
    data = repo.show(rev, rel)
    if data is None:
        return None
    return codec.decode(data, model, rel, "", {"month": month} if month else None)
