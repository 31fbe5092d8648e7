"""One error hierarchy: every failure a user can cause or fix is a LeadshiftError.

The CLI catches these in one place, prints the message on one line and exits
with the error's code. Anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

import errno
from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    PROBLEM = 1  # a domain or ledger problem
    USAGE = 2  # the command line itself is wrong
    INTERRUPTED = 130  # Ctrl-C, the shell convention


class LeadshiftError(Exception):
    """A problem the user can act on; the message says what to do."""

    exit_code: int = ExitCode.PROBLEM

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UsageError(LeadshiftError):
    """The command line is wrong: a bad date, a bad number, a missing choice."""

    exit_code = ExitCode.USAGE


class NotFound(LeadshiftError):
    """A key or record id that is not in the ledger."""


class Conflict(LeadshiftError):
    """The change contradicts what the ledger holds (duplicate key, 25-hour day...)."""


class InvalidValue(LeadshiftError):
    """A value the ledger's rules reject (weight outside 1-5, negative capacity...)."""


class LedgerMissing(LeadshiftError):
    """No ledger exists where one was expected."""


class LedgerExists(LeadshiftError):
    """`init` found a ledger already there."""


class LedgerFileError(LeadshiftError):
    """A ledger file cannot be parsed or does not fit the schema.

    The message names the file, the place and a fix, never the file's contents:
    the ledger holds private notes about people.
    """

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line  # where the file breaks, when known (`doctor --json` reports it)


class LedgerVersionError(LeadshiftError):
    """The ledger was written by a newer leadshift."""


class CalendarError(LeadshiftError):
    """A calendar file that cannot be read as one (not iCalendar, too big, a broken time zone...); nothing written."""


class LedgerWriteError(LeadshiftError):
    """Saving failed (disk full, permissions, lock timeout); nothing was changed."""


class Cancelled(LeadshiftError):
    """The user stopped an interactive command; nothing was written."""

    exit_code = ExitCode.INTERRUPTED


class NotConfirmed(UsageError):
    """A change that destroys something was not confirmed, and no one is at a terminal to ask."""


class Declined(LeadshiftError):
    """The user answered no when asked to confirm; nothing was changed."""


class InvalidEdit(LeadshiftError):
    """A file edited by hand does not validate; nothing was written, and editing it again may fix it."""


class LedgerChanged(LeadshiftError):
    """A file changed on disk while a copy of it was being edited by hand; nothing was written."""


class EditorFailed(LeadshiftError):
    """The text editor exited with an error: the user gave up (vim's `:cq`) or it crashed."""


class EditorMissing(UsageError):
    """No text editor is set, or the one set cannot be run."""


class EditDiscarded(LeadshiftError):
    """The user chose not to edit an invalid copy again."""


class GitFailed(LeadshiftError):
    """`leadshift git`: git is missing, or a git command failed; the message says what to do."""


# What a few system errors mean to someone at a terminal, and what to do; the others say it well enough.
_IN_WORDS = {
    errno.ENOSPC: "the disk is full (free some space, then try again)",
    errno.EDQUOT: "your disk quota is used up (free some space, then try again)",
    errno.EFBIG: "the file would be larger than this system allows (see `ulimit -f`)",
    errno.EROFS: "the file system is read-only",
}


def in_words(error: OSError) -> str:
    """Why a file operation failed, for an error message: 'the disk is full ...', 'Permission denied'."""
    return _IN_WORDS.get(error.errno or 0) or error.strerror or str(error)
