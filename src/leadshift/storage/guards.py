"""The checks every write makes under the lock, before anything reaches the disk.

Each refuses with one line that says what is wrong and how to fix it, and
nothing is written: a folder or file linked elsewhere, a file from a newer
leadshift, a change that would leave records naming what is gone or drop
records nobody removed. `remove_stale_temp_files` is the one tidying step:
under the lock no save is under way, so a temp file left is one cut short.
"""

from __future__ import annotations

import shlex
import shutil
from collections.abc import Iterable
from pathlib import Path

from pydantic import ValidationError

from leadshift.domain.ledger import Ledger
from leadshift.domain.records import Month
from leadshift.domain.schema import SCHEMA_VERSION
from leadshift.errors import LedgerVersionError, LedgerWriteError
from leadshift.storage.layout import MONTHS_DIR, Layout, is_temp_name
from leadshift.storage.months import Months
from leadshift.storage.writable import read_only_mode


def refuse_linked_folders(layout: Layout) -> None:
    """Refuse to write while log/ or backups/ is a symbolic link.

    Writing through one would put the ledger's files, and their 0700 chmod, in a folder outside it.
    """
    for folder in (layout.log_dir, layout.backup_dir):
        if folder.is_symlink():
            raise LedgerWriteError(
                f"{folder.name}/ is a symbolic link, and leadshift will not write through it into another "
                f"folder; nothing was written. Replace the link with a real folder holding the same files "
                f"(`rm {shlex.quote(str(folder))} && cp -Rp {shlex.quote(str(folder.resolve()))} "
                f"{shlex.quote(str(folder))}`), then try again."
            )


def refuse_symlinks(layout: Layout, files: Iterable[Path]) -> None:
    """Refuse to replace a ledger file that is a symbolic link.

    An atomic replace swaps the link for a plain file: the linked copy (a
    dotfiles repo, a synced folder) would silently stop getting changes.
    """
    for path in files:
        if path.is_symlink():
            raise LedgerWriteError(
                f"{layout.label(path)} is a symbolic link; leadshift replaces files whole and would break it. "
                f"Point --ledger at the folder that holds the real files ({path.resolve().parent})."
            )


def refuse_newer(versions: Iterable[int]) -> None:
    """No write while any file was written by a newer leadshift: this one would drop what it does not know."""
    newest = max(versions)
    if newest > SCHEMA_VERSION:
        raise LedgerVersionError(
            f"this ledger was written by a newer leadshift (schema version {newest}; this one "
            f"writes version {SCHEMA_VERSION}). Upgrade with `pip install --upgrade leadshift`."
        )


def refuse_orphans(layout: Layout, ledger: Ledger) -> None:
    """Refuse a book that a month on disk would no longer fit (a record naming a client that is gone).

    The change rules already refuse this; the store checks again because a month
    file naming a removed client would make the whole ledger unreadable.
    """
    months = ledger.months
    # Months unchanged on disk are checked by the keys their cached facts name; only suspects are read.
    suspects = months.needing_check(ledger.book) if isinstance(months, Months) else list(months)
    for key in suspects:
        month = months[key]
        try:
            Month.model_validate(month.model_dump(), context={"month": key, "book": ledger.book})
        except ValidationError as error:
            problem = error.errors(include_input=False)[0]["msg"].removeprefix("Value error, ")
            label = layout.label(layout.month_path(key))
            raise LedgerWriteError(f"this change would break {label}: {problem}.") from None


def refuse_lost_records(layout: Layout, key: str, before: Month, after: Month, removed: set[str]) -> None:
    """Refuse a month that lost records nobody removed.

    Only `remove` and `undo` take records out, and they say which: anything else
    missing from a month is a bug that must not reach the disk.
    """
    lost = {r.id for r in before.records()} - {r.id for r in after.records()} - removed
    if lost:
        raise LedgerWriteError(
            f"this change would drop {len(lost)} record(s) from {layout.label(layout.month_path(key))} "
            f"({', '.join(sorted(lost)[:3])}); nothing was saved. This is a bug in leadshift: please report it."
        )


def remove_stale_temp_files(layout: Layout) -> None:
    """Remove what saves cut short left behind (only a writer killed mid-save leaves any)."""
    folders = [layout.home, layout.log_dir, layout.backup_dir, layout.journal_dir]
    if not layout.cache_dir.is_symlink():  # its months/ would be someone else's folder
        folders += [layout.cache_dir, layout.cache_dir / MONTHS_DIR]
    for folder in folders:
        # A folder made read-only is left as it is (writable.py): a leftover there harms nothing.
        if folder.is_dir() and not folder.is_symlink() and read_only_mode(folder) is None:
            for temp in folder.iterdir():
                if not is_temp_name(temp.name) or temp.is_symlink() or not (temp.is_file() or temp.is_dir()):
                    continue
                if temp.is_dir():  # a copy before migration, cut short
                    shutil.rmtree(temp, ignore_errors=True)
                else:
                    temp.unlink(missing_ok=True)
