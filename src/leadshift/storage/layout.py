"""Every file name and pattern of a ledger folder, in one place.

    ledger.toml            profile, teammates, clients, saved handoffs    (a Book)
    log/YYYY-MM.toml       the records of one month                       (a Month)
    backups/               the last versions of each file replaced:
        ledger.toml.000042, log-2026-11.toml.000007     numbered, newest last
        ledger.toml.broken-000001                       a broken version set aside (outside the rotation)
        before-schema-2/                                the files as they were before an upgrade
    journal/               the last changes, for undo and redo (journal.py)
        000042.toml, 000043-undone.toml                 one change each, numbered, newest last
    .lock                  taken by every write, never the data itself
    export.key             the secret behind export's pseudonyms and ledger id (export_key.py); made on the first export
    .cache/                what each month held when last validated (cache.py); safe to delete
        index.json, months/YYYY-MM.json
    .NAME.XXXXXXXX.tmp     a file being written (durable.py); left only by a save cut short
    .git/, .gitignore, .gitattributes    when the folder is a git repository (`leadshift git init`, git.py)
    ledger.toml.conflict, log/YYYY-MM.toml.conflict    what a git merge set aside (merge_files.py)

The folder is 0700 and every file 0600: the ledger holds private notes about people.
"""

from __future__ import annotations

import os
import re
from pathlib import Path, PurePosixPath

from leadshift.domain.dates import MONTH_KEY

LEDGER_FILE = "ledger.toml"
LOG_DIR = "log"
BACKUP_DIR = "backups"
LOCK_FILE = ".lock"
CACHE_DIR = ".cache"
INDEX_FILE = "index.json"
MONTHS_DIR = "months"
TEMP_SUFFIX = ".tmp"
BROKEN_TAG = "broken-"
PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600
BACKUPS_KEPT = 10  # versions of each file
JOURNAL_DIR = "journal"
JOURNAL_KEPT = 50  # changes that can be undone
EXPORT_KEY_FILE = "export.key"
# What a person may keep in the ledger folder on purpose: `leadshift git init` puts it in git (docs/sync.md).
VERSION_CONTROL = frozenset({".git", ".gitignore", ".gitattributes", ".hg", ".hgignore"})

# `leadshift git`: one ledger on several machines. The journal is each machine's own undo history (numbered
# entries of files as this machine wrote them); backups, the cache and the lock are each machine's too.
GIT_DIR = ".git"
GIT_IGNORE = ".gitignore"
GIT_ATTRIBUTES = ".gitattributes"
MERGE_DRIVER = "leadshift"  # the name of the merge driver in .gitattributes and .git/config
CONFLICT_SUFFIX = ".conflict"
GIT_IGNORED = (
    f"{CACHE_DIR}/",
    LOCK_FILE,
    f"{BACKUP_DIR}/",
    f"{JOURNAL_DIR}/",
    f".*{TEMP_SUFFIX}",
    f"*{CONFLICT_SUFFIX}",
)
GIT_MERGED = (f"{LOG_DIR}/*.toml", LEDGER_FILE)  # the files git merges with leadshift's driver

MONTH_FILE = re.compile(rf"^({MONTH_KEY})\.toml$")
JOURNAL_FILE = re.compile(r"^(\d{6})(?:-(undone|undoing|redoing))?\.toml$")
# Only recovery matches these, compiled on first use (re's cache) so that no other command pays for them.
BACKUP_FILE = rf"^(?:ledger\.toml|log-(?P<month>{MONTH_KEY})\.toml)\.(?P<broken>{re.escape(BROKEN_TAG)})?(?P<n>\d+)$"
COPY_BEFORE_MIGRATION = r"^before-schema-\d+$"


def copy_before_migration(version: int) -> str:
    """The folder in backups/ that keeps the files as they were before an upgrade to `version`."""
    return f"before-schema-{version}"


def journal_name(number: int, state: str = "") -> str:
    """`000042.toml`; `000042-undone.toml` once `undo` took it back (`-undoing`, `-redoing` on the way)."""
    return f"{number:06d}{'-' if state else ''}{state}.toml"


def merged_file(rel: str) -> str | None:
    """What a path git merges is, relative to the ledger folder: LEDGER_FILE, a month key, or None (neither)."""
    if rel == LEDGER_FILE:
        return LEDGER_FILE
    folder, _, name = rel.partition("/")
    match = MONTH_FILE.match(name) if folder == LOG_DIR else None
    return match.group(1) if match else None


def conflict_name(rel: str) -> str:
    """`log/2026-11.toml.conflict`: where a merge of `rel` sets aside what it could not settle."""
    return f"{rel}{CONFLICT_SUFFIX}"


def is_temp_name(name: str) -> bool:
    """Whether `name` is that of a file being written (or left by a save cut short)."""
    return name.startswith(".") and name.endswith(TEMP_SUFFIX)


def temp_name(path: Path, tag: str) -> Path:
    """Where the new content of `path` is written before it replaces it."""
    return path.with_name(f".{path.name}.{tag}{TEMP_SUFFIX}")


def edit_name(rel: str) -> str:
    """What `leadshift edit` calls the file at `rel` (relative to the ledger folder): `ledger`, or a month."""
    return "ledger" if rel == LEDGER_FILE else PurePosixPath(rel).stem


def backup_name(path: Path, home: Path) -> str:
    """`log/2026-11.toml` -> `log-2026-11.toml`: backups/ is one flat folder."""
    return str(path.relative_to(home)).replace(os.sep, "-")


class Layout:
    """Where each file of one ledger folder lives."""

    def __init__(self, home: Path) -> None:
        self.home = home
        self.book_path = home / LEDGER_FILE
        self.log_dir = home / LOG_DIR
        self.backup_dir = home / BACKUP_DIR
        self.lock_path = home / LOCK_FILE
        self.cache_dir = home / CACHE_DIR
        self.journal_dir = home / JOURNAL_DIR
        self.export_key_path = home / EXPORT_KEY_FILE

    def month_path(self, key: str) -> Path:
        return self.log_dir / f"{key}.toml"

    def month_keys(self) -> list[str]:
        """Every month that has a file, oldest first."""
        if not self.log_dir.is_dir():
            return []
        return sorted(m.group(1) for p in self.log_dir.iterdir() if (m := MONTH_FILE.match(p.name)))

    def label(self, path: Path) -> str:
        """`log/2026-11.toml`: a path as messages name it, relative to the ledger folder."""
        return str(path.relative_to(self.home)) if path.is_relative_to(self.home) else str(path)

    def edit_name(self, path: Path) -> str:
        """What `leadshift edit` calls a file of this ledger: `ledger`, or the month `2026-11`."""
        return edit_name(self.label(path))
