"""What `doctor` finds wrong in a ledger folder, each problem with its fix. Reads files, never writes one.

It must work when files are broken, since that is when people run it: every
file is judged on its own (a month against ledger.toml only when that is
sound), and nothing is ever opened that is not a regular file (a FIFO would hang,
a symbolic link is reported rather than followed, except where the store itself
reads through one).
"""

from __future__ import annotations

import os
import re
import shlex
import stat
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from leadshift import durable
from leadshift.backups import CurrentLedger, current_ledger, fit, list_backups, parse_name
from leadshift.cache import CACHE_DIR, MONTHS_DIR
from leadshift.examine import NEWER_VERSION, REFERENCE, UNREADABLE, Examined, examine_book, examine_month
from leadshift.model import Book
from leadshift.store import BACKUP_DIR, LEDGER_FILE, LOCK_FILE, LOG_DIR, VERSION_CONTROL, Store

# The kinds of problem besides a file's content (examine.py), codes of `doctor --json`.
MISSING = "missing"
NOT_A_FILE = "not-a-file"
SYMLINK = "symlink"
PERMISSIONS = "permissions"
TEMP_FILE = "temp-file"
ODD_LOCK = "odd-lock"
UNKNOWN_FILE = "unknown-file"
BAD_BACKUP = "bad-backup"

FOLDER = "."  # the `file` of a problem with the ledger folder itself
_COPY_BEFORE_MIGRATION = re.compile(r"^before-schema-\d+$")  # made by the store before upgrading a ledger


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
class Checkup:
    problems: list[Problem]
    months: int  # month files found
    records: int  # records in the sound ones
    backups: int

    @property
    def healthy(self) -> bool:
        return not self.problems


def inspect_ledger(store: Store) -> Checkup:
    """Every problem of the ledger folder, in a stable order: the folder, ledger.toml, the months, the backups."""
    if not store.home.is_dir() or not any(
        os.path.lexists(p) for p in (store.book_path, store.log_dir, store.backup_dir)
    ):
        store.read_book()  # raises the "no ledger here, create one with init" message
    return _Inspection(store).run()


class _Inspection:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.problems: list[Problem] = []
        self.backups = list_backups(store)
        self.saving = _save_under_way(store.lock_path)  # then a temp file is that save's, not a leftover

    def run(self) -> Checkup:
        store = self.store
        self.folder(store.home, FOLDER)
        book = self.book()
        self.lock()
        self.strays(store.home, {LEDGER_FILE, LOG_DIR, BACKUP_DIR, LOCK_FILE, CACHE_DIR, *VERSION_CONTROL})
        if self.folder(store.home / CACHE_DIR, CACHE_DIR):  # what months held when validated: notes, so private
            self.folder(store.home / CACHE_DIR / MONTHS_DIR, f"{CACHE_DIR}/{MONTHS_DIR}")
        months, records = 0, 0
        if self.folder(store.log_dir, LOG_DIR):
            keys = store.month_keys()
            for key in keys:
                months += 1
                records += self.month(key, book)
            self.strays(store.log_dir, {f"{key}.toml" for key in keys})
        if self.folder(store.backup_dir, BACKUP_DIR):
            self.backup_files()
        return Checkup(self.problems, months, records, sum(not b.name.broken for b in self.backups))

    # -- folders and the files leadshift keeps ----------------------------------

    def folder(self, path: Path, rel: str) -> bool:
        """Check a folder of the ledger; True when there is one to look into."""
        try:
            mode = (path.stat() if rel == FOLDER else path.lstat()).st_mode  # the ledger folder may be a link
        except FileNotFoundError:
            return False
        if stat.S_ISLNK(mode):
            return self.linked_folder(path, rel)
        where = "the ledger folder" if rel == FOLDER else f"{rel}/"
        if not stat.S_ISDIR(mode):
            self.add(NOT_A_FILE, rel, f"{where} is not a folder", f"move it away; leadshift keeps {rel}/ as a folder")
            return False
        self.permissions(path, rel, where, mode, durable.PRIVATE_DIR)
        return True

    def linked_folder(self, path: Path, rel: str) -> bool:
        """Report a folder of the ledger that is a symbolic link (never chmodded); True if the store reads it."""
        if rel in (LOG_DIR, BACKUP_DIR):
            target = path.resolve()
            self.add(
                SYMLINK,
                rel,
                f"{rel}/ is a symbolic link (to {target}); leadshift reads through it but refuses every write "
                "while it is one",
                f"replace the link with a real folder holding the same files "
                f"(`rm {_quote(path)} && cp -Rp {_quote(target)} {_quote(path)}`)",
            )
            return path.is_dir()
        self.add(
            SYMLINK,
            rel,
            f"{rel}/ is a symbolic link, so leadshift does not use its cache (it never reads or writes through one)",
            f"remove it with `rm {_quote(path)}`; leadshift makes a private cache again",
        )
        return False

    def book(self) -> Book | None:
        data = self.ledger_file(self.store.book_path, LEDGER_FILE)
        if data is None:
            return None
        examined = examine_book(data, LEDGER_FILE)
        self.content(examined, LEDGER_FILE)
        return examined.content if isinstance(examined.content, Book) else None

    def month(self, key: str, book: Book | None) -> int:
        """Check one month file (against ledger.toml when that is sound); the number of records it holds."""
        path, rel = self.store.month_path(key), f"{LOG_DIR}/{key}.toml"
        data = self.ledger_file(path, rel)
        if data is None:
            return 0
        examined = examine_month(data, rel, key, book)
        self.content(examined, rel)
        return len(examined.content.records()) if examined.valid else 0  # type: ignore[union-attr]

    def ledger_file(self, path: Path, rel: str) -> bytes | None:
        """The bytes of ledger.toml or a month, as the store reads them; None when they cannot be had."""
        try:
            link = path.lstat()
        except FileNotFoundError:
            self.add(MISSING, rel, f"{rel} is missing", self.restore_or(rel, "recreate it by hand"))
            return None
        if stat.S_ISLNK(link.st_mode):
            self.add(
                SYMLINK,
                rel,
                f"{rel} is a symbolic link; leadshift reads through it but refuses to write",
                f"replace the link with the file it points to, or use --ledger with the folder that holds the "
                f"real files ({path.resolve().parent})",
            )
        try:
            mode = path.stat().st_mode
        except OSError as error:  # a link to nothing
            self.unreadable(path, rel, error)
            return None
        if not stat.S_ISREG(mode):
            self.add(NOT_A_FILE, rel, f"{rel} is not a regular file", self.restore_or(rel, "move it away", then=True))
            return None
        if not stat.S_ISLNK(link.st_mode):
            self.permissions(path, rel, rel, mode, durable.PRIVATE_FILE)
        try:
            return path.read_bytes()
        except OSError as error:
            self.unreadable(path, rel, error)
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
        path = self.store.lock_path
        try:
            mode = path.lstat().st_mode
        except FileNotFoundError:
            return  # made by the next write
        if stat.S_ISREG(mode):
            self.permissions(path, LOCK_FILE, LOCK_FILE, mode, durable.PRIVATE_FILE)
            return
        kind = "a symbolic link" if stat.S_ISLNK(mode) else "not a regular file"
        remove = "rmdir" if stat.S_ISDIR(mode) else "rm"
        self.add(
            ODD_LOCK,
            LOCK_FILE,
            f"{LOCK_FILE} is {kind}, so every write will fail (leadshift never locks through one)",
            f"remove it with `{remove} {_quote(path)}`; the next write makes a new one",
        )

    # -- what should not be there ------------------------------------------------

    def strays(self, folder: Path, expected: set[str]) -> None:
        """Temp files of interrupted saves, and files leadshift does not use."""
        for path in sorted(folder.iterdir()):
            if path.name in expected:
                continue
            rel = str(path.relative_to(self.store.home))
            if self.temp_file(path, rel):
                continue
            if folder == self.store.log_dir and path.suffix == ".toml":
                message = f"{rel} is not named after a month (YYYY-MM.toml), so leadshift ignores its records"
                fix = "rename it after the month it holds, or move it out of the ledger folder"
            else:
                message, fix = f"{rel} is not a file leadshift uses", "move it out of the ledger folder"
            self.add(UNKNOWN_FILE, rel, message, fix)

    def temp_file(self, path: Path, rel: str) -> bool:
        if not (path.name.startswith(".") and path.name.endswith(durable.TEMP_SUFFIX)):
            return False
        if self.saving:
            return True
        # As the store does: a file is a save cut short, a folder a copy before a migration cut short.
        ours = (path.is_file() or path.is_dir()) and not path.is_symlink()
        if ours:
            fix = "`leadshift doctor --fix` removes it, as does the next command that saves"
        else:
            fix = f"remove it with `rm {_quote(path)}` (leadshift removes only files and folders it made)"
        message = f"{rel} is left from a save that was cut short (the files it was to replace are intact)"
        self.add(TEMP_FILE, rel, message, fix, fixable=ours)
        return True

    def backup_files(self) -> None:
        judged = {b.name.name: b for b in self.backups}
        for path in sorted(self.store.backup_dir.iterdir()):
            rel = f"{BACKUP_DIR}/{path.name}"
            backup = judged.get(path.name)
            if backup is None:
                if self.temp_file(path, rel):
                    continue
                if _COPY_BEFORE_MIGRATION.match(path.name) and path.is_dir() and not path.is_symlink():
                    self.copy_before_migration(path, rel)
                    continue
                if path.is_symlink() and parse_name(path.name):
                    self.add(
                        SYMLINK,
                        rel,
                        f"{rel} is a symbolic link, not a backup (restore never reads through one)",
                        f"remove it with `rm {_quote(path)}`",
                    )
                    continue
                self.add(UNKNOWN_FILE, rel, f"{rel} is not a backup leadshift made", "move it out of the ledger folder")
                continue
            self.permissions(path, rel, rel, path.lstat().st_mode, durable.PRIVATE_FILE)
            if not backup.examined.valid and not backup.name.broken:  # set-aside broken files are broken by design
                self.add(
                    BAD_BACKUP,
                    rel,
                    f"{backup.examined.message.removesuffix('.')}; this backup cannot be restored",
                    "do not restore it; delete it if you need nothing in it (newer saves rotate it out)",
                    line=backup.examined.line,
                )

    def copy_before_migration(self, folder: Path, rel: str) -> None:
        """backups/before-schema-N/: the files as they were before an upgrade; private like the rest."""
        self.permissions(folder, rel, f"{rel}/", folder.stat().st_mode, durable.PRIVATE_DIR)
        for path in sorted(folder.rglob("*")):
            mode = path.lstat().st_mode
            wanted = durable.PRIVATE_DIR if stat.S_ISDIR(mode) else durable.PRIVATE_FILE
            if stat.S_ISDIR(mode) or stat.S_ISREG(mode):
                inner = str(path.relative_to(self.store.home))
                self.permissions(path, inner, inner, mode, wanted)

    # -- helpers -----------------------------------------------------------------

    def permissions(self, path: Path, rel: str, where: str, mode: int, wanted: int) -> None:
        mode = stat.S_IMODE(mode)
        if mode == wanted:
            return
        why = ": other users can read it" if mode & 0o077 else ""
        self.add(
            PERMISSIONS,
            rel,
            f"{where} has permissions {mode:04o}, not {wanted:04o}{why}",
            f"run `leadshift doctor --fix`, or `chmod {wanted:o} {_quote(path)}`",
            fixable=True,
        )

    def unreadable(self, path: Path, rel: str, error: OSError) -> None:
        self.add(
            UNREADABLE,
            rel,
            f"{rel} cannot be read: {error.strerror or error}",
            f"check its owner and permissions (`ls -l {_quote(path)}`)",
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
                    data = (self.store.backup_dir / backup.name.name).read_bytes()
                except OSError:
                    continue
                if fit(backup.name, data, self.current).ok:
                    return backup.name.name
        return None

    @cached_property
    def current(self) -> CurrentLedger:
        return current_ledger(self.store)

    def add(
        self, code: str, rel: str, message: str, fix: str, *, line: int | None = None, fixable: bool = False
    ) -> None:
        self.problems.append(Problem(code, rel, f"{message}.", f"{fix}.", line, fixable))


def _save_under_way(lock_path: Path) -> bool:
    """Whether another command holds the ledger lock right now (asked without waiting, and without writing)."""
    import fcntl

    try:
        fd = os.open(lock_path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError:
        return False  # no lock file (nothing saved yet) or an odd one (reported)
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    except OSError:
        return False
    finally:
        os.close(fd)  # closing releases a shared lock taken here
    return False


def _edit(rel: str, line: int | None) -> str:
    """The safe way to correct a file by hand: `leadshift edit` checks the copy before saving it."""
    what = "ledger" if rel == LEDGER_FILE else Path(rel).stem
    return f"correct {f'line {line}' if line else 'it'} with `leadshift edit {what}`"


def _quote(path: Path) -> str:
    return shlex.quote(str(path))
