"""`undo` and `redo`: put a journalled change's files back as they were before it, or after it, under the lock.

A file is written only if it still holds the version the change left (for
undo) or found (for redo); a file already as wanted is left alone (a save cut
short part-way). Anything else means the file was changed outside the
journal since, and nothing is written. What is written back is validated as
every write is: an undo never leaves a record naming a client or teammate
that is gone.

The entry is renamed `-undoing` (or `-redoing`) before the first file is
written and to its new state after the last: an undo or redo cut short is
finished by the next command that changes the ledger (`finish_under_way`).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple

from leadshift import errors
from leadshift.domain.book import Book
from leadshift.domain.changelog import Change, Reverted
from leadshift.domain.records import Month
from leadshift.errors import Conflict, LedgerFileError, LedgerWriteError, NotFound
from leadshift.storage import codec, durable, guards, interrupts, journal, lock, writable
from leadshift.storage.journal import DONE, REDOING, UNDOING, UNDONE, Entry, Kept
from leadshift.storage.layout import MONTH_FILE, Layout
from leadshift.storage.months import MonthReader

BEFORE, AFTER = "before", "after"


class Way(NamedTuple):
    """Undo or redo: the side of an entry its files go to, the entry's state on the way and at the end."""

    side: str
    on_the_way: str
    final: str
    done: str  # the word for it in messages

    @property
    def other(self) -> str:
        return AFTER if self.side == BEFORE else BEFORE


UNDO = Way(BEFORE, UNDOING, UNDONE, "undone")
REDO = Way(AFTER, REDOING, DONE, "redone")


def undo(layout: Layout) -> Reverted:
    """Take back the newest change not undone."""
    writable.refuse_read_only(layout)  # before the lock, which may create .lock
    with lock.exclusive(layout.lock_path):
        finish_under_way(layout)
        _refuse_broken(layout)
        while (kept := journal.newest_done(layout)) is not None:
            entry = journal.read(layout, kept.path)
            if wanted := _wanted(layout, entry, UNDO):
                break
            journal.drop(kept)  # its files are as they were before it: a save cut short before it replaced any
        else:
            raise NotFound(
                "nothing to undo: no change is left in the journal (`leadshift undo --list` shows what is). "
                "To delete one record, use `leadshift remove ID`."
            )
        _apply(layout, kept, entry, UNDO, wanted)
    return Reverted(_change(kept, entry, undone=True))


def redo(layout: Layout) -> Reverted:
    """Put back the change undone last, if nothing was changed since."""
    writable.refuse_read_only(layout)
    with lock.exclusive(layout.lock_path):
        finish_under_way(layout)
        _refuse_broken(layout)
        kept = journal.next_to_redo(layout)
        if kept is None:
            raise NotFound("nothing to redo: redo puts back what `leadshift undo` took back, until the next change.")
        entry = journal.read(layout, kept.path)
        _apply(layout, kept, entry, REDO, _wanted(layout, entry, REDO))
    return Reverted(_change(kept, entry, undone=False), redone=True)


def finish_under_way(layout: Layout) -> None:
    """Finish an undo or redo that was cut short (the caller holds the lock)."""
    guards.refuse_linked_folders(layout)
    for kept in journal.under_way(layout):
        entry = journal.read(layout, kept.path)
        way = UNDO if kept.state == UNDOING else REDO
        _apply(layout, kept, entry, way, _wanted(layout, entry, way))


def _refuse_broken(layout: Layout) -> None:
    """As every write: nothing while a file is broken (the error names the file and line, and how to fix it)."""
    try:
        data = layout.book_path.read_bytes()
    except OSError as error:
        raise LedgerFileError(f"cannot read {layout.label(layout.book_path)}: {errors.in_words(error)}.") from None
    reader = MonthReader(layout, codec.decode_file(layout, layout.book_path, data, Book))
    for key in layout.month_keys():
        reader.facts(key)


def _change(kept: Kept, entry: Entry, undone: bool) -> Change:
    return Change(kept.number, entry.at, entry.command, entry.summary, undone)


def _wanted(layout: Layout, entry: Entry, way: Way) -> dict[Path, bytes | None]:
    """The files to write to give `entry`'s files their content on `way.side`; refuses if one changed since."""
    wanted: dict[Path, bytes | None] = {}
    for file in entry.files:
        path = layout.home / file.path
        current = _current(layout, path)
        target, left = file.content(way.side), file.content(way.other)
        if current == target:
            continue
        if current != left:
            raise Conflict(
                f"{file.path} has changed since `{entry.command}` ({entry.at:%Y-%m-%d %H:%M}), outside what "
                f"undo and redo track; nothing was {way.done}. `leadshift restore` lists the versions it can put back."
            )
        wanted[path] = target
    return wanted


def _apply(layout: Layout, kept: Kept, entry: Entry, way: Way, wanted: dict[Path, bytes | None]) -> None:
    """Write `wanted` and give the entry its new state, or refuse and write nothing."""
    writable.refuse_read_only(layout, wanted, folders=[layout.journal_dir])
    guards.refuse_symlinks(layout, wanted)
    if way is REDO or all(f.before_valid for f in entry.files):  # a broken file put back is not checked
        _check(layout, entry, wanted, way.done)
    with interrupts.saving():
        try:
            if kept.state != way.on_the_way:
                kept = journal.mark(layout, kept, way.on_the_way)
            for path, data in wanted.items():
                _write(layout, path, data)
            journal.mark(layout, kept, way.final)
        except OSError as error:
            raise LedgerWriteError(
                f"could not finish: {errors.in_words(error)}; the next command that changes the ledger "
                "finishes it (or run this one again)."
            ) from None
        durable.make_private(layout, [p for p, data in wanted.items() if data is not None])


def _current(layout: Layout, path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise LedgerFileError(f"cannot read {layout.label(path)}: {errors.in_words(error)}.") from None


def _check(layout: Layout, entry: Entry, wanted: dict[Path, bytes | None], done: str) -> None:
    """Refuse content that would not validate with the rest of the ledger as it would then be."""
    try:
        book_data = wanted.get(layout.book_path, None) or layout.book_path.read_bytes()
        book = codec.decode_file(layout, layout.book_path, book_data, Book)
        reader = MonthReader(layout, book)
        for key in layout.month_keys():
            if layout.month_path(key) not in wanted:
                reader.facts(key)  # a month left as it is must fit the book put back
        for path, data in wanted.items():
            if data is not None and (match := MONTH_FILE.match(path.name)) and path.parent == layout.log_dir:
                codec.decode_file(layout, path, data, Month, {"month": match.group(1), "book": book})
    except LedgerFileError as error:
        raise Conflict(
            f"the ledger would not be valid with `{entry.command}` {done}: {error.message.rstrip('.')}; "
            "nothing was changed. Fix that first (`leadshift doctor` helps), then try again."
        ) from None
    guards.refuse_newer([book.schema_version])


def _write(layout: Layout, path: Path, data: bytes | None) -> None:
    if data is None:  # the change created this file: it goes (its content stays in the journal, for redo)
        os.unlink(path)
        durable.fsync_dir(path.parent)
    else:
        durable.ensure_private_dir(path.parent)
        durable.write_atomic(path, data, layout.backup_dir)
