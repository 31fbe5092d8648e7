"""The journal: each change's files as they were before and after, so `undo` and `redo` take back exactly that change.

    journal/000042.toml    one change: when, which command, a one-line summary,
                           and each file it wrote, whole, before and after
    journal/000043-undone.toml    a change taken back by `undo` (renamed: one atomic step)
    journal/000043-undoing.toml   an undo under way (-redoing: a redo): one cut short is finished first

Every write records its entry under the lock, after the new content is
validated and before the first file is replaced (a write-ahead record): a
save cut short part-way can still be undone, and an entry whose files were
never written is recognised by its files being as they were before.

The entries form a stack. `undo` takes back the newest change not undone,
`redo` puts back the change undone last; a new change drops what could have
been redone. The newest JOURNAL_KEPT entries are kept.
"""

from __future__ import annotations

import base64
import contextlib
import os
import tomllib
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

import tomli_w
from pydantic import ValidationError

from leadshift.domain.changelog import Change
from leadshift.domain.schema import Strict
from leadshift.errors import LedgerFileError
from leadshift.storage import durable
from leadshift.storage.layout import JOURNAL_FILE, JOURNAL_KEPT, Layout, journal_name

FILES_TABLE = b"\n[[files]]"  # every entry's header keys come before it (tomli-w writes tables last)


class FileVersions(Strict):
    """One file a change wrote: its whole content before and after (absent: there was no file)."""

    path: str  # relative to the ledger folder: `ledger.toml`, `log/2026-12.toml`
    before_valid: bool = True  # a hand edit or restore may have replaced a broken file
    base64: bool = False  # bytes that are not UTF-8 text, kept exactly
    before: str | None = None
    after: str | None = None

    def content(self, side: str) -> bytes | None:
        text: str | None = getattr(self, side)
        if text is None:
            return None
        return base64.b64decode(text) if self.base64 else text.encode()


class Entry(Strict):
    at: datetime
    command: str
    summary: str
    files: list[FileVersions]


DONE, UNDONE, UNDOING, REDOING = "", "undone", "undoing", "redoing"  # an entry's state, in its file name


class Kept(NamedTuple):
    number: int
    state: str
    path: Path


class Version(NamedTuple):
    """A file about to be written: its path relative to the ledger folder, its bytes before and after."""

    rel: str
    before: bytes | None
    after: bytes | None
    before_valid: bool = True


def record(layout: Layout, command: str, summary: str, versions: list[Version], at: datetime) -> Path:
    """Write the entry for a change about to be saved; what can no longer be redone goes. The caller holds the lock."""
    kept = _kept(layout)
    path = layout.journal_dir / journal_name((kept[-1].number if kept else 0) + 1)
    files = [_versions(v) for v in versions]
    entry = Entry(at=at.replace(microsecond=0), command=command, summary=summary, files=files)
    durable.ensure_private_dir(layout.journal_dir)
    durable.write_atomic(path, _encode(entry))
    live = [k for k in kept if k.state == DONE]
    # Changes undone before this one can no longer be redone; beyond the newest kept, none are needed.
    for gone in [k for k in kept if k.state == UNDONE] + live[: max(0, len(live) + 1 - JOURNAL_KEPT)]:
        with contextlib.suppress(OSError):
            gone.path.unlink()
    return path


def drop(kept: Kept) -> None:
    """Remove an entry whose change never reached the files (a save killed after writing it)."""
    forget(kept.path)


def forget(path: Path) -> None:
    """Remove the entry of a save that failed before it changed anything."""
    with contextlib.suppress(OSError):
        path.unlink()


def changes(layout: Layout) -> list[Change]:
    """Every entry kept, newest first (headers only: the files' contents are not parsed)."""
    found = []
    for kept in reversed(_kept(layout)):
        at, command, summary = _header(layout, kept.path)
        found.append(Change(kept.number, at, command, summary, kept.state in (UNDONE, UNDOING)))
    return found


def newest_done(layout: Layout) -> Kept | None:
    """The entry `undo` takes back: the newest not undone."""
    return next((k for k in reversed(_kept(layout)) if k.state == DONE), None)


def next_to_redo(layout: Layout) -> Kept | None:
    """The entry `redo` puts back: the one undone last, if no change was made since."""
    redoable: list[Kept] = []
    for kept in reversed(_kept(layout)):  # newest first: the undone ones above every change still in place
        if kept.state != UNDONE:
            break
        redoable.append(kept)
    return redoable[-1] if redoable else None


def under_way(layout: Layout) -> list[Kept]:
    """Entries an undo or redo cut short left half done."""
    return [k for k in _kept(layout) if k.state in (UNDOING, REDOING)]


def mark(layout: Layout, kept: Kept, state: str) -> Kept:
    """Give an entry another state: a rename, so that it is one atomic step."""
    path = layout.journal_dir / journal_name(kept.number, state)
    os.replace(kept.path, path)
    durable.fsync_dir(layout.journal_dir)
    return Kept(kept.number, state, path)


def read(layout: Layout, path: Path) -> Entry:
    try:
        return Entry.model_validate(tomllib.loads(path.read_bytes().decode()))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, ValidationError) as error:
        raise _broken(layout, path, error) from None


def _kept(layout: Layout) -> list[Kept]:
    """The entries, oldest first."""
    if not layout.journal_dir.is_dir():
        return []
    found = [
        Kept(int(m.group(1)), m.group(2) or DONE, p)
        for p in layout.journal_dir.iterdir()
        if (m := JOURNAL_FILE.match(p.name))
    ]
    return sorted(found)


def _header(layout: Layout, path: Path) -> tuple[datetime, str, str]:
    """An entry's own keys, parsed without the files' contents (which may be large)."""
    try:
        header = tomllib.loads(path.read_bytes().split(FILES_TABLE, 1)[0].decode())
        at, command, summary = header["at"], header["command"], header["summary"]
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, KeyError) as error:
        raise _broken(layout, path, error) from None
    if not (isinstance(at, datetime) and isinstance(command, str) and isinstance(summary, str)):
        raise _broken(layout, path, ValueError("at, command or summary has the wrong type"))
    return at, command, summary


def _broken(layout: Layout, path: Path, error: Exception) -> LedgerFileError:
    return LedgerFileError(
        f"{layout.label(path)} cannot be read ({error}); undo and redo need it. Move it out of "
        f"{layout.label(layout.journal_dir)}/ to undo the changes before it, or leave the journal as it is."
    )


def _versions(version: Version) -> FileVersions:
    sides = (version.before, version.after)
    try:
        texts, binary = [None if side is None else side.decode() for side in sides], False
    except UnicodeDecodeError:  # a broken file replaced by hand or by a restore: kept exactly
        texts, binary = [None if side is None else base64.b64encode(side).decode() for side in sides], True
    return FileVersions(
        path=version.rel, before_valid=version.before_valid, base64=binary, before=texts[0], after=texts[1]
    )


def _encode(entry: Entry) -> bytes:
    """The entry as TOML, each file's content readable in a multi-line string.

    TOML reads a carriage return in a multi-line string back as a plain line break: content that has
    one is written escaped, on one line, so that every byte comes back.
    """
    multiline = not any("\r" in (f.before or "") or "\r" in (f.after or "") for f in entry.files)
    return tomli_w.dumps(entry.model_dump(exclude_defaults=True), multiline_strings=multiline).encode()
