"""Replacing one ledger file with a version edited by hand (`leadshift edit`), under the same lock and checks.

Unlike `Store.change()`, a broken *other* file does not block: editing is how
people fix broken files, and they may have to fix two, in either order.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from leadshift.domain.book import Book, Profile
from leadshift.domain.ledger import Ledger
from leadshift.domain.records import Month
from leadshift.domain.schema import SCHEMA_VERSION
from leadshift.errors import InvalidEdit, LedgerChanged, LedgerFileError, LedgerWriteError, in_words
from leadshift.storage import codec, durable, guards, journal, lock, writable
from leadshift.storage.codec import declared_version
from leadshift.storage.layout import LEDGER_FILE, Layout, backup_name
from leadshift.storage.reader import LedgerReader

_EMPTY_BOOK = Book(profile=Profile(name="-"))  # a month's changes are described without the book


@dataclass(frozen=True)
class HandSaved:
    """What a hand edit did: where the old version is kept, and which other files are broken."""

    kept: Path
    kept_broken: bool  # the old version did not validate, so it is kept outside the rotation of backups
    unchecked: list[str]  # other files that could not be checked against this one, because they are broken


def replace_by_hand(store: LedgerReader, path: Path, expected: bytes, new: bytes) -> HandSaved:
    """Replace ledger.toml or a month file with `new`, a hand-edited version of `expected`.

    Under the lock: refuse if the file no longer holds `expected` (another command wrote
    meanwhile), validate `new` as every file is validated, and write it through the atomic path
    as typed (comments kept).
    """
    writable.refuse_read_only(store, [path], folders=[store.journal_dir])  # before the lock, which may create .lock
    with lock.exclusive(store.lock_path):
        try:
            current: bytes | None = path.read_bytes()
        except FileNotFoundError:
            current = None
        if current != expected:
            raise LedgerChanged(
                f"{store.label(path)} changed on disk while you were editing it "
                "(another leadshift command or program wrote to it); nothing was saved."
            )
        guards.refuse_linked_folders(store)
        guards.refuse_symlinks(store, [path])
        # As change() does; the file being edited is judged by its new content (_hand_copy).
        guards.refuse_newer([SCHEMA_VERSION, *_declared_versions(store, exclude=path)])
        guards.remove_stale_temp_files(store)
        if path == store.book_path:
            was_valid, unchecked = _check_book(store, expected, new)
        else:
            was_valid, unchecked = _check_month(store, path, expected, new)
        entry = _journal(store, path, expected, new, was_valid)
        try:
            kept = _write(store, path, new, was_valid)
        except LedgerWriteError:
            journal.forget(entry)
            raise
        durable.make_private(store, [path])
    return HandSaved(kept, not was_valid, unchecked)


def _journal(layout: Layout, path: Path, old: bytes, new: bytes, was_valid: bool) -> Path:
    """Record the edit in the journal, so that `leadshift undo` can take it back."""
    label = layout.label(path)
    summary = f"edited {label} by hand"
    if was_valid and (changed := _what_changed(layout, path, old, new)):
        summary += f": {changed}"
    try:
        return journal.record(layout, "edit", summary, [journal.Version(label, old, new, was_valid)], datetime.now())
    except OSError as error:
        raise LedgerWriteError(
            f"could not record the edit in the journal: {in_words(error)}; nothing was saved."
        ) from None


def _what_changed(layout: Layout, path: Path, old: bytes, new: bytes) -> str:
    """The edit as `undo --list` describes a change (empty if it cannot be worked out)."""
    from leadshift.domain.changelog import summarize

    try:
        if path == layout.book_path:
            return summarize(codec.decode(old, Book, "", ""), codec.decode(new, Book, "", ""), {}, {})
        months = [codec.decode(data, Month, "", "") for data in (old, new)]
        return summarize(_EMPTY_BOOK, _EMPTY_BOOK, {path.stem: months[0]}, {path.stem: months[1]})
    except LedgerFileError:
        return ""


def _check_book(store: LedgerReader, old: bytes, new: bytes) -> tuple[bool, list[str]]:
    """The new book must keep every month that reads on its own valid; a broken month is not checked."""
    book = _hand_copy(store, new, Book, store.book_path)
    months: dict[str, Month] = {}
    unchecked: list[str] = []
    for key in store.month_keys():
        path = store.month_path(key)
        try:
            months[key] = codec.decode_file(store, path, store.read_bytes(path), Month, {"month": key})
        except LedgerFileError:
            unchecked.append(store.label(path))
    for key, month in months.items():
        try:
            guards.refuse_orphans(store, Ledger(book, {key: month}))
        except LedgerWriteError as error:
            raise InvalidEdit(
                f"{error.message} Keep that client or teammate in ledger.toml, or first change those records "
                f"with `leadshift edit {key}`."
            ) from None
    return _valid(old, Book), unchecked


def _check_month(store: LedgerReader, path: Path, old: bytes, new: bytes) -> tuple[bool, list[str]]:
    """The month is checked against the book; if the book is broken, against everything but its names."""
    try:
        book: Book | None = store.read_book()
    except LedgerFileError:
        book = None
    context = {"month": path.stem, "book": book}
    _hand_copy(store, new, Month, path, context)
    return _valid(old, Month, context), [] if book is not None else [LEDGER_FILE]


def _declared_versions(layout: Layout, exclude: Path) -> list[int]:
    """The schema version each ledger file but `exclude` says it has, even a file broken otherwise."""
    versions = []
    for path in [layout.book_path, *map(layout.month_path, layout.month_keys())]:
        if path != exclude and path.is_file():  # never open a FIFO: it would hang
            try:
                version = declared_version(path.read_bytes())
            except OSError:
                continue  # unreadable: reported as broken where it matters
            if version is not None:
                versions.append(version)
    return versions


def _hand_copy(layout: Layout, data: bytes, schema: type, path: Path, context: dict[str, Any] | None = None) -> Any:
    label = f"your copy of {layout.label(path)}"
    try:
        model = codec.decode(data, schema, label, "", context)
    except LedgerFileError as error:
        raise InvalidEdit(error.message.rstrip()) from None
    if model.schema_version > SCHEMA_VERSION:
        raise InvalidEdit(
            f"{label} has schema_version = {model.schema_version}, newer than this leadshift writes "
            f"({SCHEMA_VERSION}); put back the version it had, or upgrade (`pip install --upgrade leadshift`)."
        )
    # The next command that saves this file writes it from the model: that must work too.
    if codec.decode(codec.encode(model), schema, label, "This is a bug in leadshift.", context) != model:
        raise LedgerWriteError(f"{label} would not read back as written; nothing was saved.")
    return model


def _write(layout: Layout, path: Path, data: bytes, was_valid: bool) -> Path:
    """Write `data` and return where the old version is kept (a broken one outside the rotation)."""
    aside: Path | None = None
    try:
        durable.ensure_private_dir(path.parent)
        if was_valid:
            durable.write_atomic(path, data, layout.backup_dir)
            return durable.backups_of(layout.backup_dir, backup_name(path, layout.home))[-1]
        aside = durable.set_aside_broken(path, layout.backup_dir)
        durable.write_atomic(path, data)
        return aside
    except OSError as error:
        if aside is not None:
            aside.unlink(missing_ok=True)  # the file it copies is still in place
        raise LedgerWriteError(
            f"could not save {layout.label(path)}: {error.strerror or error}; the file on disk is unchanged."
        ) from None


def _valid(data: bytes, schema: type, context: dict[str, Any] | None = None) -> bool:
    try:
        codec.decode(data, schema, "", "", context)
    except LedgerFileError:
        return False
    return True
