"""What `doctor` finds wrong in a ledger folder, each problem with its fix. It reads, and never writes.

It must work when files are broken, since that is when people run it: every file is judged on its own (a
month against ledger.toml only when that is sound), and nothing is ever opened that is not a regular file (a
FIFO would hang, a symbolic link is reported rather than followed, except where the store itself reads
through one). Everything it knows of the folder comes from storage/survey.py.
"""

from __future__ import annotations

import re
import shlex
import stat
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from leadshift.domain.book import Book
from leadshift.recovery.backups import CurrentLedger, check_restore, current_ledger, list_backups, parse_backup_name
from leadshift.recovery.conflicts import merge_conflict
from leadshift.recovery.examine import NEWER_VERSION, REFERENCE, UNREADABLE, Examined, examine_book, examine_month
from leadshift.storage import survey
from leadshift.storage.layout import (
    BACKUP_DIR,
    CACHE_DIR,
    COPY_BEFORE_MIGRATION,
    EXPORT_KEY_FILE,
    JOURNAL_DIR,
    JOURNAL_FILE,
    LEDGER_FILE,
    LOCK_FILE,
    LOG_DIR,
    MONTHS_DIR,
    VERSION_CONTROL,
    edit_name,
    is_temp_name,
)
from leadshift.storage.reader import LedgerReader
from leadshift.storage.survey import FOLDER, Entry

# The kinds of problem besides a file's content (examine.py), codes of `doctor --json`.
MISSING = "missing"
NOT_A_FILE = "not-a-file"
SYMLINK = "symlink"
PERMISSIONS = "permissions"
TEMP_FILE = "temp-file"
ODD_LOCK = "odd-lock"
UNKNOWN_FILE = "unknown-file"
BAD_BACKUP = "bad-backup"
READ_ONLY = "read-only"  # a note, not a problem

MOVE_AWAY = "move it out of the ledger folder"


@dataclass(frozen=True)
class Problem:
    """One thing wrong, where, and how to fix it."""

    code: str
    file: str  # relative to the ledger folder, `log/2026-11.toml`; "." for the folder itself
    message: str  # what is wrong, naming the file and line; never the file's text (notes are private)
    fix: str
    line: int | None = None
    fixable: bool = False  # `doctor --fix` does it safely: permissions, temp files of an interrupted save


@dataclass(frozen=True)
class Note:
    """Something worth knowing that is not wrong: nothing to fix, and the ledger is still healthy."""

    code: str
    file: str
    message: str


@dataclass(frozen=True)
class Checkup:
    """`leadshift doctor`: every problem of one ledger folder, and what --fix did first."""

    home: Path
    problems: list[Problem]
    months: int  # month files found
    records: int  # records in the sound ones
    backups: int
    fixed: tuple[Fixed, ...] = ()
    notes: tuple[Note, ...] = ()

    @property
    def healthy(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class Fixed:
    """A problem `doctor --fix` fixed, and what it did, in a few words."""

    problem: Problem
    done: str


def inspect_ledger(ledger: LedgerReader) -> Checkup:
    """Every problem of the ledger folder, in a stable order: the folder, ledger.toml, the months, the backups."""
    folder = survey.entry(ledger, FOLDER)
    if (
        folder is None
        or folder.kind != "folder"
        or not any(survey.exists(ledger, rel) for rel in (LEDGER_FILE, LOG_DIR, BACKUP_DIR))
    ):
        ledger.read_book()  # raises the "no ledger here, create one with init" message
    return _Inspection(ledger).run()


class _Inspection:
    def __init__(self, ledger: LedgerReader) -> None:
        self.ledger = ledger
        self.problems: list[Problem] = []
        self.notes: list[Note] = []
        self.backups = list_backups(ledger)
        self.saving = survey.save_under_way(ledger)  # then a temp file is that save's, not a leftover

    def run(self) -> Checkup:
        self.folder(FOLDER)
        book = self.book()
        self.lock()
        expected = {LEDGER_FILE, LOG_DIR, BACKUP_DIR, JOURNAL_DIR, LOCK_FILE, CACHE_DIR, *VERSION_CONTROL}
        self.strays(FOLDER, expected | {EXPORT_KEY_FILE})
        if (key := survey.entry(self.ledger, EXPORT_KEY_FILE)) is not None and key.kind == "file":
            self.permissions(key, EXPORT_KEY_FILE)  # with it, an export's pseudonyms can be matched to keys
        if self.folder(CACHE_DIR):  # what months held when validated: notes, so private
            self.folder(f"{CACHE_DIR}/{MONTHS_DIR}")
        months, records = 0, 0
        if self.folder(LOG_DIR):
            keys = self.ledger.month_keys()
            for key in keys:
                months += 1
                records += self.month(key, book)
            self.strays(LOG_DIR, {f"{key}.toml" for key in keys})
        if self.folder(BACKUP_DIR):
            self.backup_files()
        if self.folder(JOURNAL_DIR):  # whole files before and after each change: notes, so private
            self.journal_files()
        backups = sum(not b.name.broken for b in self.backups)
        return Checkup(self.ledger.home, self.problems, months, records, backups, notes=tuple(self.notes))

    # -- folders and the files leadshift keeps ----------------------------------

    def folder(self, rel: str) -> bool:
        """Check a folder of the ledger; True when there is one to look into."""
        found = survey.entry(self.ledger, rel)  # the ledger folder itself may be a link
        if found is None:
            return False
        if found.kind == "link":
            return self.linked_folder(found)
        where = "the ledger folder" if rel == FOLDER else f"{rel}/"
        if found.kind != "folder":
            self.add(NOT_A_FILE, rel, f"{where} is not a folder", f"move it away; leadshift keeps {rel}/ as a folder")
            return False
        self.permissions(found, where)
        if rel in (FOLDER, LOG_DIR, BACKUP_DIR):
            self.read_only(found, where)
        return True

    def linked_folder(self, link: Entry) -> bool:
        """Report a folder of the ledger that is a symbolic link (never chmodded); True if the store reads it."""
        rel = link.rel
        if rel in (LOG_DIR, BACKUP_DIR):
            self.add(
                SYMLINK,
                rel,
                f"{rel}/ is a symbolic link (to {link.target}); leadshift reads through it but refuses every write "
                "while it is one",
                f"replace the link with a real folder holding the same files "
                f"(`rm {_quote(link.path)} && cp -Rp {_quote(link.target or link.path)} {_quote(link.path)}`)",
            )
            return link.points_to == "folder"
        self.add(
            SYMLINK,
            rel,
            f"{rel}/ is a symbolic link, so leadshift does not use its cache (it never reads or writes through one)",
            f"remove it with `rm {_quote(link.path)}`; leadshift makes a private cache again",
        )
        return False

    def book(self) -> Book | None:
        data = self.ledger_file(LEDGER_FILE)
        if data is None:
            return None
        examined = examine_book(data, LEDGER_FILE)
        self.content(examined, LEDGER_FILE)
        return examined.content if isinstance(examined.content, Book) else None

    def month(self, key: str, book: Book | None) -> int:
        """Check one month file (against ledger.toml when that is sound); the number of records it holds."""
        rel = f"{LOG_DIR}/{key}.toml"
        data = self.ledger_file(rel)
        if data is None:
            return 0
        examined = examine_month(data, rel, key, book)
        self.content(examined, rel)
        return len(examined.content.records()) if examined.valid else 0  # type: ignore[union-attr]

    def ledger_file(self, rel: str) -> bytes | None:
        """The bytes of ledger.toml or a month, as the store reads them; None when they cannot be had."""
        found = survey.entry(self.ledger, rel)
        if found is None:
            self.add(MISSING, rel, f"{rel} is missing", self.restore_or(rel, "recreate it by hand"))
            return None
        if found.kind == "link":
            self.add(
                SYMLINK,
                rel,
                f"{rel} is a symbolic link; leadshift reads through it but refuses to write",
                f"replace the link with the file it points to, or use --ledger with the folder that holds the "
                f"real files ({found.target.parent if found.target else found.path.parent})",
            )
            if found.unreachable is not None:  # a link to nothing
                self.add(UNREADABLE, rel, f"{rel} cannot be read: {found.unreachable}", _check_owner(found))
                return None
        if (found.points_to if found.kind == "link" else found.kind) != "file":
            self.add(NOT_A_FILE, rel, f"{rel} is not a regular file", self.restore_or(rel, "move it away", then=True))
            return None
        if found.kind != "link":
            self.permissions(found, rel)
            self.read_only(found, rel)
        try:
            return survey.read(self.ledger, rel)
        except OSError as error:
            self.add(UNREADABLE, rel, f"{rel} cannot be read: {error.strerror or error}", _check_owner(found))
            return None

    def content(self, examined: Examined, rel: str) -> None:
        if examined.valid:
            return
        if examined.code == NEWER_VERSION:
            fix = "upgrade leadshift (`pip install --upgrade leadshift`) to read and write it"
        elif examined.code == REFERENCE:
            fix = f"add the missing name back with `leadshift edit ledger`, or {_edit(rel, examined.line)}"
            if backup := self.restorable(LEDGER_FILE):
                fix += f", or `leadshift restore {backup}` (the newest ledger.toml that has every name the months use)"
        else:
            fix = self.restore_or(rel, _edit(rel, examined.line))
        self.add(examined.code, rel, examined.message.removesuffix("."), fix, line=examined.line)

    def lock(self) -> None:
        found = survey.entry(self.ledger, LOCK_FILE)
        if found is None:
            return  # made by the next write
        if found.kind == "file":
            self.permissions(found, LOCK_FILE)
            self.read_only(found, LOCK_FILE)
            return
        kind = "a symbolic link" if found.kind == "link" else "not a regular file"
        remove = "rmdir" if found.kind == "folder" else "rm"
        self.add(
            ODD_LOCK,
            LOCK_FILE,
            f"{LOCK_FILE} is {kind}, so every write will fail (leadshift never locks through one)",
            f"remove it with `{remove} {_quote(found.path)}`; the next write makes a new one",
        )

    # -- what should not be there ------------------------------------------------

    def strays(self, folder: str, expected: set[str]) -> None:
        """Temp files of interrupted saves, and files leadshift does not use."""
        for found in survey.children(self.ledger, folder):
            if found.name in expected or self.temp_file(found):
                continue
            code, message, fix = UNKNOWN_FILE, f"{found.rel} is not a file leadshift uses", MOVE_AWAY
            if folder == LOG_DIR and found.path.suffix == ".toml":
                message = f"{found.rel} is not named after a month (YYYY-MM.toml), so leadshift ignores its records"
                fix = "rename it after the month it holds, or move it out of the ledger folder"
            code, message, fix = merge_conflict(found) or (code, message, fix)  # what a git merge set aside
            self.add(code, found.rel, message, fix)

    def temp_file(self, found: Entry) -> bool:
        if not is_temp_name(found.name):
            return False
        if self.saving:
            return True
        # As the store does: a file is a save cut short, a folder a copy before a migration cut short.
        ours = found.kind in ("file", "folder")
        if ours:
            fix = "`leadshift doctor --fix` removes it, as does the next command that saves"
        else:
            fix = f"remove it with `rm {_quote(found.path)}` (leadshift removes only files and folders it made)"
        message = f"{found.rel} is left from a save that was cut short (the files it was to replace are intact)"
        self.add(TEMP_FILE, found.rel, message, fix, fixable=ours)
        return True

    def backup_files(self) -> None:
        judged = {b.name.name: b for b in self.backups}
        for found in survey.children(self.ledger, BACKUP_DIR):
            backup = judged.get(found.name)
            if backup is None:
                if self.temp_file(found):
                    continue
                if re.match(COPY_BEFORE_MIGRATION, found.name) and found.kind == "folder":
                    self.copy_before_migration(found)
                    continue
                if found.kind == "link" and parse_backup_name(found.name):
                    self.add(
                        SYMLINK,
                        found.rel,
                        f"{found.rel} is a symbolic link, not a backup (restore never reads through one)",
                        f"remove it with `rm {_quote(found.path)}`",
                    )
                    continue
                self.add(UNKNOWN_FILE, found.rel, f"{found.rel} is not a backup leadshift made", MOVE_AWAY)
                continue
            self.permissions(found, found.rel)
            if not backup.examined.valid and not backup.name.broken:  # set-aside broken files are broken by design
                self.add(
                    BAD_BACKUP,
                    found.rel,
                    f"{backup.examined.message.removesuffix('.')}; this backup cannot be restored",
                    "do not restore it; delete it if you need nothing in it (newer saves rotate it out)",
                    line=backup.examined.line,
                )

    def journal_files(self) -> None:
        for found in survey.children(self.ledger, JOURNAL_DIR):
            if JOURNAL_FILE.match(found.name) and found.kind == "file":
                self.permissions(found, found.rel)
            elif not self.temp_file(found):
                self.add(UNKNOWN_FILE, found.rel, f"{found.rel} is not a change leadshift recorded", MOVE_AWAY)

    def copy_before_migration(self, folder: Entry) -> None:
        """backups/before-schema-N/: the files as they were before an upgrade; private like the rest."""
        self.permissions(folder, f"{folder.rel}/")
        for found in survey.descendants(self.ledger, folder.rel):
            if found.kind in ("folder", "file"):
                self.permissions(found, found.rel)

    # -- helpers -----------------------------------------------------------------

    def permissions(self, found: Entry, where: str) -> None:
        """Bits for other users are a problem: --fix takes them away, and only them (0644 -> 0600, 0444 -> 0400)."""
        if not found.mode & 0o077:
            return
        wanted = found.mode & ~0o077
        self.add(
            PERMISSIONS,
            found.rel,
            f"{where} has permissions {found.mode:04o}, not {wanted:04o}: other users can read it",
            f"run `leadshift doctor --fix`, or `chmod {wanted:o} {_quote(found.path)}`",
            fixable=True,
        )

    def read_only(self, found: Entry, where: str) -> None:
        """A folder or file leadshift writes that its owner made read-only: their choice, noted and never "fixed"."""
        if not found.mode & stat.S_IWUSR:
            self.notes.append(
                Note(
                    READ_ONLY,
                    found.rel,
                    f"{where} is read-only ({found.mode:04o}): leadshift reads it but refuses every write to it. "
                    f"To allow writing: `chmod u+w {_quote(found.path)}`.",
                )
            )

    def restore_or(self, rel: str, by_hand: str, *, then: bool = False) -> str:
        """The fix by hand, or (`then`: followed by) `leadshift restore` of the newest backup of `rel` that fits."""
        backup = self.restorable(rel)
        if backup is None:
            return f"{by_hand} (no backup of {rel} fits the ledger as it is)"
        return f"{by_hand}, {'then' if then else 'or'} `leadshift restore {backup}` (its newest backup that fits)"

    def restorable(self, rel: str) -> str | None:
        """The newest backup of `rel` that `restore` would put back as the ledger stands."""
        for backup in self.backups:  # newest first
            if backup.name.file == rel and backup.examined.valid and not backup.name.broken:
                try:
                    data = survey.read(self.ledger, f"{BACKUP_DIR}/{backup.name.name}", through_links=False)
                except OSError:
                    continue
                if check_restore(backup.name, data, self.current).ok:
                    return backup.name.name
        return None

    @cached_property
    def current(self) -> CurrentLedger:
        return current_ledger(self.ledger)

    def add(
        self, code: str, rel: str, message: str, fix: str, *, line: int | None = None, fixable: bool = False
    ) -> None:
        self.problems.append(Problem(code, rel, f"{message}.", f"{fix}.", line, fixable))


def _check_owner(found: Entry) -> str:
    return f"check its owner and permissions (`ls -l {_quote(found.path)}`)"


def _edit(rel: str, line: int | None) -> str:
    """The safe way to correct a file by hand: `leadshift edit` checks the copy before saving it."""
    return f"correct {f'line {line}' if line else 'it'} with `leadshift edit {edit_name(rel)}`"


def _quote(path: Path) -> str:
    return shlex.quote(str(path))
