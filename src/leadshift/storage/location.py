"""Where the ledger lives: `--ledger DIR` > `LEADSHIFT_HOME` > the user data dir."""

from __future__ import annotations

import errno
import os
from collections.abc import Mapping
from pathlib import Path

from leadshift.errors import UsageError

ENV_HOME = "LEADSHIFT_HOME"
# A folder that is missing, or under a file, is reported later, as "no ledger" or
# "cannot create". Any other failure to look the path up (a name too long, a NUL,
# no permission to search a parent) would only surface as an OSError deep inside a read.
_REPORTED_LATER = (errno.ENOENT, errno.ENOTDIR)


def ledger_home(option: str | None, environ: Mapping[str, str] = os.environ) -> Path:
    """The ledger directory chosen by the command line, the environment or the platform."""
    if option is not None:
        if not option.strip():
            raise UsageError("--ledger needs a directory, for example --ledger ~/leadshift.")
        return _usable(_expanded(option, "--ledger"), "--ledger")
    if environ.get(ENV_HOME, "").strip():
        return _usable(_expanded(environ[ENV_HOME], ENV_HOME), ENV_HOME)
    from platformdirs import user_data_path  # only needed when nothing else says where

    return user_data_path("leadshift", appauthor=False)


def _expanded(text: str, source: str) -> Path:
    try:
        return Path(text).expanduser().absolute()
    except RuntimeError:  # `~name/...` for a user this system does not know
        raise UsageError(f"{source} '{text}' starts with an unknown user's home; write the folder in full.") from None


def _usable(home: Path, source: str) -> Path:
    """`home`, once the system has agreed to look it up."""
    try:
        os.stat(home)
    except ValueError:  # a NUL byte: no file name can hold one
        raise UsageError(f"{source} '{home}' contains a NUL character; give a folder name without it.") from None
    except OSError as error:
        if error.errno not in _REPORTED_LATER:
            raise UsageError(f"{source} '{home}' cannot be used: {error.strerror}; choose another folder.") from None
    return home
