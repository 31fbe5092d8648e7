"""What is wrong with the bytes of one ledger file, said without ever quoting them (notes are private).

Shared by `doctor` (every file of a ledger) and `restore` (a backup and the file
it would replace). Decoding is the codec's, so a file is judged exactly as
every command reads it; only the kind of problem is added, for `doctor --json`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from leadshift.domain.book import Book
from leadshift.domain.records import Month
from leadshift.domain.schema import SCHEMA_VERSION
from leadshift.domain.wording import plural
from leadshift.errors import LedgerFileError
from leadshift.storage import codec
from leadshift.storage.codec import toml_table, version_in

# The kinds of problem a file's content can have (codes of `doctor --json`).
SYNTAX = "syntax"  # not UTF-8 or not TOML
SCHEMA = "schema"  # TOML that does not fit the model (a typo in a key, weight = 9...)
REFERENCE = "reference"  # a month naming a client or teammate that ledger.toml does not have
NEWER_VERSION = "newer-version"  # written by a newer leadshift: not judged, not writable
UNREADABLE = "unreadable"  # the file cannot be read at all (permissions, I/O error)


@dataclass(frozen=True)
class Examined:
    """One file judged: its content when valid, else what is wrong and where."""

    content: Book | Month | None = None
    code: str = ""
    message: str = ""  # names the file, the line and the key, never the text
    line: int | None = None

    @property
    def valid(self) -> bool:
        return self.content is not None

    def holds(self) -> str:
        """What a valid file holds, in a few words: '2 teammates, 3 clients' or '14 records'."""
        if isinstance(self.content, Book):
            return f"{plural(len(self.content.teammates), 'teammate')}, {plural(len(self.content.clients), 'client')}"
        if isinstance(self.content, Month):
            return plural(len(self.content.records()), "record")
        return ""


def examine_book(data: bytes, label: str) -> Examined:
    """Judge the bytes of a ledger.toml (or of one of its backups), named `label` in messages."""
    return _examine(data, Book, label, None)


def examine_month(data: bytes, label: str, month: str, book: Book | None) -> Examined:
    """Judge the bytes of month `month`; against `book` when given (its clients and teammates)."""
    judged = _examine(data, Month, label, {"month": month, "book": book} if book is not None else {"month": month})
    if judged.code == SCHEMA and book is not None and _examine(data, Month, label, {"month": month}).valid:
        # Sound on its own: what breaks is a name ledger.toml no longer has.
        return Examined(None, REFERENCE, judged.message, judged.line)
    return judged


def _examine(data: bytes, model: type[Book] | type[Month], label: str, context: dict[str, Any] | None) -> Examined:
    table = toml_table(data)
    version = version_in(table)
    if version is not None and version > SCHEMA_VERSION:
        return Examined(
            None,
            NEWER_VERSION,
            f"{label} was written by a newer leadshift (schema version {version}; this one knows up to "
            f"{SCHEMA_VERSION}).",
        )
    try:
        return Examined(codec.decode(data, model, label, "", context))
    except LedgerFileError as error:
        return Examined(None, SYNTAX if table is None else SCHEMA, error.message.rstrip(), error.line)
