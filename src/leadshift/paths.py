"""Where the ledger lives: `--ledger DIR` > `LEADSHIFT_HOME` > the user data dir."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from leadshift.errors import UsageError

ENV_HOME = "LEADSHIFT_HOME"


def ledger_home(option: str | None, environ: Mapping[str, str] = os.environ) -> Path:
    """The ledger directory chosen by the command line, the environment or the platform."""
    if option is not None:
        if not option.strip():
            raise UsageError("--ledger needs a directory, for example --ledger ~/leadshift.")
        return Path(option).expanduser().absolute()
    if environ.get(ENV_HOME, "").strip():
        return Path(environ[ENV_HOME]).expanduser().absolute()
    from platformdirs import user_data_path  # only needed when nothing else says where

    return user_data_path("leadshift", appauthor=False)
